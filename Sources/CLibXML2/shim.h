// The parts of libxml2 that Standoff uses: SAX2 push parsing, the text writer, and progressive
// RELAX NG validation fed from the SAX2 events (with the XML Schema datatypes it checks values by).
//
// Debian builds libxml2 with ICU, so <libxml/encoding.h> would pull in the system's
// <unicode/*.h>. Foundation on Linux ships its own, newer copy of those headers
// (_FoundationICU), and Clang refuses a module that sees two different `enum UErrorCode`s.
// Standoff never touches libxml2's ICU converters (the fields they add sit at the end of
// xmlCharEncodingHandler, which we only handle by pointer), so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xmlsave.h>

// The parts of libxml2 that Standoff uses: SAX2 push parsing, the text writer, and RELAX NG
// validation through the streaming reader.
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlerror.h>
#include <libxml/relaxng.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlreader.h>

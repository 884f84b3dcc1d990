/* The baseline for Standoff's performance: the least a program can do to read an XML file
 * with libxml2's SAX2 parser. It streams the file through the push parser in 64 KiB chunks, as
 * Standoff does, counts elements, attributes and text bytes, and prints the counts. Given several
 * files (a corpus), it reads them one after another and prints the sums.
 *
 *   gcc -O2 sax-count.c $(pkg-config --cflags --libs libxml-2.0) -o sax-count
 *   ./sax-count FILE [FILE…]
 */
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>

struct counts { long elements, attributes, text; };

static void on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                     int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                     const xmlChar **attributes) {
    struct counts *c = ctx;
    c->elements++;
    c->attributes += nb_attributes;
}

static void on_characters(void *ctx, const xmlChar *ch, int len) {
    ((struct counts *)ctx)->text += len;
}

/* Reads one file into `counts`; returns whether it was well-formed (2 if it cannot be opened). */
static int count_file(const char *path, struct counts *counts) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); return 2; }
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.characters = on_characters;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&sax, counts, NULL, 0, path);
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    static char buffer[1 << 16];
    size_t n;
    int status = 0;
    while ((n = fread(buffer, 1, sizeof buffer, file)) > 0)
        if ((status = xmlParseChunk(ctxt, buffer, (int)n, 0)) != 0) break;
    if (status == 0) status = xmlParseChunk(ctxt, NULL, 0, 1);
    int wellFormed = ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);
    fclose(file);
    return wellFormed ? 0 : 1;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: sax-count FILE [FILE…]\n"); return 2; }
    struct counts counts = {0, 0, 0};
    int worst = 0;
    for (int i = 1; i < argc; i++) {
        int status = count_file(argv[i], &counts);
        if (status > worst) worst = status;
        if (status == 2) return 2;
    }
    printf("%ld elements, %ld attributes, %ld text bytes%s\n", counts.elements, counts.attributes, counts.text,
           worst ? " (not well-formed)" : "");
    return worst;
}

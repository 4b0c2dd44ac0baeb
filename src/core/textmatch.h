/*
 * textmatch.h — finding typed words in a text, as search as you type does:
 * every typed word must start a word of the text, ignoring case and the
 * accents of Latin letters ("zoe" finds "Zoë", "leerl" finds "Leerlingen").
 */
#ifndef LEERNET_CORE_TEXTMATCH_H
#define LEERNET_CORE_TEXTMATCH_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Does every word of query start a word of text? On true, *at and *len (when
 * not NULL) give the bytes of text of the first word found. A query without
 * words matches nothing.
 */
bool textmatch(const char *text, const char *query, size_t *at, size_t *len);

/*
 * An allocated one-line excerpt of text around the len bytes at at: about
 * width characters, line breaks as spaces, "…" where text was cut, and the
 * word found between [ and ].
 */
char *textmatch_snippet(const char *text, size_t at, size_t len, int width);

#endif

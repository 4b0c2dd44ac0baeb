/*
 * text.h — UTF-8 text measured in terminal columns.
 *
 * Columns line up by display width (wcwidth), never by bytes: "Zoë van
 * Ĳsselstein" is 18 columns in 21 bytes. Invalid UTF-8 counts one column
 * per byte so that nothing is ever dropped silently.
 */
#ifndef LEERNET_CORE_TEXT_H
#define LEERNET_CORE_TEXT_H

#include <stddef.h>

/* Display width of s in columns. */
int text_width(const char *s);

/*
 * Copy the longest prefix of s that fits in width columns into buf (size
 * bytes), ending with "…" when s was cut, and padding with spaces to exactly
 * width columns when pad is non-zero. Returns the columns written.
 */
int text_fit(const char *s, int width, int pad, char *buf, size_t size);

/* Columns of the one character in the n bytes at s (0 when n is not 1..4). */
int text_char_columns(const char *s, size_t n);

/* Bytes of the UTF-8 sequence starting at s (1 for invalid bytes, 0 at NUL). */
size_t text_char_len(const char *s);

/*
 * The next line of s wrapped at width columns: returns its length in bytes
 * (breaking after a space when it can, at a newline always) and sets *skip
 * to the bytes to step over to the next line (the line and its break).
 * Returns 0 with *skip 0 at the end of s.
 */
size_t text_wrap(const char *s, int width, size_t *skip);

/* Non-zero when s is valid UTF-8. */
int text_valid_utf8(const char *s);

#endif

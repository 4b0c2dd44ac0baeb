/*
 * csv.h — write RFC 4180 CSV for spreadsheets: to a stream or into memory.
 *
 * A field is quoted when it holds the separator, a double quote, CR or LF;
 * quotes inside are doubled. Rows end with CRLF. Bytes are passed through
 * as they are (UTF-8 stays UTF-8). A text field that starts with '=', '+',
 * '-', '@', TAB or CR gets a leading apostrophe so that a spreadsheet shows
 * it as text instead of running it as a formula; numbers written with
 * csv_field_int are never changed.
 *
 * The writer owns its buffer; a stream given to csv_new is borrowed and
 * never closed. Nothing here allocates without xmalloc.
 */
#ifndef LEERNET_CORE_CSV_H
#define LEERNET_CORE_CSV_H

#include <stddef.h>
#include <stdio.h>

struct csv;

/* A writer to out, or into a growing buffer when out is NULL; sep is ','
 * for ordinary CSV. Owned by the caller, released by csv_free. */
struct csv *csv_new(FILE *out, char sep);
/* Release the writer (and its buffer); NULL accepted. */
void csv_free(struct csv *c);

/* Append a text field to the current row; NULL is an empty field. */
void csv_field(struct csv *c, const char *s);
/* Append a number to the current row, as digits (never neutralised). */
void csv_field_int(struct csv *c, long long v);
/* End the current row with CRLF. */
void csv_row_end(struct csv *c);
/* Write n text fields as one row. */
void csv_row(struct csv *c, const char *const *fields, size_t n);

/* The bytes written so far in buffer mode (NUL-terminated; *len may be
 * NULL); "" for a stream writer. Borrowed until the next write. */
const char *csv_data(const struct csv *c, size_t *len);
/* 0, or -1 when a write to the stream failed. */
int csv_status(const struct csv *c);

#endif

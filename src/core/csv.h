/*
 * csv.h — write RFC 4180 CSV for spreadsheets (to a stream or into memory),
 * and read CSV back from memory.
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

/*
 * The reader parses a whole in-memory buffer, which it borrows (not copied;
 * it must outlive the reader). Fields are returned unquoted, "" inside
 * quotes becoming one quote; quoted fields may hold separators, CR and LF.
 * CRLF, LF and a lone CR outside quotes each end a record (and count as one
 * line). A completely empty line is skipped. A quote inside an unquoted
 * field is kept as it is. Trailing empty fields are kept: "a;b;" is 3.
 */
struct csv_reader;

#define CSV_READER_FIELD_MAX 65536	/* bytes in one field: 64 KiB */

/*
 * A reader over len bytes at data (NULL accepted when len is 0). sep 0 means
 * detect: ';' when the first record has more ';' than ',' outside quotes,
 * else ','. A UTF-8 BOM at the start is skipped. Owned by the caller,
 * released by csv_reader_free.
 */
struct csv_reader *csv_reader_new(const char *data, size_t len, char sep);
/* Release the reader and the fields it handed out; NULL accepted. */
void csv_reader_free(struct csv_reader *r);
/* The separator in use (the detected one when sep was 0). */
char csv_reader_sep(const struct csv_reader *r);

/*
 * The next record. Returns 1 with *fields and *n set: an array of *n
 * NUL-terminated strings, borrowed, valid until the next call or
 * csv_reader_free. Returns 0 at the end of the input, or -1 when the record
 * is malformed, with *error set to a static English message for _():
 * "a quoted field is not closed", "text after a closing quote" or "a field
 * is longer than 64 KiB". *fields is NULL and *n 0 when 0 or -1 is returned.
 * *line receives the 1-based line where the record starts, also on -1.
 * line and error may be NULL. After -1 the next call goes on with the next
 * record (an unclosed quote runs to the end of the input, so it is the last).
 */
int csv_reader_next(struct csv_reader *r, char ***fields, size_t *n, long *line,
    const char **error);

#endif

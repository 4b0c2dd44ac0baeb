/*
 * csv.c — RFC 4180 CSV: a writer with CRLF rows and formula neutralisation,
 * and a reader over a buffer in memory.
 */
#include "autoconf.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/i18n.h"
#include "core/xmalloc.h"

struct csv {
	FILE *out;		/* borrowed; NULL = buffer mode */
	char sep;
	char *buf;		/* buffer mode: the bytes, NUL-terminated */
	size_t len, cap;
	bool row_open;		/* a field was written in the current row */
	bool failed;		/* a stream write failed */
};

struct csv *
csv_new(FILE *out, char sep)
{
	struct csv *c = xcalloc(1, sizeof *c);

	c->out = out;
	c->sep = sep;
	if (out == NULL) {
		c->cap = 256;
		c->buf = xmalloc(c->cap);
		c->buf[0] = '\0';
	}
	return c;
}

void
csv_free(struct csv *c)
{
	if (c == NULL)
		return;
	free(c->buf);
	free(c);
}

/* Append n bytes to the stream or the buffer. */
static void
csv_put(struct csv *c, const char *p, size_t n)
{
	if (n == 0)
		return;
	if (c->out != NULL) {
		if (fwrite(p, 1, n, c->out) != n)
			c->failed = true;
		return;
	}
	if (c->len + n + 1 > c->cap) {
		while (c->len + n + 1 > c->cap)
			c->cap *= 2;
		c->buf = xrealloc(c->buf, c->cap);
	}
	memcpy(c->buf + c->len, p, n);
	c->len += n;
	c->buf[c->len] = '\0';
}

/* Does a text field need an apostrophe so that it is not read as a formula? */
static bool
csv_is_formula(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

/* Does a field need quotes? (the apostrophe never does) */
static bool
csv_needs_quotes(const struct csv *c, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == c->sep || *s == '"' || *s == '\r' || *s == '\n')
			return true;
	}
	return false;
}

/* Write s quoted, doubling the quotes inside. */
static void
csv_put_quoted(struct csv *c, const char *prefix, const char *s)
{
	const char *q;

	csv_put(c, "\"", 1);
	csv_put(c, prefix, strlen(prefix));
	while ((q = strchr(s, '"')) != NULL) {
		csv_put(c, s, (size_t)(q - s) + 1);
		csv_put(c, "\"", 1);
		s = q + 1;
	}
	csv_put(c, s, strlen(s));
	csv_put(c, "\"", 1);
}

/* Start a field: the separator unless it is the row's first. */
static void
csv_field_start(struct csv *c)
{
	if (c->row_open)
		csv_put(c, &c->sep, 1);
	c->row_open = true;
}

void
csv_field(struct csv *c, const char *s)
{
	const char *prefix;

	csv_field_start(c);
	if (s == NULL)
		return;
	prefix = csv_is_formula(s) ? "'" : "";
	if (csv_needs_quotes(c, s)) {
		csv_put_quoted(c, prefix, s);
		return;
	}
	csv_put(c, prefix, strlen(prefix));
	csv_put(c, s, strlen(s));
}

void
csv_field_int(struct csv *c, long long v)
{
	char num[32];

	csv_field_start(c);
	csv_put(c, num, (size_t)snprintf(num, sizeof num, "%lld", v));
}

void
csv_row_end(struct csv *c)
{
	csv_put(c, "\r\n", 2);
	c->row_open = false;
}

void
csv_row(struct csv *c, const char *const *fields, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		csv_field(c, fields[i]);
	csv_row_end(c);
}

const char *
csv_data(const struct csv *c, size_t *len)
{
	if (len != NULL)
		*len = c->out == NULL ? c->len : 0;
	return c->out == NULL ? c->buf : "";
}

int
csv_status(const struct csv *c)
{
	return c->failed || (c->out != NULL && ferror(c->out)) ? -1 : 0;
}

/*
 * The reader. All fields of the current record go into one growing buffer,
 * each ended by a NUL; start[] holds their offsets until the record is done,
 * when fields[] is pointed at them. Nothing is allocated per field.
 */
struct csv_reader {
	const char *p;		/* the next byte of the borrowed input */
	const char *end;
	char sep;
	long line;		/* the line that p is on */
	char *buf;		/* the current record's fields */
	size_t len, cap;
	size_t field;		/* offset in buf of the current field */
	size_t *start;		/* offset of each field */
	char **fields;		/* what csv_reader_next hands out */
	size_t n, fields_cap;
	const char *error;	/* the first fault in the current record */
};

/* Which separator the first record uses more: ';' or ',' (outside quotes). */
static char
csv_reader_detect(const char *p, const char *end)
{
	size_t semi = 0, comma = 0;
	bool quoted = false;

	while (p < end && (*p == '\r' || *p == '\n'))
		p++;
	for (; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (*p == '\n' || *p == '\r')
			break;
		else if (*p == ';')
			semi++;
		else if (*p == ',')
			comma++;
	}
	return semi > comma ? ';' : ',';
}

struct csv_reader *
csv_reader_new(const char *data, size_t len, char sep)
{
	struct csv_reader *r = xcalloc(1, sizeof *r);

	if (data == NULL)
		len = 0;
	r->p = len > 0 ? data : "";
	r->end = r->p + len;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		r->p += 3;
	r->sep = sep != '\0' ? sep : csv_reader_detect(r->p, r->end);
	r->line = 1;
	r->cap = 1024;
	r->buf = xmalloc(r->cap);
	r->fields_cap = 16;
	r->start = xreallocarray(NULL, r->fields_cap, sizeof *r->start);
	r->fields = xreallocarray(NULL, r->fields_cap, sizeof *r->fields);
	return r;
}

void
csv_reader_free(struct csv_reader *r)
{
	if (r == NULL)
		return;
	free(r->buf);
	free(r->start);
	free(r->fields);
	free(r);
}

char
csv_reader_sep(const struct csv_reader *r)
{
	return r->sep;
}

/* Make room for n more bytes (and a NUL) in the record buffer. */
static void
csv_reader_reserve(struct csv_reader *r, size_t n)
{
	if (r->len + n + 1 <= r->cap)
		return;
	while (r->len + n + 1 > r->cap)
		r->cap *= 2;
	r->buf = xrealloc(r->buf, r->cap);
}

/* Append n bytes to the current field; past 64 KiB they are dropped. */
static void
csv_reader_put(struct csv_reader *r, const char *s, size_t n)
{
	if (r->len - r->field + n > CSV_READER_FIELD_MAX) {
		if (r->error == NULL)
			r->error = N_("a field is longer than 64 KiB");
		return;
	}
	csv_reader_reserve(r, n);
	memcpy(r->buf + r->len, s, n);
	r->len += n;
}

/* Begin a new field at the end of the buffer. */
static void
csv_reader_field_begin(struct csv_reader *r)
{
	if (r->n == r->fields_cap) {
		r->fields_cap *= 2;
		r->start = xreallocarray(r->start, r->fields_cap, sizeof *r->start);
		r->fields = xreallocarray(r->fields, r->fields_cap, sizeof *r->fields);
	}
	r->field = r->len;
	r->start[r->n++] = r->len;
}

/* End the current field with its NUL. */
static void
csv_reader_field_end(struct csv_reader *r)
{
	csv_reader_reserve(r, 0);
	r->buf[r->len++] = '\0';
}

/* Count the line ends in the n bytes at s: LF, CRLF and a lone CR. */
static long
csv_reader_lines(const char *s, size_t n, const char *end)
{
	long lines = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n')
			lines++;
		else if (s[i] == '\r' && (s + i + 1 == end || s[i + 1] != '\n'))
			lines++;
	}
	return lines;
}

/* An unquoted field: up to the separator, CR, LF or the end. */
static void
csv_reader_plain(struct csv_reader *r)
{
	const char *q = r->p, *end = r->end;
	char sep = r->sep;

	while (q < end && *q != sep && *q != '\n' && *q != '\r')
		q++;
	csv_reader_put(r, r->p, (size_t)(q - r->p));
	r->p = q;
}

/*
 * A quoted field, r->p on its opening quote. Returns -1 when the quote is
 * never closed (the input is used up). Text between the closing quote and
 * the separator is a fault; it is read as if unquoted so that the next
 * record starts in the right place.
 */
static int
csv_reader_quoted(struct csv_reader *r)
{
	const char *q;
	size_t n;

	r->p++;
	for (;;) {
		q = memchr(r->p, '"', (size_t)(r->end - r->p));
		n = (size_t)((q != NULL ? q : r->end) - r->p);
		r->line += csv_reader_lines(r->p, n, r->end);
		csv_reader_put(r, r->p, n);
		if (q == NULL) {
			r->p = r->end;
			return -1;
		}
		r->p = q + 1;
		if (r->p == r->end || *r->p != '"')
			break;
		csv_reader_put(r, "\"", 1);
		r->p++;
	}
	if (r->p < r->end && *r->p != r->sep && *r->p != '\n' && *r->p != '\r') {
		if (r->error == NULL)
			r->error = N_("text after a closing quote");
		csv_reader_plain(r);
	}
	return 0;
}

/* Step over one line end (CRLF, LF or CR) at r->p, if there is one. */
static void
csv_reader_eol(struct csv_reader *r)
{
	if (r->p < r->end && *r->p == '\r') {
		r->p++;
		if (r->p < r->end && *r->p == '\n')
			r->p++;
		r->line++;
	} else if (r->p < r->end && *r->p == '\n') {
		r->p++;
		r->line++;
	}
}

/* Read the fields of one record, r->p at its first byte. */
static void
csv_reader_record(struct csv_reader *r)
{
	for (;;) {
		csv_reader_field_begin(r);
		if (r->p < r->end && *r->p == '"') {
			if (csv_reader_quoted(r) != 0) {
				r->error = N_("a quoted field is not closed");
				return;
			}
		} else {
			csv_reader_plain(r);
		}
		csv_reader_field_end(r);
		if (r->p == r->end || *r->p != r->sep)
			break;
		r->p++;
	}
	csv_reader_eol(r);
}

int
csv_reader_next(struct csv_reader *r, char ***fields, size_t *n, long *line,
    const char **error)
{
	size_t i;

	*fields = NULL;
	*n = 0;
	while (r->p < r->end && (*r->p == '\r' || *r->p == '\n'))
		csv_reader_eol(r);
	if (line != NULL)
		*line = r->line;
	if (r->p == r->end)
		return 0;
	r->len = 0;
	r->n = 0;
	r->error = NULL;
	csv_reader_record(r);
	if (r->error != NULL) {
		if (error != NULL)
			*error = r->error;
		return -1;
	}
	for (i = 0; i < r->n; i++)
		r->fields[i] = r->buf + r->start[i];
	*fields = r->fields;
	*n = r->n;
	return 1;
}

/* csv.c — RFC 4180 CSV with CRLF rows and formula neutralisation. */
#include "autoconf.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
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

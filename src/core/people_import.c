/*
 * people_import.c — a CSV file of people into checked rows: the header
 * mapped to columns, each record validated, duplicate emails found by one
 * sort. See people_import.h for the rules.
 */
#include "autoconf.h"

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/i18n.h"
#include "core/people_import.h"
#include "core/validate.h"
#include "core/xmalloc.h"

#define PEOPLE_IMPORT_LOGIN_MAX 64	/* characters of a login, as the store checks */

/* The person fields a column can hold. */
enum people_import_col {
	PI_NAME,
	PI_FIRST,
	PI_PREFIX,
	PI_LAST,
	PI_EMAIL,
	PI_ORG,
	PI_FUNCTION,
	PI_LOGIN,
	PI__COUNT
};

/* Header names after people_import_key: lower case, no ' ', '-', '_' or '.'. */
static const struct {
	const char *key;
	enum people_import_col col;
} people_import_names[] = {
	{ "name", PI_NAME }, { "naam", PI_NAME }, { "volledigenaam", PI_NAME },
	{ "fullname", PI_NAME },
	{ "firstname", PI_FIRST }, { "voornaam", PI_FIRST }, { "givenname", PI_FIRST },
	{ "tussenvoegsel", PI_PREFIX }, { "tussenvoegsels", PI_PREFIX }, { "prefix", PI_PREFIX },
	{ "lastname", PI_LAST }, { "achternaam", PI_LAST }, { "surname", PI_LAST },
	{ "familyname", PI_LAST },
	{ "email", PI_EMAIL }, { "emailadres", PI_EMAIL }, { "emailaddress", PI_EMAIL },
	{ "mail", PI_EMAIL },
	{ "organisation", PI_ORG }, { "organization", PI_ORG }, { "organisatie", PI_ORG },
	{ "school", PI_ORG },
	{ "function", PI_FUNCTION }, { "functie", PI_FUNCTION },
	{ "login", PI_LOGIN }, { "gebruikersnaam", PI_LOGIN }, { "username", PI_LOGIN },
};

/* The parser's state while it walks the records. */
struct people_import {
	const struct import_functions *fn;
	struct import_parsed *out;
	size_t cols;			/* fields in the header */
	int map[PI__COUNT];		/* field index of each person field, or -1 */
	size_t rows_cap, bad_cap;
};

/* c in ASCII lower case. */
static char
people_import_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Compare a and b ignoring ASCII case, as SQLite's NOCASE does. */
static int
people_import_casecmp(const char *a, const char *b)
{
	char ca, cb;

	do {
		ca = people_import_lower(*a++);
		cb = people_import_lower(*b++);
	} while (ca == cb && ca != '\0');
	return (unsigned char)ca - (unsigned char)cb;
}

/* Is p (n bytes left) at white space to trim: ASCII or a no-break space? Its length. */
static size_t
people_import_space(const char *p, size_t n)
{
	if (n >= 1 && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		return 1;
	if (n >= 2 && (unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
		return 2;
	return 0;
}

/* s without surrounding white space: *len bytes from the returned pointer. */
static const char *
people_import_trim(const char *s, size_t *len)
{
	size_t n = strlen(s), k;

	while ((k = people_import_space(s, n)) > 0) {
		s += k;
		n -= k;
	}
	for (;;) {
		if (n >= 1 && people_import_space(s + n - 1, 1) > 0)
			n--;
		else if (n >= 2 && people_import_space(s + n - 2, 2) == 2)
			n -= 2;
		else
			break;
	}
	*len = n;
	return s;
}

/* The trimmed copy of s, or NULL when nothing is left. */
static char *
people_import_value(const char *s)
{
	size_t n;

	s = people_import_trim(s, &n);
	return n > 0 ? xstrndup(s, n) : NULL;
}

/* The column that header cell h names, or -1. */
static int
people_import_column(const char *h)
{
	char key[32];
	size_t i, n, k = 0;

	h = people_import_trim(h, &n);
	for (i = 0; i < n; i++) {
		if (h[i] == ' ' || h[i] == '-' || h[i] == '_' || h[i] == '.')
			continue;
		if (k + 1 >= sizeof key)
			return -1;
		key[k++] = people_import_lower(h[i]);
	}
	key[k] = '\0';
	for (i = 0; i < sizeof people_import_names / sizeof people_import_names[0]; i++) {
		if (strcmp(key, people_import_names[i].key) == 0)
			return (int)people_import_names[i].col;
	}
	return -1;
}

/* Offset of the first byte of data that is not UTF-8, or len. */
static size_t
people_import_utf8_end(const unsigned char *p, size_t len)
{
	size_t i = 0, k, need;
	unsigned char lo, hi;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		lo = 0x80;
		hi = 0xbf;
		if (p[i] >= 0xc2 && p[i] <= 0xdf)
			need = 1;
		else if (p[i] >= 0xe0 && p[i] <= 0xef)
			need = 2;
		else if (p[i] >= 0xf0 && p[i] <= 0xf4)
			need = 3;
		else
			return i;
		if (p[i] == 0xe0)
			lo = 0xa0;
		else if (p[i] == 0xed)
			hi = 0x9f;
		else if (p[i] == 0xf0)
			lo = 0x90;
		else if (p[i] == 0xf4)
			hi = 0x8f;
		if (len - i <= need || p[i + 1] < lo || p[i + 1] > hi)
			return i;
		for (k = 2; k <= need; k++) {
			if (p[i + k] < 0x80 || p[i + k] > 0xbf)
				return i;
		}
		i += need + 1;
	}
	return len;
}

/* The 1-based line of byte off (LF, CRLF and a lone CR end a line). */
static long
people_import_line_of(const char *data, size_t off)
{
	long line = 1;
	size_t i;

	for (i = 0; i < off; i++) {
		if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == off || data[i + 1] != '\n')))
			line++;
	}
	return line;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
/* Set *fatal to the translated fmt with its arguments; returns -1. */
static int
people_import_fatal(char **fatal, const char *fmt, ...)
{
	va_list ap;
	char *s = NULL;

	va_start(ap, fmt);
	if (vasprintf(&s, _(fmt), ap) < 0)
		s = NULL;
	va_end(ap);
	*fatal = s != NULL ? s : xstrdup(_(fmt));
	return -1;
}

char *
people_import_bad_text(const struct import_bad *b)
{
	char *why = xasprintf(_(b->reason), b->arg), *s;

	if (b->column == NULL)
		return why;
	s = xasprintf("%s: %s", _(b->column), why);
	free(why);
	return s;
}

char *
people_import_note_text(const struct import_note *n)
{
	return xasprintf(_(n->reason), n->arg);
}
#pragma GCC diagnostic pop

/* Add a note: reason with one %s, arg (trimmed) copied. */
static void
people_import_note(struct import_parsed *out, const char *reason, const char *arg)
{
	size_t n;

	arg = people_import_trim(arg, &n);
	out->notes = xreallocarray(out->notes, out->n_notes + 1, sizeof *out->notes);
	out->notes[out->n_notes].reason = reason;
	out->notes[out->n_notes].arg = xstrndup(arg, n);
	out->n_notes++;
}

/* Record a bad row. */
static void
people_import_bad(struct people_import *pi, long line, const char *column, const char *reason,
    int arg)
{
	struct import_parsed *out = pi->out;

	if (out->n_bad == pi->bad_cap) {
		pi->bad_cap = pi->bad_cap == 0 ? 16 : pi->bad_cap * 2;
		out->bad = xreallocarray(out->bad, pi->bad_cap, sizeof *out->bad);
	}
	out->bad[out->n_bad].line = line;
	out->bad[out->n_bad].column = column;
	out->bad[out->n_bad].reason = reason;
	out->bad[out->n_bad].arg = arg;
	out->n_bad++;
}

/*
 * Map the header's fields to person fields into pi->map, noting the ones
 * not used. 0, or -1 with *fatal.
 */
static int
people_import_header(struct people_import *pi, char **f, size_t n, long line, char **fatal)
{
	int col;
	size_t i;

	for (i = 0; i < PI__COUNT; i++)
		pi->map[i] = -1;
	pi->cols = n;
	for (i = 0; i < n; i++) {
		if ((col = people_import_column(f[i])) < 0)
			continue;
		if (pi->map[col] >= 0)
			return people_import_fatal(fatal,
			    N_("line %ld: the columns '%s' and '%s' hold the same thing"), line,
			    f[pi->map[col]], f[i]);
		pi->map[col] = (int)i;
	}
	if (pi->map[PI_NAME] < 0 && (pi->map[PI_FIRST] < 0 || pi->map[PI_LAST] < 0))
		return people_import_fatal(fatal,
		    N_("the header has no name column: expected 'name' (or 'naam'), "
		    "or 'first name' and 'last name' (or 'voornaam' and 'achternaam')"));
	if (pi->map[PI_NAME] >= 0)	/* a whole name wins over its parts */
		pi->map[PI_FIRST] = pi->map[PI_PREFIX] = pi->map[PI_LAST] = -1;
	for (i = 0; i < n; i++) {
		size_t len, k;
		bool mapped = false;

		for (k = 0; k < PI__COUNT; k++)
			mapped = mapped || pi->map[k] == (int)i;
		people_import_trim(f[i], &len);
		if (!mapped && len > 0)
			people_import_note(pi->out, N_("the column '%s' is not used"), f[i]);
	}
	return 0;
}

/* The trimmed field of person field col, or NULL when absent or empty. */
static char *
people_import_field(const struct people_import *pi, char **f, enum people_import_col col)
{
	return pi->map[col] >= 0 ? people_import_value(f[pi->map[col]]) : NULL;
}

/* The name of a record: its name field, or first, prefix and last joined. */
static char *
people_import_name(const struct people_import *pi, char **f)
{
	static const enum people_import_col parts[] = { PI_FIRST, PI_PREFIX, PI_LAST };
	char *part, *name = NULL, *joined;
	size_t i;

	if (pi->map[PI_NAME] >= 0)
		return people_import_field(pi, f, PI_NAME);
	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if ((part = people_import_field(pi, f, parts[i])) == NULL)
			continue;
		if (name == NULL) {
			name = part;
			continue;
		}
		joined = xasprintf("%s %s", name, part);
		free(name);
		free(part);
		name = joined;
	}
	return name;
}

/* The key of a function typed as its key or label (ignoring case), else text itself. */
static void
people_import_function(const struct import_functions *fn, char **text)
{
	size_t i;

	if (fn == NULL || *text == NULL)
		return;
	for (i = 0; i < fn->n; i++) {
		if ((fn->keys[i] != NULL && people_import_casecmp(*text, fn->keys[i]) == 0) ||
		    (fn->labels[i] != NULL && people_import_casecmp(*text, fn->labels[i]) == 0)) {
			free(*text);
			*text = xstrdup(fn->keys[i]);
			return;
		}
	}
}

/* Release the strings of one row. */
static void
people_import_row_free(struct import_row *r)
{
	free(r->name);
	free(r->email);
	free(r->organisation);
	free(r->function);
	free(r->login);
}

/* The first problem of r's values (column, reason, arg), or false when r is good. */
static bool
people_import_check(const struct import_row *r, const char **column, const char **reason,
    int *arg)
{
	const char *why;

	*arg = VALIDATE_TITLE_MAX;
	if ((why = validate_line(r->name, true, VALIDATE_TITLE_MAX)) != NULL)
		*column = N_("name");
	else if (r->email != NULL && (why = validate_email(r->email)) != NULL)
		*column = N_("email");
	else if ((why = validate_line(r->organisation, false, VALIDATE_TITLE_MAX)) != NULL)
		*column = N_("organisation");
	else if ((why = validate_line(r->function, false, VALIDATE_TITLE_MAX)) != NULL)
		*column = N_("function");
	else if ((why = validate_line(r->login, false, PEOPLE_IMPORT_LOGIN_MAX)) != NULL) {
		*column = N_("login");
		*arg = PEOPLE_IMPORT_LOGIN_MAX;
	}
	*reason = why;
	return why != NULL;
}

/* Are all n fields empty or white space? */
static bool
people_import_blank(char **f, size_t n)
{
	size_t i, len;

	for (i = 0; i < n; i++) {
		people_import_trim(f[i], &len);
		if (len > 0)
			return false;
	}
	return true;
}

/* One data record read from line: a good row or a bad one. */
static void
people_import_record(struct people_import *pi, char **f, size_t n, long line)
{
	struct import_parsed *out = pi->out;
	struct import_row r = { .line = line };
	const char *column, *reason;
	char *email;
	int arg;

	if (people_import_blank(f, n))
		return;
	if (n != pi->cols) {
		people_import_bad(pi, line, NULL, n > pi->cols ?
		    N_("more fields than the %d columns of the header") :
		    N_("fewer fields than the %d columns of the header"),
		    pi->cols > INT_MAX ? INT_MAX : (int)pi->cols);
		return;
	}
	r.name = people_import_name(pi, f);
	r.email = people_import_field(pi, f, PI_EMAIL);
	r.organisation = people_import_field(pi, f, PI_ORG);
	r.function = people_import_field(pi, f, PI_FUNCTION);
	r.login = people_import_field(pi, f, PI_LOGIN);
	if (people_import_check(&r, &column, &reason, &arg)) {
		people_import_bad(pi, line, column, reason, arg);
		people_import_row_free(&r);
		return;
	}
	if (r.email != NULL) {
		email = email_normalise(r.email);
		free(r.email);
		r.email = email;
	}
	people_import_function(pi->fn, &r.function);
	if (out->n_rows == pi->rows_cap) {
		pi->rows_cap = pi->rows_cap == 0 ? 64 : pi->rows_cap * 2;
		out->rows = xreallocarray(out->rows, pi->rows_cap, sizeof *out->rows);
	}
	out->rows[out->n_rows++] = r;
}

/* qsort: rows by email (ignoring case), then by line. */
static int
people_import_by_email(const void *a, const void *b)
{
	const struct import_row *ra = *(const struct import_row *const *)a;
	const struct import_row *rb = *(const struct import_row *const *)b;
	int c = people_import_casecmp(ra->email, rb->email);

	if (c != 0)
		return c;
	return ra->line < rb->line ? -1 : ra->line > rb->line;
}

/* qsort: bad rows by line. */
static int
people_import_by_line(const void *a, const void *b)
{
	const struct import_bad *ba = a, *bb = b;

	return ba->line < bb->line ? -1 : ba->line > bb->line;
}

/*
 * Move every good row whose email an earlier good row has to the bad rows
 * ("the same address as line N"), keeping the order of the rest.
 */
static void
people_import_duplicates(struct people_import *pi)
{
	struct import_parsed *out = pi->out;
	struct import_row **by = xreallocarray(NULL, out->n_rows + 1, sizeof *by);
	bool *dup = xcalloc(out->n_rows + 1, sizeof *dup);
	size_t i, n = 0, kept = 0, first = 0;

	for (i = 0; i < out->n_rows; i++) {
		if (out->rows[i].email != NULL)
			by[n++] = &out->rows[i];
	}
	qsort(by, n, sizeof *by, people_import_by_email);
	for (i = 1; i < n; i++) {
		if (people_import_casecmp(by[first]->email, by[i]->email) != 0) {
			first = i;
			continue;
		}
		dup[by[i] - out->rows] = true;
		people_import_bad(pi, by[i]->line, N_("email"), N_("the same address as line %d"),
		    by[first]->line > INT_MAX ? INT_MAX : (int)by[first]->line);
	}
	for (i = 0; i < out->n_rows; i++) {
		if (dup[i])
			people_import_row_free(&out->rows[i]);
		else
			out->rows[kept++] = out->rows[i];
	}
	out->n_rows = kept;
	if (out->n_bad > 1)
		qsort(out->bad, out->n_bad, sizeof *out->bad, people_import_by_line);
	free(by);
	free(dup);
}

int
people_import_parse(const char *data, size_t len, const struct import_functions *fn,
    struct import_parsed *out, char **fatal)
{
	struct people_import pi = { .fn = fn, .out = out };
	struct csv_reader *r;
	const char *err = NULL;
	size_t n, bad;
	char **f;
	long line;
	int rc, ret = -1;

	memset(out, 0, sizeof *out);
	*fatal = NULL;
	if (data == NULL)
		len = 0;
	if ((bad = people_import_utf8_end((const unsigned char *)data, len)) < len)
		return people_import_fatal(fatal, N_("line %ld: the file is not UTF-8 text; "
		    "save it from the spreadsheet as \"CSV UTF-8\""),
		    people_import_line_of(data, bad));
	r = csv_reader_new(data, len, '\0');
	out->sep = csv_reader_sep(r);
	rc = csv_reader_next(r, &f, &n, &line, &err);
	if (rc == 0) {
		people_import_fatal(fatal, N_("the file is empty"));
		goto out;
	}
	if (rc < 0) {
		people_import_fatal(fatal, N_("line %ld: %s"), line, _(err));
		goto out;
	}
	if (people_import_header(&pi, f, n, line, fatal) != 0)
		goto out;
	while ((rc = csv_reader_next(r, &f, &n, &line, &err)) != 0) {
		if (rc < 0)
			people_import_bad(&pi, line, NULL, err, 0);
		else
			people_import_record(&pi, f, n, line);
	}
	people_import_duplicates(&pi);
	ret = 0;
out:
	csv_reader_free(r);
	return ret;
}

void
people_import_free(struct import_parsed *out)
{
	size_t i;

	if (out == NULL)
		return;
	for (i = 0; i < out->n_rows; i++)
		people_import_row_free(&out->rows[i]);
	free(out->rows);
	free(out->bad);
	for (i = 0; i < out->n_notes; i++)
		free(out->notes[i].arg);
	free(out->notes);
	memset(out, 0, sizeof *out);
}

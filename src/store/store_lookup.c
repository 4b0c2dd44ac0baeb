/*
 * store_lookup.c — find the theme or group that someone named on the
 * command line: by id, by its whole title, or by the start of it; and when
 * that fails, the few rows they may have meant.
 *
 * Case is ignored for ASCII letters (SQLite's NOCASE). Close matches come
 * from theme_fts/grp_fts, where any typed word may prefix-match a word of
 * the title (diacritics folded), and for themes from a title that contains
 * the text.
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum lookup_step {
	LOOKUP_ID,
	LOOKUP_EXACT,
	LOOKUP_PREFIX,
	LOOKUP_NEAR,
	LOOKUP__STEPS
};

/* Statement index: the table's steps, themes first, then groups. */
enum {
	LOOKUP_THEME = 0,
	LOOKUP_GROUP = LOOKUP__STEPS,
	LOOKUP__COUNT = 2 * LOOKUP__STEPS
};

/*
 * The prefix is a range on the NOCASE index: every title that starts with
 * ?1 sorts from ?1 up to ?1 followed by byte 0xff (?4), which no UTF-8
 * text holds. Close matches of groups come from grp_fts alone, so that no
 * step scans the growing grp table; the theme catalogue is small, and a
 * title that contains the text is offered too.
 */
#define LOOKUP_SQL(BASE, TABLE, COL, NEAR) \
	[BASE + LOOKUP_ID] = "SELECT id, " COL " FROM " TABLE " WHERE id = ?1", \
	[BASE + LOOKUP_EXACT] = "SELECT id, " COL " FROM " TABLE \
	    " WHERE " COL " = ?1 COLLATE NOCASE ORDER BY id LIMIT ?2", \
	[BASE + LOOKUP_PREFIX] = "SELECT id, " COL " FROM " TABLE \
	    " WHERE " COL " >= ?1 COLLATE NOCASE AND " COL " < ?4 COLLATE NOCASE " \
	    "ORDER BY " COL " COLLATE NOCASE, id LIMIT ?2", \
	[BASE + LOOKUP_NEAR] = "/* scan ok: close matches once a lookup found nothing */ " \
	    "SELECT id, " COL " FROM " TABLE " WHERE " NEAR \
	    " ORDER BY " COL " COLLATE NOCASE, id LIMIT ?2"

static const char *const lookup_sql[LOOKUP__COUNT] = {
	LOOKUP_SQL(LOOKUP_THEME, "theme", "title",
	    "instr(lower(title), lower(?1)) > 0 OR (?3 IS NOT NULL AND "
	    "id IN (SELECT rowid FROM theme_fts WHERE theme_fts MATCH ?3))"),
	LOOKUP_SQL(LOOKUP_GROUP, "grp", "name",
	    "?3 IS NOT NULL AND id IN (SELECT rowid FROM grp_fts WHERE grp_fts MATCH ?3)"),
};

const struct store_sql_table store_lookup_table = {
	STORE_MOD_LOOKUP, lookup_sql, LOOKUP__COUNT
};

/* What differs between themes and groups. */
struct lookup_kind {
	int base;		/* LOOKUP_THEME or LOOKUP_GROUP */
	const char *column;	/* the FTS column searched */
	const char *doing;	/* for error messages */
};

void
store_lookup_clear(struct store_lookup *l)
{
	size_t i;

	if (l == NULL)
		return;
	free(l->name);
	for (i = 0; i < l->n_candidates; i++)
		free(l->candidates[i].name);
	memset(l, 0, sizeof *l);
}

/* Is a typed word worth a full-text search (has a letter or digit)? */
static bool
lookup_word_useful(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (isalnum((unsigned char)w[i]) || (unsigned char)w[i] >= 0x80)
			return true;
	}
	return false;
}

/* Append the NUL-terminated text to *w (the caller sized the buffer). */
static void
lookup_put(char **w, const char *text)
{
	size_t n = strlen(text);

	memcpy(*w, text, n);
	*w += n;
	**w = '\0';
}

/*
 * An FTS5 query in which any typed word may prefix-match a word of column
 * ("col : ("a"* OR "b"*)"), or NULL when nothing is worth searching.
 */
static char *
lookup_fts_any(const char *typed, const char *column)
{
	size_t len = strlen(typed), n;
	/* every byte may become a word of its own: '"', the byte, '"*', " OR " */
	char *out = xmalloc(len * 8 + strlen(column) + 16), *w = out;
	const char *p = typed;

	lookup_put(&w, column);
	lookup_put(&w, " : (");
	while (*p != '\0') {
		while (*p != '\0' && isspace((unsigned char)*p))
			p++;
		n = strcspn(p, " \t\n\r\f\v");
		if (n > 0 && lookup_word_useful(p, n)) {
			if (w[-1] != '(')
				lookup_put(&w, " OR ");
			*w++ = '"';
			for (; n > 0; n--, p++) {
				if (*p != '"')
					*w++ = *p;
			}
			lookup_put(&w, "\"*");
		}
		p += n;
	}
	if (w[-1] == '(') {
		free(out);
		return NULL;
	}
	lookup_put(&w, ")");
	return out;
}

/* Add the rows of a stepped statement to out's candidates; SQLite's code. */
static int
lookup_collect(sqlite3_stmt *s, struct store_lookup *out)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_candidate *c;

		if (out->n_candidates == STORE_LOOKUP_MAX)
			continue;
		c = &out->candidates[out->n_candidates++];
		c->id = sqlite3_column_int64(s, 0);
		c->name = xstrdup((const char *)sqlite3_column_text(s, 1));
	}
	return rc;
}

/*
 * Run one step with text (and an FTS query) bound, collecting up to limit
 * rows as candidates. Returns the number of rows or -1 with *error.
 */
static int
lookup_run(struct store *st, const struct lookup_kind *k, enum lookup_step step,
    const char *text, const char *match, int limit, struct store_lookup *out,
    char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_lookup_table, k->base + (int)step, error);
	size_t before = out->n_candidates;
	int rc;

	if (s == NULL)
		return -1;
	if (step == LOOKUP_ID)
		sqlite3_bind_int64(s, 1, strtoll(text, NULL, 10));
	else
		sqlite3_bind_text(s, 1, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, limit);
	store_bind_text(s, 3, match);
	if (step == LOOKUP_PREFIX) {
		char *upper = xasprintf("%s\xff", text);

		sqlite3_bind_text(s, 4, upper, -1, SQLITE_TRANSIENT);
		free(upper);
	}
	rc = lookup_collect(s, out);
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, k->doing, error);
	return (int)(out->n_candidates - before);
}

/* The single candidate becomes the answer: 1. */
static int
lookup_found(struct store_lookup *out)
{
	out->id = out->candidates[0].id;
	out->name = out->candidates[0].name;
	out->candidates[0].name = NULL;
	out->n_candidates = 0;
	return 1;
}

/* Is text a row id (digits only, not too long)? */
static bool
lookup_is_id(const char *text)
{
	size_t n = strspn(text, "0123456789");

	return n > 0 && n < 19 && text[n] == '\0';
}

/* Try the steps in order: 1 found, 0 not (candidates set), -1 error. */
static int
lookup_steps(struct store *st, const struct lookup_kind *k, const char *text,
    struct store_lookup *out, char **error)
{
	char *match;
	int n;

	if (lookup_is_id(text)) {
		n = lookup_run(st, k, LOOKUP_ID, text, NULL, 1, out, error);
		if (n != 0)
			return n < 0 ? -1 : lookup_found(out);
	}
	if ((n = lookup_run(st, k, LOOKUP_EXACT, text, NULL, STORE_LOOKUP_MAX, out, error)) != 0) {
		if (n < 0)
			return -1;
		out->ambiguous = n > 1;
		return n == 1 ? lookup_found(out) : 0;
	}
	if ((n = lookup_run(st, k, LOOKUP_PREFIX, text, NULL, STORE_LOOKUP_MAX, out, error)) != 0) {
		if (n < 0)
			return -1;
		out->ambiguous = n > 1;
		return n == 1 ? lookup_found(out) : 0;
	}
	match = lookup_fts_any(text, k->column);
	n = lookup_run(st, k, LOOKUP_NEAR, text, match, STORE_LOOKUP_MAX, out, error);
	free(match);
	return n < 0 ? -1 : 0;
}

/* Resolve text for a kind of row. */
static int
lookup_resolve(struct store *st, const struct lookup_kind *k, const char *text,
    struct store_lookup *out, char **error)
{
	memset(out, 0, sizeof *out);
	if (text == NULL || *text == '\0')
		return 0;
	if (lookup_steps(st, k, text, out, error) < 0) {
		store_lookup_clear(out);
		return -1;
	}
	return out->id != 0 ? 1 : 0;
}

int
store_theme_lookup(struct store *st, const struct actor *who, const char *text,
    struct store_lookup *out, char **error)
{
	const struct lookup_kind k = { LOOKUP_THEME, "title", _("looking up a theme") };

	(void)who;
	return lookup_resolve(st, &k, text, out, error);
}

int
store_group_lookup(struct store *st, const struct actor *who, const char *text,
    struct store_lookup *out, char **error)
{
	const struct lookup_kind k = { LOOKUP_GROUP, "name", _("looking up a group") };

	(void)who;
	return lookup_resolve(st, &k, text, out, error);
}

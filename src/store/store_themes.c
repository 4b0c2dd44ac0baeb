/*
 * store_themes.c — the theme catalogue: keyset pages, details, edits,
 * registrations of interest.
 *
 * Pages never use OFFSET: a page starts after (or before) an anchor row's
 * position (sort key, title, id), so any page costs the same at any depth.
 * Search goes through theme_fts (FTS5, diacritics folded, prefix match).
 */
#include "autoconf.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/domain.h"
#include "core/i18n.h"
#include "core/rules.h"
#include "core/validate.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	THEMES_PAGE_TITLE_FWD,
	THEMES_PAGE_TITLE_BACK,
	THEMES_PAGE_STATUS_FWD,
	THEMES_PAGE_STATUS_BACK,
	THEMES_PAGE_INTEREST_FWD,
	THEMES_PAGE_INTEREST_BACK,
	THEMES_INSERT,
	THEMES_GET,
	THEMES_UPDATE,
	THEMES_SET_STATUS,
	THEMES_EXISTS,
	THEMES_INTEREST_EACH,
	THEMES_INTEREST_HAS,
	THEMES_INTEREST_INSERT,
	THEMES_INTEREST_DELETE,
	THEMES_GATHERING,
	THEMES_GROUPS,
	THEMES_STATUS_SUMMARY,
	THEMES_INTEREST_SUMMARY,
	THEMES__COUNT
};

#define THEMES_PAGE(K, KORDER, CMP, DIR) \
	"SELECT t.id AS id, t.title AS title, t.status, p.name, t.group_type, t.interest_count, " \
	"(SELECT count(*) FROM grp g WHERE g.theme_id = t.id), " K " AS sort_key " \
	"FROM theme t LEFT JOIN person p ON p.id = t.proposer_id " \
	"WHERE (?5 IS NULL OR t.status = ?5) " \
	"AND (?6 IS NULL OR t.id IN (SELECT rowid FROM theme_fts WHERE theme_fts MATCH ?6)) " \
	CMP "ORDER BY " KORDER "t.title COLLATE NOCASE " DIR ", t.id " DIR " LIMIT ?8"
/*
 * After or before the anchor (?1 sort key, ?2 title, ?3 id; ?7 = 1 takes the
 * anchor too), written out so that the planner seeks in the sort's index
 * instead of walking it from the start (a row value with COLLATE is not a
 * seek for SQLite). Without an anchor the C side binds values beyond every
 * row (themes_bind_anchor).
 */
#define THEMES_AFTER(K) "AND " K " >= ?1 AND (" K " > ?1 OR t.title > ?2 COLLATE NOCASE " \
	"OR (t.title = ?2 COLLATE NOCASE AND t.id > ?3 - ?7)) "
#define THEMES_BEFORE(K) "AND " K " <= ?1 AND (" K " < ?1 OR t.title < ?2 COLLATE NOCASE " \
	"OR (t.title = ?2 COLLATE NOCASE AND t.id < ?3 + ?7)) "
#define THEMES_FWD(K) THEMES_PAGE(K, K " ASC, ", THEMES_AFTER(K), "ASC")
/* the rows before the anchor, then back in display order */
#define THEMES_REORDER(Q) "SELECT * FROM (" Q ") ORDER BY sort_key, title COLLATE NOCASE, id"
#define THEMES_BACK(K) THEMES_REORDER(THEMES_PAGE(K, K " DESC, ", THEMES_BEFORE(K), "DESC"))
/* by title only: a constant sort key, which ORDER BY must not see */
#define THEMES_TITLE_FWD THEMES_PAGE("0", "", "AND t.title >= ?2 COLLATE NOCASE " \
	"AND (t.title > ?2 COLLATE NOCASE OR t.id > ?3 - ?7) ", "ASC")
#define THEMES_TITLE_BACK THEMES_REORDER(THEMES_PAGE("0", "", "AND t.title <= ?2 COLLATE NOCASE " \
	"AND (t.title < ?2 COLLATE NOCASE OR t.id < ?3 + ?7) ", "DESC"))

/* A text after every title: U+10FFFF, the last character there is. */
#define THEMES_AFTER_ALL "\xf4\x8f\xbf\xbf\xf4\x8f\xbf\xbf"

static const char *const themes_sql[THEMES__COUNT] = {
	[THEMES_PAGE_TITLE_FWD] = THEMES_TITLE_FWD,
	[THEMES_PAGE_TITLE_BACK] = THEMES_TITLE_BACK,
	[THEMES_PAGE_STATUS_FWD] = THEMES_FWD("t.status_rank"),
	[THEMES_PAGE_STATUS_BACK] = THEMES_BACK("t.status_rank"),
	[THEMES_PAGE_INTEREST_FWD] = THEMES_FWD("-t.interest_count"),
	[THEMES_PAGE_INTEREST_BACK] = THEMES_BACK("-t.interest_count"),
	[THEMES_INSERT] =
	    "INSERT INTO theme (title, description, proposer_id, proposed_on, group_type, "
	    "orientation, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[THEMES_GET] =
	    "SELECT t.id, t.title, t.description, t.status, t.group_type, t.orientation, "
	    "t.proposer_id, p.name, t.proposed_on, t.interest_count, t.version "
	    "FROM theme t LEFT JOIN person p ON p.id = t.proposer_id WHERE t.id = ?1",
	[THEMES_UPDATE] =
	    "UPDATE theme SET title = ?3, description = ?4, group_type = ?5, orientation = ?6, "
	    "version = version + 1 WHERE id = ?1 AND version = ?2",
	[THEMES_SET_STATUS] =
	    "UPDATE theme SET status = ?3, version = version + 1 WHERE id = ?1 AND version = ?2",
	[THEMES_EXISTS] = "SELECT status, proposer_id FROM theme WHERE id = ?1",
	[THEMES_INTEREST_EACH] =
	    "SELECT i.person_id, p.name, o.name, p.function, i.registered_on, "
	    "i.manager_agreed, i.remark FROM interest i JOIN person p ON p.id = i.person_id "
	    "LEFT JOIN organisation o ON o.id = p.organisation_id "
	    "WHERE i.theme_id = ?1 ORDER BY p.name COLLATE NOCASE, p.id",
	[THEMES_INTEREST_HAS] = "SELECT 1 FROM interest WHERE theme_id = ?1 AND person_id = ?2",
	[THEMES_INTEREST_INSERT] =
	    "INSERT INTO interest (theme_id, person_id, registered_on, manager_agreed, remark) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)",
	[THEMES_INTEREST_DELETE] = "DELETE FROM interest WHERE theme_id = ?1 AND person_id = ?2",
	[THEMES_GATHERING] =
	    "UPDATE theme SET status = 'gathering', version = version + 1 "
	    "WHERE id = ?1 AND status = 'proposed'",
	[THEMES_GROUPS] =
	    "SELECT g.id, g.name, g.type, g.status, (SELECT count(*) FROM membership m "
	    "WHERE m.group_id = g.id AND m.role <> 'follower' AND m.start_on <= ?2 "
	    "AND (m.end_on IS NULL OR m.end_on >= ?2)) FROM grp g WHERE g.theme_id = ?1 "
	    "ORDER BY g.name COLLATE NOCASE, g.id",
	/* audit summaries: "Title → archived", "Ann → Title" */
	[THEMES_STATUS_SUMMARY] = "SELECT title || ' → ' || ?2 FROM theme WHERE id = ?1",
	[THEMES_INTEREST_SUMMARY] = "SELECT p.name || ' → ' || t.title FROM person p, theme t "
	    "WHERE p.id = ?1 AND t.id = ?2",
};

const struct store_sql_table store_themes_table = {
	STORE_MOD_THEMES, themes_sql, THEMES__COUNT
};

char *
store_fts_query(const char *typed)
{
	char *out, *w;
	const char *p = typed;
	size_t len;

	if (typed == NULL)
		return NULL;
	len = strlen(typed);
	out = w = xmalloc(len * 2 + 8 + len * 4);
	while (*p != '\0') {
		while (*p != '\0' && (isspace((unsigned char)*p) || *p == '"'))
			p++;
		if (*p == '\0')
			break;
		if (w != out)
			*w++ = ' ';
		*w++ = '"';
		while (*p != '\0' && !isspace((unsigned char)*p)) {
			if (*p != '"')
				*w++ = *p;
			p++;
		}
		*w++ = '"';
		*w++ = '*';
	}
	*w = '\0';
	if (w == out) {
		free(out);
		return NULL;
	}
	return out;
}

static void
themes_read_row(sqlite3_stmt *s, struct theme_row *r)
{
	r->id = sqlite3_column_int64(s, 0);
	r->title = (const char *)sqlite3_column_text(s, 1);
	r->status = (const char *)sqlite3_column_text(s, 2);
	r->proposer = (const char *)sqlite3_column_text(s, 3);
	r->group_type = (const char *)sqlite3_column_text(s, 4);
	r->interest = sqlite3_column_int(s, 5);
	r->groups = sqlite3_column_int(s, 6);
	r->sort_key = sqlite3_column_int(s, 7);
}

int
store_themes_page(struct store *st, const struct actor *who, const struct theme_filter *f,
    const struct theme_anchor *anchor, bool inclusive, bool forward, int limit,
    store_theme_cb cb, void *arg, char **error)
{
	int idx = (int)f->sort * 2 + (forward ? 0 : 1);
	sqlite3_stmt *s = store_stmt(st, &store_themes_table, idx, error);
	struct theme_row row;
	char *match;
	int rc;

	(void)who;
	if (s == NULL)
		return -1;
	if (anchor != NULL) {
		sqlite3_bind_int(s, 1, anchor->sort_key);
		sqlite3_bind_text(s, 2, anchor->title, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 3, anchor->id);
	} else {
		/* the first page starts before every row, the last one after every row */
		sqlite3_bind_int(s, 1, forward ? INT_MIN : INT_MAX);
		sqlite3_bind_text(s, 2, forward ? "" : THEMES_AFTER_ALL, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, forward ? INT64_MIN + 1 : INT64_MAX - 1);
	}
	store_bind_text(s, 5, f->status);
	match = store_fts_query(f->search);
	store_bind_text(s, 6, match);
	free(match);
	sqlite3_bind_int(s, 7, inclusive ? 1 : 0);
	sqlite3_bind_int(s, 8, limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		themes_read_row(s, &row);
		if (cb(&row, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading themes"), error);
	return 0;
}

int
store_theme_get(struct store *st, const struct actor *who, int64_t id,
    struct theme_detail *out, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_themes_table, THEMES_GET, error);
	int rc, ret = 0;

	(void)who;
	memset(out, 0, sizeof *out);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->title = store_column_dup(s, 1);
		out->description = store_column_dup(s, 2);
		out->status = store_column_dup(s, 3);
		out->group_type = store_column_dup(s, 4);
		out->orientation = store_column_dup(s, 5);
		out->proposer_id = sqlite3_column_int64(s, 6);
		out->proposer = store_column_dup(s, 7);
		date_parse_iso((const char *)sqlite3_column_text(s, 8), &out->proposed_on);
		out->interest = sqlite3_column_int(s, 9);
		out->version = sqlite3_column_int(s, 10);
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, _("reading a theme"), error);
	}
	store_done(s);
	return ret;
}

void
store_theme_detail_clear(struct theme_detail *d)
{
	if (d == NULL)
		return;
	free(d->title);
	free(d->description);
	free(d->status);
	free(d->group_type);
	free(d->orientation);
	free(d->proposer);
	memset(d, 0, sizeof *d);
}

/* Status and proposer of a theme: 1 found, 0 absent (error set), -1 error. */
static int
themes_facts(struct store *st, int64_t id, char *status, size_t size, int64_t *proposer,
    char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_themes_table, THEMES_EXISTS, error);
	int rc, ret = 0;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		snprintf(status, size, "%s", (const char *)sqlite3_column_text(s, 0));
		*proposer = sqlite3_column_int64(s, 1);
		ret = 1;
	} else if (rc == SQLITE_DONE) {
		store_refuse(error, STORE_NOT_FOUND, "%s", _("That theme no longer exists."));
	} else {
		ret = store_fail(st, rc, _("reading a theme"), error);
	}
	store_done(s);
	return ret;
}

/* Check title and description; STORE_INVALID with a message, or 0. */
static int
themes_validate(const char *title, const char *description, char **error)
{
	const char *why = validate_line(title, true, VALIDATE_TITLE_MAX);

	if (why != NULL)
		return store_refuse_field(error, _("title"), why, VALIDATE_TITLE_MAX);
	why = validate_text(description, false, VALIDATE_TEXT_MAX);
	if (why != NULL)
		return store_refuse_field(error, _("description"), why, VALIDATE_TEXT_MAX);
	return 0;
}

/* May who edit theme id? 0, or a negative store_result with *error. */
static int
themes_may(struct store *st, const struct actor *who, int64_t id, enum access_action action,
    char *status, size_t size, char **error)
{
	struct access_ctx ctx = { .owner_id = 0 };
	int found = themes_facts(st, id, status, size, &ctx.owner_id, error);

	if (found <= 0)
		return found < 0 ? STORE_ERROR : STORE_NOT_FOUND;
	if (!access_allows(who, action, &ctx))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(action)));
	return 0;
}

/* An audit summary from statement idx bound with (id, text) or (id, id2); allocated. */
static char *
themes_summary(struct store *st, int idx, int64_t id, const char *text, int64_t id2)
{
	sqlite3_stmt *s = store_stmt(st, &store_themes_table, idx, NULL);

	if (s == NULL)
		return NULL;
	sqlite3_bind_int64(s, 1, id);
	if (text != NULL)
		store_bind_text(s, 2, text);
	else
		sqlite3_bind_int64(s, 2, id2);
	return store_summary(s);
}

/* Run a versioned UPDATE of a theme, audited with summary. */
static int
themes_versioned(struct store *st, const struct actor *who, sqlite3_stmt *s, int64_t id,
    const char *action, const char *summary, char **error)
{
	return store_update_versioned(st, who, s, "theme", id, action, summary,
	    _("Someone else changed this theme meanwhile; it was reloaded. "
	    "Make your change again."), error);
}

int
store_theme_insert(struct store *st, const struct actor *who, const struct theme_new *t,
    int64_t *id, char **error)
{
	sqlite3_stmt *s;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (!access_allows(who, ACCESS_THEME_PROPOSE, NULL))
		return store_refuse(error, STORE_DENIED, "%s",
		    _(access_reason(ACCESS_THEME_PROPOSE)));
	if ((ret = themes_validate(t->title, t->description, error)) != 0)
		return ret;
	if ((s = store_stmt(st, &store_themes_table, THEMES_INSERT, error)) == NULL)
		return STORE_ERROR;
	store_bind_text(s, 1, t->title);
	store_bind_text(s, 2, t->description);
	store_bind_id(s, 3, t->proposer_id);
	store_bind_date(s, 4, &t->proposed_on);
	store_bind_text(s, 5, t->group_type);
	store_bind_text(s, 6, t->orientation);
	store_bind_text(s, 7, t->status != NULL ? t->status : "proposed");
	return store_insert_audited(st, who, s, "theme", t->title, id, error) == 0 ? 0 :
	    STORE_ERROR;
}

int
store_theme_update(struct store *st, const struct actor *who, const struct theme_detail *d,
    char **error)
{
	char status[32];
	sqlite3_stmt *s;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if ((ret = themes_validate(d->title, d->description, error)) != 0)
		return ret;
	if ((ret = themes_may(st, who, d->id, ACCESS_THEME_EDIT, status, sizeof status, error)) != 0)
		return ret;
	if ((s = store_stmt(st, &store_themes_table, THEMES_UPDATE, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, d->id);
	sqlite3_bind_int(s, 2, d->version);
	store_bind_text(s, 3, d->title);
	store_bind_text(s, 4, d->description);
	store_bind_text(s, 5, d->group_type);
	store_bind_text(s, 6, d->orientation);
	return themes_versioned(st, who, s, d->id, "update", d->title, error);
}

int
store_theme_set_status(struct store *st, const struct actor *who, int64_t id, int version,
    const char *to, char **error)
{
	char status[32], *summary;
	sqlite3_stmt *s;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if ((ret = themes_may(st, who, id, ACCESS_THEME_ARCHIVE, status, sizeof status, error)) != 0)
		return ret;
	if (!rules_theme_transition(status, to))
		return store_refuse(error, STORE_INVALID, _("A theme cannot go from %s to %s."),
		    _(domain_theme_status_label(status)), _(domain_theme_status_label(to)));
	if ((s = store_stmt(st, &store_themes_table, THEMES_SET_STATUS, error)) == NULL)
		return STORE_ERROR;
	summary = themes_summary(st, THEMES_STATUS_SUMMARY, id, to, 0);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, version);
	store_bind_text(s, 3, to);
	ret = themes_versioned(st, who, s, id, to, summary, error);
	free(summary);
	return ret;
}

int
store_interest_each(struct store *st, const struct actor *who, int64_t theme_id,
    store_interest_cb cb, void *arg, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_themes_table, THEMES_INTEREST_EACH, error);
	struct interest_row r;
	int rc;

	(void)who;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, theme_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.person_id = sqlite3_column_int64(s, 0);
		r.name = (const char *)sqlite3_column_text(s, 1);
		r.organisation = (const char *)sqlite3_column_text(s, 2);
		r.function = (const char *)sqlite3_column_text(s, 3);
		r.registered_on = (const char *)sqlite3_column_text(s, 4);
		r.manager_agreed = sqlite3_column_int(s, 5) != 0;
		r.remark = (const char *)sqlite3_column_text(s, 6);
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading registrations"), error);
	return 0;
}

int
store_interest_has(struct store *st, int64_t theme_id, int64_t person_id, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_themes_table, THEMES_INTEREST_HAS, error);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, theme_id);
	sqlite3_bind_int64(s, 2, person_id);
	rc = sqlite3_step(s);
	store_done(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(st, rc, _("reading registrations"), error);
}

/* Audit a registration or withdrawal: "Ann → Title". */
static int
themes_audit_interest(struct store *st, const struct actor *who, const char *action,
    int64_t theme_id, int64_t person_id, char **error)
{
	char *summary = themes_summary(st, THEMES_INTEREST_SUMMARY, person_id, NULL, theme_id);
	int ret = store_audit(st, who, action, "interest", person_id, summary, error);

	free(summary);
	return ret;
}

/* May who register (or withdraw) person for theme id? 0 or a store_result. */
static int
themes_interest_may(struct store *st, const struct actor *who, int64_t id, int64_t person_id,
    char **error)
{
	enum access_action action = person_id == who->person_id && !actor_is_visitor(who) ?
	    ACCESS_INTEREST_SELF : ACCESS_INTEREST_OTHERS;
	char status[32];
	int ret = themes_may(st, who, id, action, status, sizeof status, error);

	if (ret != 0)
		return ret;
	if (strcmp(status, "archived") == 0)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("This theme is archived; registering is closed."));
	return 0;
}

int
store_interest_insert(struct store *st, const struct actor *who, int64_t theme_id,
    int64_t person_id, const struct date *on, bool manager_agreed, const char *remark,
    char **error)
{
	sqlite3_stmt *s;
	const char *why;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if ((ret = themes_interest_may(st, who, theme_id, person_id, error)) != 0)
		return ret;
	if ((why = validate_line(remark, false, VALIDATE_TITLE_MAX)) != NULL)
		return store_refuse_field(error, _("remark"), why, VALIDATE_TITLE_MAX);
	if ((ret = store_interest_has(st, theme_id, person_id, error)) != 0)
		return ret < 0 ? STORE_ERROR : store_refuse(error, STORE_INVALID, "%s",
		    _("Already registered for this theme."));
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	s = store_stmt(st, &store_themes_table, THEMES_INTEREST_INSERT, error);
	if (s == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, theme_id);
	sqlite3_bind_int64(s, 2, person_id);
	store_bind_date(s, 3, on);
	sqlite3_bind_int(s, 4, manager_agreed ? 1 : 0);
	store_bind_text(s, 5, remark);
	if (store_exec_stmt(st, s, _("registering interest"), error) != 0)
		goto fail;
	s = store_stmt(st, &store_themes_table, THEMES_GATHERING, error);
	if (s == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, theme_id);
	if (store_exec_stmt(st, s, _("registering interest"), error) != 0 ||
	    themes_audit_interest(st, who, "register", theme_id, person_id, error) != 0)
		goto fail;
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
fail:
	store_rollback(st);
	return STORE_ERROR;
}

int
store_interest_withdraw(struct store *st, const struct actor *who, int64_t theme_id,
    int64_t person_id, char **error)
{
	sqlite3_stmt *s;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if ((ret = themes_interest_may(st, who, theme_id, person_id, error)) != 0)
		return ret;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((s = store_stmt(st, &store_themes_table, THEMES_INTEREST_DELETE, error)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, theme_id);
	sqlite3_bind_int64(s, 2, person_id);
	if (store_exec_stmt(st, s, _("withdrawing interest"), error) != 0)
		goto fail;
	if (sqlite3_changes(st->db) == 0) {
		store_rollback(st);
		return store_refuse(error, STORE_INVALID, "%s", _("Not registered for this theme."));
	}
	if (themes_audit_interest(st, who, "withdraw", theme_id, person_id, error) != 0)
		goto fail;
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
fail:
	store_rollback(st);
	return STORE_ERROR;
}

int
store_theme_groups_each(struct store *st, const struct actor *who, int64_t theme_id,
    store_group_cb cb, void *arg, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_themes_table, THEMES_GROUPS, error);
	struct date today = date_today();

	(void)who;
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, theme_id);
	store_bind_date(s, 2, &today);
	return store_groups_rows(st, s, cb, arg, error);
}

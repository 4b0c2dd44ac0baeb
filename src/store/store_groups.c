/*
 * store_groups.c — themes, interest, groups and dated memberships.
 *
 * A membership is current on a date d when start_on <= d and (end_on IS
 * NULL or end_on >= d): the intervals decide every roster, past or present.
 */
#include "autoconf.h"

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
	GROUPS_GROUP_INSERT,
	GROUPS_MEMBERSHIP_INSERT,
	GROUPS_OF,
	GROUPS_PAGE_FIRST,
	GROUPS_PAGE_AFTER,
	GROUPS_PAGE_LAST,
	GROUPS_PAGE_BEFORE,
	GROUPS_GET,
	GROUPS_UPDATE,
	GROUPS_SET_STATUS,
	GROUPS_FACTS,
	GROUPS_IS_LEAD,
	GROUPS_THEME_FORMED,
	GROUPS_STATUS_SUMMARY,
	GROUPS_MEMBER_SUMMARY,
	GROUPS__COUNT
};

#define GROUPS_MEMBER_COUNT \
	"(SELECT count(*) FROM membership m WHERE m.group_id = g.id " \
	"AND m.role <> 'follower' AND m.start_on <= ?1 " \
	"AND (m.end_on IS NULL OR m.end_on >= ?1))"

#define GROUPS_PAGE(CMP, DIR) \
	"SELECT g.id AS id, g.name AS name, g.type, g.status, " \
	"(SELECT group_concat(p.name, ', ') FROM membership m JOIN person p ON p.id = m.person_id " \
	" WHERE m.group_id = g.id AND m.role = 'lead' AND m.start_on <= ?1 " \
	" AND (m.end_on IS NULL OR m.end_on >= ?1)), " \
	GROUPS_MEMBER_COUNT ", " \
	"(SELECT min(mt.starts_at) FROM meeting mt WHERE mt.group_id = g.id " \
	" AND mt.starts_at >= ?2 AND mt.status <> 'cancelled'), " \
	"(SELECT CAST(round(coalesce(sum(julianday(mt.ends_at) - julianday(mt.starts_at)), 0) " \
	" * 1440) AS INTEGER) FROM meeting mt WHERE mt.group_id = g.id AND mt.status = 'held' " \
	" AND mt.starts_at >= ?3 AND mt.starts_at < ?4), g.hours_norm " \
	"FROM grp g WHERE (?5 IS NULL OR g.type = ?5) AND (?6 IS NULL OR g.status = ?6) " \
	"AND (?7 IS NULL OR g.theme_id = ?7) " \
	"AND (?8 IS NULL OR g.id IN (SELECT ms.group_id FROM membership ms " \
	" WHERE ms.person_id = ?8 AND ms.start_on <= ?1 AND (ms.end_on IS NULL OR ms.end_on >= ?1))) " \
	"AND (?9 IS NULL OR g.id IN (SELECT rowid FROM grp_fts WHERE grp_fts MATCH ?9)) " \
	CMP " ORDER BY g.name COLLATE NOCASE " DIR ", g.id " DIR " LIMIT ?14"
/* After or before the anchor (?11 name, ?12 id; ?13 = 1 takes the anchor too),
 * written out so that the planner seeks in grp_name instead of scanning. */
#define GROUPS_AFTER "AND g.name >= ?11 COLLATE NOCASE " \
	"AND (g.name > ?11 COLLATE NOCASE OR g.id > ?12 - ?13)"
#define GROUPS_BEFORE "AND g.name <= ?11 COLLATE NOCASE " \
	"AND (g.name < ?11 COLLATE NOCASE OR g.id < ?12 + ?13)"

/*
 * The first and last page walk grp_name in order and stop after LIMIT rows
 * (with a filter: after LIMIT matching rows, of 20 000 groups at most).
 */
#define GROUPS_SCAN_OK "/* scan ok: a first or last page, in name order up to LIMIT */ "

static const char *const groups_sql[GROUPS__COUNT] = {
	[GROUPS_GROUP_INSERT] =
	    "INSERT INTO grp (name, type, theme_id, question, orientation, start_on, "
	    "planned_end_on, rhythm, hours_norm, status, proposal_ref) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[GROUPS_MEMBERSHIP_INSERT] =
	    "INSERT INTO membership (group_id, person_id, role, start_on, end_on) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)",
	[GROUPS_PAGE_FIRST] = GROUPS_SCAN_OK GROUPS_PAGE("", "ASC"),
	[GROUPS_PAGE_AFTER] = GROUPS_PAGE(GROUPS_AFTER, "ASC"),
	/* the last rows (before the anchor), then back in display order */
	[GROUPS_PAGE_LAST] = GROUPS_SCAN_OK "SELECT * FROM (" GROUPS_PAGE("", "DESC")
	    ") ORDER BY name COLLATE NOCASE, id",
	[GROUPS_PAGE_BEFORE] = "SELECT * FROM (" GROUPS_PAGE(GROUPS_BEFORE, "DESC")
	    ") ORDER BY name COLLATE NOCASE, id",
	[GROUPS_GET] =
	    "SELECT g.id, g.name, g.type, g.status, g.question, g.orientation, g.rhythm, "
	    "g.proposal_ref, g.theme_id, t.title, g.start_on, g.planned_end_on, g.hours_norm, "
	    "g.version FROM grp g LEFT JOIN theme t ON t.id = g.theme_id WHERE g.id = ?1",
	[GROUPS_UPDATE] =
	    "UPDATE grp SET name = ?3, question = ?4, orientation = ?5, start_on = ?6, "
	    "planned_end_on = ?7, rhythm = ?8, hours_norm = ?9, proposal_ref = ?10, "
	    "version = version + 1 WHERE id = ?1 AND version = ?2",
	[GROUPS_SET_STATUS] =
	    "UPDATE grp SET status = ?3, version = version + 1 WHERE id = ?1 AND version = ?2",
	[GROUPS_FACTS] = "SELECT status FROM grp WHERE id = ?1",
	[GROUPS_IS_LEAD] =
	    "SELECT 1 FROM membership WHERE group_id = ?1 AND person_id = ?2 AND role = 'lead' "
	    "AND start_on <= ?3 AND (end_on IS NULL OR end_on >= ?3)",
	[GROUPS_THEME_FORMED] =
	    "UPDATE theme SET status = 'formed', version = version + 1 "
	    "WHERE id = ?1 AND status IN ('proposed', 'gathering')",
	[GROUPS_OF] =
	    "SELECT g.id, g.name, g.type, g.status, " GROUPS_MEMBER_COUNT " "
	    "FROM membership my JOIN grp g ON g.id = my.group_id "
	    "WHERE my.person_id = ?2 AND my.start_on <= ?1 "
	    "AND (my.end_on IS NULL OR my.end_on >= ?1) "
	    "GROUP BY g.id ORDER BY min(my.role = 'follower'), g.name COLLATE NOCASE, g.id",
	/* audit summaries: "Group → active", "Ann → Group (member)" */
	[GROUPS_STATUS_SUMMARY] = "SELECT name || ' → ' || ?2 FROM grp WHERE id = ?1",
	[GROUPS_MEMBER_SUMMARY] =
	    "SELECT p.name || ' → ' || g.name || ' (' || ?3 || ')' FROM person p, grp g "
	    "WHERE p.id = ?1 AND g.id = ?2",
};

const struct store_sql_table store_groups_table = {
	STORE_MOD_GROUPS, groups_sql, GROUPS__COUNT
};

int
store_group_insert(struct store *st, const struct actor *who, const struct group_new *g,
    int64_t *id, char **error)
{
	sqlite3_stmt *s;

	if (store_writable(st, error) != 0)
		return -1;
	if ((s = store_stmt(st, &store_groups_table, GROUPS_GROUP_INSERT, error)) == NULL)
		return -1;
	store_bind_text(s, 1, g->name);
	store_bind_text(s, 2, g->type);
	store_bind_id(s, 3, g->theme_id);
	store_bind_text(s, 4, g->question);
	store_bind_text(s, 5, g->orientation);
	store_bind_date(s, 6, &g->start_on);
	store_bind_date(s, 7, &g->planned_end_on);
	store_bind_text(s, 8, g->rhythm);
	sqlite3_bind_int(s, 9, g->hours_norm);
	store_bind_text(s, 10, g->status != NULL ? g->status : "forming");
	store_bind_text(s, 11, g->proposal_ref);
	return store_insert_audited(st, who, s, "group", g->name, id, error);
}

int
store_membership_insert(struct store *st, const struct actor *who, int64_t group_id,
    int64_t person_id, const char *role, const struct date *start_on,
    const struct date *end_on, char **error)
{
	sqlite3_stmt *s;
	char *summary;
	int ret;

	if (store_writable(st, error) != 0)
		return -1;
	if ((s = store_stmt(st, &store_groups_table, GROUPS_MEMBER_SUMMARY, error)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, person_id);
	sqlite3_bind_int64(s, 2, group_id);
	store_bind_text(s, 3, role);
	summary = store_summary(s);
	if ((s = store_stmt(st, &store_groups_table, GROUPS_MEMBERSHIP_INSERT, error)) == NULL) {
		free(summary);
		return -1;
	}
	sqlite3_bind_int64(s, 1, group_id);
	sqlite3_bind_int64(s, 2, person_id);
	store_bind_text(s, 3, role);
	store_bind_date(s, 4, start_on);
	store_bind_date(s, 5, end_on);
	ret = store_insert_audited(st, who, s, "membership", summary, NULL, error);
	free(summary);
	return ret;
}

/* Step a group listing, handing each row to cb until it returns non-zero. */
int
store_groups_rows(struct store *st, sqlite3_stmt *s, store_group_cb cb, void *arg, char **error)
{
	struct group_row row;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(s, 0);
		row.name = (const char *)sqlite3_column_text(s, 1);
		row.type = (const char *)sqlite3_column_text(s, 2);
		row.status = (const char *)sqlite3_column_text(s, 3);
		row.members = sqlite3_column_int(s, 4);
		if (cb(&row, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading groups"), error);
	return 0;
}

int
store_groups_of(struct store *st, const struct actor *who, const struct date *on,
    store_group_cb cb, void *arg, char **error)
{
	sqlite3_stmt *s;

	if (actor_is_visitor(who))
		return 0;
	if ((s = store_stmt(st, &store_groups_table, GROUPS_OF, error)) == NULL)
		return -1;
	store_bind_date(s, 1, on);
	sqlite3_bind_int64(s, 2, who->person_id);
	return store_groups_rows(st, s, cb, arg, error);
}

/* Insert one membership inside the caller's transaction. */
static int
groups_add_member(struct store *st, int64_t group_id, int64_t person_id, const char *role,
    const struct date *start, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_groups_table, GROUPS_MEMBERSHIP_INSERT, error);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, group_id);
	sqlite3_bind_int64(s, 2, person_id);
	store_bind_text(s, 3, role);
	store_bind_date(s, 4, start);
	return store_exec_stmt(st, s, _("adding a member"), error);
}

/* Is person in the list? */
static bool
groups_in(const int64_t *ids, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (ids[i] == id)
			return true;
	}
	return false;
}

/* Validate the text fields of a group; 0 or STORE_INVALID. */
static int
groups_validate(const char *name, const char *question, const char *rhythm, char **error)
{
	const char *why;

	if ((why = validate_line(name, true, VALIDATE_TITLE_MAX)) != NULL)
		return store_refuse_field(error, _("name"), why, VALIDATE_TITLE_MAX);
	if ((why = validate_text(question, false, VALIDATE_TEXT_MAX)) != NULL)
		return store_refuse_field(error, _("question"), why, VALIDATE_TEXT_MAX);
	if ((why = validate_line(rhythm, false, VALIDATE_TITLE_MAX)) != NULL)
		return store_refuse_field(error, _("rhythm"), why, VALIDATE_TITLE_MAX);
	return 0;
}

/* The group, the leads and the other members; inside the caller's transaction. */
static int
groups_form_rows(struct store *st, const struct actor *who, const struct group_new *g,
    const int64_t *leads, size_t n_leads, const int64_t *members, size_t n_members,
    int64_t *id, char **error)
{
	sqlite3_stmt *s;
	size_t i;

	if (store_group_insert(st, who, g, id, error) != 0)
		return -1;
	for (i = 0; i < n_leads; i++) {
		if (groups_add_member(st, *id, leads[i], "lead", &g->start_on, error) != 0)
			return -1;
	}
	for (i = 0; i < n_members; i++) {
		if (groups_in(leads, n_leads, members[i]))
			continue;
		if (groups_add_member(st, *id, members[i], "member", &g->start_on, error) != 0)
			return -1;
	}
	if (g->theme_id == 0)
		return 0;
	if ((s = store_stmt(st, &store_groups_table, GROUPS_THEME_FORMED, error)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, g->theme_id);
	return store_exec_stmt(st, s, _("forming a group"), error);
}

int
store_group_form(struct store *st, const struct actor *who, const struct group_new *g,
    const int64_t *leads, size_t n_leads, const int64_t *members, size_t n_members,
    int64_t *id, char **error)
{
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (!access_allows(who, ACCESS_GROUP_FORM, NULL))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_GROUP_FORM)));
	if ((ret = groups_validate(g->name, g->question, g->rhythm, error)) != 0)
		return ret;
	if (n_leads == 0)
		return store_refuse(error, STORE_INVALID, "%s", _("A group needs at least one lead."));
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if (groups_form_rows(st, who, g, leads, n_leads, members, n_members, id, error) != 0) {
		store_rollback(st);
		return STORE_ERROR;
	}
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
}

/* Bind the filter and anchor of a page statement. */
static void
groups_bind_page(sqlite3_stmt *s, const struct actor *who, const struct group_filter *f,
    const struct date *today, const char *anchor_name, int64_t anchor_id, bool inclusive,
    int limit)
{
	char now[DATETIME_ISO_LEN];
	struct date first, last;
	char *match;

	date_school_year(today, &first, &last);
	last = date_add_days(&last, 1);
	store_bind_date(s, 1, today);
	sqlite3_bind_text(s, 2, datetime_format_iso(today, 0, now), -1, SQLITE_TRANSIENT);
	store_bind_date(s, 3, &first);
	store_bind_date(s, 4, &last);
	store_bind_text(s, 5, f->type);
	store_bind_text(s, 6, f->status);
	store_bind_id(s, 7, f->theme_id);
	if (f->mine)
		sqlite3_bind_int64(s, 8, actor_is_visitor(who) ? -1 : who->person_id);
	match = store_fts_query(f->search);
	store_bind_text(s, 9, match);
	free(match);
	if (anchor_name != NULL) {
		sqlite3_bind_text(s, 11, anchor_name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 12, anchor_id);
	}
	sqlite3_bind_int(s, 13, inclusive ? 1 : 0);
	sqlite3_bind_int(s, 14, limit);
}

int
store_groups_page(struct store *st, const struct actor *who, const struct group_filter *f,
    const struct date *today, const char *anchor_name, int64_t anchor_id, bool inclusive,
    bool forward, int limit, store_group_list_cb cb, void *arg, char **error)
{
	int idx = forward ? (anchor_name != NULL ? GROUPS_PAGE_AFTER : GROUPS_PAGE_FIRST) :
	    (anchor_name != NULL ? GROUPS_PAGE_BEFORE : GROUPS_PAGE_LAST);
	sqlite3_stmt *s = store_stmt(st, &store_groups_table, idx, error);
	struct group_list_row r;
	int rc;

	if (s == NULL)
		return -1;
	groups_bind_page(s, who, f, today, anchor_name, anchor_id, inclusive, limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.name = (const char *)sqlite3_column_text(s, 1);
		r.type = (const char *)sqlite3_column_text(s, 2);
		r.status = (const char *)sqlite3_column_text(s, 3);
		r.leads = (const char *)sqlite3_column_text(s, 4);
		r.members = sqlite3_column_int(s, 5);
		r.next_meeting = (const char *)sqlite3_column_text(s, 6);
		r.minutes_held = sqlite3_column_int(s, 7);
		r.hours_norm = sqlite3_column_int(s, 8);
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading groups"), error);
	return 0;
}

int
store_group_get(struct store *st, const struct actor *who, int64_t id,
    struct group_detail *out, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_groups_table, GROUPS_GET, error);
	int rc, ret = 0;

	(void)who;
	memset(out, 0, sizeof *out);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->name = store_column_dup(s, 1);
		out->type = store_column_dup(s, 2);
		out->status = store_column_dup(s, 3);
		out->question = store_column_dup(s, 4);
		out->orientation = store_column_dup(s, 5);
		out->rhythm = store_column_dup(s, 6);
		out->proposal_ref = store_column_dup(s, 7);
		out->theme_id = sqlite3_column_int64(s, 8);
		out->theme = store_column_dup(s, 9);
		date_parse_iso((const char *)sqlite3_column_text(s, 10), &out->start_on);
		date_parse_iso((const char *)sqlite3_column_text(s, 11), &out->planned_end_on);
		out->hours_norm = sqlite3_column_int(s, 12);
		out->version = sqlite3_column_int(s, 13);
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, _("reading a group"), error);
	}
	store_done(s);
	return ret;
}

void
store_group_detail_clear(struct group_detail *d)
{
	if (d == NULL)
		return;
	free(d->name);
	free(d->type);
	free(d->status);
	free(d->question);
	free(d->orientation);
	free(d->rhythm);
	free(d->proposal_ref);
	free(d->theme);
	memset(d, 0, sizeof *d);
}

/* Is who a current lead of group id? */
static bool
groups_is_lead(struct store *st, const struct actor *who, int64_t id)
{
	sqlite3_stmt *s = store_stmt(st, &store_groups_table, GROUPS_IS_LEAD, NULL);
	struct date today = date_today();
	int rc;

	if (s == NULL || actor_is_visitor(who))
		return false;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, who->person_id);
	store_bind_date(s, 3, &today);
	rc = sqlite3_step(s);
	store_done(s);
	return rc == SQLITE_ROW;
}

/* The current status of group id into buf: 1, 0 when absent (error set), -1. */
static int
groups_status(struct store *st, int64_t id, char *buf, size_t size, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_groups_table, GROUPS_FACTS, error);
	int rc, ret;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		snprintf(buf, size, "%s", (const char *)sqlite3_column_text(s, 0));
		ret = 1;
	} else if (rc == SQLITE_DONE) {
		store_refuse(error, STORE_NOT_FOUND, "%s", _("That group no longer exists."));
		ret = 0;
	} else {
		ret = store_fail(st, rc, _("reading a group"), error);
	}
	store_done(s);
	return ret;
}

/* Run a versioned UPDATE of a group, audited with summary. */
static int
groups_versioned(struct store *st, const struct actor *who, sqlite3_stmt *s, int64_t id,
    const char *action, const char *summary, char **error)
{
	return store_update_versioned(st, who, s, "group", id, action, summary,
	    _("Someone else changed this group meanwhile; it was reloaded. "
	    "Make your change again."), error);
}

int
store_group_update(struct store *st, const struct actor *who, const struct group_detail *d,
    char **error)
{
	struct access_ctx ctx = { .owner_id = 0 };
	char status[32];
	sqlite3_stmt *s;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if ((ret = groups_status(st, d->id, status, sizeof status, error)) <= 0)
		return ret < 0 ? STORE_ERROR : STORE_NOT_FOUND;
	ctx.is_lead = groups_is_lead(st, who, d->id);
	if (!access_allows(who, ACCESS_GROUP_EDIT, &ctx))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_GROUP_EDIT)));
	if ((ret = groups_validate(d->name, d->question, d->rhythm, error)) != 0)
		return ret;
	if (date_compare(&d->planned_end_on, &d->start_on) <= 0)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("The planned end must be after the start."));
	if ((s = store_stmt(st, &store_groups_table, GROUPS_UPDATE, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, d->id);
	sqlite3_bind_int(s, 2, d->version);
	store_bind_text(s, 3, d->name);
	store_bind_text(s, 4, d->question);
	store_bind_text(s, 5, d->orientation);
	store_bind_date(s, 6, &d->start_on);
	store_bind_date(s, 7, &d->planned_end_on);
	store_bind_text(s, 8, d->rhythm);
	sqlite3_bind_int(s, 9, d->hours_norm);
	store_bind_text(s, 10, d->proposal_ref);
	return groups_versioned(st, who, s, d->id, "update", d->name, error);
}

int
store_group_set_status(struct store *st, const struct actor *who, int64_t id, int version,
    const char *to, char **error)
{
	char status[32], *summary;
	sqlite3_stmt *s;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (!access_allows(who, ACCESS_GROUP_STATUS, NULL))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_GROUP_STATUS)));
	if ((ret = groups_status(st, id, status, sizeof status, error)) <= 0)
		return ret < 0 ? STORE_ERROR : STORE_NOT_FOUND;
	if (!rules_group_transition(status, to))
		return store_refuse(error, STORE_INVALID, _("A group cannot go from %s to %s."),
		    _(domain_group_status_label(status)), _(domain_group_status_label(to)));
	if ((s = store_stmt(st, &store_groups_table, GROUPS_STATUS_SUMMARY, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, id);
	store_bind_text(s, 2, to);
	summary = store_summary(s);
	if ((s = store_stmt(st, &store_groups_table, GROUPS_SET_STATUS, error)) == NULL) {
		free(summary);
		return STORE_ERROR;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, version);
	store_bind_text(s, 3, to);
	ret = groups_versioned(st, who, s, id, to, summary, error);
	free(summary);
	return ret;
}

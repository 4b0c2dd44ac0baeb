/*
 * store_roster.c — group rosters (dated membership intervals) and the
 * offline snapshot.
 *
 * A membership is current on d when start_on <= d and (end_on IS NULL or
 * end_on >= d); core/roster.h holds the rules for adding and ending one.
 * Changing a role ends the interval and opens a new one, so the roster of
 * any earlier date stays exact.
 */
#include "autoconf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/access.h"
#include "core/i18n.h"
#include "core/roster.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	ROSTER_Q_AT,
	ROSTER_Q_FORMER,
	ROSTER_Q_HISTORY,
	ROSTER_Q_RELATION,
	ROSTER_Q_GROUP_STATUS,
	ROSTER_Q_PERSON_STATE,
	ROSTER_Q_INTERVALS,
	ROSTER_Q_INSERT,
	ROSTER_Q_MEMBERSHIP,
	ROSTER_Q_END,
	ROSTER_Q_SET_ROLE,
	ROSTER_Q_SUMMARY,
	SNAP_NOTES,
	SNAP_AUDIT,
	SNAP_GROUPS,
	SNAP_INTEREST,
	SNAP_PROPOSER,
	SNAP_ATTENDANCE,
	SNAP_POLL_ANSWER,
	SNAP_POLL,
	SNAP_UPDATE_AUTHOR,
	SNAP_UPDATE_READ,
	SNAP_BUDGET_BY,
	SNAP_BUDGET_DECIDED,
	SNAP_SCAN,
	SNAP_PRODUCT_BY,
	SNAP_PEOPLE,
	SNAP_JOURNAL,
	SNAP_FTS_PEOPLE,
	SNAP_FTS_THEMES,
	SNAP_FTS_GROUPS,
	SNAP_FTS_PRODUCTS,
	ROSTER__COUNT
};

#define ROSTER_COLUMNS \
	"SELECT m.id, p.id, p.name, o.name, p.function, p.email, m.role, m.start_on, " \
	"m.end_on, p.erased FROM membership m JOIN person p ON p.id = m.person_id " \
	"LEFT JOIN organisation o ON o.id = p.organisation_id WHERE m.group_id = ?1 "
/* The people a snapshot keeps: those on the kept rosters, and who made it. */
#define SNAP_KEPT "(SELECT person_id FROM membership UNION SELECT ?1)"
#define SNAP_SCAN_OK "/* scan ok: a snapshot runs once, on a fresh copy */ "

static const char *const roster_sql[ROSTER__COUNT] = {
	[ROSTER_Q_AT] = ROSTER_COLUMNS
	    "AND m.start_on <= ?2 AND (m.end_on IS NULL OR m.end_on >= ?2) "
	    "ORDER BY CASE m.role WHEN 'lead' THEN 0 WHEN 'member' THEN 1 WHEN 'expert' THEN 2 "
	    "ELSE 3 END, p.name COLLATE NOCASE, m.id",
	[ROSTER_Q_FORMER] = ROSTER_COLUMNS
	    "AND m.start_on <= ?2 AND NOT EXISTS (SELECT 1 FROM membership x "
	    "WHERE x.group_id = m.group_id AND x.person_id = m.person_id "
	    "AND x.start_on <= ?2 AND (x.end_on IS NULL OR x.end_on >= ?2)) "
	    "ORDER BY p.name COLLATE NOCASE, p.id, m.start_on",
	[ROSTER_Q_HISTORY] = ROSTER_COLUMNS
	    "ORDER BY p.name COLLATE NOCASE, p.id, m.start_on",
	[ROSTER_Q_RELATION] =
	    "SELECT max(role = 'lead'), max(role <> 'follower') FROM membership "
	    "WHERE group_id = ?1 AND person_id = ?2 AND start_on <= ?3 "
	    "AND (end_on IS NULL OR end_on >= ?3)",
	[ROSTER_Q_GROUP_STATUS] = "SELECT status, name FROM grp WHERE id = ?1",
	[ROSTER_Q_PERSON_STATE] = "SELECT active, erased, name FROM person WHERE id = ?1",
	[ROSTER_Q_INTERVALS] =
	    "SELECT start_on, end_on FROM membership WHERE group_id = ?1 AND person_id = ?2 "
	    "ORDER BY start_on",
	[ROSTER_Q_INSERT] =
	    "INSERT INTO membership (group_id, person_id, role, start_on, end_on) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)",
	[ROSTER_Q_MEMBERSHIP] =
	    "SELECT group_id, person_id, role, start_on, end_on FROM membership WHERE id = ?1",
	[ROSTER_Q_END] =
	    "UPDATE membership SET end_on = ?2 WHERE id = ?1 AND end_on IS NULL AND role = ?3",
	[ROSTER_Q_SET_ROLE] =
	    "UPDATE membership SET role = ?2 WHERE id = ?1 AND end_on IS NULL AND role = ?3",
	/* audit summaries: "Ann → Group (member)" */
	[ROSTER_Q_SUMMARY] =
	    "SELECT p.name || ' → ' || g.name || ' (' || ?3 || ')' FROM person p, grp g "
	    "WHERE p.id = ?1 AND g.id = ?2",
	[SNAP_NOTES] = SNAP_SCAN_OK "DELETE FROM note",
	[SNAP_AUDIT] = "DELETE FROM audit",
	[SNAP_GROUPS] = SNAP_SCAN_OK
	    "DELETE FROM grp WHERE id NOT IN (SELECT value FROM json_each(?1))",
	[SNAP_INTEREST] = SNAP_SCAN_OK
	    "DELETE FROM interest WHERE person_id NOT IN " SNAP_KEPT,
	[SNAP_PROPOSER] = SNAP_SCAN_OK
	    "UPDATE theme SET proposer_id = NULL WHERE proposer_id NOT IN " SNAP_KEPT,
	[SNAP_ATTENDANCE] = SNAP_SCAN_OK
	    "DELETE FROM attendance WHERE person_id NOT IN " SNAP_KEPT,
	[SNAP_POLL_ANSWER] = SNAP_SCAN_OK
	    "DELETE FROM poll_answer WHERE person_id NOT IN " SNAP_KEPT,
	[SNAP_POLL] = SNAP_SCAN_OK
	    "UPDATE poll SET created_by = NULL WHERE created_by NOT IN " SNAP_KEPT,
	[SNAP_UPDATE_AUTHOR] = SNAP_SCAN_OK
	    "UPDATE update_post SET author_id = NULL WHERE author_id NOT IN " SNAP_KEPT,
	/* read marks are each reader's own: only who's go along */
	[SNAP_UPDATE_READ] = SNAP_SCAN_OK
	    "DELETE FROM update_read WHERE person_id <> ?1",
	[SNAP_BUDGET_BY] = SNAP_SCAN_OK
	    "UPDATE budget_request SET requested_by = NULL WHERE requested_by NOT IN " SNAP_KEPT,
	[SNAP_BUDGET_DECIDED] = SNAP_SCAN_OK
	    "UPDATE budget_request SET decided_by = NULL WHERE decided_by NOT IN " SNAP_KEPT,
	[SNAP_SCAN] = SNAP_SCAN_OK
	    "UPDATE scan SET filled_by = NULL WHERE filled_by NOT IN " SNAP_KEPT,
	[SNAP_PRODUCT_BY] = SNAP_SCAN_OK
	    "UPDATE product SET added_by = NULL WHERE added_by NOT IN " SNAP_KEPT,
	[SNAP_PEOPLE] = SNAP_SCAN_OK
	    "DELETE FROM person WHERE id NOT IN " SNAP_KEPT,
	[SNAP_JOURNAL] = "PRAGMA journal_mode = DELETE",
	/*
	 * A full-text index keeps the words of deleted rows in its segments
	 * until they are merged: rebuilt from what is left, none remain.
	 */
	[SNAP_FTS_PEOPLE] = "INSERT INTO person_fts(person_fts) VALUES ('rebuild')",
	[SNAP_FTS_THEMES] = "INSERT INTO theme_fts(theme_fts) VALUES ('rebuild')",
	[SNAP_FTS_GROUPS] = "INSERT INTO grp_fts(grp_fts) VALUES ('rebuild')",
	[SNAP_FTS_PRODUCTS] = "INSERT INTO product_fts(product_fts) VALUES ('rebuild')",
};

const struct store_sql_table store_roster_table = {
	STORE_MOD_ROSTER, roster_sql, ROSTER__COUNT
};

void
store_group_relation(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *on, struct access_ctx *ctx)
{
	struct date today = on != NULL ? *on : date_today();
	sqlite3_stmt *s;

	memset(ctx, 0, sizeof *ctx);
	if (actor_is_visitor(who))
		return;
	if ((s = store_stmt(st, &store_roster_table, ROSTER_Q_RELATION, NULL)) == NULL)
		return;
	sqlite3_bind_int64(s, 1, group_id);
	sqlite3_bind_int64(s, 2, who->person_id);
	store_bind_date(s, 3, &today);
	if (sqlite3_step(s) == SQLITE_ROW) {
		ctx->is_lead = sqlite3_column_int(s, 0) == 1;
		ctx->was_member = sqlite3_column_int(s, 1) == 1;
	}
	store_done(s);
}

/* Step roster rows into cb; emails only when with_email. */
static int
roster_rows(struct store *st, sqlite3_stmt *s, bool with_email, store_roster_cb cb, void *arg,
    char **error)
{
	struct roster_row r;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.membership_id = sqlite3_column_int64(s, 0);
		r.person_id = sqlite3_column_int64(s, 1);
		r.name = (const char *)sqlite3_column_text(s, 2);
		r.organisation = (const char *)sqlite3_column_text(s, 3);
		r.function = (const char *)sqlite3_column_text(s, 4);
		r.email = with_email ? (const char *)sqlite3_column_text(s, 5) : NULL;
		r.role = (const char *)sqlite3_column_text(s, 6);
		r.start_on = (const char *)sqlite3_column_text(s, 7);
		r.end_on = (const char *)sqlite3_column_text(s, 8);
		r.erased = sqlite3_column_int(s, 9) != 0;
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading a roster"), error);
	return 0;
}

int
store_roster_each(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *on, enum roster_view view, store_roster_cb cb, void *arg,
    char **error)
{
	static const int query[] = {
		[ROSTER_AT] = ROSTER_Q_AT, [ROSTER_FORMER] = ROSTER_Q_FORMER,
		[ROSTER_HISTORY] = ROSTER_Q_HISTORY,
	};
	struct access_ctx ctx;
	sqlite3_stmt *s;

	if (!access_allows(who, ACCESS_PEOPLE_VIEW, NULL))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_PEOPLE_VIEW)));
	if (view < ROSTER_AT || view > ROSTER_HISTORY)
		view = ROSTER_AT;
	store_group_relation(st, who, group_id, NULL, &ctx);
	if ((s = store_stmt(st, &store_roster_table, query[view], error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, group_id);
	if (view != ROSTER_HISTORY)
		store_bind_date(s, 2, on);
	return roster_rows(st, s, access_allows(who, ACCESS_ROSTER_EXPORT, &ctx), cb, arg,
	    error);
}

int
store_roster_export(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *on, store_roster_cb cb, void *arg, char **error)
{
	struct access_ctx ctx;
	sqlite3_stmt *s;

	store_group_relation(st, who, group_id, NULL, &ctx);
	if (!access_allows(who, ACCESS_ROSTER_EXPORT, &ctx))
		return store_refuse(error, STORE_DENIED, "%s",
		    _(access_reason(ACCESS_ROSTER_EXPORT)));
	if ((s = store_stmt(st, &store_roster_table, ROSTER_Q_AT, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, group_id);
	store_bind_date(s, 2, on);
	return roster_rows(st, s, true, cb, arg, error);
}

/* May who change group_id's roster, and is the group open? 0 or a store_result. */
static int
roster_may_edit(struct store *st, const struct actor *who, int64_t group_id, char **error)
{
	struct access_ctx ctx;
	sqlite3_stmt *s;
	int rc;
	bool closed;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if ((s = store_stmt(st, &store_roster_table, ROSTER_Q_GROUP_STATUS, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, group_id);
	rc = sqlite3_step(s);
	closed = rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(s, 0), "closed") == 0;
	store_done(s);
	if (rc == SQLITE_DONE)
		return store_refuse(error, STORE_NOT_FOUND, "%s", _("That group no longer exists."));
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, _("reading a group"), error);
	store_group_relation(st, who, group_id, NULL, &ctx);
	if (!access_allows(who, ACCESS_ROSTER_EDIT, &ctx))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_ROSTER_EDIT)));
	if (closed)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("The group is closed; its roster can no longer change."));
	return 0;
}

static bool
roster_role_valid(const char *role)
{
	return role != NULL && (strcmp(role, "lead") == 0 || strcmp(role, "member") == 0 ||
	    strcmp(role, "expert") == 0 || strcmp(role, "follower") == 0);
}

/* The audit summary "NAME → GROUP (role)", allocated or NULL. */
static char *
roster_summary(struct store *st, int64_t person_id, int64_t group_id, const char *role)
{
	sqlite3_stmt *s = store_stmt(st, &store_roster_table, ROSTER_Q_SUMMARY, NULL);

	if (s == NULL)
		return NULL;
	sqlite3_bind_int64(s, 1, person_id);
	sqlite3_bind_int64(s, 2, group_id);
	sqlite3_bind_text(s, 3, role, -1, SQLITE_TRANSIENT);
	return store_summary(s);
}

/* Is the person there and active? 0 or STORE_INVALID/NOT_FOUND. */
static int
roster_person_ok(struct store *st, int64_t person_id, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_roster_table, ROSTER_Q_PERSON_STATE, error);
	int rc, ret = 0;

	if (s == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, person_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE)
		ret = store_refuse(error, STORE_NOT_FOUND, "%s", _("That person no longer exists."));
	else if (rc != SQLITE_ROW)
		ret = store_fail(st, rc, _("reading a person"), error);
	else if (sqlite3_column_int(s, 1) != 0 || sqlite3_column_int(s, 0) == 0)
		ret = store_refuse(error, STORE_INVALID, _("%s is deactivated and cannot join a group."),
		    sqlite3_column_int(s, 1) != 0 ? _("An erased person") :
		    (const char *)sqlite3_column_text(s, 2));
	store_done(s);
	return ret;
}

/* Does a new interval from start clash with the person's intervals? 0 or a store_result. */
static int
roster_check_overlap(struct store *st, int64_t group_id, int64_t person_id,
    const struct date *start, char **error)
{
	struct interval *have = NULL, add = { .start = *start, .open = true };
	size_t n = 0, cap = 0;
	sqlite3_stmt *s;
	const char *why;
	char iso[DATE_ISO_LEN];
	long clash;
	int rc;

	if ((s = store_stmt(st, &store_roster_table, ROSTER_Q_INTERVALS, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, group_id);
	sqlite3_bind_int64(s, 2, person_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap)
			have = xreallocarray(have, cap = cap * 2 + 4, sizeof *have);
		memset(&have[n], 0, sizeof have[n]);
		date_parse_iso((const char *)sqlite3_column_text(s, 0), &have[n].start);
		have[n].open = sqlite3_column_type(s, 1) == SQLITE_NULL;
		if (!have[n].open)
			date_parse_iso((const char *)sqlite3_column_text(s, 1), &have[n].end);
		n++;
	}
	store_done(s);
	if (rc != SQLITE_DONE) {
		free(have);
		return store_fail(st, rc, _("reading a roster"), error);
	}
	why = roster_check_new(have, n, &add, &clash);
	if (why != NULL) {
		date_format_iso(clash >= 0 ? &have[clash].start : start, iso);
		free(have);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
		return store_refuse(error, STORE_INVALID, _(why), iso);
#pragma GCC diagnostic pop
	}
	free(have);
	return 0;
}

int
store_roster_add(struct store *st, const struct actor *who, int64_t group_id,
    int64_t person_id, const char *role, const struct date *start, char **error)
{
	sqlite3_stmt *s;
	char *summary;
	int ret;

	if ((ret = roster_may_edit(st, who, group_id, error)) != 0)
		return ret;
	if (!roster_role_valid(role))
		return store_refuse(error, STORE_INVALID, "%s", _("That is not a role in a group."));
	if (!date_valid(start))
		return store_refuse(error, STORE_INVALID, "%s", _("The start date is not valid."));
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = roster_person_ok(st, person_id, error)) != 0 ||
	    (ret = roster_check_overlap(st, group_id, person_id, start, error)) != 0) {
		store_rollback(st);
		return ret;
	}
	summary = roster_summary(st, person_id, group_id, role);
	if ((s = store_stmt(st, &store_roster_table, ROSTER_Q_INSERT, error)) == NULL) {
		free(summary);
		store_rollback(st);
		return STORE_ERROR;
	}
	sqlite3_bind_int64(s, 1, group_id);
	sqlite3_bind_int64(s, 2, person_id);
	sqlite3_bind_text(s, 3, role, -1, SQLITE_TRANSIENT);
	store_bind_date(s, 4, start);
	ret = store_insert_audited(st, who, s, "membership", summary, NULL, error);
	free(summary);
	if (ret != 0) {
		store_rollback(st);
		return STORE_ERROR;
	}
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
}

/* A membership as read now (role into role[size]); 1, 0 gone (error set), -1. */
static int
roster_membership(struct store *st, int64_t id, int64_t *group_id, int64_t *person_id,
    char *role, size_t size, struct interval *iv, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_roster_table, ROSTER_Q_MEMBERSHIP, error);
	int rc, ret = 1;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*group_id = sqlite3_column_int64(s, 0);
		*person_id = sqlite3_column_int64(s, 1);
		snprintf(role, size, "%s", (const char *)sqlite3_column_text(s, 2));
		memset(iv, 0, sizeof *iv);
		date_parse_iso((const char *)sqlite3_column_text(s, 3), &iv->start);
		iv->open = sqlite3_column_type(s, 4) == SQLITE_NULL;
		if (!iv->open)
			date_parse_iso((const char *)sqlite3_column_text(s, 4), &iv->end);
	} else if (rc == SQLITE_DONE) {
		store_refuse(error, STORE_NOT_FOUND, "%s", _("That membership no longer exists."));
		ret = 0;
	} else {
		ret = store_fail(st, rc, _("reading a roster"), error);
	}
	store_done(s);
	return ret;
}

/* Run a roster UPDATE (?1 id, ?2 value, ?3 role as read), audited; CONFLICT when
 * nothing changed. Inside the caller's transaction. */
static int
roster_update(struct store *st, const struct actor *who, int idx, int64_t id,
    const char *value, const char *role, const char *action, const char *summary,
    char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_roster_table, idx, error);

	if (s == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, role, -1, SQLITE_TRANSIENT);
	return store_update_versioned(st, who, s, "membership", id, action, summary,
	    _("Someone else changed this membership meanwhile; the roster was reloaded. "
	    "Make your change again."), error);
}

int
store_roster_end(struct store *st, const struct actor *who, int64_t membership_id,
    const struct date *end, char **error)
{
	int64_t group_id, person_id;
	struct interval iv;
	char role[32], iso[DATE_ISO_LEN], *summary;
	const char *why;
	int ret;

	if ((ret = roster_membership(st, membership_id, &group_id, &person_id, role,
	    sizeof role, &iv, error)) <= 0)
		return ret < 0 ? STORE_ERROR : STORE_NOT_FOUND;
	if ((ret = roster_may_edit(st, who, group_id, error)) != 0)
		return ret;
	if (!iv.open)
		return store_refuse(error, STORE_CONFLICT, "%s",
		    _("This membership has already ended (perhaps someone else just ended it); "
		    "the roster was reloaded."));
	if ((why = roster_check_end(&iv, end)) != NULL)
		return store_refuse(error, STORE_INVALID, "%s: %s", _("last day"), _(why));
	summary = roster_summary(st, person_id, group_id, role);
	ret = roster_update(st, who, ROSTER_Q_END, membership_id, date_format_iso(end, iso),
	    role, "end", summary, error);
	free(summary);
	return ret;
}

int
store_roster_set_role(struct store *st, const struct actor *who, int64_t membership_id,
    const char *old_role, const char *role, const struct date *from, char **error)
{
	int64_t group_id, person_id;
	struct interval iv;
	struct date last;
	char now_role[32], iso[DATE_ISO_LEN], *summary;
	sqlite3_stmt *s;
	int ret;

	if ((ret = roster_membership(st, membership_id, &group_id, &person_id, now_role,
	    sizeof now_role, &iv, error)) <= 0)
		return ret < 0 ? STORE_ERROR : STORE_NOT_FOUND;
	if ((ret = roster_may_edit(st, who, group_id, error)) != 0)
		return ret;
	if (!roster_role_valid(role))
		return store_refuse(error, STORE_INVALID, "%s", _("That is not a role in a group."));
	if (!iv.open || strcmp(now_role, old_role) != 0)
		return store_refuse(error, STORE_CONFLICT, "%s",
		    _("Someone else changed this membership meanwhile; the roster was reloaded. "
		    "Make your change again."));
	if (strcmp(role, old_role) == 0)
		return 0;
	if (!date_valid(from) || date_compare(from, &iv.start) < 0)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("The new role cannot start before the membership does."));
	summary = roster_summary(st, person_id, group_id, role);
	if (store_begin(st, error) != 0) {
		free(summary);
		return STORE_ERROR;
	}
	if (date_compare(from, &iv.start) == 0) {
		ret = roster_update(st, who, ROSTER_Q_SET_ROLE, membership_id, role, old_role,
		    "role", summary, error);
	} else {
		last = date_add_days(from, -1);
		ret = roster_update(st, who, ROSTER_Q_END, membership_id,
		    date_format_iso(&last, iso), old_role, "role", summary, error);
		if (ret == 0 && (s = store_stmt(st, &store_roster_table, ROSTER_Q_INSERT,
		    error)) != NULL) {
			sqlite3_bind_int64(s, 1, group_id);
			sqlite3_bind_int64(s, 2, person_id);
			sqlite3_bind_text(s, 3, role, -1, SQLITE_TRANSIENT);
			store_bind_date(s, 4, from);
			ret = store_exec_stmt(st, s, _("changing a role"), error);
		} else if (ret == 0) {
			ret = STORE_ERROR;
		}
	}
	free(summary);
	if (ret != 0) {
		store_rollback(st);
		return ret;
	}
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
}

/* ---- the offline snapshot ---- */

/* The statements that strip a fresh copy, in order; SNAP_GROUPS binds the ids. */
static const int snap_steps[] = {
	SNAP_NOTES, SNAP_AUDIT, SNAP_GROUPS, SNAP_INTEREST, SNAP_PROPOSER, SNAP_ATTENDANCE,
	SNAP_POLL_ANSWER, SNAP_POLL, SNAP_UPDATE_AUTHOR, SNAP_UPDATE_READ, SNAP_BUDGET_BY,
	SNAP_BUDGET_DECIDED, SNAP_SCAN, SNAP_PRODUCT_BY, SNAP_PEOPLE, SNAP_FTS_PEOPLE,
	SNAP_FTS_THEMES, SNAP_FTS_GROUPS, SNAP_FTS_PRODUCTS,
};

/* Strip the copy to the groups in ids (a JSON array) for who. */
static int
snap_strip(struct store *copy, const struct actor *who, const char *ids, char **error)
{
	sqlite3_stmt *s;
	size_t i;

	if (store_begin(copy, error) != 0)
		return -1;
	for (i = 0; i < sizeof snap_steps / sizeof snap_steps[0]; i++) {
		if ((s = store_stmt(copy, &store_roster_table, snap_steps[i], error)) == NULL)
			goto fail;
		if (snap_steps[i] == SNAP_GROUPS)
			sqlite3_bind_text(s, 1, ids, -1, SQLITE_TRANSIENT);
		else if (sqlite3_bind_parameter_count(s) > 0)
			sqlite3_bind_int64(s, 1, who->person_id);
		if (store_exec_stmt(copy, s, _("writing the snapshot"), error) != 0)
			goto fail;
	}
	if (store_commit(copy, error) != 0)
		return -1;
	/* a single self-contained file, its free pages gone */
	if ((s = store_stmt(copy, &store_roster_table, SNAP_JOURNAL, error)) == NULL ||
	    store_exec_stmt(copy, s, _("writing the snapshot"), error) != 0)
		return -1;
	return sqlite3_exec(copy->db, "VACUUM", NULL, NULL, NULL) == SQLITE_OK ? 0 :
	    store_fail(copy, sqlite3_errcode(copy->db), _("writing the snapshot"), error);
fail:
	store_rollback(copy);
	return -1;
}

/* The ids as a JSON array, allocated; every group checked against who. */
static int
snap_ids(struct store *st, const struct actor *who, const int64_t *group_ids, size_t n,
    char **json, char **error)
{
	struct access_ctx ctx;
	size_t i, size = n * 22 + 3, used = 1;

	*json = xmalloc(size);
	(*json)[0] = '[';
	for (i = 0; i < n; i++) {
		store_group_relation(st, who, group_ids[i], NULL, &ctx);
		if (!access_allows(who, ACCESS_ROSTER_EXPORT, &ctx)) {
			free(*json);
			*json = NULL;
			return store_refuse(error, STORE_DENIED, "%s",
			    _(access_reason(ACCESS_ROSTER_EXPORT)));
		}
		used += (size_t)snprintf(*json + used, size - used, "%s%lld", i > 0 ? "," : "",
		    (long long)group_ids[i]);
	}
	snprintf(*json + used, size - used, "]");
	return 0;
}

int
store_snapshot(struct store *st, const struct actor *who, const char *path,
    const int64_t *group_ids, size_t n, char **error)
{
	struct store *copy = NULL;
	char *ids = NULL, *why = NULL, *tmp;
	struct stat sb;
	int fd, ret;

	if (n == 0)
		return store_refuse(error, STORE_INVALID, "%s", _("Name at least one group."));
	if (stat(path, &sb) == 0 && (!S_ISREG(sb.st_mode) || sb.st_size > 0))
		return store_refuse(error, STORE_ERROR, _("%s exists; a snapshot never overwrites it"),
		    path);
	if ((ret = snap_ids(st, who, group_ids, n, &ids, error)) != 0)
		return ret;
	/*
	 * Copy and strip beside path, under a private name (0600), and put it
	 * in place only when stripped: path never holds a full copy, however
	 * the program is stopped.
	 */
	tmp = xasprintf("%s.partial-XXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		ret = store_refuse(error, STORE_ERROR, _("cannot create %s: %s"), tmp,
		    strerror(errno));
		free(tmp);
		free(ids);
		return ret;
	}
	close(fd);
	if (store_copy_to(st, tmp, &why) != 0 || store_open(tmp, 0, &copy, &why) != STORE_OK ||
	    snap_strip(copy, who, ids, &why) != 0) {
		store_close(copy);
		copy = NULL;
		ret = STORE_ERROR;
	} else {
		store_close(copy);
		copy = NULL;
		ret = rename(tmp, path) == 0 ? 0 : STORE_ERROR;
		if (ret != 0)
			why = xasprintf(_("cannot create %s: %s"), path, strerror(errno));
	}
	if (ret != 0) {
		/* never leave a copy with other people's data behind */
		remove(tmp);
		store_refuse(error, STORE_ERROR, "%s", why != NULL ? why : "?");
	}
	free(why);
	free(tmp);
	free(ids);
	return ret;
}

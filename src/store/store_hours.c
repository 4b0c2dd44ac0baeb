/*
 * store_hours.c — the hours statement: a person's attendance at held
 * meetings, what each earns, and their role in the group on the day.
 *
 * Only attendance, meeting, grp and membership are read; never a note.
 * What a row earns is decided in C by core/hours.h, not in SQL, so that the
 * rules live in one place.
 */
#include "autoconf.h"

#include <stdlib.h>

#include "core/access.h"
#include "core/hours.h"
#include "core/i18n.h"
#include "store/store_private.h"

enum {
	HOURS_Q_ROWS,
	HOURS_Q_LEADS,
	HOURS_Q_GROUP,
	HOURS__COUNT
};

static const char *const hours_sql[HOURS__COUNT] = {
	/*
	 * ?1 person, ?2/?3 first/last day, ?4 group (NULL = any), ?5 the reader
	 * and ?6 today, for whether the reader leads the row's group now.
	 */
	[HOURS_Q_ROWS] =
	    "SELECT m.id, m.group_id, g.name, g.type, g.hours_norm, m.starts_at, m.ends_at, "
	    "m.status, a.status, a.minutes, "
	    "(SELECT r.role FROM membership r WHERE r.person_id = a.person_id "
	    "AND r.group_id = m.group_id AND r.start_on <= substr(m.starts_at, 1, 10) "
	    "AND (r.end_on IS NULL OR r.end_on >= substr(m.starts_at, 1, 10)) "
	    "ORDER BY CASE r.role WHEN 'lead' THEN 0 WHEN 'member' THEN 1 "
	    "WHEN 'expert' THEN 2 ELSE 3 END LIMIT 1), "
	    "EXISTS (SELECT 1 FROM membership l WHERE l.person_id = ?5 "
	    "AND l.group_id = m.group_id AND l.role = 'lead' AND l.start_on <= ?6 "
	    "AND (l.end_on IS NULL OR l.end_on >= ?6)) "
	    "FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
	    "LEFT JOIN grp g ON g.id = m.group_id "
	    "WHERE a.person_id = ?1 AND substr(m.starts_at, 1, 10) BETWEEN ?2 AND ?3 "
	    "AND (?4 IS NULL OR m.group_id = ?4) "
	    "ORDER BY m.starts_at, m.id",
	/* Does ?1 lead (on ?3) a group (?4, NULL = any) that ?2 is or was in? */
	[HOURS_Q_LEADS] =
	    "SELECT 1 FROM membership l JOIN membership p ON p.group_id = l.group_id "
	    "AND p.person_id = ?2 "
	    "WHERE l.person_id = ?1 AND l.role = 'lead' AND l.start_on <= ?3 "
	    "AND (l.end_on IS NULL OR l.end_on >= ?3) AND (?4 IS NULL OR l.group_id = ?4) "
	    "LIMIT 1",
	/* the attendance at a group's held meetings from ?2 to the day before ?3 */
	[HOURS_Q_GROUP] =
	    "SELECT a.person_id, m.starts_at, m.ends_at, a.status, a.minutes "
	    "FROM meeting m JOIN attendance a ON a.meeting_id = m.id "
	    "WHERE m.group_id = ?1 AND m.starts_at >= ?2 AND m.starts_at < ?3 "
	    "AND m.status = 'held'",
};

const struct store_sql_table store_hours_table = {
	STORE_MOD_HOURS, hours_sql, HOURS__COUNT
};

/* May who see person_id's hours (of group_id, 0 = any) at all? 1 all rows, 0 only
 * the rows of groups who leads, or a negative store_result. */
static int
store_hours_access(struct store *st, const struct actor *who, int64_t person_id,
    int64_t group_id, const struct date *today, char **error)
{
	struct access_ctx ctx = { .owner_id = person_id };
	sqlite3_stmt *s;
	int rc;

	if (access_allows(who, ACCESS_HOURS_VIEW, &ctx))
		return 1;
	if (who == NULL || actor_is_visitor(who))
		goto denied;
	if ((s = store_stmt(st, &store_hours_table, HOURS_Q_LEADS, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, who->person_id);
	sqlite3_bind_int64(s, 2, person_id);
	store_bind_date(s, 3, today);
	store_bind_id(s, 4, group_id);
	rc = sqlite3_step(s);
	store_done(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading hours"), error);
	ctx.is_lead = rc == SQLITE_ROW;
	if (access_allows(who, ACCESS_HOURS_VIEW, &ctx))
		return 0;
denied:
	return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_HOURS_VIEW)));
}

/* Fill r from the current row of HOURS_Q_ROWS; false when it is not delivered. */
static bool
store_hours_row(sqlite3_stmt *s, bool all, struct hours_row *r)
{
	enum hours_status status;
	bool held = hours_meeting_held((const char *)sqlite3_column_text(s, 7));

	if (!held || (!all && sqlite3_column_int(s, 11) == 0))
		return false;
	r->meeting_id = sqlite3_column_int64(s, 0);
	r->group_id = sqlite3_column_int64(s, 1);
	r->group_name = (const char *)sqlite3_column_text(s, 2);
	r->group_type = (const char *)sqlite3_column_text(s, 3);
	r->group_norm = sqlite3_column_int(s, 4);
	r->starts_at = (const char *)sqlite3_column_text(s, 5);
	r->ends_at = (const char *)sqlite3_column_text(s, 6);
	r->status = (const char *)sqlite3_column_text(s, 8);
	r->role = (const char *)sqlite3_column_text(s, 10);
	r->duration = hours_duration(r->starts_at, r->ends_at);
	if (r->duration < 0)
		r->duration = 0;
	if (!hours_status_parse(r->status, &status))
		status = HOURS_ABSENT;
	r->credited = hours_credited(held, status, r->duration,
	    sqlite3_column_type(s, 9) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 9));
	return true;
}

int
store_hours_each(struct store *st, const struct actor *who, int64_t person_id,
    int64_t group_id, const struct date *first, const struct date *last,
    store_hours_cb cb, void *arg, char **error)
{
	struct date today = date_today();
	struct hours_row r;
	sqlite3_stmt *s;
	int all, rc;

	if ((all = store_hours_access(st, who, person_id, group_id, &today, error)) < 0)
		return all;
	if ((s = store_stmt(st, &store_hours_table, HOURS_Q_ROWS, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, person_id);
	store_bind_date(s, 2, first);
	store_bind_date(s, 3, last);
	store_bind_id(s, 4, group_id);
	sqlite3_bind_int64(s, 5, who != NULL ? who->person_id : 0);
	store_bind_date(s, 6, &today);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (store_hours_row(s, all == 1, &r) && cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading hours"), error);
	return 0;
}

int
store_group_hours(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *first, const struct date *last, store_group_hours_cb cb, void *arg,
    char **error)
{
	struct date after = date_add_days(last, 1);
	struct access_ctx ctx;
	enum hours_status hs;
	sqlite3_stmt *s;
	int rc, duration;

	store_group_relation(st, who, group_id, NULL, &ctx);
	if (!who->coordinator && !ctx.is_lead)
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_HOURS_VIEW)));
	if ((s = store_stmt(st, &store_hours_table, HOURS_Q_GROUP, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, group_id);
	store_bind_date(s, 2, first);
	store_bind_date(s, 3, &after);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		duration = hours_duration((const char *)sqlite3_column_text(s, 1),
		    (const char *)sqlite3_column_text(s, 2));
		if (duration < 0 ||
		    !hours_status_parse((const char *)sqlite3_column_text(s, 3), &hs))
			continue;
		if (cb(sqlite3_column_int64(s, 0), hours_credited(true, hs, duration,
		    sqlite3_column_type(s, 4) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 4)),
		    arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading hours"), error);
	return 0;
}

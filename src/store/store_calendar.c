/*
 * store_calendar.c — the calendar: meetings of a date range for a scope,
 * one meeting's page, planning (one, a series), moving and cancelling,
 * conflicts, and taking attendance.
 *
 * A range is read day by day through the start indexes (meeting_start for
 * the whole network, meeting_group_cover per group), so a month costs the
 * same at 500 000 meetings as at 500. Every write is one IMMEDIATE
 * transaction, audited; a change to a meeting names the version it was read
 * at, so two leads moving the same meeting never lose one of the moves.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/hours.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	CAL_Q_ALL,
	CAL_Q_ALL_BULK,
	CAL_Q_ALL_COUNT,
	CAL_CACHE_BIG,
	CAL_CACHE_NORMAL,
	CAL_Q_GROUP,
	CAL_Q_GROUP_COUNT,
	CAL_Q_PERSON,
	CAL_Q_PERSON_COUNT,
	CAL_Q_GET,
	CAL_Q_GROUP_STATE,
	CAL_INSERT,
	CAL_SET_SERIES,
	CAL_UPDATE,
	CAL_UPDATE_REST,
	CAL_STATUS,
	CAL_CANCEL_REST,
	CAL_Q_CONFLICT_GROUP,
	CAL_Q_CONFLICT_MEMBER,
	CAL_Q_CONFLICT_NETWORK,
	CAL_Q_ATTENDANCE,
	CAL_Q_ATTENDANCE_NETWORK,
	CAL_Q_ON_ROSTER,
	CAL_Q_ATTENDANCE_ROW,
	CAL_ATTENDANCE_SET,
	CAL_ATTENDANCE_DELETE,
	CAL__COUNT
};

/* The columns every range query delivers, in this order. */
#define CAL_COLUMNS \
	"m.id, m.group_id, g.name, m.title, m.starts_at, m.ends_at, m.place, " \
	"CASE WHEN ?4 THEN m.agenda END, m.working_form, m.status, m.series_id, m.version "

/*
 * Range queries: ?1 first day "YYYY-MM-DD", ?2 the day after the last
 * (moments compare as text: "2026-11-23T10:00" lies between them), ?3 1 to
 * include cancelled meetings, ?4 1 for the agenda, ?5 the limit (-1: none),
 * ?6 the group or person.
 */
static const char *const calendar_sql[CAL__COUNT] = {
	[CAL_Q_ALL] =
	    "SELECT " CAL_COLUMNS "FROM meeting m LEFT JOIN grp g ON g.id = m.group_id "
	    "WHERE m.starts_at >= ?1 AND m.starts_at < ?2 AND (?3 OR m.status <> 'cancelled') "
	    "AND (?7 IS NULL OR m.starts_at > ?7 OR (m.starts_at = ?7 AND m.id > ?8)) "
	    "ORDER BY m.starts_at, m.id LIMIT ?5",
	/*
	 * An export of much of the network: reading the table in its own order
	 * is four times faster than visiting the rows in start order.
	 */
	[CAL_Q_ALL_BULK] =
	    "/* scan ok: an export of every meeting of a long period, in table order */ "
	    "SELECT " CAL_COLUMNS "FROM meeting m NOT INDEXED LEFT JOIN grp g ON g.id = m.group_id "
	    "WHERE m.starts_at >= ?1 AND m.starts_at < ?2 AND (?3 OR m.status <> 'cancelled') "
	    "LIMIT ?5",
	/* the groups joined to an export: their pages stay in memory */
	[CAL_CACHE_BIG] = "PRAGMA cache_size = -32768",
	[CAL_CACHE_NORMAL] = "PRAGMA cache_size = -2000",
	/* the whole network's count of a day, kept by triggers (migration 7) */
	[CAL_Q_ALL_COUNT] =
	    "SELECT meetings - CASE WHEN ?3 THEN 0 ELSE cancelled END FROM meeting_day "
	    "WHERE day = ?1",
	[CAL_Q_GROUP] =
	    "SELECT " CAL_COLUMNS "FROM meeting m LEFT JOIN grp g ON g.id = m.group_id "
	    "WHERE m.group_id = ?6 AND m.starts_at >= ?1 AND m.starts_at < ?2 "
	    "AND (?3 OR m.status <> 'cancelled') "
	    "AND (?7 IS NULL OR m.starts_at > ?7 OR (m.starts_at = ?7 AND m.id > ?8)) "
	    "ORDER BY m.starts_at, m.id LIMIT ?5",
	[CAL_Q_GROUP_COUNT] =
	    "SELECT count(*) FROM meeting m WHERE m.group_id = ?6 AND m.starts_at >= ?1 "
	    "AND m.starts_at < ?2 AND (?3 OR m.status <> 'cancelled')",
	/* The person's groups (any role, while they belonged) and network-wide meetings. */
	[CAL_Q_PERSON] =
	    "SELECT * FROM ("
	    " SELECT " CAL_COLUMNS "FROM (SELECT DISTINCT group_id FROM membership"
	    "  WHERE person_id = ?6 AND start_on < ?2 AND (end_on IS NULL OR end_on >= ?1)) ms"
	    "  JOIN meeting m ON m.group_id = ms.group_id AND m.starts_at >= ?1"
	    "  AND m.starts_at < ?2 AND (?3 OR m.status <> 'cancelled')"
	    "  AND (?7 IS NULL OR m.starts_at > ?7 OR (m.starts_at = ?7 AND m.id > ?8))"
	    "  JOIN grp g ON g.id = m.group_id"
	    " UNION ALL"
	    " SELECT " CAL_COLUMNS "FROM meeting m LEFT JOIN grp g ON g.id = m.group_id"
	    "  WHERE m.group_id IS NULL AND m.starts_at >= ?1 AND m.starts_at < ?2"
	    "  AND (?3 OR m.status <> 'cancelled')"
	    "  AND (?7 IS NULL OR m.starts_at > ?7 OR (m.starts_at = ?7 AND m.id > ?8))"
	    ") ORDER BY 5, 1 LIMIT ?5",
	[CAL_Q_PERSON_COUNT] =
	    "SELECT (SELECT count(*) FROM (SELECT DISTINCT group_id FROM membership"
	    "  WHERE person_id = ?6 AND start_on < ?2 AND (end_on IS NULL OR end_on >= ?1)) ms"
	    "  JOIN meeting m ON m.group_id = ms.group_id AND m.starts_at >= ?1"
	    "  AND m.starts_at < ?2 AND (?3 OR m.status <> 'cancelled'))"
	    " + (SELECT count(*) FROM meeting m WHERE m.group_id IS NULL AND m.starts_at >= ?1"
	    "  AND m.starts_at < ?2 AND (?3 OR m.status <> 'cancelled'))",
	[CAL_Q_GET] =
	    "SELECT m.id, m.group_id, m.series_id, g.name, g.type, m.title, m.place, m.agenda, "
	    "m.working_form, m.status, m.starts_at, m.ends_at, m.version, "
	    "(SELECT n.id FROM note n WHERE n.meeting_id = m.id) "
	    "FROM meeting m LEFT JOIN grp g ON g.id = m.group_id WHERE m.id = ?1",
	[CAL_Q_GROUP_STATE] = "SELECT status, name FROM grp WHERE id = ?1",
	[CAL_INSERT] =
	    "INSERT INTO meeting (group_id, title, starts_at, ends_at, place, agenda, "
	    "working_form, status, series_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'planned', ?8)",
	[CAL_SET_SERIES] = "UPDATE meeting SET series_id = ?1 WHERE id = ?1",
	[CAL_UPDATE] =
	    "UPDATE meeting SET title = ?3, starts_at = ?4, ends_at = ?5, place = ?6, "
	    "agenda = ?7, working_form = ?8, version = version + 1 "
	    "WHERE id = ?1 AND version = ?2",
	/* The later planned meetings of a series move by ?3 days to times ?4..?5. */
	[CAL_UPDATE_REST] =
	    "UPDATE meeting SET "
	    "starts_at = date(substr(starts_at, 1, 10), printf('%+d days', ?3)) || 'T' || ?4, "
	    "ends_at = date(substr(starts_at, 1, 10), printf('%+d days', ?3)) || 'T' || ?5, "
	    "place = ?6, version = version + 1 "
	    "WHERE series_id = ?1 AND starts_at > ?2 AND status = 'planned' AND id <> ?7",
	[CAL_STATUS] =
	    "UPDATE meeting SET status = ?3, version = version + 1 WHERE id = ?1 AND version = ?2",
	[CAL_CANCEL_REST] =
	    "UPDATE meeting SET status = 'cancelled', version = version + 1 "
	    "WHERE series_id = ?1 AND starts_at > ?2 AND status = 'planned' AND id <> ?3",
	/* ?1 group, ?2 start moment, ?3 end moment, ?4 meeting to leave out, ?5 the day, ?6 limit */
	[CAL_Q_CONFLICT_GROUP] =
	    "SELECT m.id, g.name, m.title, m.starts_at, m.ends_at FROM meeting m "
	    "JOIN grp g ON g.id = m.group_id WHERE m.group_id = ?1 AND m.starts_at >= ?5 "
	    "AND m.starts_at < ?3 AND m.ends_at > ?2 AND m.status <> 'cancelled' "
	    "AND m.id IS NOT ?4 ORDER BY m.starts_at LIMIT ?6",
	[CAL_Q_CONFLICT_MEMBER] =
	    "SELECT m.id, g.name, m.title, m.starts_at, m.ends_at, p.name FROM membership r "
	    "JOIN person p ON p.id = r.person_id "
	    "JOIN membership o ON o.person_id = r.person_id AND o.group_id <> r.group_id "
	    " AND o.role <> 'follower' AND o.start_on <= ?5 AND (o.end_on IS NULL OR o.end_on >= ?5) "
	    "JOIN meeting m ON m.group_id = o.group_id AND m.starts_at >= ?5 AND m.starts_at < ?3 "
	    " AND m.ends_at > ?2 AND m.status <> 'cancelled' AND m.id IS NOT ?4 "
	    "JOIN grp g ON g.id = m.group_id "
	    "WHERE r.group_id = ?1 AND r.role <> 'follower' AND r.start_on <= ?5 "
	    "AND (r.end_on IS NULL OR r.end_on >= ?5) "
	    "ORDER BY m.starts_at, p.name COLLATE NOCASE LIMIT ?6",
	[CAL_Q_CONFLICT_NETWORK] =
	    "SELECT m.id, NULL, m.title, m.starts_at, m.ends_at FROM meeting m "
	    "WHERE m.group_id IS NULL AND m.starts_at >= ?5 AND m.starts_at < ?3 "
	    "AND m.ends_at > ?2 AND m.status <> 'cancelled' AND m.id IS NOT ?4 "
	    "ORDER BY m.starts_at LIMIT ?6",
	/* ?1 meeting, ?2 group, ?3 day */
	[CAL_Q_ATTENDANCE] =
	    "SELECT p.id, p.name, r.role, a.status, a.minutes, a.remark, a.planned "
	    "FROM membership r JOIN person p ON p.id = r.person_id "
	    "LEFT JOIN attendance a ON a.meeting_id = ?1 AND a.person_id = r.person_id "
	    "WHERE r.group_id = ?2 AND r.role <> 'follower' AND r.start_on <= ?3 "
	    "AND (r.end_on IS NULL OR r.end_on >= ?3) "
	    "ORDER BY CASE r.role WHEN 'lead' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, "
	    "p.name COLLATE NOCASE, p.id",
	[CAL_Q_ATTENDANCE_NETWORK] =
	    "SELECT p.id, p.name, NULL, a.status, a.minutes, a.remark, a.planned "
	    "FROM attendance a JOIN person p ON p.id = a.person_id WHERE a.meeting_id = ?1 "
	    "ORDER BY p.name COLLATE NOCASE, p.id",
	/* ?1 group, ?2 person, ?3 day */
	[CAL_Q_ON_ROSTER] =
	    "SELECT 1 FROM membership WHERE group_id = ?1 AND person_id = ?2 "
	    "AND role <> 'follower' AND start_on <= ?3 AND (end_on IS NULL OR end_on >= ?3)",
	[CAL_Q_ATTENDANCE_ROW] =
	    "SELECT a.planned, p.name FROM person p LEFT JOIN attendance a "
	    "ON a.meeting_id = ?1 AND a.person_id = p.id WHERE p.id = ?2",
	[CAL_ATTENDANCE_SET] =
	    "INSERT INTO attendance (meeting_id, person_id, status, minutes, remark, planned) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (meeting_id, person_id) DO UPDATE "
	    "SET status = excluded.status, minutes = excluded.minutes, "
	    "remark = excluded.remark, planned = excluded.planned",
	[CAL_ATTENDANCE_DELETE] =
	    "DELETE FROM attendance WHERE meeting_id = ?1 AND person_id = ?2",
};

const struct store_sql_table store_calendar_table = {
	STORE_MOD_CALENDAR, calendar_sql, CAL__COUNT
};

/* ---- ranges ---- */

/* From how many days on an export of the whole network reads in table order. */
#define CAL_BULK_DAYS 92

/* Bind the range of one query: days first .. last (both included). */
static void
calendar_bind_range(sqlite3_stmt *s, const struct calendar_query *q, const struct date *first,
    const struct date *last, int limit)
{
	struct date after = date_add_days(last, 1);

	store_bind_date(s, 1, first);
	store_bind_date(s, 2, &after);
	sqlite3_bind_int(s, 3, q->cancelled ? 1 : 0);
	sqlite3_bind_int(s, 4, q->want_agenda ? 1 : 0);
	sqlite3_bind_int(s, 5, limit);
	if (q->scope == MEETING_SCOPE_GROUP)
		sqlite3_bind_int64(s, 6, q->group_id);
	else if (q->scope != MEETING_SCOPE_ALL)
		sqlite3_bind_int64(s, 6, q->person_id);
	if (q->per_day <= 0 && q->after != NULL) {
		store_bind_text(s, 7, q->after);
		sqlite3_bind_int64(s, 8, q->after_id);
	}
}

/*
 * Step rows into cb, at most cap of them (< 0: all), counting every row in
 * *n; 1 when cb stopped, 0 at the end, or a negative store_result.
 */
static int
calendar_rows(struct store *st, sqlite3_stmt *s, int cap, store_calendar_cb cb, void *arg,
    int *n, char **error)
{
	struct calendar_row r;
	int rc, stop = 0;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		r.group_id = sqlite3_column_int64(s, 1);
		r.group_name = (const char *)sqlite3_column_text(s, 2);
		r.title = (const char *)sqlite3_column_text(s, 3);
		r.starts_at = (const char *)sqlite3_column_text(s, 4);
		r.ends_at = (const char *)sqlite3_column_text(s, 5);
		r.place = (const char *)sqlite3_column_text(s, 6);
		r.agenda = (const char *)sqlite3_column_text(s, 7);
		r.working_form = (const char *)sqlite3_column_text(s, 8);
		r.status = (const char *)sqlite3_column_text(s, 9);
		r.series_id = sqlite3_column_int64(s, 10);
		r.version = sqlite3_column_int(s, 11);
		if (cap >= 0 && *n >= cap) {
			(*n)++;
			continue;
		}
		(*n)++;
		if (cb(&r, arg) != 0) {
			stop = 1;
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading the calendar"), error);
	return stop;
}

/* A cache size for one export; failing is no reason to refuse the export. */
static void
calendar_pragma(struct store *st, int idx)
{
	sqlite3_stmt *s = store_stmt(st, &store_calendar_table, idx, NULL);

	if (s != NULL) {
		(void)sqlite3_step(s);
		store_done(s);
	}
}

int
store_calendar_range(struct store *st, const struct actor *who, const struct calendar_query *q,
    store_calendar_cb cb, void *arg, char **error)
{
	static const int rows_q[] = {
		[MEETING_SCOPE_MINE] = CAL_Q_PERSON, [MEETING_SCOPE_GROUP] = CAL_Q_GROUP,
		[MEETING_SCOPE_PERSON] = CAL_Q_PERSON, [MEETING_SCOPE_ALL] = CAL_Q_ALL,
	};
	static const int count_q[] = {
		[MEETING_SCOPE_MINE] = CAL_Q_PERSON_COUNT,
		[MEETING_SCOPE_GROUP] = CAL_Q_GROUP_COUNT,
		[MEETING_SCOPE_PERSON] = CAL_Q_PERSON_COUNT, [MEETING_SCOPE_ALL] = CAL_Q_ALL_COUNT,
	};
	struct calendar_query qq = *q;
	struct calendar_row more;
	struct date day;
	sqlite3_stmt *s;
	char iso[DATETIME_ISO_LEN];
	int i, n, ret, total, rc;

	if (qq.scope < MEETING_SCOPE_MINE || qq.scope > MEETING_SCOPE_ALL)
		return store_refuse(error, STORE_INVALID, "%s", _("unknown calendar scope"));
	if (!date_valid(&qq.first) || !date_valid(&qq.last) ||
	    date_compare(&qq.first, &qq.last) > 0)
		return store_refuse(error, STORE_INVALID, "%s", _("the period ends before it starts"));
	switch (qq.scope) {
	case MEETING_SCOPE_MINE:
		qq.person_id = actor_is_visitor(who) ? -1 : who->person_id;
		break;
	case MEETING_SCOPE_PERSON:
		if (!who->coordinator && (actor_is_visitor(who) || who->person_id != qq.person_id))
			return store_refuse(error, STORE_DENIED, "%s",
			    _("only coordinators see another person's agenda"));
		break;
	case MEETING_SCOPE_ALL:
		if (!who->coordinator)
			return store_refuse(error, STORE_DENIED, "%s",
			    _("only coordinators see the calendar of the whole network"));
		break;
	case MEETING_SCOPE_GROUP:
		break;
	}

	if (qq.per_day <= 0) {
		i = rows_q[qq.scope];
		if (qq.scope == MEETING_SCOPE_ALL && qq.any_order &&
		    date_to_days(&qq.last) - date_to_days(&qq.first) > CAL_BULK_DAYS)
			i = CAL_Q_ALL_BULK;
		if (i == CAL_Q_ALL_BULK)
			calendar_pragma(st, CAL_CACHE_BIG);
		if ((s = store_stmt(st, &store_calendar_table, i, error)) == NULL)
			return STORE_ERROR;
		/* a keyset page starts on the day of its anchor */
		if (qq.after != NULL && datetime_parse_iso(qq.after, &day, &rc) == 0 &&
		    date_compare(&day, &qq.first) > 0)
			qq.first = day;
		calendar_bind_range(s, &qq, &qq.first, &qq.last, qq.limit > 0 ? qq.limit : -1);
		n = 0;
		ret = calendar_rows(st, s, -1, cb, arg, &n, error);
		if (i == CAL_Q_ALL_BULK)
			calendar_pragma(st, CAL_CACHE_NORMAL);
		return ret < 0 ? ret : 0;
	}

	/* Day by day: at most per_day rows, then how many more there are. */
	for (day = qq.first; date_compare(&day, &qq.last) <= 0; day = date_add_days(&day, 1)) {
		if ((s = store_stmt(st, &store_calendar_table, rows_q[qq.scope], error)) == NULL)
			return STORE_ERROR;
		calendar_bind_range(s, &qq, &day, &day, qq.per_day + 1);
		n = 0;
		/* the extra row only tells that there are more */
		ret = calendar_rows(st, s, qq.per_day, cb, arg, &n, error);
		if (ret != 0)
			return ret < 0 ? ret : 0;
		if (n <= qq.per_day)
			continue;
		if ((s = store_stmt(st, &store_calendar_table, count_q[qq.scope], error)) == NULL)
			return STORE_ERROR;
		calendar_bind_range(s, &qq, &day, &day, -1);
		rc = sqlite3_step(s);
		total = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
		store_done(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_fail(st, rc, _("reading the calendar"), error);
		memset(&more, 0, sizeof more);
		more.starts_at = datetime_format_iso(&day, 0, iso);
		more.more = total - qq.per_day;
		if (more.more > 0 && cb(&more, arg) != 0)
			return 0;
	}
	return 0;
}

/* ---- one meeting ---- */

void
meeting_clear(struct meeting *m)
{
	if (m == NULL)
		return;
	free(m->group_name);
	free(m->group_type);
	free(m->title);
	free(m->place);
	free(m->agenda);
	free(m->working_form);
	free(m->status);
	memset(m, 0, sizeof *m);
}

int
store_meeting_get(struct store *st, const struct actor *who, int64_t id, struct meeting *out,
    char **error)
{
	struct access_ctx today, then;
	struct date end_day;
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof *out);
	if ((s = store_stmt(st, &store_calendar_table, CAL_Q_GET, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->group_id = sqlite3_column_int64(s, 1);
		out->series_id = sqlite3_column_int64(s, 2);
		out->group_name = store_column_dup(s, 3);
		out->group_type = store_column_dup(s, 4);
		out->title = store_column_dup(s, 5);
		out->place = store_column_dup(s, 6);
		out->agenda = store_column_dup(s, 7);
		out->working_form = store_column_dup(s, 8);
		out->status = store_column_dup(s, 9);
		(void)datetime_parse_iso((const char *)sqlite3_column_text(s, 10), &out->day,
		    &out->start_min);
		if (datetime_parse_iso((const char *)sqlite3_column_text(s, 11), &end_day,
		    &out->end_min) != 0)
			out->end_min = out->start_min;
		out->version = sqlite3_column_int(s, 12);
		out->note_id = sqlite3_column_int64(s, 13);
	}
	store_done(s);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW) {
		meeting_clear(out);
		return store_fail(st, rc, _("reading a meeting"), error);
	}
	memset(&today, 0, sizeof today);
	memset(&then, 0, sizeof then);
	if (out->group_id != 0) {
		store_group_relation(st, who, out->group_id, NULL, &today);
		store_group_relation(st, who, out->group_id, &out->day, &then);
	}
	out->can_plan = out->group_id != 0 ? access_allows(who, ACCESS_MEETING_PLAN, &today) :
	    who->coordinator;
	out->can_take = out->group_id != 0 ? access_allows(who, ACCESS_ATTENDANCE_TAKE, &today) :
	    who->coordinator;
	out->is_member = then.was_member;
	return 1;
}

/* ---- planning ---- */

/* The rules a meeting's fields keep; 0 or STORE_INVALID with *error. */
static int
calendar_check(const struct meeting_new *m, char **error)
{
	const char *why;

	if (!date_valid(&m->day))
		return store_refuse(error, STORE_INVALID, "%s", _("date: not a valid date"));
	if (m->start_min < 0 || m->end_min > 24 * 60 || m->end_min <= m->start_min)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("time: the meeting must end after it starts, on the same day"));
	if ((why = validate_line(m->title, m->group_id == 0, VALIDATE_TITLE_MAX)) != NULL)
		return store_refuse_field(error, _("title"), why, VALIDATE_TITLE_MAX);
	if ((why = validate_line(m->place, false, VALIDATE_TITLE_MAX)) != NULL)
		return store_refuse_field(error, _("place"), why, VALIDATE_TITLE_MAX);
	if ((why = validate_text(m->agenda, false, VALIDATE_TEXT_MAX)) != NULL)
		return store_refuse_field(error, _("agenda"), why, VALIDATE_TEXT_MAX);
	return 0;
}

int
store_meeting_may_plan(struct store *st, const struct actor *who, int64_t group_id, char **error)
{
	struct access_ctx ctx;
	sqlite3_stmt *s;
	char *status = NULL;
	int rc;

	if (group_id == 0) {
		if (!who->coordinator)
			return store_refuse(error, STORE_DENIED, "%s",
			    _("only coordinators plan network-wide meetings"));
		return 0;
	}
	if ((s = store_stmt(st, &store_calendar_table, CAL_Q_GROUP_STATE, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, group_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		status = store_column_dup(s, 0);
	store_done(s);
	if (rc == SQLITE_DONE)
		return store_refuse(error, STORE_NOT_FOUND, "%s", _("there is no such group"));
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, _("reading a group"), error);
	rc = status != NULL && strcmp(status, "closed") == 0;
	free(status);
	if (rc)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("the group is closed: it plans no more meetings"));
	store_group_relation(st, who, group_id, NULL, &ctx);
	if (!access_allows(who, ACCESS_MEETING_PLAN, &ctx))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_MEETING_PLAN)));
	return 0;
}

/* Insert m on day (in the caller's transaction); series_id 0: none. */
static int
calendar_insert(struct store *st, const struct actor *who, const struct meeting_new *m,
    const struct date *day, int64_t series_id, int64_t *id, char **error)
{
	char start[DATETIME_ISO_LEN], end[DATETIME_ISO_LEN];
	sqlite3_stmt *s;

	if ((s = store_stmt(st, &store_calendar_table, CAL_INSERT, error)) == NULL)
		return STORE_ERROR;
	store_bind_id(s, 1, m->group_id);
	store_bind_text(s, 2, m->title);
	store_bind_text(s, 3, datetime_format_iso(day, m->start_min, start));
	store_bind_text(s, 4, datetime_format_iso(day, m->end_min, end));
	store_bind_text(s, 5, m->place);
	store_bind_text(s, 6, m->agenda);
	store_bind_text(s, 7, m->working_form);
	store_bind_id(s, 8, series_id);
	return store_insert_audited(st, who, s, "meeting",
	    m->title != NULL && *m->title != '\0' ? m->title : start, id, error);
}

int
store_meeting_plan(struct store *st, const struct actor *who, const struct meeting_new *m,
    int64_t *id, char **error)
{
	int64_t dummy;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if ((ret = calendar_check(m, error)) != 0)
		return ret;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = store_meeting_may_plan(st, who, m->group_id, error)) != 0 ||
	    (ret = calendar_insert(st, who, m, &m->day, 0, id != NULL ? id : &dummy, error)) != 0) {
		store_rollback(st);
		return ret < 0 ? ret : STORE_ERROR;
	}
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
}

int
store_meeting_plan_series(struct store *st, const struct actor *who, const struct meeting_new *m,
    const struct date *days, size_t n, int64_t *series_id, char **error)
{
	struct meeting_new one = *m;
	sqlite3_stmt *s;
	int64_t first = 0, id;
	size_t i;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (n == 0)
		return store_refuse(error, STORE_INVALID, "%s", _("the series has no meetings"));
	for (i = 0; i < n; i++) {
		one.day = days[i];
		if ((ret = calendar_check(&one, error)) != 0)
			return ret;
	}
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = store_meeting_may_plan(st, who, m->group_id, error)) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		if ((ret = calendar_insert(st, who, m, &days[i], first, &id, error)) != 0)
			goto fail;
		if (i > 0)
			continue;
		/* the series is named after its first meeting */
		first = id;
		if ((s = store_stmt(st, &store_calendar_table, CAL_SET_SERIES, error)) == NULL) {
			ret = STORE_ERROR;
			goto fail;
		}
		sqlite3_bind_int64(s, 1, first);
		if ((ret = store_exec_stmt(st, s, _("planning a series"), error)) != 0)
			goto fail;
	}
	if (store_commit(st, error) != 0)
		return STORE_ERROR;
	if (series_id != NULL)
		*series_id = first;
	return 0;
fail:
	store_rollback(st);
	return ret < 0 ? ret : STORE_ERROR;
}

/* Read a meeting for a change and check who may plan it: 1 and *m, or a refusal. */
static int
calendar_for_change(struct store *st, const struct actor *who, int64_t id, struct meeting *m,
    char **error)
{
	int ret;

	if ((ret = store_meeting_get(st, who, id, m, error)) < 0)
		return ret;
	if (ret == 0)
		return store_refuse(error, STORE_NOT_FOUND, "%s",
		    _("the meeting no longer exists"));
	if (!m->can_plan) {
		meeting_clear(m);
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_MEETING_PLAN)));
	}
	return 1;
}

static const char calendar_conflict_message[] =
    N_("someone else changed this meeting meanwhile: look again and repeat your change");

int
store_meeting_update(struct store *st, const struct actor *who, int64_t id, int version,
    const struct meeting_new *m, bool rest_of_series, char **error)
{
	char start[DATETIME_ISO_LEN], end[DATETIME_ISO_LEN], old[DATETIME_ISO_LEN];
	struct meeting cur;
	struct meeting_new check = *m;
	sqlite3_stmt *s;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = calendar_for_change(st, who, id, &cur, error)) < 0)
		goto fail;
	check.group_id = cur.group_id;
	if ((ret = calendar_check(&check, error)) != 0) {
		meeting_clear(&cur);
		goto fail;
	}
	datetime_format_iso(&cur.day, cur.start_min, old);
	if ((s = store_stmt(st, &store_calendar_table, CAL_UPDATE, error)) == NULL) {
		meeting_clear(&cur);
		ret = STORE_ERROR;
		goto fail;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, version);
	store_bind_text(s, 3, m->title);
	store_bind_text(s, 4, datetime_format_iso(&m->day, m->start_min, start));
	store_bind_text(s, 5, datetime_format_iso(&m->day, m->end_min, end));
	store_bind_text(s, 6, m->place);
	store_bind_text(s, 7, m->agenda);
	store_bind_text(s, 8, m->working_form);
	ret = store_update_versioned(st, who, s, "meeting", id, "update",
	    m->title != NULL && *m->title != '\0' ? m->title : start,
	    _(calendar_conflict_message), error);
	if (ret == 0 && rest_of_series && cur.series_id != 0) {
		if ((s = store_stmt(st, &store_calendar_table, CAL_UPDATE_REST, error)) == NULL) {
			ret = STORE_ERROR;
		} else {
			sqlite3_bind_int64(s, 1, cur.series_id);
			store_bind_text(s, 2, old);
			sqlite3_bind_int64(s, 3, date_to_days(&m->day) - date_to_days(&cur.day));
			/* the time of day: the end of the moments "YYYY-MM-DDTHH:MM" */
			store_bind_text(s, 4, start + 11);
			store_bind_text(s, 5, end + 11);
			store_bind_text(s, 6, m->place);
			sqlite3_bind_int64(s, 7, id);
			ret = store_exec_stmt(st, s, _("moving a series"), error);
			if (ret == 0)
				ret = store_audit(st, who, "update", "series", cur.series_id,
				    _("the rest of the series"), error);
		}
	}
	meeting_clear(&cur);
	if (ret != 0)
		goto fail;
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
fail:
	store_rollback(st);
	return ret < 0 ? ret : STORE_ERROR;
}

int
store_meeting_set_status(struct store *st, const struct actor *who, int64_t id, int version,
    const char *status, bool rest_of_series, char **error)
{
	char old[DATETIME_ISO_LEN];
	struct meeting cur;
	struct date today = date_today();
	sqlite3_stmt *s;
	int ret;

	if (status == NULL || (strcmp(status, "planned") != 0 && strcmp(status, "held") != 0 &&
	    strcmp(status, "cancelled") != 0))
		return store_refuse(error, STORE_INVALID, "%s", _("unknown meeting status"));
	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = calendar_for_change(st, who, id, &cur, error)) < 0)
		goto fail;
	if (strcmp(status, "held") == 0 && date_compare(&cur.day, &today) > 0) {
		meeting_clear(&cur);
		ret = store_refuse(error, STORE_INVALID, "%s",
		    _("a meeting can be marked held from its day on, not before"));
		goto fail;
	}
	/* the hours of a held meeting are not dropped by a cancellation in passing */
	if ((strcmp(status, "cancelled") == 0 && strcmp(cur.status, "held") == 0) ||
	    (strcmp(status, "held") == 0 && strcmp(cur.status, "cancelled") == 0)) {
		ret = store_refuse(error, STORE_INVALID, "%s", strcmp(status, "held") == 0 ?
		    _("a cancelled meeting is planned again before it can be marked held") :
		    _("a held meeting is marked planned again before it can be cancelled"));
		meeting_clear(&cur);
		goto fail;
	}
	datetime_format_iso(&cur.day, cur.start_min, old);
	if ((s = store_stmt(st, &store_calendar_table, CAL_STATUS, error)) == NULL) {
		meeting_clear(&cur);
		ret = STORE_ERROR;
		goto fail;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, version);
	store_bind_text(s, 3, status);
	ret = store_update_versioned(st, who, s, "meeting", id, status, old,
	    _(calendar_conflict_message), error);
	if (ret == 0 && rest_of_series && cur.series_id != 0 && strcmp(status, "cancelled") == 0) {
		if ((s = store_stmt(st, &store_calendar_table, CAL_CANCEL_REST, error)) == NULL) {
			ret = STORE_ERROR;
		} else {
			sqlite3_bind_int64(s, 1, cur.series_id);
			store_bind_text(s, 2, old);
			sqlite3_bind_int64(s, 3, id);
			ret = store_exec_stmt(st, s, _("cancelling a series"), error);
			if (ret == 0)
				ret = store_audit(st, who, "cancelled", "series", cur.series_id,
				    _("the rest of the series"), error);
		}
	}
	meeting_clear(&cur);
	if (ret != 0)
		goto fail;
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
fail:
	store_rollback(st);
	return ret < 0 ? ret : STORE_ERROR;
}

/* ---- conflicts ---- */

int
store_meeting_conflicts(struct store *st, int64_t group_id, const struct date *day,
    int start_min, int end_min, int64_t exclude_id, int limit, store_conflict_cb cb, void *arg,
    char **error)
{
	static const struct {
		int q;
		enum meeting_conflict_kind kind;
	} kinds[] = {
		{ CAL_Q_CONFLICT_GROUP, CONFLICT_GROUP },
		{ CAL_Q_CONFLICT_MEMBER, CONFLICT_MEMBER },
		{ CAL_Q_CONFLICT_NETWORK, CONFLICT_NETWORK },
	};
	char start[DATETIME_ISO_LEN], end[DATETIME_ISO_LEN];
	struct meeting_conflict c;
	sqlite3_stmt *s;
	size_t k;
	int rc, n = 0;

	datetime_format_iso(day, start_min, start);
	datetime_format_iso(day, end_min, end);
	for (k = 0; k < sizeof kinds / sizeof kinds[0] && n < limit; k++) {
		if (group_id == 0 && kinds[k].kind != CONFLICT_NETWORK)
			continue;
		if ((s = store_stmt(st, &store_calendar_table, kinds[k].q, error)) == NULL)
			return STORE_ERROR;
		sqlite3_bind_int64(s, 1, group_id);
		store_bind_text(s, 2, start);
		store_bind_text(s, 3, end);
		store_bind_id(s, 4, exclude_id);
		store_bind_date(s, 5, day);
		sqlite3_bind_int(s, 6, limit - n);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			memset(&c, 0, sizeof c);
			c.kind = kinds[k].kind;
			c.meeting_id = sqlite3_column_int64(s, 0);
			c.group_name = (const char *)sqlite3_column_text(s, 1);
			c.title = (const char *)sqlite3_column_text(s, 2);
			c.starts_at = (const char *)sqlite3_column_text(s, 3);
			c.ends_at = (const char *)sqlite3_column_text(s, 4);
			if (c.kind == CONFLICT_MEMBER)
				c.person_name = (const char *)sqlite3_column_text(s, 5);
			n++;
			if (cb(&c, arg) != 0) {
				store_done(s);
				return 0;
			}
		}
		store_done(s);
		if (rc != SQLITE_DONE)
			return store_fail(st, rc, _("looking for conflicts"), error);
	}
	return 0;
}

/* ---- attendance ---- */

int
store_attendance_list(struct store *st, const struct actor *who, int64_t meeting_id,
    store_attendance_cb cb, void *arg, char **error)
{
	struct attendance_row r;
	struct meeting m;
	sqlite3_stmt *s;
	int ret, rc, duration;
	bool held;

	if (!access_allows(who, ACCESS_PEOPLE_VIEW, NULL))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_PEOPLE_VIEW)));
	if ((ret = store_meeting_get(st, who, meeting_id, &m, error)) < 0)
		return ret;
	if (ret == 0)
		return store_refuse(error, STORE_NOT_FOUND, "%s", _("the meeting no longer exists"));
	held = hours_meeting_held(m.status);
	duration = m.end_min - m.start_min;
	s = store_stmt(st, &store_calendar_table,
	    m.group_id != 0 ? CAL_Q_ATTENDANCE : CAL_Q_ATTENDANCE_NETWORK, error);
	if (s == NULL) {
		meeting_clear(&m);
		return STORE_ERROR;
	}
	sqlite3_bind_int64(s, 1, meeting_id);
	if (m.group_id != 0) {
		sqlite3_bind_int64(s, 2, m.group_id);
		store_bind_date(s, 3, &m.day);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		enum hours_status hs;

		memset(&r, 0, sizeof r);
		r.person_id = sqlite3_column_int64(s, 0);
		r.name = (const char *)sqlite3_column_text(s, 1);
		r.role = (const char *)sqlite3_column_text(s, 2);
		r.status = (const char *)sqlite3_column_text(s, 3);
		r.minutes = sqlite3_column_type(s, 4) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 4);
		r.remark = (const char *)sqlite3_column_text(s, 5);
		r.planned = sqlite3_column_int(s, 6) != 0;
		if (r.status != NULL && hours_status_parse(r.status, &hs))
			r.credited = hours_credited(held, hs, duration, r.minutes);
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	meeting_clear(&m);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading attendance"), error);
	return 0;
}

int
store_attendance_take(struct store *st, const struct actor *who, int64_t meeting_id,
    int64_t person_id, const char *status, int minutes, const char *remark, char **error)
{
	enum hours_status hs = HOURS_ABSENT;
	struct meeting m;
	struct date today = date_today();
	sqlite3_stmt *s;
	char *name = NULL, *summary;
	const char *why;
	bool self, before, exists = false, was_planned = false;
	int ret, rc;

	if (status != NULL && !hours_status_parse(status, &hs))
		return store_refuse(error, STORE_INVALID, "%s", _("unknown attendance status"));
	if ((why = validate_line(remark, false, VALIDATE_TITLE_MAX)) != NULL)
		return store_refuse_field(error, _("remark"), why, VALIDATE_TITLE_MAX);
	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = store_meeting_get(st, who, meeting_id, &m, error)) <= 0) {
		if (ret == 0)
			ret = store_refuse(error, STORE_NOT_FOUND, "%s",
			    _("the meeting no longer exists"));
		goto fail;
	}
	self = !actor_is_visitor(who) && who->person_id == person_id;
	/* before the meeting begins: a later day, or today before its start */
	before = strcmp(m.status, "planned") == 0 && (date_compare(&m.day, &today) > 0 ||
	    (date_compare(&m.day, &today) == 0 && date_now_minutes() < m.start_min));
	if (strcmp(m.status, "cancelled") == 0) {
		ret = store_refuse(error, STORE_INVALID, "%s",
		    _("the meeting was cancelled: there is no attendance to take"));
		goto fail_m;
	}
	if (minutes > m.end_min - m.start_min) {
		ret = store_refuse(error, STORE_INVALID, _("minutes: at most %d, the meeting's length"),
		    m.end_min - m.start_min);
		goto fail_m;
	}
	if ((s = store_stmt(st, &store_calendar_table, CAL_Q_ATTENDANCE_ROW, error)) == NULL) {
		ret = STORE_ERROR;
		goto fail_m;
	}
	sqlite3_bind_int64(s, 1, meeting_id);
	sqlite3_bind_int64(s, 2, person_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		exists = sqlite3_column_type(s, 0) != SQLITE_NULL;
		was_planned = sqlite3_column_int(s, 0) != 0;
		name = store_column_dup(s, 1);
	}
	store_done(s);
	if (rc != SQLITE_ROW) {
		ret = rc == SQLITE_DONE ? store_refuse(error, STORE_NOT_FOUND, "%s",
		    _("there is no such person")) : store_fail(st, rc, _("reading attendance"), error);
		goto fail_m;
	}
	if (!m.can_take) {
		/*
		 * A member may only say beforehand that they will be absent, and
		 * take back what they said themselves (planned = 1): never what the
		 * lead entered.
		 */
		if (!self || !before || !m.is_member ||
		    (status != NULL && strcmp(status, "excused") != 0) ||
		    (exists && !was_planned)) {
			ret = store_refuse(error, STORE_DENIED, "%s",
			    self && m.is_member ? _("before the meeting you can only let the lead "
			    "know you will be absent; afterwards the lead takes attendance") :
			    _(access_reason(ACCESS_ATTENDANCE_TAKE)));
			goto fail_m;
		}
	}
	/* present or late only from the meeting's day on */
	if (m.can_take && status != NULL && (hs == HOURS_PRESENT || hs == HOURS_LATE) &&
	    date_compare(&m.day, &today) > 0) {
		ret = store_refuse(error, STORE_INVALID, "%s", _("present or late can be entered "
		    "from the meeting's day on; before it, only an absence"));
		goto fail_m;
	}
	if (m.group_id != 0) {
		if ((s = store_stmt(st, &store_calendar_table, CAL_Q_ON_ROSTER, error)) == NULL) {
			ret = STORE_ERROR;
			goto fail_m;
		}
		sqlite3_bind_int64(s, 1, m.group_id);
		sqlite3_bind_int64(s, 2, person_id);
		store_bind_date(s, 3, &m.day);
		rc = sqlite3_step(s);
		store_done(s);
		if (rc != SQLITE_ROW) {
			ret = rc == SQLITE_DONE ? store_refuse(error, STORE_INVALID, "%s",
			    _("only people on the roster on the meeting's day have attendance")) :
			    store_fail(st, rc, _("reading a roster"), error);
			goto fail_m;
		}
	}
	if (status == NULL) {
		s = store_stmt(st, &store_calendar_table, CAL_ATTENDANCE_DELETE, error);
		summary = xasprintf("%s: -", name != NULL ? name : "?");
	} else {
		s = store_stmt(st, &store_calendar_table, CAL_ATTENDANCE_SET, error);
		summary = xasprintf("%s: %s", name != NULL ? name : "?", status);
	}
	if (s == NULL) {
		free(summary);
		ret = STORE_ERROR;
		goto fail_m;
	}
	sqlite3_bind_int64(s, 1, meeting_id);
	sqlite3_bind_int64(s, 2, person_id);
	if (status != NULL) {
		store_bind_text(s, 3, status);
		if (minutes >= 0)
			sqlite3_bind_int(s, 4, minutes);
		store_bind_text(s, 5, remark);
		/* a member's own absence reported beforehand; the lead's entries are the lead's */
		sqlite3_bind_int(s, 6, !m.can_take);
	}
	ret = store_exec_audited(st, who, s, "attendance", "meeting", meeting_id, summary, error);
	free(summary);
	if (ret != 0)
		goto fail_m;
	free(name);
	meeting_clear(&m);
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
fail_m:
	free(name);
	meeting_clear(&m);
fail:
	store_rollback(st);
	return ret < 0 ? ret : STORE_ERROR;
}

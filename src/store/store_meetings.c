/*
 * store_meetings.c — meetings and attendance.
 */
#include "autoconf.h"

#include <stdlib.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	MEETINGS_INSERT,
	MEETINGS_ATTENDANCE_SET,
	MEETINGS_NEXT,
	MEETINGS__COUNT
};

static const char *const meetings_sql[MEETINGS__COUNT] = {
	[MEETINGS_INSERT] =
	    "INSERT INTO meeting (group_id, title, starts_at, ends_at, place, agenda, "
	    "working_form, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[MEETINGS_ATTENDANCE_SET] =
	    "INSERT INTO attendance (meeting_id, person_id, status, minutes, remark) "
	    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (meeting_id, person_id) DO UPDATE "
	    "SET status = excluded.status, minutes = excluded.minutes, "
	    "remark = excluded.remark, planned = 0",
	/* Meetings of my current groups, and network-wide ones, from ?1 on. */
	[MEETINGS_NEXT] =
	    "SELECT x.id, g.name, x.title, x.starts_at, x.ends_at, x.place, x.status FROM ("
	    " SELECT * FROM (SELECT mt.* FROM membership ms JOIN meeting mt"
	    "  ON mt.group_id = ms.group_id AND mt.starts_at >= ?1"
	    "  WHERE ms.person_id = ?2 AND ms.start_on <= substr(?1, 1, 10)"
	    "  AND (ms.end_on IS NULL OR ms.end_on >= substr(?1, 1, 10))"
	    "  AND mt.status <> 'cancelled' ORDER BY mt.starts_at LIMIT ?3)"
	    " UNION"
	    " SELECT * FROM (SELECT mt.* FROM meeting mt WHERE mt.group_id IS NULL"
	    "  AND mt.starts_at >= ?1 AND mt.status <> 'cancelled'"
	    "  ORDER BY mt.starts_at LIMIT ?3)"
	    ") x LEFT JOIN grp g ON g.id = x.group_id ORDER BY x.starts_at, x.id LIMIT ?3",
};

const struct store_sql_table store_meetings_table = {
	STORE_MOD_MEETINGS, meetings_sql, MEETINGS__COUNT
};

int
store_meeting_insert(struct store *st, const struct actor *who, const struct meeting_new *m,
    int64_t *id, char **error)
{
	char start[DATETIME_ISO_LEN], end[DATETIME_ISO_LEN];
	sqlite3_stmt *s;

	if (store_writable(st, error) != 0)
		return -1;
	if ((s = store_stmt(st, &store_meetings_table, MEETINGS_INSERT, error)) == NULL)
		return -1;
	store_bind_id(s, 1, m->group_id);
	store_bind_text(s, 2, m->title);
	store_bind_text(s, 3, datetime_format_iso(&m->day, m->start_min, start));
	store_bind_text(s, 4, datetime_format_iso(&m->day, m->end_min, end));
	store_bind_text(s, 5, m->place);
	store_bind_text(s, 6, m->agenda);
	store_bind_text(s, 7, m->working_form);
	store_bind_text(s, 8, m->status != NULL ? m->status : "planned");
	return store_insert_audited(st, who, s, "meeting",
	    m->title != NULL && *m->title != '\0' ? m->title : start, id, error);
}

int
store_attendance_set(struct store *st, const struct actor *who, int64_t meeting_id,
    int64_t person_id, const char *status, int minutes, const char *remark, char **error)
{
	sqlite3_stmt *s;
	char *summary;
	int ret;

	if (store_writable(st, error) != 0)
		return -1;
	if ((s = store_stmt(st, &store_meetings_table, MEETINGS_ATTENDANCE_SET, error)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, meeting_id);
	sqlite3_bind_int64(s, 2, person_id);
	store_bind_text(s, 3, status);
	if (minutes >= 0)
		sqlite3_bind_int(s, 4, minutes);
	store_bind_text(s, 5, remark);
	/* attendance has no rowid: the change is the meeting's, naming the person */
	summary = xasprintf("%lld: %s", (long long)person_id, status != NULL ? status : "");
	ret = store_exec_audited(st, who, s, "attendance", "meeting", meeting_id, summary, error);
	free(summary);
	return ret;
}

int
store_meetings_next(struct store *st, const struct actor *who, const char *from, int limit,
    store_meeting_cb cb, void *arg, char **error)
{
	struct meeting_row row;
	sqlite3_stmt *s;
	int rc;

	if ((s = store_stmt(st, &store_meetings_table, MEETINGS_NEXT, error)) == NULL)
		return -1;
	store_bind_text(s, 1, from);
	sqlite3_bind_int64(s, 2, actor_is_visitor(who) ? -1 : who->person_id);
	sqlite3_bind_int(s, 3, limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		row.id = sqlite3_column_int64(s, 0);
		row.group_name = (const char *)sqlite3_column_text(s, 1);
		row.title = (const char *)sqlite3_column_text(s, 2);
		row.starts_at = (const char *)sqlite3_column_text(s, 3);
		row.ends_at = (const char *)sqlite3_column_text(s, 4);
		row.place = (const char *)sqlite3_column_text(s, 5);
		row.status = (const char *)sqlite3_column_text(s, 6);
		if (cb(&row, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading meetings"), error);
	return 0;
}

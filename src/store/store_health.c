/*
 * store_health.c — the health scan of a group and the signals of the
 * coordinators' overview (#9).
 *
 * A scan is filled in once per term (core/health.h): saving a second one in
 * the same term is refused unless it names the term's scan it replaces,
 * which is then deleted in the same transaction (the scan's id serves as
 * its version). The overview counts every active group's meetings,
 * attendance, hours, overdue agreements, updates and departures with one
 * aggregate statement each over this school year's rows, merged in memory;
 * the same statements restricted to one group give a group's signals.
 * Only counts leave this file: never an agreement's or a note's text.
 */
#include "autoconf.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/health.h"
#include "core/hours.h"
#include "core/i18n.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	HEALTH_Q_GROUP,
	HEALTH_Q_TERM_SCAN,
	HEALTH_INS_SCAN,
	HEALTH_INS_SCORE,
	HEALTH_DEL_SCAN,
	HEALTH_Q_SCANS,
	/* the overview: every active group (…_ALL) or one group (…_ONE) */
	HEALTH_Q_GROUPS_ALL,
	HEALTH_Q_GROUPS_ONE,
	HEALTH_Q_ATTENDANCE_ALL,
	HEALTH_Q_ATTENDANCE_ONE,
	HEALTH_Q_MEMBERS_ALL,
	HEALTH_Q_MEMBERS_ONE,
	HEALTH_Q_OVERDUE_ALL,
	HEALTH_Q_OVERDUE_ONE,
	HEALTH__COUNT
};

/*
 * The overview's statements take ?1 the first day of the school year, ?2
 * the day after today, ?3 today and (…_ONE) ?4 the group; the first column
 * is always the group's id.
 */
#define HEALTH_ALL " g.status = 'active' "
#define HEALTH_ONE " g.id = ?4 "
#define HEALTH_GROUPS(filter) \
	"SELECT g.id, g.name, g.type, g.start_on, g.planned_end_on, g.hours_norm, " \
	"(SELECT max(u.posted_at) FROM update_post u WHERE u.group_id = g.id), s.filled_on, " \
	"(SELECT sum(c.score) FROM scan_score c WHERE c.scan_id = s.id), " \
	"(SELECT count(*) FROM scan_score c WHERE c.scan_id = s.id) " \
	"FROM grp g LEFT JOIN scan s ON s.id = (SELECT x.id FROM scan x " \
	"WHERE x.group_id = g.id ORDER BY x.filled_on DESC, x.id DESC LIMIT 1) " \
	"WHERE" filter "ORDER BY g.name COLLATE NOCASE, g.id"
/* the held meetings with their attendance (a meeting's rows come together) */
#define HEALTH_ATTENDANCE(filter) \
	"SELECT g.id, m.id, a.person_id, m.starts_at, m.ends_at, a.status, a.minutes " \
	"FROM grp g JOIN meeting m ON m.group_id = g.id " \
	"AND m.starts_at >= ?1 AND m.starts_at < ?2 " \
	"LEFT JOIN attendance a ON a.meeting_id = m.id WHERE" filter "AND m.status = 'held'"
/* the memberships (not following) of today and those that ended this school year */
#define HEALTH_MEMBERS(filter) \
	"SELECT g.id, r.person_id, r.end_on FROM grp g JOIN membership r ON r.group_id = g.id " \
	"WHERE" filter "AND r.role IN ('lead','member','expert') AND r.start_on <= ?3 " \
	"AND (r.end_on IS NULL OR r.end_on >= ?1)"

static const char *const health_sql[HEALTH__COUNT + 1] = {
	[HEALTH_Q_GROUP] = "SELECT status, name FROM grp WHERE id = ?1",
	/* the scan of a group in a term (?2 .. ?3) */
	[HEALTH_Q_TERM_SCAN] =
	    "SELECT id FROM scan WHERE group_id = ?1 AND filled_on BETWEEN ?2 AND ?3 "
	    "ORDER BY filled_on DESC, id DESC LIMIT 1",
	[HEALTH_INS_SCAN] = "INSERT INTO scan (group_id, filled_on, filled_by) VALUES (?1, ?2, ?3)",
	[HEALTH_INS_SCORE] =
	    "INSERT INTO scan_score (scan_id, factor, score, remark) VALUES (?1, ?2, ?3, ?4)",
	[HEALTH_DEL_SCAN] = "DELETE FROM scan WHERE id = ?1",
	/* a group's scans, newest first, with their scores (a few a year) */
	[HEALTH_Q_SCANS] =
	    "SELECT s.id, s.filled_on, p.name, c.factor, c.score, c.remark "
	    "FROM scan s LEFT JOIN person p ON p.id = s.filled_by "
	    "JOIN scan_score c ON c.scan_id = s.id WHERE s.group_id = ?1 "
	    "ORDER BY s.filled_on DESC, s.id DESC",
	[HEALTH_Q_GROUPS_ALL] = HEALTH_GROUPS(HEALTH_ALL),
	[HEALTH_Q_GROUPS_ONE] = HEALTH_GROUPS(HEALTH_ONE),
	[HEALTH_Q_ATTENDANCE_ALL] = HEALTH_ATTENDANCE(HEALTH_ALL),
	[HEALTH_Q_ATTENDANCE_ONE] = HEALTH_ATTENDANCE(HEALTH_ONE),
	[HEALTH_Q_MEMBERS_ALL] = HEALTH_MEMBERS(HEALTH_ALL),
	[HEALTH_Q_MEMBERS_ONE] = HEALTH_MEMBERS(HEALTH_ONE),
	/*
	 * Open agreements past their date, counted per group (never their
	 * text), through the partial index of the open ones by due date
	 * (migration 9): the agreements done, continued or dropped are never
	 * read. Leaving the order of the joins to the planner walked every
	 * meeting of every group ever (0.3–0.5 s at national scale).
	 */
	[HEALTH_Q_OVERDUE_ALL] =
	    "SELECT g.id, count(*) FROM agreement ag CROSS JOIN note n ON n.id = ag.note_id "
	    "CROSS JOIN meeting m ON m.id = n.meeting_id CROSS JOIN grp g ON g.id = m.group_id "
	    "WHERE ag.status = 'open' AND ag.due_on < ?3 AND" HEALTH_ALL "GROUP BY g.id",
	[HEALTH_Q_OVERDUE_ONE] =
	    "SELECT g.id, count(*) FROM grp g JOIN meeting m ON m.group_id = g.id "
	    "JOIN note n ON n.meeting_id = m.id JOIN agreement ag ON ag.note_id = n.id "
	    "WHERE" HEALTH_ONE "AND ag.status = 'open' AND ag.due_on < ?3 GROUP BY g.id",
};

const struct store_sql_table store_health_table = {
	STORE_MOD_HEALTH, health_sql, HEALTH__COUNT
};

/* ---- the scan ---- */

/* May who read or fill in group_id's scans (today)? 0 or STORE_DENIED with *error. */
static int
store_scan_access(struct store *st, const struct actor *who, int64_t group_id, bool fill,
    char **error)
{
	struct access_ctx ctx;

	store_group_relation(st, who, group_id, NULL, &ctx);
	if (access_allows(who, ACCESS_SCAN_FILL, &ctx))
		return 0;
	if (fill)
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_SCAN_FILL)));
	return store_refuse(error, STORE_DENIED, "%s",
	    _("Only members and leads of the group or a coordinator can see its scans."));
}

/* The group's status and name (owned) for a scan: 1, 0 absent, -1. */
static int
store_scan_group(struct store *st, int64_t group_id, char **status, char **name,
    char **error)
{
	sqlite3_stmt *s;
	int rc;

	if ((s = store_stmt(st, &store_health_table, HEALTH_Q_GROUP, error)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, group_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*status = store_column_dup(s, 0);
		*name = store_column_dup(s, 1);
	}
	store_done(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading a scan"), error);
	return rc == SQLITE_ROW;
}

/* STORE_INVALID with the message of c about factor (its %s). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static int
store_scan_refuse(char **error, enum health_scan_check c, const char *factor)
{
	char *msg = xasprintf(_(health_scan_message(c)), factor);
	int ret = store_refuse(error, STORE_INVALID, "%s", msg);

	free(msg);
	return ret;
}
#pragma GCC diagnostic pop

/* The checks that need no database: the scores, the date, who filled it in. */
static int
store_scan_valid(const struct actor *who, const struct scan_new *sn, const struct date *on,
    char **error)
{
	enum health_scan_check c;
	struct date today = date_today();
	size_t bad;
	const char *what;

	c = health_scan_check(sn->factors, sn->n_factors, sn->scores, sn->n, &bad);
	if (c != HEALTH_SCAN_OK) {
		if (c == HEALTH_SCAN_MISSING)
			what = sn->factors[bad];
		else if (c == HEALTH_SCAN_EMPTY)
			what = "";
		else
			what = sn->scores[bad].factor != NULL ? sn->scores[bad].factor : "";
		return store_scan_refuse(error, c, what);
	}
	if (!date_valid(on) || date_compare(on, &today) > 0)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("A scan is filled in on a day that has come: not ahead."));
	if (sn->filled_by != 0 && (who == NULL || sn->filled_by != who->person_id) &&
	    (who == NULL || !who->coordinator))
		return store_refuse(error, STORE_DENIED, "%s",
		    _("Only a coordinator can record a scan on someone else's behalf."));
	return 0;
}

/*
 * Is the term of on free for a new scan, or is its scan the one replaced?
 * 0, or a refusal. *old: the scan to delete (0 = none).
 */
static int
store_scan_term(struct store *st, const struct scan_new *sn, const struct date *on,
    int64_t *old, char **error)
{
	struct health_term t;
	char label[HEALTH_TERM_LABEL_LEN];
	sqlite3_stmt *s;
	int rc;

	health_term_of(on, &t);
	*old = 0;
	if ((s = store_stmt(st, &store_health_table, HEALTH_Q_TERM_SCAN, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, sn->group_id);
	store_bind_date(s, 2, &t.first);
	store_bind_date(s, 3, &t.last);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*old = sqlite3_column_int64(s, 0);
	store_done(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading a scan"), error);
	if (*old == sn->replaces_id)
		return 0;
	health_term_label(&t, label);
	if (sn->replaces_id == 0)
		return store_refuse(error, STORE_INVALID, _("The group's scan of term %s has "
		    "been filled in already: change that one instead."), label);
	if (*old == 0)
		return store_refuse(error, STORE_CONFLICT, _("The scan you changed is gone or "
		    "belongs to another term (%s now): look again."), label);
	return store_refuse(error, STORE_CONFLICT, _("Someone else changed the scan of term "
	    "%s meanwhile: look at it again."), label);
}

/* Insert the scan and its scores; the new id into *id. */
static int
store_scan_insert(struct store *st, const struct actor *who, const struct scan_new *sn,
    const struct date *on, const char *summary, int64_t *id, char **error)
{
	sqlite3_stmt *s;
	size_t i;
	int ret;

	if ((s = store_stmt(st, &store_health_table, HEALTH_INS_SCAN, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, sn->group_id);
	store_bind_date(s, 2, on);
	store_bind_id(s, 3, sn->filled_by != 0 ? sn->filled_by :
	    (actor_is_visitor(who) ? 0 : who->person_id));
	if ((ret = store_insert_audited(st, who, s, "scan", summary, id, error)) != 0)
		return ret;
	for (i = 0; i < sn->n; i++) {
		if ((s = store_stmt(st, &store_health_table, HEALTH_INS_SCORE, error)) == NULL)
			return STORE_ERROR;
		sqlite3_bind_int64(s, 1, *id);
		store_bind_text(s, 2, sn->scores[i].factor);
		sqlite3_bind_int(s, 3, sn->scores[i].score);
		store_bind_text(s, 4, sn->scores[i].remark);
		if (store_exec_stmt(st, s, _("saving a scan"), error) != 0)
			return STORE_ERROR;
	}
	return 0;
}

int
store_scan_save(struct store *st, const struct actor *who, const struct scan_new *sn,
    int64_t *id, char **error)
{
	struct date on = sn->on.year != 0 ? sn->on : date_today();
	struct health_term t;
	char label[HEALTH_TERM_LABEL_LEN], *status = NULL, *name = NULL, *summary = NULL;
	int64_t old, new_id = 0;
	int ret;

	if ((ret = store_scan_valid(who, sn, &on, error)) != 0)
		return ret;
	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = store_scan_group(st, sn->group_id, &status, &name, error)) <= 0) {
		if (ret == 0)
			ret = store_refuse(error, STORE_NOT_FOUND, "%s", _("There is no such group."));
		goto fail;
	}
	if ((ret = store_scan_access(st, who, sn->group_id, true, error)) != 0)
		goto fail;
	if (strcmp(status, "closed") == 0) {
		ret = store_refuse(error, STORE_INVALID, "%s",
		    _("The group is closed: its scans can no longer change."));
		goto fail;
	}
	if ((ret = store_scan_term(st, sn, &on, &old, error)) != 0)
		goto fail;
	health_term_of(&on, &t);
	summary = xasprintf("%s · %s", name, health_term_label(&t, label));
	/* the new one first: its id then differs from the old one's, whose
	 * id others may still hold as the version they read */
	if ((ret = store_scan_insert(st, who, sn, &on, summary, &new_id, error)) != 0)
		goto fail;
	if (old != 0) {
		sqlite3_stmt *s = store_stmt(st, &store_health_table, HEALTH_DEL_SCAN, error);

		if (s != NULL)
			sqlite3_bind_int64(s, 1, old);
		if (s == NULL || store_exec_stmt(st, s, _("saving a scan"), error) != 0 ||
		    store_audit(st, who, "replace", "scan", old, summary, error) != 0) {
			ret = STORE_ERROR;
			goto fail;
		}
	}
	if (store_commit(st, error) != 0) {
		ret = STORE_ERROR;
		goto out;
	}
	if (id != NULL)
		*id = new_id;
	goto out;
fail:
	store_rollback(st);
	if (ret >= 0)
		ret = STORE_ERROR;
out:
	free(status);
	free(name);
	free(summary);
	return ret;
}

/* Append the score of the current row of HEALTH_Q_SCANS to the last scan of v. */
static void
store_scans_row(sqlite3_stmt *s, struct scan **v, size_t *n)
{
	struct scan *sc;
	struct scan_factor_score *f;
	int64_t id = sqlite3_column_int64(s, 0);

	if (*n == 0 || (*v)[*n - 1].id != id) {
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		sc = &(*v)[(*n)++];
		memset(sc, 0, sizeof *sc);
		sc->id = id;
		if (date_parse_iso((const char *)sqlite3_column_text(s, 1), &sc->filled_on) != 0)
			memset(&sc->filled_on, 0, sizeof sc->filled_on);
		sc->filled_by = store_column_dup(s, 2);
	}
	sc = &(*v)[*n - 1];
	sc->scores = xreallocarray(sc->scores, sc->n + 1, sizeof *sc->scores);
	f = &sc->scores[sc->n++];
	f->factor = xstrdup((const char *)sqlite3_column_text(s, 3));
	f->score = sqlite3_column_int(s, 4);
	f->remark = store_column_dup(s, 5);
}

int
store_scans_get(struct store *st, const struct actor *who, int64_t group_id,
    struct scan **out, size_t *n, char **error)
{
	sqlite3_stmt *s;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_scan_access(st, who, group_id, false, error)) != 0)
		return rc;
	if ((s = store_stmt(st, &store_health_table, HEALTH_Q_SCANS, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, group_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		store_scans_row(s, out, n);
	store_done(s);
	if (rc != SQLITE_DONE) {
		store_scans_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(st, rc, _("reading scans"), error);
	}
	return 0;
}

void
store_scans_free(struct scan *v, size_t n)
{
	size_t i, j;

	for (i = 0; v != NULL && i < n; i++) {
		for (j = 0; j < v[i].n; j++) {
			free(v[i].scores[j].factor);
			free(v[i].scores[j].remark);
		}
		free(v[i].scores);
		free(v[i].filled_by);
	}
	free(v);
}

/* ---- the signals ---- */

/* What a collection works on: the rows (by name) and an index by id. */
struct health_collect {
	struct health_row *rows;
	size_t n, cap;
	size_t *by_id;			/* indexes into rows, ordered by id */
	int64_t (*members)[2];		/* (group, person) of today's members, sorted */
	size_t n_members, cap_members;
	struct date first, after, today;
	int64_t group_id;		/* 0: every active group */
};

static const struct health_collect *health_sort_ctx;

static int
store_health_cmp_id(const void *pa, const void *pb)
{
	int64_t a = health_sort_ctx->rows[*(const size_t *)pa].id;
	int64_t b = health_sort_ctx->rows[*(const size_t *)pb].id;

	return (a > b) - (a < b);
}

static int
store_health_cmp_pair(const void *pa, const void *pb)
{
	const int64_t *a = pa, *b = pb;

	if (a[0] != b[0])
		return (a[0] > b[0]) - (a[0] < b[0]);
	return (a[1] > b[1]) - (a[1] < b[1]);
}

/* The row of group id, or NULL. */
static struct health_row *
store_health_find(struct health_collect *c, int64_t id)
{
	size_t lo = 0, hi = c->n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (c->rows[c->by_id[mid]].id == id)
			return &c->rows[c->by_id[mid]];
		if (c->rows[c->by_id[mid]].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* A stored date column into *d; year 0 when NULL or not a date. */
static void
store_health_date(sqlite3_stmt *s, int i, struct date *d)
{
	const char *text = (const char *)sqlite3_column_text(s, i);
	char day[DATE_ISO_LEN];

	memset(d, 0, sizeof *d);
	if (text == NULL || strlen(text) < DATE_ISO_LEN - 1)
		return;
	memcpy(day, text, DATE_ISO_LEN - 1);
	day[DATE_ISO_LEN - 1] = '\0';
	if (date_parse_iso(day, d) != 0)
		memset(d, 0, sizeof *d);
}

/* Prepare statement idx of the overview with its parameters bound. */
static sqlite3_stmt *
store_health_stmt(struct store *st, struct health_collect *c, int idx, char **error)
{
	sqlite3_stmt *s;

	/* the …_ONE statement follows its …_ALL one */
	if (c->group_id != 0)
		idx++;
	if ((s = store_stmt(st, &store_health_table, idx, error)) == NULL)
		return NULL;
	store_bind_date(s, 1, &c->first);
	store_bind_date(s, 2, &c->after);
	store_bind_date(s, 3, &c->today);
	if (c->group_id != 0)
		sqlite3_bind_int64(s, 4, c->group_id);
	return s;
}

static void
store_health_group_row(struct health_collect *c, sqlite3_stmt *s)
{
	struct health_row *r;

	if (c->n == c->cap) {
		c->cap = c->cap == 0 ? 64 : c->cap * 2;
		c->rows = xreallocarray(c->rows, c->cap, sizeof *c->rows);
	}
	r = &c->rows[c->n];
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->name = xstrdup((const char *)sqlite3_column_text(s, 1));
	r->type = xstrdup((const char *)sqlite3_column_text(s, 2));
	r->name_rank = (int)c->n;
	store_health_date(s, 3, &r->facts.start_on);
	store_health_date(s, 4, &r->facts.planned_end_on);
	r->facts.hours_norm = sqlite3_column_int(s, 5);
	store_health_date(s, 6, &r->facts.last_update);
	store_health_date(s, 7, &r->facts.scan_on);
	if (r->facts.scan_on.year != 0) {
		r->facts.scan_sum = sqlite3_column_int(s, 8);
		r->facts.scan_n = sqlite3_column_int(s, 9);
	}
	c->n++;
}

/* The groups themselves, then the index by id. */
static int
store_health_groups(struct store *st, struct health_collect *c, char **error)
{
	sqlite3_stmt *s;
	size_t i;
	int rc;

	if ((s = store_health_stmt(st, c, HEALTH_Q_GROUPS_ALL, error)) == NULL)
		return STORE_ERROR;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		store_health_group_row(c, s);
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading the overview"), error);
	c->by_id = xreallocarray(NULL, c->n + 1, sizeof *c->by_id);
	for (i = 0; i < c->n; i++)
		c->by_id[i] = i;
	health_sort_ctx = c;
	qsort(c->by_id, c->n, sizeof *c->by_id, store_health_cmp_id);
	return 0;
}

/* Add column 1 of rows (group id, count) to the field at offset off of each group's facts. */
static int
store_health_counts(struct store *st, struct health_collect *c, int idx, size_t off,
    char **error)
{
	struct health_row *r;
	sqlite3_stmt *s;
	int rc;

	if ((s = store_health_stmt(st, c, idx, error)) == NULL)
		return STORE_ERROR;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if ((r = store_health_find(c, sqlite3_column_int64(s, 0))) != NULL)
			*(int *)((char *)&r->facts + off) += sqlite3_column_int(s, 1);
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading the overview"), error);
	return 0;
}

/* Add a (group, person) pair to a growing array. */
static void
store_health_pair(int64_t (**v)[2], size_t *n, size_t *cap, int64_t group, int64_t person)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 256 : *cap * 2;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[*n][0] = group;
	(*v)[(*n)++][1] = person;
}

/* Sort pairs and drop repeats; the number left. */
static size_t
store_health_pairs_unique(int64_t (*v)[2], size_t n)
{
	size_t i, k = 0;

	if (n > 1)
		qsort(v, n, sizeof *v, store_health_cmp_pair);
	for (i = 0; i < n; i++) {
		if (k > 0 && store_health_cmp_pair(v[i], v[k - 1]) == 0)
			continue;
		v[k][0] = v[i][0];
		v[k++][1] = v[i][1];
	}
	return k;
}

/*
 * Today's members (lead, member, expert) of each group, kept sorted for the
 * hours, and those who left this school year and are not back today.
 */
static int
store_health_members(struct store *st, struct health_collect *c, char **error)
{
	int64_t (*left)[2] = NULL;
	size_t n_left = 0, cap_left = 0, i;
	struct health_row *r;
	const char *end_on;
	char today[DATE_ISO_LEN];
	sqlite3_stmt *s;
	int rc;

	if ((s = store_health_stmt(st, c, HEALTH_Q_MEMBERS_ALL, error)) == NULL)
		return STORE_ERROR;
	date_format_iso(&c->today, today);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		end_on = (const char *)sqlite3_column_text(s, 2);
		if (end_on == NULL || strcmp(end_on, today) >= 0)
			store_health_pair(&c->members, &c->n_members, &c->cap_members,
			    sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1));
		else
			store_health_pair(&left, &n_left, &cap_left,
			    sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1));
	}
	store_done(s);
	if (rc != SQLITE_DONE) {
		free(left);
		return store_fail(st, rc, _("reading the overview"), error);
	}
	c->n_members = store_health_pairs_unique(c->members, c->n_members);
	n_left = store_health_pairs_unique(left, n_left);
	for (i = 0; i < c->n_members; i++) {
		if ((r = store_health_find(c, c->members[i][0])) != NULL)
			r->facts.members++;
	}
	for (i = 0; i < n_left; i++) {
		if (bsearch(left[i], c->members, c->n_members, sizeof *c->members,
		    store_health_cmp_pair) == NULL &&
		    (r = store_health_find(c, left[i][0])) != NULL)
			r->facts.left++;
	}
	free(left);
	return 0;
}

/*
 * One row of a held meeting and an attendance row (NULL columns when it has
 * none): the meeting counts once, the row as recorded and attending, and
 * its credited minutes when the person is a member today.
 */
static void
store_health_attendance_row(struct health_collect *c, sqlite3_stmt *s, int64_t *meeting)
{
	struct health_row *r;
	enum hours_status hs;
	int64_t key[2];
	int duration;

	if ((r = store_health_find(c, sqlite3_column_int64(s, 0))) == NULL)
		return;
	if (sqlite3_column_int64(s, 1) != *meeting) {
		*meeting = sqlite3_column_int64(s, 1);
		r->facts.held++;
	}
	if (sqlite3_column_type(s, 2) == SQLITE_NULL ||
	    !hours_status_parse((const char *)sqlite3_column_text(s, 5), &hs))
		return;
	r->facts.att_recorded++;
	if (hs == HOURS_PRESENT || hs == HOURS_LATE)
		r->facts.att_present++;
	key[0] = r->id;
	key[1] = sqlite3_column_int64(s, 2);
	if (bsearch(key, c->members, c->n_members, sizeof *c->members,
	    store_health_cmp_pair) == NULL)
		return;
	duration = hours_duration((const char *)sqlite3_column_text(s, 3),
	    (const char *)sqlite3_column_text(s, 4));
	if (duration < 0)
		return;
	r->facts.member_minutes += hours_credited(true, hs, duration,
	    sqlite3_column_type(s, 6) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 6));
}

static int
store_health_attendance(struct store *st, struct health_collect *c, char **error)
{
	int64_t meeting = 0;
	sqlite3_stmt *s;
	int rc;

	if ((s = store_health_stmt(st, c, HEALTH_Q_ATTENDANCE_ALL, error)) == NULL)
		return STORE_ERROR;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		store_health_attendance_row(c, s, &meeting);
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading the overview"), error);
	return 0;
}

/* Collect the facts of c's groups on today. */
static int
store_health_collect(struct store *st, struct health_collect *c, const struct date *today,
    char **error)
{
	c->today = *today;
	c->after = date_add_days(today, 1);
	date_school_year(today, &c->first, NULL);
	if (store_health_groups(st, c, error) != 0 ||
	    store_health_counts(st, c, HEALTH_Q_OVERDUE_ALL,
	    offsetof(struct health_facts, overdue), error) != 0 ||
	    store_health_members(st, c, error) != 0 ||
	    store_health_attendance(st, c, error) != 0)
		return STORE_ERROR;
	return 0;
}

static void
store_health_collect_free(struct health_collect *c, bool rows_too)
{
	if (rows_too)
		health_rows_free(c->rows, c->n);
	free(c->by_id);
	free(c->members);
}

int
store_health_overview(struct store *st, const struct actor *who, const struct date *today,
    struct health_row **rows, size_t *n, char **error)
{
	struct health_collect c;

	*rows = NULL;
	*n = 0;
	if (!access_allows(who, ACCESS_OVERVIEW, NULL))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_OVERVIEW)));
	memset(&c, 0, sizeof c);
	if (store_health_collect(st, &c, today, error) != 0) {
		store_health_collect_free(&c, true);
		return STORE_ERROR;
	}
	store_health_collect_free(&c, false);
	*rows = c.rows;
	*n = c.n;
	return 0;
}

int
store_health_group(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *today, struct health_row *out, char **error)
{
	struct health_collect c;
	struct access_ctx ctx;
	int ret = 0;

	memset(out, 0, sizeof *out);
	store_group_relation(st, who, group_id, today, &ctx);
	if (who == NULL || (!who->coordinator && !ctx.is_lead))
		return store_refuse(error, STORE_DENIED, "%s",
		    _("Only a lead of the group or a coordinator can see its signals."));
	memset(&c, 0, sizeof c);
	c.group_id = group_id;
	if (store_health_collect(st, &c, today, error) != 0)
		ret = STORE_ERROR;
	else if (c.n == 1) {
		*out = c.rows[0];
		c.n = 0;
		ret = 1;
	}
	store_health_collect_free(&c, true);
	return ret;
}

/*
 * store_budget.c — budget requests (#9): a lead asks money for an outside
 * specialist, a coordinator approves or declines it with a remark; lists
 * (a group's, mine, the network's) a page at a time with totals per school
 * year. Amounts are whole cents (core/money.h).
 *
 * Withdrawing an open request deletes it; the audit log keeps that it was
 * filed, changed and withdrawn (its summaries name the group and the
 * amount, never the remark). Every list walks budget_request through an
 * index: budget_request_status (status, requested_on) for the network and
 * for "mine" (which also walks membership_person), budget_request_group
 * for one group; grp and person are joined by id only.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/validate.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	BUDGET_PAGE_ALL_OLDER,
	BUDGET_PAGE_ALL_NEWER,
	BUDGET_PAGE_GROUP_OLDER,
	BUDGET_PAGE_GROUP_NEWER,
	BUDGET_PAGE_MINE_OLDER,
	BUDGET_PAGE_MINE_NEWER,
	BUDGET_Q_GET,
	BUDGET_TOTALS_ALL,
	BUDGET_TOTALS_GROUP,
	BUDGET_TOTALS_MINE,
	BUDGET_Q_GROUP,
	BUDGET_Q_ONE,
	BUDGET_INSERT,
	BUDGET_UPDATE,
	BUDGET_DELETE,
	BUDGET_DECIDE,
	BUDGET__COUNT
};

#define BUDGET_COLUMNS \
	"SELECT b.id, b.group_id, b.requested_by, b.decided_by, g.name, rp.name, dp.name, " \
	"b.requested_on, b.needed_on, b.decided_on, b.purpose, b.specialist, b.status, " \
	"b.remark, b.cost_cents, b.version " \
	"FROM budget_request b JOIN grp g ON g.id = b.group_id " \
	"LEFT JOIN person rp ON rp.id = b.requested_by " \
	"LEFT JOIN person dp ON dp.id = b.decided_by "

/*
 * Parameters: ?1 ?2 ?3 the statuses wanted (NULL for fewer), ?4 ?5 the range
 * of requested_on ('' and '~' for any), ?6 anchor requested_on, ?7 anchor
 * id, ?8 1 = take the anchor too, ?9 limit, ?10 the group (GROUP) or the
 * person (MINE), ?11 today (MINE).
 */
#define BUDGET_WHERE_ALL "b.status IN (?1, ?2, ?3) AND b.requested_on BETWEEN ?4 AND ?5"
#define BUDGET_WHERE_GROUP "b.group_id = ?10 AND " BUDGET_WHERE_ALL
#define BUDGET_WHERE_MINE BUDGET_WHERE_ALL " AND (b.requested_by = ?10 OR b.group_id IN (" \
	"SELECT m.group_id FROM membership m WHERE m.person_id = ?10 AND m.role <> 'follower' " \
	"AND m.start_on <= ?11 AND (m.end_on IS NULL OR m.end_on >= ?11)))"
#define BUDGET_PAGE(WHERE, CMP, DIR) \
	BUDGET_COLUMNS "WHERE " WHERE " AND " CMP \
	" ORDER BY b.requested_on " DIR ", b.id " DIR " LIMIT ?9"
/* older than the anchor (down the list), newest first */
#define BUDGET_OLDER(WHERE) BUDGET_PAGE(WHERE, \
	"b.requested_on <= ?6 AND (b.requested_on < ?6 OR b.id < ?7 + ?8)", "DESC")
/* newer than the anchor, nearest first, then back in display order */
#define BUDGET_NEWER(WHERE) "SELECT * FROM (" BUDGET_PAGE(WHERE, \
	"b.requested_on >= ?6 AND (b.requested_on > ?6 OR b.id > ?7 - ?8)", "ASC") \
	") ORDER BY 8 DESC, 1 DESC"
#define BUDGET_TOTALS(WHERE) \
	"SELECT b.status, count(*), sum(b.cost_cents) FROM budget_request b " \
	"WHERE " WHERE " GROUP BY b.status"

static const char *const budget_sql[BUDGET__COUNT + 1] = {
	[BUDGET_PAGE_ALL_OLDER] = BUDGET_OLDER(BUDGET_WHERE_ALL),
	[BUDGET_PAGE_ALL_NEWER] = BUDGET_NEWER(BUDGET_WHERE_ALL),
	[BUDGET_PAGE_GROUP_OLDER] = BUDGET_OLDER(BUDGET_WHERE_GROUP),
	[BUDGET_PAGE_GROUP_NEWER] = BUDGET_NEWER(BUDGET_WHERE_GROUP),
	[BUDGET_PAGE_MINE_OLDER] = BUDGET_OLDER(BUDGET_WHERE_MINE),
	[BUDGET_PAGE_MINE_NEWER] = BUDGET_NEWER(BUDGET_WHERE_MINE),
	[BUDGET_Q_GET] = BUDGET_COLUMNS "WHERE b.id = ?1",
	[BUDGET_TOTALS_ALL] = BUDGET_TOTALS(BUDGET_WHERE_ALL),
	[BUDGET_TOTALS_GROUP] = BUDGET_TOTALS(BUDGET_WHERE_GROUP),
	[BUDGET_TOTALS_MINE] = BUDGET_TOTALS(BUDGET_WHERE_MINE),
	[BUDGET_Q_GROUP] = "SELECT status, name FROM grp WHERE id = ?1",
	[BUDGET_Q_ONE] =
	    "SELECT b.group_id, b.requested_by, b.status, b.version, b.needed_on, g.name, "
	    "b.cost_cents FROM budget_request b JOIN grp g ON g.id = b.group_id WHERE b.id = ?1",
	[BUDGET_INSERT] =
	    "INSERT INTO budget_request (group_id, requested_by, requested_on, purpose, "
	    "specialist, cost_cents, needed_on, status, decided_by, decided_on, remark) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[BUDGET_UPDATE] =
	    "UPDATE budget_request SET purpose = ?3, specialist = ?4, cost_cents = ?5, "
	    "needed_on = ?6, version = version + 1 "
	    "WHERE id = ?1 AND version = ?2 AND status = 'open'",
	[BUDGET_DELETE] =
	    "DELETE FROM budget_request WHERE id = ?1 AND version = ?2 AND status = 'open'",
	[BUDGET_DECIDE] =
	    "UPDATE budget_request SET status = ?3, decided_by = ?4, decided_on = ?5, "
	    "remark = ?6, version = version + 1 "
	    "WHERE id = ?1 AND version = ?2 AND status = 'open'",
};

const struct store_sql_table store_budget_table = {
	STORE_MOD_BUDGET, budget_sql, BUDGET__COUNT
};

/* A request as read for a change; strings owned (budget_one_clear). */
struct budget_one {
	int64_t group_id, requested_by;
	char *status, *needed_on, *group_name;
	int version;
	int64_t cost_cents;
};

static void
budget_one_clear(struct budget_one *o)
{
	free(o->status);
	free(o->needed_on);
	free(o->group_name);
	memset(o, 0, sizeof *o);
}

/* Read request id for a change: 0, or STORE_NOT_FOUND / STORE_ERROR with *error. */
static int
budget_one_get(struct store *st, int64_t id, struct budget_one *o, char **error)
{
	sqlite3_stmt *s;
	int rc;

	memset(o, 0, sizeof *o);
	if ((s = store_stmt(st, &store_budget_table, BUDGET_Q_ONE, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		o->group_id = sqlite3_column_int64(s, 0);
		o->requested_by = sqlite3_column_int64(s, 1);
		o->status = store_column_dup(s, 2);
		o->version = sqlite3_column_int(s, 3);
		o->needed_on = store_column_dup(s, 4);
		o->group_name = store_column_dup(s, 5);
		o->cost_cents = sqlite3_column_int64(s, 6);
	}
	store_done(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return store_refuse(error, STORE_NOT_FOUND, "%s",
		    _("This budget request no longer exists: it was withdrawn meanwhile."));
	return store_fail(st, rc, _("reading a budget request"), error);
}

/* The group's status and name: 0, or STORE_NOT_FOUND / STORE_ERROR. */
static int
budget_group_get(struct store *st, int64_t group_id, char **status, char **name, char **error)
{
	sqlite3_stmt *s;
	int rc;

	*status = *name = NULL;
	if ((s = store_stmt(st, &store_budget_table, BUDGET_Q_GROUP, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, group_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*status = store_column_dup(s, 0);
		*name = store_column_dup(s, 1);
	}
	store_done(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return store_refuse(error, STORE_NOT_FOUND, "%s", _("That group no longer exists."));
	return store_fail(st, rc, _("reading a group"), error);
}

/* "PLG X: € 1.250,50", for the audit log (never the purpose or the remark). */
static char *
budget_summary(const char *group_name, int64_t cents, const char *status)
{
	char amount[MONEY_TEXT_LEN];

	money_format(cents, amount, sizeof amount);
	if (status != NULL)
		return xasprintf("%s: %s → %s", group_name != NULL ? group_name : "?", amount,
		    status);
	return xasprintf("%s: %s", group_name != NULL ? group_name : "?", amount);
}

/*
 * Check what a request says. stored_needed: the date needed as stored (a
 * change may keep a day that has passed meanwhile). 0 or STORE_INVALID.
 */
static int
budget_check(const struct budget_new *r, const char *stored_needed, bool past_ok, char **error)
{
	struct date today = date_today();
	char needed[DATE_ISO_LEN];
	const char *why;

	if ((why = validate_line(r->purpose, true, BUDGET_TEXT_MAX)) != NULL)
		return store_refuse_field(error, _("purpose"), why, BUDGET_TEXT_MAX);
	if ((why = validate_line(r->specialist, false, BUDGET_TEXT_MAX)) != NULL)
		return store_refuse_field(error, _("specialist"), why, BUDGET_TEXT_MAX);
	if (r->cost_cents <= 0)
		return store_refuse(error, STORE_INVALID, "%s: %s", _("cost"),
		    _("the cost must be more than € 0,00"));
	if (r->cost_cents > MONEY_MAX_CENTS)
		return store_refuse(error, STORE_INVALID, "%s: %s", _("cost"),
		    _("too much: at most € 10.000.000"));
	if (r->needed_on.year == 0 && r->needed_on.month == 0 && r->needed_on.day == 0)
		return 0;
	if (!date_valid(&r->needed_on))
		return store_refuse(error, STORE_INVALID, "%s: %s", _("date needed"),
		    _("that day does not exist"));
	if (past_ok || date_compare(&r->needed_on, &today) >= 0)
		return 0;
	if (stored_needed != NULL && strcmp(stored_needed, date_format_iso(&r->needed_on,
	    needed)) == 0)
		return 0;
	return store_refuse(error, STORE_INVALID, "%s: %s", _("date needed"),
	    _("that day has passed"));
}

static bool
budget_date_given(const struct date *d)
{
	return d->year != 0 || d->month != 0 || d->day != 0;
}

bool
store_budget_may_read(struct store *st, const struct actor *who, int64_t group_id)
{
	struct access_ctx ctx;

	if (who == NULL)
		return false;
	if (who->coordinator)
		return true;
	if (actor_is_visitor(who))
		return false;
	store_group_relation(st, who, group_id, NULL, &ctx);
	return ctx.is_lead || ctx.was_member;
}

bool
store_budget_may_request(struct store *st, const struct actor *who, int64_t group_id)
{
	struct access_ctx ctx;

	store_group_relation(st, who, group_id, NULL, &ctx);
	return access_allows(who, ACCESS_BUDGET_REQUEST, &ctx);
}

/*
 * May who change or withdraw request o: a lead of its group today (its
 * requester too only while still leading the group) or a coordinator. Run
 * inside the writing transaction (budget_change_begin).
 */
static int
budget_may_change(struct store *st, const struct actor *who, const struct budget_one *o,
    char **error)
{
	struct access_ctx ctx;

	if (who != NULL && who->coordinator)
		return 0;
	if (who == NULL || actor_is_visitor(who))
		return store_refuse(error, STORE_DENIED, "%s",
		    _("Only its requester, a lead of the group or a coordinator can change a "
		    "budget request."));
	store_group_relation(st, who, o->group_id, NULL, &ctx);
	if (ctx.is_lead)
		return 0;
	if (o->requested_by != 0 && o->requested_by == who->person_id)
		return store_refuse(error, STORE_DENIED, "%s",
		    _("You asked for this budget, but you no longer lead the group: only its "
		    "leads of today or a coordinator can change or withdraw the request."));
	return store_refuse(error, STORE_DENIED, "%s",
	    _("Only its requester, a lead of the group or a coordinator can change a budget "
	    "request."));
}

/* A decided request stays as decided: STORE_INVALID saying so; 0 when open. */
static int
budget_still_open(const struct budget_one *o, char **error)
{
	if (o->status != NULL && strcmp(o->status, "open") == 0)
		return 0;
	if (o->status != NULL && strcmp(o->status, "approved") == 0)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("This budget request has been approved: a decided request cannot be "
		    "changed or withdrawn."));
	return store_refuse(error, STORE_INVALID, "%s",
	    _("This budget request has been declined: a decided request cannot be changed or "
	    "withdrawn. File a new one instead."));
}

/* Bind the fields of an INSERT (1..11) from b. */
static void
budget_bind_insert(sqlite3_stmt *s, const struct budget_record *b)
{
	sqlite3_bind_int64(s, 1, b->r.group_id);
	store_bind_id(s, 2, b->requested_by);
	store_bind_date(s, 3, &b->requested_on);
	store_bind_text(s, 4, b->r.purpose);
	store_bind_text(s, 5, b->r.specialist);
	sqlite3_bind_int64(s, 6, b->r.cost_cents);
	if (budget_date_given(&b->r.needed_on))
		store_bind_date(s, 7, &b->r.needed_on);
	else
		sqlite3_bind_null(s, 7);
	store_bind_text(s, 8, b->status);
	store_bind_id(s, 9, b->decided_by);
	if (budget_date_given(&b->decided_on))
		store_bind_date(s, 10, &b->decided_on);
	else
		sqlite3_bind_null(s, 10);
	store_bind_text(s, 11, b->remark);
}

/* Insert b after the checks, in the caller's transaction (or its own). */
static int
budget_insert(struct store *st, const struct actor *who, const struct budget_record *b,
    const char *group_name, int64_t *id, char **error)
{
	sqlite3_stmt *s;
	char *summary;
	int ret;

	if ((s = store_stmt(st, &store_budget_table, BUDGET_INSERT, error)) == NULL)
		return STORE_ERROR;
	budget_bind_insert(s, b);
	summary = budget_summary(group_name, b->r.cost_cents, NULL);
	ret = store_insert_audited(st, who, s, "budget_request", summary, id, error);
	free(summary);
	return ret == 0 ? 0 : STORE_ERROR;
}

int
store_budget_request(struct store *st, const struct actor *who, const struct budget_new *r,
    int64_t *id, char **error)
{
	struct budget_record b;
	struct access_ctx ctx;
	char *gstatus = NULL, *gname = NULL;
	int ret;

	if ((ret = budget_check(r, NULL, false, error)) != 0)
		return ret;
	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = budget_group_get(st, r->group_id, &gstatus, &gname, error)) != 0)
		goto fail;
	store_group_relation(st, who, r->group_id, NULL, &ctx);
	if (!access_allows(who, ACCESS_BUDGET_REQUEST, &ctx)) {
		ret = store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_BUDGET_REQUEST)));
		goto fail;
	}
	if (gstatus != NULL && strcmp(gstatus, "closed") == 0) {
		ret = store_refuse(error, STORE_INVALID, "%s",
		    _("The group is closed: it can no longer ask for budget."));
		goto fail;
	}
	memset(&b, 0, sizeof b);
	b.r = *r;
	b.requested_by = actor_is_visitor(who) ? 0 : who->person_id;
	b.requested_on = date_today();
	b.status = "open";
	if ((ret = budget_insert(st, who, &b, gname, id, error)) != 0)
		goto fail;
	free(gstatus);
	free(gname);
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
fail:
	free(gstatus);
	free(gname);
	store_rollback(st);
	return ret < 0 ? ret : STORE_ERROR;
}

int
store_budget_insert(struct store *st, const struct actor *who, const struct budget_record *b,
    int64_t *id, char **error)
{
	char *gstatus = NULL, *gname = NULL;
	int ret;

	if (!access_allows(who, ACCESS_BUDGET_DECIDE, NULL))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_BUDGET_DECIDE)));
	if ((ret = budget_check(&b->r, NULL, true, error)) != 0)
		return ret;
	if (b->status == NULL || (strcmp(b->status, "open") != 0 &&
	    strcmp(b->status, "approved") != 0 && strcmp(b->status, "declined") != 0))
		return store_refuse(error, STORE_INVALID, "%s",
		    _("status: open, approved or declined"));
	if (!date_valid(&b->requested_on))
		return store_refuse(error, STORE_INVALID, "%s", _("the date of the request is missing"));
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = budget_group_get(st, b->r.group_id, &gstatus, &gname, error)) == 0)
		ret = budget_insert(st, who, b, gname, id, error);
	free(gstatus);
	free(gname);
	if (ret != 0) {
		store_rollback(st);
		return ret;
	}
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
}

/*
 * Begin a change of request id at version: read it, check that who may
 * change it, that it is open and that the version is the one read. On
 * success the transaction stays open; on failure it is rolled back.
 */
static int
budget_change_begin(struct store *st, const struct actor *who, int64_t id, int version,
    bool deciding, struct budget_one *o, char **error)
{
	int ret;

	memset(o, 0, sizeof *o);
	if (deciding && !access_allows(who, ACCESS_BUDGET_DECIDE, NULL))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_BUDGET_DECIDE)));
	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = budget_one_get(st, id, o, error)) != 0)
		goto fail;
	if (!deciding && (ret = budget_may_change(st, who, o, error)) != 0)
		goto fail;
	if ((ret = budget_still_open(o, error)) != 0)
		goto fail;
	if (o->version != version) {
		ret = store_refuse(error, STORE_CONFLICT, "%s",
		    _("Someone changed this budget request meanwhile: look at it again before "
		    "you change it."));
		goto fail;
	}
	return 0;
fail:
	budget_one_clear(o);
	store_rollback(st);
	return ret < 0 ? ret : STORE_ERROR;
}

/* Step s (bound), audit it, commit; rolls back on failure. Clears o. */
static int
budget_change_finish(struct store *st, const struct actor *who, sqlite3_stmt *s,
    const char *action, int64_t id, char *summary, struct budget_one *o, char **error)
{
	int ret;

	ret = store_exec_audited(st, who, s, action, "budget_request", id, summary, error);
	free(summary);
	budget_one_clear(o);
	if (ret != 0) {
		store_rollback(st);
		return STORE_ERROR;
	}
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
}

int
store_budget_change(struct store *st, const struct actor *who, int64_t id, int version,
    const struct budget_new *r, char **error)
{
	struct budget_one o;
	sqlite3_stmt *s;
	int ret;

	if ((ret = budget_change_begin(st, who, id, version, false, &o, error)) != 0)
		return ret;
	if ((ret = budget_check(r, o.needed_on, false, error)) != 0 ||
	    (s = store_stmt(st, &store_budget_table, BUDGET_UPDATE, error)) == NULL) {
		budget_one_clear(&o);
		store_rollback(st);
		return ret != 0 ? ret : STORE_ERROR;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, version);
	store_bind_text(s, 3, r->purpose);
	store_bind_text(s, 4, r->specialist);
	sqlite3_bind_int64(s, 5, r->cost_cents);
	if (budget_date_given(&r->needed_on))
		store_bind_date(s, 6, &r->needed_on);
	else
		sqlite3_bind_null(s, 6);
	return budget_change_finish(st, who, s, "update", id,
	    budget_summary(o.group_name, r->cost_cents, NULL), &o, error);
}

int
store_budget_withdraw(struct store *st, const struct actor *who, int64_t id, int version,
    char **error)
{
	struct budget_one o;
	sqlite3_stmt *s;
	int ret;

	if ((ret = budget_change_begin(st, who, id, version, false, &o, error)) != 0)
		return ret;
	if ((s = store_stmt(st, &store_budget_table, BUDGET_DELETE, error)) == NULL) {
		budget_one_clear(&o);
		store_rollback(st);
		return STORE_ERROR;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, version);
	return budget_change_finish(st, who, s, "withdraw", id,
	    budget_summary(o.group_name, o.cost_cents, NULL), &o, error);
}

int
store_budget_decide(struct store *st, const struct actor *who, int64_t id, int version,
    bool approve, const char *remark, char **error)
{
	struct date today = date_today();
	struct budget_one o;
	const char *why, *status = approve ? "approved" : "declined";
	sqlite3_stmt *s;
	int ret;

	if ((why = validate_text(remark, !approve, BUDGET_REMARK_MAX)) != NULL) {
		if (!approve && validate_text(remark, false, BUDGET_REMARK_MAX) == NULL)
			return store_refuse(error, STORE_INVALID, "%s: %s", _("remark"),
			    _("say why the request is declined"));
		return store_refuse_field(error, _("remark"), why, BUDGET_REMARK_MAX);
	}
	if ((ret = budget_change_begin(st, who, id, version, true, &o, error)) != 0)
		return ret;
	if ((s = store_stmt(st, &store_budget_table, BUDGET_DECIDE, error)) == NULL) {
		budget_one_clear(&o);
		store_rollback(st);
		return STORE_ERROR;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, version);
	store_bind_text(s, 3, status);
	store_bind_id(s, 4, actor_is_visitor(who) ? 0 : who->person_id);
	store_bind_date(s, 5, &today);
	store_bind_text(s, 6, remark);
	return budget_change_finish(st, who, s, status, id,
	    budget_summary(o.group_name, o.cost_cents, status), &o, error);
}

/* ---- reading ---- */

/* Step rows of BUDGET_COLUMNS into cb; the number delivered, or < 0. */
static int
budget_rows(struct store *st, sqlite3_stmt *s, store_budget_cb cb, void *arg, char **error)
{
	struct budget_row r;
	int rc, n = 0;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		r.group_id = sqlite3_column_int64(s, 1);
		r.requested_by = sqlite3_column_int64(s, 2);
		r.decided_by = sqlite3_column_int64(s, 3);
		r.group_name = (const char *)sqlite3_column_text(s, 4);
		r.requester = (const char *)sqlite3_column_text(s, 5);
		r.decider = (const char *)sqlite3_column_text(s, 6);
		r.requested_on = (const char *)sqlite3_column_text(s, 7);
		r.needed_on = (const char *)sqlite3_column_text(s, 8);
		r.decided_on = (const char *)sqlite3_column_text(s, 9);
		r.purpose = (const char *)sqlite3_column_text(s, 10);
		r.specialist = (const char *)sqlite3_column_text(s, 11);
		r.status = (const char *)sqlite3_column_text(s, 12);
		r.remark = (const char *)sqlite3_column_text(s, 13);
		r.cost_cents = sqlite3_column_int64(s, 14);
		r.version = sqlite3_column_int(s, 15);
		n++;
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading budget requests"), error);
	return n;
}

/*
 * The statement for q (base: the ALL, GROUP or MINE variant of a pair or a
 * totals statement), with the statuses, the range and the group or person
 * bound; NULL with *error (STORE_DENIED in *denied) when who may not.
 */
static sqlite3_stmt *
budget_query_stmt(struct store *st, const struct actor *who, const struct budget_query *q,
    int all, int group, int mine, int *denied, char **error)
{
	static const struct budget_query none;
	const char *statuses[3] = { "open", "approved", "declined" };
	char first[DATE_ISO_LEN], last[DATE_ISO_LEN], today_iso[DATE_ISO_LEN];
	struct date today = date_today();
	sqlite3_stmt *s;
	int i, idx;

	*denied = 0;
	if (q == NULL)
		q = &none;
	if (who == NULL || (actor_is_visitor(who) && !who->coordinator)) {
		*denied = 1;
		store_refuse(error, STORE_DENIED, "%s",
		    _("Only people known in the network can see budget requests."));
		return NULL;
	}
	if (q->group_id > 0 && !store_budget_may_read(st, who, q->group_id)) {
		*denied = 1;
		store_refuse(error, STORE_DENIED, "%s",
		    _("Only the group's leads and members and coordinators can see its budget "
		    "requests."));
		return NULL;
	}
	idx = q->group_id > 0 ? group : who->coordinator ? all : mine;
	if ((s = store_stmt(st, &store_budget_table, idx, error)) == NULL)
		return NULL;
	if (q->status != NULL && strcmp(q->status, "decided") == 0)
		statuses[0] = NULL;
	else if (q->status != NULL) {
		for (i = 0; i < 3; i++) {
			if (strcmp(q->status, statuses[i]) != 0)
				statuses[i] = NULL;
		}
	}
	for (i = 0; i < 3; i++)
		store_bind_text(s, i + 1, statuses[i]);
	if (date_valid(&q->first)) {
		store_bind_text(s, 4, date_format_iso(&q->first, first));
		store_bind_text(s, 5, date_valid(&q->last) ? date_format_iso(&q->last, last) : "~");
	} else {
		sqlite3_bind_text(s, 4, "", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, "~", -1, SQLITE_STATIC);
	}
	if (idx == group)
		sqlite3_bind_int64(s, 10, q->group_id);
	else if (idx == mine) {
		sqlite3_bind_int64(s, 10, who->person_id);
		store_bind_text(s, 11, date_format_iso(&today, today_iso));
	}
	return s;
}

int
store_budget_page(struct store *st, const struct actor *who, const struct budget_query *q,
    const struct budget_anchor *anchor, bool inclusive, bool forward, int limit,
    store_budget_cb cb, void *arg, char **error)
{
	sqlite3_stmt *s;
	int denied, ret, d = forward ? 0 : 1;

	s = budget_query_stmt(st, who, q, BUDGET_PAGE_ALL_OLDER + d, BUDGET_PAGE_GROUP_OLDER + d,
	    BUDGET_PAGE_MINE_OLDER + d, &denied, error);
	if (s == NULL)
		return denied ? STORE_DENIED : STORE_ERROR;
	if (anchor != NULL && anchor->requested_on != NULL) {
		sqlite3_bind_text(s, 6, anchor->requested_on, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 7, anchor->id);
		sqlite3_bind_int(s, 8, inclusive ? 1 : 0);
	} else {
		sqlite3_bind_text(s, 6, forward ? "~" : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 7, 0);
		sqlite3_bind_int(s, 8, 0);
	}
	sqlite3_bind_int(s, 9, limit > 0 ? limit : -1);
	ret = budget_rows(st, s, cb, arg, error);
	return ret < 0 ? ret : 0;
}

/* Hands the one row on when who may read it. */
struct budget_get_ctx {
	struct store *st;
	const struct actor *who;
	store_budget_cb cb;
	void *arg;
	bool delivered;
};

static int
budget_get_row(const struct budget_row *r, void *arg)
{
	struct budget_get_ctx *g = arg;

	if (!g->who->coordinator && r->requested_by != g->who->person_id &&
	    !store_budget_may_read(g->st, g->who, r->group_id))
		return 1;
	g->delivered = true;
	return g->cb(r, g->arg);
}

int
store_budget_get(struct store *st, const struct actor *who, int64_t id, store_budget_cb cb,
    void *arg, char **error)
{
	struct budget_get_ctx g = { st, who, cb, arg, false };
	sqlite3_stmt *s;
	int ret;

	if (who == NULL || (actor_is_visitor(who) && !who->coordinator))
		return 0;
	if ((s = store_stmt(st, &store_budget_table, BUDGET_Q_GET, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, id);
	ret = budget_rows(st, s, budget_get_row, &g, error);
	if (ret < 0)
		return ret;
	return g.delivered ? 1 : 0;
}

int
store_budget_totals(struct store *st, const struct actor *who, const struct budget_query *q,
    struct budget_totals *out, char **error)
{
	struct budget_query all;
	sqlite3_stmt *s;
	const char *status;
	int denied, rc, n;
	int64_t cents;

	memset(out, 0, sizeof *out);
	memset(&all, 0, sizeof all);
	if (q != NULL)
		all = *q;
	all.status = NULL;
	s = budget_query_stmt(st, who, &all, BUDGET_TOTALS_ALL, BUDGET_TOTALS_GROUP,
	    BUDGET_TOTALS_MINE, &denied, error);
	if (s == NULL)
		return denied ? STORE_DENIED : STORE_ERROR;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		status = (const char *)sqlite3_column_text(s, 0);
		n = sqlite3_column_int(s, 1);
		cents = sqlite3_column_int64(s, 2);
		if (status == NULL)
			continue;
		if (strcmp(status, "open") == 0) {
			out->open = n;
			out->open_cents = cents;
		} else if (strcmp(status, "approved") == 0) {
			out->approved = n;
			out->approved_cents = cents;
		} else if (strcmp(status, "declined") == 0) {
			out->declined = n;
			out->declined_cents = cents;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("adding up budget requests"), error);
	return 0;
}

/*
 * store_updates.c — a group's updates (its news) and its followers (#9).
 *
 * Posts live in update_post and read marks in update_read; a follower is a
 * membership row of role follower, a dated interval like any other, so
 * unfollowing ends it (yesterday) instead of deleting history. Lists walk
 * update_post_group (group_id, posted_at) from an anchor, newest first; the
 * recent updates of someone's groups start from their memberships of today
 * (membership_person), so nothing here reads a table whole.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	UPD_Q_GROUP,
	UPD_Q_RELATION,
	UPD_Q_UNREAD_GROUP,
	UPD_Q_UNREAD_MINE,
	UPD_GROUP_OLDER,
	UPD_GROUP_NEWER,
	UPD_MINE_OLDER,
	UPD_MINE_NEWER,
	UPD_GROUP_SINCE,
	UPD_MINE_SINCE,
	UPD_Q_POST,
	UPD_GET,
	UPD_INSERT,
	UPD_READ,
	UPD_EDIT,
	UPD_DELETE,
	UPD_Q_PERSON,
	UPD_Q_ROSTER_AHEAD,
	UPD_Q_FOLLOWING,
	UPD_FOLLOW,
	UPD_UNFOLLOW_END,
	UPD_UNFOLLOW_DELETE,
	UPD_SUMMARY,
	UPD_SETTINGS,
	UPDATES__COUNT
};

/*
 * The columns of a row; UNREAD_SINCE is the day from which an unread post
 * counts as news. Parameters of the lists: ?1 anchor posted_at, ?2 anchor
 * id, ?3 1 = take the anchor too, ?4 the reader, ?5 since (a group) or
 * today (mine), ?6 the group, ?7 limit, ?8 1 when the reader is a
 * coordinator, ?9 today. The may-change column is upd_may_change's rule: a
 * coordinator, a lead of the group today, or the author while still a
 * lead, member or expert of it today.
 */
#define UPD_COLUMNS(UNREAD_SINCE) \
	"u.id AS id, u.group_id, g.name AS gname, u.author_id, p.name, u.posted_at AS posted_at, " \
	"u.title, u.body, u.version, (u.posted_at >= " UNREAD_SINCE " AND NOT EXISTS " \
	"(SELECT 1 FROM update_read r WHERE r.person_id = ?4 AND r.post_id = u.id)), " \
	"(?8 OR EXISTS (SELECT 1 FROM membership m WHERE m.group_id = u.group_id " \
	"AND m.person_id = ?4 AND m.start_on <= ?9 AND (m.end_on IS NULL OR m.end_on >= ?9) " \
	"AND (m.role = 'lead' OR (m.role <> 'follower' AND u.author_id = ?4)))), " \
	"g.status = 'closed' "
#define UPD_FROM_GROUP \
	"FROM update_post u JOIN grp g ON g.id = u.group_id " \
	"LEFT JOIN person p ON p.id = u.author_id WHERE u.group_id = ?6 "
/* the groups the reader is in today (any role), with the day they joined */
#define UPD_MY_GROUPS \
	"(SELECT group_id, min(start_on) AS since FROM membership WHERE person_id = ?4 " \
	"AND start_on <= ?5 AND (end_on IS NULL OR end_on >= ?5) GROUP BY group_id) ms "
#define UPD_FROM_MINE \
	"FROM " UPD_MY_GROUPS "JOIN update_post u ON u.group_id = ms.group_id " \
	"JOIN grp g ON g.id = u.group_id LEFT JOIN person p ON p.id = u.author_id WHERE 1 "
#define UPD_OLDER "AND u.posted_at <= ?1 AND (u.posted_at < ?1 OR u.id < ?2 + ?3) " \
	"ORDER BY u.posted_at DESC, u.id DESC LIMIT ?7"
#define UPD_NEWER(SELECT) "SELECT * FROM (" SELECT \
	"AND u.posted_at >= ?1 AND (u.posted_at > ?1 OR u.id > ?2 - ?3) " \
	"ORDER BY u.posted_at, u.id LIMIT ?7) ORDER BY posted_at DESC, id DESC"
#define UPD_SELECT_GROUP "SELECT " UPD_COLUMNS("?5") UPD_FROM_GROUP
#define UPD_SELECT_MINE "SELECT " UPD_COLUMNS("ms.since") UPD_FROM_MINE

static const char *const updates_sql[UPDATES__COUNT + 1] = {
	[UPD_Q_GROUP] =
	    "SELECT status, members_may_post, open_to_followers, version, name FROM grp "
	    "WHERE id = ?1",
	/* who's rows of today: lead, member (not follower), follower, since when */
	[UPD_Q_RELATION] =
	    "SELECT max(role = 'lead'), max(role <> 'follower'), max(role = 'follower'), "
	    "min(start_on) FROM membership WHERE group_id = ?1 AND person_id = ?2 "
	    "AND start_on <= ?3 AND (end_on IS NULL OR end_on >= ?3)",
	[UPD_Q_UNREAD_GROUP] =
	    "SELECT count(*) FROM update_post u WHERE u.group_id = ?1 AND u.posted_at >= ?2 "
	    "AND NOT EXISTS (SELECT 1 FROM update_read r WHERE r.person_id = ?4 "
	    "AND r.post_id = u.id)",
	[UPD_Q_UNREAD_MINE] =
	    "SELECT count(*) FROM " UPD_MY_GROUPS
	    "JOIN update_post u ON u.group_id = ms.group_id AND u.posted_at >= ms.since "
	    "WHERE NOT EXISTS (SELECT 1 FROM update_read r WHERE r.person_id = ?4 "
	    "AND r.post_id = u.id)",
	[UPD_GROUP_OLDER] = UPD_SELECT_GROUP UPD_OLDER,
	[UPD_GROUP_NEWER] = UPD_NEWER(UPD_SELECT_GROUP),
	[UPD_MINE_OLDER] = UPD_SELECT_MINE UPD_OLDER,
	[UPD_MINE_NEWER] = UPD_NEWER(UPD_SELECT_MINE),
	[UPD_GROUP_SINCE] = UPD_SELECT_GROUP "AND u.posted_at >= ?1 ORDER BY u.posted_at, u.id",
	[UPD_MINE_SINCE] = UPD_SELECT_MINE
	    "AND u.posted_at >= ?1 ORDER BY g.name COLLATE NOCASE, g.id, u.posted_at, u.id",
	[UPD_Q_POST] =
	    "SELECT group_id, author_id, title FROM update_post WHERE id = ?1",
	[UPD_GET] = UPD_SELECT_GROUP "AND u.id = ?1",
	[UPD_INSERT] =
	    "INSERT INTO update_post (group_id, author_id, posted_at, title, body) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)",
	[UPD_READ] = "INSERT OR IGNORE INTO update_read (post_id, person_id) VALUES (?1, ?2)",
	[UPD_EDIT] =
	    "UPDATE update_post SET title = ?3, body = ?4, version = version + 1 "
	    "WHERE id = ?1 AND version = ?2",
	[UPD_DELETE] = "DELETE FROM update_post WHERE id = ?1 AND version = ?2",
	[UPD_Q_PERSON] = "SELECT active, erased FROM person WHERE id = ?1",
	/* who's rows in the group of today or later (the first one) */
	[UPD_Q_ROSTER_AHEAD] =
	    "SELECT role, start_on FROM membership WHERE group_id = ?1 AND person_id = ?2 "
	    "AND (end_on IS NULL OR end_on >= ?3) ORDER BY start_on LIMIT 1",
	[UPD_Q_FOLLOWING] =
	    "SELECT id, start_on FROM membership WHERE group_id = ?1 AND person_id = ?2 "
	    "AND role = 'follower' AND start_on <= ?3 AND (end_on IS NULL OR end_on >= ?3) "
	    "ORDER BY start_on DESC LIMIT 1",
	[UPD_FOLLOW] =
	    "INSERT INTO membership (group_id, person_id, role, start_on) "
	    "VALUES (?1, ?2, 'follower', ?3)",
	[UPD_UNFOLLOW_END] =
	    "UPDATE membership SET end_on = ?2 WHERE id = ?1 AND role = 'follower' "
	    "AND start_on <= ?2 AND (end_on IS NULL OR end_on > ?2)",
	[UPD_UNFOLLOW_DELETE] =
	    "DELETE FROM membership WHERE id = ?1 AND role = 'follower' AND start_on = ?2",
	/* audit summaries: "Ann → Group (follower)" */
	[UPD_SUMMARY] =
	    "SELECT p.name || ' → ' || g.name || ' (follower)' FROM person p, grp g "
	    "WHERE p.id = ?1 AND g.id = ?2",
	[UPD_SETTINGS] =
	    "UPDATE grp SET members_may_post = ?3, open_to_followers = ?4, "
	    "version = version + 1 WHERE id = ?1 AND version = ?2",
	NULL
};

const struct store_sql_table store_updates_table = {
	STORE_MOD_UPDATES, updates_sql, UPDATES__COUNT
};

/* What a standing needs beyond the header's struct: the day the reader joined. */
struct upd_rel {
	struct update_standing s;
	char since[DATE_ISO_LEN];	/* "~" when not in the group today (nothing is news) */
	char *name;			/* the group's name, owned */
};

/* Read the group's settings and who's relation to it today. 1, 0 absent, -1. */
static int
upd_relation(struct store *st, const struct actor *who, int64_t group_id, struct upd_rel *r,
    char **error)
{
	struct date today = date_today();
	sqlite3_stmt *s;
	int rc;

	memset(r, 0, sizeof *r);
	snprintf(r->since, sizeof r->since, "~");
	if ((s = store_stmt(st, &store_updates_table, UPD_Q_GROUP, error)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, group_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		r->s.closed = strcmp((const char *)sqlite3_column_text(s, 0), "closed") == 0;
		r->s.members_may_post = sqlite3_column_int(s, 1) != 0;
		r->s.open_to_followers = sqlite3_column_int(s, 2) != 0;
		r->s.group_version = sqlite3_column_int(s, 3);
		r->name = store_column_dup(s, 4);
	}
	store_done(s);
	if (rc == SQLITE_DONE) {
		store_refuse(error, STORE_NOT_FOUND, "%s", _("That group no longer exists."));
		return 0;
	}
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, _("reading a group"), error);
	if (!actor_is_visitor(who)) {
		if ((s = store_stmt(st, &store_updates_table, UPD_Q_RELATION, error)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, group_id);
		sqlite3_bind_int64(s, 2, who->person_id);
		store_bind_date(s, 3, &today);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW &&
		    sqlite3_column_type(s, 3) != SQLITE_NULL) {
			r->s.lead = sqlite3_column_int(s, 0) == 1;
			r->s.member = sqlite3_column_int(s, 1) == 1;
			r->s.follower = !r->s.member && sqlite3_column_int(s, 2) == 1;
			snprintf(r->since, sizeof r->since, "%s",
			    (const char *)sqlite3_column_text(s, 3));
		}
		store_done(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_fail(st, rc, _("reading a roster"), error);
	}
	r->s.may_read = !actor_is_visitor(who) &&
	    (who->coordinator || r->s.lead || r->s.member || r->s.follower);
	r->s.may_settle = access_allows(who, ACCESS_GROUP_EDIT,
	    &(struct access_ctx){ .is_lead = r->s.lead });
	r->s.may_post = !r->s.closed && access_allows(who, ACCESS_UPDATE_POST,
	    &(struct access_ctx){ .is_lead = r->s.lead,
	    .was_member = r->s.member && r->s.members_may_post });
	r->s.may_follow = !actor_is_visitor(who) && !r->s.closed && r->s.open_to_followers &&
	    !r->s.member && !r->s.follower;
	return 1;
}

/* STORE_DENIED: who may not read the group's updates, and what they can do about it. */
static int
upd_refuse_read(const struct upd_rel *r, char **error)
{
	if (!r->s.closed && r->s.open_to_followers)
		return store_refuse(error, STORE_DENIED, "%s",
		    _("Only the group's members and followers read its updates. You can follow "
		    "the group (W on its page)."));
	return store_refuse(error, STORE_DENIED, "%s",
	    _("Only the group's members read its updates; this group takes no followers."));
}

/* Relation for a read: 0 may read, else a negative store_result with *error. */
static int
upd_may_read(struct store *st, const struct actor *who, int64_t group_id, struct upd_rel *r,
    char **error)
{
	int ret = upd_relation(st, who, group_id, r, error);

	if (ret <= 0)
		return ret < 0 ? STORE_ERROR : STORE_NOT_FOUND;
	if (!r->s.may_read)
		return upd_refuse_read(r, error);
	return 0;
}

static void
upd_rel_clear(struct upd_rel *r)
{
	free(r->name);
	r->name = NULL;
}

/* One int from a bound single-row statement; 0 or -1. */
static int
upd_count(struct store *st, sqlite3_stmt *s, int *count, char **error)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int(s, 0);
	store_done(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, _("reading updates"), error);
	return 0;
}

/* Unread updates of one group for a reader whose membership began on since. */
static int
upd_unread_group(struct store *st, const struct actor *who, int64_t group_id, const char *since,
    int *count, char **error)
{
	sqlite3_stmt *s;

	*count = 0;
	if (actor_is_visitor(who) || strcmp(since, "~") == 0)
		return 0;
	if ((s = store_stmt(st, &store_updates_table, UPD_Q_UNREAD_GROUP, error)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, group_id);
	store_bind_text(s, 2, since);
	sqlite3_bind_int64(s, 4, who->person_id);
	return upd_count(st, s, count, error);
}

int
store_update_standing(struct store *st, const struct actor *who, int64_t group_id,
    struct update_standing *out, char **error)
{
	struct upd_rel r;
	int ret = upd_relation(st, who, group_id, &r, error);

	memset(out, 0, sizeof *out);
	if (ret <= 0) {
		upd_rel_clear(&r);
		return ret;
	}
	if (r.s.may_read && upd_unread_group(st, who, group_id, r.since, &r.s.unread, error) != 0)
		ret = -1;
	*out = r.s;
	upd_rel_clear(&r);
	return ret;
}

int
store_updates_unread(struct store *st, const struct actor *who, int64_t group_id, int *count,
    char **error)
{
	struct date today = date_today();
	struct upd_rel r;
	sqlite3_stmt *s;
	int ret;

	*count = 0;
	if (actor_is_visitor(who))
		return 0;
	if (group_id != 0) {
		if ((ret = upd_may_read(st, who, group_id, &r, error)) == 0)
			ret = upd_unread_group(st, who, group_id, r.since, count, error);
		upd_rel_clear(&r);
		return ret;
	}
	if ((s = store_stmt(st, &store_updates_table, UPD_Q_UNREAD_MINE, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 4, who->person_id);
	store_bind_date(s, 5, &today);
	return upd_count(st, s, count, error);
}

/* Step rows of an update list into cb. */
static int
upd_rows(struct store *st, sqlite3_stmt *s, store_update_cb cb, void *arg, char **error)
{
	struct update_row r;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		r.group_id = sqlite3_column_int64(s, 1);
		r.group_name = (const char *)sqlite3_column_text(s, 2);
		r.author_id = sqlite3_column_int64(s, 3);
		r.author = (const char *)sqlite3_column_text(s, 4);
		r.posted_at = (const char *)sqlite3_column_text(s, 5);
		r.title = (const char *)sqlite3_column_text(s, 6);
		r.body = (const char *)sqlite3_column_text(s, 7);
		if (r.body == NULL)
			r.body = "";
		r.version = sqlite3_column_int(s, 8);
		r.unread = sqlite3_column_int(s, 9) != 0;
		r.may_change = sqlite3_column_int(s, 10) != 0;
		r.group_closed = sqlite3_column_int(s, 11) != 0;
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading updates"), error);
	return 0;
}

/* Bind what the may-change column of a list needs: ?8 coordinator, ?9 today. */
static void
upd_bind_changer(sqlite3_stmt *s, const struct actor *who, const struct date *today)
{
	sqlite3_bind_int(s, 8, who->coordinator && !actor_is_visitor(who) ? 1 : 0);
	store_bind_date(s, 9, today);
}

/*
 * The statement of a list of group_id (0: mine) with the reader, the group
 * and since (or today) bound; NULL with *error and *ret set.
 */
static sqlite3_stmt *
upd_list_stmt(struct store *st, const struct actor *who, int64_t group_id, int group_idx,
    int mine_idx, int *ret, char **error)
{
	struct date today = date_today();
	struct upd_rel r;
	sqlite3_stmt *s;

	*ret = STORE_ERROR;
	if (actor_is_visitor(who)) {
		*ret = store_refuse(error, STORE_DENIED, "%s",
		    _("Only people known in the network read updates."));
		return NULL;
	}
	if (group_id == 0) {
		if ((s = store_stmt(st, &store_updates_table, mine_idx, error)) == NULL)
			return NULL;
		sqlite3_bind_int64(s, 4, who->person_id);
		store_bind_date(s, 5, &today);
		upd_bind_changer(s, who, &today);
		return s;
	}
	if ((*ret = upd_may_read(st, who, group_id, &r, error)) != 0) {
		upd_rel_clear(&r);
		return NULL;
	}
	*ret = STORE_ERROR;
	if ((s = store_stmt(st, &store_updates_table, group_idx, error)) != NULL) {
		sqlite3_bind_int64(s, 4, who->person_id);
		store_bind_text(s, 5, r.since);
		sqlite3_bind_int64(s, 6, group_id);
		upd_bind_changer(s, who, &today);
	}
	upd_rel_clear(&r);
	return s;
}

int
store_updates_page(struct store *st, const struct actor *who, int64_t group_id,
    const struct update_anchor *anchor, bool inclusive, bool forward, int limit,
    store_update_cb cb, void *arg, char **error)
{
	sqlite3_stmt *s;
	int ret;

	s = upd_list_stmt(st, who, group_id, forward ? UPD_GROUP_OLDER : UPD_GROUP_NEWER,
	    forward ? UPD_MINE_OLDER : UPD_MINE_NEWER, &ret, error);
	if (s == NULL)
		return ret;
	if (anchor != NULL && anchor->posted_at != NULL) {
		sqlite3_bind_text(s, 1, anchor->posted_at, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 2, anchor->id);
		sqlite3_bind_int(s, 3, inclusive ? 1 : 0);
	} else {
		/* '~' sorts after every moment, '' before */
		sqlite3_bind_text(s, 1, forward ? "~" : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, 0);
		sqlite3_bind_int(s, 3, 0);
	}
	sqlite3_bind_int(s, 7, limit);
	return upd_rows(st, s, cb, arg, error);
}

int
store_updates_since(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *since, store_update_cb cb, void *arg, char **error)
{
	sqlite3_stmt *s;
	int ret;

	if (!date_valid(since))
		return store_refuse(error, STORE_INVALID, "%s", _("The date is not valid."));
	s = upd_list_stmt(st, who, group_id, UPD_GROUP_SINCE, UPD_MINE_SINCE, &ret, error);
	if (s == NULL)
		return ret;
	store_bind_date(s, 1, since);
	return upd_rows(st, s, cb, arg, error);
}

/* The group, author and title of a post: 1, 0 gone (error set), -1. */
static int
upd_post(struct store *st, int64_t id, int64_t *group_id, int64_t *author_id, char **title,
    char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_updates_table, UPD_Q_POST, error);
	int rc, ret = 1;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*group_id = sqlite3_column_int64(s, 0);
		*author_id = sqlite3_column_int64(s, 1);
		if (title != NULL)
			*title = store_column_dup(s, 2);
	} else if (rc == SQLITE_DONE) {
		store_refuse(error, STORE_NOT_FOUND, "%s",
		    _("That update no longer exists (perhaps it was just deleted)."));
		ret = 0;
	} else {
		ret = store_fail(st, rc, _("reading updates"), error);
	}
	store_done(s);
	return ret;
}

int
store_update_get(struct store *st, const struct actor *who, int64_t id, store_update_cb cb,
    void *arg, char **error)
{
	int64_t group_id, author_id;
	sqlite3_stmt *s;
	int ret;

	if ((ret = upd_post(st, id, &group_id, &author_id, NULL, error)) <= 0)
		return ret < 0 ? STORE_ERROR : STORE_NOT_FOUND;
	s = upd_list_stmt(st, who, group_id, UPD_GET, UPD_GET, &ret, error);
	if (s == NULL)
		return ret;
	sqlite3_bind_int64(s, 1, id);
	return upd_rows(st, s, cb, arg, error);
}

/* Title and body as typed: 0, or STORE_INVALID naming the field. */
static int
upd_check_text(const char *title, const char *body, char **error)
{
	const char *why;

	if ((why = validate_line(title, true, UPDATE_TITLE_MAX)) != NULL)
		return store_refuse_field(error, _("title"), why, UPDATE_TITLE_MAX);
	if ((why = validate_text(body, false, UPDATE_TEXT_MAX)) != NULL)
		return store_refuse_field(error, _("text"), why, UPDATE_TEXT_MAX);
	return 0;
}

/* Insert a post (in the caller's transaction) and mark it read for its author. */
static int
upd_insert(struct store *st, const struct actor *who, int64_t group_id, int64_t author_id,
    const char *posted_at, const char *title, const char *body, int64_t *id, char **error)
{
	sqlite3_stmt *s;
	int64_t newid;

	if ((s = store_stmt(st, &store_updates_table, UPD_INSERT, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, group_id);
	store_bind_id(s, 2, author_id);
	store_bind_text(s, 3, posted_at);
	store_bind_text(s, 4, title);
	sqlite3_bind_text(s, 5, body != NULL ? body : "", -1, SQLITE_TRANSIENT);
	/* the title only: the audit log never holds the text */
	if (store_insert_audited(st, who, s, "update_post", title, &newid, error) != 0)
		return STORE_ERROR;
	if (author_id != 0) {
		if ((s = store_stmt(st, &store_updates_table, UPD_READ, error)) == NULL)
			return STORE_ERROR;
		sqlite3_bind_int64(s, 1, newid);
		sqlite3_bind_int64(s, 2, author_id);
		if (store_exec_stmt(st, s, _("saving an update"), error) != 0)
			return STORE_ERROR;
	}
	if (id != NULL)
		*id = newid;
	return 0;
}

/* The refusal for an author who is no longer in the group. */
#define UPD_FORMER_AUTHOR N_("You wrote this update, but you are no longer in the group: only " \
	"a lead of the group or a coordinator can change it now.")

/* Commit, or roll back when ret says the work failed; returns the result. */
static int
upd_finish(struct store *st, int ret, char **error)
{
	if (ret != 0) {
		store_rollback(st);
		return ret < 0 ? ret : STORE_ERROR;
	}
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
}

int
store_update_post(struct store *st, const struct actor *who, int64_t group_id,
    const char *title, const char *body, int64_t *id, char **error)
{
	struct date today = date_today();
	char at[DATETIME_ISO_LEN];
	struct upd_rel r;
	int ret;

	if ((ret = upd_check_text(title, body, error)) != 0)
		return ret;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	ret = upd_relation(st, who, group_id, &r, error);
	if (ret <= 0)
		ret = ret < 0 ? STORE_ERROR : STORE_NOT_FOUND;
	else if (r.s.closed)
		ret = store_refuse(error, STORE_INVALID, "%s",
		    _("The group is closed; no updates can be posted any more."));
	else if (!r.s.may_post)
		ret = store_refuse(error, STORE_DENIED, "%s",
		    r.s.member && !r.s.lead && !r.s.members_may_post ?
		    _("In this group only its leads post updates.") :
		    _(access_reason(ACCESS_UPDATE_POST)));
	else
		ret = upd_insert(st, who, group_id, who->person_id,
		    datetime_format_iso(&today, date_now_minutes(), at), title, body, id, error);
	upd_rel_clear(&r);
	return upd_finish(st, ret, error);
}

int
store_update_insert_as(struct store *st, const struct actor *who, int64_t group_id,
    int64_t author_id, const char *posted_at, const char *title, const char *body,
    int64_t *id, char **error)
{
	struct date day;
	int minutes, ret;

	if (!access_allows(who, ACCESS_GROUP_FORM, NULL))
		return store_refuse(error, STORE_DENIED, "%s",
		    _("Only a coordinator can load updates written earlier."));
	if (posted_at == NULL || datetime_parse_iso(posted_at, &day, &minutes) != 0)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("The moment of posting is not valid."));
	if ((ret = upd_check_text(title, body, error)) != 0)
		return ret;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	ret = upd_insert(st, who, group_id, author_id, posted_at, title, body, id, error);
	return upd_finish(st, ret, error);
}

/*
 * May who change (edit, delete) post id: a coordinator, a lead of its group
 * today, or its author while still a lead, member or expert of the group
 * today (the rule of the may-change column of the lists); and, for an
 * edit, not in a closed group. Run inside the writing transaction. Reads
 * the title into *title (owned) for the audit. 0 or a store_result.
 */
static int
upd_may_change(struct store *st, const struct actor *who, int64_t id, bool edit, char **title,
    char **error)
{
	int64_t group_id, author_id;
	struct upd_rel r;
	bool author;
	int ret;

	*title = NULL;
	if ((ret = upd_post(st, id, &group_id, &author_id, title, error)) <= 0)
		return ret < 0 ? STORE_ERROR : STORE_NOT_FOUND;
	if ((ret = upd_relation(st, who, group_id, &r, error)) <= 0) {
		upd_rel_clear(&r);
		return ret < 0 ? STORE_ERROR : STORE_NOT_FOUND;
	}
	ret = 0;
	author = !actor_is_visitor(who) && author_id != 0 && author_id == who->person_id;
	if (actor_is_visitor(who) || !(who->coordinator || r.s.lead || (author && r.s.member)))
		ret = store_refuse(error, STORE_DENIED, "%s", author ? _(UPD_FORMER_AUTHOR) :
		    _("Only its author, a lead of the group or a coordinator can change an update."));
	else if (edit && r.s.closed)
		ret = store_refuse(error, STORE_INVALID, "%s",
		    _("The group is closed; its updates can no longer change."));
	upd_rel_clear(&r);
	return ret;
}

#define UPD_CONFLICT N_("Someone else changed or deleted this update meanwhile; it was " \
	"reloaded. Make your change again.")

/*
 * Edit (title not NULL) or delete post id at version as who: the check and
 * the write in one transaction, so a role ended meanwhile cannot slip through.
 */
static int
upd_change(struct store *st, const struct actor *who, int64_t id, int version,
    const char *title, const char *body, char **error)
{
	sqlite3_stmt *s;
	char *old = NULL;
	int ret;

	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = upd_may_change(st, who, id, title != NULL, &old, error)) != 0) {
		ret = ret == STORE_NOT_FOUND ? STORE_CONFLICT : ret;
	} else if ((s = store_stmt(st, &store_updates_table, title != NULL ? UPD_EDIT : UPD_DELETE,
	    error)) == NULL) {
		ret = STORE_ERROR;
	} else {
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, version);
		if (title != NULL) {
			store_bind_text(s, 3, title);
			sqlite3_bind_text(s, 4, body != NULL ? body : "", -1, SQLITE_TRANSIENT);
		}
		/* nested: a conflict rolls the whole change back */
		ret = store_update_versioned(st, who, s, "update_post", id,
		    title != NULL ? "update" : "delete", title != NULL ? title : old,
		    _(UPD_CONFLICT), error);
	}
	free(old);
	return upd_finish(st, ret, error);
}

int
store_update_edit(struct store *st, const struct actor *who, int64_t id, int version,
    const char *title, const char *body, char **error)
{
	int ret;

	if ((ret = upd_check_text(title, body, error)) != 0)
		return ret;
	return upd_change(st, who, id, version, title, body, error);
}

int
store_update_delete(struct store *st, const struct actor *who, int64_t id, int version,
    char **error)
{
	return upd_change(st, who, id, version, NULL, NULL, error);
}

int
store_update_mark_read(struct store *st, const struct actor *who, int64_t id, char **error)
{
	int64_t group_id, author_id;
	struct upd_rel r;
	sqlite3_stmt *s;
	int ret;

	if (actor_is_visitor(who))
		return store_refuse(error, STORE_DENIED, "%s",
		    _("Only people known in the network read updates."));
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = upd_post(st, id, &group_id, &author_id, NULL, error)) <= 0)
		return upd_finish(st, ret < 0 ? STORE_ERROR : STORE_NOT_FOUND, error);
	ret = upd_may_read(st, who, group_id, &r, error);
	upd_rel_clear(&r);
	if (ret == 0) {
		/* a read mark is the reader's own bookkeeping, not a change to audit */
		if ((s = store_stmt(st, &store_updates_table, UPD_READ, error)) == NULL)
			ret = STORE_ERROR;
		else {
			sqlite3_bind_int64(s, 1, id);
			sqlite3_bind_int64(s, 2, who->person_id);
			ret = store_exec_stmt(st, s, _("saving a read mark"), error);
		}
	}
	return upd_finish(st, ret, error);
}

/* ---- followers ---- */

/* The audit summary "NAME → GROUP (follower)", allocated or NULL. */
static char *
upd_follow_summary(struct store *st, int64_t person_id, int64_t group_id)
{
	sqlite3_stmt *s = store_stmt(st, &store_updates_table, UPD_SUMMARY, NULL);

	if (s == NULL)
		return NULL;
	sqlite3_bind_int64(s, 1, person_id);
	sqlite3_bind_int64(s, 2, group_id);
	return store_summary(s);
}

/* Is who an active person who may follow? 0 or a store_result. */
static int
upd_person_ok(struct store *st, const struct actor *who, char **error)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if (!access_allows(who, ACCESS_GROUP_FOLLOW, NULL) || actor_is_visitor(who))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_GROUP_FOLLOW)));
	if ((s = store_stmt(st, &store_updates_table, UPD_Q_PERSON, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, who->person_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && (sqlite3_column_int(s, 0) == 0 || sqlite3_column_int(s, 1) != 0))
		ret = store_refuse(error, STORE_DENIED, "%s",
		    _("A deactivated person cannot follow a group."));
	else if (rc == SQLITE_DONE)
		ret = store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_GROUP_FOLLOW)));
	else if (rc != SQLITE_ROW)
		ret = store_fail(st, rc, _("reading a person"), error);
	store_done(s);
	return ret;
}

/* Refuse a follow when who is on the roster today or later; 0 when not. */
static int
upd_roster_ahead(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *today, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_updates_table, UPD_Q_ROSTER_AHEAD, error);
	char iso[DATE_ISO_LEN];
	struct date from;
	int rc, ret = 0;

	if (s == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, group_id);
	sqlite3_bind_int64(s, 2, who->person_id);
	store_bind_date(s, 3, today);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		date_parse_iso((const char *)sqlite3_column_text(s, 1), &from);
		if (date_compare(&from, today) > 0)
			ret = store_refuse(error, STORE_INVALID,
			    _("You are on this group's roster from %s; you cannot follow it as "
			    "well."), date_format_nl(&from, iso));
		else if (strcmp((const char *)sqlite3_column_text(s, 0), "follower") == 0)
			ret = store_refuse(error, STORE_INVALID, "%s",
			    _("You already follow this group."));
		else
			ret = store_refuse(error, STORE_INVALID, "%s",
			    _("You are a member of this group: you read its updates anyway."));
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, _("reading a roster"), error);
	}
	store_done(s);
	return ret;
}

/* The group's rules for a new follower; 0 or a store_result. */
static int
upd_follow_allowed(struct store *st, const struct actor *who, int64_t group_id, char **error)
{
	struct upd_rel r;
	int ret = upd_relation(st, who, group_id, &r, error);

	upd_rel_clear(&r);
	if (ret <= 0)
		return ret < 0 ? STORE_ERROR : STORE_NOT_FOUND;
	if (r.s.closed)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("The group is closed; it can no longer be followed."));
	if (!r.s.open_to_followers && !r.s.member)
		return store_refuse(error, STORE_DENIED, "%s",
		    _("This group takes no followers; ask its lead if you want to join."));
	return 0;
}

int
store_group_follow(struct store *st, const struct actor *who, int64_t group_id, char **error)
{
	struct date today = date_today();
	sqlite3_stmt *s;
	char *summary;
	int ret;

	if ((ret = upd_person_ok(st, who, error)) != 0)
		return ret;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = upd_follow_allowed(st, who, group_id, error)) != 0 ||
	    (ret = upd_roster_ahead(st, who, group_id, &today, error)) != 0)
		return upd_finish(st, ret, error);
	summary = upd_follow_summary(st, who->person_id, group_id);
	if ((s = store_stmt(st, &store_updates_table, UPD_FOLLOW, error)) == NULL) {
		ret = STORE_ERROR;
	} else {
		sqlite3_bind_int64(s, 1, group_id);
		sqlite3_bind_int64(s, 2, who->person_id);
		store_bind_date(s, 3, &today);
		if (store_exec_stmt(st, s, _("following a group"), error) != 0 ||
		    store_audit(st, who, "follow", "membership", sqlite3_last_insert_rowid(st->db),
		    summary, error) != 0)
			ret = STORE_ERROR;
	}
	free(summary);
	return upd_finish(st, ret, error);
}

/* Who's follower row of today: 1 with its id and start, 0 none, -1. */
static int
upd_following(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *today, int64_t *id, char *start, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_updates_table, UPD_Q_FOLLOWING, error);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, group_id);
	sqlite3_bind_int64(s, 2, who->person_id);
	store_bind_date(s, 3, today);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		snprintf(start, DATE_ISO_LEN, "%s", (const char *)sqlite3_column_text(s, 1));
	}
	store_done(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(st, rc, _("reading a roster"), error);
}

int
store_group_unfollow(struct store *st, const struct actor *who, int64_t group_id, char **error)
{
	struct date today = date_today(), last = date_add_days(&today, -1);
	char start[DATE_ISO_LEN], today_iso[DATE_ISO_LEN], *summary = NULL;
	sqlite3_stmt *s;
	int64_t mid = 0;
	int ret;

	if (actor_is_visitor(who))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_GROUP_FOLLOW)));
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = upd_following(st, who, group_id, &today, &mid, start, error)) <= 0) {
		if (ret == 0)
			ret = store_refuse(error, STORE_INVALID, "%s",
			    _("You do not follow this group."));
		return upd_finish(st, ret, error);
	}
	ret = 0;
	date_format_iso(&today, today_iso);
	summary = upd_follow_summary(st, who->person_id, group_id);
	/* begun today: nothing to keep; else the interval ends yesterday */
	s = store_stmt(st, &store_updates_table,
	    strcmp(start, today_iso) == 0 ? UPD_UNFOLLOW_DELETE : UPD_UNFOLLOW_END, error);
	if (s == NULL) {
		ret = STORE_ERROR;
	} else {
		sqlite3_bind_int64(s, 1, mid);
		if (strcmp(start, today_iso) == 0)
			store_bind_text(s, 2, start);
		else
			store_bind_date(s, 2, &last);
		if (store_exec_stmt(st, s, _("unfollowing a group"), error) != 0)
			ret = STORE_ERROR;
		else if (sqlite3_changes(st->db) == 0)
			ret = store_refuse(error, STORE_CONFLICT, "%s",
			    _("Your following of this group changed meanwhile; look again."));
		else if (store_audit(st, who, "unfollow", "membership", mid, summary, error) != 0)
			ret = STORE_ERROR;
	}
	free(summary);
	return upd_finish(st, ret, error);
}

int
store_update_settings(struct store *st, const struct actor *who, int64_t group_id,
    int version, bool members_may_post, bool open_to_followers, char **error)
{
	struct upd_rel r;
	sqlite3_stmt *s;
	char *summary = NULL;
	int ret;

	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = upd_relation(st, who, group_id, &r, error)) <= 0)
		ret = ret < 0 ? STORE_ERROR : STORE_NOT_FOUND;
	else if (!r.s.may_settle)
		ret = store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_GROUP_EDIT)));
	else
		ret = 0;
	/* "PLG X: members post, open to followers" — settings, never content */
	if (ret == 0)
		summary = xasprintf("%s: %s, %s", r.name != NULL ? r.name : "?",
		    members_may_post ? "members post" : "leads post",
		    open_to_followers ? "followers" : "no followers");
	upd_rel_clear(&r);
	if (ret == 0 && (s = store_stmt(st, &store_updates_table, UPD_SETTINGS, error)) == NULL)
		ret = STORE_ERROR;
	else if (ret == 0) {
		sqlite3_bind_int64(s, 1, group_id);
		sqlite3_bind_int(s, 2, version);
		sqlite3_bind_int(s, 3, members_may_post ? 1 : 0);
		sqlite3_bind_int(s, 4, open_to_followers ? 1 : 0);
		ret = store_update_versioned(st, who, s, "group", group_id, "settings", summary,
		    _("Someone else changed this group meanwhile; it was reloaded. Make your "
		    "change again."), error);
	}
	free(summary);
	return upd_finish(st, ret, error);
}

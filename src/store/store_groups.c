/*
 * store_groups.c — themes, interest, groups and dated memberships.
 *
 * A membership is current on a date d when start_on <= d and (end_on IS
 * NULL or end_on >= d): the intervals decide every roster, past or present.
 */
#include "autoconf.h"

#include <stdlib.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	GROUPS_THEME_INSERT,
	GROUPS_INTEREST_INSERT,
	GROUPS_GROUP_INSERT,
	GROUPS_MEMBERSHIP_INSERT,
	GROUPS_ALL,
	GROUPS_OF,
	GROUPS__COUNT
};

#define GROUPS_MEMBER_COUNT \
	"(SELECT count(*) FROM membership m WHERE m.group_id = g.id " \
	"AND m.role <> 'follower' AND m.start_on <= ?1 " \
	"AND (m.end_on IS NULL OR m.end_on >= ?1))"

static const char *const groups_sql[GROUPS__COUNT] = {
	[GROUPS_THEME_INSERT] =
	    "INSERT INTO theme (title, description, proposer_id, proposed_on, group_type, "
	    "orientation, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[GROUPS_INTEREST_INSERT] =
	    "INSERT INTO interest (theme_id, person_id, registered_on, manager_agreed, remark) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)",
	[GROUPS_GROUP_INSERT] =
	    "INSERT INTO grp (name, type, theme_id, question, orientation, start_on, "
	    "planned_end_on, rhythm, hours_norm, status, proposal_ref) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[GROUPS_MEMBERSHIP_INSERT] =
	    "INSERT INTO membership (group_id, person_id, role, start_on, end_on) "
	    "VALUES (?1, ?2, ?3, ?4, ?5)",
	[GROUPS_ALL] =
	    "SELECT g.id, g.name, g.type, g.status, " GROUPS_MEMBER_COUNT " "
	    "FROM grp g ORDER BY g.name COLLATE NOCASE, g.id",
	[GROUPS_OF] =
	    "SELECT g.id, g.name, g.type, g.status, " GROUPS_MEMBER_COUNT " "
	    "FROM membership my JOIN grp g ON g.id = my.group_id "
	    "WHERE my.person_id = ?2 AND my.start_on <= ?1 "
	    "AND (my.end_on IS NULL OR my.end_on >= ?1) "
	    "GROUP BY g.id ORDER BY min(my.role = 'follower'), g.name COLLATE NOCASE, g.id",
};

static const struct store_sql_table groups_table = {
	STORE_MOD_GROUPS, groups_sql, GROUPS__COUNT
};

int
store_theme_insert(struct store *st, const struct actor *who, const struct theme_new *t,
    int64_t *id, char **error)
{
	sqlite3_stmt *s;

	if (store_writable(st, error) != 0)
		return -1;
	if ((s = store_stmt(st, &groups_table, GROUPS_THEME_INSERT, error)) == NULL)
		return -1;
	store_bind_text(s, 1, t->title);
	store_bind_text(s, 2, t->description);
	store_bind_id(s, 3, t->proposer_id);
	store_bind_date(s, 4, &t->proposed_on);
	store_bind_text(s, 5, t->group_type);
	store_bind_text(s, 6, t->orientation);
	store_bind_text(s, 7, t->status != NULL ? t->status : "proposed");
	return store_insert_audited(st, who, s, "theme", id, error);
}

int
store_interest_insert(struct store *st, const struct actor *who, int64_t theme_id,
    int64_t person_id, const struct date *on, bool manager_agreed, const char *remark,
    char **error)
{
	sqlite3_stmt *s;

	if (store_writable(st, error) != 0)
		return -1;
	if ((s = store_stmt(st, &groups_table, GROUPS_INTEREST_INSERT, error)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, theme_id);
	sqlite3_bind_int64(s, 2, person_id);
	store_bind_date(s, 3, on);
	sqlite3_bind_int(s, 4, manager_agreed ? 1 : 0);
	store_bind_text(s, 5, remark);
	return store_insert_audited(st, who, s, "interest", NULL, error);
}

int
store_group_insert(struct store *st, const struct actor *who, const struct group_new *g,
    int64_t *id, char **error)
{
	sqlite3_stmt *s;

	if (store_writable(st, error) != 0)
		return -1;
	if ((s = store_stmt(st, &groups_table, GROUPS_GROUP_INSERT, error)) == NULL)
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
	return store_insert_audited(st, who, s, "group", id, error);
}

int
store_membership_insert(struct store *st, const struct actor *who, int64_t group_id,
    int64_t person_id, const char *role, const struct date *start_on,
    const struct date *end_on, char **error)
{
	sqlite3_stmt *s;

	if (store_writable(st, error) != 0)
		return -1;
	if ((s = store_stmt(st, &groups_table, GROUPS_MEMBERSHIP_INSERT, error)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, group_id);
	sqlite3_bind_int64(s, 2, person_id);
	store_bind_text(s, 3, role);
	store_bind_date(s, 4, start_on);
	store_bind_date(s, 5, end_on);
	return store_insert_audited(st, who, s, "membership", NULL, error);
}

/* Step a group listing, handing each row to cb until it returns non-zero. */
static int
groups_list(struct store *st, sqlite3_stmt *s, store_group_cb cb, void *arg, char **error)
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
store_groups_each(struct store *st, const struct actor *who, const struct date *on,
    store_group_cb cb, void *arg, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &groups_table, GROUPS_ALL, error);

	(void)who;
	if (s == NULL)
		return -1;
	store_bind_date(s, 1, on);
	return groups_list(st, s, cb, arg, error);
}

int
store_groups_of(struct store *st, const struct actor *who, const struct date *on,
    store_group_cb cb, void *arg, char **error)
{
	sqlite3_stmt *s;

	if (actor_is_visitor(who))
		return 0;
	if ((s = store_stmt(st, &groups_table, GROUPS_OF, error)) == NULL)
		return -1;
	store_bind_date(s, 1, on);
	sqlite3_bind_int64(s, 2, who->person_id);
	return groups_list(st, s, cb, arg, error);
}

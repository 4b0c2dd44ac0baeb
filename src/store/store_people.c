/*
 * store_people.c — organisations and people.
 */
#include "autoconf.h"

#include <stdlib.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	PEOPLE_ORG_INSERT,
	PEOPLE_PERSON_INSERT,
	PEOPLE_BY_LOGIN,
	PEOPLE_LOOKUP,
	PEOPLE_ID_BY_LOGIN,
	PEOPLE__COUNT
};

static const char *const people_sql[PEOPLE__COUNT] = {
	[PEOPLE_ORG_INSERT] =
	    "INSERT INTO organisation (name, kind, parent_id, region) VALUES (?1, ?2, ?3, ?4)",
	[PEOPLE_PERSON_INSERT] =
	    "INSERT INTO person (name, email, organisation_id, function, login, coordinator) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[PEOPLE_BY_LOGIN] =
	    "SELECT id, name, coordinator FROM person "
	    "WHERE login = ?1 AND active = 1 AND erased = 0",
	[PEOPLE_ID_BY_LOGIN] = "SELECT id FROM person WHERE login = ?1",
	[PEOPLE_LOOKUP] =
	    "SELECT id, name FROM person WHERE (login = ?1 OR email = ?1) "
	    "AND active = 1 AND erased = 0",
};

const struct store_sql_table store_people_table = {
	STORE_MOD_PEOPLE, people_sql, PEOPLE__COUNT
};

static const char *const people_org_kinds[] = {
	[ORG_SCHOOL] = "school", [ORG_BOARD] = "board", [ORG_INSTITUTE] = "institute",
	[ORG_MUNICIPALITY] = "municipality", [ORG_OTHER] = "other",
};

int
store_org_insert(struct store *st, const struct actor *who, const struct org_new *o,
    int64_t *id, char **error)
{
	sqlite3_stmt *s;

	if (store_writable(st, error) != 0)
		return -1;
	s = store_stmt(st, &store_people_table, PEOPLE_ORG_INSERT, error);
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, o->name);
	sqlite3_bind_text(s, 2, people_org_kinds[o->kind], -1, SQLITE_STATIC);
	store_bind_id(s, 3, o->parent_id);
	store_bind_text(s, 4, o->region);
	return store_insert_audited(st, who, s, "organisation", o->name, id, error);
}

int
store_person_insert(struct store *st, const struct actor *who, const struct person_new *p,
    int64_t *id, char **error)
{
	sqlite3_stmt *s;

	if (store_writable(st, error) != 0)
		return -1;
	s = store_stmt(st, &store_people_table, PEOPLE_PERSON_INSERT, error);
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, p->name);
	store_bind_text(s, 2, p->email);
	store_bind_id(s, 3, p->organisation_id);
	store_bind_text(s, 4, p->function);
	store_bind_text(s, 5, p->login);
	sqlite3_bind_int(s, 6, p->coordinator ? 1 : 0);
	return store_insert_audited(st, who, s, "person", p->name, id, error);
}

int
store_actor_by_login(struct store *st, const char *login, struct actor **out, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_people_table, PEOPLE_BY_LOGIN, error);
	int rc, ret = 0;

	*out = NULL;
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, login);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = actor_new(sqlite3_column_int64(s, 0), login,
		    (const char *)sqlite3_column_text(s, 1), sqlite3_column_int(s, 2) != 0);
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, _("looking up who you are"), error);
	}
	store_done(s);
	return ret;
}

int
store_person_lookup(struct store *st, const char *login_or_email, int64_t *id, char **name,
    char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_people_table, PEOPLE_LOOKUP, error);
	int rc, ret = 0;

	*id = 0;
	*name = NULL;
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, login_or_email);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		*name = xstrdup((const char *)sqlite3_column_text(s, 1));
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, _("looking up a person"), error);
	}
	store_done(s);
	return ret;
}

int
store_person_id_by_login(struct store *st, const char *login, int64_t *id, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_people_table, PEOPLE_ID_BY_LOGIN, error);
	int rc, ret = 0;

	*id = 0;
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, login);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, _("looking up a person"), error);
	}
	store_done(s);
	return ret;
}

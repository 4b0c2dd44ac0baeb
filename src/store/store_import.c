/*
 * store_import.c — importing people, set by set.
 *
 * The rows go into a temporary table first; then a handful of statements
 * match them by email, add the organisations that are missing, update the
 * people whose data changed, add the new ones and write the audit log, all
 * in one IMMEDIATE transaction. Row by row the same import of 200 000
 * people took about 20 s; this way it is a few seconds (make bench).
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/i18n.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	IMPORT_TABLE,
	IMPORT_CLEAR,
	IMPORT_ROW,
	IMPORT_MATCH,
	IMPORT_LOGIN_TWICE,
	IMPORT_LOGIN_TAKEN,
	IMPORT_MAX_ORG,
	IMPORT_ORGS_ADD,
	IMPORT_ORGS_AUDIT,
	IMPORT_ORG_IDS,
	IMPORT_CHANGED,
	IMPORT_UPDATE,
	IMPORT_UPDATE_AUDIT,
	IMPORT_COUNTS,
	IMPORT_MAX_PERSON,
	IMPORT_ADD,
	IMPORT_ADD_AUDIT,
	IMPORT_CACHE_BIG,
	IMPORT_CACHE_NORMAL,
	IMPORT_TEMP_MEMORY,
	IMPORT__COUNT
};

/* who and when, for the audit rows written by a statement */
#define IMPORT_CACHE_KIB "131072"
#define IMPORT_AUDIT_AT "strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')"

static const char *const import_sql[IMPORT__COUNT] = {
	[IMPORT_TABLE] =
	    "CREATE TEMP TABLE IF NOT EXISTS import_in (line INTEGER PRIMARY KEY, "
	    "name TEXT NOT NULL, email TEXT, organisation TEXT, function TEXT, login TEXT, "
	    "person_id INTEGER, org_id INTEGER, changed INTEGER NOT NULL DEFAULT 0)",
	[IMPORT_CLEAR] = "DELETE FROM temp.import_in",
	[IMPORT_ROW] =
	    "INSERT INTO temp.import_in (line, name, email, organisation, function, login) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	/* person.email compares ignoring case (its column's collation) */
	[IMPORT_MATCH] =
	    "UPDATE temp.import_in SET person_id = "
	    "(SELECT p.id FROM person p WHERE p.email = import_in.email) WHERE email IS NOT NULL",
	[IMPORT_LOGIN_TWICE] =
	    "SELECT max(line), login FROM temp.import_in WHERE login IS NOT NULL "
	    "GROUP BY login HAVING count(*) > 1 ORDER BY 1 LIMIT 1",
	[IMPORT_LOGIN_TAKEN] =
	    "SELECT i.line, i.login, p.name FROM temp.import_in i JOIN person p "
	    "ON p.login = i.login WHERE p.id IS NOT i.person_id ORDER BY i.line LIMIT 1",
	[IMPORT_MAX_ORG] = "SELECT coalesce(max(id), 0) FROM organisation",
	/* each missing name once, as its first row writes it (a bare column with min()) */
	[IMPORT_ORGS_ADD] =
	    "INSERT INTO organisation (name, kind) SELECT n, 'school' FROM "
	    "(SELECT organisation AS n, min(line) AS first FROM temp.import_in "
	    "WHERE organisation IS NOT NULL GROUP BY organisation COLLATE NOCASE) "
	    "WHERE NOT EXISTS (SELECT 1 FROM organisation o WHERE o.name = n COLLATE NOCASE) "
	    "ORDER BY first",
	[IMPORT_ORGS_AUDIT] =
	    "INSERT INTO audit (at, person_id, login, action, entity, entity_id, summary) "
	    "SELECT " IMPORT_AUDIT_AT ", ?2, ?3, 'insert', 'organisation', id, "
	    "substr(name, 1, 200) FROM organisation WHERE id > ?1 ORDER BY id",
	[IMPORT_ORG_IDS] =
	    "UPDATE temp.import_in SET org_id = (SELECT o.id FROM organisation o "
	    "WHERE o.name = import_in.organisation COLLATE NOCASE ORDER BY o.id LIMIT 1) "
	    "WHERE organisation IS NOT NULL",
	[IMPORT_CHANGED] =
	    "UPDATE temp.import_in SET changed = 1 WHERE person_id IS NOT NULL AND EXISTS "
	    "(SELECT 1 FROM person p WHERE p.id = import_in.person_id AND "
	    "(p.name IS NOT import_in.name "
	    "OR (import_in.org_id IS NOT NULL AND p.organisation_id IS NOT import_in.org_id) "
	    "OR (import_in.function IS NOT NULL AND p.function IS NOT import_in.function) "
	    "OR (import_in.login IS NOT NULL AND p.login IS NOT import_in.login)))",
	[IMPORT_UPDATE] =
	    "UPDATE person SET name = i.name, "
	    "organisation_id = coalesce(i.org_id, person.organisation_id), "
	    "function = coalesce(i.function, person.function), "
	    "login = coalesce(i.login, person.login), version = person.version + 1 "
	    "FROM temp.import_in i WHERE i.person_id = person.id AND i.changed = 1",
	[IMPORT_UPDATE_AUDIT] =
	    "INSERT INTO audit (at, person_id, login, action, entity, entity_id, summary) "
	    "SELECT " IMPORT_AUDIT_AT ", ?1, ?2, 'update', 'person', person_id, "
	    "substr(name, 1, 200) FROM temp.import_in WHERE changed = 1 ORDER BY line",
	[IMPORT_COUNTS] =
	    "SELECT count(*) FILTER (WHERE person_id IS NULL), "
	    "count(*) FILTER (WHERE changed = 1), "
	    "count(*) FILTER (WHERE person_id IS NOT NULL AND changed = 0) FROM temp.import_in",
	[IMPORT_MAX_PERSON] = "SELECT coalesce(max(id), 0) FROM person",
	[IMPORT_ADD] =
	    "INSERT INTO person (name, email, organisation_id, function, login) "
	    "SELECT name, email, org_id, function, login FROM temp.import_in "
	    "WHERE person_id IS NULL ORDER BY line",
	[IMPORT_ADD_AUDIT] =
	    "INSERT INTO audit (at, person_id, login, action, entity, entity_id, summary) "
	    "SELECT " IMPORT_AUDIT_AT ", ?2, ?3, 'insert', 'person', id, substr(name, 1, 200) "
	    "FROM person WHERE id > ?1 ORDER BY id",
	[IMPORT_CACHE_BIG] = "PRAGMA cache_size = -" IMPORT_CACHE_KIB,
	[IMPORT_CACHE_NORMAL] = "PRAGMA cache_size = -2000",
	/* the rows to import are held in memory, not in a temporary file */
	[IMPORT_TEMP_MEMORY] = "PRAGMA temp_store = MEMORY",
};

/*
 * A large import touches every page of the person indexes and the search
 * index: with SQLite's default cache (2 MiB) it spends its time re-reading
 * them, so the cache grows for the import only and shrinks again after.
 */
const struct store_sql_table store_import_table = {
	STORE_MOD_IMPORT, import_sql, IMPORT__COUNT
};

/* Run statement idx (no rows); ?1 = arg when arg != 0, ?2/?3 who (when with_who). */
static int
import_exec(struct store *st, const struct actor *who, int idx, int64_t arg, bool with_who,
    char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_import_table, idx, error);

	if (s == NULL)
		return -1;
	if (idx == IMPORT_UPDATE_AUDIT) {
		store_bind_id(s, 1, who->person_id);
		store_bind_text(s, 2, who->login);
	} else {
		if (arg != 0 || with_who)
			sqlite3_bind_int64(s, 1, arg);
		if (with_who) {
			store_bind_id(s, 2, who->person_id);
			store_bind_text(s, 3, who->login);
		}
	}
	return store_exec_stmt(st, s, _("importing people"), error);
}

/* One number from a single-row statement, or -1. */
static int64_t
import_number(struct store *st, int idx, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_import_table, idx, error);
	int64_t v = -1;
	int rc;

	if (s == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	store_done(s);
	if (rc != SQLITE_ROW)
		store_fail(st, rc, _("importing people"), error);
	return v;
}

/* The rows into the temporary table. */
static int
import_load(struct store *st, const struct import_person_in *rows, size_t n, char **error)
{
	sqlite3_stmt *s;
	size_t i;

	if (import_exec(st, NULL, IMPORT_TEMP_MEMORY, 0, false, error) != 0 ||
	    import_exec(st, NULL, IMPORT_TABLE, 0, false, error) != 0 ||
	    import_exec(st, NULL, IMPORT_CLEAR, 0, false, error) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if ((s = store_stmt(st, &store_import_table, IMPORT_ROW, error)) == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, rows[i].line);
		store_bind_text(s, 2, rows[i].name);
		store_bind_text(s, 3, rows[i].email);
		store_bind_text(s, 4, rows[i].organisation);
		store_bind_text(s, 5, rows[i].function);
		store_bind_text(s, 6, rows[i].login);
		if (store_exec_stmt(st, s, _("importing people"), error) != 0)
			return -1;
	}
	return 0;
}

/* A login used twice in the file, or held by someone else: STORE_INVALID naming the line. */
static int
import_logins(struct store *st, char **error)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	if ((s = store_stmt(st, &store_import_table, IMPORT_LOGIN_TWICE, error)) == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		ret = store_refuse(error, STORE_INVALID, _("line %lld: the login %s is used twice"),
		    (long long)sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1));
	store_done(s);
	if (ret != 0 || rc != SQLITE_DONE)
		return ret != 0 ? ret : store_fail(st, rc, _("importing people"), error);
	if ((s = store_stmt(st, &store_import_table, IMPORT_LOGIN_TAKEN, error)) == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		ret = store_refuse(error, STORE_INVALID, _("line %lld: login %s already belongs to %s"),
		    (long long)sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1),
		    (const char *)sqlite3_column_text(s, 2));
	store_done(s);
	if (ret != 0 || rc != SQLITE_DONE)
		return ret != 0 ? ret : store_fail(st, rc, _("importing people"), error);
	return 0;
}

/* Organisations: the missing ones added (and logged), every row's id filled in. */
static int
import_orgs(struct store *st, const struct actor *who, struct import_totals *t, char **error)
{
	int64_t before = import_number(st, IMPORT_MAX_ORG, error);

	if (before < 0 || import_exec(st, who, IMPORT_ORGS_ADD, 0, false, error) != 0)
		return -1;
	t->organisations_added = sqlite3_changes(st->db);
	if (import_exec(st, who, IMPORT_ORGS_AUDIT, before, true, error) != 0)
		return -1;
	return import_exec(st, who, IMPORT_ORG_IDS, 0, false, error);
}

/* The people: changed ones updated, new ones added, both logged; totals counted. */
static int
import_people(struct store *st, const struct actor *who, struct import_totals *t,
    char **error)
{
	sqlite3_stmt *s;
	int64_t before;
	int rc;

	if (import_exec(st, who, IMPORT_CHANGED, 0, false, error) != 0)
		return -1;
	if ((s = store_stmt(st, &store_import_table, IMPORT_COUNTS, error)) == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		t->added = sqlite3_column_int64(s, 0);
		t->updated = sqlite3_column_int64(s, 1);
		t->unchanged = sqlite3_column_int64(s, 2);
	}
	store_done(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, _("importing people"), error);
	if (import_exec(st, who, IMPORT_UPDATE, 0, false, error) != 0 ||
	    import_exec(st, who, IMPORT_UPDATE_AUDIT, 0, false, error) != 0)
		return -1;
	if ((before = import_number(st, IMPORT_MAX_PERSON, error)) < 0 ||
	    import_exec(st, who, IMPORT_ADD, 0, false, error) != 0)
		return -1;
	return import_exec(st, who, IMPORT_ADD_AUDIT, before, true, error);
}

/* Every step of the import, inside the caller's transaction. */
static int
import_run(struct store *st, const struct actor *who, const struct import_person_in *rows,
    size_t n, struct import_totals *totals, char **error)
{
	int ret;

	if ((ret = import_load(st, rows, n, error)) != 0 ||
	    (ret = import_exec(st, who, IMPORT_MATCH, 0, false, error)) != 0 ||
	    (ret = import_logins(st, error)) != 0 ||
	    (ret = import_orgs(st, who, totals, error)) != 0 ||
	    (ret = import_people(st, who, totals, error)) != 0)
		return ret;
	return import_exec(st, who, IMPORT_CLEAR, 0, false, error);
}

int
store_people_import(struct store *st, const struct actor *who,
    const struct import_person_in *rows, size_t n, bool dry_run,
    struct import_totals *totals, char **error)
{
	int ret;

	memset(totals, 0, sizeof *totals);
	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (!access_allows(who, ACCESS_PEOPLE_IMPORT, NULL))
		return store_refuse(error, STORE_DENIED, "%s",
		    _(access_reason(ACCESS_PEOPLE_IMPORT)));
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	import_exec(st, who, IMPORT_CACHE_BIG, 0, false, NULL);
	ret = import_run(st, who, rows, n, totals, error);
	import_exec(st, who, IMPORT_CACHE_NORMAL, 0, false, NULL);
	if (ret != 0) {
		store_rollback(st);
		memset(totals, 0, sizeof *totals);
		return ret == STORE_INVALID ? STORE_INVALID : STORE_ERROR;
	}
	if (dry_run) {
		store_rollback(st);
		return 0;
	}
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
}

/* test_store.c — opening, migrations, refusals, file modes, writes. */
#include "autoconf.h"

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/xmalloc.h"
#include "store/store.h"
#include "suites.h"

static char *tmp;

static void
store_setup(void)
{
	tmp = test_tmpdir();
}

static void
store_teardown(void)
{
	test_tmpdir_remove(tmp);
	tmp = NULL;
}

/* Run SQL on a file with the plain SQLite API, outside the store. */
static void
raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	buf = xmalloc(*len + 1);
	ck_assert_uint_eq(fread(buf, 1, *len, f), *len);
	fclose(f);
	return buf;
}

START_TEST(test_create_modes_and_schema)
{
	char *path = xasprintf("%s/sub/dir/leernet.db", tmp), *dir = xasprintf("%s/sub/dir", tmp);
	struct store *st = NULL;
	char *error = NULL;
	struct stat sb;

	ck_assert_int_eq(store_open(path, 0, &st, &error), STORE_ERR_NOT_FOUND);
	ck_assert_ptr_nonnull(error);
	free(error);
	error = NULL;
	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &st, &error), STORE_OK);
	ck_assert_ptr_null(error);
	ck_assert_int_eq(store_schema_version(st), STORE_SCHEMA_VERSION);
	ck_assert(!store_read_only(st));
	ck_assert_int_eq(stat(path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert_int_eq(stat(dir, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0700);
	store_close(st);
	/* reopening an up-to-date file migrates nothing and works */
	ck_assert_int_eq(store_open(path, 0, &st, &error), STORE_OK);
	ck_assert_int_eq(store_schema_version(st), STORE_SCHEMA_VERSION);
	store_close(st);
	free(path);
	free(dir);
}
END_TEST

/* A version-1 file (as the first release wrote it) is upgraded, data kept. */
START_TEST(test_migrate_v1_keeps_data)
{
	char *path = xasprintf("%s/v1.db", tmp), *error = NULL;
	struct theme_detail d;
	struct store *st = NULL;
	struct actor *who = actor_new(0, "t", "t", true);
	int64_t theme_id = 0;
	sqlite3 *db;
	sqlite3_stmt *s;

	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &st, &error), STORE_OK);
	store_close(st);
	/* turn it back into a version-1 file with one theme and two registrations */
	raw_exec(path, "DROP INDEX agreement_open_due;"
	    "DROP TABLE programme_slot; DROP INDEX budget_request_person; DROP INDEX budget_request_decider;"
	    "DROP TRIGGER product_fts_insert; DROP TRIGGER product_fts_delete;"
	    "DROP TRIGGER product_fts_update; DROP TABLE product_fts;"
	    "DROP INDEX product_published; DROP INDEX product_person;"
	    "ALTER TABLE product DROP COLUMN added_by; ALTER TABLE product DROP COLUMN added_on;"
	    "DROP INDEX scan_person; ALTER TABLE scan_score DROP COLUMN remark;"
	    "DROP INDEX update_post_author; DROP INDEX update_read_post;"
	    "ALTER TABLE update_post DROP COLUMN version;"
	    "DROP TRIGGER meeting_day_insert; DROP TRIGGER meeting_day_delete;"
	    "DROP TRIGGER meeting_day_update; DROP TABLE meeting_day;"
	    "DROP INDEX person_organisation_name;"
	    "CREATE INDEX person_organisation ON person(organisation_id);"
	    "DROP INDEX note_author;"
	    "DROP INDEX agreement_reviewed;"
	    "DROP TRIGGER person_fts_insert; DROP TRIGGER person_fts_delete;"
	    "DROP TRIGGER person_fts_update; DROP TRIGGER person_fts_organisation;"
	    "DROP TABLE person_fts; DROP INDEX organisation_kind;"
	    "DROP INDEX meeting_group_cover; CREATE INDEX meeting_group ON meeting(group_id, starts_at);"
	    "DROP INDEX membership_group_cover;"
	    "CREATE INDEX membership_group ON membership(group_id, start_on, end_on);"
	    "DROP INDEX audit_person; DROP INDEX audit_entity_at;"
	    "ALTER TABLE audit DROP COLUMN summary;"
	    "DROP TRIGGER interest_count_insert; DROP TRIGGER interest_count_delete;"
	    "DROP TRIGGER theme_fts_insert; DROP TRIGGER theme_fts_delete;"
	    "DROP TRIGGER theme_fts_update; DROP TABLE theme_fts;"
	    "DROP TRIGGER grp_fts_insert; DROP TRIGGER grp_fts_delete;"
	    "DROP TRIGGER grp_fts_update; DROP TABLE grp_fts;"
	    "DROP INDEX theme_by_status; DROP INDEX theme_by_interest; DROP INDEX theme_proposer;"
	    "DROP INDEX grp_type; DROP INDEX membership_lead;"
	    "ALTER TABLE theme DROP COLUMN status_rank; ALTER TABLE theme DROP COLUMN interest_count;"
	    "INSERT INTO person (id, name) VALUES (1, 'A'), (2, 'B');"
	    "INSERT INTO theme (id, title, proposed_on, group_type, status) "
	    "VALUES (7, 'Rekenen met ë', '2026-09-01', 'plg', 'gathering');"
	    "INSERT INTO interest VALUES (7, 1, '2026-09-02', 1, NULL), (7, 2, '2026-09-03', 0, 'x');"
	    "INSERT INTO meeting (title, starts_at, ends_at, status) VALUES "
	    "('a', '2026-12-02T10:00', '2026-12-02T11:00', 'planned'), "
	    "('b', '2026-12-02T12:00', '2026-12-02T13:00', 'cancelled');"
	    "PRAGMA user_version = 1;");
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), 1);
	sqlite3_finalize(s);
	sqlite3_close(db);
	ck_assert_int_eq(store_open(path, 0, &st, &error), STORE_OK);
	ck_assert_int_eq(store_schema_version(st), STORE_SCHEMA_VERSION);
	/* migration 7 counted the meetings per day */
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT meetings, cancelled FROM meeting_day "
	    "WHERE day = '2026-12-02'", -1, &s, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(s, 0), 2);
	ck_assert_int_eq(sqlite3_column_int(s, 1), 1);
	sqlite3_finalize(s);
	sqlite3_close(db);
	ck_assert_int_eq(store_theme_get(st, who, 7, &d, &error), 1);
	ck_assert_str_eq(d.title, "Rekenen met ë");
	ck_assert_int_eq(d.interest, 2);	/* counted by the migration */
	theme_id = d.id;
	store_theme_detail_clear(&d);
	ck_assert_int_eq(theme_id, 7);
	actor_free(who);
	store_close(st);
	free(path);
}
END_TEST

START_TEST(test_newer_refused_untouched)
{
	char *path = xasprintf("%s/new.db", tmp), *before, *after;
	struct store *st = NULL;
	char *error = NULL;
	size_t n1, n2;

	raw_exec(path, "CREATE TABLE future (x); PRAGMA user_version = 99;");
	before = slurp(path, &n1);
	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &st, &error), STORE_ERR_NEWER);
	ck_assert_ptr_null(st);
	ck_assert_ptr_nonnull(strstr(error, "newer leernet (schema 99"));
	free(error);
	after = slurp(path, &n2);
	ck_assert_uint_eq(n1, n2);
	ck_assert(memcmp(before, after, n1) == 0);
	free(before);
	before = xasprintf("%s-wal", path);
	ck_assert_int_ne(access(before, F_OK), 0);
	free(before);
	free(after);
	free(path);
}
END_TEST

START_TEST(test_corrupt_refused_untouched)
{
	char *path = xasprintf("%s/bad.db", tmp), *after;
	static const char junk[] = "this is not a database at all, just some text\n";
	struct store *st = NULL;
	char *error = NULL;
	size_t n;
	FILE *f = fopen(path, "w");

	fputs(junk, f);
	fclose(f);
	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &st, &error), STORE_ERR_CORRUPT);
	ck_assert_ptr_nonnull(strstr(error, "damaged or not a leernet database"));
	ck_assert_ptr_null(strstr(error, "SQLITE"));
	free(error);
	after = slurp(path, &n);
	ck_assert_uint_eq(n, strlen(junk));
	ck_assert(memcmp(after, junk, n) == 0);
	free(after);
	free(path);
}
END_TEST

START_TEST(test_foreign_database_refused)
{
	char *path = xasprintf("%s/other.db", tmp);
	struct store *st = NULL;
	char *error = NULL;

	raw_exec(path, "CREATE TABLE contacts (name TEXT);");
	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &st, &error), STORE_ERR_CORRUPT);
	ck_assert_ptr_nonnull(strstr(error, "another program"));
	free(error);
	free(path);
}
END_TEST

START_TEST(test_read_only)
{
	char *path = xasprintf("%s/ro.db", tmp);
	struct person_new p = { "Zoë van Ĳsselstein", "zoe@example.org", 0, "teacher", "zoe", true };
	struct store *st = NULL;
	struct actor *who = actor_new(0, "test", "test", true), *a = NULL;
	char *error = NULL;
	int64_t id;

	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &st, &error), STORE_OK);
	ck_assert_int_eq(store_person_insert(st, who, &p, &id, &error), 0);
	store_close(st);
	ck_assert_int_eq(store_open(path, STORE_OPEN_READONLY, &st, &error), STORE_OK);
	ck_assert(store_read_only(st));
	ck_assert_int_eq(store_actor_by_login(st, "zoe", &a, &error), 1);
	ck_assert_str_eq(a->name, "Zoë van Ĳsselstein");
	ck_assert(a->coordinator);
	p.login = "other";
	p.email = NULL;
	ck_assert_int_eq(store_person_insert(st, who, &p, &id, &error), -1);
	ck_assert_ptr_nonnull(strstr(error, "read-only"));
	free(error);
	actor_free(a);
	actor_free(who);
	store_close(st);
	free(path);
}
END_TEST

START_TEST(test_insert_and_constraints)
{
	char *path = xasprintf("%s/w.db", tmp);
	struct person_new p = { "Emre Çelik", "Emre@Example.org", 0, "teacher", "emre", false };
	struct store *st = NULL;
	struct actor *who = actor_new(0, "test", "test", true), *a = NULL;
	struct store_counts c;
	char *error = NULL;
	int64_t id = 0;

	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &st, &error), STORE_OK);
	ck_assert_int_eq(store_person_insert(st, who, &p, &id, &error), 0);
	ck_assert_int_gt(id, 0);
	/* the same email in other case is a duplicate */
	p.email = "emre@example.org";
	p.login = "emre2";
	ck_assert_int_eq(store_person_insert(st, who, &p, &id, &error), -1);
	ck_assert_ptr_nonnull(error);
	ck_assert_ptr_null(strstr(error, "UNIQUE"));
	ck_assert_ptr_nonnull(strstr(error, "duplicate"));
	free(error);
	error = NULL;
	ck_assert_int_eq(store_actor_by_login(st, "nobody", &a, &error), 0);
	ck_assert_ptr_null(a);
	ck_assert_int_eq(store_counts(st, &c, &error), 0);
	ck_assert_int_eq(c.people, 1);
	actor_free(who);
	store_close(st);
	free(path);
}
END_TEST

START_TEST(test_nested_abort)
{
	char *path = xasprintf("%s/n.db", tmp);
	struct person_new p = { "A", "a@example.org", 0, NULL, NULL, false };
	struct store *st = NULL;
	struct actor *who = actor_new(0, "test", "test", true);
	struct store_counts c;
	char *error = NULL;

	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &st, &error), STORE_OK);
	ck_assert_int_eq(store_begin(st, &error), 0);
	ck_assert_int_eq(store_person_insert(st, who, &p, NULL, &error), 0);
	ck_assert_int_eq(store_person_insert(st, who, &p, NULL, &error), -1);	/* duplicate */
	free(error);
	error = NULL;
	/* the outer commit must not claim success: the inner failure undid it all */
	ck_assert_int_eq(store_commit(st, &error), -1);
	free(error);
	error = NULL;
	ck_assert_int_eq(store_counts(st, &c, &error), 0);
	ck_assert_int_eq(c.people, 0);
	actor_free(who);
	store_close(st);
	free(path);
}
END_TEST

START_TEST(test_two_sessions)
{
	char *path = xasprintf("%s/two.db", tmp);
	struct store *a = NULL, *b = NULL;
	struct actor *who = actor_new(0, "test", "test", true);
	struct person_new p = { "X", NULL, 0, NULL, NULL, false };
	struct store_counts c;
	char *error = NULL;
	int i;

	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &a, &error), STORE_OK);
	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &b, &error), STORE_OK);
	ck_assert(!store_changed(b));
	for (i = 0; i < 20; i++) {
		ck_assert_int_eq(store_person_insert(i % 2 ? a : b, who, &p, NULL, &error), 0);
	}
	ck_assert(store_changed(b));
	ck_assert_int_eq(store_counts(b, &c, &error), 0);
	ck_assert_int_eq(c.people, 20);
	ck_assert_int_eq(store_check(a, &error, NULL), 0);
	actor_free(who);
	store_close(a);
	store_close(b);
	free(path);
}
END_TEST

Suite *
suite_store(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("open");

	tcase_add_checked_fixture(tc, store_setup, store_teardown);
	tcase_add_test(tc, test_create_modes_and_schema);
	tcase_add_test(tc, test_migrate_v1_keeps_data);
	tcase_add_test(tc, test_newer_refused_untouched);
	tcase_add_test(tc, test_corrupt_refused_untouched);
	tcase_add_test(tc, test_foreign_database_refused);
	tcase_add_test(tc, test_read_only);
	tcase_add_test(tc, test_insert_and_constraints);
	tcase_add_test(tc, test_nested_abort);
	tcase_add_test(tc, test_two_sessions);
	suite_add_tcase(s, tc);
	return s;
}

/* test_audit.c — the audit log: summaries, the last change of a row, pages
 * of the log both ways, filters, the coordinator-only rule, migration 3. */
#include "autoconf.h"

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xmalloc.h"
#include "store/store.h"
#include "suites.h"

#define AUDIT_MAX 256

static char *tmp, *path;
static struct store *st;
static struct actor *coord, *ann, *bob, *visitor;
static int64_t people[3];

/* A fresh database: Zoë (coordinator), Ann and Bob, entered by "setup". */
static void
audit_setup(void)
{
	static const char *const names[] = { "Zoë", "Ann", "Bob" };
	static const char *const logins[] = { "zoe", "ann", "bob" };
	struct actor *setup = actor_new(0, "setup", "setup", true);
	char *error = NULL;
	int i;

	tmp = test_tmpdir();
	path = xasprintf("%s/a.db", tmp);
	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &st, &error), STORE_OK);
	for (i = 0; i < 3; i++) {
		struct person_new p = { names[i], NULL, 0, "teacher", logins[i], i == 0 };

		ck_assert_int_eq(store_person_insert(st, setup, &p, &people[i], &error), 0);
	}
	actor_free(setup);
	ck_assert_int_eq(store_actor_by_login(st, "zoe", &coord, &error), 1);
	ck_assert_int_eq(store_actor_by_login(st, "ann", &ann, &error), 1);
	ck_assert_int_eq(store_actor_by_login(st, "bob", &bob, &error), 1);
	visitor = actor_new(0, "nobody", "nobody", false);
}

static void
audit_teardown(void)
{
	actor_free(coord);
	actor_free(ann);
	actor_free(bob);
	actor_free(visitor);
	store_close(st);
	free(path);
	test_tmpdir_remove(tmp);
}

/* Rows of the log, copied. */
struct alog {
	int n;
	int64_t id[AUDIT_MAX], entity_id[AUDIT_MAX];
	char *at[AUDIT_MAX], *who[AUDIT_MAX], *action[AUDIT_MAX], *entity[AUDIT_MAX];
	char *summary[AUDIT_MAX];
};

static int
alog_add(const struct audit_row *r, void *arg)
{
	struct alog *l = arg;

	ck_assert_int_lt(l->n, AUDIT_MAX);
	l->id[l->n] = r->id;
	l->entity_id[l->n] = r->entity_id;
	l->at[l->n] = xstrdup(r->at);
	l->who[l->n] = r->who != NULL ? xstrdup(r->who) : NULL;
	l->action[l->n] = xstrdup(r->action);
	l->entity[l->n] = xstrdup(r->entity);
	l->summary[l->n] = r->summary != NULL ? xstrdup(r->summary) : NULL;
	l->n++;
	return 0;
}

static void
alog_clear(struct alog *l)
{
	int i;

	for (i = 0; i < l->n; i++) {
		free(l->at[i]);
		free(l->who[i]);
		free(l->action[i]);
		free(l->entity[i]);
		free(l->summary[i]);
	}
	memset(l, 0, sizeof *l);
}

/* One page into l (appended); asserts success. */
static void
page(struct alog *l, const struct audit_filter *f, const char *at, int64_t id, bool inclusive,
    bool forward, int limit)
{
	struct audit_anchor a = { at, id };
	char *error = NULL;
	int ret = store_audit_page(st, coord, f, at != NULL ? &a : NULL, inclusive, forward,
	    limit, alog_add, l, &error);

	ck_assert_msg(ret == 0, "store_audit_page: %d %s", ret, error != NULL ? error : "");
}

/* The whole log under filter f in one go. */
static void
everything(struct alog *l, const struct audit_filter *f)
{
	memset(l, 0, sizeof *l);
	page(l, f, NULL, 0, false, true, AUDIT_MAX);
}

/* The summary of the newest row of entity/action in l, or NULL. */
static const char *
summary_of(const struct alog *l, const char *entity, const char *action)
{
	int i;

	for (i = 0; i < l->n; i++) {
		if (strcmp(l->entity[i], entity) == 0 && strcmp(l->action[i], action) == 0)
			return l->summary[i] != NULL ? l->summary[i] : "(null)";
	}
	return NULL;
}

/* Run SQL on the file through a second connection, as another program would. */
static void
raw_exec(const char *sql)
{
	sqlite3 *db;
	char *msg = NULL;

	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s", msg);
	sqlite3_close(db);
}

static int64_t
propose(const struct actor *who, const char *title)
{
	struct theme_new t = { title, NULL, who->person_id, { 2026, 9, 1 }, "plg", NULL,
		"proposed" };
	char *error = NULL;
	int64_t id = 0;

	ck_assert_msg(store_theme_insert(st, who, &t, &id, &error) == 0, "%s", error);
	return id;
}

START_TEST(test_last_change)
{
	struct theme_detail d;
	char *who = (char *)"x", *at = (char *)"x", *error = NULL;
	int64_t t;

	ck_assert_int_eq(store_last_change(st, "theme", 999, &who, &at, &error), 0);
	ck_assert_ptr_null(who);
	ck_assert_ptr_null(at);
	t = propose(ann, "Rekenen");
	ck_assert_int_eq(store_last_change(st, "theme", t, &who, &at, &error), 1);
	ck_assert_str_eq(who, "Ann");
	ck_assert_uint_eq(strlen(at), 19);	/* YYYY-MM-DDTHH:MM:SS */
	ck_assert_int_eq(at[10], 'T');
	free(who);
	free(at);
	/* a later change by someone else is the last one */
	ck_assert_int_eq(store_theme_get(st, coord, t, &d, &error), 1);
	free(d.title);
	d.title = xstrdup("Rekenen en taal");
	ck_assert_int_eq(store_theme_update(st, coord, &d, &error), 0);
	store_theme_detail_clear(&d);
	ck_assert_int_eq(store_last_change(st, "theme", t, &who, &at, &error), 1);
	ck_assert_str_eq(who, "Zoë");
	free(who);
	free(at);
	/* nobody known: the login stands in for the name */
	ck_assert_int_eq(store_last_change(st, "person", people[1], &who, &at, &error), 1);
	ck_assert_str_eq(who, "setup");
	free(who);
	free(at);
	/* same id, other kind of row: not mixed up */
	ck_assert_int_eq(store_last_change(st, "group", t, &who, &at, &error), 0);
}
END_TEST

START_TEST(test_coordinators_only)
{
	const struct actor *refused[] = { ann, visitor, NULL };
	struct alog l;
	char *error = NULL;
	size_t i;

	memset(&l, 0, sizeof l);
	for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		ck_assert_int_eq(store_audit_page(st, refused[i], NULL, NULL, false, true, 10,
		    alog_add, &l, &error), STORE_DENIED);
		ck_assert_ptr_nonnull(error);
		ck_assert_ptr_nonnull(strstr(error, "coordinator"));
		free(error);
		error = NULL;
	}
	ck_assert_int_eq(l.n, 0);
	/* a coordinator may, and sees the three people entered at set-up */
	ck_assert_int_eq(store_audit_page(st, coord, NULL, NULL, false, true, 10, alog_add, &l,
	    &error), 0);
	ck_assert_int_eq(l.n, 3);
	alog_clear(&l);
}
END_TEST

START_TEST(test_summaries)
{
	struct group_new g = { "PLG Rekenen", "plg", 0, NULL, NULL, { 2026, 9, 1 },
		{ 2027, 7, 1 }, NULL, 40, "forming", NULL };
	struct date on = { 2026, 9, 2 };
	struct group_detail gd;
	int64_t t, gid, leads[1];
	char *error = NULL;
	struct alog l;

	t = propose(ann, "Rekenen");
	ck_assert_int_eq(store_interest_insert(st, ann, t, people[1], &on, false, NULL, &error), 0);
	ck_assert_int_eq(store_interest_withdraw(st, coord, t, people[1], &error), 0);
	g.theme_id = t;
	leads[0] = people[1];
	ck_assert_int_eq(store_group_form(st, coord, &g, leads, 1, NULL, 0, &gid, &error), 0);
	ck_assert_int_eq(store_membership_insert(st, coord, gid, people[2], "member", &on, NULL,
	    &error), 0);
	ck_assert_int_eq(store_group_get(st, coord, gid, &gd, &error), 1);
	ck_assert_int_eq(store_group_set_status(st, coord, gid, gd.version, "active", &error), 0);
	store_group_detail_clear(&gd);
	everything(&l, NULL);
	ck_assert_str_eq(summary_of(&l, "person", "insert"), "Bob");	/* the newest */
	ck_assert_str_eq(summary_of(&l, "theme", "insert"), "Rekenen");
	ck_assert_str_eq(summary_of(&l, "interest", "register"), "Ann → Rekenen");
	ck_assert_str_eq(summary_of(&l, "interest", "withdraw"), "Ann → Rekenen");
	ck_assert_str_eq(summary_of(&l, "group", "insert"), "PLG Rekenen");
	ck_assert_str_eq(summary_of(&l, "membership", "insert"), "Bob → PLG Rekenen (member)");
	ck_assert_str_eq(summary_of(&l, "group", "active"), "PLG Rekenen → active");
	/* the newest row first, and who did it by name */
	ck_assert_str_eq(l.action[0], "active");
	ck_assert_str_eq(l.who[0], "Zoë");
	ck_assert_int_eq(l.entity_id[0], gid);
	alog_clear(&l);
}
END_TEST

/* Is row i of l after row i - 1 in display order (newer first)? */
static bool
in_order(const struct alog *l, int i)
{
	int c = strcmp(l->at[i - 1], l->at[i]);

	return c > 0 || (c == 0 && l->id[i - 1] > l->id[i]);
}

/* Are a and b the same rows in the same order? */
static void
same_rows(const struct alog *a, const struct alog *b)
{
	int i;

	ck_assert_int_eq(a->n, b->n);
	for (i = 0; i < a->n; i++)
		ck_assert_msg(a->id[i] == b->id[i], "row %d: %lld, wanted %lld", i,
		    (long long)b->id[i], (long long)a->id[i]);
}

START_TEST(test_pages_both_ways)
{
	struct alog all, fwd, back, one;
	char title[32];
	int i, n;

	for (i = 0; i < 20; i++) {
		snprintf(title, sizeof title, "Thema %02d", i);
		propose(i % 2 ? ann : bob, title);
	}
	/* times that run against the ids (a clock set back, summer time ending) */
	raw_exec("UPDATE audit SET at = CASE WHEN id % 3 = 0 THEN '2026-03-01T10:00:00' "
	    "WHEN id % 3 = 1 THEN '2025-10-26T02:30:00' ELSE '2026-01-15T09:00:00' END");
	everything(&all, NULL);
	ck_assert_int_eq(all.n, 23);
	for (i = 1; i < all.n; i++)
		ck_assert_msg(in_order(&all, i), "row %d out of order", i);
	ck_assert_str_eq(all.at[0], "2026-03-01T10:00:00");
	/* forward a page at a time from the newest */
	memset(&fwd, 0, sizeof fwd);
	page(&fwd, NULL, NULL, 0, false, true, 5);
	while ((n = fwd.n) % 5 == 0 && n > 0) {
		page(&fwd, NULL, fwd.at[n - 1], fwd.id[n - 1], false, true, 5);
		if (fwd.n == n)
			break;
	}
	same_rows(&all, &fwd);
	/* backward from the oldest: each page still newest first */
	memset(&back, 0, sizeof back);
	page(&back, NULL, NULL, 0, false, false, 5);
	ck_assert_int_eq(back.n, 5);
	ck_assert_int_eq(back.id[0], all.id[all.n - 5]);
	ck_assert_int_eq(back.id[4], all.id[all.n - 1]);
	memset(&one, 0, sizeof one);
	page(&one, NULL, all.at[10], all.id[10], false, false, 4);
	ck_assert_int_eq(one.n, 4);
	for (i = 0; i < 4; i++)
		ck_assert_int_eq(one.id[i], all.id[6 + i]);
	alog_clear(&one);
	/* inclusive takes the anchor row itself, both ways */
	page(&one, NULL, all.at[10], all.id[10], true, true, 2);
	ck_assert_int_eq(one.id[0], all.id[10]);
	ck_assert_int_eq(one.id[1], all.id[11]);
	alog_clear(&one);
	page(&one, NULL, all.at[10], all.id[10], true, false, 2);
	ck_assert_int_eq(one.id[0], all.id[9]);
	ck_assert_int_eq(one.id[1], all.id[10]);
	alog_clear(&one);
	/* past either end: nothing */
	page(&one, NULL, all.at[0], all.id[0], false, false, 5);
	page(&one, NULL, all.at[all.n - 1], all.id[all.n - 1], false, true, 5);
	ck_assert_int_eq(one.n, 0);
	alog_clear(&all);
	alog_clear(&fwd);
	alog_clear(&back);
}
END_TEST

/* How many rows the filter lets through; each passes check (when not NULL). */
static int
count(const struct audit_filter *f, const char *who, const char *entity)
{
	struct alog l;
	int i, n;

	everything(&l, f);
	for (i = 0; i < l.n; i++) {
		if (who != NULL)
			ck_assert_str_eq(l.who[i], who);
		if (entity != NULL)
			ck_assert_str_eq(l.entity[i], entity);
	}
	n = l.n;
	alog_clear(&l);
	return n;
}

START_TEST(test_filters)
{
	struct audit_filter f;
	int i;

	for (i = 0; i < 4; i++)
		propose(ann, i % 2 ? "Taal" : "Rekenen");
	propose(bob, "Burgerschap");
	raw_exec("UPDATE audit SET at = '2025-12-31T23:59:59' WHERE id <= 2");
	memset(&f, 0, sizeof f);
	ck_assert_int_eq(count(&f, NULL, NULL), 8);
	f.since = (struct date){ 2999, 1, 1 };
	ck_assert_int_eq(count(&f, NULL, NULL), 0);
	f.since = (struct date){ 2026, 1, 1 };	/* the day itself counts */
	ck_assert_int_eq(count(&f, NULL, NULL), 6);
	memset(&f, 0, sizeof f);
	f.login = "ann";
	ck_assert_int_eq(count(&f, "Ann", "theme"), 4);
	f.login = NULL;
	f.person_id = people[2];
	ck_assert_int_eq(count(&f, "Bob", "theme"), 1);
	f.person_id = 0;
	f.login = "setup";	/* nobody has this login: the rows written under it */
	ck_assert_int_eq(count(&f, "setup", "person"), 3);
	f.login = "nobody-at-all";
	ck_assert_int_eq(count(&f, NULL, NULL), 0);
	memset(&f, 0, sizeof f);
	f.entity = "person";
	ck_assert_int_eq(count(&f, NULL, "person"), 3);
	f.entity = "theme";
	f.login = "bob";
	ck_assert_int_eq(count(&f, "Bob", "theme"), 1);
	f.since = (struct date){ 2026, 1, 1 };
	f.login = NULL;
	ck_assert_int_eq(count(&f, NULL, "theme"), 5);
}
END_TEST

START_TEST(test_no_scan_of_the_log)
{
	static const char *const large[] = { "audit", "person", NULL };
	char *report = NULL, *error = NULL;

	ck_assert_msg(store_explain_all(st, large, &report, &error) == 0, "%s", report);
	free(report);
}
END_TEST

/* A version-2 file (no summaries yet) is upgraded; its old rows still list. */
START_TEST(test_migration_3)
{
	struct alog l;
	char *who = NULL, *at = NULL, *error = NULL;

	store_close(st);
	raw_exec("DROP INDEX agreement_open_due;"
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
	    "INSERT INTO audit (at, person_id, login, action, entity, entity_id) "
	    "VALUES ('2001-01-05T08:00:00', 2, 'ann', 'update', 'theme', 41);"
	    "PRAGMA user_version = 2;");
	ck_assert_int_eq(store_open(path, 0, &st, &error), STORE_OK);
	ck_assert_int_eq(store_schema_version(st), STORE_SCHEMA_VERSION);
	everything(&l, NULL);
	ck_assert_int_eq(l.n, 4);
	ck_assert_str_eq(l.action[3], "update");	/* the oldest, from version 2 */
	ck_assert_str_eq(l.who[3], "Ann");
	ck_assert_ptr_null(l.summary[3]);
	alog_clear(&l);
	propose(bob, "Nieuw");	/* a change at version 3 has its summary */
	everything(&l, NULL);
	ck_assert_int_eq(l.n, 5);
	ck_assert_str_eq(l.summary[0], "Nieuw");
	alog_clear(&l);
	ck_assert_int_eq(store_last_change(st, "theme", 41, &who, &at, &error), 1);
	ck_assert_str_eq(at, "2001-01-05T08:00:00");
	free(who);
	free(at);
}
END_TEST

Suite *
suite_audit(void)
{
	Suite *s = suite_create("audit");
	TCase *tc = tcase_create("log");

	tcase_add_checked_fixture(tc, audit_setup, audit_teardown);
	tcase_add_test(tc, test_last_change);
	tcase_add_test(tc, test_coordinators_only);
	tcase_add_test(tc, test_summaries);
	tcase_add_test(tc, test_pages_both_ways);
	tcase_add_test(tc, test_filters);
	tcase_add_test(tc, test_no_scan_of_the_log);
	tcase_add_test(tc, test_migration_3);
	suite_add_tcase(s, tc);
	return s;
}

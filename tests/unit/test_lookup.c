/* test_lookup.c — naming a theme or group: id, whole title, unique prefix, close matches. */
#include "autoconf.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/xmalloc.h"
#include "store/store.h"
#include "suites.h"

static char *tmp;
static struct store *st;
static struct actor *who;

/* A fresh database with a few themes and groups. */
static void
lookup_setup(void)
{
	static const char *const titles[] = {
		"Begrijpend lezen", "Begeleiding startende leraren", "Mobiel leren",
		"Internationalisering en wereldburgerschap", "Rekenen", "Rekenen"
	};
	static const char *const groups[] = { "PLG Rust in de klas", "PLG Startende leraren" };
	char *path, *error = NULL;
	int64_t id;
	size_t i;

	tmp = test_tmpdir();
	path = xasprintf("%s/l.db", tmp);
	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &st, &error), STORE_OK);
	free(path);
	who = actor_new(0, "setup", "setup", true);
	{
		struct person_new p = { "Zoë", NULL, 0, "other", "zoe", true };

		ck_assert_int_eq(store_person_insert(st, who, &p, &id, &error), 0);
	}
	actor_free(who);
	ck_assert_int_eq(store_actor_by_login(st, "zoe", &who, &error), 1);
	for (i = 0; i < sizeof titles / sizeof titles[0]; i++) {
		struct theme_new t = { titles[i], NULL, 0, { 2026, 9, 1 }, "plg", NULL, NULL };

		ck_assert_msg(store_theme_insert(st, who, &t, &id, &error) == 0, "%s", error);
	}
	for (i = 0; i < sizeof groups / sizeof groups[0]; i++) {
		struct group_new g = { groups[i], "plg", 0, NULL, NULL, { 2026, 9, 1 },
			{ 2027, 6, 30 }, NULL, 40, "active", NULL };

		ck_assert_msg(store_group_insert(st, who, &g, &id, &error) == 0, "%s", error);
	}
}

static void
lookup_teardown(void)
{
	actor_free(who);
	store_close(st);
	test_tmpdir_remove(tmp);
}

/* Look a theme up and expect found (id) or not (0) with n candidates. */
static void
lookup_theme(const char *text, int64_t id, bool ambiguous, size_t n)
{
	struct store_lookup l;
	char *error = NULL;
	int ret = store_theme_lookup(st, who, text, &l, &error);

	ck_assert_int_eq(ret, id != 0 ? 1 : 0);
	ck_assert_int_eq(l.id, id);
	ck_assert_int_eq(l.ambiguous, ambiguous);
	ck_assert_uint_eq(l.n_candidates, n);
	store_lookup_clear(&l);
}

START_TEST(test_theme_by_id_and_title)
{
	lookup_theme("3", 3, false, 0);
	lookup_theme("mobiel LEREN", 3, false, 0);
	lookup_theme("Begrijpend lezen", 1, false, 0);
	lookup_theme("Begr", 1, false, 0);
	lookup_theme("Inter", 4, false, 0);
	lookup_theme("99", 0, false, 0);
	lookup_theme("", 0, false, 0);
}
END_TEST

START_TEST(test_theme_ambiguous)
{
	struct store_lookup l;
	char *error = NULL;

	lookup_theme("Beg", 0, true, 2);
	lookup_theme("rekenen", 0, true, 2);	/* two themes of the same title */
	ck_assert_int_eq(store_theme_lookup(st, who, "be", &l, &error), 0);
	ck_assert_str_eq(l.candidates[0].name, "Begeleiding startende leraren");
	ck_assert_int_eq(l.candidates[0].id, 2);
	ck_assert_str_eq(l.candidates[1].name, "Begrijpend lezen");
	store_lookup_clear(&l);
	store_lookup_clear(NULL);
}
END_TEST

START_TEST(test_theme_close_matches)
{
	struct store_lookup l;
	char *error = NULL;

	/* a title that contains the text */
	ck_assert_int_eq(store_theme_lookup(st, who, "leren", &l, &error), 0);
	ck_assert(!l.ambiguous);
	ck_assert_uint_eq(l.n_candidates, 1);
	ck_assert_str_eq(l.candidates[0].name, "Mobiel leren");
	ck_assert_ptr_null(l.name);
	store_lookup_clear(&l);
	/* words prefix-matched, in any order, diacritics and quotes harmless */
	ck_assert_int_eq(store_theme_lookup(st, who, "wereld \"internationaal", &l, &error), 0);
	ck_assert_uint_eq(l.n_candidates, 1);
	ck_assert_int_eq(l.candidates[0].id, 4);
	store_lookup_clear(&l);
	lookup_theme("xyzzy", 0, false, 0);
	lookup_theme("- * ( ) :", 0, false, 0);
	lookup_theme("\"", 0, false, 0);
}
END_TEST

START_TEST(test_group_lookup)
{
	struct store_lookup l;
	char *error = NULL;

	ck_assert_int_eq(store_group_lookup(st, who, "plg rust in de klas", &l, &error), 1);
	ck_assert_int_eq(l.id, 1);
	ck_assert_str_eq(l.name, "PLG Rust in de klas");
	store_lookup_clear(&l);
	ck_assert_int_eq(store_group_lookup(st, who, "2", &l, &error), 1);
	ck_assert_int_eq(l.id, 2);
	store_lookup_clear(&l);
	ck_assert_int_eq(store_group_lookup(st, who, "PLG", &l, &error), 0);
	ck_assert(l.ambiguous);
	ck_assert_uint_eq(l.n_candidates, 2);
	store_lookup_clear(&l);
	ck_assert_int_eq(store_group_lookup(st, who, "startende", &l, &error), 0);
	ck_assert(!l.ambiguous);
	ck_assert_uint_eq(l.n_candidates, 1);
	ck_assert_str_eq(l.candidates[0].name, "PLG Startende leraren");
	store_lookup_clear(&l);
}
END_TEST

Suite *
suite_lookup(void)
{
	Suite *s = suite_create("lookup");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, lookup_setup, lookup_teardown);
	tcase_add_test(tc, test_theme_by_id_and_title);
	tcase_add_test(tc, test_theme_ambiguous);
	tcase_add_test(tc, test_theme_close_matches);
	tcase_add_test(tc, test_group_lookup);
	suite_add_tcase(s, tc);
	return s;
}

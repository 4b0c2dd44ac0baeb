/* test_tsv.c — the demo files' line format. */
#include "autoconf.h"

#include <check.h>
#include <string.h>

#include "core/tsv.h"
#include "suites.h"

START_TEST(test_split)
{
	char line[] = "a\tb c\t\td\\ne\\\\f\\t\n";
	struct tsv_line l;

	ck_assert_int_eq(tsv_split(line, &l), 4);
	ck_assert_str_eq(tsv_get(&l, 0), "a");
	ck_assert_str_eq(tsv_get(&l, 1), "b c");
	ck_assert_str_eq(tsv_get(&l, 2), "");
	ck_assert_str_eq(tsv_get(&l, 3), "d\ne\\f\t");
	ck_assert_str_eq(tsv_get(&l, 9), "");
}
END_TEST

START_TEST(test_comments_and_limits)
{
	char c1[] = "# comment\tx", c2[] = "\n", c3[] = "\r\n";
	char many[TSV_MAX_FIELDS * 2 + 4];
	struct tsv_line l;
	int i;

	ck_assert_int_eq(tsv_split(c1, &l), 0);
	ck_assert_int_eq(tsv_split(c2, &l), 0);
	ck_assert_int_eq(tsv_split(c3, &l), 0);
	for (i = 0; i < TSV_MAX_FIELDS + 1; i++) {
		many[2 * i] = 'x';
		many[2 * i + 1] = '\t';
	}
	many[2 * TSV_MAX_FIELDS + 1] = '\0';
	ck_assert_int_eq(tsv_split(many, &l), -1);
}
END_TEST

Suite *
suite_tsv(void)
{
	Suite *s = suite_create("tsv");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_split);
	tcase_add_test(tc, test_comments_and_limits);
	suite_add_tcase(s, tc);
	return s;
}

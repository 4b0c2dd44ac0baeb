/* main.c — the unit test runner: every suite, one report. */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
#include <unistd.h>

#include "core/xmalloc.h"
#include "suites.h"

char *
test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *dir = xasprintf("%s/leernet-test-XXXXXX", base != NULL && *base ? base : "/tmp");

	ck_assert_ptr_nonnull(mkdtemp(dir));
	return dir;
}

static int
test_rm(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void
test_tmpdir_remove(char *dir)
{
	if (dir == NULL)
		return;
	nftw(dir, test_rm, 8, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

int
main(void)
{
	SRunner *sr = srunner_create(suite_date());
	int failed;

	srunner_add_suite(sr, suite_lineedit());
	srunner_add_suite(sr, suite_text());
	srunner_add_suite(sr, suite_tsv());
	srunner_add_suite(sr, suite_validate());
	srunner_add_suite(sr, suite_csv());
	srunner_add_suite(sr, suite_csvread());
	srunner_add_suite(sr, suite_import());
	srunner_add_suite(sr, suite_roster());
	srunner_add_suite(sr, suite_vcard());
	srunner_add_suite(sr, suite_lookup());
	srunner_add_suite(sr, suite_config());
	srunner_add_suite(sr, suite_store());
	srunner_add_suite(sr, suite_themes());
	srunner_add_suite(sr, suite_audit());
	srunner_add_suite(sr, suite_people());
	srunner_add_suite(sr, suite_notes());
	srunner_add_suite(sr, suite_hours());
	srunner_add_suite(sr, suite_calendar());
	srunner_add_suite(sr, suite_ics());
	srunner_add_suite(sr, suite_meetings());
	srunner_add_suite(sr, suite_updates());
	srunner_add_suite(sr, suite_products());
	srunner_add_suite(sr, suite_budget());
	srunner_add_suite(sr, suite_health());
	srunner_add_suite(sr, suite_vlist());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* suites.h — every Check suite of the unit test runner. */
#ifndef LEERNET_TESTS_SUITES_H
#define LEERNET_TESTS_SUITES_H

#include <check.h>

Suite *suite_date(void);
Suite *suite_lineedit(void);
Suite *suite_text(void);
Suite *suite_tsv(void);
Suite *suite_validate(void);
Suite *suite_roster(void);
Suite *suite_vcard(void);
Suite *suite_csv(void);
Suite *suite_csvread(void);
Suite *suite_import(void);
Suite *suite_lookup(void);
Suite *suite_config(void);
Suite *suite_store(void);
Suite *suite_themes(void);
Suite *suite_audit(void);
Suite *suite_people(void);
Suite *suite_notes(void);
Suite *suite_hours(void);
Suite *suite_calendar(void);
Suite *suite_ics(void);
Suite *suite_meetings(void);
Suite *suite_updates(void);
Suite *suite_products(void);
Suite *suite_budget(void);
Suite *suite_health(void);
Suite *suite_vlist(void);

/* A fresh private directory for one test; removed by test_tmpdir_remove. */
char *test_tmpdir(void);
void test_tmpdir_remove(char *dir);

#endif

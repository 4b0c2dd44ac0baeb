/* test_hours.c — the hours rules: credited minutes per status, school years. */
#include "autoconf.h"

#include <check.h>
#include <string.h>

#include "core/hours.h"
#include "suites.h"

START_TEST(test_status_and_duration_bad)
{
	enum hours_status s = HOURS_PRESENT;

	ck_assert(!hours_status_parse(NULL, &s));
	ck_assert(!hours_status_parse("", &s));
	ck_assert(!hours_status_parse("Present", &s));
	ck_assert(!hours_meeting_held(NULL));
	ck_assert(!hours_meeting_held("planned"));
	ck_assert(!hours_meeting_held("cancelled"));
	ck_assert(hours_meeting_held("held"));
	ck_assert_int_eq(hours_duration(NULL, "2026-09-16T15:00"), -1);
	ck_assert_int_eq(hours_duration("2026-09-16T13:30", NULL), -1);
	ck_assert_int_eq(hours_duration("2026-09-16", "2026-09-16T15:00"), -1);
	ck_assert_int_eq(hours_duration("2026-09-16T15:00", "2026-09-16T15:00"), -1);
	ck_assert_int_eq(hours_duration("2026-09-16T15:00", "2026-09-16T13:30"), -1);
	ck_assert_int_eq(hours_duration("2026-09-16T13:30", "2026-09-16T17:00"), 210);
	ck_assert_int_eq(hours_duration("2026-12-31T23:00", "2027-01-01T01:00"), 120);
	ck_assert_int_eq(hours_duration("2026-09-16 13:30", "2026-09-16 14:15"), 45);
}
END_TEST

START_TEST(test_credited_per_status)
{
	enum hours_status s;

	ck_assert(hours_status_parse("present", &s) && s == HOURS_PRESENT);
	ck_assert(hours_status_parse("late", &s) && s == HOURS_LATE);
	ck_assert(hours_status_parse("excused", &s) && s == HOURS_EXCUSED);
	ck_assert(hours_status_parse("absent", &s) && s == HOURS_ABSENT);
	/* present: the meeting's length, or the minutes entered */
	ck_assert_int_eq(hours_credited(true, HOURS_PRESENT, 120, -1), 120);
	ck_assert_int_eq(hours_credited(true, HOURS_PRESENT, 120, 90), 90);
	/* late: what the lead adjusted to, else the whole meeting */
	ck_assert_int_eq(hours_credited(true, HOURS_LATE, 120, 100), 100);
	ck_assert_int_eq(hours_credited(true, HOURS_LATE, 120, 0), 0);
	ck_assert_int_eq(hours_credited(true, HOURS_LATE, 120, -1), 120);
	/* never more than the meeting lasted */
	ck_assert_int_eq(hours_credited(true, HOURS_LATE, 120, 500), 120);
	ck_assert_int_eq(hours_credited(true, HOURS_PRESENT, 120, 121), 120);
	/* excused and absent earn nothing, minutes or not */
	ck_assert_int_eq(hours_credited(true, HOURS_EXCUSED, 120, -1), 0);
	ck_assert_int_eq(hours_credited(true, HOURS_EXCUSED, 120, 60), 0);
	ck_assert_int_eq(hours_credited(true, HOURS_ABSENT, 120, -1), 0);
	ck_assert_int_eq(hours_credited(true, HOURS_ABSENT, 120, 60), 0);
	/* a meeting that was not held (planned, cancelled) earns nothing */
	ck_assert_int_eq(hours_credited(false, HOURS_PRESENT, 120, -1), 0);
	ck_assert_int_eq(hours_credited(false, HOURS_LATE, 120, 100), 0);
	ck_assert_int_eq(hours_credited(hours_meeting_held("cancelled"), HOURS_PRESENT, 120, -1), 0);
	ck_assert_int_eq(hours_credited(hours_meeting_held("planned"), HOURS_PRESENT, 120, -1), 0);
	/* a meeting without a valid length earns nothing */
	ck_assert_int_eq(hours_credited(true, HOURS_PRESENT, -1, -1), 0);
	ck_assert_int_eq(hours_credited(true, HOURS_PRESENT, 0, 30), 0);
}
END_TEST

START_TEST(test_year_bad)
{
	struct date first = { 1, 1, 1 }, last = { 1, 1, 1 };
	static const char *const bad[] = {
		"", "202", "20266", "2026-2028", "2026-2026", "2027-2026", "2026-27", "2026-",
		"2026/2027", " 2026", "2026 ", "2026-2027x", "26-27", "abcd", "0000", "9999",
		"0000-0001", "9999-10000",
	};
	size_t i;

	ck_assert_int_eq(hours_year_parse(NULL, &first, &last), -1);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(hours_year_parse(bad[i], &first, &last) == -1, "'%s' accepted", bad[i]);
	/* untouched on refusal */
	ck_assert_int_eq(first.year, 1);
	ck_assert_int_eq(last.year, 1);
}
END_TEST

START_TEST(test_year_good)
{
	struct date first, last, sy_first, sy_last, d = { 2027, 7, 31 };

	ck_assert_int_eq(hours_year_parse("2026-2027", &first, &last), 0);
	ck_assert(first.year == 2026 && first.month == 8 && first.day == 1);
	ck_assert(last.year == 2027 && last.month == 7 && last.day == 31);
	ck_assert_int_eq(hours_year_parse("2026", &first, &last), 0);
	ck_assert(first.year == 2026 && first.month == 8 && first.day == 1);
	ck_assert(last.year == 2027 && last.month == 7 && last.day == 31);
	/* the same boundaries as the calendar's school year */
	ck_assert_int_eq(date_school_year(&d, &sy_first, &sy_last), 2026);
	ck_assert_int_eq(date_compare(&first, &sy_first), 0);
	ck_assert_int_eq(date_compare(&last, &sy_last), 0);
	ck_assert_int_eq(hours_year_parse("0001-0002", &first, &last), 0);
	ck_assert_int_eq(hours_year_parse("9998-9999", &first, &last), 0);
	ck_assert(last.year == 9999);
}
END_TEST

START_TEST(test_format)
{
	char buf[16];

	ck_assert_str_eq(hours_format(0, '.', buf, sizeof buf), "0.0");
	ck_assert_str_eq(hours_format(90, ',', buf, sizeof buf), "1,5");
	ck_assert_str_eq(hours_format(100, '.', buf, sizeof buf), "1.7");
	ck_assert_str_eq(hours_format(3, '.', buf, sizeof buf), "0.1");
	ck_assert_str_eq(hours_format(2, '.', buf, sizeof buf), "0.0");
	ck_assert_str_eq(hours_format(2400, ',', buf, sizeof buf), "40,0");
	ck_assert_str_eq(hours_format(-5, '.', buf, sizeof buf), "0.0");
}
END_TEST

Suite *
suite_hours(void)
{
	Suite *s = suite_create("hours");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_status_and_duration_bad);
	tcase_add_test(tc, test_credited_per_status);
	tcase_add_test(tc, test_year_bad);
	tcase_add_test(tc, test_year_good);
	tcase_add_test(tc, test_format);
	suite_add_tcase(s, tc);
	return s;
}

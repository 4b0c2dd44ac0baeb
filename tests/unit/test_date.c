/* test_date.c — dates, ISO weeks, school years, parsing. */
#include "autoconf.h"

#include <check.h>
#include <string.h>

#include "core/date.h"
#include "suites.h"

START_TEST(test_parse_bad)
{
	struct date d;

	ck_assert_int_eq(date_parse(NULL, &d), -1);
	ck_assert_int_eq(date_parse("", &d), -1);
	ck_assert_int_eq(date_parse("31-02-2026", &d), -1);
	ck_assert_int_eq(date_parse("29-02-2027", &d), -1);
	ck_assert_int_eq(date_parse("23-11-26", &d), -1);
	ck_assert_int_eq(date_parse("2026-13-01", &d), -1);
	ck_assert_int_eq(date_parse("2027-13-01", &d), -1);
	ck_assert_int_eq(date_parse("31-04-2027", &d), -1);
	ck_assert_int_eq(date_parse("00-01-2027", &d), -1);
	ck_assert_int_eq(date_parse("01-00-2027", &d), -1);
	ck_assert_int_eq(date_parse("2027-04-31", &d), -1);
	ck_assert_int_eq(date_parse("23-11-2026x", &d), -1);
	ck_assert_int_eq(date_parse_iso("23-11-2026", &d), -1);
	ck_assert_int_eq(date_parse_iso("2026-1-01", &d), -1);
}
END_TEST

START_TEST(test_parse_good)
{
	struct date d;
	char buf[DATE_ISO_LEN];

	ck_assert_int_eq(date_parse("23-11-2026", &d), 0);
	ck_assert_str_eq(date_format_iso(&d, buf), "2026-11-23");
	ck_assert_int_eq(date_parse("1-2-2028", &d), 0);
	ck_assert_str_eq(date_format_iso(&d, buf), "2028-02-01");
	ck_assert_int_eq(date_parse("29-02-2028", &d), 0);
	ck_assert_int_eq(date_parse(" 2026-08-01", &d), 0);
	ck_assert_str_eq(date_format_nl(&d, buf), "01-08-2026");
}
END_TEST

START_TEST(test_days_roundtrip)
{
	struct date epoch = { 1970, 1, 1 }, d = { 2000, 2, 29 }, r;
	long n;

	ck_assert_int_eq(date_to_days(&epoch), 0);
	for (n = -719000; n < 2900000; n += 997) {
		r = date_from_days(n);
		ck_assert(date_valid(&r));
		ck_assert_int_eq(date_to_days(&r), n);
	}
	r = date_add_days(&d, 366);
	ck_assert_int_eq(r.year, 2001);
	ck_assert_int_eq(r.month, 3);
	ck_assert_int_eq(r.day, 1);
}
END_TEST

START_TEST(test_weekday_isoweek)
{
	struct date d = { 2026, 11, 23 }, y2027 = { 2027, 1, 1 }, y2026 = { 2026, 12, 31 };
	struct date w53 = { 2026, 12, 28 }, y2021 = { 2021, 1, 3 };
	struct date w1 = { 2027, 1, 4 }, early = { 2024, 12, 30 };
	int iy;

	ck_assert_int_eq(date_weekday(&d), 1);	/* a Monday */
	ck_assert_int_eq(date_iso_week(&d, &iy), 48);
	ck_assert_int_eq(iy, 2026);
	ck_assert_int_eq(date_iso_week(&w53, &iy), 53);
	ck_assert_int_eq(date_iso_week(&y2027, &iy), 53);
	ck_assert_int_eq(iy, 2026);
	ck_assert_int_eq(date_iso_week(&y2026, &iy), 53);
	ck_assert_int_eq(iy, 2026);
	ck_assert_int_eq(date_iso_week(&w1, &iy), 1);
	ck_assert_int_eq(iy, 2027);
	/* A Monday in December can open week 1 of the next year. */
	ck_assert_int_eq(date_iso_week(&early, &iy), 1);
	ck_assert_int_eq(iy, 2025);
	ck_assert_int_eq(date_iso_week(&y2021, &iy), 53);
	ck_assert_int_eq(iy, 2020);
}
END_TEST

START_TEST(test_school_year)
{
	struct date jul = { 2027, 7, 31 }, aug = { 2026, 8, 1 }, aug27 = { 2027, 8, 1 };
	struct date first, last;

	ck_assert_int_eq(date_school_year(&jul, &first, &last), 2026);
	ck_assert_int_eq(date_school_year(&aug, NULL, NULL), 2026);
	ck_assert_int_eq(date_school_year(&aug27, NULL, NULL), 2027);
	ck_assert_int_eq(first.year, 2026);
	ck_assert_int_eq(first.month, 8);
	ck_assert_int_eq(first.day, 1);
	ck_assert_int_eq(last.year, 2027);
	ck_assert_int_eq(last.month, 7);
	ck_assert_int_eq(last.day, 31);
}
END_TEST

START_TEST(test_months_and_times)
{
	struct date jan31 = { 2027, 1, 31 }, r, d;
	char buf[DATETIME_ISO_LEN];
	int m;

	r = date_add_months(&jan31, 1);
	ck_assert_int_eq(r.month, 2);
	ck_assert_int_eq(r.day, 28);
	r = date_add_months(&jan31, -2);
	ck_assert_int_eq(r.year, 2026);
	ck_assert_int_eq(r.month, 11);
	ck_assert_int_eq(time_parse("14:30", &m), 0);
	ck_assert_int_eq(m, 870);
	ck_assert_int_eq(time_parse("9:05", &m), 0);
	ck_assert_int_eq(m, 545);
	ck_assert_int_eq(time_parse("23:59", &m), 0);
	ck_assert_int_eq(m, 1439);
	ck_assert_int_eq(time_parse("14.30", &m), 0);	/* the Dutch dot */
	ck_assert_int_eq(m, 870);
	ck_assert_int_eq(time_parse("24:00", &m), -1);
	ck_assert_int_eq(time_parse("14:3", &m), -1);
	ck_assert_int_eq(time_parse("9:5", &m), -1);	/* minutes take two digits */
	ck_assert_int_eq(time_parse("14:60", &m), -1);
	ck_assert_int_eq(datetime_parse_iso("2026-11-23T15:30", &d, &m), 0);
	ck_assert_str_eq(datetime_format_iso(&d, m, buf), "2026-11-23T15:30");
	ck_assert_int_eq(datetime_parse_iso("2026-11-23", &d, &m), -1);
}
END_TEST

START_TEST(test_clock)
{
	struct date fixed = { 2026, 11, 23 }, t;

	date_clock_fix(&fixed);
	t = date_today();
	ck_assert_int_eq(date_compare(&t, &fixed), 0);
	ck_assert_int_eq(date_now_minutes(), 0);
	date_clock_fix(NULL);
	t = date_today();
	ck_assert(date_valid(&t));
}
END_TEST

Suite *
suite_date(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_parse_bad);
	tcase_add_test(tc, test_parse_good);
	tcase_add_test(tc, test_days_roundtrip);
	tcase_add_test(tc, test_weekday_isoweek);
	tcase_add_test(tc, test_school_year);
	tcase_add_test(tc, test_months_and_times);
	tcase_add_test(tc, test_clock);
	suite_add_tcase(s, tc);
	return s;
}

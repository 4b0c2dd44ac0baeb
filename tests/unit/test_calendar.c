/* test_calendar.c — month rows, meeting series, clashes, typed times. */
#include "autoconf.h"

#include <check.h>
#include <string.h>

#include "core/calendar.h"
#include "suites.h"

/* Compare a date with "YYYY-MM-DD", so a failure shows both dates. */
#define ck_assert_date(d, iso) do {					\
	char buf_[DATE_ISO_LEN];					\
	ck_assert_str_eq(date_format_iso(&(d), buf_), (iso));		\
} while (0)

/* Rows of the month view and each row's ISO week, starting with row 0. */
static void
calendar_test_rows(const struct calendar_month *m, int weeks, const char *first,
    int iso_year, int week0)
{
	int i;

	ck_assert_int_eq(m->weeks, weeks);
	ck_assert_date(m->first, first);
	for (i = 0; i < weeks; i++) {
		ck_assert_int_eq(m->iso_week[i], week0 + i);
		ck_assert_int_eq(m->iso_year[i], iso_year);
	}
	for (; i < 6; i++)
		ck_assert_int_eq(m->iso_week[i], 0);
}

START_TEST(test_month_rows)
{
	struct calendar_month m;

	calendar_month(2027, 2, &m);	/* starts on a Monday, 28 days */
	calendar_test_rows(&m, 4, "2027-02-01", 2027, 5);
	calendar_month(2026, 2, &m);	/* starts on a Sunday */
	calendar_test_rows(&m, 5, "2026-01-26", 2026, 5);
	calendar_month(2027, 8, &m);	/* a Sunday and 31 days */
	calendar_test_rows(&m, 6, "2027-07-26", 2027, 30);
	calendar_month(2026, 12, &m);
	calendar_test_rows(&m, 5, "2026-11-30", 2026, 49);
}
END_TEST

START_TEST(test_month_new_year)
{
	struct calendar_month m;

	/* The first row of January 2027 is week 53 of 2026. */
	calendar_month(2027, 1, &m);
	ck_assert_int_eq(m.weeks, 5);
	ck_assert_date(m.first, "2026-12-28");
	ck_assert_int_eq(m.iso_week[0], 53);
	ck_assert_int_eq(m.iso_year[0], 2026);
	ck_assert_int_eq(m.iso_week[1], 1);
	ck_assert_int_eq(m.iso_year[1], 2027);
	ck_assert_int_eq(m.iso_week[4], 4);
}
END_TEST

START_TEST(test_month_invalid)
{
	struct calendar_month m;

	calendar_month(2027, 13, &m);
	ck_assert_int_eq(m.weeks, 0);
	calendar_month(2027, 0, &m);
	ck_assert_int_eq(m.weeks, 0);
	calendar_month(0, 5, &m);
	ck_assert_int_eq(m.weeks, 0);
}
END_TEST

START_TEST(test_week_start)
{
	struct date sun = { 2027, 8, 1 }, mon = { 2026, 11, 23 }, fri = { 2027, 1, 1 }, r;

	r = calendar_week_start(&sun);
	ck_assert_date(r, "2027-07-26");
	r = calendar_week_start(&mon);
	ck_assert_date(r, "2026-11-23");
	r = calendar_week_start(&fri);
	ck_assert_date(r, "2026-12-28");
}
END_TEST

/* The Christmas holiday of 2026: 19 December .. 3 January. */
static bool
calendar_test_christmas(const struct date *d, void *arg)
{
	struct date from = { 2026, 12, 19 }, to = { 2027, 1, 3 };
	int *calls = arg;

	(*calls)++;
	return date_compare(d, &from) >= 0 && date_compare(d, &to) <= 0;
}

static bool
calendar_test_always(const struct date *d, void *arg)
{
	int *calls = arg;

	(void)d;
	(*calls)++;
	return true;
}

START_TEST(test_series_holiday)
{
	/* From a Monday, on Wednesdays, fortnightly, five times. */
	struct calendar_series s = { { 2026, 11, 23 }, 3, 2, 5 };
	struct date out[5], skipped[4];
	size_t n = 99, nskip = 99;
	int calls = 0;

	ck_assert_int_eq(calendar_series_days(&s, calendar_test_christmas, &calls, out, 5, &n,
	    skipped, 4, &nskip), 0);
	ck_assert_uint_eq(n, 5);
	ck_assert_date(out[0], "2026-11-25");
	ck_assert_date(out[1], "2026-12-09");
	ck_assert_date(out[2], "2027-01-06");
	ck_assert_date(out[3], "2027-01-20");
	ck_assert_date(out[4], "2027-02-03");
	ck_assert_uint_eq(nskip, 1);
	ck_assert_date(skipped[0], "2026-12-23");
	ck_assert_int_eq(calls, 6);
}
END_TEST

START_TEST(test_series_simple)
{
	struct calendar_series once = { { 2026, 11, 25 }, 3, 1, 1 };
	struct calendar_series weekly = { { 2026, 12, 30 }, 1, 1, 3 };
	struct date out[3];
	size_t n;

	/* The weekday itself is "on or after"; no callback, nowhere for skips. */
	ck_assert_int_eq(calendar_series_days(&once, NULL, NULL, out, 1, &n, NULL, 0, NULL), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_date(out[0], "2026-11-25");
	ck_assert_int_eq(calendar_series_days(&weekly, NULL, NULL, out, 3, &n, NULL, 0, NULL), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_date(out[0], "2027-01-04");
	ck_assert_date(out[2], "2027-01-18");
}
END_TEST

START_TEST(test_series_skipped_short)
{
	/* Skipped days beyond skipped_max are left out, the series is whole. */
	struct calendar_series s = { { 2026, 12, 1 }, 1, 1, 2 };
	struct date out[2], skipped[1];
	size_t n, nskip;
	int calls = 0;

	ck_assert_int_eq(calendar_series_days(&s, calendar_test_christmas, &calls, out, 2, &n,
	    skipped, 1, &nskip), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_date(out[0], "2026-12-07");
	ck_assert_date(out[1], "2026-12-14");
	ck_assert_uint_eq(nskip, 0);
	s.from.day = 20;
	ck_assert_int_eq(calendar_series_days(&s, calendar_test_christmas, &calls, out, 2, &n,
	    skipped, 1, &nskip), 0);
	ck_assert_date(out[0], "2027-01-04");
	ck_assert_date(out[1], "2027-01-11");
	ck_assert_uint_eq(nskip, 1);
	ck_assert_date(skipped[0], "2026-12-21");
}
END_TEST

START_TEST(test_series_invalid)
{
	const struct calendar_series good = { { 2026, 11, 23 }, 3, 2, 5 };
	struct calendar_series s;
	struct date out[CALENDAR_SERIES_MAX + 1];
	size_t n = 99, nskip = 99;

	s = good;
	ck_assert_int_eq(calendar_series_days(&s, NULL, NULL, out, 5, &n, NULL, 0, &nskip), 0);
	s.weekday = 0;
	ck_assert_int_eq(calendar_series_days(&s, NULL, NULL, out, 5, &n, NULL, 0, &nskip), -1);
	ck_assert_uint_eq(n, 0);
	ck_assert_uint_eq(nskip, 0);
	s.weekday = 8;
	ck_assert_int_eq(calendar_series_days(&s, NULL, NULL, out, 5, &n, NULL, 0, NULL), -1);
	s = good;
	s.every_weeks = 0;
	ck_assert_int_eq(calendar_series_days(&s, NULL, NULL, out, 5, &n, NULL, 0, NULL), -1);
	s.every_weeks = 53;
	ck_assert_int_eq(calendar_series_days(&s, NULL, NULL, out, 5, &n, NULL, 0, NULL), -1);
	s = good;
	s.count = 0;
	ck_assert_int_eq(calendar_series_days(&s, NULL, NULL, out, 5, &n, NULL, 0, NULL), -1);
	s.count = CALENDAR_SERIES_MAX + 1;
	ck_assert_int_eq(calendar_series_days(&s, NULL, NULL, out, CALENDAR_SERIES_MAX + 1, &n,
	    NULL, 0, NULL), -1);
	s.count = CALENDAR_SERIES_MAX;
	ck_assert_int_eq(calendar_series_days(&s, NULL, NULL, out, CALENDAR_SERIES_MAX, &n,
	    NULL, 0, NULL), 0);
	ck_assert_uint_eq(n, CALENDAR_SERIES_MAX);
	s = good;
	s.from.year = 2027;
	s.from.month = 2;
	s.from.day = 29;
	ck_assert_int_eq(calendar_series_days(&s, NULL, NULL, out, 5, &n, NULL, 0, NULL), -1);
	s = good;
	ck_assert_int_eq(calendar_series_days(&s, NULL, NULL, out, 4, &n, NULL, 0, NULL), -1);
	ck_assert_int_eq(calendar_series_days(NULL, NULL, NULL, out, 5, &n, NULL, 0, NULL), -1);
	ck_assert_int_eq(calendar_series_days(&s, NULL, NULL, NULL, 5, &n, NULL, 0, NULL), -1);
	ck_assert_int_eq(calendar_series_days(&s, NULL, NULL, out, 5, NULL, NULL, 0, NULL), -1);
	/* Off the end of the calendar. */
	s.from.year = 9999;
	s.from.month = 12;
	s.from.day = 1;
	ck_assert_int_eq(calendar_series_days(&s, NULL, NULL, out, 5, &n, NULL, 0, NULL), -1);
}
END_TEST

START_TEST(test_series_all_holiday)
{
	struct calendar_series s = { { 2026, 11, 23 }, 3, 1, 3 };
	struct date out[3], skipped[CALENDAR_SKIPPED_MAX];
	size_t n = 99, nskip = 99;
	int calls = 0;

	ck_assert_int_eq(calendar_series_days(&s, calendar_test_always, &calls, out, 3, &n,
	    skipped, CALENDAR_SKIPPED_MAX, &nskip), -1);
	ck_assert_uint_eq(n, 0);
	ck_assert_uint_eq(nskip, 0);
	/* It gives up on the first candidate past the limit, not later. */
	ck_assert_int_eq(calls, CALENDAR_SKIPPED_LIMIT(3) + 1);
}
END_TEST

START_TEST(test_overlaps)
{
	struct date d = { 2026, 11, 23 }, next = { 2026, 11, 24 };

	/* 13:00-14:00 and 14:00-15:00 touch but do not clash, either way round. */
	ck_assert(!calendar_overlaps(&d, 780, 840, &d, 840, 900));
	ck_assert(!calendar_overlaps(&d, 840, 900, &d, 780, 840));
	ck_assert(calendar_overlaps(&d, 780, 870, &d, 840, 900));
	ck_assert(calendar_overlaps(&d, 780, 900, &d, 800, 820));
	ck_assert(calendar_overlaps(&d, 800, 820, &d, 780, 900));
	ck_assert(calendar_overlaps(&d, 780, 840, &d, 780, 840));
	ck_assert(!calendar_overlaps(&d, 780, 840, &next, 780, 840));
	/* 23:00 until 01:00 the next night clashes with 00:30 that night. */
	ck_assert(calendar_overlaps(&d, 1380, 1500, &next, 30, 60));
	ck_assert(!calendar_overlaps(&d, 1380, 1440, &next, 0, 60));
	/* Empty intervals and missing days clash with nothing. */
	ck_assert(!calendar_overlaps(&d, 800, 800, &d, 780, 840));
	ck_assert(!calendar_overlaps(&d, 840, 780, &d, 780, 840));
	ck_assert(!calendar_overlaps(NULL, 780, 840, &d, 780, 840));
	ck_assert(!calendar_overlaps(&d, 780, 840, NULL, 780, 840));
}
END_TEST

START_TEST(test_parse_times_good)
{
	int s = -1, e = -1;

	ck_assert_int_eq(calendar_parse_times("14:30-16:00", &s, &e), 0);
	ck_assert_int_eq(s, 870);
	ck_assert_int_eq(e, 960);
	s = e = -1;
	ck_assert_int_eq(calendar_parse_times("14:30 - 16:00", &s, &e), 0);
	ck_assert_int_eq(s, 870);
	ck_assert_int_eq(e, 960);
	s = e = -1;
	ck_assert_int_eq(calendar_parse_times("14.30-16.00", &s, &e), 0);
	ck_assert_int_eq(s, 870);
	ck_assert_int_eq(e, 960);
	ck_assert_int_eq(calendar_parse_times("9:00\xe2\x80\x93" "10:30", &s, &e), 0);
	ck_assert_int_eq(s, 540);
	ck_assert_int_eq(e, 630);
	ck_assert_int_eq(calendar_parse_times(" 9:00 \xe2\x80\x94 10:30 ", &s, &e), 0);
	ck_assert_int_eq(s, 540);
	ck_assert_int_eq(e, 630);
	ck_assert_int_eq(calendar_parse_times("0:00-23:59", &s, &e), 0);
	ck_assert_int_eq(s, 0);
	ck_assert_int_eq(e, 1439);
}
END_TEST

START_TEST(test_parse_times_bad)
{
	static const char *const bad[] = {
		"", " ", "14:30", "16:00-14:30", "14:00-14:00", "25:00-26:00",
		"23:00-24:00", "14:30-", "-16:00", "14:30-16:00-17:00", "14:30-16:00x",
		"9:5-10:00", "14:30 16:00", "14:30--16:00", "\xe2\x80\x93",
	};
	size_t i;
	int s = -7, e = -7;

	ck_assert_int_eq(calendar_parse_times(NULL, &s, &e), -1);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(calendar_parse_times(bad[i], &s, &e) == -1, "accepted \"%s\"",
		    bad[i]);
	/* A refused text leaves the form's values alone. */
	ck_assert_int_eq(s, -7);
	ck_assert_int_eq(e, -7);
}
END_TEST

Suite *
suite_calendar(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_month_rows);
	tcase_add_test(tc, test_month_new_year);
	tcase_add_test(tc, test_month_invalid);
	tcase_add_test(tc, test_week_start);
	tcase_add_test(tc, test_series_holiday);
	tcase_add_test(tc, test_series_simple);
	tcase_add_test(tc, test_series_skipped_short);
	tcase_add_test(tc, test_series_invalid);
	tcase_add_test(tc, test_series_all_holiday);
	tcase_add_test(tc, test_overlaps);
	tcase_add_test(tc, test_parse_times_good);
	tcase_add_test(tc, test_parse_times_bad);
	suite_add_tcase(s, tc);
	return s;
}

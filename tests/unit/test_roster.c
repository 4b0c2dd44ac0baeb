/* test_roster.c — membership intervals: boundaries, open ends, rejoining, overlaps. */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/roster.h"
#include "suites.h"

#define BAD_DATE "not a valid date"
#define END_BEFORE "the end date is before the start date"
#define EARLIER "this overlaps an earlier membership from %s"
#define LATER "this overlaps a later membership from %s"
#define ENDED "this membership has already ended"

/* An interval from ISO start to ISO end, open when end is NULL. */
static struct interval
test_roster_iv(const char *start, const char *end)
{
	struct interval iv;

	memset(&iv, 0, sizeof iv);
	ck_assert_int_eq(date_parse_iso(start, &iv.start), 0);
	iv.open = end == NULL;
	if (end != NULL)
		ck_assert_int_eq(date_parse_iso(end, &iv.end), 0);
	return iv;
}

/* A date from ISO. */
static struct date
test_roster_day(const char *iso)
{
	struct date d;

	ck_assert_int_eq(date_parse_iso(iso, &d), 0);
	return d;
}

/* Is the ISO day within iv? */
static bool
test_roster_in(const struct interval *iv, const char *day)
{
	struct date d = test_roster_day(day);

	return interval_contains(iv, &d);
}

START_TEST(test_contains)
{
	struct interval year = test_roster_iv("2026-08-01", "2027-07-31");
	struct interval open = test_roster_iv("2026-08-01", NULL);
	struct interval day = test_roster_iv("2026-09-15", "2026-09-15");

	ck_assert(!test_roster_in(&year, "2026-07-31"));
	ck_assert(test_roster_in(&year, "2026-08-01"));	/* both ends count */
	ck_assert(test_roster_in(&year, "2027-01-01"));
	ck_assert(test_roster_in(&year, "2027-07-31"));
	ck_assert(!test_roster_in(&year, "2027-08-01"));
	ck_assert(!test_roster_in(&open, "2026-07-31"));
	ck_assert(test_roster_in(&open, "2026-08-01"));
	ck_assert(test_roster_in(&open, "9999-12-31"));
	ck_assert(test_roster_in(&day, "2026-09-15"));
	ck_assert(!test_roster_in(&day, "2026-09-14"));
	ck_assert(!test_roster_in(&day, "2026-09-16"));
	/* an open interval's end is ignored, whatever it holds */
	open.end = test_roster_day("2026-08-02");
	ck_assert(test_roster_in(&open, "2030-01-01"));
}
END_TEST

/* Do the intervals overlap, checked both ways round (it must be symmetric)? */
static bool
test_roster_overlap(const char *as, const char *ae, const char *bs, const char *be)
{
	struct interval a = test_roster_iv(as, ae), b = test_roster_iv(bs, be);
	bool ab = interval_overlaps(&a, &b);

	ck_assert_int_eq(ab, interval_overlaps(&b, &a));
	return ab;
}

START_TEST(test_overlaps)
{
	/* closed and closed: one shared day is an overlap, adjacent days are not */
	ck_assert(test_roster_overlap("2026-01-01", "2026-01-31", "2026-01-31", "2026-02-28"));
	ck_assert(!test_roster_overlap("2026-01-01", "2026-01-31", "2026-02-01", "2026-02-28"));
	ck_assert(test_roster_overlap("2026-01-01", "2026-12-31", "2026-03-01", "2026-03-02"));
	ck_assert(!test_roster_overlap("2020-01-01", "2020-12-31", "2026-03-01", "2026-03-02"));
	/* open ones */
	ck_assert(test_roster_overlap("2026-01-01", NULL, "2030-01-01", "2030-01-02"));
	ck_assert(test_roster_overlap("2026-01-01", NULL, "2025-01-01", "2026-01-01"));
	ck_assert(!test_roster_overlap("2026-01-01", NULL, "2025-01-01", "2025-12-31"));
	ck_assert(test_roster_overlap("2026-01-01", NULL, "2040-01-01", NULL));
	ck_assert(test_roster_overlap("2026-01-01", NULL, "2026-01-01", NULL));
}
END_TEST

START_TEST(test_new_first_and_rejoin)
{
	struct interval have[] = {
		test_roster_iv("2024-08-01", "2025-01-31"),
		test_roster_iv("2025-08-01", "2026-01-31"),
	};
	struct interval add;
	long clash = 99;

	/* the first membership */
	add = test_roster_iv("2024-08-01", NULL);
	ck_assert_ptr_null(roster_check_new(NULL, 0, &add, &clash));
	ck_assert_int_eq(clash, -1);
	/* a rejoin the day after the last end, open or closed */
	add = test_roster_iv("2026-02-01", NULL);
	clash = 99;
	ck_assert_ptr_null(roster_check_new(have, 2, &add, &clash));
	ck_assert_int_eq(clash, -1);
	add = test_roster_iv("2027-01-01", "2027-06-30");
	ck_assert_ptr_null(roster_check_new(have, 2, &add, &clash));
	/* in the gap between two memberships */
	add = test_roster_iv("2025-02-01", "2025-07-31");
	ck_assert_ptr_null(roster_check_new(have, 2, &add, &clash));
	ck_assert_int_eq(clash, -1);
	/* a one-day membership; clash may be NULL */
	add = test_roster_iv("2025-05-05", "2025-05-05");
	ck_assert_ptr_null(roster_check_new(have, 2, &add, NULL));
}
END_TEST

START_TEST(test_new_overlap_refused)
{
	struct interval closed[] = {
		test_roster_iv("2024-08-01", "2025-01-31"),
		test_roster_iv("2025-08-01", "2026-01-31"),
	};
	struct interval open[] = {
		test_roster_iv("2020-01-01", "2020-12-31"),
		test_roster_iv("2025-08-01", NULL),
	};
	struct interval add;
	long clash = 99;

	/* rejoining on the very day of the end is one day too early */
	add = test_roster_iv("2026-01-31", NULL);
	ck_assert_str_eq(roster_check_new(closed, 2, &add, &clash), EARLIER);
	ck_assert_int_eq(clash, 1);
	/* closed into closed, from before: a later membership */
	add = test_roster_iv("2025-03-01", "2025-08-01");
	ck_assert_str_eq(roster_check_new(closed, 2, &add, &clash), LATER);
	ck_assert_int_eq(clash, 1);
	/* spanning both: the earliest is reported */
	add = test_roster_iv("2024-01-01", "2026-12-31");
	ck_assert_str_eq(roster_check_new(closed, 2, &add, &clash), LATER);
	ck_assert_int_eq(clash, 0);
	add = test_roster_iv("2024-09-01", NULL);
	ck_assert_str_eq(roster_check_new(closed, 2, &add, &clash), EARLIER);
	ck_assert_int_eq(clash, 0);
	/* while still a member: any later start clashes with the open one */
	add = test_roster_iv("2030-01-01", NULL);
	ck_assert_str_eq(roster_check_new(open, 2, &add, &clash), EARLIER);
	ck_assert_int_eq(clash, 1);
	add = test_roster_iv("2030-01-01", "2030-01-31");
	ck_assert_str_eq(roster_check_new(open, 2, &add, &clash), EARLIER);
	ck_assert_int_eq(clash, 1);
	/* the same start day */
	add = test_roster_iv("2025-08-01", NULL);
	ck_assert_str_eq(roster_check_new(open, 2, &add, &clash), EARLIER);
	ck_assert_int_eq(clash, 1);
	/* an open interval before an existing one */
	add = test_roster_iv("2021-01-01", NULL);
	ck_assert_str_eq(roster_check_new(open, 2, &add, &clash), LATER);
	ck_assert_int_eq(clash, 1);
	/* before all, ending before the first: fine */
	add = test_roster_iv("2019-01-01", "2019-12-31");
	ck_assert_ptr_null(roster_check_new(open, 2, &add, &clash));
	ck_assert_int_eq(clash, -1);
}
END_TEST

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
/* Format a message as callers do: the clashing start date is the argument. */
static void
test_roster_format(char *buf, size_t size, const char *msg, const struct interval *iv)
{
	char iso[DATE_ISO_LEN];

	snprintf(buf, size, msg, date_format_iso(&iv->start, iso));
}
#pragma GCC diagnostic pop

START_TEST(test_new_message_formats)
{
	struct interval have[] = { test_roster_iv("2025-08-01", NULL) };
	struct interval add = test_roster_iv("2026-01-01", NULL);
	const char *msg;
	char buf[128];
	long clash;

	msg = roster_check_new(have, 1, &add, &clash);
	ck_assert_int_eq(clash, 0);
	test_roster_format(buf, sizeof buf, msg, &have[clash]);
	ck_assert_str_eq(buf, "this overlaps an earlier membership from 2025-08-01");
	/* the messages without %s ignore the argument */
	add = test_roster_iv("2027-01-01", "2026-12-31");
	msg = roster_check_new(have, 1, &add, &clash);
	test_roster_format(buf, sizeof buf, msg, &have[0]);
	ck_assert_str_eq(buf, END_BEFORE);
}
END_TEST

START_TEST(test_new_bad_dates)
{
	struct interval have[] = { test_roster_iv("2025-08-01", "2025-12-31") };
	struct interval add = test_roster_iv("2027-01-01", "2026-12-31");
	long clash = 99;

	/* end before start is refused before any overlap is looked at */
	ck_assert_str_eq(roster_check_new(have, 1, &add, &clash), END_BEFORE);
	ck_assert_int_eq(clash, -1);
	add = test_roster_iv("2025-12-01", "2025-11-30");
	clash = 99;
	ck_assert_str_eq(roster_check_new(have, 1, &add, &clash), END_BEFORE);
	ck_assert_int_eq(clash, -1);
	add = test_roster_iv("2026-01-01", NULL);
	add.start.day = 32;
	ck_assert_str_eq(roster_check_new(have, 1, &add, &clash), BAD_DATE);
	add = test_roster_iv("2026-01-01", "2026-01-02");
	add.end.month = 2;
	add.end.day = 30;
	ck_assert_str_eq(roster_check_new(have, 1, &add, &clash), BAD_DATE);
	/* an open interval's end is not looked at */
	add.open = true;
	ck_assert_ptr_null(roster_check_new(have, 1, &add, &clash));
}
END_TEST

START_TEST(test_end)
{
	struct interval open = test_roster_iv("2026-08-01", NULL);
	struct interval closed = test_roster_iv("2026-08-01", "2026-12-31");
	struct date d;

	d = test_roster_day("2026-07-31");
	ck_assert_str_eq(roster_check_end(&open, &d), END_BEFORE);
	d = test_roster_day("2026-08-01");
	ck_assert_ptr_null(roster_check_end(&open, &d));	/* one day */
	d = test_roster_day("2027-07-31");
	ck_assert_ptr_null(roster_check_end(&open, &d));
	ck_assert_str_eq(roster_check_end(&closed, &d), ENDED);
	d.month = 2;
	d.day = 29;	/* 2027 is no leap year */
	ck_assert_str_eq(roster_check_end(&open, &d), BAD_DATE);
}
END_TEST

Suite *
suite_roster(void)
{
	Suite *s = suite_create("roster");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_contains);
	tcase_add_test(tc, test_overlaps);
	tcase_add_test(tc, test_new_first_and_rejoin);
	tcase_add_test(tc, test_new_overlap_refused);
	tcase_add_test(tc, test_new_message_formats);
	tcase_add_test(tc, test_new_bad_dates);
	tcase_add_test(tc, test_end);
	suite_add_tcase(s, tc);
	return s;
}

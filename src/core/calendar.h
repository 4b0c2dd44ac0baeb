/*
 * calendar.h — the arithmetic behind the calendar screen and the meeting
 * form: the rows of a month view, series of meetings, clashes between
 * meetings and the times typed in a form.
 *
 * Plain rules on struct date (core/date.h); nothing here allocates, stores or
 * prints. Weeks start on Monday and weekdays are 1 = Monday .. 7 = Sunday, as
 * date_weekday() has them. Names of days and months are the UI's business.
 */
#ifndef LEERNET_CORE_CALENDAR_H
#define LEERNET_CORE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"

/* Most meetings one series may hold. */
#define CALENDAR_SERIES_MAX 100
/*
 * Most candidate days a series may skip before it gives up: 2 * count + 52.
 * A skipped array of CALENDAR_SKIPPED_MAX entries never runs short.
 */
#define CALENDAR_SKIPPED_LIMIT(count) (2 * (count) + 52)
#define CALENDAR_SKIPPED_MAX CALENDAR_SKIPPED_LIMIT(CALENDAR_SERIES_MAX)

/* The rows of a month view; row i holds first + 7 * i .. first + 7 * i + 6. */
struct calendar_month {
	struct date first;	/* Monday of the first row */
	int weeks;		/* rows: 4..6; 0 when the month was invalid */
	int iso_week[6];	/* ISO week of each row, 0 past weeks */
	int iso_year[6];	/* the year that week belongs to, 0 past weeks */
};

/*
 * Fill *out with the Monday-first rows that cover every day of month
 * (1..12) of year (1..9999). Out of range, *out is zeroed (weeks 0).
 */
void calendar_month(int year, int month, struct calendar_month *out);

/* The Monday on or before *d. */
struct date calendar_week_start(const struct date *d);

/*
 * Is *d a day off (a holiday, a study day)? arg is the caller's, passed
 * through untouched.
 */
typedef bool (*calendar_holiday_fn)(const struct date *d, void *arg);

/* A series of meetings: count meetings on weekday, every every_weeks weeks. */
struct calendar_series {
	struct date from;	/* the series starts on the first weekday on or after this */
	int weekday;		/* 1 = Monday .. 7 = Sunday */
	int every_weeks;	/* 1..52 */
	int count;		/* 1..CALENDAR_SERIES_MAX */
};

/*
 * The days of series *s into out (out_max entries, at least s->count) and
 * the count into *n. A candidate day for which is_holiday returns true is
 * skipped and does not count: the series moves on, so it still holds exactly
 * s->count meetings. Skipped days go into skipped (may be NULL with
 * skipped_max 0; at most skipped_max are kept) and their kept number into
 * *n_skipped (may be NULL). is_holiday may be NULL: no day is off.
 *
 * Returns 0, or -1 when the series is invalid (weekday, every_weeks, count
 * or from out of range, s, out or n NULL, out_max < count), when more than
 * CALENDAR_SKIPPED_LIMIT(count) candidates were skipped, or when the series
 * would run past 9999-12-31. On -1, *n and *n_skipped are 0.
 */
int calendar_series_days(const struct calendar_series *s, calendar_holiday_fn is_holiday,
    void *arg, struct date *out, size_t out_max, size_t *n, struct date *skipped,
    size_t skipped_max, size_t *n_skipped);

/*
 * Do two meetings clash? Each is a day and minutes since that day's midnight,
 * as the half-open interval [start, end): one that ends at 14:00 does not
 * clash with one that starts at 14:00. Minutes may pass 1440 for a meeting
 * that runs past midnight. An empty interval (end <= start) or a NULL day
 * clashes with nothing.
 */
bool calendar_overlaps(const struct date *day_a, int start_a, int end_a,
    const struct date *day_b, int start_b, int end_b);

/*
 * Parse the times typed in a meeting form: "14:30-16:00", "14:30 - 16:00",
 * "14.30-16.00" or with an en or em dash ("9:00–10:30", as word processors
 * and phones turn a hyphen into). Each time follows
 * time_parse(), so 24:00 is refused; the end must be after the start.
 * Returns 0 with minutes since midnight in *start_min and *end_min, or -1
 * leaving them untouched.
 */
int calendar_parse_times(const char *text, int *start_min, int *end_min);

#endif

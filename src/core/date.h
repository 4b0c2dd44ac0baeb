/*
 * date.h — calendar dates, times of day, ISO weeks and school years.
 *
 * One representation of time throughout leernet (see src/store/schema.md):
 * a date is "YYYY-MM-DD", a moment is local wall-clock time "YYYY-MM-DDTHH:MM".
 * The network lives in one time zone; no UTC conversion happens anywhere.
 *
 * "Today" comes from an injectable clock so that tests can fix it.
 */
#ifndef LEERNET_CORE_DATE_H
#define LEERNET_CORE_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct date {
	int year;	/* 1 .. 9999 */
	int month;	/* 1 .. 12 */
	int day;	/* 1 .. 31 */
};

#define DATE_ISO_LEN 11		/* "YYYY-MM-DD" and its NUL */
#define DATETIME_ISO_LEN 17	/* "YYYY-MM-DDTHH:MM" and its NUL */

bool date_valid(const struct date *d);
int date_days_in_month(int year, int month);

/* Days since 1970-01-01 (negative before) and back. */
long date_to_days(const struct date *d);
struct date date_from_days(long days);
struct date date_add_days(const struct date *d, long n);
/* Same day n months on, clamped to the month's last day. */
struct date date_add_months(const struct date *d, int n);
int date_compare(const struct date *a, const struct date *b);

/* 1 = Monday .. 7 = Sunday. */
int date_weekday(const struct date *d);
/* ISO 8601 week number (1..53); *iso_year receives the week's year. */
int date_iso_week(const struct date *d, int *iso_year);

/*
 * School year: 1 August .. 31 July. Returns the year in which it starts
 * (2026 for 2026-08-01 .. 2027-07-31) and fills first/last when not NULL.
 */
int date_school_year(const struct date *d, struct date *first, struct date *last);

/*
 * Parse a date typed the Dutch way ("23-11-2026", "23-11-26" is refused,
 * "1-2-2027" accepted) or as ISO ("2026-11-23"). Returns 0 or -1.
 */
int date_parse(const char *s, struct date *out);
/* Strict ISO "YYYY-MM-DD" only, as stored. Returns 0 or -1. */
int date_parse_iso(const char *s, struct date *out);
/* Writes "YYYY-MM-DD"; buf must hold DATE_ISO_LEN bytes. Returns buf. */
char *date_format_iso(const struct date *d, char *buf);
/* Writes "dd-mm-yyyy"; buf must hold DATE_ISO_LEN bytes. Returns buf. */
char *date_format_nl(const struct date *d, char *buf);

/* Time of day as minutes since midnight: "14:30", "9:05". 0 or -1. */
int time_parse(const char *s, int *minutes);

/* Parse "YYYY-MM-DDTHH:MM" (or with a space). 0 or -1. */
int datetime_parse_iso(const char *s, struct date *d, int *minutes);
/* Writes "YYYY-MM-DDTHH:MM"; buf must hold DATETIME_ISO_LEN. Returns buf. */
char *datetime_format_iso(const struct date *d, int minutes, char *buf);

/*
 * The clock. By default the system's local time; date_clock_fix() pins it
 * (tests, LEERNET_TODAY). date_clock_fix(NULL) returns to the system clock.
 */
void date_clock_fix(const struct date *today);
struct date date_today(void);
/* Minutes since midnight now (0 when the clock is fixed). */
int date_now_minutes(void);

#endif

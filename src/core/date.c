/* date.c — proleptic Gregorian date arithmetic without time zones. */
#include "autoconf.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"

static bool date_clock_fixed;
static struct date date_clock_value;

static bool
date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && date_leap(year))
		return 29;
	return days[month - 1];
}

bool
date_valid(const struct date *d)
{
	if (d == NULL || d->year < 1 || d->year > 9999)
		return false;
	if (d->month < 1 || d->month > 12)
		return false;
	return d->day >= 1 && d->day <= date_days_in_month(d->year, d->month);
}

/* Howard Hinnant's days_from_civil, for a proleptic Gregorian calendar. */
long
date_to_days(const struct date *d)
{
	long y = d->year - (d->month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (d->month + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d->day - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

struct date
date_from_days(long z)
{
	struct date d;
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(yoe + era * 400 + (d.month <= 2));
	return d;
}

struct date
date_add_days(const struct date *d, long n)
{
	return date_from_days(date_to_days(d) + n);
}

struct date
date_add_months(const struct date *d, int n)
{
	struct date r = *d;
	int m = d->year * 12 + (d->month - 1) + n;
	int last;

	r.year = m / 12;
	r.month = m % 12 + 1;
	last = date_days_in_month(r.year, r.month);
	if (r.day > last)
		r.day = last;
	return r;
}

int
date_compare(const struct date *a, const struct date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

int
date_weekday(const struct date *d)
{
	long days = date_to_days(d);	/* 1970-01-01 was a Thursday (4) */
	long w = (days + 3) % 7;

	if (w < 0)
		w += 7;
	return (int)w + 1;
}

int
date_iso_week(const struct date *d, int *iso_year)
{
	/* The week belongs to the year of its Thursday. */
	struct date thu = date_add_days(d, 4 - date_weekday(d));
	struct date jan1 = { thu.year, 1, 1 };
	long ordinal = date_to_days(&thu) - date_to_days(&jan1);

	if (iso_year != NULL)
		*iso_year = thu.year;
	return (int)(ordinal / 7) + 1;
}

int
date_school_year(const struct date *d, struct date *first, struct date *last)
{
	int y = d->month >= 8 ? d->year : d->year - 1;

	if (first != NULL) {
		first->year = y;
		first->month = 8;
		first->day = 1;
	}
	if (last != NULL) {
		last->year = y + 1;
		last->month = 7;
		last->day = 31;
	}
	return y;
}

/* Read 1..max digits into *out; returns the number of digits read. */
static int
date_digits(const char **p, int max, int *out)
{
	int n = 0, v = 0;

	while (n < max && isdigit((unsigned char)**p)) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*out = v;
	return n;
}

int
date_parse_iso(const char *s, struct date *out)
{
	struct date d;
	const char *p = s;

	if (s == NULL || strlen(s) != 10)
		return -1;
	if (date_digits(&p, 4, &d.year) != 4 || *p++ != '-')
		return -1;
	if (date_digits(&p, 2, &d.month) != 2 || *p++ != '-')
		return -1;
	if (date_digits(&p, 2, &d.day) != 2 || *p != '\0')
		return -1;
	if (!date_valid(&d))
		return -1;
	*out = d;
	return 0;
}

int
date_parse(const char *s, struct date *out)
{
	struct date d;
	const char *p;
	int n1, a;

	if (s == NULL)
		return -1;
	while (isspace((unsigned char)*s))
		s++;
	p = s;
	n1 = date_digits(&p, 4, &a);
	if (n1 == 4)
		return date_parse_iso(s, out);
	if (n1 < 1 || (*p != '-' && *p != '/' && *p != '.'))
		return -1;
	d.day = a;
	p++;
	if (date_digits(&p, 2, &d.month) < 1 || (*p != '-' && *p != '/' && *p != '.'))
		return -1;
	p++;
	if (date_digits(&p, 4, &d.year) != 4)
		return -1;
	while (isspace((unsigned char)*p))
		p++;
	if (*p != '\0' || !date_valid(&d))
		return -1;
	*out = d;
	return 0;
}

char *
date_format_iso(const struct date *d, char *buf)
{
	snprintf(buf, DATE_ISO_LEN, "%04u-%02u-%02u", (unsigned)d->year % 10000u,
	    (unsigned)d->month % 100u, (unsigned)d->day % 100u);
	return buf;
}

char *
date_format_nl(const struct date *d, char *buf)
{
	snprintf(buf, DATE_ISO_LEN, "%02u-%02u-%04u", (unsigned)d->day % 100u,
	    (unsigned)d->month % 100u, (unsigned)d->year % 10000u);
	return buf;
}

int
time_parse(const char *s, int *minutes)
{
	const char *p = s;
	int h, m;

	if (s == NULL)
		return -1;
	if (date_digits(&p, 2, &h) < 1 || (*p != ':' && *p != '.'))
		return -1;
	p++;
	if (date_digits(&p, 2, &m) != 2 || *p != '\0')
		return -1;
	if (h > 23 || m > 59)
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

int
datetime_parse_iso(const char *s, struct date *d, int *minutes)
{
	char datepart[DATE_ISO_LEN];

	if (s == NULL || strlen(s) != 16 || (s[10] != 'T' && s[10] != ' '))
		return -1;
	memcpy(datepart, s, 10);
	datepart[10] = '\0';
	if (date_parse_iso(datepart, d) != 0)
		return -1;
	return time_parse(s + 11, minutes);
}

char *
datetime_format_iso(const struct date *d, int minutes, char *buf)
{
	snprintf(buf, DATETIME_ISO_LEN, "%04u-%02u-%02uT%02u:%02u",
	    (unsigned)d->year % 10000u, (unsigned)d->month % 100u, (unsigned)d->day % 100u,
	    (unsigned)(minutes / 60) % 24u, (unsigned)minutes % 60u);
	return buf;
}

void
date_clock_fix(const struct date *today)
{
	date_clock_fixed = today != NULL;
	if (today != NULL)
		date_clock_value = *today;
}

struct date
date_today(void)
{
	struct date d;
	struct tm tm;
	time_t now;

	if (date_clock_fixed)
		return date_clock_value;
	now = time(NULL);
	localtime_r(&now, &tm);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	return d;
}

int
date_now_minutes(void)
{
	struct tm tm;
	time_t now;

	if (date_clock_fixed)
		return 0;
	now = time(NULL);
	localtime_r(&now, &tm);
	return tm.tm_hour * 60 + tm.tm_min;
}

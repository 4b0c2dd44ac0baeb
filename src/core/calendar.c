/* calendar.c — month rows, meeting series, clashes and typed times. */
#include "autoconf.h"

#include <ctype.h>
#include <string.h>

#include "core/calendar.h"

#define CALENDAR_DAY_MINUTES 1440L

void
calendar_month(int year, int month, struct calendar_month *out)
{
	struct date first = { year, month, 1 }, last, row;
	long span;
	int i;

	memset(out, 0, sizeof(*out));
	if (!date_valid(&first))
		return;
	last = first;
	last.day = date_days_in_month(year, month);
	out->first = calendar_week_start(&first);
	span = date_to_days(&last) - date_to_days(&out->first);
	out->weeks = (int)(span / 7) + 1;
	for (i = 0; i < out->weeks; i++) {
		row = date_add_days(&out->first, 7L * i);
		out->iso_week[i] = date_iso_week(&row, &out->iso_year[i]);
	}
}

struct date
calendar_week_start(const struct date *d)
{
	return date_add_days(d, 1 - date_weekday(d));
}

/* Is the series spec within the ranges the header promises? */
static bool
calendar_series_valid(const struct calendar_series *s, size_t out_max)
{
	if (s->weekday < 1 || s->weekday > 7)
		return false;
	if (s->every_weeks < 1 || s->every_weeks > 52)
		return false;
	if (s->count < 1 || s->count > CALENDAR_SERIES_MAX)
		return false;
	return date_valid(&s->from) && out_max >= (size_t)s->count;
}

int
calendar_series_days(const struct calendar_series *s, calendar_holiday_fn is_holiday,
    void *arg, struct date *out, size_t out_max, size_t *n, struct date *skipped,
    size_t skipped_max, size_t *n_skipped)
{
	struct date day;
	size_t found = 0, kept = 0;
	int nskip = 0;

	if (n != NULL)
		*n = 0;
	if (n_skipped != NULL)
		*n_skipped = 0;
	if (s == NULL || out == NULL || n == NULL || !calendar_series_valid(s, out_max))
		return -1;
	day = date_add_days(&s->from, (s->weekday - date_weekday(&s->from) + 7) % 7);
	while (found < (size_t)s->count) {
		/* A series that walks off the calendar is as wrong as a bad spec. */
		if (day.year > 9999)
			return -1;
		if (is_holiday != NULL && is_holiday(&day, arg)) {
			/* Without a limit, a callback that says "off" to all never ends. */
			if (++nskip > CALENDAR_SKIPPED_LIMIT(s->count))
				return -1;
			if (skipped != NULL && kept < skipped_max)
				skipped[kept++] = day;
		} else
			out[found++] = day;
		day = date_add_days(&day, 7L * s->every_weeks);
	}
	*n = found;
	if (n_skipped != NULL)
		*n_skipped = kept;
	return 0;
}

bool
calendar_overlaps(const struct date *day_a, int start_a, int end_a,
    const struct date *day_b, int start_b, int end_b)
{
	long a0, a1, b0, b1;

	if (day_a == NULL || day_b == NULL || end_a <= start_a || end_b <= start_b)
		return false;
	/* On one time line, meetings past midnight compare like any other. */
	a0 = date_to_days(day_a) * CALENDAR_DAY_MINUTES + start_a;
	a1 = date_to_days(day_a) * CALENDAR_DAY_MINUTES + end_a;
	b0 = date_to_days(day_b) * CALENDAR_DAY_MINUTES + start_b;
	b1 = date_to_days(day_b) * CALENDAR_DAY_MINUTES + end_b;
	return a0 < b1 && b0 < a1;
}

/* One time of day out of s[0..len), blanks around it allowed. */
static int
calendar_parse_time(const char *s, size_t len, int *minutes)
{
	char buf[8];

	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0 || len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return time_parse(buf, minutes);
}

/* Where the separator between the two times starts, and its length in bytes. */
static const char *
calendar_times_separator(const char *text, size_t *len)
{
	static const char *const dashes[] = { "-", "\xe2\x80\x93", "\xe2\x80\x94" };
	const char *p;
	size_t i;

	for (p = text; *p != '\0'; p++) {
		for (i = 0; i < sizeof(dashes) / sizeof(dashes[0]); i++) {
			*len = strlen(dashes[i]);
			if (strncmp(p, dashes[i], *len) == 0)
				return p;
		}
	}
	return NULL;
}

int
calendar_parse_times(const char *text, int *start_min, int *end_min)
{
	const char *sep;
	size_t seplen;
	int start, end;

	if (text == NULL || (sep = calendar_times_separator(text, &seplen)) == NULL)
		return -1;
	if (calendar_parse_time(text, (size_t)(sep - text), &start) != 0)
		return -1;
	sep += seplen;
	if (calendar_parse_time(sep, strlen(sep), &end) != 0 || end <= start)
		return -1;
	*start_min = start;
	*end_min = end;
	return 0;
}

/* hours.c — what attendance earns, and which school year a statement covers. */
#include "autoconf.h"

#include <stdio.h>
#include <string.h>

#include "core/hours.h"

static const char *const hours_status_keys[] = {
	[HOURS_PRESENT] = "present", [HOURS_LATE] = "late",
	[HOURS_EXCUSED] = "excused", [HOURS_ABSENT] = "absent",
};

bool
hours_status_parse(const char *key, enum hours_status *out)
{
	size_t i;

	for (i = 0; key != NULL && i < sizeof hours_status_keys / sizeof hours_status_keys[0];
	    i++) {
		if (strcmp(key, hours_status_keys[i]) == 0) {
			*out = (enum hours_status)i;
			return true;
		}
	}
	return false;
}

bool
hours_meeting_held(const char *meeting_status)
{
	return meeting_status != NULL && strcmp(meeting_status, "held") == 0;
}

int
hours_duration(const char *starts_at, const char *ends_at)
{
	struct date d1, d2;
	int m1, m2;
	long n;

	if (starts_at == NULL || ends_at == NULL || datetime_parse_iso(starts_at, &d1, &m1) != 0 ||
	    datetime_parse_iso(ends_at, &d2, &m2) != 0)
		return -1;
	n = (date_to_days(&d2) - date_to_days(&d1)) * 24 * 60 + m2 - m1;
	if (n <= 0 || n > 100L * 24 * 60)
		return -1;
	return (int)n;
}

int
hours_credited(bool held, enum hours_status status, int duration, int minutes)
{
	int n;

	if (!held || duration <= 0)
		return 0;
	switch (status) {
	case HOURS_PRESENT:
	case HOURS_LATE:
		n = minutes >= 0 ? minutes : duration;
		return n < duration ? n : duration;
	case HOURS_EXCUSED:
	case HOURS_ABSENT:
		break;
	}
	return 0;
}

/* Exactly four digits at s into *year; the number of characters read, or 0. */
static int
hours_year_digits(const char *s, int *year)
{
	int i, y = 0;

	for (i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	*year = y;
	return 4;
}

int
hours_year_parse(const char *text, struct date *first, struct date *last)
{
	int start, end;

	if (text == NULL || hours_year_digits(text, &start) == 0)
		return -1;
	if (text[4] == '-') {
		if (hours_year_digits(text + 5, &end) == 0 || text[9] != '\0' || end != start + 1)
			return -1;
	} else if (text[4] != '\0') {
		return -1;
	}
	if (start < 1 || start > 9998)
		return -1;
	*first = (struct date){ start, 8, 1 };
	*last = (struct date){ start + 1, 7, 31 };
	return 0;
}

char *
hours_format(int minutes, char decimal, char *buf, size_t size)
{
	long tenths;

	if (minutes < 0)
		minutes = 0;
	tenths = ((long)minutes * 10 + 30) / 60;
	snprintf(buf, size, "%ld%c%ld", tenths / 10, decimal, tenths % 10);
	return buf;
}

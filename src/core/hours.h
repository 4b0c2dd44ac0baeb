/*
 * hours.h — facilitated professional-development hours (DESIGN.md §2): what
 * one attendance row earns, and the school year a statement covers.
 *
 * Plain rules, no storage: the store reads attendance and meetings and asks
 * these functions what they are worth, so the rules live in one place.
 */
#ifndef LEERNET_CORE_HOURS_H
#define LEERNET_CORE_HOURS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"

enum hours_status {
	HOURS_PRESENT,
	HOURS_LATE,
	HOURS_EXCUSED,
	HOURS_ABSENT
};

/* "present", "late", "excused", "absent" into *out; false when unknown or NULL. */
bool hours_status_parse(const char *key, enum hours_status *out);

/* Is a meeting of this status ("planned", "held", "cancelled") worth hours? NULL: no. */
bool hours_meeting_held(const char *meeting_status);

/*
 * Minutes from starts_at to ends_at ("YYYY-MM-DDTHH:MM", as stored), or -1
 * when either is not a moment, is NULL, or the end is not after the start.
 */
int hours_duration(const char *starts_at, const char *ends_at);

/*
 * Minutes credited for one attendance row. duration is the meeting's length;
 * minutes the row's own minutes, < 0 when not given (NULL in the database).
 * A meeting not held earns nothing; present earns the duration, or the row's
 * minutes when given; late earns the minutes the lead adjusted to, or the
 * duration when none were entered; excused and absent earn nothing. Never
 * more than the meeting's length, never negative.
 */
int hours_credited(bool held, enum hours_status status, int duration, int minutes);

/*
 * The school year of a "--year" value: "2026-2027" or "2026" (the year it
 * starts in) into its first (1 August) and last day (31 July). "2026-2028",
 * "2027-2026", trailing text and years outside 1..9998 are refused. Returns 0,
 * or -1 leaving first and last untouched.
 */
int hours_year_parse(const char *text, struct date *first, struct date *last);

/*
 * Minutes as hours with one decimal ("1.5", "12.0"), rounded half up, with
 * decimal as the separator (',' in Dutch). Writes at most size bytes into buf
 * and returns buf.
 */
char *hours_format(int minutes, char decimal, char *buf, size_t size);

#endif

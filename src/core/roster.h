/*
 * roster.h — membership intervals: who belongs to a group on which day.
 *
 * A membership runs from start to end inclusive, or is open (still a member)
 * when it has no end. It is current on d when start <= d and (open or
 * d <= end), as the store's SQL has it. A person may leave and rejoin: a new
 * interval may start after the previous one's end, but intervals of one
 * person in one group never overlap.
 */
#ifndef LEERNET_CORE_ROSTER_H
#define LEERNET_CORE_ROSTER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"

/* A membership interval: start..end inclusive; open when end is unset (still a member). */
struct interval {
	struct date start;
	struct date end;	/* ignored when open */
	bool open;
};

/* Is d within iv (both ends included; an open interval has no end)? */
bool interval_contains(const struct interval *iv, const struct date *d);
/* Do a and b share at least one day? */
bool interval_overlaps(const struct interval *a, const struct interval *b);

/*
 * May add join a person's existing intervals have[0..n-1] in one group?
 * NULL when yes, else a static English message for _():
 *   "not a valid date"                          (no conversion)
 *   "the end date is before the start date"     (no conversion)
 *   "this overlaps an earlier membership from %s"
 *   "this overlaps a later membership from %s"
 * Callers format every message with one argument, the ISO start date of
 * the clashing interval (a message without %s ignores it). *clash receives
 * the index in have of the clashing interval (the one starting first when
 * several clash), or -1; clash may be NULL. have may be NULL when n is 0.
 */
const char *roster_check_new(const struct interval *have, size_t n, const struct interval *add,
    long *clash);
/*
 * May the open membership iv be ended on end? NULL when yes, else a static
 * English message for _(), without conversions: "not a valid date", "the end
 * date is before the start date" or "this membership has already ended".
 * Ending on the start day itself is allowed (a one-day membership).
 */
const char *roster_check_end(const struct interval *iv, const struct date *end);

#endif

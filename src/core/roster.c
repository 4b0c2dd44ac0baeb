/*
 * roster.c — membership intervals: containment, overlap, and the checks
 * before a membership is added or ended.
 */
#include "autoconf.h"

#include "core/i18n.h"
#include "core/roster.h"

bool
interval_contains(const struct interval *iv, const struct date *d)
{
	return date_compare(&iv->start, d) <= 0 &&
	    (iv->open || date_compare(d, &iv->end) <= 0);
}

bool
interval_overlaps(const struct interval *a, const struct interval *b)
{
	if (!a->open && date_compare(&a->end, &b->start) < 0)
		return false;	/* a ends before b starts */
	if (!b->open && date_compare(&b->end, &a->start) < 0)
		return false;	/* b ends before a starts */
	return true;
}

/* Are the dates of iv valid, with the end not before the start? */
static const char *
roster_check_dates(const struct interval *iv)
{
	if (!date_valid(&iv->start) || (!iv->open && !date_valid(&iv->end)))
		return N_("not a valid date");
	if (!iv->open && date_compare(&iv->end, &iv->start) < 0)
		return N_("the end date is before the start date");
	return NULL;
}

const char *
roster_check_new(const struct interval *have, size_t n, const struct interval *add,
    long *clash)
{
	const char *msg;
	size_t i;
	long first = -1;

	if (clash != NULL)
		*clash = -1;
	if ((msg = roster_check_dates(add)) != NULL)
		return msg;
	for (i = 0; i < n; i++) {
		if (!interval_overlaps(&have[i], add))
			continue;
		if (first == -1 || date_compare(&have[i].start, &have[first].start) < 0)
			first = (long)i;
	}
	if (first == -1)
		return NULL;
	if (clash != NULL)
		*clash = first;
	if (date_compare(&have[first].start, &add->start) <= 0)
		return N_("this overlaps an earlier membership from %s");
	return N_("this overlaps a later membership from %s");
}

const char *
roster_check_end(const struct interval *iv, const struct date *end)
{
	if (!date_valid(&iv->start) || !date_valid(end))
		return N_("not a valid date");
	if (!iv->open)
		return N_("this membership has already ended");
	if (date_compare(end, &iv->start) < 0)
		return N_("the end date is before the start date");
	return NULL;
}

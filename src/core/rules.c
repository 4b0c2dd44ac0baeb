/* rules.c — formation rules of groups and status transitions. */
#include "autoconf.h"

#include <stddef.h>
#include <string.h>

#include "core/i18n.h"
#include "core/rules.h"

bool
rules_theme_ready(int registrations, int threshold)
{
	return threshold > 0 && registrations >= threshold;
}

int
rules_group_check(const struct rules_group_plan *p, const char **error,
    const char **warning, int *months)
{
	struct date lo = date_add_months(&p->start, p->min_months);
	struct date hi = date_add_months(&p->start, p->max_months);

	*error = NULL;
	*warning = NULL;
	if (date_compare(&p->planned_end, &p->start) <= 0) {
		*error = N_("the planned end must be after the start");
		return -1;
	}
	if (date_compare(&p->planned_end, &lo) < 0) {
		if (months != NULL)
			*months = p->min_months;
		*error = N_("a group of this type runs at least %d months");
		return -1;
	}
	if (date_compare(&p->planned_end, &hi) > 0) {
		if (months != NULL)
			*months = p->max_months;
		*error = N_("a group of this type runs at most %d months");
		return -1;
	}
	if (p->needs_proposal && (p->proposal_ref == NULL || *p->proposal_ref == '\0')) {
		*error = N_("a group of this type needs the reference of its approved proposal");
		return -1;
	}
	if (p->leads < 1) {
		*error = N_("a group needs at least one lead");
		return -1;
	}
	if (p->members < p->threshold) {
		if (months != NULL)
			*months = p->threshold;
		*warning = N_("fewer people than the %d this type asks for");
	}
	return 0;
}

/* Is to one of the states that may follow from in a list of pairs? */
static bool
rules_pair(const char *const pairs[][2], size_t n, const char *from, const char *to)
{
	size_t i;

	if (from == NULL || to == NULL)
		return false;
	for (i = 0; i < n; i++) {
		if (strcmp(pairs[i][0], from) == 0 && strcmp(pairs[i][1], to) == 0)
			return true;
	}
	return false;
}

bool
rules_group_transition(const char *from, const char *to)
{
	static const char *const pairs[][2] = {
		{ "forming", "active" }, { "active", "closed" }, { "forming", "closed" },
		{ "closed", "active" },
	};

	return rules_pair(pairs, sizeof pairs / sizeof pairs[0], from, to);
}

bool
rules_theme_transition(const char *from, const char *to)
{
	static const char *const pairs[][2] = {
		{ "proposed", "gathering" }, { "gathering", "formed" }, { "proposed", "formed" },
		{ "proposed", "archived" }, { "gathering", "archived" }, { "formed", "archived" },
		{ "archived", "gathering" }, { "formed", "gathering" },
	};

	return rules_pair(pairs, sizeof pairs / sizeof pairs[0], from, to);
}

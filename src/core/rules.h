/*
 * rules.h — the domain rules of themes and groups (DESIGN.md §2), in plain C.
 * Callers pass the numbers from the config; nothing here reads it.
 */
#ifndef LEERNET_CORE_RULES_H
#define LEERNET_CORE_RULES_H

#include <stdbool.h>

#include "core/date.h"

/* Has a theme enough registrations to form a group of a type? */
bool rules_theme_ready(int registrations, int threshold);

/* What forming a group would be, for rules_group_check. */
struct rules_group_plan {
	struct date start;
	struct date planned_end;
	int min_months, max_months;	/* of the type */
	bool needs_proposal;		/* of the type */
	const char *proposal_ref;	/* may be NULL or empty */
	int leads;			/* chosen leads */
	int members;			/* leads and members together */
	int threshold;			/* the type's interest threshold */
};

/*
 * Check a plan. Returns 0 when it may go ahead (*warning may then be set,
 * e.g. fewer people than the threshold), -1 when it may not (*error says
 * why). Messages are English, static, for _(); *months receives the
 * bound that was broken (for the message's %d), when not NULL.
 */
int rules_group_check(const struct rules_group_plan *p, const char **error,
    const char **warning, int *months);

/* May a group's status go from one to another (forming → active → closed)? */
bool rules_group_transition(const char *from, const char *to);
/* May a theme's status go from one to another? */
bool rules_theme_transition(const char *from, const char *to);

#endif

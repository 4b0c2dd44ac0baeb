/*
 * access.h — who may do what: one table, consulted by the store on every
 * write and by the UI to hide or explain what a person may not do.
 */
#ifndef LEERNET_CORE_ACCESS_H
#define LEERNET_CORE_ACCESS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/actor.h"

enum access_action {
	ACCESS_THEME_PROPOSE,		/* any known person */
	ACCESS_THEME_EDIT,		/* the proposer or a coordinator */
	ACCESS_THEME_ARCHIVE,		/* a coordinator */
	ACCESS_INTEREST_SELF,		/* any known person */
	ACCESS_INTEREST_OTHERS,		/* a coordinator */
	ACCESS_GROUP_FORM,		/* a coordinator */
	ACCESS_GROUP_EDIT,		/* a lead of the group or a coordinator */
	ACCESS_GROUP_STATUS,		/* a coordinator */
	ACCESS_ROSTER_EDIT,		/* a lead of the group or a coordinator */
	ACCESS_MEETING_PLAN,		/* a lead of the group or a coordinator */
	ACCESS_ATTENDANCE_TAKE,		/* a lead of the group or a coordinator */
	ACCESS_NOTE_WRITE,		/* a member of the group on the meeting's date */
	ACCESS_NOTE_READ,		/* the same; never a coordinator or follower as such */
	ACCESS_EXPORT_GROUP,		/* a lead of the group or a coordinator */
	ACCESS_AUDIT_VIEW,		/* a coordinator */
	ACCESS_PEOPLE_VIEW,		/* any known person: the network's directory */
	ACCESS_PERSON_ADD,		/* a coordinator */
	ACCESS_PERSON_EDIT,		/* the person themself or a coordinator */
	ACCESS_PERSON_REMOVE,		/* a coordinator: deactivate, or erase on request */
	ACCESS_ORG_EDIT,		/* a coordinator */
	ACCESS_PEOPLE_IMPORT,		/* a coordinator */
	ACCESS_ROSTER_EXPORT,		/* a member or lead of the group, or a coordinator */
	ACCESS__COUNT
};

/* Facts about the object acted on. */
struct access_ctx {
	int64_t owner_id;	/* proposer, author, … (0 = none) */
	bool is_lead;		/* the actor leads the group concerned */
	bool was_member;	/* member (not follower) of the group on the date concerned */
};

/* May who do action on an object described by ctx (NULL = no facts)? */
bool access_allows(const struct actor *who, enum access_action action,
    const struct access_ctx *ctx);
/* Why not: an English sentence for _(). */
const char *access_reason(enum access_action action);

#endif

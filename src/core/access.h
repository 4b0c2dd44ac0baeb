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
	ACCESS_HOURS_VIEW,		/* the person themself, a lead of the group, a coordinator */
	/* group life (#9) */
	ACCESS_UPDATE_POST,		/* a lead; members too when the group allows it (the store
					 * sets was_member only then); a coordinator */
	ACCESS_GROUP_FOLLOW,		/* any known person (the store checks the group allows it) */
	ACCESS_PRODUCT_EDIT,		/* a member or lead of the group, or a coordinator */
	ACCESS_BUDGET_REQUEST,		/* a lead of the group (or a coordinator for it) */
	ACCESS_BUDGET_DECIDE,		/* a coordinator */
	ACCESS_SCAN_FILL,		/* a member or lead of the group, or a coordinator */
	ACCESS_OVERVIEW,		/* a coordinator: every group's signals */
	ACCESS_PROGRAMME_EDIT,		/* a coordinator: the knowledge-sharing day's slots */
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

/*
 * Intervision notes (DESIGN.md §2): the one place that decides who reads
 * what. The store applies these to every read, search and export.
 */
enum note_privacy {
	NOTE_PRIVACY_GROUP,		/* the group: members on the meeting's date */
	NOTE_PRIVACY_AUTHOR,		/* only the section's author */
	NOTE_PRIVACY_CONTRIBUTOR	/* the session's contributor (and the author) */
};

/* The reader's relation to one note (its group on its meeting's date) and section. */
struct note_relation {
	bool member_on_date;	/* lead, member or expert of the group on the meeting's date */
	bool follower_on_date;	/* only following the group on that date */
	bool in_group_now;	/* lead, member or expert of the group today */
	bool is_author;		/* wrote this section (or the note) */
	bool is_contributor;	/* the session's contributor (inbrenger) */
	bool draft;		/* the note is still being written */
};

/* "group", "author", "contributor" into *out; false when unknown. */
bool access_note_privacy_parse(const char *key, enum note_privacy *out);
const char *access_note_privacy_key(enum note_privacy p);

/*
 * May who read the text of a section of this privacy? Only as a member of
 * the group on the meeting's date, and for a private section only as its
 * author (or, for "contributor", as the contributor); a draft only as its
 * author. Being a coordinator, a follower, or a member later or earlier
 * gives nothing.
 */
bool access_note_section(const struct actor *who, enum note_privacy privacy,
    const struct note_relation *r);
/*
 * May who see that a session took place (date, group, method, roles,
 * attendance, the number of open agreements) without its content?
 * Coordinators, and members of the group then or now. Not followers:
 * anyone may follow a group, and who brought a case is the group's own.
 */
bool access_note_session(const struct actor *who, const struct note_relation *r);
/* Why not: an English sentence for _(). */
const char *access_reason(enum access_action action);

#endif

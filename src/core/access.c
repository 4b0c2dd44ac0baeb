/* access.c — the permission table: who may do what. */
#include "autoconf.h"

#include <string.h>

#include "core/access.h"
#include "core/i18n.h"

enum access_who {
	ACCESS_ANYONE_KNOWN = 1 << 0,	/* a person in the database */
	ACCESS_OWNER = 1 << 1,		/* ctx->owner_id is the actor */
	ACCESS_LEAD = 1 << 2,		/* ctx->is_lead */
	ACCESS_COORDINATOR = 1 << 3,
	ACCESS_MEMBER = 1 << 4		/* ctx->was_member */
};

static const struct {
	unsigned who;
	const char *reason;
} access_table[ACCESS__COUNT] = {
	[ACCESS_THEME_PROPOSE] = { ACCESS_ANYONE_KNOWN,
	    N_("Only people known in the network can propose a theme.") },
	[ACCESS_THEME_EDIT] = { ACCESS_OWNER | ACCESS_COORDINATOR,
	    N_("Only the proposer or a coordinator can edit a theme.") },
	[ACCESS_THEME_ARCHIVE] = { ACCESS_COORDINATOR,
	    N_("Only a coordinator can archive or restore a theme.") },
	[ACCESS_INTEREST_SELF] = { ACCESS_ANYONE_KNOWN,
	    N_("Only people known in the network can register interest.") },
	[ACCESS_INTEREST_OTHERS] = { ACCESS_COORDINATOR,
	    N_("Only a coordinator can register someone else.") },
	[ACCESS_GROUP_FORM] = { ACCESS_COORDINATOR,
	    N_("Only a coordinator can form a group.") },
	[ACCESS_GROUP_EDIT] = { ACCESS_LEAD | ACCESS_COORDINATOR,
	    N_("Only a lead of the group or a coordinator can edit it.") },
	[ACCESS_GROUP_STATUS] = { ACCESS_COORDINATOR,
	    N_("Only a coordinator can change a group's status.") },
	[ACCESS_ROSTER_EDIT] = { ACCESS_LEAD | ACCESS_COORDINATOR,
	    N_("Only a lead of the group or a coordinator can change its roster.") },
	[ACCESS_MEETING_PLAN] = { ACCESS_LEAD | ACCESS_COORDINATOR,
	    N_("Only a lead of the group or a coordinator can plan its meetings.") },
	[ACCESS_ATTENDANCE_TAKE] = { ACCESS_LEAD | ACCESS_COORDINATOR,
	    N_("Only a lead of the group or a coordinator can take attendance.") },
	/* Notes: membership on the meeting's date, and nothing else (DESIGN.md §2). */
	[ACCESS_NOTE_WRITE] = { ACCESS_MEMBER,
	    N_("Only members of the group on the meeting's date can write its note.") },
	[ACCESS_NOTE_READ] = { ACCESS_MEMBER,
	    N_("Only members of the group on the meeting's date can read its note.") },
	[ACCESS_EXPORT_GROUP] = { ACCESS_LEAD | ACCESS_COORDINATOR,
	    N_("Only a lead of the group or a coordinator can export it.") },
	[ACCESS_AUDIT_VIEW] = { ACCESS_COORDINATOR,
	    N_("Only a coordinator can read the audit log.") },
	[ACCESS_PEOPLE_VIEW] = { ACCESS_ANYONE_KNOWN,
	    N_("Only people known in the network can see who is in it.") },
	[ACCESS_PERSON_ADD] = { ACCESS_COORDINATOR,
	    N_("Only a coordinator can add people.") },
	[ACCESS_PERSON_EDIT] = { ACCESS_OWNER | ACCESS_COORDINATOR,
	    N_("Only the person themself or a coordinator can change these details.") },
	[ACCESS_PERSON_REMOVE] = { ACCESS_COORDINATOR,
	    N_("Only a coordinator can deactivate or erase a person.") },
	[ACCESS_ORG_EDIT] = { ACCESS_COORDINATOR,
	    N_("Only a coordinator can add or change organisations.") },
	[ACCESS_PEOPLE_IMPORT] = { ACCESS_COORDINATOR,
	    N_("Only a coordinator can import people.") },
	/* the roster with addresses: for the group itself (members on the day) */
	[ACCESS_ROSTER_EXPORT] = { ACCESS_MEMBER | ACCESS_LEAD | ACCESS_COORDINATOR,
	    N_("Only members and leads of the group or a coordinator can export its roster.") },
	/* an hours statement: one's own, a lead's group's rows, or anyone's for a coordinator */
	[ACCESS_HOURS_VIEW] = { ACCESS_OWNER | ACCESS_LEAD | ACCESS_COORDINATOR,
	    N_("Only the person themself, a lead of their group or a coordinator can see "
	    "these hours.") },
	/* group life (#9) */
	[ACCESS_UPDATE_POST] = { ACCESS_LEAD | ACCESS_MEMBER | ACCESS_COORDINATOR,
	    N_("Only a lead of the group (or its members, when the group allows it) or a "
	    "coordinator can post an update.") },
	[ACCESS_GROUP_FOLLOW] = { ACCESS_ANYONE_KNOWN,
	    N_("Only people known in the network can follow a group.") },
	[ACCESS_PRODUCT_EDIT] = { ACCESS_MEMBER | ACCESS_LEAD | ACCESS_COORDINATOR,
	    N_("Only members and leads of the group or a coordinator can register its "
	    "products.") },
	[ACCESS_BUDGET_REQUEST] = { ACCESS_LEAD | ACCESS_COORDINATOR,
	    N_("Only a lead of the group can ask for budget.") },
	[ACCESS_BUDGET_DECIDE] = { ACCESS_COORDINATOR,
	    N_("Only a coordinator can decide on a budget request.") },
	[ACCESS_SCAN_FILL] = { ACCESS_MEMBER | ACCESS_LEAD | ACCESS_COORDINATOR,
	    N_("Only members and leads of the group or a coordinator can fill in its scan.") },
	[ACCESS_OVERVIEW] = { ACCESS_COORDINATOR,
	    N_("Only a coordinator can see the overview of every group.") },
	[ACCESS_PROGRAMME_EDIT] = { ACCESS_COORDINATOR,
	    N_("Only a coordinator can arrange the programme of the knowledge-sharing day.") },
};

bool
access_allows(const struct actor *who, enum access_action action,
    const struct access_ctx *ctx)
{
	unsigned allowed;

	if (who == NULL || action < 0 || action >= ACCESS__COUNT)
		return false;
	allowed = access_table[action].who;
	/* coordinators may do what they may do for others, and what anyone known may */
	if (who->coordinator && (allowed & (ACCESS_COORDINATOR | ACCESS_ANYONE_KNOWN)))
		return true;
	if (actor_is_visitor(who))
		return false;
	if (allowed & ACCESS_ANYONE_KNOWN)
		return true;
	if (ctx == NULL)
		return false;
	if ((allowed & ACCESS_OWNER) && ctx->owner_id == who->person_id)
		return true;
	if ((allowed & ACCESS_MEMBER) && ctx->was_member)
		return true;
	return (allowed & ACCESS_LEAD) && ctx->is_lead;
}

const char *
access_reason(enum access_action action)
{
	if (action < 0 || action >= ACCESS__COUNT)
		return N_("That is not allowed.");
	return access_table[action].reason;
}

static const char *const access_privacy_keys[] = {
	[NOTE_PRIVACY_GROUP] = "group", [NOTE_PRIVACY_AUTHOR] = "author",
	[NOTE_PRIVACY_CONTRIBUTOR] = "contributor",
};

bool
access_note_privacy_parse(const char *key, enum note_privacy *out)
{
	size_t i;

	for (i = 0; key != NULL && i < sizeof access_privacy_keys / sizeof access_privacy_keys[0];
	    i++) {
		if (strcmp(key, access_privacy_keys[i]) == 0) {
			*out = (enum note_privacy)i;
			return true;
		}
	}
	return false;
}

const char *
access_note_privacy_key(enum note_privacy p)
{
	if (p < NOTE_PRIVACY_GROUP || p > NOTE_PRIVACY_CONTRIBUTOR)
		return access_privacy_keys[NOTE_PRIVACY_AUTHOR];
	return access_privacy_keys[p];
}

bool
access_note_section(const struct actor *who, enum note_privacy privacy,
    const struct note_relation *r)
{
	if (who == NULL || r == NULL || actor_is_visitor(who) || !r->member_on_date)
		return false;
	if (r->draft)
		return r->is_author;
	switch (privacy) {
	case NOTE_PRIVACY_GROUP: return true;
	case NOTE_PRIVACY_CONTRIBUTOR: return r->is_contributor || r->is_author;
	default: return r->is_author;	/* author, and anything unknown */
	}
}

bool
access_note_session(const struct actor *who, const struct note_relation *r)
{
	if (who == NULL || r == NULL || actor_is_visitor(who))
		return false;
	return who->coordinator || r->member_on_date || r->in_group_now;
}

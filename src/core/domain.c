/* domain.c — fixed vocabularies with translatable labels. */
#include "autoconf.h"

#include <stddef.h>
#include <string.h>

#include "core/domain.h"
#include "core/i18n.h"

struct domain_word {
	const char *key;
	const char *label;
};

static const struct domain_word domain_theme_status[] = {
	{ "proposed", N_("proposed") }, { "gathering", N_("gathering") },
	{ "formed", N_("formed") }, { "archived", N_("archived") }, { NULL, NULL }
};
static const struct domain_word domain_group_status[] = {
	{ "forming", N_("forming") }, { "active", N_("active") },
	{ "closed", N_("closed") }, { NULL, NULL }
};
static const struct domain_word domain_meeting_status[] = {
	{ "planned", N_("planned") }, { "held", N_("held") },
	{ "cancelled", N_("cancelled") }, { NULL, NULL }
};
static const struct domain_word domain_attendance[] = {
	{ "present", N_("present") }, { "late", N_("late") },
	{ "excused", N_("excused") }, { "absent", N_("absent") }, { NULL, NULL }
};
static const struct domain_word domain_role[] = {
	{ "lead", N_("lead") }, { "member", N_("member") },
	{ "expert", N_("expert") }, { "follower", N_("follower") }, { NULL, NULL }
};
static const struct domain_word domain_privacy[] = {
	{ "group", N_("group") }, { "author", N_("author") },
	{ "contributor", N_("contributor") }, { NULL, NULL }
};

static const struct domain_word *
domain_find(const struct domain_word *words, const char *key)
{
	if (key == NULL)
		return NULL;
	for (; words->key != NULL; words++) {
		if (strcmp(words->key, key) == 0)
			return words;
	}
	return NULL;
}

static const char *
domain_label(const struct domain_word *words, const char *key)
{
	const struct domain_word *w = domain_find(words, key);

	return w != NULL ? w->label : (key != NULL ? key : "");
}

const char *domain_theme_status_label(const char *key) { return domain_label(domain_theme_status, key); }
const char *domain_group_status_label(const char *key) { return domain_label(domain_group_status, key); }
const char *domain_meeting_status_label(const char *key) { return domain_label(domain_meeting_status, key); }
const char *domain_attendance_label(const char *key) { return domain_label(domain_attendance, key); }
const char *domain_role_label(const char *key) { return domain_label(domain_role, key); }

bool domain_is_theme_status(const char *key) { return domain_find(domain_theme_status, key) != NULL; }
bool domain_is_group_status(const char *key) { return domain_find(domain_group_status, key) != NULL; }
bool domain_is_meeting_status(const char *key) { return domain_find(domain_meeting_status, key) != NULL; }
bool domain_is_attendance(const char *key) { return domain_find(domain_attendance, key) != NULL; }
bool domain_is_role(const char *key) { return domain_find(domain_role, key) != NULL; }
bool domain_is_privacy(const char *key) { return domain_find(domain_privacy, key) != NULL; }

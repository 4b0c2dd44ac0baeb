/* actor.c — the acting person. */
#include "autoconf.h"

#include <stdlib.h>

#include "core/actor.h"
#include "core/i18n.h"
#include "core/xmalloc.h"

struct actor *
actor_new(int64_t person_id, const char *login, const char *name, bool coordinator)
{
	struct actor *a = xcalloc(1, sizeof *a);

	a->person_id = person_id;
	a->login = xstrdup(login != NULL ? login : "?");
	a->name = xstrdup(name != NULL ? name : a->login);
	a->coordinator = coordinator;
	return a;
}

void
actor_free(struct actor *a)
{
	if (a == NULL)
		return;
	free(a->login);
	free(a->name);
	free(a);
}

bool
actor_is_visitor(const struct actor *a)
{
	return a == NULL || a->person_id == 0;
}

enum actor_role
actor_role(const struct actor *a)
{
	if (a != NULL && a->coordinator)
		return ACTOR_COORDINATOR;
	if (actor_is_visitor(a))
		return ACTOR_VISITOR;
	return ACTOR_STAFF;
}

const char *
actor_role_label(enum actor_role role)
{
	switch (role) {
	case ACTOR_COORDINATOR:
		return N_("coordinator");
	case ACTOR_STAFF:
		return N_("staff");
	case ACTOR_VISITOR:
		break;
	}
	return N_("visitor");
}

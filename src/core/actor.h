/*
 * actor.h — the person on whose behalf leernet acts.
 *
 * Every store call that reads protected data or changes anything takes the
 * acting person, so access rules and the audit log sit in one place.
 * An actor with person_id 0 is a visitor: a login nobody is known by.
 */
#ifndef LEERNET_CORE_ACTOR_H
#define LEERNET_CORE_ACTOR_H

#include <stdbool.h>
#include <stdint.h>

struct actor {
	int64_t person_id;	/* 0 for a visitor */
	char *login;		/* owned; the Unix login or --user name */
	char *name;		/* owned; display name, the login for a visitor */
	bool coordinator;	/* from the config or the person's flag */
};

/* A fresh actor; login may be NULL (then "?"). Owned by the caller. */
struct actor *actor_new(int64_t person_id, const char *login, const char *name,
    bool coordinator);
void actor_free(struct actor *a);

bool actor_is_visitor(const struct actor *a);

/* The role that best describes the actor, for the home screen. */
enum actor_role {
	ACTOR_VISITOR,
	ACTOR_STAFF,
	ACTOR_COORDINATOR
};
enum actor_role actor_role(const struct actor *a);
/* English source label of a role, for _(): "coordinator", "staff", "visitor". */
const char *actor_role_label(enum actor_role role);

#endif

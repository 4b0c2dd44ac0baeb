/* fixture.h — the start most store suites share: a fresh database in a
 * directory of its own with "today" fixed, a cast of people with their
 * actors and a visitor, groups formed by the first coordinator, and the
 * checks several suites make the same way (a read-only copy, no full scans). */
#ifndef LEERNET_TESTS_FIXTURE_H
#define LEERNET_TESTS_FIXTURE_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/actor.h"
#include "core/date.h"
#include "store/store.h"

/* The most people a fixture holds. */
#define FIXTURE_MAX_PEOPLE 12

/* One person of a suite's cast: the name shown, the login and whether they coordinate. */
struct fixture_person {
	const char *name;
	const char *login;
	bool coordinator;
};

/* What fixture_open makes and fixture_close undoes. */
struct fixture {
	const struct date *today;	/* the day the clock is fixed at */
	char *dir;			/* a fresh directory; the database is dir/t.db */
	struct store *st;		/* the store open on it */
	int n;				/* the people in the cast */
	int64_t people[FIXTURE_MAX_PEOPLE];	/* their ids, in the cast's order */
	struct actor *who[FIXTURE_MAX_PEOPLE + 1];	/* their actors; who[n]: a visitor */
};

/*
 * Fixes the clock at *today, opens a new store in a fresh directory and adds
 * the n people of cast (teachers, without an email) as a setup actor that is
 * none of them. who[i] acts as cast[i]; who[n] is a visitor the store does not
 * know. The first of the cast must coordinate: fixture_form and fixture_join
 * act as them. Returns f->st.
 */
struct store *fixture_open(struct fixture *f, const struct date *today,
    const struct fixture_person *cast, int n);
/* Frees the actors, closes the store, removes the directory and frees the clock. */
void fixture_close(struct fixture *f);

/* A PLG named name for this school year (1-9-2026 to 1-7-2027): active, a norm
 * of 40 hours, no theme; a suite changes what its groups need. */
struct group_new fixture_plg(const char *name);
/* Forms group g with the cast's person lead as its lead and the n_members
 * people members[] (indices into the cast) as members: its id. */
int64_t fixture_form(struct fixture *f, const struct group_new *g, int lead,
    const int *members, size_t n_members);
/* Adds the cast's person to group in role from *start_on on. */
void fixture_join(struct fixture *f, int64_t group, int person, const char *role,
    const struct date *start_on);
/* The id of the cast's person's membership of group that is open today. */
int64_t fixture_open_membership(struct fixture *f, int person, int64_t group);

/* The same database opened read-only; the caller closes it. */
struct store *fixture_read_only(struct fixture *f);
/* Fails with store_explain_all's report if a query scans one of the large tables
 * (a NULL-terminated list) in full. */
void fixture_expect_no_full_scans(struct fixture *f, const char *const *large);

/* Expect call (which stores its message in error_) to return rc, with a message
 * exactly when rc is not 0. */
#define EXPECT_RC(call, rc) do { \
	char *error_ = NULL; \
	int rc_ = (call); \
	ck_assert_msg(rc_ == (rc), "%s: %d, expected %d (%s)", #call, rc_, (rc), \
	    error_ != NULL ? error_ : "no message"); \
	ck_assert_msg((rc_ == 0) == (error_ == NULL), "%s: message and result disagree", #call); \
	free(error_); \
} while (0)
#define EXPECT_OK(call) EXPECT_RC(call, 0)

#endif

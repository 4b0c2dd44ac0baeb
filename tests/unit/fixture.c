/* fixture.c — the start most store suites share (fixture.h). */
#include "autoconf.h"

#include <check.h>
#include <stdlib.h>

#include "core/xmalloc.h"
#include "fixture.h"
#include "suites.h"

struct store *
fixture_open(struct fixture *f, const struct date *today, const struct fixture_person *cast,
    int n)
{
	struct actor *setup;
	char *path, *error = NULL;
	int i;

	ck_assert(n > 0 && n <= FIXTURE_MAX_PEOPLE && cast[0].coordinator);
	f->today = today;
	f->n = n;
	date_clock_fix(today);
	f->dir = test_tmpdir();
	path = xasprintf("%s/t.db", f->dir);
	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &f->st, &error), STORE_OK);
	free(path);
	setup = actor_new(0, "setup", "setup", true);
	for (i = 0; i < n; i++) {
		struct person_new p = { cast[i].name, NULL, 0, "teacher", cast[i].login,
			cast[i].coordinator };

		ck_assert_int_eq(store_person_insert(f->st, setup, &p, &f->people[i], &error), 0);
	}
	actor_free(setup);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(store_actor_by_login(f->st, cast[i].login, &f->who[i], &error), 1);
	f->who[n] = actor_new(0, "nobody", "nobody", false);
	return f->st;
}

void
fixture_close(struct fixture *f)
{
	int i;

	for (i = 0; i <= f->n; i++) {
		actor_free(f->who[i]);
		f->who[i] = NULL;
	}
	store_close(f->st);
	f->st = NULL;
	test_tmpdir_remove(f->dir);
	f->dir = NULL;
	date_clock_fix(NULL);
}

struct group_new
fixture_plg(const char *name)
{
	struct group_new g = { name, "plg", 0, NULL, NULL, { 2026, 9, 1 }, { 2027, 7, 1 }, NULL,
		40, "active", NULL };

	return g;
}

int64_t
fixture_form(struct fixture *f, const struct group_new *g, int lead, const int *members,
    size_t n_members)
{
	int64_t leads[1], ids[FIXTURE_MAX_PEOPLE], id = 0;
	char *error = NULL;
	size_t i;

	ck_assert_uint_le(n_members, FIXTURE_MAX_PEOPLE);
	leads[0] = f->people[lead];
	for (i = 0; i < n_members; i++)
		ids[i] = f->people[members[i]];
	ck_assert_int_eq(store_group_form(f->st, f->who[0], g, leads, 1,
	    n_members > 0 ? ids : NULL, n_members, &id, &error), 0);
	return id;
}

void
fixture_join(struct fixture *f, int64_t group, int person, const char *role,
    const struct date *start_on)
{
	char *error = NULL;

	ck_assert_int_eq(store_roster_add(f->st, f->who[0], group, f->people[person], role,
	    start_on, &error), 0);
}

/* Looking for one person's open membership among a roster's rows. */
struct open_row {
	int64_t person_id, membership_id;
};

static int
open_row_take(const struct roster_row *r, void *arg)
{
	struct open_row *o = arg;

	if (r->person_id == o->person_id && r->end_on == NULL)
		o->membership_id = r->membership_id;
	return 0;
}

int64_t
fixture_open_membership(struct fixture *f, int person, int64_t group)
{
	struct open_row o = { f->people[person], 0 };

	EXPECT_OK(store_roster_each(f->st, f->who[0], group, f->today, ROSTER_AT, open_row_take,
	    &o, &error_));
	ck_assert_int_gt(o.membership_id, 0);
	return o.membership_id;
}

struct store *
fixture_read_only(struct fixture *f)
{
	struct store *ro;
	char *path = xasprintf("%s/t.db", f->dir), *error = NULL;

	ck_assert_int_eq(store_open(path, STORE_OPEN_READONLY, &ro, &error), STORE_OK);
	free(path);
	return ro;
}

void
fixture_expect_no_full_scans(struct fixture *f, const char *const *large)
{
	char *report = NULL, *error = NULL;
	int scans = store_explain_all(f->st, large, &report, &error);

	ck_assert_msg(scans == 0, "full scans of large tables:\n%s",
	    report != NULL ? report : "");
	free(report);
	free(error);
}

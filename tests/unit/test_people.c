/* test_people.c — the people directory, adding/changing/removing/erasing people,
 * importing people, dated rosters and the offline snapshot (store_people.c,
 * store_roster.c). */
#include "autoconf.h"

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/date.h"
#include "core/xmalloc.h"
#include "store/store.h"
#include "suites.h"

#define D(y, m, d) ((struct date){ (y), (m), (d) })
#define MAXROWS 64

enum { ZOE, ANN, BOB, COR, DIRK, EVA, NPEOPLE };

static char *tmp;
static struct store *st;
static struct actor *coord, *ann, *bob, *dirk, *eva, *visitor;
static int64_t people[NPEOPLE];
static int64_t group_a, group_b;
static const struct date today = { 2027, 2, 1 };

/*
 * A fresh database, today fixed on 2027-02-01: Zoë (coordinator) and five
 * people, all with an email. Group A "PLG Rekenen" (lead Ann, members Bob and
 * Cor) and group B "PLG Lezen" (lead Dirk, member Eva), both from 2026-09-01.
 */
static void
people_setup(void)
{
	static const char *const names[] = { "Zoë", "Ann", "Bob", "Cor", "Dirk", "Eva" };
	static const char *const logins[] = { "zoe", "ann", "bob", "cor", "dirk", "eva" };
	struct group_new a = { "PLG Rekenen", "plg", 0, NULL, NULL, { 2026, 9, 1 },
		{ 2027, 7, 1 }, NULL, 40, "active", NULL };
	struct group_new b = { "PLG Lezen", "plg", 0, NULL, NULL, { 2026, 9, 1 },
		{ 2027, 7, 1 }, NULL, 40, "active", NULL };
	int64_t leads_a[1], members_a[2], leads_b[1], members_b[1];
	char *path, *error = NULL, email[64];
	int i;

	date_clock_fix(&today);
	tmp = test_tmpdir();
	path = xasprintf("%s/t.db", tmp);
	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &st, &error), STORE_OK);
	free(path);
	coord = actor_new(0, "setup", "setup", true);
	for (i = 0; i < NPEOPLE; i++) {
		struct person_new p = { names[i], email, 0, "teacher", logins[i], i == ZOE };

		snprintf(email, sizeof email, "%s@example.nl", logins[i]);
		ck_assert_int_eq(store_person_insert(st, coord, &p, &people[i], &error), 0);
	}
	actor_free(coord);
	ck_assert_int_eq(store_actor_by_login(st, "zoe", &coord, &error), 1);
	ck_assert_int_eq(store_actor_by_login(st, "ann", &ann, &error), 1);
	ck_assert_int_eq(store_actor_by_login(st, "bob", &bob, &error), 1);
	ck_assert_int_eq(store_actor_by_login(st, "dirk", &dirk, &error), 1);
	ck_assert_int_eq(store_actor_by_login(st, "eva", &eva, &error), 1);
	visitor = actor_new(0, "nobody", "nobody", false);
	leads_a[0] = people[ANN];
	members_a[0] = people[BOB];
	members_a[1] = people[COR];
	leads_b[0] = people[DIRK];
	members_b[0] = people[EVA];
	ck_assert_int_eq(store_group_form(st, coord, &a, leads_a, 1, members_a, 2, &group_a,
	    &error), 0);
	ck_assert_int_eq(store_group_form(st, coord, &b, leads_b, 1, members_b, 1, &group_b,
	    &error), 0);
}

static void
people_teardown(void)
{
	actor_free(coord);
	actor_free(ann);
	actor_free(bob);
	actor_free(dirk);
	actor_free(eva);
	actor_free(visitor);
	store_close(st);
	test_tmpdir_remove(tmp);
	date_clock_fix(NULL);
}

/* Check and free the message of a refused call: present, containing part (unless NULL). */
static void
expect_message(const char *call, char *error, const char *part)
{
	ck_assert_msg(error != NULL, "%s: no message", call);
	if (part != NULL)
		ck_assert_msg(strstr(error, part) != NULL, "%s: message '%s' lacks '%s'", call,
		    error, part);
	free(error);
}

/* Expect call (which stores its message in error_) to return want, with a message
 * containing part. */
#define EXPECT_FAIL(call, want, part) do { \
	char *error_ = NULL; \
	int rc_ = (call); \
	ck_assert_msg(rc_ == (want), "%s: got %d, wanted %d (%s)", #call, rc_, (want), \
	    error_ != NULL ? error_ : "no message"); \
	expect_message(#call, error_, (part)); \
} while (0)

#define EXPECT_OK(call) do { \
	char *error_ = NULL; \
	int rc_ = (call); \
	ck_assert_msg(rc_ == 0, "%s: got %d (%s)", #call, rc_, \
	    error_ != NULL ? error_ : "no message"); \
	free(error_); \
} while (0)

/* ---- collecting rows ---- */

struct plist {
	int n;
	int64_t id[MAXROWS];
	char name[MAXROWS][64], org[MAXROWS][64];
	int groups[MAXROWS];
	bool active[MAXROWS];
};

static int
collect_person(const struct person_row *r, void *arg)
{
	struct plist *l = arg;

	ck_assert_int_lt(l->n, MAXROWS);
	l->id[l->n] = r->id;
	snprintf(l->name[l->n], sizeof l->name[0], "%s", r->name);
	snprintf(l->org[l->n], sizeof l->org[0], "%s", r->organisation != NULL ?
	    r->organisation : "");
	l->groups[l->n] = r->groups;
	l->active[l->n] = r->active;
	l->n++;
	return 0;
}

/* A page of people (fresh list) into l; returns the store result. */
static int
page(const struct actor *who, const char *search, bool inactive, const struct date *on,
    const char *anchor_name, int64_t anchor_id, bool inclusive, bool forward, int limit,
    struct plist *l)
{
	struct people_filter f = { search, 0, inactive };
	char *error = NULL;
	int rc;

	memset(l, 0, sizeof *l);
	rc = store_people_page(st, who, &f, on, anchor_name, anchor_id, inclusive, forward,
	    limit, collect_person, l, &error);
	free(error);
	return rc;
}

/* The names found for search (all, active only unless inactive), as "A|B|…". */
static char *
found(const char *search, bool inactive)
{
	struct plist l;
	char *out = xstrdup(""), *next;
	int i;

	ck_assert_int_eq(page(coord, search, inactive, &today, NULL, 0, false, true, MAXROWS,
	    &l), 0);
	for (i = 0; i < l.n; i++) {
		next = xasprintf("%s%s%s", out, i > 0 ? "|" : "", l.name[i]);
		free(out);
		out = next;
	}
	return out;
}

#define ASSERT_FOUND(search, inactive, want) do { \
	char *got_ = found((search), (inactive)); \
	ck_assert_msg(strcmp(got_, (want)) == 0, "search '%s': got '%s', wanted '%s'", \
	    (search) != NULL ? (search) : "(all)", got_, (want)); \
	free(got_); \
} while (0)

/* The row of person id in l, or -1. */
static int
plist_find(const struct plist *l, int64_t id)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (l->id[i] == id)
			return i;
	return -1;
}

struct rlist {
	int n;
	int64_t mid[MAXROWS], pid[MAXROWS];
	char name[MAXROWS][64], role[MAXROWS][16], start[MAXROWS][16], end[MAXROWS][16];
	char email[MAXROWS][64];
	bool has_email[MAXROWS], erased[MAXROWS];
};

static int
collect_roster(const struct roster_row *r, void *arg)
{
	struct rlist *l = arg;

	ck_assert_int_lt(l->n, MAXROWS);
	l->mid[l->n] = r->membership_id;
	l->pid[l->n] = r->person_id;
	snprintf(l->name[l->n], sizeof l->name[0], "%s", r->name);
	snprintf(l->role[l->n], sizeof l->role[0], "%s", r->role);
	snprintf(l->start[l->n], sizeof l->start[0], "%s", r->start_on);
	snprintf(l->end[l->n], sizeof l->end[0], "%s", r->end_on != NULL ? r->end_on : "open");
	l->has_email[l->n] = r->email != NULL;
	snprintf(l->email[l->n], sizeof l->email[0], "%s", r->email != NULL ? r->email : "");
	l->erased[l->n] = r->erased;
	l->n++;
	return 0;
}

static void
roster(struct store *s, const struct actor *who, int64_t gid, struct date on,
    enum roster_view view, struct rlist *l)
{
	char *error = NULL;
	int rc;

	memset(l, 0, sizeof *l);
	rc = store_roster_each(s, who, gid, &on, view, collect_roster, l, &error);
	ck_assert_msg(rc == 0, "store_roster_each: %d %s", rc, error != NULL ? error : "");
}

/* The rows of person pid in l as "role start..end;" each, in order. */
static char *
intervals(const struct rlist *l, int64_t pid)
{
	char *out = xstrdup(""), *next;
	int i;

	for (i = 0; i < l->n; i++) {
		if (l->pid[i] != pid)
			continue;
		next = xasprintf("%s%s %s..%s;", out, l->role[i], l->start[i], l->end[i]);
		free(out);
		out = next;
	}
	return out;
}

#define ASSERT_INTERVALS(l, pid, want) do { \
	char *got_ = intervals((l), (pid)); \
	ck_assert_msg(strcmp(got_, (want)) == 0, "intervals: got '%s', wanted '%s'", got_, \
	    (want)); \
	free(got_); \
} while (0)

/* The row index of person pid in l (the first), or -1. */
static int
rlist_find(const struct rlist *l, int64_t pid)
{
	int i;

	for (i = 0; i < l->n; i++)
		if (l->pid[i] == pid)
			return i;
	return -1;
}

/* The open membership of pid in gid (via the history), or 0. */
static int64_t
open_membership(int64_t gid, int64_t pid)
{
	struct rlist l;
	int i;

	roster(st, coord, gid, today, ROSTER_HISTORY, &l);
	for (i = 0; i < l.n; i++)
		if (l.pid[i] == pid && strcmp(l.end[i], "open") == 0)
			return l.mid[i];
	return 0;
}

static struct person_detail
person(int64_t id)
{
	struct person_detail d;
	char *error = NULL;

	ck_assert_int_eq(store_person_get(st, coord, id, &d, &error), 1);
	return d;
}

static int
person_version(int64_t id)
{
	struct person_detail d = person(id);
	int v = d.version;

	store_person_detail_clear(&d);
	return v;
}

/* Every summary of the audit log, joined by newlines. */
struct summaries {
	char *text;
	int n;
};

static int
collect_summary(const struct audit_row *r, void *arg)
{
	struct summaries *s = arg;
	char *next = xasprintf("%s%s\n", s->text, r->summary != NULL ? r->summary : "");

	free(s->text);
	s->text = next;
	s->n++;
	return 0;
}

static struct summaries
audit_all(struct store *s, const struct actor *who)
{
	struct summaries out = { xstrdup(""), 0 };
	char *error = NULL;
	int rc = store_audit_page(s, who, NULL, NULL, false, true, 100000, collect_summary, &out,
	    &error);

	ck_assert_msg(rc == 0, "store_audit_page: %d %s", rc, error != NULL ? error : "");
	return out;
}

static struct store_counts
counts(struct store *s)
{
	struct store_counts c;
	char *error = NULL;

	memset(&c, 0, sizeof c);
	ck_assert_int_eq(store_counts(s, &c, &error), 0);
	return c;
}

/* ---- the directory ---- */

START_TEST(test_people_search)
{
	struct org_new o = { "Het Baken", ORG_SCHOOL, 0, NULL };
	struct person_new mu = { "Jürgen Müller", "jm@example.org", 0, "teacher", NULL, false };
	struct person_new ka = { "Karin Janssen", "k.janssen@vo-noord.nl", 0, NULL, NULL, false };
	struct plist l;
	int64_t org, id_mu, id_ka;

	EXPECT_OK(store_org_add(st, coord, &o, &org, &error_));
	mu.organisation_id = org;
	EXPECT_OK(store_person_add(st, coord, &mu, &id_mu, &error_));
	EXPECT_OK(store_person_add(st, coord, &ka, &id_ka, &error_));
	/* diacritics folded both ways, prefix as you type */
	ASSERT_FOUND("zoe", false, "Zoë");
	ASSERT_FOUND("Zoë", false, "Zoë");
	ASSERT_FOUND("ZO", false, "Zoë");
	ASSERT_FOUND("mul", false, "Jürgen Müller");
	ASSERT_FOUND("Müll", false, "Jürgen Müller");
	ASSERT_FOUND("jur mul", false, "Jürgen Müller");
	ASSERT_FOUND("mul karin", false, "");
	/* a part of an email address */
	ASSERT_FOUND("noord", false, "Karin Janssen");
	ASSERT_FOUND("bob@example", false, "Bob");
	/* the organisation's name, also after it is renamed */
	ASSERT_FOUND("baken", false, "Jürgen Müller");
	ck_assert_int_eq(page(coord, "baken", false, &today, NULL, 0, false, true, 10, &l), 0);
	ck_assert_int_eq(l.n, 1);
	ck_assert_str_eq(l.org[0], "Het Baken");
	o.name = "De Vuurtoren";
	EXPECT_OK(store_org_update(st, coord, org, 1, &o, &error_));
	ASSERT_FOUND("baken", false, "");
	ASSERT_FOUND("vuurtoren", false, "Jürgen Müller");
	ck_assert_int_eq(page(coord, "vuurt", false, &today, NULL, 0, false, true, 10, &l), 0);
	ck_assert_int_eq(l.n, 1);
	ck_assert_str_eq(l.org[0], "De Vuurtoren");
	/* nothing typed: everybody, by name */
	ASSERT_FOUND(NULL, false, "Ann|Bob|Cor|Dirk|Eva|Jürgen Müller|Karin Janssen|Zoë");
	ASSERT_FOUND("   ", false, "Ann|Bob|Cor|Dirk|Eva|Jürgen Müller|Karin Janssen|Zoë");
	/* quotes never reach FTS raw */
	ASSERT_FOUND("\"ann", false, "Ann");
}
END_TEST

START_TEST(test_people_paging)
{
	static const char *const extra[] = { "anna", "Bob", "Fleur", "Gijs" };
	/* by name ignoring case, then id: the second Bob comes after the first */
	const char *want[10] = { "Ann", "anna", "Bob", "Bob", "Cor", "Dirk", "Eva", "Fleur",
		"Gijs", "Zoë" };
	int64_t want_id[10], ids[4];
	struct plist l, all;
	int i, j, pages;

	for (i = 0; i < 4; i++) {
		struct person_new p = { extra[i], NULL, 0, NULL, NULL, false };

		EXPECT_OK(store_person_add(st, coord, &p, &ids[i], &error_));
	}
	want_id[0] = people[ANN];
	want_id[1] = ids[0];
	want_id[2] = people[BOB];
	want_id[3] = ids[1];
	want_id[4] = people[COR];
	want_id[5] = people[DIRK];
	want_id[6] = people[EVA];
	want_id[7] = ids[2];
	want_id[8] = ids[3];
	want_id[9] = people[ZOE];
	/* forward, three at a time: the boundary falls between the two Bobs */
	memset(&all, 0, sizeof all);
	ck_assert_int_eq(page(bob, NULL, false, &today, NULL, 0, false, true, 3, &l), 0);
	for (pages = 1;; pages++) {
		ck_assert_int_le(l.n, 3);
		for (i = 0; i < l.n; i++) {
			all.id[all.n] = l.id[i];
			snprintf(all.name[all.n++], sizeof all.name[0], "%s", l.name[i]);
		}
		if (l.n < 3)
			break;
		ck_assert_int_lt(pages, 10);
		i = l.n - 1;
		{
			char anchor[64];
			int64_t anchor_id = l.id[i];

			snprintf(anchor, sizeof anchor, "%s", l.name[i]);
			ck_assert_int_eq(page(bob, NULL, false, &today, anchor, anchor_id, false,
			    true, 3, &l), 0);
		}
	}
	ck_assert_int_eq(pages, 4);
	ck_assert_int_eq(all.n, 10);
	for (i = 0; i < 10; i++) {
		ck_assert_msg(all.id[i] == want_id[i], "forward row %d: id %lld, wanted %lld (%s)",
		    i, (long long)all.id[i], (long long)want_id[i], want[i]);
		ck_assert_str_eq(all.name[i], want[i]);
	}
	/* backward from the end, each page still in display order */
	memset(&all, 0, sizeof all);
	ck_assert_int_eq(page(bob, NULL, false, &today, NULL, 0, false, false, 3, &l), 0);
	ck_assert_int_eq(l.n, 3);
	ck_assert_str_eq(l.name[0], "Fleur");
	ck_assert_str_eq(l.name[2], "Zoë");
	j = 10;
	for (pages = 1;; pages++) {
		ck_assert_int_le(l.n, j);
		for (i = 0; i < l.n; i++)
			ck_assert_msg(l.id[i] == want_id[j - l.n + i],
			    "backward page %d row %d: id %lld (%s), wanted %lld (%s)", pages, i,
			    (long long)l.id[i], l.name[i], (long long)want_id[j - l.n + i],
			    want[j - l.n + i]);
		j -= l.n;
		if (l.n < 3)
			break;
		ck_assert_int_lt(pages, 10);
		{
			char anchor[64];
			int64_t anchor_id = l.id[0];

			snprintf(anchor, sizeof anchor, "%s", l.name[0]);
			ck_assert_int_eq(page(bob, NULL, false, &today, anchor, anchor_id, false,
			    false, 3, &l), 0);
		}
	}
	ck_assert_int_eq(j, 0);
	/* backward from the second Bob: the first Bob and before it */
	ck_assert_int_eq(page(bob, NULL, false, &today, "Bob", ids[1], false, false, 2, &l), 0);
	ck_assert_int_eq(l.n, 2);
	ck_assert_int_eq(l.id[0], ids[0]);
	ck_assert_int_eq(l.id[1], people[BOB]);
	/* inclusive anchors deliver the anchor row itself, both ways */
	ck_assert_int_eq(page(bob, NULL, false, &today, "Bob", ids[1], true, true, 2, &l), 0);
	ck_assert_int_eq(l.n, 2);
	ck_assert_int_eq(l.id[0], ids[1]);
	ck_assert_int_eq(l.id[1], people[COR]);
	ck_assert_int_eq(page(bob, NULL, false, &today, "Bob", people[BOB], true, false, 2, &l), 0);
	ck_assert_int_eq(l.n, 2);
	ck_assert_int_eq(l.id[0], ids[0]);
	ck_assert_int_eq(l.id[1], people[BOB]);
	/* visitors see nobody */
	ck_assert_int_eq(page(visitor, NULL, false, &today, NULL, 0, false, true, 3, &l),
	    STORE_DENIED);
	ck_assert_int_eq(l.n, 0);
	EXPECT_FAIL(store_people_page(st, visitor, NULL, &today, NULL, 0, false, true, 3,
	    collect_person, &l, &error_), STORE_DENIED, NULL);
}
END_TEST

/*
 * Every page of a search, three at a time, forward from the start and back
 * from the end, as "id id …|id id …" (forward, then backward in display order).
 */
static char *
search_walk(const char *search)
{
	char *out = xstrdup(""), *back = xstrdup(""), *next, name[64] = "";
	struct plist l;
	int64_t id = 0;
	bool first = true;
	int i, guard = 0;

	for (;;) {
		ck_assert_int_eq(page(coord, search, false, &today, first ? NULL : name, id, false,
		    true, 3, &l), 0);
		for (i = 0; i < l.n; i++) {
			next = xasprintf("%s %lld", out, (long long)l.id[i]);
			free(out);
			out = next;
		}
		if (l.n < 3)
			break;
		snprintf(name, sizeof name, "%s", l.name[l.n - 1]);
		id = l.id[l.n - 1];
		first = false;
		ck_assert_int_lt(++guard, 100);
	}
	for (first = true;;) {
		char *chunk = xstrdup("");

		ck_assert_int_eq(page(coord, search, false, &today, first ? NULL : name, id, false,
		    false, 3, &l), 0);
		for (i = 0; i < l.n; i++) {
			next = xasprintf("%s %lld", chunk, (long long)l.id[i]);
			free(chunk);
			chunk = next;
		}
		/* each page comes before the ones already read */
		next = xasprintf("%s%s", chunk, back);
		free(chunk);
		free(back);
		back = next;
		if (l.n < 3)
			break;
		snprintf(name, sizeof name, "%s", l.name[0]);
		id = l.id[0];
		first = false;
		ck_assert_int_lt(++guard, 200);
	}
	next = xasprintf("%s |%s", out, back);
	free(out);
	free(back);
	return out = next;
}

/*
 * A search of everyone reads the same rows whichever way it takes: walking
 * the names against the matches' bitmap, or the search index first; and a
 * person added afterwards, here or by another session, is found at once.
 */
START_TEST(test_people_search_ways)
{
	static const char *const first[] = { "Jan", "Piet", "Vera", "Daan", "Anna", "Sanne" };
	static const char *const last[] = { "de Vries", "van Dam", "Visser", "Jansen", "Bakker",
		"van der Berg", "Dekker" };
	static const char *const searches[] = { "v", "va", "de", "jan", "vis", "zz", "dam pie",
		"example" };
	struct store *other;
	sqlite3 *db;
	char *ways[3], *path, *error = NULL, pname[64];
	size_t k;
	int i, w;
	int64_t id;

	for (i = 0; i < 42; i++) {
		struct person_new p = { pname, NULL, 0, NULL, NULL, false };

		snprintf(pname, sizeof pname, "%s %s", first[i % 6], last[i % 7]);
		EXPECT_OK(store_person_add(st, coord, &p, &id, &error_));
	}
	for (k = 0; k < sizeof searches / sizeof *searches; k++) {
		for (w = 0; w < 3; w++) {
			store_people_search_way(st, w);
			ways[w] = search_walk(searches[k]);
		}
		ck_assert_msg(strcmp(ways[0], ways[1]) == 0 && strcmp(ways[1], ways[2]) == 0,
		    "search '%s': by count [%s], walking [%s], index first [%s]", searches[k],
		    ways[0], ways[1], ways[2]);
		for (w = 0; w < 3; w++)
			free(ways[w]);
	}
	/* the matches are counted again after a change: ours, then another session's */
	for (w = 1; w <= 2; w++) {
		struct person_new p = { w == 1 ? "Vos Eerst" : "Vos Tweede", NULL, 0, NULL, NULL,
			false };

		store_people_search_way(st, w);
		ASSERT_FOUND("vos", false, w == 1 ? "" : "Vos Eerst");
		EXPECT_OK(store_person_add(st, coord, &p, &id, &error_));
		ASSERT_FOUND("vos", false, w == 1 ? "Vos Eerst" : "Vos Eerst|Vos Tweede");
	}
	path = xasprintf("%s/t.db", tmp);
	ck_assert_int_eq(store_open(path, 0, &other, &error), STORE_OK);
	free(path);
	{
		struct person_new p = { "Vos Derde", NULL, 0, NULL, NULL, false };

		EXPECT_OK(store_person_add(other, coord, &p, &id, &error_));
	}
	store_close(other);
	for (w = 1; w <= 2; w++) {
		store_people_search_way(st, w);
		ASSERT_FOUND("vos", false, "Vos Derde|Vos Eerst|Vos Tweede");
	}
	/* ids set by hand in the file: one below zero, then one far above the rest */
	path = xasprintf("%s/t.db", tmp);
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	free(path);
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO person (id, name) VALUES (-5, 'Vos Min')",
	    NULL, NULL, NULL), SQLITE_OK);
	for (w = 0; w <= 2; w++) {
		store_people_search_way(st, w);
		ASSERT_FOUND("vos", false, "Vos Derde|Vos Eerst|Vos Min|Vos Tweede");
	}
	ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO person (id, name) "
	    "VALUES (1099511627776, 'Vos Max')", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	for (w = 0; w <= 2; w++) {
		store_people_search_way(st, w);
		ASSERT_FOUND("vos", false, "Vos Derde|Vos Eerst|Vos Max|Vos Min|Vos Tweede");
	}
}
END_TEST

START_TEST(test_people_groups_and_inactive)
{
	struct date dec31 = D(2026, 12, 31);
	struct plist l;
	int64_t mid;
	int i;

	/* Bob follows B (not counted), Cor was in B until the end of 2026 (not now),
	 * Ann is also a member of B (counted) */
	EXPECT_OK(store_roster_add(st, coord, group_b, people[BOB], "follower", &D(2026, 10, 1),
	    &error_));
	EXPECT_OK(store_roster_add(st, coord, group_b, people[COR], "member", &D(2026, 10, 1),
	    &error_));
	mid = open_membership(group_b, people[COR]);
	ck_assert_int_ne(mid, 0);
	EXPECT_OK(store_roster_end(st, coord, mid, &dec31, &error_));
	EXPECT_OK(store_roster_add(st, coord, group_b, people[ANN], "member", &D(2026, 9, 15),
	    &error_));
	ck_assert_int_eq(page(coord, NULL, false, &today, NULL, 0, false, true, 20, &l), 0);
	ck_assert_int_eq(l.n, 6);
	ck_assert_int_eq(l.groups[plist_find(&l, people[ZOE])], 0);
	ck_assert_int_eq(l.groups[plist_find(&l, people[ANN])], 2);
	ck_assert_int_eq(l.groups[plist_find(&l, people[BOB])], 1);
	ck_assert_int_eq(l.groups[plist_find(&l, people[COR])], 1);
	ck_assert_int_eq(l.groups[plist_find(&l, people[DIRK])], 1);
	ck_assert_int_eq(l.groups[plist_find(&l, people[EVA])], 1);
	/* on the day Cor was still in B, counted by the date asked for */
	ck_assert_int_eq(page(coord, NULL, false, &dec31, NULL, 0, false, true, 20, &l), 0);
	ck_assert_int_eq(l.groups[plist_find(&l, people[COR])], 2);
	ck_assert_int_eq(l.groups[plist_find(&l, people[BOB])], 1);
	/* before any group started */
	ck_assert_int_eq(page(coord, NULL, false, &D(2026, 8, 31), NULL, 0, false, true, 20, &l),
	    0);
	for (i = 0; i < l.n; i++)
		ck_assert_int_eq(l.groups[i], 0);
	/* a deactivated person is hidden unless asked for */
	ck_assert_int_eq(store_person_remove(st, coord, people[EVA], person_version(people[EVA]),
	    NULL), 2);
	ASSERT_FOUND(NULL, false, "Ann|Bob|Cor|Dirk|Zoë");
	ASSERT_FOUND(NULL, true, "Ann|Bob|Cor|Dirk|Eva|Zoë");
	ASSERT_FOUND("eva", false, "");
	ASSERT_FOUND("eva", true, "Eva");
	ck_assert_int_eq(page(coord, "eva", true, &today, NULL, 0, false, true, 20, &l), 0);
	ck_assert_int_eq(l.n, 1);
	ck_assert(!l.active[0]);
	ck_assert_int_eq(page(coord, "bob", true, &today, NULL, 0, false, true, 20, &l), 0);
	ck_assert(l.active[0]);
}
END_TEST

/* ---- adding and changing people ---- */

START_TEST(test_person_add_rules)
{
	struct person_new p = { "Fleur", "fleur@example.nl", 0, "teacher", "fleur", false };
	struct person_detail d;
	int64_t id = 0;
	char *error = NULL;

	p.name = "";
	EXPECT_FAIL(store_person_add(st, coord, &p, &id, &error_), STORE_INVALID, "name");
	p.name = "   ";
	EXPECT_FAIL(store_person_add(st, coord, &p, &id, &error_), STORE_INVALID, "name");
	p.name = "Fleur";
	p.email = "fleur.example.nl";
	EXPECT_FAIL(store_person_add(st, coord, &p, &id, &error_), STORE_INVALID, "email");
	p.email = "fleur@";
	EXPECT_FAIL(store_person_add(st, coord, &p, &id, &error_), STORE_INVALID, "email");
	/* Ann has ann@example.nl: another case is the same address */
	p.email = "ANN@Example.NL";
	EXPECT_FAIL(store_person_add(st, coord, &p, &id, &error_), STORE_INVALID, "Ann");
	p.email = "fleur@example.nl";
	p.login = "bob";
	EXPECT_FAIL(store_person_add(st, coord, &p, &id, &error_), STORE_INVALID, "login");
	EXPECT_FAIL(store_person_add(st, coord, &p, &id, &error_), STORE_INVALID, "Bob");
	p.login = "fleur";
	EXPECT_FAIL(store_person_add(st, ann, &p, &id, &error_), STORE_DENIED, NULL);
	EXPECT_FAIL(store_person_add(st, visitor, &p, &id, &error_), STORE_DENIED, NULL);
	ck_assert_int_eq(counts(st).people, NPEOPLE);	/* nothing of the above was kept */
	EXPECT_OK(store_person_add(st, coord, &p, &id, &error_));
	ck_assert_int_gt(id, 0);
	ck_assert_int_eq(counts(st).people, NPEOPLE + 1);
	ck_assert_int_eq(store_person_get(st, ann, id, &d, &error), 1);
	ck_assert_str_eq(d.name, "Fleur");
	ck_assert_str_eq(d.email, "fleur@example.nl");
	ck_assert_str_eq(d.login, "fleur");
	ck_assert(d.active);
	ck_assert(!d.erased);
	ck_assert(!d.coordinator);
	store_person_detail_clear(&d);
	ck_assert_int_eq(store_person_get(st, visitor, id, &d, &error), STORE_DENIED);
	free(error);
	error = NULL;
	/* no email at all is fine, and twice no email is no clash */
	p.name = "Gijs";
	p.email = NULL;
	p.login = NULL;
	EXPECT_OK(store_person_add(st, coord, &p, &id, &error_));
	p.name = "Hein";
	EXPECT_OK(store_person_add(st, coord, &p, &id, &error_));
}
END_TEST

START_TEST(test_person_update_rules)
{
	struct person_detail d, stale, other;
	char *error = NULL;

	/* Ann edits her own details */
	ck_assert_int_eq(store_person_get(st, ann, people[ANN], &d, &error), 1);
	ck_assert_int_eq(store_person_get(st, ann, people[ANN], &stale, &error), 1);
	free(d.name);
	d.name = xstrdup("Ann de Vries");
	free(d.function);
	d.function = xstrdup("intern begeleider");
	EXPECT_OK(store_person_update(st, ann, &d, &error_));
	store_person_detail_clear(&d);
	d = person(people[ANN]);
	ck_assert_str_eq(d.name, "Ann de Vries");
	ck_assert_str_eq(d.function, "intern begeleider");
	ck_assert_int_eq(d.version, stale.version + 1);
	/* a second editor with the version read before is refused, nothing lost */
	free(stale.name);
	stale.name = xstrdup("Ann Jansen");
	EXPECT_FAIL(store_person_update(st, ann, &stale, &error_), STORE_CONFLICT, NULL);
	EXPECT_FAIL(store_person_update(st, coord, &stale, &error_), STORE_CONFLICT, NULL);
	store_person_detail_clear(&d);
	d = person(people[ANN]);
	ck_assert_str_eq(d.name, "Ann de Vries");
	/* Bob may not change Ann; a coordinator may */
	free(d.name);
	d.name = xstrdup("Bob was here");
	EXPECT_FAIL(store_person_update(st, bob, &d, &error_), STORE_DENIED, NULL);
	EXPECT_FAIL(store_person_update(st, visitor, &d, &error_), STORE_DENIED, NULL);
	store_person_detail_clear(&d);
	d = person(people[ANN]);
	ck_assert_str_eq(d.name, "Ann de Vries");
	free(d.name);
	d.name = xstrdup("Ann");
	EXPECT_OK(store_person_update(st, coord, &d, &error_));
	store_person_detail_clear(&d);
	/* the same checks as adding: Bob's address in another case, Cor's login */
	other = person(people[ANN]);
	free(other.email);
	other.email = xstrdup("Bob@EXAMPLE.nl");
	EXPECT_FAIL(store_person_update(st, ann, &other, &error_), STORE_INVALID, "Bob");
	free(other.email);
	other.email = xstrdup("ann@example.nl");
	free(other.login);
	other.login = xstrdup("cor");
	/* a login is given by a coordinator only; and never one someone has */
	EXPECT_FAIL(store_person_update(st, ann, &other, &error_), STORE_DENIED, "login");
	EXPECT_FAIL(store_person_update(st, coord, &other, &error_), STORE_INVALID, "Cor");
	/* keeping one's own address and login is no clash */
	free(other.login);
	other.login = xstrdup("ann");
	EXPECT_OK(store_person_update(st, ann, &other, &error_));
	store_person_detail_clear(&other);
	store_person_detail_clear(&stale);
}
END_TEST

/* ---- removing and erasing ---- */

struct pglist {
	int n;
	int64_t group_id[MAXROWS];
	char role[MAXROWS][16], end[MAXROWS][16];
};

static int
collect_pgroup(const struct person_group_row *r, void *arg)
{
	struct pglist *l = arg;

	ck_assert_int_lt(l->n, MAXROWS);
	l->group_id[l->n] = r->group_id;
	snprintf(l->role[l->n], sizeof l->role[0], "%s", r->role);
	snprintf(l->end[l->n], sizeof l->end[0], "%s", r->end_on != NULL ? r->end_on : "open");
	l->n++;
	return 0;
}

START_TEST(test_person_remove_and_reactivate)
{
	struct person_new p = { "Fleur", "fleur@example.nl", 0, NULL, "fleur", false };
	struct person_detail d;
	struct pglist g;
	char *error = NULL;
	int64_t id;
	int v;

	/* without history: deleted */
	EXPECT_OK(store_person_add(st, coord, &p, &id, &error_));
	EXPECT_FAIL(store_person_remove(st, ann, id, 1, &error_), STORE_DENIED, NULL);
	EXPECT_FAIL(store_person_remove(st, coord, id, 7, &error_), STORE_CONFLICT, NULL);
	ck_assert_int_eq(store_person_remove(st, coord, id, 1, &error), 1);
	ck_assert_int_eq(store_person_get(st, coord, id, &d, &error), 0);
	ck_assert_int_eq(counts(st).people, NPEOPLE);
	EXPECT_FAIL(store_person_remove(st, coord, id, 1, &error_), STORE_NOT_FOUND, NULL);
	/* with a membership: deactivated, history kept */
	v = person_version(people[EVA]);
	EXPECT_FAIL(store_person_remove(st, coord, people[EVA], v + 1, &error_), STORE_CONFLICT,
	    NULL);
	ck_assert_int_eq(store_person_remove(st, coord, people[EVA], v, &error), 2);
	d = person(people[EVA]);
	ck_assert(!d.active);
	ck_assert(!d.erased);
	ck_assert_str_eq(d.name, "Eva");
	ck_assert_str_eq(d.email, "eva@example.nl");
	ck_assert_int_eq(d.version, v + 1);
	store_person_detail_clear(&d);
	ck_assert_int_eq(counts(st).people, NPEOPLE);
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_person_groups(st, coord, people[EVA], collect_pgroup, &g, &error_));
	ck_assert_int_eq(g.n, 1);
	ck_assert_int_eq(g.group_id[0], group_b);
	ck_assert_str_eq(g.role[0], "member");
	/* a deactivated person cannot sign in */
	{
		struct actor *gone = NULL;

		ck_assert_int_eq(store_actor_by_login(st, "eva", &gone, &error), 0);
		ck_assert_ptr_null(gone);
	}
	/* a coordinator does not remove themself */
	EXPECT_FAIL(store_person_remove(st, coord, people[ZOE], person_version(people[ZOE]),
	    &error_), STORE_INVALID, NULL);
	/* back again */
	EXPECT_FAIL(store_person_reactivate(st, bob, people[EVA], v + 1, &error_), STORE_DENIED,
	    NULL);
	EXPECT_FAIL(store_person_reactivate(st, coord, people[EVA], v, &error_), STORE_CONFLICT,
	    NULL);
	EXPECT_OK(store_person_reactivate(st, coord, people[EVA], v + 1, &error_));
	d = person(people[EVA]);
	ck_assert(d.active);
	store_person_detail_clear(&d);
	ASSERT_FOUND("eva", false, "Eva");
}
END_TEST

START_TEST(test_person_erase)
{
	struct person_detail d;
	struct summaries s;
	struct plist l;
	struct rlist r;
	struct actor *gone = NULL;
	int64_t id = 0;
	char *error = NULL, *name = NULL, anon[32];
	int i;

	/* history naming Cor: a role change, an ended membership elsewhere */
	EXPECT_OK(store_roster_add(st, coord, group_b, people[COR], "member", &D(2026, 10, 1),
	    &error_));
	EXPECT_OK(store_roster_end(st, coord, open_membership(group_b, people[COR]),
	    &D(2026, 11, 1), &error_));
	s = audit_all(st, coord);
	ck_assert_ptr_nonnull(strstr(s.text, "Cor"));	/* the test can see a name */
	free(s.text);
	EXPECT_FAIL(store_person_erase(st, ann, people[COR], person_version(people[COR]), &error_),
	    STORE_DENIED, NULL);
	EXPECT_FAIL(store_person_erase(st, coord, people[COR], person_version(people[COR]) + 1,
	    &error_), STORE_CONFLICT, NULL);
	EXPECT_FAIL(store_person_erase(st, coord, people[ZOE], person_version(people[ZOE]),
	    &error_), STORE_INVALID, NULL);
	EXPECT_OK(store_person_erase(st, coord, people[COR], person_version(people[COR]),
	    &error_));
	snprintf(anon, sizeof anon, "#%lld", (long long)people[COR]);
	d = person(people[COR]);
	ck_assert_str_eq(d.name, anon);
	ck_assert_ptr_null(d.email);
	ck_assert_ptr_null(d.login);
	ck_assert_ptr_null(d.function);
	ck_assert(d.erased);
	ck_assert(!d.active);
	ck_assert(!d.coordinator);
	/* cannot be undone */
	EXPECT_FAIL(store_person_reactivate(st, coord, people[COR], d.version, &error_),
	    STORE_CONFLICT, NULL);
	EXPECT_FAIL(store_person_erase(st, coord, people[COR], d.version, &error_),
	    STORE_CONFLICT, NULL);
	{
		struct person_detail again = person(people[COR]);

		free(again.name);
		again.name = xstrdup("Cor");
		EXPECT_FAIL(store_person_update(st, coord, &again, &error_), STORE_CONFLICT, NULL);
		store_person_detail_clear(&again);
	}
	store_person_detail_clear(&d);
	/* not listed, not findable */
	ck_assert_int_eq(page(coord, NULL, true, &today, NULL, 0, false, true, 20, &l), 0);
	ck_assert_int_eq(l.n, NPEOPLE - 1);
	ck_assert_int_eq(plist_find(&l, people[COR]), -1);
	ASSERT_FOUND("cor", true, "");
	ASSERT_FOUND(anon + 1, true, "");
	ASSERT_FOUND("cor@example", true, "");
	ck_assert_int_eq(store_person_lookup(st, "cor", &id, &name, &error), 0);
	ck_assert_int_eq(store_person_lookup(st, "cor@example.nl", &id, &name, &error), 0);
	ck_assert_ptr_null(name);
	ck_assert_int_eq(store_actor_by_login(st, "cor", &gone, &error), 0);
	/* the log keeps the changes, without the name */
	s = audit_all(st, coord);
	ck_assert_int_gt(s.n, 5);
	ck_assert_msg(strstr(s.text, "Cor") == NULL, "the audit log still names Cor:\n%s", s.text);
	ck_assert_ptr_nonnull(strstr(s.text, anon));
	free(s.text);
	/* the membership still counts, anonymously */
	roster(st, coord, group_a, today, ROSTER_AT, &r);
	ck_assert_int_eq(r.n, 3);
	i = rlist_find(&r, people[COR]);
	ck_assert_int_ge(i, 0);
	ck_assert(r.erased[i]);
	ck_assert_str_eq(r.name[i], anon);
	ck_assert(!r.has_email[i]);
	ck_assert_str_eq(r.role[i], "member");
	for (i = 0; i < r.n; i++)
		if (r.pid[i] != people[COR])
			ck_assert(!r.erased[i]);
	roster(st, coord, group_b, today, ROSTER_HISTORY, &r);
	ASSERT_INTERVALS(&r, people[COR], "member 2026-10-01..2026-11-01;");
	/* an erased person cannot join anything again */
	EXPECT_FAIL(store_roster_add(st, coord, group_b, people[COR], "member", &D(2027, 2, 1),
	    &error_), STORE_INVALID, NULL);
	/* the address and login are free again */
	{
		struct person_new p = { "Cor Nieuw", "cor@example.nl", 0, NULL, "cor", false };

		EXPECT_OK(store_person_add(st, coord, &p, &id, &error_));
	}
}
END_TEST

/*
 * Beyond the brief's list: erasing must remove the person's name from every
 * summary, also a name they had before a rename ...
 */
START_TEST(test_person_erase_renamed)
{
	struct person_new g = { "Gerda", "gerda@example.nl", 0, NULL, NULL, false };
	struct person_detail d;
	struct summaries s;
	int64_t gid;

	EXPECT_OK(store_person_add(st, coord, &g, &gid, &error_));
	d = person(gid);
	free(d.name);
	d.name = xstrdup("Gerda Smit");
	EXPECT_OK(store_person_update(st, coord, &d, &error_));
	store_person_detail_clear(&d);
	EXPECT_OK(store_person_erase(st, coord, gid, person_version(gid), &error_));
	s = audit_all(st, coord);
	ck_assert_msg(strstr(s.text, "Gerda") == NULL,
	    "the audit log still names Gerda (her name before a rename):\n%s", s.text);
	free(s.text);
}
END_TEST

/* ... and must leave other people's summaries alone (a name that merely starts
 * with the erased one). */
START_TEST(test_person_erase_others_intact)
{
	struct person_new am = { "Annemiek", "annemiek@example.nl", 0, NULL, NULL, false };
	struct summaries s;
	int64_t amid;

	EXPECT_OK(store_person_add(st, coord, &am, &amid, &error_));
	EXPECT_OK(store_person_erase(st, coord, people[ANN], person_version(people[ANN]),
	    &error_));
	s = audit_all(st, coord);
	ck_assert_msg(strstr(s.text, "Annemiek") != NULL,
	    "erasing Ann damaged Annemiek's audit rows:\n%s", s.text);
	free(s.text);
}
END_TEST

/* ---- rosters ---- */

START_TEST(test_roster_dates_and_rejoin)
{
	struct rlist r;
	int64_t first, second;

	/* before, within and after an interval */
	roster(st, coord, group_a, D(2026, 8, 31), ROSTER_AT, &r);
	ck_assert_int_eq(r.n, 0);
	roster(st, coord, group_a, D(2026, 9, 1), ROSTER_AT, &r);
	ck_assert_int_eq(r.n, 3);
	/* by role, then name */
	ck_assert_str_eq(r.name[0], "Ann");
	ck_assert_str_eq(r.role[0], "lead");
	ck_assert_str_eq(r.name[1], "Bob");
	ck_assert_str_eq(r.role[1], "member");
	ck_assert_str_eq(r.name[2], "Cor");
	first = open_membership(group_a, people[BOB]);
	ck_assert_int_ne(first, 0);
	/* Bob leaves at the end of November (his last day) */
	EXPECT_FAIL(store_roster_end(st, coord, first, &D(2026, 8, 31), &error_), STORE_INVALID,
	    NULL);
	EXPECT_OK(store_roster_end(st, coord, first, &D(2026, 11, 30), &error_));
	EXPECT_FAIL(store_roster_end(st, coord, first, &D(2026, 12, 31), &error_),
	    STORE_CONFLICT, NULL);
	roster(st, coord, group_a, D(2026, 11, 30), ROSTER_AT, &r);
	ck_assert_int_eq(r.n, 3);
	ck_assert_int_ge(rlist_find(&r, people[BOB]), 0);
	roster(st, coord, group_a, D(2026, 12, 1), ROSTER_AT, &r);
	ck_assert_int_eq(r.n, 2);
	ck_assert_int_eq(rlist_find(&r, people[BOB]), -1);
	/* and rejoins in January: a second interval */
	EXPECT_FAIL(store_roster_add(st, coord, group_a, people[BOB], "member", &D(2026, 11, 1),
	    &error_), STORE_INVALID, "2026-09-01");
	EXPECT_FAIL(store_roster_add(st, coord, group_a, people[BOB], "member", &D(2026, 11, 30),
	    &error_), STORE_INVALID, NULL);
	EXPECT_OK(store_roster_add(st, coord, group_a, people[BOB], "member", &D(2027, 1, 10),
	    &error_));
	second = open_membership(group_a, people[BOB]);
	ck_assert_int_ne(second, 0);
	ck_assert_int_ne(second, first);
	/* anything overlapping the open interval is refused as well */
	EXPECT_FAIL(store_roster_add(st, coord, group_a, people[BOB], "expert", &D(2027, 3, 1),
	    &error_), STORE_INVALID, "2027-01-10");
	EXPECT_FAIL(store_roster_add(st, coord, group_a, people[ANN], "member", &D(2027, 3, 1),
	    &error_), STORE_INVALID, NULL);
	/* ending before the start, or twice */
	EXPECT_FAIL(store_roster_end(st, coord, second, &D(2027, 1, 9), &error_), STORE_INVALID,
	    NULL);
	roster(st, coord, group_a, D(2026, 12, 15), ROSTER_AT, &r);
	ck_assert_int_eq(r.n, 2);
	ck_assert_int_eq(rlist_find(&r, people[BOB]), -1);
	roster(st, coord, group_a, D(2027, 1, 10), ROSTER_AT, &r);
	ck_assert_int_eq(r.n, 3);
	ASSERT_INTERVALS(&r, people[BOB], "member 2027-01-10..open;");
	/* once back, he is not */
	roster(st, coord, group_a, today, ROSTER_FORMER, &r);
	ck_assert_int_eq(r.n, 0);
	/* the history has both, in order */
	roster(st, coord, group_a, today, ROSTER_HISTORY, &r);
	ck_assert_int_eq(r.n, 4);
	ASSERT_INTERVALS(&r, people[BOB], "member 2026-09-01..2026-11-30;member 2027-01-10..open;");
	ck_assert_int_eq(r.mid[rlist_find(&r, people[BOB])], first);
	/* Bob's own view of his memberships */
	{
		struct pglist g;

		memset(&g, 0, sizeof g);
		EXPECT_OK(store_person_groups(st, bob, people[BOB], collect_pgroup, &g, &error_));
		ck_assert_int_eq(g.n, 2);
		ck_assert_str_eq(g.end[0], "open");
		ck_assert_str_eq(g.end[1], "2026-11-30");
	}
	/* in the gap Bob is a former member, shown with his first interval (checked
	 * last: ROSTER_FORMER counts the later open interval against him) */
	roster(st, coord, group_a, D(2026, 12, 15), ROSTER_FORMER, &r);
	ASSERT_INTERVALS(&r, people[BOB], "member 2026-09-01..2026-11-30;");
	ck_assert_int_eq(r.n, 1);
}
END_TEST

START_TEST(test_roster_former_after_leaving)
{
	struct rlist r;

	/* Cor leaves for good: former from the day after, not on the last day */
	EXPECT_OK(store_roster_end(st, coord, open_membership(group_a, people[COR]),
	    &D(2026, 12, 31), &error_));
	roster(st, coord, group_a, D(2026, 12, 31), ROSTER_FORMER, &r);
	ck_assert_int_eq(r.n, 0);
	roster(st, coord, group_a, D(2027, 1, 1), ROSTER_FORMER, &r);
	ck_assert_int_eq(r.n, 1);
	ASSERT_INTERVALS(&r, people[COR], "member 2026-09-01..2026-12-31;");
	/* before the group started nobody is a former member */
	roster(st, coord, group_a, D(2026, 8, 1), ROSTER_FORMER, &r);
	ck_assert_int_eq(r.n, 0);
}
END_TEST

START_TEST(test_roster_set_role)
{
	struct rlist r;
	int64_t mid, later;

	mid = open_membership(group_a, people[COR]);
	ck_assert_int_ne(mid, 0);
	EXPECT_FAIL(store_roster_set_role(st, coord, mid, "member", "boss", &D(2026, 12, 1),
	    &error_), STORE_INVALID, NULL);
	EXPECT_FAIL(store_roster_set_role(st, coord, mid, "member", "expert", &D(2026, 8, 1),
	    &error_), STORE_INVALID, NULL);
	EXPECT_FAIL(store_roster_set_role(st, bob, mid, "member", "expert", &D(2026, 12, 1),
	    &error_), STORE_DENIED, NULL);
	/* Cor becomes an expert from December: the interval splits */
	EXPECT_OK(store_roster_set_role(st, ann, mid, "member", "expert", &D(2026, 12, 1),
	    &error_));
	roster(st, coord, group_a, D(2026, 11, 30), ROSTER_AT, &r);
	ASSERT_INTERVALS(&r, people[COR], "member 2026-09-01..2026-11-30;");
	roster(st, coord, group_a, today, ROSTER_AT, &r);
	ASSERT_INTERVALS(&r, people[COR], "expert 2026-12-01..open;");
	ck_assert_str_eq(r.role[2], "expert");	/* lead, member, expert */
	roster(st, coord, group_a, today, ROSTER_HISTORY, &r);
	ASSERT_INTERVALS(&r, people[COR], "member 2026-09-01..2026-11-30;expert 2026-12-01..open;");
	/* the role as read was member: stale now, on either interval */
	later = open_membership(group_a, people[COR]);
	ck_assert_int_ne(later, mid);
	EXPECT_FAIL(store_roster_set_role(st, coord, later, "member", "lead", &D(2027, 1, 1),
	    &error_), STORE_CONFLICT, NULL);
	EXPECT_FAIL(store_roster_set_role(st, coord, mid, "member", "lead", &D(2027, 1, 1),
	    &error_), STORE_CONFLICT, NULL);
	/* from the start day itself: changed in place, no new interval */
	EXPECT_OK(store_roster_set_role(st, coord, later, "expert", "follower", &D(2026, 12, 1),
	    &error_));
	roster(st, coord, group_a, today, ROSTER_HISTORY, &r);
	ASSERT_INTERVALS(&r, people[COR],
	    "member 2026-09-01..2026-11-30;follower 2026-12-01..open;");
	ck_assert_int_eq(open_membership(group_a, people[COR]), later);
	/* the same role again changes nothing */
	EXPECT_OK(store_roster_set_role(st, coord, later, "follower", "follower", &D(2027, 1, 1),
	    &error_));
	roster(st, coord, group_a, today, ROSTER_HISTORY, &r);
	ck_assert_int_eq(r.n, 4);
}
END_TEST

START_TEST(test_roster_access)
{
	struct group_detail gd;
	struct rlist r;
	char *error = NULL;
	int i;

	/* a plain member may not change the roster; the lead may */
	EXPECT_FAIL(store_roster_add(st, bob, group_a, people[EVA], "member", &D(2027, 2, 1),
	    &error_), STORE_DENIED, NULL);
	EXPECT_FAIL(store_roster_add(st, eva, group_a, people[EVA], "member", &D(2027, 2, 1),
	    &error_), STORE_DENIED, NULL);
	EXPECT_FAIL(store_roster_add(st, dirk, group_a, people[EVA], "member", &D(2027, 2, 1),
	    &error_), STORE_DENIED, NULL);	/* a lead of another group */
	EXPECT_FAIL(store_roster_end(st, bob, open_membership(group_a, people[COR]),
	    &D(2027, 2, 1), &error_), STORE_DENIED, NULL);
	EXPECT_FAIL(store_roster_add(st, ann, group_a, people[EVA], "chief", &D(2027, 2, 1),
	    &error_), STORE_INVALID, NULL);
	EXPECT_OK(store_roster_add(st, ann, group_a, people[EVA], "member", &D(2027, 2, 1),
	    &error_));
	roster(st, coord, group_a, today, ROSTER_AT, &r);
	ck_assert_int_eq(r.n, 4);
	EXPECT_FAIL(store_roster_add(st, ann, 9999, people[EVA], "member", &D(2027, 2, 1),
	    &error_), STORE_NOT_FOUND, NULL);
	/* emails: only for those who may export the roster */
	roster(st, dirk, group_a, today, ROSTER_AT, &r);	/* a stranger to A */
	ck_assert_int_eq(r.n, 4);
	for (i = 0; i < r.n; i++)
		ck_assert_msg(!r.has_email[i], "a stranger sees %s", r.email[i]);
	roster(st, dirk, group_a, today, ROSTER_HISTORY, &r);
	for (i = 0; i < r.n; i++)
		ck_assert(!r.has_email[i]);
	roster(st, bob, group_a, today, ROSTER_AT, &r);	/* a member */
	ck_assert_int_eq(r.n, 4);
	for (i = 0; i < r.n; i++)
		ck_assert(r.has_email[i]);
	ck_assert_str_eq(r.email[rlist_find(&r, people[ANN])], "ann@example.nl");
	roster(st, coord, group_a, today, ROSTER_AT, &r);
	ck_assert(r.has_email[0]);
	EXPECT_FAIL(store_roster_each(st, visitor, group_a, &today, ROSTER_AT, collect_roster, &r,
	    &error_), STORE_DENIED, NULL);
	/* exporting */
	EXPECT_FAIL(store_roster_export(st, dirk, group_a, &today, collect_roster, &r, &error_),
	    STORE_DENIED, NULL);
	EXPECT_FAIL(store_roster_export(st, visitor, group_a, &today, collect_roster, &r,
	    &error_), STORE_DENIED, NULL);
	memset(&r, 0, sizeof r);
	EXPECT_OK(store_roster_export(st, bob, group_a, &today, collect_roster, &r, &error_));
	ck_assert_int_eq(r.n, 4);
	ck_assert(r.has_email[0]);
	/* a deactivated person cannot be added (Dirk has history: deactivated) */
	ck_assert_int_eq(store_person_remove(st, coord, people[DIRK],
	    person_version(people[DIRK]), NULL), 2);
	EXPECT_FAIL(store_roster_add(st, coord, group_a, people[DIRK], "member", &D(2027, 2, 1),
	    &error_), STORE_INVALID, "Dirk");
	/* a closed group's roster is frozen */
	ck_assert_int_eq(store_group_get(st, coord, group_a, &gd, &error), 1);
	EXPECT_OK(store_group_set_status(st, coord, group_a, gd.version, "closed", &error_));
	store_group_detail_clear(&gd);
	EXPECT_FAIL(store_roster_add(st, coord, group_a, people[ZOE], "member", &D(2027, 2, 1),
	    &error_), STORE_INVALID, "closed");
	EXPECT_FAIL(store_roster_add(st, ann, group_a, people[ZOE], "member", &D(2027, 2, 1),
	    &error_), STORE_INVALID, "closed");
	EXPECT_FAIL(store_roster_end(st, coord, open_membership(group_a, people[COR]),
	    &D(2027, 2, 1), &error_), STORE_INVALID, "closed");
	roster(st, coord, group_a, today, ROSTER_AT, &r);
	ck_assert_int_eq(r.n, 4);
}
END_TEST

/* ---- importing ---- */

/* The people named like search (active and not), with organisation, as "Name@Org|…". */
static char *
found_orgs(const char *search)
{
	struct plist l;
	char *out = xstrdup(""), *next;
	int i;

	ck_assert_int_eq(page(coord, search, true, &today, NULL, 0, false, true, MAXROWS, &l), 0);
	for (i = 0; i < l.n; i++) {
		next = xasprintf("%s%s%s@%s", out, i > 0 ? "|" : "", l.name[i], l.org[i]);
		free(out);
		out = next;
	}
	return out;
}

START_TEST(test_people_import)
{
	const struct import_person_in rows[] = {
		{ "Hanna Bakker", "hanna@lyceum.nl", "Het Lyceum", "teacher", NULL, 2 },
		{ "Ann de Wit", "ANN@Example.NL", NULL, NULL, NULL, 3 },
		{ "Bob", "bob@example.nl", NULL, "teacher", "bob", 4 },
		{ "Iris Vos", "iris@lyceum.nl", "het LYCEUM", NULL, NULL, 5 },
	};
	struct import_totals t;
	struct store_counts before, after;
	struct summaries a0, a1;
	struct person_detail d;
	char *s;
	int64_t org;

	/* a dry run reports and keeps nothing */
	before = counts(st);
	a0 = audit_all(st, coord);
	EXPECT_OK(store_people_import(st, coord, rows, 4, true, &t, &error_));
	ck_assert_int_eq(t.added, 2);
	ck_assert_int_eq(t.updated, 1);
	ck_assert_int_eq(t.unchanged, 1);
	ck_assert_int_eq(t.organisations_added, 1);
	after = counts(st);
	ck_assert_int_eq(after.people, before.people);
	ck_assert_int_eq(after.organisations, before.organisations);
	a1 = audit_all(st, coord);
	ck_assert_int_eq(a1.n, a0.n);
	free(a0.text);
	free(a1.text);
	d = person(people[ANN]);
	ck_assert_str_eq(d.name, "Ann");
	store_person_detail_clear(&d);
	ck_assert_int_eq(store_org_by_name(st, "Het Lyceum", &org, NULL), 0);
	/* for real */
	EXPECT_OK(store_people_import(st, coord, rows, 4, false, &t, &error_));
	ck_assert_int_eq(t.added, 2);
	ck_assert_int_eq(t.updated, 1);
	ck_assert_int_eq(t.unchanged, 1);
	ck_assert_int_eq(t.organisations_added, 1);
	after = counts(st);
	ck_assert_int_eq(after.people, before.people + 2);
	ck_assert_int_eq(after.organisations, before.organisations + 1);
	/* the address matched Ann's in another case: she was updated, her address kept */
	d = person(people[ANN]);
	ck_assert_str_eq(d.name, "Ann de Wit");
	ck_assert_str_eq(d.email, "ann@example.nl");
	ck_assert_str_eq(d.login, "ann");
	store_person_detail_clear(&d);
	/* one organisation, as first spelled, for both */
	ck_assert_int_eq(store_org_by_name(st, "HET lyceum", &org, NULL), 1);
	s = found_orgs("lyceum");
	ck_assert_str_eq(s, "Hanna Bakker@Het Lyceum|Iris Vos@Het Lyceum");
	free(s);
	d = person(people[BOB]);
	ck_assert_int_eq(d.version, 1);	/* unchanged means untouched */
	store_person_detail_clear(&d);
	/* again: nothing new */
	EXPECT_OK(store_people_import(st, coord, rows, 4, false, &t, &error_));
	ck_assert_int_eq(t.added, 0);
	ck_assert_int_eq(t.updated, 0);
	ck_assert_int_eq(t.unchanged, 4);
	ck_assert_int_eq(t.organisations_added, 0);
	ck_assert_int_eq(counts(st).people, before.people + 2);
	ck_assert_int_eq(counts(st).organisations, before.organisations + 1);
}
END_TEST

START_TEST(test_people_import_refused)
{
	const struct import_person_in rows[] = {
		{ "Jan Smit", "jan@example.org", "Nieuwe School", NULL, NULL, 2 },
		{ "Kees Vos", "kees@example.org", NULL, NULL, "bob", 3 },
		{ "Lies de Boer", "lies@example.org", NULL, NULL, NULL, 4 },
	};
	struct import_totals t;
	struct store_counts before, after;
	int64_t org;

	before = counts(st);
	memset(&t, 0x55, sizeof t);
	EXPECT_FAIL(store_people_import(st, coord, rows, 3, false, &t, &error_), STORE_INVALID,
	    "line 3");
	EXPECT_FAIL(store_people_import(st, coord, rows, 3, false, &t, &error_), STORE_INVALID,
	    "Bob");
	EXPECT_FAIL(store_people_import(st, coord, rows, 3, true, &t, &error_), STORE_INVALID,
	    "line 3");
	after = counts(st);
	ck_assert_int_eq(after.people, before.people);
	ck_assert_int_eq(after.organisations, before.organisations);
	ASSERT_FOUND("jan", true, "");
	ASSERT_FOUND("lies", true, "");
	ck_assert_int_eq(store_org_by_name(st, "Nieuwe School", &org, NULL), 0);
	/* coordinators only */
	EXPECT_FAIL(store_people_import(st, ann, rows, 1, false, &t, &error_), STORE_DENIED,
	    NULL);
	EXPECT_FAIL(store_people_import(st, visitor, rows, 1, true, &t, &error_), STORE_DENIED,
	    NULL);
	ck_assert_int_eq(counts(st).people, before.people);
	/* Bob's own row may carry his own login */
	{
		const struct import_person_in own[] = {
			{ "Bob", "bob@example.nl", NULL, NULL, "bob", 7 },
		};

		EXPECT_OK(store_people_import(st, coord, own, 1, false, &t, &error_));
		ck_assert_int_eq(t.unchanged, 1);
	}
}
END_TEST

/* ---- the offline snapshot ---- */

/* One number from the database at path, opened read-only with SQLite itself. */
static long
sql_count(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long n;

	ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(db));
	ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
	n = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

START_TEST(test_snapshot)
{
	struct meeting_new ma = { 0, NULL, { 2026, 10, 7 }, 15 * 60, 17 * 60, "School", NULL,
		"intervision", "held" };
	struct meeting_new mb = ma, mn = ma;
	struct theme_new th = { "Lezen", "Beschrijving", 0, { 2026, 6, 1 }, "plg", "exploring",
		"proposed" };
	struct note_new note = { 0, "incident", 0, 0, 0, 0 };
	struct store_counts before, after, snap;
	struct summaries a0, a1;
	struct store *copy = NULL;
	struct actor *ann2 = NULL, *bob2 = NULL, *boss;
	struct person_detail d;
	struct group_detail gd;
	struct plist l;
	struct rlist r;
	int64_t mid_a, mid_b, mid_n, note_id, theme_id, both[2], post;
	int unread;
	char *path, *path2, *error = NULL;

	/* group A held an intervision meeting with a note; B and the network met too */
	ma.group_id = group_a;
	mb.group_id = group_b;
	mn.title = "Netwerkdag";
	mn.day = D(2026, 11, 4);
	EXPECT_OK(store_meeting_insert(st, coord, &ma, &mid_a, &error_));
	EXPECT_OK(store_meeting_insert(st, coord, &mb, &mid_b, &error_));
	EXPECT_OK(store_meeting_insert(st, coord, &mn, &mid_n, &error_));
	EXPECT_OK(store_attendance_set(st, coord, mid_a, people[BOB], "present", -1, NULL,
	    &error_));
	EXPECT_OK(store_attendance_set(st, coord, mid_a, people[EVA], "present", -1, "guest",
	    &error_));	/* a guest from B */
	EXPECT_OK(store_attendance_set(st, coord, mid_b, people[EVA], "present", -1, NULL,
	    &error_));
	EXPECT_OK(store_attendance_set(st, coord, mid_n, people[EVA], "late", 30, NULL, &error_));
	EXPECT_OK(store_attendance_set(st, coord, mid_n, people[ANN], "present", -1, NULL,
	    &error_));
	note.meeting_id = mid_a;
	note.contributor_id = people[BOB];
	note.chair_id = people[ANN];
	note.minute_taker_id = people[EVA];
	note.author_id = people[ANN];
	EXPECT_OK(store_note_insert(st, ann, &note, &note_id, &error_));
	EXPECT_OK(store_note_section_insert(st, ann, note_id, 1, "question",
	    "Wat doe je als een leerling niet rekent?", "group", &error_));
	/* Eva proposed a theme and registered for it */
	th.proposer_id = people[EVA];
	EXPECT_OK(store_theme_insert(st, eva, &th, &theme_id, &error_));
	EXPECT_OK(store_interest_insert(st, eva, theme_id, people[EVA], &D(2026, 6, 2), true,
	    "graag", &error_));
	EXPECT_OK(store_interest_insert(st, bob, theme_id, people[BOB], &D(2026, 6, 3), true,
	    NULL, &error_));
	ck_assert_int_eq(counts(st).notes, 1);
	/* Ann posted news in A that Bob read: his read mark is his own */
	EXPECT_OK(store_update_post(st, ann, group_a, "Nieuws", "Tekst", &post, &error_));
	EXPECT_OK(store_update_mark_read(st, bob, post, &error_));
	EXPECT_OK(store_updates_unread(st, bob, group_a, &unread, &error_));
	ck_assert_int_eq(unread, 0);

	before = counts(st);
	a0 = audit_all(st, coord);
	path = xasprintf("%s/snapshot.db", tmp);
	path2 = xasprintf("%s/stranger.db", tmp);
	/* a stranger to A (lead of B) may not take A away */
	EXPECT_FAIL(store_snapshot(st, eva, path2, &group_a, 1, &error_), STORE_DENIED, NULL);
	ck_assert_int_ne(access(path2, F_OK), 0);
	both[0] = group_b;
	both[1] = group_a;
	EXPECT_FAIL(store_snapshot(st, dirk, path2, both, 2, &error_), STORE_DENIED, NULL);
	ck_assert_int_ne(access(path2, F_OK), 0);
	EXPECT_FAIL(store_snapshot(st, visitor, path2, &group_a, 1, &error_), STORE_DENIED, NULL);
	ck_assert_int_ne(access(path2, F_OK), 0);
	EXPECT_FAIL(store_snapshot(st, ann, path2, &group_a, 0, &error_), STORE_INVALID, NULL);
	ck_assert_int_ne(access(path2, F_OK), 0);
	/* Ann, lead of A */
	EXPECT_OK(store_snapshot(st, ann, path, &group_a, 1, &error_));
	ck_assert_int_eq(access(path, F_OK), 0);

	/* the source is as it was */
	after = counts(st);
	ck_assert_int_eq(after.people, before.people);
	ck_assert_int_eq(after.organisations, before.organisations);
	ck_assert_int_eq(after.themes, before.themes);
	ck_assert_int_eq(after.groups, before.groups);
	ck_assert_int_eq(after.meetings, before.meetings);
	ck_assert_int_eq(after.notes, before.notes);
	ck_assert_int_eq(after.notes, 1);
	a1 = audit_all(st, coord);
	ck_assert_int_eq(a1.n, a0.n);
	ck_assert_str_eq(a1.text, a0.text);
	free(a0.text);
	free(a1.text);
	roster(st, coord, group_b, today, ROSTER_AT, &r);
	ck_assert_int_eq(r.n, 2);
	d = person(people[EVA]);
	ck_assert_str_eq(d.name, "Eva");
	store_person_detail_clear(&d);

	/* the snapshot */
	ck_assert_msg(store_open(path, STORE_OPEN_READONLY, &copy, &error) == STORE_OK, "%s",
	    error != NULL ? error : "");
	ck_assert(store_read_only(copy));
	ck_assert_int_eq(store_actor_by_login(copy, "ann", &ann2, &error), 1);
	ck_assert_int_eq(store_actor_by_login(copy, "bob", &bob2, &error), 1);
	EXPECT_OK(store_updates_unread(copy, bob2, group_a, &unread, &error_));
	ck_assert_int_eq(unread, 1);	/* Ann's copy does not say what Bob read */
	actor_free(bob2);
	ck_assert_int_eq(store_group_get(copy, ann2, group_a, &gd, &error), 1);
	ck_assert_str_eq(gd.name, "PLG Rekenen");
	store_group_detail_clear(&gd);
	ck_assert_int_eq(store_group_get(copy, ann2, group_b, &gd, &error), 0);
	store_group_detail_clear(&gd);
	roster(copy, ann2, group_a, today, ROSTER_AT, &r);
	ck_assert_int_eq(r.n, 3);
	ck_assert_str_eq(r.name[0], "Ann");
	ck_assert_str_eq(r.name[1], "Bob");
	ck_assert_str_eq(r.name[2], "Cor");
	ck_assert_str_eq(r.email[1], "bob@example.nl");
	/* only the people on A's roster */
	ck_assert_int_eq(store_person_get(copy, ann2, people[EVA], &d, &error), 0);
	ck_assert_int_eq(store_person_get(copy, ann2, people[DIRK], &d, &error), 0);
	ck_assert_int_eq(store_person_get(copy, ann2, people[ZOE], &d, &error), 0);
	ck_assert_int_eq(store_person_get(copy, ann2, people[BOB], &d, &error), 1);
	store_person_detail_clear(&d);
	memset(&l, 0, sizeof l);
	{
		struct people_filter f = { "eva", 0, true };

		EXPECT_OK(store_people_page(copy, ann2, &f, &today, NULL, 0, false, true, 10,
		    collect_person, &l, &error_));
		ck_assert_int_eq(l.n, 0);
		f.search = NULL;
		EXPECT_OK(store_people_page(copy, ann2, &f, &today, NULL, 0, false, true, 10,
		    collect_person, &l, &error_));
		ck_assert_int_eq(l.n, 3);
	}
	snap = counts(copy);
	ck_assert_int_eq(snap.notes, 0);
	ck_assert_int_eq(snap.groups, 1);
	ck_assert_int_eq(snap.people, 3);
	ck_assert_int_eq(snap.meetings, 2);	/* A's and the network's, not B's */
	ck_assert_int_eq(snap.themes, before.themes);
	/* no audit log, even for a coordinator */
	boss = actor_new(people[ANN], "ann", "Ann", true);
	a1 = audit_all(copy, boss);
	ck_assert_int_eq(a1.n, 0);
	free(a1.text);
	actor_free(boss);
	{
		char *report = NULL;

		ck_assert_msg(store_check(copy, &report, &error) == 0, "%s",
		    report != NULL ? report : "");
		free(report);
	}
	actor_free(ann2);
	store_close(copy);
	/* and directly, what no API shows */
	ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM note"), 0);
	ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM note_section"), 0);
	ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM audit"), 0);
	ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM interest"), 1);	/* Bob's */
	ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM attendance"), 2);	/* Bob, Ann */
	ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM theme WHERE proposer_id "
	    "IS NOT NULL"), 0);
	ck_assert_int_eq(sql_count(path, "SELECT count(*) FROM person_fts WHERE person_fts "
	    "MATCH 'eva'"), 0);
	/* a snapshot never overwrites a database */
	EXPECT_FAIL(store_snapshot(st, ann, path, &group_a, 1, &error_), STORE_ERROR, NULL);
	free(path);
	free(path2);
}
END_TEST

Suite *
suite_people(void)
{
	Suite *s = suite_create("people");
	TCase *dir = tcase_create("directory");
	TCase *ros = tcase_create("roster");
	TCase *imp = tcase_create("import");

	tcase_add_checked_fixture(dir, people_setup, people_teardown);
	tcase_add_test(dir, test_people_search);
	tcase_add_test(dir, test_people_paging);
	tcase_add_test(dir, test_people_search_ways);
	tcase_add_test(dir, test_people_groups_and_inactive);
	tcase_add_test(dir, test_person_add_rules);
	tcase_add_test(dir, test_person_update_rules);
	tcase_add_test(dir, test_person_remove_and_reactivate);
	tcase_add_test(dir, test_person_erase);
	tcase_add_test(dir, test_person_erase_renamed);
	tcase_add_test(dir, test_person_erase_others_intact);
	suite_add_tcase(s, dir);
	tcase_add_checked_fixture(ros, people_setup, people_teardown);
	tcase_add_test(ros, test_roster_dates_and_rejoin);
	tcase_add_test(ros, test_roster_former_after_leaving);
	tcase_add_test(ros, test_roster_set_role);
	tcase_add_test(ros, test_roster_access);
	tcase_add_test(ros, test_snapshot);
	suite_add_tcase(s, ros);
	tcase_add_checked_fixture(imp, people_setup, people_teardown);
	tcase_add_test(imp, test_people_import);
	tcase_add_test(imp, test_people_import_refused);
	suite_add_tcase(s, imp);
	return s;
}

/* test_updates.c — updates and followers through the store on a real database
 * (store_updates.c): who may follow and unfollow (and that history is kept),
 * who may post (members only when the group allows it), who may read, read
 * marks and the unread counts, keyset pages, versions and the audit log.
 * "Today" is fixed. */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "fixture.h"
#include "store/store.h"
#include "suites.h"

#define D(y, m, d) ((struct date){ (y), (m), (d) })

enum { ZOE, ANN, BOB, COR, DAN, EVE, FAY, NPEOPLE, VISITOR = NPEOPLE };

static const struct date today = { 2026, 11, 23 };
static const struct fixture_person cast[NPEOPLE] = {
	{ "Zoë", "zoe", true }, { "Ann", "ann", false }, { "Bob", "bob", false },
	{ "Cor", "cor", false }, { "Dan", "dan", false }, { "Eve", "eve", false },
	{ "Fay", "fay", false }
};
static struct fixture fx;			/* the store, the cast and their actors */
static struct store *st;			/* fx.st */
static struct actor **const who = fx.who;	/* who[VISITOR]: someone the store does not know */
static int64_t *const people = fx.people;	/* the cast's ids */
/* g1: ann leads, bob and cor members, fay follows since 1 September; g2: dan leads, bob;
 * gc: closed, dan leads */
static int64_t g1, g2, gc;

static void
updates_setup(void)
{
	struct group_new g = fixture_plg("PLG Rust");
	struct group_detail d;
	char *error = NULL;

	st = fixture_open(&fx, &today, cast, NPEOPLE);
	g1 = fixture_form(&fx, &g, ANN, (const int[]){ BOB, COR }, 2);
	fixture_join(&fx, g1, FAY, "follower", &D(2026, 9, 1));
	g.name = "Werkgroep Rekenen";
	g2 = fixture_form(&fx, &g, DAN, (const int[]){ BOB }, 1);
	g.name = "Werkgroep Gesloten";
	gc = fixture_form(&fx, &g, DAN, (const int[]){ BOB }, 1);
	ck_assert_int_eq(store_group_get(st, who[ZOE], gc, &d, &error), 1);
	ck_assert_int_eq(store_group_set_status(st, who[ZOE], gc, d.version, "closed", &error), 0);
	store_group_detail_clear(&d);
}

static void
updates_teardown(void)
{
	fixture_close(&fx);
}

static struct update_standing
standing(int whom, int64_t group)
{
	struct update_standing s;
	char *error = NULL;

	ck_assert_int_eq(store_update_standing(st, who[whom], group, &s, &error), 1);
	ck_assert_ptr_null(error);
	return s;
}

static int
unread(int whom, int64_t group)
{
	char *error = NULL;
	int n = -1;

	ck_assert_int_eq(store_updates_unread(st, who[whom], group, &n, &error), 0);
	ck_assert_ptr_null(error);
	return n;
}

static int64_t
post(int whom, int64_t group, const char *title)
{
	int64_t id = 0;

	EXPECT_OK(store_update_post(st, who[whom], group, title, "Tekst van de update.", &id,
	    &error_));
	ck_assert_int_gt(id, 0);
	return id;
}

/* ---- collecting rows ---- */

struct got {
	int n;
	int version;
	char text[1024];	/* "title" or "title*" (unread), space separated */
	char last_at[DATETIME_ISO_LEN];
	int64_t last_id;
};

static int
got_row(const struct update_row *r, void *arg)
{
	struct got *g = arg;
	size_t len = strlen(g->text);

	snprintf(g->text + len, sizeof g->text - len, "%s%s%s", len ? " " : "", r->title,
	    r->unread ? "*" : "");
	snprintf(g->last_at, sizeof g->last_at, "%s", r->posted_at);
	g->last_id = r->id;
	g->version = r->version;
	g->n++;
	return 0;
}

static int
page(int whom, int64_t group, const struct got *after, bool forward, int limit, struct got *g)
{
	struct update_anchor a;
	char *error = NULL;
	int rc;

	if (after != NULL) {
		a.posted_at = after->last_at;
		a.id = after->last_id;
	}
	memset(g, 0, sizeof *g);
	rc = store_updates_page(st, who[whom], group, after != NULL ? &a : NULL, false, forward,
	    limit, got_row, g, &error);
	ck_assert_msg((rc == 0) == (error == NULL), "page: message and result disagree");
	free(error);
	return rc;
}

/* Intervals of a person in a group (ROSTER_HISTORY). */
struct intervals {
	int n;
	char text[256];		/* "role:start..end" */
	int64_t person_id;
};

static int
interval_row(const struct roster_row *r, void *arg)
{
	struct intervals *iv = arg;
	size_t len = strlen(iv->text);

	if (r->person_id != iv->person_id)
		return 0;
	snprintf(iv->text + len, sizeof iv->text - len, "%s%s:%s..%s", len ? " " : "", r->role,
	    r->start_on, r->end_on != NULL ? r->end_on : "");
	iv->n++;
	return 0;
}

static struct intervals
history(int whom, int64_t group)
{
	struct intervals iv;
	char *error = NULL;

	memset(&iv, 0, sizeof iv);
	iv.person_id = people[whom];
	ck_assert_int_eq(store_roster_each(st, who[ZOE], group, &today, ROSTER_HISTORY,
	    interval_row, &iv, &error), 0);
	return iv;
}

/* Who may follow which group. */
START_TEST(test_follow_rules)
{
	struct update_standing s;

	/* a member reads anyway; a follower cannot follow twice */
	EXPECT_RC(store_group_follow(st, who[BOB], g1, &error_), STORE_INVALID);
	EXPECT_RC(store_group_follow(st, who[ANN], g1, &error_), STORE_INVALID);
	EXPECT_RC(store_group_follow(st, who[FAY], g1, &error_), STORE_INVALID);
	EXPECT_RC(store_group_follow(st, who[VISITOR], g1, &error_), STORE_DENIED);
	EXPECT_RC(store_group_follow(st, who[EVE], 999, &error_), STORE_NOT_FOUND);
	/* a closed group */
	EXPECT_RC(store_group_follow(st, who[EVE], gc, &error_), STORE_INVALID);
	ck_assert(!standing(EVE, gc).may_follow);
	/* anyone known may follow an open group */
	s = standing(EVE, g1);
	ck_assert(s.may_follow && !s.may_read && !s.follower);
	EXPECT_OK(store_group_follow(st, who[EVE], g1, &error_));
	s = standing(EVE, g1);
	ck_assert(s.follower && s.may_read && !s.member && !s.may_follow && !s.may_post);
	EXPECT_RC(store_group_follow(st, who[EVE], g1, &error_), STORE_INVALID);
	/* a group closed to followers */
	s = standing(DAN, g2);
	ck_assert(s.may_settle && s.open_to_followers);
	EXPECT_RC(store_update_settings(st, who[BOB], g2, s.group_version, false, false, &error_),
	    STORE_DENIED);
	EXPECT_RC(store_update_settings(st, who[EVE], g2, s.group_version, false, false, &error_),
	    STORE_DENIED);
	EXPECT_OK(store_update_settings(st, who[DAN], g2, s.group_version, false, false, &error_));
	/* the version read is stale now */
	EXPECT_RC(store_update_settings(st, who[ZOE], g2, s.group_version, false, true, &error_),
	    STORE_CONFLICT);
	ck_assert(!standing(EVE, g2).may_follow);
	EXPECT_RC(store_group_follow(st, who[EVE], g2, &error_), STORE_DENIED);
	EXPECT_RC(store_group_follow(st, who[COR], g2, &error_), STORE_DENIED);
	/* one not following cannot unfollow */
	EXPECT_RC(store_group_unfollow(st, who[COR], g1, &error_), STORE_INVALID);
	EXPECT_RC(store_group_unfollow(st, who[BOB], g1, &error_), STORE_INVALID);
	EXPECT_RC(store_group_unfollow(st, who[VISITOR], g1, &error_), STORE_DENIED);
}
END_TEST

/* Unfollow ends the interval yesterday; following again opens a new one. */
START_TEST(test_follow_history)
{
	struct intervals iv;

	date_clock_fix(&D(2026, 11, 2));
	EXPECT_OK(store_group_follow(st, who[EVE], g1, &error_));
	date_clock_fix(&D(2026, 11, 12));
	EXPECT_OK(store_group_unfollow(st, who[EVE], g1, &error_));
	ck_assert(!standing(EVE, g1).follower);
	ck_assert(standing(EVE, g1).may_follow);
	EXPECT_OK(store_group_follow(st, who[EVE], g1, &error_));
	ck_assert(standing(EVE, g1).follower);
	iv = history(EVE, g1);
	ck_assert_str_eq(iv.text, "follower:2026-11-02..2026-11-11 follower:2026-11-12..");
	/* unfollowing on the day one began leaves no empty interval behind */
	EXPECT_OK(store_group_unfollow(st, who[EVE], g1, &error_));
	iv = history(EVE, g1);
	ck_assert_str_eq(iv.text, "follower:2026-11-02..2026-11-11");
	EXPECT_RC(store_group_unfollow(st, who[EVE], g1, &error_), STORE_INVALID);
	/* the follower of September, unfollowing, keeps their history */
	EXPECT_OK(store_group_unfollow(st, who[FAY], g1, &error_));
	iv = history(FAY, g1);
	ck_assert_str_eq(iv.text, "follower:2026-09-01..2026-11-11");
	ck_assert(!standing(FAY, g1).may_read);
	/* and following again in a group closed to followers is refused */
	EXPECT_OK(store_update_settings(st, who[ANN], g1, standing(ANN, g1).group_version, false,
	    false, &error_));
	EXPECT_RC(store_group_follow(st, who[FAY], g1, &error_), STORE_DENIED);
}
END_TEST

/* Leads post; members only when the group allows it; never in a closed group. */
START_TEST(test_post_rules)
{
	char long_title[202];
	struct update_standing s;

	post(ANN, g1, "Eerste bijeenkomst");
	post(ZOE, g1, "Van de coördinator");
	s = standing(BOB, g1);
	ck_assert(s.member && !s.lead && !s.may_post && !s.may_settle);
	EXPECT_RC(store_update_post(st, who[BOB], g1, "Van Bob", "", NULL, &error_), STORE_DENIED);
	EXPECT_RC(store_update_post(st, who[FAY], g1, "Van Fay", "", NULL, &error_), STORE_DENIED);
	EXPECT_RC(store_update_post(st, who[EVE], g1, "Van Eve", "", NULL, &error_), STORE_DENIED);
	EXPECT_RC(store_update_post(st, who[VISITOR], g1, "Van niemand", "", NULL, &error_),
	    STORE_DENIED);
	EXPECT_RC(store_update_post(st, who[DAN], g1, "Van Dan", "", NULL, &error_), STORE_DENIED);
	/* the lead lets members post: members may, followers still not */
	s = standing(ANN, g1);
	ck_assert(s.lead && s.may_post && s.may_settle);
	EXPECT_OK(store_update_settings(st, who[ANN], g1, s.group_version, true, true, &error_));
	ck_assert(standing(BOB, g1).may_post);
	post(BOB, g1, "Van Bob");
	EXPECT_RC(store_update_post(st, who[FAY], g1, "Van Fay", "", NULL, &error_), STORE_DENIED);
	/* the text's rules */
	EXPECT_RC(store_update_post(st, who[ANN], g1, "", "tekst", NULL, &error_), STORE_INVALID);
	EXPECT_RC(store_update_post(st, who[ANN], g1, NULL, "tekst", NULL, &error_), STORE_INVALID);
	EXPECT_RC(store_update_post(st, who[ANN], g1, "Twee\nregels", "", NULL, &error_),
	    STORE_INVALID);
	memset(long_title, 'x', 201);
	long_title[201] = '\0';
	EXPECT_RC(store_update_post(st, who[ANN], g1, long_title, "", NULL, &error_),
	    STORE_INVALID);
	long_title[200] = '\0';
	post(ANN, g1, long_title);
	/* closed, and unknown */
	EXPECT_RC(store_update_post(st, who[DAN], gc, "Nog iets", "", NULL, &error_),
	    STORE_INVALID);
	EXPECT_RC(store_update_post(st, who[ZOE], gc, "Nog iets", "", NULL, &error_),
	    STORE_INVALID);
	ck_assert(!standing(ZOE, gc).may_post);
	EXPECT_RC(store_update_post(st, who[ZOE], 999, "Nergens", "", NULL, &error_),
	    STORE_NOT_FOUND);
}
END_TEST

/* Who reads: members, followers, leads, coordinators; read marks and counts. */
START_TEST(test_read_marks)
{
	struct got g;
	char *error = NULL;
	int64_t a, b;

	a = post(ANN, g1, "Een");
	b = post(ANN, g1, "Twee");
	post(DAN, g2, "Rekenen");
	/* the author has read their own; the others not */
	ck_assert_int_eq(unread(ANN, g1), 0);
	ck_assert_int_eq(unread(FAY, g1), 2);
	ck_assert_int_eq(unread(FAY, 0), 2);
	ck_assert_int_eq(unread(BOB, 0), 3);	/* bob is in both */
	ck_assert_int_eq(standing(COR, g1).unread, 2);
	ck_assert_int_eq(page(FAY, g1, NULL, true, 10, &g), 0);
	ck_assert_str_eq(g.text, "Twee* Een*");
	EXPECT_OK(store_update_mark_read(st, who[FAY], a, &error_));
	EXPECT_OK(store_update_mark_read(st, who[FAY], a, &error_));
	ck_assert_int_eq(unread(FAY, g1), 1);
	ck_assert_int_eq(page(FAY, 0, NULL, true, 10, &g), 0);
	ck_assert_str_eq(g.text, "Twee* Een");
	EXPECT_OK(store_update_mark_read(st, who[FAY], b, &error_));
	ck_assert_int_eq(unread(FAY, 0), 0);
	/* not in the group: no reading, and the refusal says one can follow */
	ck_assert_int_eq(page(EVE, g1, NULL, true, 10, &g), STORE_DENIED);
	ck_assert_int_eq(store_updates_page(st, who[EVE], g1, NULL, false, true, 10, got_row, &g,
	    &error), STORE_DENIED);
	ck_assert_ptr_nonnull(strstr(error, "follow"));
	free(error);
	error = NULL;
	EXPECT_RC(store_update_get(st, who[EVE], a, got_row, &g, &error_), STORE_DENIED);
	EXPECT_RC(store_update_mark_read(st, who[EVE], a, &error_), STORE_DENIED);
	EXPECT_RC(store_update_get(st, who[VISITOR], a, got_row, &g, &error_), STORE_DENIED);
	EXPECT_RC(store_updates_since(st, who[EVE], g1, &D(2026, 1, 1), got_row, &g, &error_),
	    STORE_DENIED);
	/* my recent updates are of my groups only: eve has none */
	ck_assert_int_eq(page(EVE, 0, NULL, true, 10, &g), 0);
	ck_assert_int_eq(g.n, 0);
	/* a coordinator reads any group; what she has not opened is not news to her */
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_update_get(st, who[ZOE], b, got_row, &g, &error_));
	ck_assert_str_eq(g.text, "Twee");
	/* once eve follows, she reads, and the posts of before her following are history */
	EXPECT_OK(store_group_follow(st, who[EVE], g1, &error_));
	ck_assert_int_eq(page(EVE, g1, NULL, true, 10, &g), 0);
	ck_assert_str_eq(g.text, "Twee* Een*");		/* posted today, the day she began */
	EXPECT_OK(store_update_insert_as(st, who[ZOE], g1, people[ANN], "2026-10-01T09:00",
	    "Oktober", "Oud nieuws.", NULL, &error_));
	ck_assert_int_eq(page(EVE, g1, NULL, true, 10, &g), 0);
	ck_assert_str_eq(g.text, "Twee* Een* Oktober");
	ck_assert_int_eq(unread(EVE, g1), 2);
	ck_assert_int_eq(unread(FAY, g1), 1);	/* fay follows since September */
	/* deleting a post takes its read marks along */
	EXPECT_OK(store_update_delete(st, who[ANN], a, 1, &error_));
	ck_assert_int_eq(unread(EVE, g1), 1);
	EXPECT_RC(store_update_mark_read(st, who[EVE], a, &error_), STORE_NOT_FOUND);
	/* only coordinators load posts of earlier */
	EXPECT_RC(store_update_insert_as(st, who[ANN], g1, people[ANN], "2026-10-01T09:00",
	    "Oktober", "", NULL, &error_), STORE_DENIED);
	EXPECT_RC(store_update_insert_as(st, who[ZOE], g1, people[ANN], "gisteren",
	    "Oktober", "", NULL, &error_), STORE_INVALID);
}
END_TEST

/* Edits and deletes name the version read; only author, lead, coordinator. */
START_TEST(test_versions)
{
	struct got g;
	int64_t id;

	EXPECT_OK(store_update_settings(st, who[ANN], g1, standing(ANN, g1).group_version, true,
	    true, &error_));
	id = post(BOB, g1, "Van Bob");
	EXPECT_RC(store_update_edit(st, who[COR], id, 1, "Van Cor", "", &error_), STORE_DENIED);
	EXPECT_RC(store_update_edit(st, who[FAY], id, 1, "Van Fay", "", &error_), STORE_DENIED);
	EXPECT_RC(store_update_delete(st, who[COR], id, 1, &error_), STORE_DENIED);
	EXPECT_RC(store_update_edit(st, who[BOB], id, 1, "", "", &error_), STORE_INVALID);
	EXPECT_OK(store_update_edit(st, who[BOB], id, 1, "Van Bob (2)", "Geheim verslag", &error_));
	/* a second save of what was read at version 1 is refused */
	EXPECT_RC(store_update_edit(st, who[ANN], id, 1, "Van Ann", "", &error_), STORE_CONFLICT);
	EXPECT_RC(store_update_delete(st, who[ANN], id, 1, &error_), STORE_CONFLICT);
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_update_get(st, who[FAY], id, got_row, &g, &error_));
	ck_assert_str_eq(g.text, "Van Bob (2)*");
	ck_assert_int_eq(g.version, 2);
	EXPECT_OK(store_update_edit(st, who[ANN], id, 2, "Van Bob (3)", "", &error_));
	EXPECT_OK(store_update_edit(st, who[ZOE], id, 3, "Van Bob (4)", "", &error_));
	EXPECT_OK(store_update_delete(st, who[BOB], id, 4, &error_));
	EXPECT_RC(store_update_get(st, who[FAY], id, got_row, &g, &error_), STORE_NOT_FOUND);
	EXPECT_RC(store_update_edit(st, who[BOB], id, 4, "Weg", "", &error_), STORE_CONFLICT);
	EXPECT_RC(store_update_delete(st, who[BOB], id, 4, &error_), STORE_CONFLICT);
}
END_TEST

/* May-change as the store says it for whom on post id (-1: not readable). */
struct may {
	int may_change, closed;
};

static int
may_row(const struct update_row *r, void *arg)
{
	struct may *m = arg;

	m->may_change = r->may_change;
	m->closed = r->group_closed;
	return 0;
}

static int
may_change(int whom, int64_t id)
{
	struct may m = { -1, -1 };
	char *error = NULL;

	if (store_update_get(st, who[whom], id, may_row, &m, &error) != 0)
		m.may_change = -1;
	free(error);
	return m.may_change;
}

/* An author who leaves the group loses the right to change their post; leads keep it. */
START_TEST(test_former_author)
{
	struct may m = { -1, -1 };
	struct got g;
	char *error = NULL;
	int64_t bobs, anns;

	EXPECT_OK(store_update_settings(st, who[ANN], g1, standing(ANN, g1).group_version, true,
	    true, &error_));
	bobs = post(BOB, g1, "Van Bob");
	anns = post(ANN, g1, "Van Ann");
	/* the flag the screen offers e and - by: the same rule as the writes */
	ck_assert_int_eq(may_change(BOB, bobs), 1);
	ck_assert_int_eq(may_change(BOB, anns), 0);	/* a member, not the author */
	ck_assert_int_eq(may_change(COR, bobs), 0);
	ck_assert_int_eq(may_change(FAY, bobs), 0);	/* a follower */
	ck_assert_int_eq(may_change(ANN, bobs), 1);	/* a lead */
	ck_assert_int_eq(may_change(ZOE, bobs), 1);	/* a coordinator */
	ck_assert_int_eq(may_change(EVE, bobs), -1);	/* cannot even read it */
	ck_assert_int_eq(page(BOB, 0, NULL, true, 10, &g), 0);
	ck_assert_int_eq(g.n, 2);
	/* bob leaves the group (his last day was yesterday) */
	EXPECT_OK(store_roster_end(st, who[ZOE], fixture_open_membership(&fx, BOB, g1),
	    &D(2026, 11, 22), &error_));
	ck_assert_int_eq(store_update_edit(st, who[BOB], bobs, 1, "Nog van Bob", "", &error),
	    STORE_DENIED);
	ck_assert_ptr_nonnull(strstr(error, "no longer in the group"));
	free(error);
	error = NULL;
	EXPECT_RC(store_update_delete(st, who[BOB], bobs, 1, &error_), STORE_DENIED);
	/* following the group does not bring the right back */
	EXPECT_OK(store_group_follow(st, who[BOB], g1, &error_));
	ck_assert_int_eq(may_change(BOB, bobs), 0);
	EXPECT_RC(store_update_edit(st, who[BOB], bobs, 1, "Nog van Bob", "", &error_),
	    STORE_DENIED);
	/* the lead and a coordinator still may; nothing was written by the refusals */
	ck_assert_int_eq(may_change(ANN, bobs), 1);
	EXPECT_OK(store_update_edit(st, who[ANN], bobs, 1, "Van Bob (bijgewerkt)", "", &error_));
	EXPECT_OK(store_update_delete(st, who[ZOE], bobs, 2, &error_));
	/* a lead who steps down (member from today) keeps only the rights of an author */
	EXPECT_OK(store_roster_set_role(st, who[ZOE], fixture_open_membership(&fx, ANN, g1),
	    "lead", "member", &today, &error_));
	ck_assert_int_eq(may_change(ANN, anns), 1);
	anns = post(COR, g1, "Van Cor");
	ck_assert_int_eq(may_change(ANN, anns), 0);
	EXPECT_RC(store_update_delete(st, who[ANN], anns, 1, &error_), STORE_DENIED);
	/* a closed group's posts say so (they can be deleted, not edited) */
	EXPECT_OK(store_update_insert_as(st, who[ZOE], gc, people[DAN], "2026-10-01T09:00",
	    "Gesloten", "", &anns, &error_));
	EXPECT_OK(store_update_get(st, who[DAN], anns, may_row, &m, &error_));
	ck_assert(m.may_change == 1 && m.closed == 1);
	EXPECT_RC(store_update_edit(st, who[DAN], anns, 1, "Nog eens", "", &error_),
	    STORE_INVALID);
}
END_TEST

/* The log: post, edit, delete and follow entries with titles and names only. */
struct audit_got {
	int n;
	char text[1024];
};

static int
audit_row(const struct audit_row *r, void *arg)
{
	struct audit_got *a = arg;
	size_t len = strlen(a->text);

	snprintf(a->text + len, sizeof a->text - len, "%s%s %s %s", len ? "|" : "", r->action,
	    r->entity, r->summary != NULL ? r->summary : "-");
	a->n++;
	return 0;
}

START_TEST(test_audit)
{
	struct audit_filter f;
	struct audit_got a;
	int64_t id;

	id = post(ANN, g1, "Terugblik");
	EXPECT_OK(store_update_edit(st, who[ANN], id, 1, "Terugblik (nieuw)", "Geheim", &error_));
	EXPECT_OK(store_group_follow(st, who[EVE], g1, &error_));
	EXPECT_OK(store_group_unfollow(st, who[EVE], g1, &error_));
	memset(&f, 0, sizeof f);
	f.entity = "update_post";
	memset(&a, 0, sizeof a);
	EXPECT_OK(store_audit_page(st, who[ZOE], &f, NULL, false, true, 20, audit_row, &a,
	    &error_));
	ck_assert_str_eq(a.text, "update update_post Terugblik (nieuw)|insert update_post Terugblik");
	ck_assert_ptr_null(strstr(a.text, "Geheim"));
	f.entity = "membership";
	memset(&a, 0, sizeof a);
	EXPECT_OK(store_audit_page(st, who[ZOE], &f, NULL, false, true, 2, audit_row, &a,
	    &error_));
	ck_assert_str_eq(a.text, "unfollow membership Eve → PLG Rust (follower)|"
	    "follow membership Eve → PLG Rust (follower)");
}
END_TEST

/* Keyset pages newest first, both ways, with posts of the same minute. */
START_TEST(test_pages)
{
	static const char *const at[] = { "2026-10-01T09:00", "2026-10-02T09:00",
		"2026-10-02T09:00", "2026-10-02T09:00", "2026-10-05T10:30", "2026-11-01T08:00",
		"2026-11-20T12:00" };
	struct got g, g2page, back;
	char title[16];
	size_t i;

	for (i = 0; i < sizeof at / sizeof at[0]; i++) {
		snprintf(title, sizeof title, "U%zu", i + 1);
		EXPECT_OK(store_update_insert_as(st, who[ZOE], i == 4 ? g2 : g1, people[ANN], at[i],
		    title, "", NULL, &error_));
	}
	ck_assert_int_eq(page(BOB, g1, NULL, true, 3, &g), 0);
	ck_assert_str_eq(g.text, "U7* U6* U4*");
	ck_assert_int_eq(page(BOB, g1, &g, true, 3, &g2page), 0);
	ck_assert_str_eq(g2page.text, "U3* U2* U1*");
	ck_assert_int_eq(page(BOB, g1, &g2page, true, 3, &back), 0);
	ck_assert_int_eq(back.n, 0);
	/* backward from U3: the newer ones nearest first, delivered newest first */
	ck_assert_int_eq(page(BOB, g1, &(struct got){ .last_at = "2026-10-02T09:00",
	    .last_id = 3 }, false, 2, &back), 0);
	ck_assert_str_eq(back.text, "U6* U4*");
	ck_assert_int_eq(page(BOB, g1, NULL, false, 2, &back), 0);
	ck_assert_str_eq(back.text, "U2* U1*");
	/* bob's groups together: g2's post among them, newest first */
	ck_assert_int_eq(page(BOB, 0, NULL, true, 4, &g), 0);
	ck_assert_str_eq(g.text, "U7* U6* U5* U4*");
	/* cor is only in g1 */
	ck_assert_int_eq(page(COR, 0, NULL, true, 10, &g), 0);
	ck_assert_str_eq(g.text, "U7* U6* U4* U3* U2* U1*");
	/* since: oldest first, per group */
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_updates_since(st, who[BOB], 0, &D(2026, 10, 2), got_row, &g, &error_));
	ck_assert_str_eq(g.text, "U2* U3* U4* U6* U7* U5*");
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_updates_since(st, who[BOB], g1, &D(2026, 11, 1), got_row, &g, &error_));
	ck_assert_str_eq(g.text, "U6* U7*");
}
END_TEST

/* A read-only database refuses every write with a message. */
START_TEST(test_read_only)
{
	struct store *ro;
	char *error = NULL;
	int64_t id = post(ANN, g1, "Alleen lezen");

	ro = fixture_read_only(&fx);
	EXPECT_RC(store_update_post(ro, who[ANN], g1, "Nee", "", NULL, &error_), STORE_ERROR);
	EXPECT_RC(store_update_edit(ro, who[ANN], id, 1, "Nee", "", &error_), STORE_ERROR);
	EXPECT_RC(store_update_delete(ro, who[ANN], id, 1, &error_), STORE_ERROR);
	EXPECT_RC(store_update_mark_read(ro, who[FAY], id, &error_), STORE_ERROR);
	EXPECT_RC(store_group_follow(ro, who[EVE], g1, &error_), STORE_ERROR);
	EXPECT_RC(store_group_unfollow(ro, who[FAY], g1, &error_), STORE_ERROR);
	EXPECT_RC(store_update_settings(ro, who[ANN], g1, 1, true, true, &error_), STORE_ERROR);
	ck_assert_int_eq(store_updates_unread(ro, who[FAY], 0, &(int){ 0 }, &error), 0);
	store_close(ro);
}
END_TEST

Suite *
suite_updates(void)
{
	Suite *s = suite_create("updates");
	TCase *tc = tcase_create("updates");

	tcase_add_checked_fixture(tc, updates_setup, updates_teardown);
	tcase_add_test(tc, test_follow_rules);
	tcase_add_test(tc, test_follow_history);
	tcase_add_test(tc, test_post_rules);
	tcase_add_test(tc, test_read_marks);
	tcase_add_test(tc, test_versions);
	tcase_add_test(tc, test_former_author);
	tcase_add_test(tc, test_audit);
	tcase_add_test(tc, test_pages);
	tcase_add_test(tc, test_read_only);
	suite_add_tcase(s, tc);
	return s;
}

/* test_meetings.c — the calendar through the store on a real database
 * (store_calendar.c, store_polls.c): who may plan, ranges per scope with the
 * per-day cap, series moved and cancelled, versions, conflicts, attendance
 * rules and the hours that follow, date polls. "Today" is fixed. */
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
#define HM(h, m) ((h) * 60 + (m))

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
static int64_t g1, g2;		/* g1: ann leads, bob cor members, fay follows; g2: dan leads, bob */

static void
meetings_setup(void)
{
	struct group_new g = fixture_plg("PLG Rust");

	st = fixture_open(&fx, &today, cast, NPEOPLE);
	g1 = fixture_form(&fx, &g, ANN, (const int[]){ BOB, COR }, 2);
	fixture_join(&fx, g1, FAY, "follower", &D(2026, 9, 1));
	g.name = "Werkgroep Rekenen";
	g2 = fixture_form(&fx, &g, DAN, (const int[]){ BOB }, 1);
}

static void
meetings_teardown(void)
{
	fixture_close(&fx);
}

static struct meeting_new
mk(int64_t group, struct date day, int start, int end)
{
	struct meeting_new m = { group, NULL, day, start, end, "De Brug", NULL, "intervision",
		NULL };

	return m;
}

static int64_t
plan(int lead, int64_t group, struct date day, int start, int end)
{
	struct meeting_new m = mk(group, day, start, end);
	int64_t id = 0;

	EXPECT_OK(store_meeting_plan(st, who[lead == ANN ? ANN : ZOE], &m, &id, &error_));
	ck_assert_int_gt(id, 0);
	return id;
}

/* ---- collecting rows ---- */

struct got {
	int n;
	char text[1024];	/* "id@starts_at[status]" or "+N@day", space separated */
};

static int
got_row(const struct calendar_row *r, void *arg)
{
	struct got *g = arg;
	size_t len = strlen(g->text);

	if (r->more > 0)
		snprintf(g->text + len, sizeof g->text - len, "%s+%d@%.10s", len ? " " : "",
		    r->more, r->starts_at);
	else
		snprintf(g->text + len, sizeof g->text - len, "%s%lld@%s%s", len ? " " : "",
		    (long long)r->id, r->starts_at + 5,
		    strcmp(r->status, "cancelled") == 0 ? "x" : "");
	g->n++;
	return 0;
}

static int
range(enum meeting_scope scope, int whom, int64_t id, struct date first, struct date last,
    int per_day, bool cancelled, struct got *g)
{
	struct calendar_query q;
	char *error = NULL;
	int rc;

	memset(&q, 0, sizeof q);
	memset(g, 0, sizeof *g);
	q.scope = scope;
	q.group_id = id;
	q.person_id = id;
	q.first = first;
	q.last = last;
	q.per_day = per_day;
	q.cancelled = cancelled;
	rc = store_calendar_range(st, who[whom], &q, got_row, g, &error);
	ck_assert_msg((rc == 0) == (error == NULL), "range: message and result disagree");
	free(error);
	return rc;
}

/* Who may plan what, and the rules of a meeting's fields. */
START_TEST(test_plan_rules)
{
	struct meeting_new m = mk(g1, D(2026, 12, 2), HM(13, 30), HM(16, 30));
	struct meeting_new net = mk(0, D(2027, 3, 10), HM(13, 0), HM(17, 0));
	int64_t id;

	EXPECT_OK(store_meeting_plan(st, who[ANN], &m, &id, &error_));
	EXPECT_RC(store_meeting_plan(st, who[BOB], &m, &id, &error_), STORE_DENIED);
	EXPECT_RC(store_meeting_plan(st, who[EVE], &m, &id, &error_), STORE_DENIED);
	EXPECT_RC(store_meeting_plan(st, who[FAY], &m, &id, &error_), STORE_DENIED);
	EXPECT_RC(store_meeting_plan(st, who[VISITOR], &m, &id, &error_), STORE_DENIED);
	EXPECT_RC(store_meeting_plan(st, who[DAN], &m, &id, &error_), STORE_DENIED);
	EXPECT_OK(store_meeting_plan(st, who[ZOE], &m, &id, &error_));
	/* network-wide: coordinators, and a title */
	EXPECT_RC(store_meeting_plan(st, who[ZOE], &net, &id, &error_), STORE_INVALID);
	net.title = "Kennisdeeldag";
	EXPECT_RC(store_meeting_plan(st, who[ANN], &net, &id, &error_), STORE_DENIED);
	EXPECT_OK(store_meeting_plan(st, who[ZOE], &net, &id, &error_));
	/* times */
	m.end_min = m.start_min;
	EXPECT_RC(store_meeting_plan(st, who[ANN], &m, &id, &error_), STORE_INVALID);
	m.end_min = HM(24, 1);
	EXPECT_RC(store_meeting_plan(st, who[ANN], &m, &id, &error_), STORE_INVALID);
	m.end_min = HM(17, 0);
	m.day = D(2027, 2, 29);
	EXPECT_RC(store_meeting_plan(st, who[ANN], &m, &id, &error_), STORE_INVALID);
	m.day = D(2026, 12, 2);
	m.group_id = 999;
	EXPECT_RC(store_meeting_plan(st, who[ZOE], &m, &id, &error_), STORE_NOT_FOUND);
}
END_TEST

/* Each scope sees its own meetings; whole-network only for coordinators. */
START_TEST(test_range_scopes)
{
	struct meeting_new net = mk(0, D(2026, 12, 9), HM(13, 0), HM(17, 0));
	struct got g;
	int64_t a, b, c, n;

	a = plan(ANN, g1, D(2026, 12, 2), HM(13, 30), HM(16, 30));
	b = plan(ANN, g1, D(2026, 12, 16), HM(13, 30), HM(16, 30));
	c = plan(0, g2, D(2026, 12, 3), HM(15, 0), HM(17, 0));
	net.title = "Kennisdeeldag";
	EXPECT_OK(store_meeting_plan(st, who[ZOE], &net, &n, &error_));

	/* bob is in both groups */
	ck_assert_int_eq(range(MEETING_SCOPE_MINE, BOB, 0, D(2026, 12, 1), D(2026, 12, 31), 0,
	    false, &g), 0);
	ck_assert_int_eq(g.n, 4);
	/* in start order */
	{
		char want[256];

		snprintf(want, sizeof want, "%lld@12-02T13:30 %lld@12-03T15:00 %lld@12-09T13:00 "
		    "%lld@12-16T13:30", (long long)a, (long long)c, (long long)n, (long long)b);
		ck_assert_str_eq(g.text, want);
	}
	/* cor only in g1; fay follows g1; eve: the network-wide meeting only */
	range(MEETING_SCOPE_MINE, COR, 0, D(2026, 12, 1), D(2026, 12, 31), 0, false, &g);
	ck_assert_int_eq(g.n, 3);
	range(MEETING_SCOPE_MINE, FAY, 0, D(2026, 12, 1), D(2026, 12, 31), 0, false, &g);
	ck_assert_int_eq(g.n, 3);
	range(MEETING_SCOPE_MINE, EVE, 0, D(2026, 12, 1), D(2026, 12, 31), 0, false, &g);
	ck_assert_int_eq(g.n, 1);
	/* the range's last day counts whole; the day after does not */
	range(MEETING_SCOPE_GROUP, EVE, g1, D(2026, 12, 2), D(2026, 12, 2), 0, false, &g);
	ck_assert_int_eq(g.n, 1);
	range(MEETING_SCOPE_GROUP, EVE, g1, D(2026, 12, 3), D(2026, 12, 15), 0, false, &g);
	ck_assert_int_eq(g.n, 0);
	/* the whole network, and another's agenda: coordinators */
	ck_assert_int_eq(range(MEETING_SCOPE_ALL, ZOE, 0, D(2026, 12, 1), D(2026, 12, 31), 0,
	    false, &g), 0);
	ck_assert_int_eq(g.n, 4);
	ck_assert_int_eq(range(MEETING_SCOPE_ALL, ANN, 0, D(2026, 12, 1), D(2026, 12, 31), 0,
	    false, &g), STORE_DENIED);
	ck_assert_int_eq(range(MEETING_SCOPE_PERSON, ANN, people[BOB], D(2026, 12, 1),
	    D(2026, 12, 31), 0, false, &g), STORE_DENIED);
	ck_assert_int_eq(range(MEETING_SCOPE_PERSON, ZOE, people[BOB], D(2026, 12, 1),
	    D(2026, 12, 31), 0, false, &g), 0);
	ck_assert_int_eq(g.n, 4);
	ck_assert_int_eq(range(MEETING_SCOPE_PERSON, BOB, people[BOB], D(2026, 12, 1),
	    D(2026, 12, 31), 0, false, &g), 0);
	ck_assert_int_eq(g.n, 4);
	/* a period that ends before it starts */
	ck_assert_int_eq(range(MEETING_SCOPE_MINE, BOB, 0, D(2026, 12, 31), D(2026, 12, 1), 0,
	    false, &g), STORE_INVALID);
}
END_TEST

/* A day with more than fits: per_day rows, then how many more; cancelled ones on request. */
START_TEST(test_range_cap_and_cancelled)
{
	struct meeting m;
	struct got g;
	int64_t a, b, c;

	a = plan(ANN, g1, D(2026, 12, 2), HM(9, 0), HM(10, 0));
	b = plan(ANN, g1, D(2026, 12, 2), HM(11, 0), HM(12, 0));
	c = plan(ANN, g1, D(2026, 12, 2), HM(13, 0), HM(14, 0));
	plan(ANN, g1, D(2026, 12, 3), HM(13, 0), HM(14, 0));
	range(MEETING_SCOPE_GROUP, BOB, g1, D(2026, 11, 30), D(2026, 12, 6), 1, false, &g);
	{
		char want[128];

		snprintf(want, sizeof want, "%lld@12-02T09:00 +2@2026-12-02 %lld@12-03T13:00",
		    (long long)a, (long long)(c + 1));
		ck_assert_str_eq(g.text, want);
	}
	range(MEETING_SCOPE_GROUP, BOB, g1, D(2026, 12, 2), D(2026, 12, 2), 3, false, &g);
	ck_assert_int_eq(g.n, 3);
	/* the whole network counts a day from the day table (kept by triggers) */
	range(MEETING_SCOPE_ALL, ZOE, 0, D(2026, 11, 30), D(2026, 12, 6), 1, false, &g);
	{
		char want[128];

		snprintf(want, sizeof want, "%lld@12-02T09:00 +2@2026-12-02 %lld@12-03T13:00",
		    (long long)a, (long long)(c + 1));
		ck_assert_str_eq(g.text, want);
	}
	/* a keyset page: after (12-02T09:00, a), at most 2 */
	{
		struct calendar_query q;
		char want[128];

		memset(&q, 0, sizeof q);
		memset(&g, 0, sizeof g);
		q.scope = MEETING_SCOPE_ALL;
		q.first = D(2026, 11, 1);
		q.last = D(2026, 12, 31);
		q.after = "2026-12-02T09:00";
		q.after_id = a;
		q.limit = 2;
		EXPECT_OK(store_calendar_range(st, who[ZOE], &q, got_row, &g, &error_));
		snprintf(want, sizeof want, "%lld@12-02T11:00 %lld@12-02T13:00", (long long)b,
		    (long long)c);
		ck_assert_str_eq(g.text, want);
	}
	/* cancel b: gone from the calendar, there with cancelled = true */
	ck_assert_int_eq(store_meeting_get(st, who[ANN], b, &m, NULL), 1);
	EXPECT_OK(store_meeting_set_status(st, who[ANN], b, m.version, "cancelled", false,
	    &error_));
	meeting_clear(&m);
	range(MEETING_SCOPE_GROUP, BOB, g1, D(2026, 12, 2), D(2026, 12, 2), 0, false, &g);
	ck_assert_int_eq(g.n, 2);
	range(MEETING_SCOPE_GROUP, BOB, g1, D(2026, 12, 2), D(2026, 12, 2), 0, true, &g);
	ck_assert_int_eq(g.n, 3);
	ck_assert_ptr_nonnull(strstr(g.text, "T11:00x"));
	/* the day table follows the cancellation, and a move to another day */
	range(MEETING_SCOPE_ALL, ZOE, 0, D(2026, 12, 2), D(2026, 12, 2), 1, false, &g);
	ck_assert_str_eq(g.text + strlen(g.text) - 13, "+1@2026-12-02");
	range(MEETING_SCOPE_ALL, ZOE, 0, D(2026, 12, 2), D(2026, 12, 2), 1, true, &g);
	ck_assert_str_eq(g.text + strlen(g.text) - 13, "+2@2026-12-02");
	{
		struct meeting_new mv = mk(g1, D(2026, 12, 3), HM(9, 0), HM(10, 0));

		ck_assert_int_eq(store_meeting_get(st, who[ANN], a, &m, NULL), 1);
		EXPECT_OK(store_meeting_update(st, who[ANN], a, m.version, &mv, false, &error_));
		meeting_clear(&m);
	}
	range(MEETING_SCOPE_ALL, ZOE, 0, D(2026, 12, 2), D(2026, 12, 3), 1, true, &g);
	{
		char want[128];

		snprintf(want, sizeof want, "%lld@12-02T11:00x +1@2026-12-02 %lld@12-03T09:00 "
		    "+1@2026-12-03", (long long)b, (long long)a);
		ck_assert_str_eq(g.text, want);
	}
}
END_TEST

/* A series: one id, moved and cancelled from one meeting on; stale versions refused. */
START_TEST(test_series)
{
	static const struct date days[3] = { { 2026, 12, 2 }, { 2026, 12, 16 }, { 2027, 1, 13 } };
	struct meeting_new m = mk(g1, days[0], HM(13, 30), HM(16, 30));
	struct meeting first, second, third;
	struct got g;
	int64_t series = 0;
	int stale;

	EXPECT_RC(store_meeting_plan_series(st, who[BOB], &m, days, 3, &series, &error_),
	    STORE_DENIED);
	EXPECT_OK(store_meeting_plan_series(st, who[ANN], &m, days, 3, &series, &error_));
	ck_assert_int_gt(series, 0);
	ck_assert_int_eq(store_meeting_get(st, who[ANN], series, &first, NULL), 1);
	ck_assert_int_eq(first.series_id, series);
	ck_assert(first.can_plan);
	ck_assert(first.can_take);
	stale = first.version;

	/* move the second one a day later, 14:00-16:00, with the rest of the series */
	range(MEETING_SCOPE_GROUP, ANN, g1, D(2026, 12, 1), D(2027, 1, 31), 0, false, &g);
	ck_assert_int_eq(g.n, 3);
	ck_assert_int_eq(store_meeting_get(st, who[ANN], series + 1, &second, NULL), 1);
	ck_assert_int_eq(second.series_id, series);
	m.day = D(2026, 12, 17);
	m.start_min = HM(14, 0);
	m.end_min = HM(16, 0);
	EXPECT_RC(store_meeting_update(st, who[BOB], second.id, second.version, &m, true,
	    &error_), STORE_DENIED);
	EXPECT_OK(store_meeting_update(st, who[ANN], second.id, second.version, &m, true,
	    &error_));
	/* the same change again, from the version read before: someone else's */
	EXPECT_RC(store_meeting_update(st, who[ANN], second.id, second.version, &m, true,
	    &error_), STORE_CONFLICT);
	range(MEETING_SCOPE_GROUP, ANN, g1, D(2026, 12, 1), D(2027, 1, 31), 0, false, &g);
	{
		char want[128];

		snprintf(want, sizeof want, "%lld@12-02T13:30 %lld@12-17T14:00 %lld@01-14T14:00",
		    (long long)series, (long long)second.id, (long long)second.id + 1);
		ck_assert_str_eq(g.text, want);
	}
	ck_assert_int_eq(store_meeting_get(st, who[ANN], second.id + 1, &third, NULL), 1);
	ck_assert_int_eq(third.end_min, HM(16, 0));
	/* the first one did not move and its version is unchanged */
	meeting_clear(&first);
	ck_assert_int_eq(store_meeting_get(st, who[ANN], series, &first, NULL), 1);
	ck_assert_int_eq(first.version, stale);
	ck_assert_int_eq(first.start_min, HM(13, 30));

	/* cancel from the second on */
	meeting_clear(&second);
	ck_assert_int_eq(store_meeting_get(st, who[ANN], series + 1, &second, NULL), 1);
	EXPECT_OK(store_meeting_set_status(st, who[ANN], second.id, second.version, "cancelled",
	    true, &error_));
	range(MEETING_SCOPE_GROUP, ANN, g1, D(2026, 12, 1), D(2027, 1, 31), 0, false, &g);
	ck_assert_int_eq(g.n, 1);
	/* a meeting cannot be held before its day */
	EXPECT_RC(store_meeting_set_status(st, who[ANN], first.id, first.version, "held", false,
	    &error_), STORE_INVALID);
	EXPECT_RC(store_meeting_set_status(st, who[ANN], first.id, first.version, "gone", false,
	    &error_), STORE_INVALID);
	meeting_clear(&first);
	meeting_clear(&second);
	meeting_clear(&third);
}
END_TEST

static int
got_conflict(const struct meeting_conflict *c, void *arg)
{
	struct got *g = arg;
	size_t len = strlen(g->text);
	static const char kind[] = "GMN";

	snprintf(g->text + len, sizeof g->text - len, "%s%c:%s:%s", len ? " " : "",
	    kind[c->kind - CONFLICT_GROUP], c->person_name != NULL ? c->person_name : "-",
	    c->group_name != NULL ? c->group_name : (c->title != NULL ? c->title : "-"));
	g->n++;
	return 0;
}

/* The same group, a member's other group, a network-wide meeting; touching is no clash. */
START_TEST(test_conflicts)
{
	struct meeting_new net = mk(0, D(2026, 12, 2), HM(16, 0), HM(18, 0));
	struct got g;
	int64_t own, id;

	own = plan(ANN, g1, D(2026, 12, 2), HM(13, 30), HM(15, 0));
	plan(0, g2, D(2026, 12, 2), HM(14, 0), HM(16, 0));
	net.title = "Kennisdeeldag";
	EXPECT_OK(store_meeting_plan(st, who[ZOE], &net, &id, &error_));

	memset(&g, 0, sizeof g);
	EXPECT_OK(store_meeting_conflicts(st, g1, &D(2026, 12, 2), HM(14, 30), HM(16, 30), 0, 10,
	    got_conflict, &g, &error_));
	ck_assert_str_eq(g.text, "G:-:PLG Rust M:Bob:Werkgroep Rekenen N:-:Kennisdeeldag");
	/* leaving the meeting itself out (moving it) */
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_meeting_conflicts(st, g1, &D(2026, 12, 2), HM(14, 30), HM(16, 0), own, 10,
	    got_conflict, &g, &error_));
	ck_assert_str_eq(g.text, "M:Bob:Werkgroep Rekenen");
	/* touching ends do not clash; another day does not */
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_meeting_conflicts(st, g1, &D(2026, 12, 2), HM(18, 0), HM(19, 0), 0, 10,
	    got_conflict, &g, &error_));
	ck_assert_int_eq(g.n, 0);
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_meeting_conflicts(st, g1, &D(2026, 12, 3), HM(14, 0), HM(16, 0), 0, 10,
	    got_conflict, &g, &error_));
	ck_assert_int_eq(g.n, 0);
	/* the limit */
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_meeting_conflicts(st, g1, &D(2026, 12, 2), HM(14, 30), HM(16, 30), 0, 2,
	    got_conflict, &g, &error_));
	ck_assert_int_eq(g.n, 2);
}
END_TEST

struct att {
	int n;
	char text[512];		/* "name:status:credited" */
};

static int
got_att(const struct attendance_row *r, void *arg)
{
	struct att *a = arg;
	size_t len = strlen(a->text);

	snprintf(a->text + len, sizeof a->text - len, "%s%s:%s%s:%d", len ? " " : "", r->name,
	    r->status != NULL ? r->status : "-", r->planned ? "(p)" : "", r->credited);
	a->n++;
	return 0;
}

static int
sum_hours(const struct hours_row *r, void *arg)
{
	*(int *)arg += r->credited;
	return 0;
}

/* The lead takes attendance; a member only says beforehand they will be absent. */
START_TEST(test_attendance)
{
	struct meeting m;
	struct att a;
	int64_t past, future;
	int minutes = 0;

	past = plan(ANN, g1, D(2026, 11, 18), HM(13, 30), HM(16, 30));
	future = plan(ANN, g1, D(2026, 12, 2), HM(13, 30), HM(16, 30));

	/* a member's own planned absence, before the meeting */
	EXPECT_OK(store_attendance_take(st, who[BOB], future, people[BOB], "excused", -1,
	    "ouderavond", &error_));
	EXPECT_RC(store_attendance_take(st, who[BOB], future, people[BOB], "present", -1, NULL,
	    &error_), STORE_DENIED);
	EXPECT_RC(store_attendance_take(st, who[BOB], future, people[COR], "excused", -1, NULL,
	    &error_), STORE_DENIED);
	EXPECT_RC(store_attendance_take(st, who[FAY], future, people[FAY], "excused", -1, NULL,
	    &error_), STORE_DENIED);
	memset(&a, 0, sizeof a);
	EXPECT_OK(store_attendance_list(st, who[ANN], future, got_att, &a, &error_));
	ck_assert_str_eq(a.text, "Ann:-:0 Bob:excused(p):0 Cor:-:0");
	/* the lead: absences ahead, present or late only from the day on */
	EXPECT_RC(store_attendance_take(st, who[ANN], future, people[COR], "present", -1, NULL,
	    &error_), STORE_INVALID);
	EXPECT_OK(store_attendance_take(st, who[ANN], future, people[COR], "absent", -1,
	    "stage", &error_));
	/* what the lead entered is not the member's to change or take back */
	EXPECT_RC(store_attendance_take(st, who[COR], future, people[COR], "excused", -1, NULL,
	    &error_), STORE_DENIED);
	EXPECT_RC(store_attendance_take(st, who[COR], future, people[COR], NULL, -1, NULL,
	    &error_), STORE_DENIED);
	/* on the day the lead marks Bob present: Bob can no longer overwrite it */
	date_clock_fix(&D(2026, 12, 2));
	EXPECT_OK(store_attendance_take(st, who[ANN], future, people[BOB], "present", -1, NULL,
	    &error_));
	EXPECT_RC(store_attendance_take(st, who[BOB], future, people[BOB], "excused", -1, NULL,
	    &error_), STORE_DENIED);
	EXPECT_RC(store_attendance_take(st, who[BOB], future, people[BOB], NULL, -1, NULL,
	    &error_), STORE_DENIED);
	memset(&a, 0, sizeof a);
	EXPECT_OK(store_attendance_list(st, who[ANN], future, got_att, &a, &error_));
	ck_assert_str_eq(a.text, "Ann:-:0 Bob:present:0 Cor:absent:0");
	EXPECT_OK(store_attendance_take(st, who[ANN], future, people[BOB], NULL, -1, NULL,
	    &error_));
	EXPECT_OK(store_attendance_take(st, who[ANN], future, people[COR], NULL, -1, NULL,
	    &error_));
	date_clock_fix(&today);

	/* after the meeting: the lead */
	EXPECT_OK(store_attendance_take(st, who[ANN], past, people[BOB], "present", -1, NULL,
	    &error_));
	EXPECT_OK(store_attendance_take(st, who[ANN], past, people[COR], "late", 120, "trein",
	    &error_));
	EXPECT_RC(store_attendance_take(st, who[ANN], past, people[COR], "late", 181, NULL,
	    &error_), STORE_INVALID);
	EXPECT_RC(store_attendance_take(st, who[ANN], past, people[FAY], "present", -1, NULL,
	    &error_), STORE_INVALID);
	EXPECT_RC(store_attendance_take(st, who[ANN], past, people[DAN], "present", -1, NULL,
	    &error_), STORE_INVALID);
	EXPECT_RC(store_attendance_take(st, who[ANN], past, people[COR], "sick", -1, NULL,
	    &error_), STORE_INVALID);
	EXPECT_RC(store_attendance_take(st, who[BOB], past, people[BOB], "excused", -1, NULL,
	    &error_), STORE_DENIED);
	/* not held yet: nothing credited */
	memset(&a, 0, sizeof a);
	EXPECT_OK(store_attendance_list(st, who[BOB], past, got_att, &a, &error_));
	ck_assert_str_eq(a.text, "Ann:-:0 Bob:present:0 Cor:late:0");
	EXPECT_OK(store_hours_each(st, who[COR], people[COR], 0, &D(2026, 8, 1), &D(2027, 7, 31),
	    sum_hours, &minutes, &error_));
	ck_assert_int_eq(minutes, 0);
	/* held: the hours follow */
	ck_assert_int_eq(store_meeting_get(st, who[ANN], past, &m, NULL), 1);
	EXPECT_OK(store_meeting_set_status(st, who[ANN], past, m.version, "held", false,
	    &error_));
	meeting_clear(&m);
	EXPECT_OK(store_attendance_take(st, who[ANN], past, people[ANN], "present", -1, NULL,
	    &error_));
	memset(&a, 0, sizeof a);
	EXPECT_OK(store_attendance_list(st, who[BOB], past, got_att, &a, &error_));
	ck_assert_str_eq(a.text, "Ann:present:180 Bob:present:180 Cor:late:120");
	EXPECT_OK(store_hours_each(st, who[COR], people[COR], 0, &D(2026, 8, 1), &D(2027, 7, 31),
	    sum_hours, &minutes, &error_));
	ck_assert_int_eq(minutes, 120);
	/* a held meeting is not cancelled in passing (its hours would go) */
	ck_assert_int_eq(store_meeting_get(st, who[ANN], past, &m, NULL), 1);
	EXPECT_RC(store_meeting_set_status(st, who[ANN], past, m.version, "cancelled", false,
	    &error_), STORE_INVALID);
	meeting_clear(&m);
	/* clearing a row */
	EXPECT_OK(store_attendance_take(st, who[ANN], past, people[COR], NULL, -1, NULL,
	    &error_));
	memset(&a, 0, sizeof a);
	EXPECT_OK(store_attendance_list(st, who[BOB], past, got_att, &a, &error_));
	ck_assert_str_eq(a.text, "Ann:present:180 Bob:present:180 Cor:-:0");
	/* a cancelled meeting has no attendance */
	ck_assert_int_eq(store_meeting_get(st, who[ANN], future, &m, NULL), 1);
	EXPECT_OK(store_meeting_set_status(st, who[ANN], future, m.version, "cancelled", false,
	    &error_));
	meeting_clear(&m);
	EXPECT_RC(store_attendance_take(st, who[ANN], future, people[COR], "excused", -1, NULL,
	    &error_), STORE_INVALID);
	/* nor is a cancelled one marked held: it is planned again first */
	date_clock_fix(&D(2026, 12, 3));
	ck_assert_int_eq(store_meeting_get(st, who[ANN], future, &m, NULL), 1);
	EXPECT_RC(store_meeting_set_status(st, who[ANN], future, m.version, "held", false,
	    &error_), STORE_INVALID);
	EXPECT_OK(store_meeting_set_status(st, who[ANN], future, m.version, "planned", false,
	    &error_));
	EXPECT_OK(store_meeting_set_status(st, who[ANN], future, m.version + 1, "held", false,
	    &error_));
	meeting_clear(&m);
	date_clock_fix(&today);
}
END_TEST

static int
got_poll(const struct poll_row *r, void *arg)
{
	struct got *g = arg;
	size_t len = strlen(g->text);

	snprintf(g->text + len, sizeof g->text - len, "%s%s:%s:%d:%d", len ? " " : "", r->title,
	    r->status, r->slots, r->answers);
	g->n++;
	return 0;
}

/* A poll: members answer for themselves, the lead picks, answers are kept. */
START_TEST(test_polls)
{
	static const struct poll_slot_new slots[3] = {
		{ { 2026, 12, 9 }, HM(15, 0), HM(17, 0) },
		{ { 2026, 12, 10 }, HM(15, 0), HM(17, 0) },
		{ { 2026, 12, 11 }, HM(9, 0), HM(11, 0) },
	};
	struct poll_grid pg;
	struct meeting m;
	struct got g;
	int64_t poll, meeting = 0;

	EXPECT_RC(store_poll_create(st, who[BOB], g1, "Januari", slots, 3, &poll, &error_),
	    STORE_DENIED);
	EXPECT_RC(store_poll_create(st, who[ANN], g1, "Januari", slots, 1, &poll, &error_),
	    STORE_INVALID);
	EXPECT_RC(store_poll_create(st, who[ANN], g1, "", slots, 3, &poll, &error_),
	    STORE_INVALID);
	EXPECT_OK(store_poll_create(st, who[ANN], g1, "Januari", slots, 3, &poll, &error_));
	ck_assert_int_eq(store_poll_get(st, who[BOB], poll, &pg, NULL), 1);
	ck_assert_int_eq(pg.n_slots, 3);
	ck_assert_int_eq(pg.n_people, 3);	/* Ann, Bob, Cor: not the follower */
	ck_assert(!pg.can_pick);
	ck_assert_int_ge(pg.me, 0);
	EXPECT_OK(store_poll_answer(st, who[BOB], pg.slot_ids[0], "yes", &error_));
	EXPECT_OK(store_poll_answer(st, who[BOB], pg.slot_ids[1], "maybe", &error_));
	EXPECT_OK(store_poll_answer(st, who[BOB], pg.slot_ids[1], "no", &error_));
	EXPECT_OK(store_poll_answer(st, who[COR], pg.slot_ids[0], "yes", &error_));
	EXPECT_RC(store_poll_answer(st, who[COR], pg.slot_ids[0], "perhaps", &error_),
	    STORE_INVALID);
	EXPECT_RC(store_poll_answer(st, who[FAY], pg.slot_ids[0], "yes", &error_), STORE_DENIED);
	EXPECT_RC(store_poll_answer(st, who[EVE], pg.slot_ids[0], "yes", &error_), STORE_DENIED);
	EXPECT_RC(store_poll_answer(st, who[VISITOR], pg.slot_ids[0], "yes", &error_),
	    STORE_DENIED);
	poll_grid_clear(&pg);

	ck_assert_int_eq(store_poll_get(st, who[ANN], poll, &pg, NULL), 1);
	ck_assert(pg.can_pick);
	ck_assert_int_eq(pg.yes[0], 2);
	ck_assert_int_eq(pg.no[1], 1);
	ck_assert_int_eq(pg.maybe[1], 0);
	/* people by name: Ann, Bob, Cor; slot rows */
	ck_assert_int_eq(memcmp(pg.answers, "?yy?n????", 9), 0);
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_polls_list(st, who[COR], 0, got_poll, &g, &error_));
	ck_assert_str_eq(g.text, "Januari:open:3:2");

	EXPECT_RC(store_poll_close(st, who[BOB], poll, pg.slot_ids[0], NULL, NULL, &meeting,
	    &error_), STORE_DENIED);
	EXPECT_OK(store_poll_close(st, who[ANN], poll, pg.slot_ids[0], "De Brug", "intervision",
	    &meeting, &error_));
	ck_assert_int_gt(meeting, 0);
	ck_assert_int_eq(store_meeting_get(st, who[ANN], meeting, &m, NULL), 1);
	ck_assert_int_eq(m.group_id, g1);
	ck_assert_int_eq(m.start_min, HM(15, 0));
	ck_assert_str_eq(m.place, "De Brug");
	meeting_clear(&m);
	EXPECT_RC(store_poll_answer(st, who[BOB], pg.slot_ids[2], "yes", &error_),
	    STORE_INVALID);
	EXPECT_RC(store_poll_close(st, who[ANN], poll, 0, NULL, NULL, NULL, &error_),
	    STORE_CONFLICT);
	poll_grid_clear(&pg);
	/* the answers stay */
	ck_assert_int_eq(store_poll_get(st, who[ANN], poll, &pg, NULL), 1);
	ck_assert_int_eq(pg.yes[0], 2);
	ck_assert_int_eq(pg.meeting_id, meeting);
	ck_assert_str_eq(pg.status, "closed");
	ck_assert(!pg.can_pick);
	poll_grid_clear(&pg);
}
END_TEST

Suite *
suite_meetings(void)
{
	Suite *s = suite_create("meetings");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, meetings_setup, meetings_teardown);
	tcase_add_test(tc, test_plan_rules);
	tcase_add_test(tc, test_range_scopes);
	tcase_add_test(tc, test_range_cap_and_cancelled);
	tcase_add_test(tc, test_series);
	tcase_add_test(tc, test_conflicts);
	tcase_add_test(tc, test_attendance);
	tcase_add_test(tc, test_polls);
	suite_add_tcase(s, tc);
	return s;
}

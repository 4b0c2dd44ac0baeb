/* test_health.c — the health of a group (#9): terms, the rules of a scan,
 * the signals and their weak rules on fixed facts (core/health.c), and
 * through the store on a real database with "today" fixed at 23-11-2026:
 * who may fill in and read scans, one scan a term (replace, conflict), and
 * the facts the overview counts (meetings held, attendance, members' hours,
 * overdue agreements, the last update, members who left, the latest scan). */
#include "autoconf.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/health.h"
#include "core/xmalloc.h"
#include "fixture.h"
#include "store/store.h"
#include "suites.h"

#define D(y, m, d) ((struct date){ (y), (m), (d) })

/* ---- core ---- */

START_TEST(test_terms)
{
	struct health_term t;
	char buf[HEALTH_TERM_LABEL_LEN];

	health_term_of(&D(2026, 8, 1), &t);
	ck_assert_int_eq(t.year, 2026);
	ck_assert_int_eq(t.half, 1);
	ck_assert_str_eq(health_term_label(&t, buf), "2026-2027 I");
	ck_assert_int_eq(date_compare(&t.last, &D(2027, 1, 31)), 0);
	health_term_of(&D(2027, 1, 31), &t);
	ck_assert_str_eq(health_term_label(&t, buf), "2026-2027 I");
	health_term_of(&D(2027, 2, 1), &t);
	ck_assert_str_eq(health_term_label(&t, buf), "2026-2027 II");
	ck_assert_int_eq(date_compare(&t.first, &D(2027, 2, 1)), 0);
	ck_assert_int_eq(date_compare(&t.last, &D(2027, 7, 31)), 0);
	health_term_of(&D(2026, 7, 31), &t);
	ck_assert_str_eq(health_term_label(&t, buf), "2025-2026 II");
	ck_assert(health_same_term(&D(2026, 9, 1), &D(2027, 1, 1)));
	ck_assert(!health_same_term(&D(2027, 1, 31), &D(2027, 2, 1)));
	ck_assert(!health_same_term(&D(2026, 3, 1), &D(2027, 3, 1)));
}
END_TEST

START_TEST(test_scan_rules)
{
	static const char *const factors[] = { "enthusiasm", "rhythm", "facilitation" };
	struct health_score s[4] = {
		{ "enthusiasm", 4, NULL }, { "rhythm", 1, "" }, { "facilitation", 5, "ok" },
		{ NULL, 0, NULL }
	};
	char *long_remark = xmalloc(HEALTH_REMARK_MAX + 2);
	size_t bad;

	ck_assert_int_eq(health_scan_check(factors, 3, s, 3, &bad), HEALTH_SCAN_OK);
	ck_assert_int_eq(health_scan_check(factors, 3, s, 0, &bad), HEALTH_SCAN_EMPTY);
	ck_assert_int_eq(health_scan_check(factors, 3, s, 2, &bad), HEALTH_SCAN_MISSING);
	ck_assert_uint_eq(bad, 2);
	s[3] = (struct health_score){ "vision", 3, NULL };
	ck_assert_int_eq(health_scan_check(factors, 3, s, 4, &bad), HEALTH_SCAN_UNKNOWN_FACTOR);
	ck_assert_uint_eq(bad, 3);
	s[3] = (struct health_score){ "rhythm", 3, NULL };
	ck_assert_int_eq(health_scan_check(factors, 3, s, 4, &bad), HEALTH_SCAN_DUPLICATE);
	s[1].score = 0;
	ck_assert_int_eq(health_scan_check(factors, 3, s, 3, &bad), HEALTH_SCAN_RANGE);
	ck_assert_uint_eq(bad, 1);
	s[1].score = 6;
	ck_assert_int_eq(health_scan_check(factors, 3, s, 3, &bad), HEALTH_SCAN_RANGE);
	s[1].score = 5;
	memset(long_remark, 'x', HEALTH_REMARK_MAX + 1);
	long_remark[HEALTH_REMARK_MAX + 1] = '\0';
	s[1].remark = long_remark;
	ck_assert_int_eq(health_scan_check(factors, 3, s, 3, &bad), HEALTH_SCAN_REMARK);
	s[0].factor = NULL;
	ck_assert_int_eq(health_scan_check(factors, 3, s, 3, &bad), HEALTH_SCAN_UNKNOWN_FACTOR);
	free(long_remark);
}
END_TEST

START_TEST(test_bars_and_trend)
{
	char buf[32];

	ck_assert_str_eq(health_score_bar(4, buf, sizeof buf), "4 ■■■■□");
	ck_assert_str_eq(health_score_bar(1, buf, sizeof buf), "1 ■□□□□");
	ck_assert_str_eq(health_score_bar(0, buf, sizeof buf), "-");
	ck_assert_str_eq(health_score_bar(6, buf, sizeof buf), "-");
	ck_assert_str_eq(health_trend(3, 4), "↑");
	ck_assert_str_eq(health_trend(4, 3), "↓");
	ck_assert_str_eq(health_trend(3, 3), "=");
	ck_assert_str_eq(health_trend(0, 3), "");
}
END_TEST

/* A PLG from 1-9-2026 to 1-7-2027 seen on 23-11-2026: 84 of its 304 days this year. */
static struct health_facts
facts(void)
{
	struct health_facts f;

	memset(&f, 0, sizeof f);
	f.start_on = D(2026, 9, 1);
	f.planned_end_on = D(2027, 7, 1);
	f.expected_meetings = 10;
	f.hours_norm = 40;
	return f;
}

START_TEST(test_signals_rhythm)
{
	struct health_facts f = facts();
	struct health_signals s;
	char buf[32];

	f.held = 3;
	health_compute(&f, &D(2026, 11, 23), &s);
	/* 10 × 84 / 304 = 2.76 expected so far */
	ck_assert_int_eq(s.expected_x10, 28);
	ck_assert(s.known[HEALTH_MEETINGS]);
	ck_assert_int_eq(s.value[HEALTH_MEETINGS], 107);
	ck_assert(!s.weak[HEALTH_MEETINGS]);
	ck_assert_str_eq(health_signal_format(&s, HEALTH_MEETINGS, ',', buf, sizeof buf), "3/3");
	f.held = 1;	/* 1 / 2.8 = 36% < 60% */
	health_compute(&f, &D(2026, 11, 23), &s);
	ck_assert_int_eq(s.value[HEALTH_MEETINGS], 36);
	ck_assert(s.weak[HEALTH_MEETINGS]);
	/* not started yet: nothing expected, nothing weak */
	health_compute(&f, &D(2026, 8, 20), &s);
	ck_assert(!s.known[HEALTH_MEETINGS]);
	ck_assert(!s.weak[HEALTH_MEETINGS]);
	ck_assert_str_eq(health_signal_format(&s, HEALTH_MEETINGS, ',', buf, sizeof buf), "-");
	/* after the planned end the whole year's share is expected */
	f.held = 10;
	health_compute(&f, &D(2027, 7, 20), &s);
	ck_assert_int_eq(s.expected_x10, 100);
	ck_assert_int_eq(s.value[HEALTH_MEETINGS], 100);
	/* a group older than the school year counts from 1 August */
	f.start_on = D(2025, 3, 1);
	f.planned_end_on = D(0, 0, 0);
	f.held = 2;
	health_compute(&f, &D(2026, 9, 30), &s);	/* 61 of 365 days: 1.67 */
	ck_assert_int_eq(s.expected_x10, 17);
	ck_assert_int_eq(s.value[HEALTH_MEETINGS], 118);
}
END_TEST

START_TEST(test_signals_attendance_hours)
{
	struct health_facts f = facts();
	struct health_signals s;

	health_compute(&f, &D(2026, 11, 23), &s);
	ck_assert(!s.known[HEALTH_ATTENDANCE]);
	ck_assert(!s.known[HEALTH_HOURS]);
	ck_assert(s.weak[HEALTH_MEETINGS]);	/* none held of 2.8 */
	ck_assert_int_eq(s.weak_count, 1);
	f.att_recorded = 9;
	f.att_present = 7;
	f.members = 4;
	f.member_minutes = 810;
	health_compute(&f, &D(2026, 11, 23), &s);
	ck_assert_int_eq(s.value[HEALTH_ATTENDANCE], 78);
	ck_assert(!s.weak[HEALTH_ATTENDANCE]);
	/* norm 40 h × 84 / 304 = 663 minutes; 810 / 4 = 202.5 → 31% */
	ck_assert_int_eq(s.norm_minutes, 663);
	ck_assert_int_eq(s.value[HEALTH_HOURS], 31);
	ck_assert(s.weak[HEALTH_HOURS]);
	f.att_present = 6;	/* 67% < 70% */
	f.member_minutes = 1600;	/* 400 of 663: 60%, not below */
	health_compute(&f, &D(2026, 11, 23), &s);
	ck_assert_int_eq(s.value[HEALTH_ATTENDANCE], 67);
	ck_assert(s.weak[HEALTH_ATTENDANCE]);
	ck_assert_int_eq(s.value[HEALTH_HOURS], 60);
	ck_assert(!s.weak[HEALTH_HOURS]);
	f.hours_norm = 0;	/* no norm: nothing to hold it against */
	health_compute(&f, &D(2026, 11, 23), &s);
	ck_assert(!s.known[HEALTH_HOURS]);
}
END_TEST

START_TEST(test_signals_overdue_update_left_scan)
{
	struct health_facts f = facts();
	struct health_signals s;
	char buf[32];

	f.held = 3;
	health_compute(&f, &D(2026, 11, 23), &s);
	ck_assert_int_eq(s.weak_count, 0);
	ck_assert_int_eq(s.value[HEALTH_OVERDUE], 0);
	ck_assert(!s.weak[HEALTH_OVERDUE]);
	/* never posted: counted from the start (2 whole months), shown as "never" */
	ck_assert(s.never_updated);
	ck_assert_int_eq(s.value[HEALTH_UPDATE], 2);
	ck_assert(!s.weak[HEALTH_UPDATE]);
	ck_assert_str_eq(health_signal_format(&s, HEALTH_UPDATE, ',', buf, sizeof buf), "never");
	ck_assert(!s.known[HEALTH_SCAN]);
	f.overdue = 1;
	f.last_update = D(2026, 8, 24);	/* 2 months and 30 days: 2 whole months */
	f.left = 2;
	f.scan_sum = 26;
	f.scan_n = 9;			/* 2.9 */
	f.scan_on = D(2026, 10, 1);
	health_compute(&f, &D(2026, 11, 23), &s);
	ck_assert(s.weak[HEALTH_OVERDUE]);
	ck_assert_int_eq(s.value[HEALTH_UPDATE], 2);
	ck_assert(!s.weak[HEALTH_UPDATE]);
	ck_assert_str_eq(health_signal_format(&s, HEALTH_UPDATE, ',', buf, sizeof buf), "2");
	ck_assert(s.weak[HEALTH_LEFT]);
	ck_assert_int_eq(s.value[HEALTH_SCAN], 29);
	ck_assert(s.weak[HEALTH_SCAN]);
	ck_assert_str_eq(health_signal_format(&s, HEALTH_SCAN, ',', buf, sizeof buf), "2,9");
	ck_assert_int_eq(s.scan_term.half, 1);
	ck_assert_int_eq(s.weak_count, 3);
	f.last_update = D(2026, 8, 23);	/* 3 whole months: weak */
	f.left = 1;
	f.scan_sum = 27;		/* 3.0: not below 3 */
	health_compute(&f, &D(2026, 11, 23), &s);
	ck_assert_int_eq(s.value[HEALTH_UPDATE], 3);
	ck_assert(s.weak[HEALTH_UPDATE]);
	ck_assert(!s.weak[HEALTH_LEFT]);
	ck_assert(!s.weak[HEALTH_SCAN]);
}
END_TEST

START_TEST(test_sort)
{
	struct health_row *r = xcalloc(3, sizeof *r);
	struct health_facts f = facts();
	int sort, i;

	for (i = 0; i < 3; i++) {
		r[i].id = i + 1;
		r[i].name = xasprintf("G%d", i);
		r[i].type = xstrdup("plg");
		r[i].name_rank = i;
		f.overdue = i == 1 ? 3 : 0;
		f.att_recorded = i == 2 ? 0 : 10;
		f.att_present = i == 0 ? 5 : 9;
		health_compute(&f, &D(2026, 11, 23), &r[i].sig);
	}
	ck_assert(health_sort_parse("attendance", &sort));
	ck_assert(!health_sort_parse("nonsense", &sort));
	ck_assert(health_sort_parse("weak", &sort));
	health_sort(r, 3, sort);
	/* G0: attendance weak; G1: overdue; G2 none */
	ck_assert_int_eq(r[2].id, 3);
	health_sort_parse("attendance", &sort);
	health_sort(r, 3, sort);
	ck_assert_int_eq(r[0].id, 1);	/* 50% first, the unknown one last */
	ck_assert_int_eq(r[2].id, 3);
	health_sort_parse("overdue", &sort);
	health_sort(r, 3, sort);
	ck_assert_int_eq(r[0].id, 2);
	health_sort(r, 3, HEALTH_SORT_NAME);
	ck_assert_str_eq(r[0].name, "G0");
	ck_assert_str_eq(health_sort_key(HEALTH_SORT_SIGNAL + HEALTH_LEFT), "left");
	health_rows_free(r, 3);
}
END_TEST

/* ---- the store ---- */

enum { ZOE, ANN, BOB, COR, DAN, EVE, FAY, NPEOPLE, VISITOR = NPEOPLE };

static const struct date today = { 2026, 11, 23 };
static const struct fixture_person cast[NPEOPLE] = {
	{ "Zoë", "zoe", true }, { "Ann", "ann", false }, { "Bob", "bob", false },
	{ "Cor", "cor", false }, { "Dan", "dan", false }, { "Eve", "eve", false },
	{ "Fay", "fay", false }
};
static const char *const factors[] = { "enthusiasm", "rhythm", "facilitation" };
static struct fixture fx;			/* the store, the cast and their actors */
static struct store *st;			/* fx.st */
static struct actor **const who = fx.who;	/* who[VISITOR]: someone the store does not know */
static int64_t *const people = fx.people;	/* the cast's ids */
static int64_t g1, g2;	/* g1: ann leads, bob cor eve members, dan left, fay follows */

static void
health_setup(void)
{
	struct group_new g = fixture_plg("PLG Rust");
	char *error = NULL;

	st = fixture_open(&fx, &today, cast, NPEOPLE);
	g1 = fixture_form(&fx, &g, ANN, (const int[]){ BOB, COR }, 2);
	ck_assert_int_eq(store_membership_insert(st, who[ZOE], g1, people[FAY], "follower",
	    &D(2026, 9, 1), NULL, &error), 0);
	/* Dan left on 15-10; Eve left and came back */
	ck_assert_int_eq(store_membership_insert(st, who[ZOE], g1, people[DAN], "member",
	    &D(2026, 9, 1), &D(2026, 10, 15), &error), 0);
	ck_assert_int_eq(store_membership_insert(st, who[ZOE], g1, people[EVE], "member",
	    &D(2026, 9, 1), &D(2026, 10, 1), &error), 0);
	ck_assert_int_eq(store_membership_insert(st, who[ZOE], g1, people[EVE], "member",
	    &D(2026, 11, 1), NULL, &error), 0);
	g.name = "Werkgroep Rekenen";
	g2 = fixture_form(&fx, &g, DAN, (const int[]){ BOB }, 1);
	g.name = "Werkgroep Gesloten";
	g.status = "closed";
	fixture_form(&fx, &g, DAN, (const int[]){ BOB }, 1);
}

static void
health_teardown(void)
{
	fixture_close(&fx);
}

/* A scan of g1 with scores a, b, c. */
static int
scan(int by, struct date on, int64_t replaces, int a, int b, int c, char **error)
{
	struct health_score s[3] = {
		{ "enthusiasm", a, NULL }, { "rhythm", b, "elke twee weken" },
		{ "facilitation", c, NULL }
	};
	struct scan_new sn;

	memset(&sn, 0, sizeof sn);
	sn.group_id = g1;
	sn.on = on;
	sn.replaces_id = replaces;
	sn.scores = s;
	sn.n = 3;
	sn.factors = factors;
	sn.n_factors = 3;
	return store_scan_save(st, who[by], &sn, NULL, error);
}

static int64_t
latest_scan_id(void)
{
	struct scan *v;
	size_t n;
	int64_t id;
	char *error = NULL;

	ck_assert_int_eq(store_scans_get(st, who[ANN], g1, &v, &n, &error), 0);
	id = n > 0 ? v[0].id : 0;
	store_scans_free(v, n);
	return id;
}

START_TEST(test_scan_who_and_what)
{
	struct health_score s[1] = { { "vision", 3, NULL } };
	struct health_score all[3] = {
		{ "enthusiasm", 3, NULL }, { "rhythm", 3, NULL }, { "facilitation", 3, NULL }
	};
	struct scan_new sn;
	struct scan *v;
	size_t n;

	EXPECT_RC(scan(FAY, D(0, 0, 0), 0, 3, 3, 3, &error_), STORE_DENIED);	/* follower */
	EXPECT_RC(scan(DAN, D(0, 0, 0), 0, 3, 3, 3, &error_), STORE_DENIED);	/* left */
	EXPECT_RC(scan(VISITOR, D(0, 0, 0), 0, 3, 3, 3, &error_), STORE_DENIED);
	EXPECT_RC(scan(BOB, D(0, 0, 0), 0, 3, 6, 3, &error_), STORE_INVALID);
	EXPECT_RC(scan(BOB, D(0, 0, 0), 0, 3, 0, 3, &error_), STORE_INVALID);
	EXPECT_RC(scan(BOB, D(2026, 11, 24), 0, 3, 3, 3, &error_), STORE_INVALID);	/* ahead */
	memset(&sn, 0, sizeof sn);
	sn.group_id = g1;
	sn.scores = s;
	sn.n = 1;
	sn.factors = factors;
	sn.n_factors = 3;
	EXPECT_RC(store_scan_save(st, who[ANN], &sn, NULL, &error_), STORE_INVALID);	/* unknown */
	s[0].factor = "rhythm";
	EXPECT_RC(store_scan_save(st, who[ANN], &sn, NULL, &error_), STORE_INVALID);	/* missing */
	sn.scores = all;
	sn.n = 3;
	sn.filled_by = people[COR];
	EXPECT_RC(store_scan_save(st, who[ANN], &sn, NULL, &error_), STORE_DENIED);	/* for Cor */
	/* nothing was saved by any of these */
	ck_assert_int_eq(latest_scan_id(), 0);
	EXPECT_OK(scan(BOB, D(0, 0, 0), 0, 4, 2, 3, &error_));
	/* who reads: members, leads, coordinators; not a follower or someone gone */
	EXPECT_RC(store_scans_get(st, who[FAY], g1, &v, &n, &error_), STORE_DENIED);
	EXPECT_RC(store_scans_get(st, who[DAN], g1, &v, &n, &error_), STORE_DENIED);
	EXPECT_OK(store_scans_get(st, who[ZOE], g1, &v, &n, &error_));
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(v[0].n, 3);
	ck_assert_str_eq(v[0].filled_by, "Bob");
	ck_assert_int_eq(date_compare(&v[0].filled_on, &today), 0);
	store_scans_free(v, n);
}
END_TEST

START_TEST(test_scan_one_per_term)
{
	struct scan *v;
	size_t n;
	int64_t first, second;

	/* the term before, recorded by a coordinator */
	EXPECT_OK(scan(ZOE, D(2026, 6, 1), 0, 2, 2, 2, &error_));
	EXPECT_OK(scan(ANN, D(0, 0, 0), 0, 3, 3, 3, &error_));
	first = latest_scan_id();
	/* a second one this term: refused, unless it names the term's scan */
	EXPECT_RC(scan(BOB, D(0, 0, 0), 0, 4, 4, 4, &error_), STORE_INVALID);
	EXPECT_OK(scan(BOB, D(0, 0, 0), first, 4, 3, 2, &error_));
	second = latest_scan_id();
	ck_assert_int_ne(second, first);
	/* someone who still had the first one open: a conflict, nothing lost */
	EXPECT_RC(scan(ANN, D(0, 0, 0), first, 5, 5, 5, &error_), STORE_CONFLICT);
	EXPECT_OK(store_scans_get(st, who[ANN], g1, &v, &n, &error_));
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(v[0].id, second);
	ck_assert_int_eq(v[0].scores[0].score + v[0].scores[1].score + v[0].scores[2].score, 9);
	ck_assert_int_eq(v[1].filled_on.month, 6);
	store_scans_free(v, n);
}
END_TEST

/* A held meeting of g1 on day, 14:00–16:00. */
static int64_t
held(struct date day)
{
	struct meeting_new m = { g1, NULL, day, 14 * 60, 16 * 60, "De Brug", NULL, "intervision",
		"held" };
	int64_t id = 0;

	EXPECT_OK(store_meeting_insert(st, who[ZOE], &m, &id, &error_));
	return id;
}

static void
att(int64_t m, int p, const char *status, int minutes)
{
	EXPECT_OK(store_attendance_set(st, who[ZOE], m, people[p], status, minutes, NULL,
	    &error_));
}

/* The row of group id in the overview. */
static const struct health_row *
row_of(const struct health_row *rows, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (rows[i].id == id)
			return &rows[i];
	}
	return NULL;
}

START_TEST(test_overview_facts)
{
	struct health_row *rows, one;
	const struct health_row *r;
	struct note_new note = { 0, "incident", 0, 0, 0, 0 };
	struct date past = D(2026, 8, 10);
	int64_t m1, m2, m3, note_id, agr;
	size_t n;

	m1 = held(D(2026, 9, 15));
	m2 = held(D(2026, 10, 13));
	m3 = held(D(2026, 11, 10));
	held(D(2026, 7, 1));	/* last school year: not counted */
	att(m1, ANN, "present", -1);
	att(m1, BOB, "present", -1);
	att(m1, COR, "absent", -1);
	att(m2, ANN, "present", -1);
	att(m2, BOB, "late", 90);
	att(m2, COR, "excused", -1);
	att(m3, ANN, "present", -1);
	att(m3, BOB, "present", -1);
	att(m3, COR, "present", -1);
	note.meeting_id = m3;
	note.contributor_id = note.chair_id = note.minute_taker_id = note.author_id = people[ANN];
	EXPECT_OK(store_note_insert(st, who[ANN], &note, &note_id, &error_));
	EXPECT_OK(store_agreement_insert(st, who[ANN], note_id, "Geheim: lezen over ...",
	    people[BOB], &D(2026, 11, 20), NULL, &error_));
	EXPECT_OK(store_agreement_insert(st, who[ANN], note_id, "Nog niet", people[BOB],
	    &D(2026, 12, 1), NULL, &error_));
	/* an update posted on 10-8 (the clock set back for it) */
	date_clock_fix(&past);
	EXPECT_OK(store_update_post(st, who[ZOE], g1, "Van start", "", NULL, &error_));
	date_clock_fix(&today);
	EXPECT_OK(scan(ANN, D(0, 0, 0), 0, 4, 2, 3, &error_));

	EXPECT_RC(store_health_overview(st, who[ANN], &today, &rows, &n, &error_), STORE_DENIED);
	EXPECT_OK(store_health_overview(st, who[ZOE], &today, &rows, &n, &error_));
	ck_assert_uint_eq(n, 2);	/* the closed group is left out */
	ck_assert_str_eq(rows[0].name, "PLG Rust");
	ck_assert_int_eq(rows[1].name_rank, 1);
	ck_assert_ptr_nonnull(r = row_of(rows, n, g1));
	ck_assert_int_eq(r->facts.held, 3);
	ck_assert_int_eq(r->facts.att_recorded, 9);
	ck_assert_int_eq(r->facts.att_present, 7);
	ck_assert_int_eq(r->facts.members, 4);	/* ann, bob, cor, eve (back) */
	ck_assert_int_eq(r->facts.member_minutes, 360 + 330 + 120);
	ck_assert_int_eq(r->facts.overdue, 1);
	ck_assert_int_eq(r->facts.left, 1);	/* dan; not eve, who is back */
	ck_assert_int_eq(date_compare(&r->facts.last_update, &past), 0);
	ck_assert_int_eq(r->facts.scan_n, 3);
	ck_assert_int_eq(r->facts.scan_sum, 9);
	ck_assert_int_eq(r->facts.hours_norm, 40);
	ck_assert_ptr_nonnull(r = row_of(rows, n, g2));
	ck_assert_int_eq(r->facts.held, 0);
	ck_assert_int_eq(r->facts.members, 2);
	ck_assert_int_eq(r->facts.last_update.year, 0);
	ck_assert_int_eq(r->facts.scan_n, 0);

	/* one group: the same facts; its lead and coordinators only */
	EXPECT_RC(store_health_group(st, who[BOB], g1, &today, &one, &error_), STORE_DENIED);
	ck_assert_int_eq(store_health_group(st, who[ANN], g1, &today, &one, NULL), 1);
	r = row_of(rows, n, g1);
	ck_assert_int_eq(memcmp(&one.facts, &r->facts, sizeof one.facts), 0);
	free(one.name);
	free(one.type);
	health_rows_free(rows, n);

	/* an overdue agreement reviewed as done (loaded data) is no longer counted */
	EXPECT_OK(store_agreement_insert(st, who[ANN], note_id, "Later gedaan", people[BOB],
	    &D(2026, 11, 15), &agr, &error_));
	EXPECT_OK(store_health_overview(st, who[ZOE], &today, &rows, &n, &error_));
	ck_assert_int_eq(row_of(rows, n, g1)->facts.overdue, 2);
	health_rows_free(rows, n);
	EXPECT_RC(store_agreement_reviewed(st, who[ANN], agr, "done", note_id, &error_),
	    STORE_DENIED);
	EXPECT_RC(store_agreement_reviewed(st, who[ZOE], agr, "open", note_id, &error_),
	    STORE_INVALID);
	EXPECT_OK(store_agreement_reviewed(st, who[ZOE], agr, "done", note_id, &error_));
	EXPECT_OK(store_health_overview(st, who[ZOE], &today, &rows, &n, &error_));
	ck_assert_int_eq(row_of(rows, n, g1)->facts.overdue, 1);
	health_rows_free(rows, n);
}
END_TEST

START_TEST(test_no_full_scans)
{
	static const char *const large[] = {
		"person", "organisation", "theme", "grp", "membership", "meeting", "attendance",
		"note", "note_section", "agreement", "audit", "update_post", "scan", NULL
	};

	fixture_expect_no_full_scans(&fx, large);
}
END_TEST

Suite *
suite_health(void)
{
	Suite *s = suite_create("health");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_terms);
	tcase_add_test(tc, test_scan_rules);
	tcase_add_test(tc, test_bars_and_trend);
	tcase_add_test(tc, test_signals_rhythm);
	tcase_add_test(tc, test_signals_attendance_hours);
	tcase_add_test(tc, test_signals_overdue_update_left_scan);
	tcase_add_test(tc, test_sort);
	suite_add_tcase(s, tc);
	tc = tcase_create("store");
	tcase_add_checked_fixture(tc, health_setup, health_teardown);
	tcase_add_test(tc, test_scan_who_and_what);
	tcase_add_test(tc, test_scan_one_per_term);
	tcase_add_test(tc, test_overview_facts);
	tcase_add_test(tc, test_no_full_scans);
	suite_add_tcase(s, tc);
	return s;
}

/* test_budget.c — budget requests (#9): money in cents (core/money.c: parse,
 * format, add, boundaries, nothing rounded) and the requests through the
 * store on a real database (store_budget.c): only a lead files, a member
 * cannot; only a coordinator decides; declining needs a remark; a stale
 * version is refused; a decided request cannot change; who sees what; keyset
 * pages; totals per school year in cents. "Today" is fixed. */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/money.h"
#include "fixture.h"
#include "store/store.h"
#include "suites.h"

#define D(y, m, d) ((struct date){ (y), (m), (d) })

/* ---- money ---- */

static int64_t
parse_ok(const char *text)
{
	const char *why = NULL;
	int64_t cents = -1;

	ck_assert_msg(money_parse(text, &cents, &why) == 0, "\"%s\" refused: %s", text,
	    why != NULL ? why : "?");
	return cents;
}

static const char *
parse_bad(const char *text)
{
	const char *why = NULL;
	int64_t cents = 4242;

	ck_assert_msg(money_parse(text, &cents, &why) == -1, "\"%s\" accepted as %lld", text,
	    (long long)cents);
	ck_assert_msg(cents == 4242, "\"%s\": cents changed on refusal", text);
	ck_assert_msg(why != NULL && *why != '\0', "\"%s\": no reason", text);
	return why;
}

START_TEST(test_money_parse_forms)
{
	ck_assert_int_eq(parse_ok("1250"), 125000);
	ck_assert_int_eq(parse_ok("1250,50"), 125050);
	ck_assert_int_eq(parse_ok("1.250,50"), 125050);
	ck_assert_int_eq(parse_ok("1250.50"), 125050);
	ck_assert_int_eq(parse_ok("€ 1.250,50"), 125050);
	ck_assert_int_eq(parse_ok("€1.250,50"), 125050);
	ck_assert_int_eq(parse_ok("1.250,50 €"), 125050);
	ck_assert_int_eq(parse_ok("EUR 1250"), 125000);
	ck_assert_int_eq(parse_ok("1 250,5"), 125050);
	ck_assert_int_eq(parse_ok("1\xc2\xa0" "250,5"), 125050);	/* no-break space */
	ck_assert_int_eq(parse_ok("  1250,5  "), 125050);
	ck_assert_int_eq(parse_ok("1250,5"), 125050);		/* one decimal = tens of cents */
	ck_assert_int_eq(parse_ok("12.5"), 1250);
	ck_assert_int_eq(parse_ok("1.250"), 125000);		/* a Dutch thousands point */
	ck_assert_int_eq(parse_ok("100.000"), 10000000);
	ck_assert_int_eq(parse_ok("1.250.000"), 125000000);
	ck_assert_int_eq(parse_ok("1,250,000.25"), 125000025);	/* English grouping */
	ck_assert_int_eq(parse_ok("1.250,-"), 125000);		/* whole euros */
	ck_assert_int_eq(parse_ok("0"), 0);
	ck_assert_int_eq(parse_ok("0,01"), 1);
	ck_assert_int_eq(parse_ok("0.01"), 1);
	ck_assert_int_eq(parse_ok("0,10"), 10);
	ck_assert_int_eq(parse_ok("0,1"), 10);
	ck_assert_int_eq(parse_ok("007"), 700);
	ck_assert_int_eq(parse_ok("19,99"), 1999);		/* no float: 19.99 * 100 != 1999 */
	ck_assert_int_eq(parse_ok("0,29"), 29);
	ck_assert_int_eq(parse_ok("1,15"), 115);
}
END_TEST

START_TEST(test_money_parse_refusals)
{
	const char *garbage = parse_bad("abc");

	ck_assert_str_eq(parse_bad(""), parse_bad("   "));
	ck_assert_str_eq(parse_bad("€"), parse_bad(""));
	ck_assert_ptr_nonnull(strstr(parse_bad(NULL), "amount"));
	ck_assert_ptr_nonnull(strstr(parse_bad("-5"), "negative"));
	ck_assert_str_eq(parse_bad("€ -5"), parse_bad("-5"));
	ck_assert_str_eq(parse_bad("-0,01"), parse_bad("-5"));
	ck_assert_str_eq(parse_bad("\xe2\x88\x92" "5"), parse_bad("-5"));	/* U+2212 */
	ck_assert_ptr_nonnull(strstr(parse_bad("12,505"), "two decimals"));
	ck_assert_str_eq(parse_bad("1250.505"), parse_bad("12,505"));
	ck_assert_str_eq(parse_bad("1,250"), parse_bad("12,505"));	/* a decimal comma */
	ck_assert_str_eq(parse_bad("0.250"), parse_bad("12,505"));
	ck_assert_str_eq(parse_bad("0,001"), parse_bad("12,505"));
	ck_assert_ptr_nonnull(strstr(parse_bad("1.25.0"), "thousands"));
	ck_assert_str_eq(parse_bad("12.50.000"), parse_bad("1.25.0"));
	ck_assert_str_eq(parse_bad("1234.567,00"), parse_bad("1.25.0"));
	ck_assert_str_eq(parse_bad("1.2500,00"), parse_bad("1.25.0"));
	ck_assert_str_eq(parse_bad("1 250.000,00"), parse_bad("1.25.0"));	/* mixed */
	ck_assert_str_eq(parse_bad("0.250.000"), parse_bad("1.25.0"));
	ck_assert_str_eq(parse_bad("12a"), garbage);
	ck_assert_str_eq(parse_bad("1e3"), garbage);
	ck_assert_str_eq(parse_bad("1250."), garbage);
	ck_assert_str_eq(parse_bad(",50"), garbage);
	ck_assert_str_eq(parse_bad("1..250"), garbage);
	ck_assert_str_eq(parse_bad("1  250"), garbage);
	ck_assert_str_eq(parse_bad("+5"), garbage);
	ck_assert_str_eq(parse_bad("1.250,50,-"), garbage);
	ck_assert_str_eq(parse_bad("€ € 5"), garbage);
	ck_assert_str_eq(parse_bad("5 5 5 5 5 5 5 5 5 5 5 5 5 5 5 5 5 5"), garbage);
	ck_assert_ptr_nonnull(strstr(parse_bad("10000000,01"), "10.000.000"));
	ck_assert_str_eq(parse_bad("99999999999999999999999"), parse_bad("10000000,01"));
	ck_assert_str_eq(parse_bad("10.000.001"), parse_bad("10000000,01"));
}
END_TEST

START_TEST(test_money_boundaries)
{
	ck_assert_int_eq(parse_ok("10000000"), MONEY_MAX_CENTS);
	ck_assert_int_eq(parse_ok("10.000.000,00"), MONEY_MAX_CENTS);
	ck_assert_int_eq(parse_ok("9.999.999,99"), MONEY_MAX_CENTS - 1);
	ck_assert_int_eq(parse_ok("999"), 99900);
	ck_assert_int_eq(parse_ok("1.000"), 100000);
}
END_TEST

START_TEST(test_money_format)
{
	char buf[MONEY_TEXT_LEN], small[6];

	ck_assert_str_eq(money_format(125050, buf, sizeof buf), "€ 1.250,50");
	ck_assert_str_eq(money_format(0, buf, sizeof buf), "€ 0,00");
	ck_assert_str_eq(money_format(1, buf, sizeof buf), "€ 0,01");
	ck_assert_str_eq(money_format(10, buf, sizeof buf), "€ 0,10");
	ck_assert_str_eq(money_format(99999, buf, sizeof buf), "€ 999,99");
	ck_assert_str_eq(money_format(100000, buf, sizeof buf), "€ 1.000,00");
	ck_assert_str_eq(money_format(MONEY_MAX_CENTS, buf, sizeof buf), "€ 10.000.000,00");
	ck_assert_str_eq(money_format(-500, buf, sizeof buf), "€ -5,00");
	ck_assert_str_eq(money_format(INT64_MAX, buf, sizeof buf),
	    "€ 92.233.720.368.547.758,07");
	ck_assert_str_eq(money_format(INT64_MIN, buf, sizeof buf),
	    "€ -92.233.720.368.547.758,08");
	ck_assert_str_eq(money_format_plain(125050, buf, sizeof buf), "1.250,50");
	ck_assert_str_eq(money_format_csv(125050, buf, sizeof buf), "1250.50");
	ck_assert_str_eq(money_format_csv(5, buf, sizeof buf), "0.05");
	ck_assert_str_eq(money_format_csv(0, buf, sizeof buf), "0.00");
	ck_assert_str_eq(money_format_csv(MONEY_MAX_CENTS, buf, sizeof buf), "10000000.00");
	ck_assert_str_eq(money_format_csv(-1, buf, sizeof buf), "-0.01");
	/* a short buffer is cut, never overrun */
	ck_assert_uint_eq(strlen(money_format_csv(125050, small, sizeof small)), 5);
	/* every formatted amount parses back to itself */
	ck_assert_int_eq(parse_ok(money_format(123456789, buf, sizeof buf)), 123456789);
	ck_assert_int_eq(parse_ok(money_format_plain(1, buf, sizeof buf)), 1);
	ck_assert_int_eq(parse_ok(money_format_csv(123456789, buf, sizeof buf)), 123456789);
}
END_TEST

START_TEST(test_money_add)
{
	int64_t sum = 7;

	ck_assert_int_eq(money_add(125050, 1, &sum), 0);
	ck_assert_int_eq(sum, 125051);
	ck_assert_int_eq(money_add(INT64_MAX - 1, 1, &sum), 0);
	ck_assert_int_eq(sum, INT64_MAX);
	sum = 7;
	ck_assert_int_eq(money_add(INT64_MAX, 1, &sum), -1);
	ck_assert_int_eq(sum, 7);
	ck_assert_int_eq(money_add(INT64_MIN, -1, &sum), -1);
	ck_assert_int_eq(money_add(INT64_MIN, 1, &sum), 0);
	ck_assert_int_eq(sum, INT64_MIN + 1);
	ck_assert_int_eq(money_add(-5, 5, &sum), 0);
	ck_assert_int_eq(sum, 0);
}
END_TEST

/* ---- the store ---- */

enum { ZOE, ANN, BOB, FAY, DAN, NPEOPLE, VISITOR = NPEOPLE };

static const struct date today = { 2026, 11, 23 };
static const struct fixture_person cast[NPEOPLE] = {
	{ "Zoë", "zoe", true }, { "Ann", "ann", false }, { "Bob", "bob", false },
	{ "Fay", "fay", false }, { "Dan", "dan", false }
};
static struct fixture fx;			/* the store, the cast and their actors */
static struct store *st;			/* fx.st */
static struct actor **const who = fx.who;	/* who[VISITOR]: someone the store does not know */
static int64_t *const people = fx.people;	/* the cast's ids */
static int64_t g1, g2;		/* g1: ann leads, bob member, fay follows; g2: dan leads */

static void
budget_setup(void)
{
	struct group_new g = fixture_plg("PLG Rust");

	st = fixture_open(&fx, &today, cast, NPEOPLE);
	g1 = fixture_form(&fx, &g, ANN, (const int[]){ BOB }, 1);
	fixture_join(&fx, g1, FAY, "follower", &D(2026, 9, 1));
	g.name = "Werkgroep Rekenen";
	g2 = fixture_form(&fx, &g, DAN, NULL, 0);
}

static void
budget_teardown(void)
{
	fixture_close(&fx);
}

static struct budget_new
ask(int64_t group, const char *purpose, int64_t cents)
{
	struct budget_new r = { group, purpose, "Bureau Gedrag", cents, { 2027, 1, 15 } };

	return r;
}

/* Collected rows: "purpose:status:cents" joined by spaces; the last row's id and version. */
struct got {
	int n;
	char text[1024];
	int64_t id;
	int version;
	char requested_on[DATE_ISO_LEN];
};

static int
got_row(const struct budget_row *r, void *arg)
{
	struct got *g = arg;
	size_t len = strlen(g->text);

	snprintf(g->text + len, sizeof g->text - len, "%s%s:%s:%lld", len ? " " : "",
	    r->purpose, r->status, (long long)r->cost_cents);
	g->id = r->id;
	g->version = r->version;
	snprintf(g->requested_on, sizeof g->requested_on, "%s", r->requested_on);
	g->n++;
	return 0;
}

static int
list(int whom, const struct budget_query *q, struct got *g)
{
	char *error = NULL;
	int ret;

	memset(g, 0, sizeof *g);
	ret = store_budget_page(st, who[whom], q, NULL, false, true, 50, got_row, g, &error);
	free(error);
	return ret;
}

/* The id and version of request id as who sees it (version -1: not visible). */
static int
version_of(int whom, int64_t id)
{
	struct got g;
	char *error = NULL;

	memset(&g, 0, sizeof g);
	g.version = -1;
	ck_assert_int_ge(store_budget_get(st, who[whom], id, got_row, &g, &error), 0);
	free(error);
	return g.version;
}

START_TEST(test_only_a_lead_files)
{
	struct budget_new r = ask(g1, "Gedragsspecialist", 125050);
	int64_t id = 0;

	EXPECT_RC(store_budget_request(st, who[BOB], &r, &id, &error_), STORE_DENIED);
	EXPECT_RC(store_budget_request(st, who[FAY], &r, &id, &error_), STORE_DENIED);
	EXPECT_RC(store_budget_request(st, who[DAN], &r, &id, &error_), STORE_DENIED);
	EXPECT_RC(store_budget_request(st, who[VISITOR], &r, &id, &error_), STORE_DENIED);
	ck_assert_int_eq(id, 0);
	EXPECT_OK(store_budget_request(st, who[ANN], &r, &id, &error_));
	ck_assert_int_gt(id, 0);
	r.purpose = "Voor een ander";
	EXPECT_OK(store_budget_request(st, who[ZOE], &r, NULL, &error_));	/* a coordinator may */
	r.group_id = 999999;
	EXPECT_RC(store_budget_request(st, who[ZOE], &r, NULL, &error_), STORE_NOT_FOUND);
}
END_TEST

START_TEST(test_request_rules)
{
	struct budget_new r = ask(g1, "Gedragsspecialist", 125050);
	struct got g;

	r.purpose = "";
	EXPECT_RC(store_budget_request(st, who[ANN], &r, NULL, &error_), STORE_INVALID);
	r.purpose = "twee\nregels";
	EXPECT_RC(store_budget_request(st, who[ANN], &r, NULL, &error_), STORE_INVALID);
	r.purpose = "Gedragsspecialist";
	r.cost_cents = 0;
	EXPECT_RC(store_budget_request(st, who[ANN], &r, NULL, &error_), STORE_INVALID);
	r.cost_cents = -100;
	EXPECT_RC(store_budget_request(st, who[ANN], &r, NULL, &error_), STORE_INVALID);
	r.cost_cents = MONEY_MAX_CENTS + 1;
	EXPECT_RC(store_budget_request(st, who[ANN], &r, NULL, &error_), STORE_INVALID);
	r.cost_cents = 1;
	r.needed_on = D(2026, 11, 22);		/* yesterday */
	EXPECT_RC(store_budget_request(st, who[ANN], &r, NULL, &error_), STORE_INVALID);
	r.needed_on = D(2026, 2, 30);
	EXPECT_RC(store_budget_request(st, who[ANN], &r, NULL, &error_), STORE_INVALID);
	ck_assert_int_eq(list(ZOE, NULL, &g), 0);
	ck_assert_int_eq(g.n, 0);

	r.needed_on = today;			/* today is fine */
	EXPECT_OK(store_budget_request(st, who[ANN], &r, NULL, &error_));
	r.needed_on = D(0, 0, 0);		/* no date needed */
	r.specialist = NULL;
	r.cost_cents = MONEY_MAX_CENTS;
	EXPECT_OK(store_budget_request(st, who[ANN], &r, NULL, &error_));
	ck_assert_int_eq(list(ZOE, NULL, &g), 0);
	ck_assert_int_eq(g.n, 2);
	ck_assert_str_eq(g.requested_on, "2026-11-23");
	ck_assert_ptr_nonnull(strstr(g.text, ":open:1000000000"));
}
END_TEST

START_TEST(test_decide)
{
	struct budget_new r = ask(g1, "Gedragsspecialist", 125050);
	int64_t id;
	int v;

	EXPECT_OK(store_budget_request(st, who[ANN], &r, &id, &error_));
	v = version_of(ANN, id);
	ck_assert_int_eq(v, 1);
	/* only a coordinator decides: not the lead, not a member */
	EXPECT_RC(store_budget_decide(st, who[ANN], id, v, true, "ok", &error_), STORE_DENIED);
	EXPECT_RC(store_budget_decide(st, who[BOB], id, v, true, NULL, &error_), STORE_DENIED);
	/* declining needs a remark */
	EXPECT_RC(store_budget_decide(st, who[ZOE], id, v, false, NULL, &error_), STORE_INVALID);
	EXPECT_RC(store_budget_decide(st, who[ZOE], id, v, false, "", &error_), STORE_INVALID);
	/* a stale version is refused */
	EXPECT_RC(store_budget_decide(st, who[ZOE], id, v + 1, true, NULL, &error_),
	    STORE_CONFLICT);
	ck_assert_int_eq(version_of(ZOE, id), v);
	EXPECT_OK(store_budget_decide(st, who[ZOE], id, v, false, "Past niet in het budget",
	    &error_));
	ck_assert_int_eq(version_of(ZOE, id), v + 1);
	/* decided: no second decision, no change, no withdrawal */
	EXPECT_RC(store_budget_decide(st, who[ZOE], id, v + 1, true, NULL, &error_),
	    STORE_INVALID);
	r.cost_cents = 100;
	EXPECT_RC(store_budget_change(st, who[ANN], id, v + 1, &r, &error_), STORE_INVALID);
	EXPECT_RC(store_budget_withdraw(st, who[ANN], id, v + 1, &error_), STORE_INVALID);
	EXPECT_RC(store_budget_withdraw(st, who[ZOE], id, v + 1, &error_), STORE_INVALID);
	/* approving needs no remark */
	EXPECT_OK(store_budget_request(st, who[ANN], &r, &id, &error_));
	EXPECT_OK(store_budget_decide(st, who[ZOE], id, 1, true, NULL, &error_));
	EXPECT_RC(store_budget_decide(st, who[ZOE], 999999, 1, true, NULL, &error_),
	    STORE_NOT_FOUND);
}
END_TEST

START_TEST(test_change_and_withdraw)
{
	struct budget_new r = ask(g1, "Gedragsspecialist", 125050);
	struct got g;
	int64_t id;

	EXPECT_OK(store_budget_request(st, who[ANN], &r, &id, &error_));
	r.purpose = "Gedragsspecialist, twee middagen";
	r.cost_cents = 250000;
	/* a member, a follower, another group's lead may not */
	EXPECT_RC(store_budget_change(st, who[BOB], id, 1, &r, &error_), STORE_DENIED);
	EXPECT_RC(store_budget_change(st, who[FAY], id, 1, &r, &error_), STORE_DENIED);
	EXPECT_RC(store_budget_change(st, who[DAN], id, 1, &r, &error_), STORE_DENIED);
	EXPECT_RC(store_budget_withdraw(st, who[BOB], id, 1, &error_), STORE_DENIED);
	EXPECT_OK(store_budget_change(st, who[ANN], id, 1, &r, &error_));
	/* the version read before that change is stale now */
	EXPECT_RC(store_budget_change(st, who[ANN], id, 1, &r, &error_), STORE_CONFLICT);
	EXPECT_RC(store_budget_withdraw(st, who[ANN], id, 1, &error_), STORE_CONFLICT);
	r.cost_cents = 0;
	EXPECT_RC(store_budget_change(st, who[ANN], id, 2, &r, &error_), STORE_INVALID);
	ck_assert_int_eq(list(ANN, NULL, &g), 0);
	ck_assert_str_eq(g.text, "Gedragsspecialist, twee middagen:open:250000");
	EXPECT_OK(store_budget_withdraw(st, who[ANN], id, 2, &error_));
	ck_assert_int_eq(list(ZOE, NULL, &g), 0);
	ck_assert_int_eq(g.n, 0);
	EXPECT_RC(store_budget_withdraw(st, who[ANN], id, 2, &error_), STORE_NOT_FOUND);
	/* the log keeps that it was filed, changed and withdrawn */
}
END_TEST

/* A requester who steps down as lead can no longer change or withdraw; today's leads can. */
START_TEST(test_stepped_down_requester)
{
	struct budget_new r = ask(g1, "Gedragsspecialist", 125050);
	char *error = NULL;
	int64_t id, other;

	EXPECT_OK(store_budget_request(st, who[ANN], &r, &id, &error_));
	EXPECT_OK(store_budget_request(st, who[ANN], &r, &other, &error_));
	/* ann steps down (a member from today); bob leads the group from today */
	EXPECT_OK(store_roster_set_role(st, who[ZOE], fixture_open_membership(&fx, ANN, g1),
	    "lead", "member", &today, &error_));
	EXPECT_OK(store_roster_set_role(st, who[ZOE], fixture_open_membership(&fx, BOB, g1),
	    "member", "lead", &today, &error_));
	ck_assert_int_eq(store_budget_withdraw(st, who[ANN], id, 1, &error), STORE_DENIED);
	ck_assert_ptr_nonnull(strstr(error, "no longer lead"));
	free(error);
	r.cost_cents = 1;
	EXPECT_RC(store_budget_change(st, who[ANN], id, 1, &r, &error_), STORE_DENIED);
	ck_assert_int_eq(version_of(ZOE, id), 1);	/* nothing was written */
	/* the lead of today and a coordinator keep the right */
	EXPECT_OK(store_budget_change(st, who[BOB], id, 1, &r, &error_));
	EXPECT_OK(store_budget_withdraw(st, who[BOB], id, 2, &error_));
	EXPECT_OK(store_budget_withdraw(st, who[ZOE], other, 1, &error_));
}
END_TEST

START_TEST(test_read_only)
{
	/* a store opened read-only refuses every write with a message */
	struct budget_new r = ask(g1, "Gedragsspecialist", 125050);
	struct store *ro = fixture_read_only(&fx);
	char *error = NULL;

	ck_assert_int_lt(store_budget_request(ro, who[ANN], &r, NULL, &error), 0);
	ck_assert_ptr_nonnull(error);
	free(error);
	store_close(ro);
}
END_TEST

START_TEST(test_who_sees_what)
{
	struct budget_new r = ask(g1, "Rust", 1000);
	struct budget_query q;
	struct got g;

	EXPECT_OK(store_budget_request(st, who[ANN], &r, NULL, &error_));
	r = ask(g2, "Rekenen", 2000);
	EXPECT_OK(store_budget_request(st, who[DAN], &r, NULL, &error_));
	ck_assert_int_eq(list(ZOE, NULL, &g), 0);
	ck_assert_int_eq(g.n, 2);
	ck_assert_int_eq(list(ANN, NULL, &g), 0);
	ck_assert_str_eq(g.text, "Rust:open:1000");
	ck_assert_int_eq(list(BOB, NULL, &g), 0);		/* a member sees the group's */
	ck_assert_str_eq(g.text, "Rust:open:1000");
	ck_assert_int_eq(list(FAY, NULL, &g), 0);		/* a follower sees nothing */
	ck_assert_int_eq(g.n, 0);
	ck_assert_int_eq(list(DAN, NULL, &g), 0);
	ck_assert_str_eq(g.text, "Rekenen:open:2000");
	ck_assert_int_eq(list(VISITOR, NULL, &g), STORE_DENIED);
	memset(&q, 0, sizeof q);
	q.group_id = g1;
	ck_assert_int_eq(list(BOB, &q, &g), 0);
	ck_assert_int_eq(g.n, 1);
	ck_assert_int_eq(list(FAY, &q, &g), STORE_DENIED);
	ck_assert_int_eq(list(DAN, &q, &g), STORE_DENIED);
	ck_assert_int_eq(list(ZOE, &q, &g), 0);
	ck_assert_int_eq(g.n, 1);
	ck_assert(store_budget_may_read(st, who[BOB], g1));
	ck_assert(!store_budget_may_read(st, who[FAY], g1));
	ck_assert(store_budget_may_read(st, who[ZOE], g2));
	ck_assert_int_eq(version_of(FAY, g.id), -1);
	ck_assert_int_eq(version_of(BOB, g.id), 1);
}
END_TEST

/* File a request on a given day (as a coordinator, with the clock moved there). */
static int64_t
file_on(struct date day, int64_t group, const char *purpose, int64_t cents)
{
	struct budget_new r = ask(group, purpose, cents);
	int64_t id = 0;

	r.needed_on = D(0, 0, 0);
	date_clock_fix(&day);
	EXPECT_OK(store_budget_request(st, who[ZOE], &r, &id, &error_));
	date_clock_fix(&today);
	return id;
}

START_TEST(test_totals_per_school_year)
{
	struct budget_totals t;
	struct budget_query q;
	struct got g;
	int64_t a, b, c;

	/* 2025-2026: one approved */
	a = file_on(D(2026, 7, 31), g1, "Juli", 99);
	EXPECT_OK(store_budget_decide(st, who[ZOE], a, 1, true, NULL, &error_));
	/* 2026-2027: from 1 August */
	b = file_on(D(2026, 8, 1), g1, "Augustus", 125050);
	c = file_on(D(2026, 10, 1), g2, "Oktober", 1);
	file_on(D(2026, 11, 23), g1, "November", 30000);
	file_on(D(2027, 7, 31), g2, "Laatste dag", 5);
	EXPECT_OK(store_budget_decide(st, who[ZOE], b, 1, true, "Akkoord", &error_));
	EXPECT_OK(store_budget_decide(st, who[ZOE], c, 1, false, "Geen specialist", &error_));
	/* 2027-2028 */
	file_on(D(2027, 8, 1), g1, "Volgend jaar", 700);

	memset(&q, 0, sizeof q);
	q.first = D(2026, 8, 1);
	q.last = D(2027, 7, 31);
	EXPECT_OK(store_budget_totals(st, who[ZOE], &q, &t, &error_));
	ck_assert_int_eq(t.open, 2);
	ck_assert_int_eq(t.open_cents, 30005);
	ck_assert_int_eq(t.approved, 1);
	ck_assert_int_eq(t.approved_cents, 125050);
	ck_assert_int_eq(t.declined, 1);
	ck_assert_int_eq(t.declined_cents, 1);
	/* the lead of g1 adds up g1's only */
	EXPECT_OK(store_budget_totals(st, who[ANN], &q, &t, &error_));
	ck_assert_int_eq(t.open, 1);
	ck_assert_int_eq(t.open_cents, 30000);
	ck_assert_int_eq(t.declined, 0);
	ck_assert_int_eq(t.declined_cents, 0);
	/* the year before */
	q.first = D(2025, 8, 1);
	q.last = D(2026, 7, 31);
	EXPECT_OK(store_budget_totals(st, who[ZOE], &q, &t, &error_));
	ck_assert_int_eq(t.approved, 1);
	ck_assert_int_eq(t.approved_cents, 99);
	ck_assert_int_eq(t.open + t.declined, 0);
	EXPECT_RC(store_budget_totals(st, who[VISITOR], &q, &t, &error_), STORE_DENIED);

	/* the lists follow the same filters */
	q.first = D(2026, 8, 1);
	q.last = D(2027, 7, 31);
	q.status = "open";
	ck_assert_int_eq(list(ZOE, &q, &g), 0);
	ck_assert_str_eq(g.text, "Laatste dag:open:5 November:open:30000");
	q.status = "decided";
	ck_assert_int_eq(list(ZOE, &q, &g), 0);
	ck_assert_str_eq(g.text, "Oktober:declined:1 Augustus:approved:125050");
	q.status = "declined";
	ck_assert_int_eq(list(ZOE, &q, &g), 0);
	ck_assert_str_eq(g.text, "Oktober:declined:1");
	q.status = NULL;
	ck_assert_int_eq(list(ZOE, &q, &g), 0);
	ck_assert_int_eq(g.n, 4);
	ck_assert_int_eq(list(ZOE, NULL, &g), 0);
	ck_assert_int_eq(g.n, 6);
}
END_TEST

START_TEST(test_keyset_pages)
{
	struct budget_anchor an;
	struct got g;
	char *error = NULL, on[DATE_ISO_LEN];
	int i;

	for (i = 0; i < 7; i++) {
		char purpose[16];

		snprintf(purpose, sizeof purpose, "p%d", i);
		file_on(D(2026, 9, 1 + i / 2), g1, purpose, 100 + i);
	}
	/* newest first: p6 p5 p4 p3 p2 p1 p0 (same day: higher id first) */
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_budget_page(st, who[ZOE], NULL, NULL, false, true, 3, got_row, &g,
	    &error_));
	ck_assert_str_eq(g.text, "p6:open:106 p5:open:105 p4:open:104");
	snprintf(on, sizeof on, "%s", g.requested_on);
	an.requested_on = on;
	an.id = g.id;
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_budget_page(st, who[ZOE], NULL, &an, false, true, 3, got_row, &g,
	    &error_));
	ck_assert_str_eq(g.text, "p3:open:103 p2:open:102 p1:open:101");
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_budget_page(st, who[ZOE], NULL, &an, true, true, 2, got_row, &g,
	    &error_));
	ck_assert_str_eq(g.text, "p4:open:104 p3:open:103");
	/* backwards from p4: the newer ones, still newest first */
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_budget_page(st, who[ZOE], NULL, &an, false, false, 2, got_row, &g,
	    &error_));
	ck_assert_str_eq(g.text, "p6:open:106 p5:open:105");
	/* from the end backwards */
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_budget_page(st, who[ZOE], NULL, NULL, false, false, 2, got_row, &g,
	    &error_));
	ck_assert_str_eq(g.text, "p1:open:101 p0:open:100");
	free(error);
}
END_TEST

START_TEST(test_insert_for_the_demo)
{
	struct budget_record b;
	struct got g;

	memset(&b, 0, sizeof b);
	b.r = ask(g1, "Oud verzoek", 80000);
	b.r.needed_on = D(2026, 10, 1);		/* in the past: fine for a record */
	b.requested_by = people[ANN];
	b.requested_on = D(2026, 9, 15);
	b.status = "declined";
	b.decided_by = people[ZOE];
	b.decided_on = D(2026, 9, 20);
	b.remark = "Te duur";
	EXPECT_RC(store_budget_insert(st, who[ANN], &b, NULL, &error_), STORE_DENIED);
	EXPECT_OK(store_budget_insert(st, who[ZOE], &b, NULL, &error_));
	b.status = "maybe";
	EXPECT_RC(store_budget_insert(st, who[ZOE], &b, NULL, &error_), STORE_INVALID);
	ck_assert_int_eq(list(ANN, NULL, &g), 0);
	ck_assert_str_eq(g.text, "Oud verzoek:declined:80000");
}
END_TEST

START_TEST(test_no_full_scans)
{
	static const char *const large[] = { "budget_request", "grp", "person", "membership",
		NULL };

	fixture_expect_no_full_scans(&fx, large);
}
END_TEST

Suite *
suite_budget(void)
{
	Suite *s = suite_create("budget");
	TCase *tc = tcase_create("money");
	TCase *ts = tcase_create("store");

	tcase_add_test(tc, test_money_parse_forms);
	tcase_add_test(tc, test_money_parse_refusals);
	tcase_add_test(tc, test_money_boundaries);
	tcase_add_test(tc, test_money_format);
	tcase_add_test(tc, test_money_add);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(ts, budget_setup, budget_teardown);
	tcase_add_test(ts, test_only_a_lead_files);
	tcase_add_test(ts, test_request_rules);
	tcase_add_test(ts, test_decide);
	tcase_add_test(ts, test_change_and_withdraw);
	tcase_add_test(ts, test_stepped_down_requester);
	tcase_add_test(ts, test_read_only);
	tcase_add_test(ts, test_who_sees_what);
	tcase_add_test(ts, test_totals_per_school_year);
	tcase_add_test(ts, test_keyset_pages);
	tcase_add_test(ts, test_insert_for_the_demo);
	tcase_add_test(ts, test_no_full_scans);
	suite_add_tcase(s, ts);
	return s;
}

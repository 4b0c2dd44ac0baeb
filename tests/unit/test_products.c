/* test_products.c — products and the knowledge-sharing day programme (#9)
 * through the store on a real database (store_products.c): who may add,
 * edit and publish; drafts hidden from others; the network's list with its
 * search (word prefixes, diacritics folded), filters and keyset pages; the
 * programme's rules (inside the meeting, one slot per group, no two slots
 * in one room at once, network-wide meetings only, coordinators only).
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
#define HM(h, m) ((h) * 60 + (m))

enum { ZOE, ANN, BOB, COR, DAN, FAY, NPEOPLE, VISITOR = NPEOPLE };

static const struct date today = { 2026, 11, 23 };
static const struct fixture_person cast[NPEOPLE] = {
	{ "Zoë", "zoe", true }, { "Ann", "ann", false }, { "Bob", "bob", false },
	{ "Cor", "cor", false }, { "Dan", "dan", false }, { "Fay", "fay", false }
};
static struct fixture fx;			/* the store, the cast and their actors */
static struct store *st;			/* fx.st */
static struct actor **const who = fx.who;	/* who[VISITOR]: someone the store does not know */
static int64_t *const people = fx.people;	/* the cast's ids */
static int64_t theme1, g1, g2, g3;	/* g1: ann leads, bob member, fay follows; g2: dan leads,
					 * cor member; g3: forming, dan leads */
static int64_t day_id, group_meeting_id;	/* the knowledge-sharing day 13:00–17:00 */

/* Unlike fixture.h's: a refusal (below 0) must come with a message, but a result need
 * not be 0 to come without one (EXPECT_OK follows it). */
#undef EXPECT_RC
#define EXPECT_RC(call, rc) do { \
	char *error_ = NULL; \
	int rc_ = (call); \
	ck_assert_msg(rc_ == (rc), "%s: %d, expected %d (%s)", #call, rc_, (rc), \
	    error_ != NULL ? error_ : "no message"); \
	ck_assert_msg(rc_ >= 0 || error_ != NULL, "%s: a refusal without a message", #call); \
	free(error_); \
} while (0)

static void
products_setup(void)
{
	struct group_new g = fixture_plg("PLG Rust");
	struct theme_new t = { "Formatief evalueren", NULL, 0, { 2026, 8, 20 }, "plg", NULL,
		"formed" };
	struct meeting_new m = { 0, "Kennisdeeldag", { 2027, 4, 12 }, HM(13, 0), HM(17, 0),
		"Aula", NULL, "meeting", "planned" };
	struct actor *setup;
	char *error = NULL;

	st = fixture_open(&fx, &today, cast, NPEOPLE);
	/* a theme Ann proposed, added by someone outside the cast as the people are */
	setup = actor_new(0, "setup", "setup", true);
	t.proposer_id = people[ANN];
	ck_assert_int_eq(store_theme_insert(st, setup, &t, &theme1, &error), 0);
	actor_free(setup);
	g.theme_id = theme1;
	g1 = fixture_form(&fx, &g, ANN, (const int[]){ BOB }, 1);
	fixture_join(&fx, g1, FAY, "follower", &D(2026, 9, 1));
	g.name = "Werkgroep Rekenen";
	g.theme_id = 0;
	g2 = fixture_form(&fx, &g, DAN, (const int[]){ COR }, 1);
	g.name = "Nog in oprichting";
	g.status = "forming";
	g3 = fixture_form(&fx, &g, DAN, NULL, 0);
	ck_assert_int_eq(store_meeting_plan(st, who[ZOE], &m, &day_id, &error), 0);
	m.group_id = g1;
	m.title = NULL;
	m.working_form = "intervision";
	ck_assert_int_eq(store_meeting_plan(st, who[ANN], &m, &group_meeting_id, &error), 0);
}

static void
products_teardown(void)
{
	fixture_close(&fx);
}

static struct product_in
mk(const char *title, const char *kind, const char *status, struct date on)
{
	struct product_in p = { title, kind, "Een korte beschrijving.", "https://example.org/x",
		status, on };

	return p;
}

static int64_t
add(int person, int64_t group, const char *title, const char *kind, const char *status,
    struct date on)
{
	struct product_in p = mk(title, kind, status, on);
	int64_t id = 0;

	EXPECT_OK(store_product_add(st, who[person], group, &p, &id, &error_));
	ck_assert_int_gt(id, 0);
	return id;
}

/* ---- collecting rows ---- */

struct got {
	int n;
	char text[2048];	/* titles, "|"-separated */
	char last_on[DATE_ISO_LEN];
	int64_t last_id;
};

static int
got_row(const struct product_row *r, void *arg)
{
	struct got *g = arg;
	size_t len = strlen(g->text);

	snprintf(g->text + len, sizeof g->text - len, "%s%s", len > 0 ? "|" : "", r->title);
	if (r->published_on != NULL)
		snprintf(g->last_on, sizeof g->last_on, "%s", r->published_on);
	g->last_id = r->id;
	g->n++;
	return 0;
}

static struct got
page(int person, const struct product_filter *f)
{
	struct got g;

	memset(&g, 0, sizeof g);
	EXPECT_OK(store_products_page(st, who[person], f, NULL, false, true, 50, got_row, &g,
	    &error_));
	return g;
}

static struct got
of_group(int person, int64_t group, int *total)
{
	struct got g;

	memset(&g, 0, sizeof g);
	EXPECT_OK(store_group_products(st, who[person], group, 0, got_row, &g, total, &error_));
	return g;
}

/* ---- products ---- */

START_TEST(test_who_may_add)
{
	struct product_in p = mk("Handreiking", "guide", "draft", D(0, 0, 0));
	int64_t id;

	add(ANN, g1, "Van de trekker", "guide", "draft", D(0, 0, 0));
	add(BOB, g1, "Van een lid", "lessons", "draft", D(0, 0, 0));
	add(ZOE, g1, "Van de coördinator", "policy", "draft", D(0, 0, 0));
	EXPECT_RC(store_product_add(st, who[FAY], g1, &p, &id, &error_), STORE_DENIED);
	EXPECT_RC(store_product_add(st, who[COR], g1, &p, &id, &error_), STORE_DENIED);
	EXPECT_RC(store_product_add(st, who[VISITOR], g1, &p, &id, &error_), STORE_DENIED);
	EXPECT_RC(store_product_add(st, who[ANN], 9999, &p, &id, &error_), STORE_NOT_FOUND);
}
END_TEST

START_TEST(test_bad_input)
{
	struct product_in p = mk("", "guide", "draft", D(0, 0, 0));
	char long_title[260];
	int64_t id;

	EXPECT_RC(store_product_add(st, who[ANN], g1, &p, &id, &error_), STORE_INVALID);
	memset(long_title, 'x', sizeof long_title - 1);
	long_title[sizeof long_title - 1] = '\0';
	p.title = long_title;
	EXPECT_RC(store_product_add(st, who[ANN], g1, &p, &id, &error_), STORE_INVALID);
	p.title = "Goed";
	p.kind = "poster";
	EXPECT_RC(store_product_add(st, who[ANN], g1, &p, &id, &error_), STORE_INVALID);
	p.kind = NULL;
	EXPECT_RC(store_product_add(st, who[ANN], g1, &p, &id, &error_), STORE_INVALID);
	p.kind = "guide";
	p.status = "secret";
	EXPECT_RC(store_product_add(st, who[ANN], g1, &p, &id, &error_), STORE_INVALID);
	p.status = "published";
	p.published_on = D(2026, 12, 1);	/* after today */
	EXPECT_RC(store_product_add(st, who[ANN], g1, &p, &id, &error_), STORE_INVALID);
	p.published_on = D(2026, 11, 1);
	p.link = "a\nb";
	EXPECT_RC(store_product_add(st, who[ANN], g1, &p, &id, &error_), STORE_INVALID);
}
END_TEST

START_TEST(test_edit_and_publish)
{
	int64_t id = add(BOB, g1, "Lessenserie breuken", "lessons", "draft", D(0, 0, 0));
	struct product_in p;
	struct product_detail d;

	ck_assert_int_eq(store_product_get(st, who[BOB], id, &d, NULL), 1);
	ck_assert_str_eq(d.status, "draft");
	ck_assert_ptr_null(d.published_on);
	ck_assert_str_eq(d.added_by, "Bob");
	ck_assert_str_eq(d.added_on, "2026-11-23");
	ck_assert_str_eq(d.theme, "Formatief evalueren");
	ck_assert(d.may_edit);
	ck_assert_int_eq(d.version, 1);
	p = mk("Lessenserie breuken en kommagetallen", "lessons", "draft", D(0, 0, 0));
	EXPECT_RC(store_product_update(st, who[COR], id, 1, &p, &error_), STORE_DENIED);
	EXPECT_RC(store_product_update(st, who[FAY], id, 1, &p, &error_), STORE_DENIED);
	EXPECT_OK(store_product_update(st, who[ANN], id, 1, &p, &error_));
	/* Bob still holds version 1 */
	EXPECT_RC(store_product_update(st, who[BOB], id, 1, &p, &error_), STORE_CONFLICT);
	EXPECT_RC(store_product_set_status(st, who[BOB], id, 1, "published", &error_),
	    STORE_CONFLICT);
	EXPECT_RC(store_product_set_status(st, who[FAY], id, 2, "published", &error_),
	    STORE_DENIED);
	EXPECT_RC(store_product_set_status(st, who[BOB], id, 2, "gone", &error_), STORE_INVALID);
	EXPECT_OK(store_product_set_status(st, who[BOB], id, 2, "published", &error_));
	store_product_detail_clear(&d);
	ck_assert_int_eq(store_product_get(st, who[FAY], id, &d, NULL), 1);
	ck_assert_str_eq(d.status, "published");
	ck_assert_str_eq(d.published_on, "2026-11-23");	/* today */
	ck_assert_str_eq(d.title, "Lessenserie breuken en kommagetallen");
	ck_assert(!d.may_edit);
	ck_assert_int_eq(d.version, 3);
	store_product_detail_clear(&d);
	/* back to a draft: no date; a published edit keeps a date given */
	EXPECT_OK(store_product_set_status(st, who[ZOE], id, 3, "draft", &error_));
	ck_assert_int_eq(store_product_get(st, who[FAY], id, &d, NULL), 0);
	p = mk("Lessenserie", "lessons", "published", D(2026, 10, 5));
	EXPECT_OK(store_product_update(st, who[ANN], id, 4, &p, &error_));
	ck_assert_int_eq(store_product_get(st, who[COR], id, &d, NULL), 1);
	ck_assert_str_eq(d.published_on, "2026-10-05");
	store_product_detail_clear(&d);
	EXPECT_RC(store_product_update(st, who[ANN], 9999, 1, &p, &error_), STORE_NOT_FOUND);
}
END_TEST

START_TEST(test_drafts_hidden)
{
	int total = -1;
	struct got g;
	int64_t draft;

	add(ANN, g1, "Gepubliceerd", "guide", "published", D(2026, 10, 1));
	draft = add(ANN, g1, "Concept", "guide", "draft", D(0, 0, 0));
	g = of_group(BOB, g1, &total);
	ck_assert_str_eq(g.text, "Concept|Gepubliceerd");
	ck_assert_int_eq(total, 2);
	g = of_group(ZOE, g1, &total);
	ck_assert_int_eq(total, 2);
	g = of_group(FAY, g1, &total);		/* a follower */
	ck_assert_str_eq(g.text, "Gepubliceerd");
	ck_assert_int_eq(total, 1);
	g = of_group(DAN, g1, &total);		/* another group's lead */
	ck_assert_str_eq(g.text, "Gepubliceerd");
	ck_assert_int_eq(total, 1);
	g = page(ZOE, NULL);			/* the network's list: published only */
	ck_assert_str_eq(g.text, "Gepubliceerd");
	EXPECT_RC(store_group_products(st, who[VISITOR], g1, 0, got_row, &g, NULL, &error_),
	    STORE_DENIED);
	EXPECT_RC(store_products_page(st, who[VISITOR], NULL, NULL, false, true, 10, got_row, &g,
	    &error_), STORE_DENIED);
	{
		struct product_detail d;

		ck_assert_int_eq(store_product_get(st, who[DAN], draft, &d, NULL), 0);
		ck_assert_int_eq(store_product_get(st, who[BOB], draft, &d, NULL), 1);
		store_product_detail_clear(&d);
	}
}
END_TEST

START_TEST(test_search)
{
	struct product_filter f;
	struct got g;

	add(ANN, g1, "Handreiking formatief évalueren", "guide", "published", D(2026, 10, 1));
	add(DAN, g2, "Onderzoeksrapport rekenbeleid", "research", "published", D(2026, 9, 15));
	add(DAN, g2, "Rekenles in groep 7", "lessons", "draft", D(0, 0, 0));
	memset(&f, 0, sizeof f);
	f.search = "form";
	g = page(BOB, &f);
	ck_assert_str_eq(g.text, "Handreiking formatief évalueren");
	f.search = "evalu";		/* the diacritic folded away */
	g = page(BOB, &f);
	ck_assert_str_eq(g.text, "Handreiking formatief évalueren");
	f.search = "HAND forma";	/* every word a prefix, any case */
	g = page(BOB, &f);
	ck_assert_int_eq(g.n, 1);
	f.search = "hand reken";
	g = page(BOB, &f);
	ck_assert_int_eq(g.n, 0);
	f.search = "reken";		/* the draft stays out */
	g = page(BOB, &f);
	ck_assert_str_eq(g.text, "Onderzoeksrapport rekenbeleid");
	f.search = "ormatief";		/* not a prefix of a word */
	g = page(BOB, &f);
	ck_assert_int_eq(g.n, 0);
	f.search = "korte";		/* the description */
	g = page(BOB, &f);
	ck_assert_int_eq(g.n, 2);
	f.search = "\"*) OR (";		/* FTS syntax is typed text, not a query */
	g = page(BOB, &f);
	ck_assert_int_eq(g.n, 0);
	f.search = "   ";
	g = page(BOB, &f);
	ck_assert_int_eq(g.n, 2);
}
END_TEST

START_TEST(test_filters)
{
	struct product_filter f;
	struct got g;

	add(ANN, g1, "Oud", "guide", "published", D(2026, 7, 31));	/* school year 2025 */
	add(ANN, g1, "Nieuw", "research", "published", D(2026, 8, 1));	/* 2026 */
	add(DAN, g2, "Ander", "guide", "published", D(2026, 11, 2));
	memset(&f, 0, sizeof f);
	g = page(COR, &f);
	ck_assert_str_eq(g.text, "Ander|Nieuw|Oud");	/* newest first */
	f.kind = "guide";
	g = page(COR, &f);
	ck_assert_str_eq(g.text, "Ander|Oud");
	f.kind = NULL;
	f.school_year = 2025;
	g = page(COR, &f);
	ck_assert_str_eq(g.text, "Oud");
	f.school_year = 2026;
	g = page(COR, &f);
	ck_assert_str_eq(g.text, "Ander|Nieuw");
	f.school_year = 0;
	f.theme_id = theme1;
	g = page(COR, &f);
	ck_assert_str_eq(g.text, "Nieuw|Oud");
	f.kind = "research";
	g = page(COR, &f);
	ck_assert_str_eq(g.text, "Nieuw");
}
END_TEST

START_TEST(test_keyset_pages)
{
	struct product_anchor a;
	struct got g, all, back;
	char title[32];
	int i, seen = 0;

	/* 25 products, several on the same day, more than two pages of 10 */
	for (i = 0; i < 25; i++) {
		snprintf(title, sizeof title, "Product %02d", i);
		add(ANN, g1, title, "other", "published", D(2026, 9, 1 + i / 3));
	}
	memset(&all, 0, sizeof all);
	EXPECT_OK(store_products_page(st, who[BOB], NULL, NULL, false, true, 100, got_row, &all,
	    &error_));
	ck_assert_int_eq(all.n, 25);
	ck_assert(strncmp(all.text, "Product 24|Product 23|Product 22|Product 21", 43) == 0);
	memset(&g, 0, sizeof g);
	EXPECT_OK(store_products_page(st, who[BOB], NULL, NULL, false, true, 10, got_row, &g,
	    &error_));
	seen += g.n;
	ck_assert_int_eq(g.n, 10);
	while (g.n > 0) {
		struct got next;

		memset(&next, 0, sizeof next);
		a.published_on = g.last_on;
		a.id = g.last_id;
		EXPECT_OK(store_products_page(st, who[BOB], NULL, &a, false, true, 10, got_row,
		    &next, &error_));
		seen += next.n;
		if (next.n > 0)
			ck_assert(strstr(all.text, next.text) != NULL);	/* in order, no gap */
		g = next;
	}
	ck_assert_int_eq(seen, 25);
	/* backwards from the oldest: the newest-first order of the last three */
	memset(&back, 0, sizeof back);
	EXPECT_OK(store_products_page(st, who[BOB], NULL, NULL, false, false, 3, got_row, &back,
	    &error_));
	ck_assert_str_eq(back.text, "Product 02|Product 01|Product 00");
	/* the rows before an anchor, and the anchor itself with inclusive */
	a.published_on = "2026-09-01";
	a.id = back.last_id;	/* Product 00 */
	memset(&back, 0, sizeof back);
	EXPECT_OK(store_products_page(st, who[BOB], NULL, &a, false, false, 2, got_row, &back,
	    &error_));
	ck_assert_str_eq(back.text, "Product 02|Product 01");
	memset(&back, 0, sizeof back);
	EXPECT_OK(store_products_page(st, who[BOB], NULL, &a, true, true, 2, got_row, &back,
	    &error_));
	ck_assert_str_eq(back.text, "Product 00");
}
END_TEST

START_TEST(test_lookup)
{
	int64_t a = add(ANN, g1, "Handreiking formatief evalueren", "guide", "published",
	    D(2026, 10, 1));
	int64_t b = add(ANN, g1, "Handreiking feedback", "guide", "draft", D(0, 0, 0));
	int64_t id;

	EXPECT_RC(store_product_lookup(st, who[ZOE], g1, "handreiking formatief evalueren", &id,
	    &error_), 1);
	ck_assert_int_eq(id, a);
	EXPECT_RC(store_product_lookup(st, who[ZOE], g1, "Handreiking f", &id, &error_), 0);
	EXPECT_RC(store_product_lookup(st, who[ZOE], g1, "Handreiking fe", &id, &error_), 1);
	ck_assert_int_eq(id, b);
	/* the draft does not exist for someone outside the group */
	EXPECT_RC(store_product_lookup(st, who[DAN], g1, "Handreiking f", &id, &error_), 1);
	ck_assert_int_eq(id, a);
	EXPECT_RC(store_product_lookup(st, who[ZOE], g1, "100%", &id, &error_), 0);
	EXPECT_RC(store_product_lookup(st, who[ZOE], g2, "Handreiking", &id, &error_), 0);
}
END_TEST

/* ---- the programme ---- */

struct slots {
	int n;
	char text[1024];	/* "HH:MM-HH:MM room group [product] (leads)", "|"-separated */
	int64_t ids[8];
	int versions[8];
};

static int
slot_row(const struct slot_row *r, void *arg)
{
	struct slots *s = arg;
	size_t len = strlen(s->text);

	snprintf(s->text + len, sizeof s->text - len, "%s%.5s-%.5s %s %s [%s] (%s)",
	    len > 0 ? "|" : "", r->starts_at + 11, r->ends_at + 11, r->room != NULL ? r->room : "-",
	    r->group_name, r->product_title != NULL ? r->product_title : "",
	    r->leads != NULL ? r->leads : "");
	if (s->n < 8) {
		s->ids[s->n] = r->id;
		s->versions[s->n] = r->version;
	}
	s->n++;
	return 0;
}

static struct slots
programme(int person)
{
	struct slots s;

	memset(&s, 0, sizeof s);
	EXPECT_OK(store_programme_each(st, who[person], day_id, slot_row, &s, &error_));
	return s;
}

START_TEST(test_programme)
{
	int64_t product = add(ANN, g1, "Handreiking", "guide", "published", D(2026, 10, 1));
	int64_t draft = add(ANN, g1, "Concept", "guide", "draft", D(0, 0, 0));
	int64_t other = add(DAN, g2, "Rekenen", "research", "published", D(2026, 10, 1));
	struct slot_in in = { g1, product, HM(13, 30), HM(14, 0), "Zaal 1" };
	struct slots s;
	int64_t id1, id2, id;

	EXPECT_RC(store_slot_add(st, who[ANN], day_id, &in, &id, &error_), STORE_DENIED);
	EXPECT_RC(store_slot_add(st, who[VISITOR], day_id, &in, &id, &error_), STORE_DENIED);
	EXPECT_RC(store_slot_add(st, who[ZOE], group_meeting_id, &in, &id, &error_),
	    STORE_INVALID);	/* a group's meeting has no programme */
	EXPECT_RC(store_slot_add(st, who[ZOE], 9999, &in, &id, &error_), STORE_NOT_FOUND);
	in.start_min = HM(12, 30);	/* before the meeting */
	EXPECT_RC(store_slot_add(st, who[ZOE], day_id, &in, &id, &error_), STORE_INVALID);
	in.start_min = HM(16, 30);
	in.end_min = HM(17, 30);	/* after it */
	EXPECT_RC(store_slot_add(st, who[ZOE], day_id, &in, &id, &error_), STORE_INVALID);
	in.end_min = HM(16, 30);	/* empty */
	EXPECT_RC(store_slot_add(st, who[ZOE], day_id, &in, &id, &error_), STORE_INVALID);
	in.start_min = HM(13, 30);
	in.end_min = HM(14, 0);
	in.product_id = draft;
	EXPECT_RC(store_slot_add(st, who[ZOE], day_id, &in, &id, &error_), STORE_INVALID);
	in.product_id = other;		/* another group's product */
	EXPECT_RC(store_slot_add(st, who[ZOE], day_id, &in, &id, &error_), STORE_INVALID);
	in.product_id = product;
	in.group_id = g3;		/* forming */
	EXPECT_RC(store_slot_add(st, who[ZOE], day_id, &in, &id, &error_), STORE_INVALID);
	in.group_id = g1;
	EXPECT_OK(store_slot_add(st, who[ZOE], day_id, &in, &id1, &error_));
	/* the same group again, even elsewhere */
	in.room = "Zaal 2";
	in.start_min = HM(15, 0);
	in.end_min = HM(15, 30);
	EXPECT_RC(store_slot_add(st, who[ZOE], day_id, &in, &id, &error_), STORE_INVALID);
	/* another group in the same room at an overlapping time, case ignored */
	in.group_id = g2;
	in.product_id = other;
	in.room = "zaal 1";
	in.start_min = HM(13, 45);
	in.end_min = HM(14, 15);
	EXPECT_RC(store_slot_add(st, who[ZOE], day_id, &in, &id, &error_), STORE_INVALID);
	/* right after it is fine, and so is the same time in another room */
	in.start_min = HM(14, 0);
	in.end_min = HM(14, 30);
	EXPECT_OK(store_slot_add(st, who[ZOE], day_id, &in, &id2, &error_));
	s = programme(FAY);
	ck_assert_int_eq(s.n, 2);
	ck_assert_str_eq(s.text, "13:30-14:00 Zaal 1 PLG Rust [Handreiking] (Ann)|"
	    "14:00-14:30 zaal 1 Werkgroep Rekenen [Rekenen] (Dan)");
	/* change: move g2 into g1's time in the other room; a stale version is refused */
	in.room = "Zaal 2";
	in.start_min = HM(13, 30);
	in.end_min = HM(14, 0);
	EXPECT_RC(store_slot_update(st, who[DAN], id2, s.versions[1], &in, &error_), STORE_DENIED);
	EXPECT_OK(store_slot_update(st, who[ZOE], id2, s.versions[1], &in, &error_));
	EXPECT_RC(store_slot_update(st, who[ZOE], id2, s.versions[1], &in, &error_),
	    STORE_CONFLICT);
	in.group_id = g1;	/* g1 has a slot already */
	EXPECT_RC(store_slot_update(st, who[ZOE], id2, s.versions[1] + 1, &in, &error_),
	    STORE_INVALID);
	s = programme(BOB);
	ck_assert_str_eq(s.text, "13:30-14:00 Zaal 1 PLG Rust [Handreiking] (Ann)|"
	    "13:30-14:00 Zaal 2 Werkgroep Rekenen [Rekenen] (Dan)");
	/* a product taken back to draft leaves the public programme */
	{
		struct product_detail d;

		ck_assert_int_eq(store_product_get(st, who[ANN], product, &d, NULL), 1);
		EXPECT_OK(store_product_set_status(st, who[ANN], product, d.version, "draft",
		    &error_));
		store_product_detail_clear(&d);
	}
	s = programme(BOB);
	ck_assert(strstr(s.text, "PLG Rust [] (Ann)") != NULL);
	/* remove */
	EXPECT_RC(store_slot_remove(st, who[ANN], id1, s.versions[0], &error_), STORE_DENIED);
	EXPECT_RC(store_slot_remove(st, who[ZOE], id1, s.versions[0] + 5, &error_),
	    STORE_CONFLICT);
	EXPECT_OK(store_slot_remove(st, who[ZOE], id1, s.versions[0], &error_));
	EXPECT_RC(store_slot_remove(st, who[ZOE], id1, s.versions[0], &error_), STORE_NOT_FOUND);
	s = programme(BOB);
	ck_assert_int_eq(s.n, 1);
	EXPECT_RC(store_programme_each(st, who[VISITOR], day_id, slot_row, &s, &error_),
	    STORE_DENIED);
}
END_TEST

START_TEST(test_cancelled_meeting)
{
	struct slot_in in = { g1, 0, HM(13, 30), HM(14, 0), NULL };
	int64_t id;

	EXPECT_OK(store_meeting_set_status(st, who[ZOE], day_id, 1, "cancelled", false, &error_));
	EXPECT_RC(store_slot_add(st, who[ZOE], day_id, &in, &id, &error_), STORE_INVALID);
}
END_TEST

START_TEST(test_read_only)
{
	struct product_in p = mk("Handreiking", "guide", "draft", D(0, 0, 0));
	struct slot_in in = { g1, 0, HM(13, 30), HM(14, 0), NULL };
	struct store *ro = fixture_read_only(&fx);
	int64_t id;

	EXPECT_RC(store_product_add(ro, who[ANN], g1, &p, &id, &error_), STORE_ERROR);
	EXPECT_RC(store_slot_add(ro, who[ZOE], day_id, &in, &id, &error_), STORE_ERROR);
	store_close(ro);
}
END_TEST

/* The log's rows as "action summary", "|"-separated, newest first. */
struct audit_got {
	char text[1024];
};

static int
audit_row(const struct audit_row *r, void *arg)
{
	struct audit_got *a = arg;
	size_t len = strlen(a->text);

	snprintf(a->text + len, sizeof a->text - len, "%s%s %s", len ? "|" : "", r->action,
	    r->summary != NULL ? r->summary : "-");
	return 0;
}

START_TEST(test_audited)
{
	struct audit_filter f;
	struct audit_got a;
	struct slot_in in = { g1, 0, HM(13, 30), HM(14, 0), "Aula" };
	char *name = NULL, *at = NULL, *error = NULL;
	int64_t id = add(BOB, g1, "Handreiking", "guide", "draft", D(0, 0, 0)), slot;

	ck_assert_int_eq(store_last_change(st, "product", id, &name, &at, &error), 1);
	ck_assert_str_eq(name, "Bob");
	free(name);
	free(at);
	EXPECT_OK(store_slot_add(st, who[ZOE], day_id, &in, &slot, &error_));
	ck_assert_int_eq(store_last_change(st, "programme_slot", slot, &name, &at, &error), 1);
	ck_assert_str_eq(name, "Zoë");
	free(name);
	free(at);
	/* removing a slot names the group in the log, as adding it does */
	EXPECT_OK(store_slot_remove(st, who[ZOE], slot, 1, &error_));
	memset(&a, 0, sizeof a);
	memset(&f, 0, sizeof f);
	f.entity = "programme_slot";
	EXPECT_OK(store_audit_page(st, who[ZOE], &f, NULL, false, true, 10, audit_row, &a,
	    &error_));
	ck_assert_str_eq(a.text, "delete PLG Rust → Kennisdeeldag 13:30|"
	    "insert PLG Rust → Kennisdeeldag 13:30");
}
END_TEST

/* A member who left the group registers and changes its products no more. */
START_TEST(test_former_member)
{
	struct product_in p = mk("Handreiking", "guide", "draft", D(0, 0, 0));
	struct product_detail d;
	int64_t id = add(BOB, g1, "Van Bob", "guide", "draft", D(0, 0, 0));

	EXPECT_OK(store_roster_end(st, who[ZOE], fixture_open_membership(&fx, BOB, g1),
	    &D(2026, 11, 22), &error_));
	EXPECT_RC(store_product_add(st, who[BOB], g1, &p, NULL, &error_), STORE_DENIED);
	EXPECT_RC(store_product_update(st, who[BOB], id, 1, &p, &error_), STORE_DENIED);
	EXPECT_RC(store_product_set_status(st, who[BOB], id, 1, "published", &error_),
	    STORE_DENIED);
	ck_assert_int_eq(store_product_get(st, who[ANN], id, &d, NULL), 1);
	ck_assert_int_eq(d.version, 1);
	ck_assert_str_eq(d.status, "draft");
	store_product_detail_clear(&d);
	/* a refusal leaves no transaction open: the lead's change goes through */
	EXPECT_OK(store_product_set_status(st, who[ANN], id, 1, "published", &error_));
	EXPECT_RC(store_product_set_status(st, who[ANN], id, 1, "draft", &error_),
	    STORE_CONFLICT);
	EXPECT_OK(store_product_update(st, who[ANN], id, 2, &p, &error_));
}
END_TEST

START_TEST(test_no_full_scans)
{
	static const char *const large[] = {
		"product", "programme_slot", "grp", "membership", "meeting", "person", "theme", NULL
	};

	fixture_expect_no_full_scans(&fx, large);
}
END_TEST

START_TEST(test_kind_labels)
{
	ck_assert_str_eq(store_product_kind_label("lessons"), "lesson series");
	ck_assert_str_eq(store_product_kind_label("research"), "research report");
	ck_assert_str_eq(store_product_kind_label("nonsense"), "nonsense");
	ck_assert_str_eq(store_product_kind_label(NULL), "");
	ck_assert_str_eq(store_product_kinds[0], "guide");
}
END_TEST

Suite *
suite_products(void)
{
	Suite *s = suite_create("products");
	TCase *tc = tcase_create("products");

	tcase_add_checked_fixture(tc, products_setup, products_teardown);
	tcase_add_test(tc, test_who_may_add);
	tcase_add_test(tc, test_bad_input);
	tcase_add_test(tc, test_edit_and_publish);
	tcase_add_test(tc, test_drafts_hidden);
	tcase_add_test(tc, test_search);
	tcase_add_test(tc, test_filters);
	tcase_add_test(tc, test_keyset_pages);
	tcase_add_test(tc, test_lookup);
	tcase_add_test(tc, test_kind_labels);
	suite_add_tcase(s, tc);
	tc = tcase_create("programme");
	tcase_add_checked_fixture(tc, products_setup, products_teardown);
	tcase_add_test(tc, test_programme);
	tcase_add_test(tc, test_cancelled_meeting);
	tcase_add_test(tc, test_read_only);
	tcase_add_test(tc, test_audited);
	tcase_add_test(tc, test_former_member);
	tcase_add_test(tc, test_no_full_scans);
	suite_add_tcase(s, tc);
	return s;
}

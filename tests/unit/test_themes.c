/* test_themes.c — formation rules, access, the catalogue and group store calls. */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/rules.h"
#include "core/xmalloc.h"
#include "store/store.h"
#include "suites.h"

static char *tmp;
static struct store *st;
static struct actor *coord, *ann, *bob, *visitor;
static int64_t people[6];

/* A fresh database with a coordinator and five people. */
static void
themes_setup(void)
{
	static const char *const names[] = { "Zoë", "Ann", "Bob", "Cor", "Dirk", "Eva" };
	static const char *const logins[] = { "zoe", "ann", "bob", "cor", "dirk", "eva" };
	char *path, *error = NULL;
	int i;

	tmp = test_tmpdir();
	path = xasprintf("%s/t.db", tmp);
	ck_assert_int_eq(store_open(path, STORE_OPEN_CREATE, &st, &error), STORE_OK);
	free(path);
	coord = actor_new(0, "setup", "setup", true);
	for (i = 0; i < 6; i++) {
		struct person_new p = { names[i], NULL, 0, "teacher", logins[i], i == 0 };

		ck_assert_int_eq(store_person_insert(st, coord, &p, &people[i], &error), 0);
	}
	actor_free(coord);
	ck_assert_int_eq(store_actor_by_login(st, "zoe", &coord, &error), 1);
	ck_assert_int_eq(store_actor_by_login(st, "ann", &ann, &error), 1);
	ck_assert_int_eq(store_actor_by_login(st, "bob", &bob, &error), 1);
	visitor = actor_new(0, "nobody", "nobody", false);
}

static void
themes_teardown(void)
{
	actor_free(coord);
	actor_free(ann);
	actor_free(bob);
	actor_free(visitor);
	store_close(st);
	test_tmpdir_remove(tmp);
}

static int64_t
propose(const struct actor *who, const char *title, const char *type)
{
	struct theme_new t = { title, "Beschrijving", who->person_id, { 2026, 9, 1 }, type,
		"exploring", "proposed" };
	char *error = NULL;
	int64_t id = 0;

	ck_assert_msg(store_theme_insert(st, who, &t, &id, &error) == 0, "%s", error);
	return id;
}

START_TEST(test_rules_duration_and_proposal)
{
	struct rules_group_plan p = { { 2026, 9, 1 }, { 2027, 6, 30 }, 6, 24, false, NULL,
		1, 5, 4 };
	const char *error, *warning;
	int months = 0;

	ck_assert_int_eq(rules_group_check(&p, &error, &warning, &months), 0);
	ck_assert_ptr_null(warning);
	p.min_months = 12;	/* a research group runs at least a year */
	ck_assert_int_eq(rules_group_check(&p, &error, &warning, &months), -1);
	ck_assert_int_eq(months, 12);
	ck_assert_str_eq(error, "a group of this type runs at least %d months");
	p.planned_end = (struct date){ 2027, 9, 1 };
	ck_assert_int_eq(rules_group_check(&p, &error, &warning, &months), 0);
	p.max_months = 10;
	ck_assert_int_eq(rules_group_check(&p, &error, &warning, &months), -1);
	ck_assert_int_eq(months, 10);
	p.max_months = 24;
	p.needs_proposal = true;
	ck_assert_int_eq(rules_group_check(&p, &error, &warning, &months), -1);
	ck_assert_ptr_nonnull(strstr(error, "proposal"));
	p.proposal_ref = "PV-2026-3";
	p.members = 2;
	ck_assert_int_eq(rules_group_check(&p, &error, &warning, &months), 0);
	ck_assert_ptr_nonnull(warning);
	ck_assert_int_eq(months, 4);
	p.leads = 0;
	ck_assert_int_eq(rules_group_check(&p, &error, &warning, &months), -1);
	p.leads = 1;
	p.planned_end = p.start;
	ck_assert_int_eq(rules_group_check(&p, &error, &warning, &months), -1);
}
END_TEST

START_TEST(test_rules_transitions_and_ready)
{
	ck_assert(rules_group_transition("forming", "active"));
	ck_assert(rules_group_transition("active", "closed"));
	ck_assert(!rules_group_transition("closed", "forming"));
	ck_assert(!rules_group_transition("active", "forming"));
	ck_assert(!rules_group_transition(NULL, "active"));
	ck_assert(rules_theme_transition("gathering", "archived"));
	ck_assert(rules_theme_transition("archived", "gathering"));
	ck_assert(!rules_theme_transition("archived", "formed"));
	ck_assert(rules_theme_ready(4, 4));
	ck_assert(!rules_theme_ready(3, 4));
	ck_assert(!rules_theme_ready(5, 0));
}
END_TEST

/* Every role against every action: the whole permission table. */
START_TEST(test_access_matrix)
{
	/* roles: visitor, staff, member, lead, proposer, coordinator */
	static const char *const expect[ACCESS__COUNT] = {
		[ACCESS_THEME_PROPOSE] = "011111",
		[ACCESS_THEME_EDIT] = "000011",
		[ACCESS_THEME_ARCHIVE] = "000001",
		[ACCESS_INTEREST_SELF] = "011111",
		[ACCESS_INTEREST_OTHERS] = "000001",
		[ACCESS_GROUP_FORM] = "000001",
		[ACCESS_GROUP_EDIT] = "000101",
		[ACCESS_GROUP_STATUS] = "000001",
		[ACCESS_ROSTER_EDIT] = "000101",
		[ACCESS_MEETING_PLAN] = "000101",
		[ACCESS_ATTENDANCE_TAKE] = "000101",
		[ACCESS_NOTE_WRITE] = "001000",
		[ACCESS_NOTE_READ] = "001000",
		[ACCESS_EXPORT_GROUP] = "000101",
		[ACCESS_AUDIT_VIEW] = "000001",
		[ACCESS_PEOPLE_VIEW] = "011111",
		[ACCESS_PERSON_ADD] = "000001",
		[ACCESS_PERSON_EDIT] = "000011",
		[ACCESS_PERSON_REMOVE] = "000001",
		[ACCESS_ORG_EDIT] = "000001",
		[ACCESS_PEOPLE_IMPORT] = "000001",
		[ACCESS_ROSTER_EXPORT] = "001101",
		[ACCESS_HOURS_VIEW] = "000111",
		[ACCESS_UPDATE_POST] = "001101",
		[ACCESS_GROUP_FOLLOW] = "011111",
		[ACCESS_PRODUCT_EDIT] = "001101",
		[ACCESS_BUDGET_REQUEST] = "000101",
		[ACCESS_BUDGET_DECIDE] = "000001",
		[ACCESS_SCAN_FILL] = "001101",
		[ACCESS_OVERVIEW] = "000001",
		[ACCESS_PROGRAMME_EDIT] = "000001",
	};
	struct actor *v = actor_new(0, "v", "v", false), *staff = actor_new(5, "s", "s", false);
	struct actor *c = actor_new(6, "c", "c", true);
	const struct actor *who[6] = { v, staff, staff, staff, staff, c };
	struct access_ctx ctx[6] = {
		{ .owner_id = 99 }, { .owner_id = 99 }, { .owner_id = 99, .was_member = true },
		{ .owner_id = 99, .is_lead = true }, { .owner_id = 5 }, { .owner_id = 99 },
	};
	int a, r;

	for (a = 0; a < ACCESS__COUNT; a++) {
		ck_assert_msg(expect[a] != NULL, "action %d has no expectation", a);
		for (r = 0; r < 6; r++) {
			bool want = expect[a][r] == '1';

			ck_assert_msg(access_allows(who[r], (enum access_action)a, &ctx[r]) == want,
			    "action %d role %d: wanted %d", a, r, want);
		}
		ck_assert_ptr_nonnull(access_reason((enum access_action)a));
	}
	/* a coordinator does not read notes by being a coordinator */
	ck_assert(!access_allows(c, ACCESS_NOTE_READ, &ctx[5]));
	actor_free(v);
	actor_free(staff);
	actor_free(c);
}
END_TEST

START_TEST(test_access_table)
{
	struct access_ctx own = { .owner_id = 0 }, lead = { .is_lead = true };

	own.owner_id = ann->person_id;
	ck_assert(access_allows(ann, ACCESS_THEME_PROPOSE, NULL));
	ck_assert(!access_allows(visitor, ACCESS_THEME_PROPOSE, NULL));
	ck_assert(access_allows(ann, ACCESS_THEME_EDIT, &own));
	ck_assert(!access_allows(bob, ACCESS_THEME_EDIT, &own));
	ck_assert(access_allows(coord, ACCESS_THEME_EDIT, &own));
	ck_assert(!access_allows(ann, ACCESS_THEME_ARCHIVE, &own));
	ck_assert(!access_allows(ann, ACCESS_GROUP_FORM, NULL));
	ck_assert(access_allows(coord, ACCESS_GROUP_FORM, NULL));
	ck_assert(access_allows(bob, ACCESS_GROUP_EDIT, &lead));
	ck_assert(!access_allows(bob, ACCESS_GROUP_STATUS, &lead));
	ck_assert(!access_allows(NULL, ACCESS_THEME_PROPOSE, NULL));
	ck_assert_ptr_nonnull(access_reason(ACCESS_GROUP_FORM));
}
END_TEST

struct collect {
	char titles[16][64];
	struct theme_anchor anchors[16];
	int n;
};

static int
collect_theme(const struct theme_row *r, void *arg)
{
	struct collect *c = arg;

	snprintf(c->titles[c->n], sizeof c->titles[0], "%s", r->title);
	c->anchors[c->n].sort_key = r->sort_key;
	c->anchors[c->n].title = c->titles[c->n];
	c->anchors[c->n].id = r->id;
	c->n++;
	return 0;
}

START_TEST(test_catalogue_pages_and_search)
{
	struct theme_filter f = { NULL, NULL, THEME_SORT_TITLE };
	struct collect a, b;
	char *error = NULL;

	propose(ann, "Rekenen", "plg");
	propose(ann, "Burgerschap", "plg");
	propose(bob, "Ĳsselcursus", "plg");
	propose(bob, "Zoë's leesclub", "plg");
	propose(ann, "Cultuur", "plg");
	memset(&a, 0, sizeof a);
	ck_assert_int_eq(store_themes_page(st, ann, &f, NULL, false, true, 3, collect_theme, &a,
	    &error), 0);
	ck_assert_int_eq(a.n, 3);
	ck_assert_str_eq(a.titles[0], "Burgerschap");
	ck_assert_str_eq(a.titles[2], "Rekenen");
	/* the next page starts after the last row of the first */
	memset(&b, 0, sizeof b);
	ck_assert_int_eq(store_themes_page(st, ann, &f, &a.anchors[2], false, true, 3,
	    collect_theme, &b, &error), 0);
	ck_assert_int_eq(b.n, 2);
	ck_assert_str_eq(b.titles[0], "Zoë's leesclub");
	/* backward from the end, delivered in display order */
	memset(&b, 0, sizeof b);
	ck_assert_int_eq(store_themes_page(st, ann, &f, NULL, false, false, 2, collect_theme, &b,
	    &error), 0);
	ck_assert_int_eq(b.n, 2);
	ck_assert_str_eq(b.titles[1], "Ĳsselcursus");
	/* inclusive anchor */
	memset(&b, 0, sizeof b);
	ck_assert_int_eq(store_themes_page(st, ann, &f, &a.anchors[1], true, true, 1,
	    collect_theme, &b, &error), 0);
	ck_assert_str_eq(b.titles[0], a.titles[1]);
	/* search: prefix, diacritics folded */
	f.search = "zoe lees";
	memset(&b, 0, sizeof b);
	ck_assert_int_eq(store_themes_page(st, ann, &f, NULL, false, true, 10, collect_theme, &b,
	    &error), 0);
	ck_assert_int_eq(b.n, 1);
	ck_assert_str_eq(b.titles[0], "Zoë's leesclub");
	f.search = "\"";	/* quotes never reach FTS raw */
	memset(&b, 0, sizeof b);
	ck_assert_int_eq(store_themes_page(st, ann, &f, NULL, false, true, 10, collect_theme, &b,
	    &error), 0);
	ck_assert_int_eq(b.n, 5);
}
END_TEST

START_TEST(test_interest_rules)
{
	int64_t t = propose(ann, "Rekenen", "plg");
	struct theme_detail d;
	struct date on = { 2026, 9, 2 };
	char *error = NULL;

	ck_assert_int_eq(store_interest_insert(st, bob, t, bob->person_id, &on, true, "POP",
	    &error), 0);
	ck_assert_int_eq(store_interest_insert(st, bob, t, bob->person_id, &on, true, NULL,
	    &error), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(error, "Already registered"));
	free(error);
	error = NULL;
	/* someone else: only a coordinator */
	ck_assert_int_eq(store_interest_insert(st, bob, t, people[3], &on, false, NULL, &error),
	    STORE_DENIED);
	free(error);
	error = NULL;
	ck_assert_int_eq(store_interest_insert(st, coord, t, people[3], &on, false, NULL, &error), 0);
	ck_assert_int_eq(store_theme_get(st, ann, t, &d, &error), 1);
	ck_assert_int_eq(d.interest, 2);
	ck_assert_str_eq(d.status, "gathering");	/* the first registration opened it */
	ck_assert_int_eq(store_interest_has(st, t, bob->person_id, &error), 1);
	ck_assert_int_eq(store_interest_withdraw(st, bob, t, bob->person_id, &error), 0);
	ck_assert_int_eq(store_interest_withdraw(st, bob, t, bob->person_id, &error), STORE_INVALID);
	free(error);
	error = NULL;
	/* archive: coordinator only, and no registrations afterwards */
	ck_assert_int_eq(store_theme_set_status(st, ann, t, d.version, "archived", &error),
	    STORE_DENIED);
	free(error);
	error = NULL;
	ck_assert_int_eq(store_theme_set_status(st, coord, t, d.version, "archived", &error), 0);
	ck_assert_int_eq(store_interest_insert(st, bob, t, bob->person_id, &on, true, NULL,
	    &error), STORE_INVALID);
	free(error);
	store_theme_detail_clear(&d);
}
END_TEST

START_TEST(test_theme_edit_conflict_and_validation)
{
	int64_t t = propose(ann, "Rekenen", "plg");
	struct theme_detail d, again;
	struct theme_new bad = { "", NULL, 0, { 2026, 9, 1 }, "plg", NULL, NULL };
	char *error = NULL, long_title[300];

	ck_assert_int_eq(store_theme_get(st, ann, t, &d, &error), 1);
	ck_assert_int_eq(store_theme_get(st, ann, t, &again, &error), 1);
	free(d.title);
	d.title = xstrdup("Rekenen met begrip");
	ck_assert_int_eq(store_theme_update(st, ann, &d, &error), 0);
	/* a second editor with the old version is refused, nothing lost */
	free(again.title);
	again.title = xstrdup("Rekenen anders");
	ck_assert_int_eq(store_theme_update(st, ann, &again, &error), STORE_CONFLICT);
	ck_assert_ptr_nonnull(strstr(error, "changed"));
	free(error);
	error = NULL;
	/* another person may not edit */
	ck_assert_int_eq(store_theme_update(st, bob, &d, &error), STORE_DENIED);
	free(error);
	error = NULL;
	ck_assert_int_eq(store_theme_insert(st, ann, &bad, NULL, &error), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(error, "title"));
	free(error);
	error = NULL;
	memset(long_title, 'x', sizeof long_title - 1);
	long_title[sizeof long_title - 1] = '\0';
	bad.title = long_title;
	ck_assert_int_eq(store_theme_insert(st, ann, &bad, NULL, &error), STORE_INVALID);
	ck_assert_ptr_nonnull(strstr(error, "200"));
	free(error);
	error = NULL;
	bad.title = "tab\tin title";
	ck_assert_int_eq(store_theme_insert(st, ann, &bad, NULL, &error), STORE_INVALID);
	free(error);
	error = NULL;
	bad.title = "Visitor";
	ck_assert_int_eq(store_theme_insert(st, visitor, &bad, NULL, &error), STORE_DENIED);
	free(error);
	store_theme_detail_clear(&d);
	store_theme_detail_clear(&again);
}
END_TEST

struct glist {
	char names[8][64];
	int members[8];
	int n;
};

static int
collect_group(const struct group_list_row *r, void *arg)
{
	struct glist *g = arg;

	snprintf(g->names[g->n], sizeof g->names[0], "%s", r->name);
	g->members[g->n++] = r->members;
	return 0;
}

START_TEST(test_form_group)
{
	int64_t t = propose(ann, "Rekenen", "plg"), gid;
	struct group_new g = { "PLG Rekenen", "plg", t, "Hoe?", "exploring", { 2026, 9, 1 },
		{ 2027, 7, 1 }, "maandelijks", 40, "forming", NULL };
	int64_t leads[] = { people[1] }, members[] = { people[1], people[2], people[3] };
	struct group_filter f = { NULL, NULL, 0, false, NULL };
	struct date on = { 2026, 10, 1 };
	struct theme_detail d;
	struct group_detail gd;
	struct glist l;
	char *error = NULL;

	ck_assert_int_eq(store_group_form(st, ann, &g, leads, 1, members, 3, &gid, &error),
	    STORE_DENIED);
	free(error);
	error = NULL;
	ck_assert_int_eq(store_group_form(st, coord, &g, leads, 0, members, 3, &gid, &error),
	    STORE_INVALID);
	free(error);
	error = NULL;
	ck_assert_int_eq(store_group_form(st, coord, &g, leads, 1, members, 3, &gid, &error), 0);
	ck_assert_int_eq(store_theme_get(st, ann, t, &d, &error), 1);
	ck_assert_str_eq(d.status, "formed");
	store_theme_detail_clear(&d);
	memset(&l, 0, sizeof l);
	ck_assert_int_eq(store_groups_page(st, coord, &f, &on, NULL, 0, false, true, 10,
	    collect_group, &l, &error), 0);
	ck_assert_int_eq(l.n, 1);
	ck_assert_str_eq(l.names[0], "PLG Rekenen");
	ck_assert_int_eq(l.members[0], 3);	/* the lead once, two members */
	f.mine = true;
	memset(&l, 0, sizeof l);
	ck_assert_int_eq(store_groups_page(st, bob, &f, &on, NULL, 0, false,
	    true, 10, collect_group, &l, &error), 0);
	ck_assert_int_eq(l.n, 1);
	/* status: coordinators only, along the allowed transitions */
	ck_assert_int_eq(store_group_get(st, coord, gid, &gd, &error), 1);
	ck_assert_int_eq(store_group_set_status(st, ann, gid, gd.version, "active", &error),
	    STORE_DENIED);
	free(error);
	error = NULL;
	ck_assert_int_eq(store_group_set_status(st, coord, gid, gd.version, "closed", &error), 0);
	ck_assert_int_eq(store_group_set_status(st, coord, gid, gd.version, "active", &error),
	    STORE_CONFLICT);
	free(error);
	error = NULL;
	store_group_detail_clear(&gd);
	ck_assert_int_eq(store_group_get(st, coord, gid, &gd, &error), 1);
	ck_assert_int_eq(store_group_set_status(st, coord, gid, gd.version, "forming", &error),
	    STORE_INVALID);
	free(error);
	/* the lead may edit the overview */
	free(gd.rhythm);
	gd.rhythm = xstrdup("elke twee weken");
	error = NULL;
	ck_assert_int_eq(store_group_update(st, ann, &gd, &error), 0);
	ck_assert_int_eq(store_group_update(st, bob, &gd, &error), STORE_DENIED);
	free(error);
	store_group_detail_clear(&gd);
}
END_TEST

/* Attendance has no rowid: its audit row names the meeting and the person. */
START_TEST(test_attendance_audited_against_meeting)
{
	struct group_new g = { "PLG A", "plg", 0, NULL, NULL, { 2026, 9, 1 }, { 2027, 7, 1 },
		NULL, 40, "active", NULL };
	struct meeting_new m = { 0, NULL, { 2026, 10, 7 }, 15 * 60, 17 * 60, "School", NULL,
		"intervision", "held" };
	int64_t leads[] = { people[1] }, gid, mid;
	char *who = NULL, *at = NULL, *error = NULL;

	ck_assert_int_eq(store_group_form(st, coord, &g, leads, 1, leads, 1, &gid, &error), 0);
	m.group_id = gid;
	ck_assert_int_eq(store_meeting_insert(st, coord, &m, &mid, &error), 0);
	ck_assert_int_eq(store_last_change(st, "meeting", mid, &who, &at, &error), 1);
	free(who);
	free(at);
	ck_assert_int_eq(store_attendance_set(st, ann, mid, people[1], "present", -1, NULL, &error), 0);
	ck_assert_int_eq(store_last_change(st, "meeting", mid, &who, &at, &error), 1);
	ck_assert_str_eq(who, "Ann");
	free(who);
	free(at);
}
END_TEST

START_TEST(test_no_full_scans)
{
	static const char *const large[] = {
		"person", "organisation", "theme", "grp", "membership", "meeting", "attendance", "note",
		"note_section", "agreement", "audit", "poll_slot", "poll_answer", "update_post",
		"product", "budget_request", NULL
	};
	char *report = NULL, *error = NULL;
	int scans = store_explain_all(st, large, &report, &error);

	ck_assert_msg(scans == 0, "full scans of large tables:\n%s", report);
	free(report);
}
END_TEST

Suite *
suite_themes(void)
{
	Suite *s = suite_create("themes");
	TCase *core = tcase_create("rules");
	TCase *tc = tcase_create("store");

	tcase_add_test(core, test_rules_duration_and_proposal);
	tcase_add_test(core, test_rules_transitions_and_ready);
	tcase_add_test(core, test_access_matrix);
	suite_add_tcase(s, core);
	tcase_add_checked_fixture(tc, themes_setup, themes_teardown);
	tcase_add_test(tc, test_access_table);
	tcase_add_test(tc, test_catalogue_pages_and_search);
	tcase_add_test(tc, test_interest_rules);
	tcase_add_test(tc, test_theme_edit_conflict_and_validation);
	tcase_add_test(tc, test_form_group);
	tcase_add_test(tc, test_attendance_audited_against_meeting);
	tcase_add_test(tc, test_no_full_scans);
	suite_add_tcase(s, tc);
	return s;
}

/* test_notes.c — who reads which intervision note: the access table in core
 * (core/access.h) and the same rules through the store on a real database
 * (store_notes.c): reading, searching, the look-back, "my agreements",
 * writing, and the offline snapshot. */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/date.h"
#include "core/xmalloc.h"
#include "fixture.h"
#include "store/store.h"
#include "suites.h"

#define D(y, m, d) ((struct date){ (y), (m), (d) })
#define MAXROWS 16

/* ---- the table in core ---- */

/*
 * One relation of a reader to a note, and what core must answer: seven
 * characters "FFF|DDD|S" — can read a group, author-private and
 * contributor-private section of the final note (F), of the draft (D), and
 * may see that the session took place (S). 1 = yes, 0 = no.
 */
enum reader {
	R_MEMBER,		/* member of the group on the meeting's date */
	R_FORMER,		/* member once, but left before the date */
	R_LATER,		/* joined after the date: in the group now */
	R_FOLLOWER,		/* followed the group on the date (and now) */
	R_LEAD,			/* a lead is a member */
	R_COORD,		/* coordinator, not a member */
	R_COORD_MEMBER,		/* coordinator and member on the date */
	R_CONTRIBUTOR,		/* the session's contributor, a member on the date */
	R_AUTHOR,		/* wrote the section (and the note), a member on the date */
	R_AUTHOR_CONTRIBUTOR,	/* both */
	R_CONTRIBUTOR_LATER,	/* named contributor, yet not a member on the date */
	R_AUTHOR_GONE,		/* author, yet not a member on the date, nor now */
	R_STRANGER,		/* known person, no relation at all */
	R_VISITOR,		/* a login nobody is known by, whatever the facts claim */
	R__COUNT
};

static const struct {
	const char *name;
	bool coordinator, visitor;
	struct note_relation r;	/* draft is set per column */
	const char *expect;
} readers[R__COUNT] = {
	/*                                   member foll. now  author contr. */
	[R_MEMBER] = { "member", false, false, { true, false, true, false, false, false },
	    "100|000|1" },
	[R_FORMER] = { "former member", false, false, { false, false, false, false, false,
	    false }, "000|000|0" },
	[R_LATER] = { "later member", false, false, { false, false, true, false, false, false },
	    "000|000|1" },
	[R_FOLLOWER] = { "follower", false, false, { false, true, false, false, false, false },
	    "000|000|0" },
	[R_LEAD] = { "lead", false, false, { true, false, true, false, false, false },
	    "100|000|1" },
	[R_COORD] = { "coordinator, not a member", true, false, { false, false, false, false,
	    false, false }, "000|000|1" },
	[R_COORD_MEMBER] = { "coordinator and member", true, false, { true, false, true, false,
	    false, false }, "100|000|1" },
	[R_CONTRIBUTOR] = { "contributor", false, false, { true, false, true, false, true,
	    false }, "101|000|1" },
	[R_AUTHOR] = { "section author", false, false, { true, false, true, true, false,
	    false }, "111|111|1" },
	[R_AUTHOR_CONTRIBUTOR] = { "author and contributor", false, false, { true, false, true,
	    true, true, false }, "111|111|1" },
	[R_CONTRIBUTOR_LATER] = { "contributor, not a member on the date", false, false,
	    { false, false, true, false, true, false }, "000|000|1" },
	[R_AUTHOR_GONE] = { "author, not a member on the date", false, false, { false, false,
	    false, true, false, false }, "000|000|0" },
	[R_STRANGER] = { "stranger", false, false, { false, false, false, false, false, false },
	    "000|000|0" },
	[R_VISITOR] = { "visitor", false, true, { true, true, true, true, true, false },
	    "000|000|0" },
};

static struct actor *
reader_actor(enum reader i)
{
	if (readers[i].visitor)
		return actor_new(0, "nobody", "nobody", false);
	return actor_new(100 + i, "someone", "Someone", readers[i].coordinator);
}

/* What core answers for reader i, in the format of readers[].expect. */
static void
core_answers(enum reader i, char out[10])
{
	static const enum note_privacy privacy[3] = {
		NOTE_PRIVACY_GROUP, NOTE_PRIVACY_AUTHOR, NOTE_PRIVACY_CONTRIBUTOR
	};
	struct actor *who = reader_actor(i);
	struct note_relation r = readers[i].r;
	int p;

	for (p = 0; p < 3; p++) {
		r.draft = false;
		out[p] = access_note_section(who, privacy[p], &r) ? '1' : '0';
		r.draft = true;
		out[4 + p] = access_note_section(who, privacy[p], &r) ? '1' : '0';
	}
	out[3] = out[7] = '|';
	r.draft = false;
	out[8] = access_note_session(who, &r) ? '1' : '0';
	out[9] = '\0';
	/* a draft is as visible as a session as the final note */
	r.draft = true;
	ck_assert_msg((access_note_session(who, &r) ? '1' : '0') == out[8],
	    "%s: session visibility differs for a draft", readers[i].name);
	actor_free(who);
}

/* Every relation × privacy × draft/final, and seeing the session. */
START_TEST(test_note_access_table)
{
	char got[10];
	int i;

	for (i = 0; i < R__COUNT; i++) {
		core_answers((enum reader)i, got);
		ck_assert_msg(strcmp(got, readers[i].expect) == 0, "%s: got %s, wanted %s",
		    readers[i].name, got, readers[i].expect);
	}
}
END_TEST

START_TEST(test_note_access_edges)
{
	struct note_relation member = { true, false, true, true, true, false };
	struct actor *a = actor_new(7, "a", "A", false);
	enum note_privacy p;

	/* no reader or no facts: nothing */
	ck_assert(!access_note_section(NULL, NOTE_PRIVACY_GROUP, &member));
	ck_assert(!access_note_section(a, NOTE_PRIVACY_GROUP, NULL));
	ck_assert(!access_note_session(NULL, &member));
	ck_assert(!access_note_session(a, NULL));
	/* an unknown privacy is the strictest: its author only */
	member.is_author = false;
	ck_assert(!access_note_section(a, (enum note_privacy)42, &member));
	member.is_author = true;
	ck_assert(access_note_section(a, (enum note_privacy)42, &member));
	/* the keys */
	ck_assert(access_note_privacy_parse("group", &p));
	ck_assert_int_eq(p, NOTE_PRIVACY_GROUP);
	ck_assert(access_note_privacy_parse("author", &p));
	ck_assert_int_eq(p, NOTE_PRIVACY_AUTHOR);
	ck_assert(access_note_privacy_parse("contributor", &p));
	ck_assert_int_eq(p, NOTE_PRIVACY_CONTRIBUTOR);
	p = NOTE_PRIVACY_GROUP;
	ck_assert(!access_note_privacy_parse("public", &p));
	ck_assert(!access_note_privacy_parse(NULL, &p));
	ck_assert_int_eq(p, NOTE_PRIVACY_GROUP);
	ck_assert_str_eq(access_note_privacy_key(NOTE_PRIVACY_GROUP), "group");
	ck_assert_str_eq(access_note_privacy_key(NOTE_PRIVACY_AUTHOR), "author");
	ck_assert_str_eq(access_note_privacy_key(NOTE_PRIVACY_CONTRIBUTOR), "contributor");
	ck_assert_str_eq(access_note_privacy_key((enum note_privacy)42), "author");
	/* the permission table agrees: a note is the group's of that day */
	{
		struct access_ctx was = { 0, false, true }, was_not = { 0, true, false };
		struct actor *c = actor_new(8, "c", "C", true);

		ck_assert(access_allows(a, ACCESS_NOTE_READ, &was));
		ck_assert(!access_allows(a, ACCESS_NOTE_READ, &was_not));
		ck_assert(!access_allows(c, ACCESS_NOTE_READ, &was_not));
		ck_assert(access_allows(a, ACCESS_NOTE_WRITE, &was));
		ck_assert(!access_allows(c, ACCESS_NOTE_WRITE, NULL));
		actor_free(c);
	}
	actor_free(a);
}
END_TEST

/* ---- the same through the store ---- */

/*
 * The people, each standing for a row of the core table:
 * Zoë coordinator (no member), Ann lead, Bob member and contributor, Cor
 * member and author of the note, Dirk member until 2026-10-31 (left before
 * the meeting), Eva member from 2026-12-01 (joined after), Fay follower,
 * Gus nobody's, Han coordinator and member.
 */
enum { ZOE, ANN, BOB, COR, DIRK, EVA, FAY, GUS, HAN, VISITOR, NPEOPLE = VISITOR };

static const enum reader person_reader[NPEOPLE + 1] = {
	[ZOE] = R_COORD, [ANN] = R_LEAD, [BOB] = R_CONTRIBUTOR, [COR] = R_AUTHOR,
	[DIRK] = R_FORMER, [EVA] = R_LATER, [FAY] = R_FOLLOWER, [GUS] = R_STRANGER,
	[HAN] = R_COORD_MEMBER, [VISITOR] = R_VISITOR,
};

/* A distinct word per section, and per agreement. */
static const char *const section_word[3] = { "kwartelgroep", "xylofoonauteur",
	"zeppelininbreng" };
static const char *const agreement_word[2] = { "vuurtorenafspraak", "walvisafspraak" };

static const struct fixture_person cast[NPEOPLE] = {
	{ "Zoë", "zoe", true }, { "Ann", "ann", false }, { "Bob", "bob", false },
	{ "Cor", "cor", false }, { "Dirk", "dirk", false }, { "Eva", "eva", false },
	{ "Fay", "fay", false }, { "Gus", "gus", false }, { "Han", "han", true }
};
static struct fixture fx;			/* the store, the cast and their actors */
static struct store *st;			/* fx.st */
static struct actor **const who = fx.who;	/* who[VISITOR]: someone the store does not know */
static int64_t *const people = fx.people;	/* the cast's ids */
static int64_t group, meeting[3];
static const struct date today = { 2027, 2, 1 };

/* Check and free the message of a refused call. */
static void
expect_message(const char *call, char *error)
{
	ck_assert_msg(error != NULL && *error != '\0', "%s: no message", call);
	free(error);
}

#define EXPECT_FAIL(call, want) do { \
	char *error_ = NULL; \
	int rc_ = (call); \
	ck_assert_msg(rc_ == (want), "%s: got %d, wanted %d (%s)", #call, rc_, (want), \
	    error_ != NULL ? error_ : "no message"); \
	expect_message(#call, error_); \
} while (0)

/* Unlike fixture.h's: only the result counts, with or without a message (EXPECT_OK
 * follows it). */
#undef EXPECT_RC
#define EXPECT_RC(call, want) do { \
	char *error_ = NULL; \
	int rc_ = (call); \
	ck_assert_msg(rc_ == (want), "%s: got %d, wanted %d (%s)", #call, rc_, (want), \
	    error_ != NULL ? error_ : "no message"); \
	free(error_); \
} while (0)

/* Dirk leaves on 2026-10-31, before the first meeting: end his open membership. */
static void
dirk_leaves(void)
{
	EXPECT_OK(store_roster_end(st, who[ZOE], fixture_open_membership(&fx, DIRK, group),
	    &D(2026, 10, 31), &error_));
}

static void
notes_setup(void)
{
	struct group_new g = fixture_plg("PLG Rust");
	struct meeting_new m = { 0, NULL, { 2026, 11, 4 }, 13 * 60 + 30, 16 * 60 + 30,
		"De Brug", NULL, "intervision", "held" };
	static const struct date days[3] = { { 2026, 11, 4 }, { 2026, 11, 18 },
		{ 2026, 12, 2 } };
	char *error = NULL;
	int i;

	st = fixture_open(&fx, &today, cast, NPEOPLE);
	ck_assert(who[ZOE]->coordinator);
	ck_assert(who[HAN]->coordinator);
	ck_assert(!who[ANN]->coordinator);

	group = fixture_form(&fx, &g, ANN, (const int[]){ BOB, COR, HAN }, 3);
	fixture_join(&fx, group, DIRK, "member", &D(2026, 9, 1));
	fixture_join(&fx, group, EVA, "member", &D(2026, 12, 1));
	fixture_join(&fx, group, FAY, "follower", &D(2026, 9, 1));
	m.group_id = group;
	for (i = 0; i < 3; i++) {
		m.day = days[i];
		ck_assert_int_eq(store_meeting_insert(st, who[ZOE], &m, &meeting[i], &error), 0);
	}
	dirk_leaves();
}

static void
notes_teardown(void)
{
	fixture_close(&fx);
}

/* Cor writes the note of the first meeting: three sections (group,
 * author-private, contributor-private) and two agreements; Bob contributes.
 * The draft is left unfinished; *section receives the sections' ids. */
static int64_t
write_draft(int64_t section[3])
{
	static const char *const phases[3] = { "Casus", "Analyse", "Inbreng" };
	static const enum note_privacy privacy[3] = { NOTE_PRIVACY_GROUP, NOTE_PRIVACY_AUTHOR,
		NOTE_PRIVACY_CONTRIBUTOR };
	struct note_start ns = { meeting[0], "incident", phases, 3, people[BOB], people[ANN],
		people[COR] };
	struct note_view v;
	int64_t note = 0, again = 0, aid;
	char *body;
	int i;

	EXPECT_OK(store_attendance_set(st, who[ZOE], meeting[0], people[ANN], "present", -1,
	    NULL, &error_));
	EXPECT_OK(store_attendance_set(st, who[ZOE], meeting[0], people[BOB], "late", -1, NULL,
	    &error_));
	EXPECT_OK(store_attendance_set(st, who[ZOE], meeting[0], people[HAN], "excused", -1,
	    NULL, &error_));
	EXPECT_OK(store_note_start(st, who[COR], &ns, &note, &error_));
	ck_assert_int_ne(note, 0);
	/* starting again offers the same draft */
	EXPECT_RC(store_note_start(st, who[COR], &ns, &again, &error_), 1);
	ck_assert_int_eq(again, note);
	EXPECT_RC(store_note_get(st, who[COR], meeting[0], &v, &error_), 1);
	ck_assert(v.may_write);
	ck_assert_str_eq(v.status, "draft");
	ck_assert_int_eq(v.n_sections, 3);
	for (i = 0; i < 3; i++) {
		section[i] = v.sections[i].id;
		ck_assert_str_eq(v.sections[i].phase, phases[i]);
		body = xasprintf("In deze fase ging het om %s, en verder niets.", section_word[i]);
		EXPECT_OK(store_note_section_save(st, who[COR], section[i], body, privacy[i],
		    &error_));
		free(body);
	}
	store_note_view_clear(&v);
	body = xasprintf("Bob: %s met J.", agreement_word[0]);
	EXPECT_OK(store_note_agreement_add(st, who[COR], note, body, people[BOB],
	    &D(2026, 11, 18), &aid, &error_));
	free(body);
	body = xasprintf("Ann: %s", agreement_word[1]);
	EXPECT_OK(store_note_agreement_add(st, who[COR], note, body, people[ANN], NULL, &aid,
	    &error_));
	free(body);
	return note;
}

/* What expect_view checks besides the head: the bodies, may_read, the agreements. */
enum { VIEW_BODIES = 1, VIEW_MAY_READ = 2, VIEW_AGREEMENTS = 4, VIEW_ALL = 7 };

/* Expect who[p]'s view of the first meeting's note as core says (draft or final). */
static void
expect_view(int p, bool draft, unsigned what)
{
	const char *expect = readers[person_reader[p]].expect;
	const char *want = draft ? expect + 4 : expect;
	struct note_view v;
	char got[4];
	char *error = NULL;
	bool any = false;
	int rc;
	size_t i;

	rc = store_note_get(st, who[p], meeting[0], &v, &error);
	if (expect[8] == '0') {
		ck_assert_msg(rc == STORE_DENIED, "%s (%s): store_note_get gave %d, wanted denied",
		    who[p]->name, readers[person_reader[p]].name, rc);
		ck_assert_ptr_nonnull(error);
		free(error);
		ck_assert_ptr_null(v.sections);
		ck_assert_ptr_null(v.group_name);
		return;
	}
	ck_assert_msg(rc == 1, "%s: store_note_get gave %d (%s)", who[p]->name, rc,
	    error != NULL ? error : "");
	ck_assert_int_eq(v.n_sections, 3);
	for (i = 0; i < 3; i++) {
		got[i] = v.sections[i].body != NULL ? '1' : '0';
		any = any || v.sections[i].body != NULL;
		if (v.sections[i].body != NULL)
			ck_assert_ptr_nonnull(strstr(v.sections[i].body, section_word[i]));
		/* the head is there for everyone who sees the session */
		ck_assert_ptr_nonnull(v.sections[i].phase);
	}
	got[3] = '\0';
	if (what & VIEW_BODIES)
		ck_assert_msg(strncmp(got, want, 3) == 0, "%s (%s), %s: bodies %s, wanted %.3s",
		    who[p]->name, readers[person_reader[p]].name, draft ? "draft" : "final", got,
		    want);
	/* may_read: "any text at all is readable by who" (store.h) */
	if (what & VIEW_MAY_READ)
		ck_assert_msg(v.may_read == any, "%s (%s), %s: may_read %d, yet readable bodies: %s",
		    who[p]->name, readers[person_reader[p]].name, draft ? "draft" : "final",
		    v.may_read, got);
	ck_assert_str_eq(v.group_name, "PLG Rust");
	ck_assert_str_eq(v.starts_at, "2026-11-04T13:30");
	ck_assert_str_eq(v.method, "incident");
	ck_assert_str_eq(v.contributor, "Bob");
	ck_assert_str_eq(v.chair, "Ann");
	ck_assert_str_eq(v.minute_taker, "Cor");
	ck_assert_int_eq(v.present, 2);
	ck_assert_int_eq(v.attendance, 3);
	/* agreements: their text with the group text only (a draft's: its author's) */
	ck_assert_int_eq(v.n_agreements, 2);
	for (i = 0; (what & VIEW_AGREEMENTS) && i < v.n_agreements; i++) {
		if (want[0] == '1') {
			ck_assert_ptr_nonnull(v.agreements[i].what);
			ck_assert_ptr_nonnull(strstr(v.agreements[i].what, agreement_word[i]));
		} else {
			ck_assert_msg(v.agreements[i].what == NULL, "%s (%s), %s: agreement text "
			    "shown", who[p]->name, readers[person_reader[p]].name,
			    draft ? "draft" : "final");
		}
	}
	store_note_view_clear(&v);
}

struct hits {
	int n;
	int64_t meeting[MAXROWS];
};

static int
collect_hit(const struct note_hit *h, void *arg)
{
	struct hits *l = arg;

	ck_assert_int_lt(l->n, MAXROWS);
	ck_assert_ptr_nonnull(h->snippet);
	ck_assert_ptr_nonnull(strchr(h->snippet, '['));
	ck_assert_str_eq(h->group_name, "PLG Rust");
	l->meeting[l->n++] = h->meeting_id;
	return 0;
}

/* Does a search for each section word find it for who[p] exactly as core says? */
static void
expect_search(int p, bool draft)
{
	const char *expect = readers[person_reader[p]].expect;
	const char *want = draft ? expect + 4 : expect;
	struct hits l;
	char prefix[8];
	int i;

	for (i = 0; i < 3; i++) {
		memset(&l, 0, sizeof l);
		EXPECT_OK(store_note_search(st, who[p], section_word[i], 10, collect_hit, &l,
		    &error_));
		ck_assert_msg(l.n == (want[i] == '1' ? 1 : 0), "%s (%s), %s: '%s' found %d times",
		    who[p]->name, readers[person_reader[p]].name, draft ? "draft" : "final",
		    section_word[i], l.n);
		if (l.n == 1)
			ck_assert_int_eq(l.meeting[0], meeting[0]);
		/* words are prefix-matched */
		snprintf(prefix, sizeof prefix, "%.5s", section_word[i]);
		memset(&l, 0, sizeof l);
		EXPECT_OK(store_note_search(st, who[p], prefix, 10, collect_hit, &l, &error_));
		ck_assert_int_eq(l.n, want[i] == '1' ? 1 : 0);
	}
}

/* The sessions listing: is the first meeting there for who[p], readable or not? */
struct sess {
	bool found, may_read, may_write;
	int open_agreements;
	char status[16];
};

static int
collect_session(const struct note_session_row *r, void *arg)
{
	struct sess *s = arg;

	if (r->meeting_id != meeting[0])
		return 0;
	s->found = true;
	s->may_read = r->may_read;
	s->may_write = r->may_write;
	s->open_agreements = r->open_agreements;
	snprintf(s->status, sizeof s->status, "%s", r->status != NULL ? r->status : "");
	return 0;
}

static struct sess
session_of(int p, bool all)
{
	struct sess s;

	memset(&s, 0, sizeof s);
	EXPECT_OK(store_note_sessions(st, who[p], all, &today, 50, collect_session, &s,
	    &error_));
	return s;
}

/* The draft: only its author reads and finds its sections. */
START_TEST(test_note_store_draft)
{
	int64_t section[3];
	int p;

	write_draft(section);
	for (p = 0; p <= NPEOPLE; p++) {
		expect_view(p, true, VIEW_BODIES);
		expect_search(p, true);
	}
}
END_TEST

/* The agreements a draft makes are as private as its text until it is final. */
START_TEST(test_note_store_draft_agreements)
{
	int64_t section[3];
	int p;

	write_draft(section);
	for (p = 0; p <= NPEOPLE; p++)
		expect_view(p, true, VIEW_AGREEMENTS);
}
END_TEST

/* A draft's may_read says whether any of its text is readable. */
START_TEST(test_note_store_draft_may_read)
{
	int64_t section[3];
	int p;

	write_draft(section);
	for (p = 0; p <= NPEOPLE; p++)
		expect_view(p, true, VIEW_MAY_READ);
}
END_TEST

/* The final note: each person reads exactly what core says. */
START_TEST(test_note_store_final)
{
	int64_t section[3], note;
	struct sess s;
	int p;

	note = write_draft(section);
	EXPECT_OK(store_note_finish(st, who[COR], note, people[ANN], people[BOB], &error_));
	for (p = 0; p <= NPEOPLE; p++) {
		expect_view(p, false, VIEW_ALL);
		expect_search(p, false);
	}
	/* the sessions of my groups: members and later members see it, followers do not */
	s = session_of(ANN, false);
	ck_assert(s.found);
	ck_assert(s.may_read);
	ck_assert(!s.may_write);
	ck_assert_int_eq(s.open_agreements, 2);
	ck_assert_str_eq(s.status, "final");
	s = session_of(EVA, false);
	ck_assert(s.found);
	ck_assert(!s.may_read);
	ck_assert(!session_of(FAY, false).found);
	ck_assert(!session_of(DIRK, false).found);
	ck_assert(!session_of(GUS, false).found);
	ck_assert(!session_of(VISITOR, false).found);
	/* a coordinator: only with all, and never readable */
	ck_assert(!session_of(ZOE, false).found);
	s = session_of(ZOE, true);
	ck_assert(s.found);
	ck_assert(!s.may_read);
	ck_assert_int_eq(s.open_agreements, 2);
	/* all is for coordinators only */
	ck_assert(!session_of(GUS, true).found);
	s = session_of(HAN, true);
	ck_assert(s.found);
	ck_assert(s.may_read);
}
END_TEST

/* A coordinator who is no member: the session, never its text. */
START_TEST(test_note_store_coordinator)
{
	int64_t section[3], note;
	struct note_view v;
	size_t i;

	note = write_draft(section);
	EXPECT_OK(store_note_finish(st, who[COR], note, 0, 0, &error_));
	EXPECT_RC(store_note_get(st, who[ZOE], meeting[0], &v, &error_), 1);
	ck_assert(!v.may_read);
	ck_assert(!v.may_write);
	ck_assert_int_eq(v.n_sections, 3);
	for (i = 0; i < v.n_sections; i++)
		ck_assert_ptr_null(v.sections[i].body);
	for (i = 0; i < v.n_agreements; i++) {
		ck_assert_ptr_null(v.agreements[i].what);
		ck_assert_ptr_null(v.agreements[i].remark);
	}
	ck_assert_str_eq(v.method, "incident");
	store_note_view_clear(&v);
	/* a visitor not even the session */
	EXPECT_FAIL(store_note_get(st, who[VISITOR], meeting[0], &v, &error_), STORE_DENIED);
	/* a meeting without a note: 0, its group and time named */
	EXPECT_RC(store_note_get(st, who[ZOE], meeting[1], &v, &error_), 0);
	ck_assert_str_eq(v.group_name, "PLG Rust");
	ck_assert_int_eq(v.n_sections, 0);
	store_note_view_clear(&v);
	EXPECT_FAIL(store_note_get(st, who[GUS], meeting[1], &v, &error_), STORE_DENIED);
}
END_TEST

struct agreements {
	int n;
	int64_t id[MAXROWS];
	char what[MAXROWS][80], status[MAXROWS][16];
	bool overdue[MAXROWS], has_due[MAXROWS];
};

static int
collect_agreement(const struct agreement_view *a, void *arg)
{
	struct agreements *l = arg;

	ck_assert_int_lt(l->n, MAXROWS);
	l->id[l->n] = a->id;
	snprintf(l->what[l->n], sizeof l->what[0], "%s", a->what != NULL ? a->what : "(null)");
	snprintf(l->status[l->n], sizeof l->status[0], "%s", a->status);
	l->n++;
	return 0;
}

static int
collect_mine(const struct my_agreement_row *r, void *arg)
{
	struct agreements *l = arg;

	ck_assert_int_lt(l->n, MAXROWS);
	l->id[l->n] = r->id;
	snprintf(l->what[l->n], sizeof l->what[0], "%s", r->what != NULL ? r->what : "(null)");
	snprintf(l->status[l->n], sizeof l->status[0], "%s", r->status);
	l->overdue[l->n] = r->overdue;
	l->has_due[l->n] = r->due_on != NULL;
	ck_assert_int_eq(r->meeting_id, meeting[0]);
	ck_assert_str_eq(r->session_day, "2026-11-04");
	l->n++;
	return 0;
}

static struct agreements
lookback(int p, int64_t note)
{
	struct agreements l;

	memset(&l, 0, sizeof l);
	EXPECT_OK(store_note_lookback(st, who[p], note, collect_agreement, &l, &error_));
	return l;
}

static struct agreements
mine(int p)
{
	struct agreements l;

	memset(&l, 0, sizeof l);
	EXPECT_OK(store_agreements_mine(st, who[p], &today, collect_mine, &l, &error_));
	return l;
}

/* My agreements, the look-back of the next sessions, and reviewing one. */
START_TEST(test_note_store_agreements)
{
	static const char *const phases[1] = { "Terugblik" };
	struct note_start ns2 = { meeting[1], "incident", phases, 1, 0, 0, 0 };
	struct note_start ns3 = { meeting[2], "incident", phases, 1, 0, 0, 0 };
	struct agreements l;
	int64_t section[3], note, note2 = 0, note3 = 0;

	note = write_draft(section);
	/* a draft's agreements are nobody's yet */
	ck_assert_int_eq(mine(BOB).n, 0);
	EXPECT_OK(store_note_finish(st, who[COR], note, 0, 0, &error_));
	l = mine(BOB);
	ck_assert_int_eq(l.n, 1);
	ck_assert_ptr_nonnull(strstr(l.what[0], agreement_word[0]));
	ck_assert(l.overdue[0]);
	ck_assert_str_eq(l.status[0], "open");
	l = mine(ANN);
	ck_assert_int_eq(l.n, 1);
	ck_assert_ptr_nonnull(strstr(l.what[0], agreement_word[1]));
	ck_assert(!l.has_due[0]);
	ck_assert(!l.overdue[0]);
	ck_assert_int_eq(mine(COR).n, 0);
	ck_assert_int_eq(mine(VISITOR).n, 0);

	/* the next session's draft looks back on both, oldest first */
	EXPECT_OK(store_note_start(st, who[COR], &ns2, &note2, &error_));
	l = lookback(COR, note2);
	ck_assert_int_eq(l.n, 2);
	ck_assert_ptr_nonnull(strstr(l.what[0], agreement_word[0]));
	ck_assert_ptr_nonnull(strstr(l.what[1], agreement_word[1]));
	/* those who may not read the earlier note get none of it */
	ck_assert_int_eq(lookback(GUS, note2).n, 0);
	ck_assert_int_eq(lookback(ZOE, note2).n, 0);
	ck_assert_int_eq(lookback(EVA, note2).n, 0);
	ck_assert_int_eq(lookback(VISITOR, note2).n, 0);
	ck_assert_int_eq(lookback(ANN, note2).n, 2);
	/* only the draft's author reviews */
	EXPECT_FAIL(store_note_review(st, who[ANN], note2, l.id[0], "done", NULL, &error_),
	    STORE_DENIED);
	EXPECT_FAIL(store_note_review(st, who[COR], note2, l.id[0], "finished", NULL, &error_),
	    STORE_INVALID);
	EXPECT_OK(store_note_review(st, who[COR], note2, l.id[0], "done", "Gesprek gevoerd",
	    &error_));
	/* this draft still shows what it reviewed */
	l = lookback(COR, note2);
	ck_assert_int_eq(l.n, 2);
	ck_assert_str_eq(l.status[0], "done");
	ck_assert_str_eq(l.status[1], "open");
	EXPECT_OK(store_note_finish(st, who[COR], note2, 0, 0, &error_));
	/* done: no longer Bob's to do, nor in the next look-back */
	ck_assert_int_eq(mine(BOB).n, 0);
	ck_assert_int_eq(mine(ANN).n, 1);
	EXPECT_OK(store_note_start(st, who[COR], &ns3, &note3, &error_));
	l = lookback(COR, note3);
	ck_assert_int_eq(l.n, 1);
	ck_assert_ptr_nonnull(strstr(l.what[0], agreement_word[1]));
	ck_assert_str_eq(l.status[0], "open");
}
END_TEST

/* Who may write: members on the date; only into their own draft; never a final note. */
START_TEST(test_note_store_writing)
{
	static const char *const phases[1] = { "Casus" };
	struct note_start ns = { meeting[0], "incident", phases, 1, 0, 0, 0 };
	struct note_start ns2 = { meeting[1], "incident", phases, 1, 0, 0, 0 };
	int64_t section[3], note, id, aid = 0;
	int p;

	/* nobody but a member on the date starts a note */
	for (p = 0; p <= NPEOPLE; p++) {
		if (readers[person_reader[p]].r.member_on_date && p != VISITOR)
			continue;
		id = -1;
		EXPECT_FAIL(store_note_start(st, who[p], &ns2, &id, &error_), STORE_DENIED);
		ck_assert_int_eq(id, 0);
	}
	EXPECT_FAIL(store_note_start(st, who[COR], &(struct note_start){ meeting[1], NULL,
	    phases, 1, 0, 0, 0 }, &id, &error_), STORE_INVALID);
	EXPECT_FAIL(store_note_start(st, who[COR], &(struct note_start){ meeting[1],
	    "incident", phases, 0, 0, 0, 0 }, &id, &error_), STORE_INVALID);
	note = write_draft(section);
	/* someone else's draft: not another start, no saving, no agreements */
	EXPECT_FAIL(store_note_start(st, who[ANN], &ns, &id, &error_), STORE_INVALID);
	EXPECT_FAIL(store_note_section_save(st, who[ANN], section[0], "overschreven",
	    NOTE_PRIVACY_GROUP, &error_), STORE_DENIED);
	EXPECT_FAIL(store_note_section_save(st, who[ZOE], section[0], "overschreven",
	    NOTE_PRIVACY_GROUP, &error_), STORE_DENIED);
	EXPECT_FAIL(store_note_section_save(st, who[BOB], section[2], "overschreven",
	    NOTE_PRIVACY_GROUP, &error_), STORE_DENIED);
	EXPECT_FAIL(store_note_agreement_add(st, who[ANN], note, "iets", people[ANN], NULL,
	    &aid, &error_), STORE_DENIED);
	EXPECT_FAIL(store_note_finish(st, who[ANN], note, 0, 0, &error_), STORE_DENIED);
	EXPECT_FAIL(store_note_section_save(st, who[COR], 99999, "x", NOTE_PRIVACY_GROUP,
	    &error_), STORE_NOT_FOUND);
	/* the author's own slip can go */
	EXPECT_OK(store_note_agreement_add(st, who[COR], note, "vergissing", people[COR], NULL,
	    &aid, &error_));
	EXPECT_FAIL(store_note_agreement_remove(st, who[ANN], aid, &error_), STORE_DENIED);
	EXPECT_OK(store_note_agreement_remove(st, who[COR], aid, &error_));
	/* final: nothing changes any more */
	EXPECT_OK(store_note_finish(st, who[COR], note, 0, 0, &error_));
	EXPECT_FAIL(store_note_section_save(st, who[COR], section[0], "later veranderd",
	    NOTE_PRIVACY_GROUP, &error_), STORE_INVALID);
	EXPECT_FAIL(store_note_section_save(st, who[COR], section[1], "openbaar gemaakt",
	    NOTE_PRIVACY_GROUP, &error_), STORE_INVALID);
	EXPECT_FAIL(store_note_agreement_add(st, who[COR], note, "te laat", people[COR], NULL,
	    &aid, &error_), STORE_INVALID);
	EXPECT_FAIL(store_note_finish(st, who[COR], note, 0, 0, &error_), STORE_INVALID);
	EXPECT_FAIL(store_note_start(st, who[COR], &ns, &id, &error_), STORE_INVALID);
	/* and it reads as written */
	expect_view(COR, false, VIEW_ALL);
	expect_view(ANN, false, VIEW_ALL);
}
END_TEST

/* Read the whole file at path. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n;

	ck_assert_ptr_nonnull(f);
	*len = 0;
	do {
		if (*len == cap)
			buf = xrealloc(buf, cap = cap * 2 + 65536);
		n = fread(buf + *len, 1, cap - *len, f);
		*len += n;
	} while (n > 0);
	fclose(f);
	return buf;
}

/* The offline snapshot holds no word of any note, not even in the index. */
START_TEST(test_note_snapshot)
{
	int64_t section[3], note;
	struct store_counts c;
	struct store *copy;
	char *path, *data, *error = NULL;
	size_t len;
	int i;

	note = write_draft(section);
	EXPECT_OK(store_note_finish(st, who[COR], note, 0, 0, &error_));
	path = xasprintf("%s/snapshot.db", fx.dir);
	EXPECT_OK(store_snapshot(st, who[ANN], path, &group, 1, &error_));
	ck_assert_int_eq(store_open(path, STORE_OPEN_READONLY, &copy, &error), STORE_OK);
	ck_assert_int_eq(store_counts(copy, &c, &error), 0);
	ck_assert_int_eq(c.notes, 0);
	ck_assert_int_eq(c.meetings, 3);
	store_close(copy);
	data = slurp(path, &len);
	ck_assert_int_gt(len, 0);
	for (i = 0; i < 3; i++)
		ck_assert_msg(memmem(data, len, section_word[i], strlen(section_word[i])) == NULL,
		    "the snapshot holds the section word '%s' (%zu bytes)", section_word[i], len);
	for (i = 0; i < 2; i++)
		ck_assert_msg(memmem(data, len, agreement_word[i],
		    strlen(agreement_word[i])) == NULL,
		    "the snapshot holds the agreement word '%s'", agreement_word[i]);
	free(data);
	free(path);
}
END_TEST

Suite *
suite_notes(void)
{
	Suite *s = suite_create("notes");
	TCase *core = tcase_create("access");
	TCase *store = tcase_create("store");

	tcase_add_test(core, test_note_access_table);
	tcase_add_test(core, test_note_access_edges);
	suite_add_tcase(s, core);
	tcase_add_checked_fixture(store, notes_setup, notes_teardown);
	tcase_add_test(store, test_note_store_draft);
	tcase_add_test(store, test_note_store_draft_agreements);
	tcase_add_test(store, test_note_store_draft_may_read);
	tcase_add_test(store, test_note_store_final);
	tcase_add_test(store, test_note_store_coordinator);
	tcase_add_test(store, test_note_store_agreements);
	tcase_add_test(store, test_note_store_writing);
	tcase_add_test(store, test_note_snapshot);
	suite_add_tcase(s, store);
	return s;
}

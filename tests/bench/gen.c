/*
 * gen.c — write a fictional learning network of a given scale into a new
 * database, through the same store calls the application uses (no SQL of
 * its own), for benchmarks (DESIGN.md §7) and for trying the TUI at size.
 *
 *   gen --scale demo|region|national --database FILE [--seed N] [--config FILE] [--check]
 *
 * national: 5 000 organisations, 200 000 people, 8 000 themes with interest,
 * 20 000 groups of every configured type with dated memberships (leavers,
 * rejoiners, late joiners, followers), 500 000 meetings over the previous and
 * the current school year (relative to today; LEERNET_TODAY is respected),
 * about 3 000 000 attendance rows on held meetings, 100 000 intervision notes
 * with a section per phase of their method and 1–3 agreements, and for the
 * active groups their life: two updates each, products, budget requests and
 * health scans. region is
 * 1/20 of that; demo is the size of data/demo (synthetic, not demo_load).
 *
 * The run is planned in memory first (so counts can be met: the membership
 * size is calibrated until held meetings × current members ≈ the attendance
 * target), then written phase by phase, each phase one transaction. The same
 * seed and the same today give the same database.
 */
#include "autoconf.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "config/config.h"
#include "core/actor.h"
#include "core/date.h"
#include "core/xmalloc.h"
#include "store/store.h"

#include "gen.h"

#define GEN_EX_USAGE 64
#define GEN_EX_SOFTWARE 70
#define GEN_EX_CANTCREAT 73
#define GEN_EX_CONFIG 78

#define GEN_OPEN INT32_MAX	/* the end of a membership that has not ended */
#define GEN_WINDOW 2000		/* people a group draws its members from (colleagues nearby) */
#define GEN_MAX_PHASES 12

struct gen_scale {
	const char *name;
	long orgs, people, themes, groups, meetings, attendance, notes;
};

static const struct gen_scale gen_scales[] = {
	{ "demo", 14, 80, 15, 10, 220, 1300, 8 },
	{ "region", 250, 10000, 400, 1000, 25000, 150000, 5000 },
	{ "national", 5000, 200000, 8000, 20000, 500000, 3000000, 100000 },
};

enum gen_role { GEN_LEAD, GEN_MEMBER, GEN_EXPERT, GEN_FOLLOWER };
static const char *const gen_role_keys[] = { "lead", "member", "expert", "follower" };

enum gen_theme_status { GEN_T_FORMED, GEN_T_GATHERING, GEN_T_PROPOSED, GEN_T_ARCHIVED };
enum gen_group_status { GEN_G_FORMING, GEN_G_ACTIVE, GEN_G_CLOSED };
static const char *const gen_group_status_keys[] = { "forming", "active", "closed" };

enum gen_attend { GEN_PRESENT, GEN_LATE, GEN_EXCUSED, GEN_ABSENT };
static const char *const gen_attend_keys[] = { "present", "late", "excused", "absent" };

/* Meeting times of a group: minutes since midnight, and the part of the day. */
static const struct {
	int start, end;
	const char *part;
} gen_slots[] = {
	{ 780, 990, "middag" }, { 840, 1020, "middag" }, { 930, 1050, "namiddag" },
	{ 540, 720, "ochtend" }, { 1140, 1260, "avond" }, { 900, 1080, "middag" },
};
static const char *const gen_weekdays[] = {
	"", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
};

struct gen_member {
	int32_t person;		/* index into the people */
	int32_t start, end;	/* day numbers; end GEN_OPEN = still a member */
	uint8_t role;
};

struct gen_theme {
	int64_t id;
	int32_t proposer;	/* person index */
	int32_t first_group;	/* -1 = none */
	int32_t first_start;	/* start of its earliest group */
	uint8_t type, status;
};

struct gen_group {
	int64_t id;
	int32_t theme;
	int32_t start, end;	/* planned */
	int32_t lo, hi;		/* the days its meetings fall in */
	int32_t n_meetings;
	int32_t ordinal;	/* 1 for a theme's first group, 2 for its second, … */
	int32_t lead;		/* person index of the first lead */
	size_t first_member, n_members;
	uint8_t type, status, weekday, slot;
};

/* A held meeting chosen for an intervision note. */
struct gen_note_target {
	int64_t meeting_id;
	int32_t group, k, day;
};

struct gen_timing {
	const char *name;
	double seconds;
};

/* What the plan expects of the meetings phase. */
struct gen_estimate {
	long held, cancelled, attendance, eligible;
};

struct gen {
	const struct gen_scale *sc;
	uint64_t seed;
	struct config *cfg;
	struct store *st;
	const char *path;
	char *error;
	bool tty, check;

	int32_t today, win_lo, win_hi;	/* first day of last school year, last of this one */
	int32_t map_lo;			/* holiday map: one byte a day from map_lo */
	uint8_t *holiday;
	size_t n_map;
	int weekday_lo;			/* weekday of map_lo, 1 = Monday */

	long n_orgs, n_boards, n_inst, n_muni;
	uint8_t *org_kind;		/* enum gen_org_kind */
	int32_t *org_place, *org_parent;
	int64_t *org_id;

	long n_people;
	int32_t *person_org;
	int64_t *person_id;

	struct gen_theme *themes;
	long n_themes, n_formed;
	struct gen_group *groups;
	long n_groups;
	struct gen_member *members;
	size_t n_members, cap_members;
	int32_t *days;			/* scratch: one group's meeting days */

	long zoe[4];			/* the groups Zoë leads, is a member of (2), follows */
	/* the agreements of a group's previous note, reviewed in its next one */
	int32_t prev_group;
	int64_t prev_agr[3];
	int n_prev_agr;
	long n_net;			/* network-wide meetings */
	double members_target;		/* calibrated average core size of a group */
	struct gen_estimate est;
	struct gen_note_target *targets;
	size_t n_targets;

	long c_interest, c_archived, c_memberships, c_meetings, c_held, c_attendance, c_notes,
	    c_sections, c_agreements, c_updates, c_products, c_requests, c_scans;

	struct actor importer, coord, person;
	char person_login[24];

	const char *phase;
	long total, done;
	int pct;
	struct timespec t0, t_start;
	struct gen_timing timings[GEN_MAX_PHASES];
	size_t n_timings;
};

static char gen_importer_login[] = "gen";
static char gen_importer_name[] = "leernet bench generator";
static char gen_coord_login[] = "zoe";
static char gen_coord_name[] = "Zoë van Ĳsselstein";

/* ---- errors, time, progress ---- */

/* Record an error (prefixed with what was being done) and return -1. */
static int __attribute__((format(printf, 2, 3)))
gen_fail(struct gen *g, const char *fmt, ...)
{
	va_list ap;
	char *what, *old = g->error;

	va_start(ap, fmt);
	if (vasprintf(&what, fmt, ap) < 0)
		what = NULL;
	va_end(ap);
	g->error = xasprintf("%s: %s", what != NULL ? what : "?", old != NULL ? old : "failed");
	free(what);
	free(old);
	return -1;
}

static double
gen_seconds_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void
gen_progress_draw(struct gen *g)
{
	char bar[31];
	int fill = g->pct * 30 / 100;

	memset(bar, '#', (size_t)fill);
	memset(bar + fill, '.', (size_t)(30 - fill));
	bar[30] = '\0';
	fprintf(stderr, "\r%-14s [%s] %3d%%", g->phase, bar, g->pct);
	fflush(stderr);
}

/* Start timing a phase of total steps. */
static void
gen_phase_start(struct gen *g, const char *name, long total)
{
	g->phase = name;
	g->total = total > 0 ? total : 1;
	g->done = 0;
	g->pct = 0;
	clock_gettime(CLOCK_MONOTONIC, &g->t0);
	if (g->tty)
		gen_progress_draw(g);
}

static void
gen_tick(struct gen *g)
{
	int pct;

	g->done++;
	if (!g->tty)
		return;
	pct = (int)(g->done * 100 / g->total);
	if (pct != g->pct) {
		g->pct = pct > 100 ? 100 : pct;
		gen_progress_draw(g);
	}
}

static void
gen_phase_end(struct gen *g)
{
	double s = gen_seconds_since(&g->t0);

	if (g->n_timings < GEN_MAX_PHASES) {
		g->timings[g->n_timings].name = g->phase;
		g->timings[g->n_timings++].seconds = s;
	}
	if (g->tty) {
		g->pct = 100;
		gen_progress_draw(g);
		fprintf(stderr, " %7.1f s\n", s);
	}
}

/* ---- days ---- */

static struct date
gen_date(int32_t day)
{
	return date_from_days(day);
}

static int32_t
gen_day(const struct date *d)
{
	return (int32_t)date_to_days(d);
}

static bool
gen_is_holiday(const struct gen *g, int32_t day)
{
	struct date d;

	if (day >= g->map_lo && (size_t)(day - g->map_lo) < g->n_map)
		return g->holiday[day - g->map_lo] != 0;
	d = gen_date(day);
	return config_holiday_on(g->cfg, &d) != NULL;
}

/* 1 = Monday … 7 = Sunday. */
static int
gen_weekday(const struct gen *g, int32_t day)
{
	long n = ((long)day - g->map_lo) % 7;

	if (n < 0)
		n += 7;
	return (int)((n + g->weekday_lo - 1) % 7) + 1;
}

/* The first day on or after day that is weekday wd and no holiday. */
static int32_t
gen_next_free(const struct gen *g, int32_t day, int wd)
{
	while (gen_weekday(g, day) != wd)
		day++;
	while (gen_is_holiday(g, day))
		day += 7;
	return day;
}

/* Today, the window of two school years, and a map of the holidays around it. */
static void
gen_calendar(struct gen *g)
{
	struct date today = date_today(), first, last, prev, d;
	size_t i;

	g->today = gen_day(&today);
	date_school_year(&today, &first, &last);
	prev = date_add_months(&first, -12);
	g->win_lo = gen_day(&prev);
	g->win_hi = gen_day(&last);
	g->map_lo = g->win_lo - 800;
	g->n_map = (size_t)(g->win_hi + 400 - g->map_lo);
	g->holiday = xcalloc(g->n_map, 1);
	for (i = 0; i < g->n_map; i++) {
		d = gen_date(g->map_lo + (int32_t)i);
		g->holiday[i] = config_holiday_on(g->cfg, &d) != NULL;
	}
	d = gen_date(g->map_lo);
	g->weekday_lo = date_weekday(&d);
}

/*
 * The days a group can meet: its weekday in its window, holidays left out,
 * into days (room for (hi - lo) / 7 + 1). Returns how many.
 */
static int32_t
gen_group_free_days(const struct gen *g, const struct gen_group *gr, int32_t *days)
{
	int32_t d = gr->lo, n = 0;

	while (gen_weekday(g, d) != gr->weekday)
		d++;
	for (; d <= gr->hi; d += 7) {
		if (!gen_is_holiday(g, d))
			days[n++] = d;
	}
	return n;
}

/*
 * The days of a group's meetings: n_meetings of its free days, evenly
 * spread. The k-th pick is at index >= k and the picks increase, so the
 * choice can be made in place.
 */
static int32_t
gen_group_days(const struct gen *g, const struct gen_group *gr, int32_t *days)
{
	int32_t free_days = gen_group_free_days(g, gr, days), k;
	int32_t n = gr->n_meetings < free_days ? gr->n_meetings : free_days;

	for (k = 0; k < n; k++)
		days[k] = days[(int64_t)(2 * k + 1) * free_days / (2 * n)];
	return n;
}

/* ---- the plan: organisations, people ---- */

static void
gen_plan_orgs(struct gen *g)
{
	size_t n_places = gen_text_n_places(), *perm;
	struct gen_rng r;
	long i, n = g->sc->orgs;

	gen_rng_seed(&r, g->seed, 1);
	g->n_orgs = n;
	g->n_boards = n * 8 / 100 > 1 ? n * 8 / 100 : 1;
	g->n_inst = n / 100 > 1 ? n / 100 : 1;
	g->n_muni = n * 6 / 100 > 1 ? n * 6 / 100 : 1;
	if ((size_t)g->n_muni > n_places)
		g->n_muni = (long)n_places;
	g->org_kind = xcalloc((size_t)n, 1);
	g->org_place = xcalloc((size_t)n, sizeof *g->org_place);
	g->org_parent = xcalloc((size_t)n, sizeof *g->org_parent);
	g->org_id = xcalloc((size_t)n, sizeof *g->org_id);
	perm = xcalloc(n_places, sizeof *perm);
	for (i = 0; i < (long)n_places; i++)
		perm[i] = (size_t)i;
	for (i = (long)n_places - 1; i > 0; i--) {
		size_t j = gen_rng_below(&r, (uint32_t)i + 1), t = perm[i];

		perm[i] = perm[j];
		perm[j] = t;
	}
	for (i = 0; i < n; i++) {
		g->org_parent[i] = -1;
		if (i < g->n_boards) {
			g->org_kind[i] = GEN_BOARD;
			g->org_place[i] = (int32_t)gen_rng_below(&r, (uint32_t)n_places);
		} else if (i < g->n_boards + g->n_inst) {
			g->org_kind[i] = GEN_INSTITUTE;
			g->org_place[i] = (int32_t)gen_rng_below(&r, (uint32_t)n_places);
		} else if (i < g->n_boards + g->n_inst + g->n_muni) {
			g->org_kind[i] = GEN_MUNICIPALITY;
			g->org_place[i] = (int32_t)perm[i - g->n_boards - g->n_inst];
		} else {
			int32_t board = (int32_t)gen_rng_below(&r, (uint32_t)g->n_boards);

			g->org_kind[i] = GEN_SCHOOL;
			g->org_parent[i] = board;
			g->org_place[i] = gen_rng_chance(&r, 70) ? g->org_place[board] :
			    (int32_t)gen_rng_below(&r, (uint32_t)n_places);
		}
	}
	free(perm);
}

/*
 * People belong to organisations in blocks, the organisations taken place by
 * place: neighbouring person numbers are colleagues in one region, which is
 * where a group finds its members. Person 0 is Zoë at the first institute.
 */
static void
gen_plan_people(struct gen *g)
{
	static const int weight[] = { [GEN_BOARD] = 4, [GEN_INSTITUTE] = 40,
		[GEN_MUNICIPALITY] = 2, [GEN_SCHOOL] = 12 };
	size_t n_places = gen_text_n_places(), pl;
	long i, p, left, total = 0, *count, *order, n_order = 0;

	g->n_people = g->sc->people;
	g->person_org = xcalloc((size_t)g->n_people, sizeof *g->person_org);
	g->person_id = xcalloc((size_t)g->n_people, sizeof *g->person_id);
	count = xcalloc((size_t)g->n_orgs, sizeof *count);
	order = xcalloc((size_t)g->n_orgs, sizeof *order);
	for (pl = 0; pl < n_places; pl++) {
		for (i = 0; i < g->n_orgs; i++) {
			if ((size_t)g->org_place[i] == pl)
				order[n_order++] = i;
		}
	}
	for (i = 0; i < g->n_orgs; i++)
		total += weight[g->org_kind[i]];
	left = g->n_people - 1;
	for (i = 0; i < g->n_orgs; i++) {
		count[i] = (g->n_people - 1) * weight[g->org_kind[i]] / total;
		left -= count[i];
	}
	for (i = 0; left > 0; i = (i + 1) % g->n_orgs, left--)
		count[order[i]]++;
	g->person_org[0] = (int32_t)g->n_boards;	/* the first institute */
	p = 1;
	for (i = 0; i < n_order; i++) {
		long k;

		for (k = 0; k < count[order[i]] && p < g->n_people; k++)
			g->person_org[p++] = (int32_t)order[i];
	}
	free(count);
	free(order);
}

/* ---- the plan: themes and groups ---- */

/* A weight for a known key of a list, 0 when the key is not listed. */
static int
gen_key_weight(const char *key, const char *const *keys, const int *weights, int dflt)
{
	size_t i;

	for (i = 0; keys[i] != NULL; i++) {
		if (strcmp(keys[i], key) == 0)
			return weights[i];
	}
	return dflt;
}

static int
gen_type_weight(const struct gen *g, size_t t)
{
	static const char *const keys[] = { "plg", "werkgroep", "project", "onderzoek",
		"leernetwerk", NULL };
	static const int weights[] = { 35, 20, 15, 10, 20 };

	return gen_key_weight(g->cfg->group_types[t].key, keys, weights, 15);
}

static uint8_t
gen_pick_type(const struct gen *g, struct gen_rng *r)
{
	int total = 0, x;
	size_t t;

	for (t = 0; t < g->cfg->n_group_types; t++)
		total += gen_type_weight(g, t);
	x = (int)gen_rng_below(r, (uint32_t)total);
	for (t = 0; t + 1 < g->cfg->n_group_types; t++) {
		if ((x -= gen_type_weight(g, t)) < 0)
			break;
	}
	return (uint8_t)t;
}

static void
gen_plan_themes(struct gen *g, struct gen_rng *r)
{
	long i, rest, n_gath, n_prop;

	g->n_themes = g->sc->themes;
	g->themes = xcalloc((size_t)g->n_themes, sizeof *g->themes);
	g->n_formed = (g->n_themes * 62 + 50) / 100;
	if (g->n_formed < 1)
		g->n_formed = 1;
	if (g->n_formed > g->sc->groups)
		g->n_formed = g->sc->groups;
	rest = g->n_themes - g->n_formed;
	n_gath = rest * 65 / 100;
	n_prop = rest * 22 / 100;
	for (i = 0; i < g->n_themes; i++) {
		struct gen_theme *t = &g->themes[i];

		t->type = (size_t)i < g->cfg->n_group_types ? (uint8_t)i : gen_pick_type(g, r);
		t->first_group = -1;
		if (i < g->n_formed)
			t->status = GEN_T_FORMED;
		else if (i < g->n_formed + n_gath)
			t->status = GEN_T_GATHERING;
		else if (i < g->n_formed + n_gath + n_prop)
			t->status = GEN_T_PROPOSED;
		else
			t->status = GEN_T_ARCHIVED;
	}
}

/* Start and planned end of a group of type t, overlapping the window. */
static void
gen_plan_group_dates(struct gen *g, struct gen_rng *r, struct gen_group *gr)
{
	const struct config_group_type *type = &g->cfg->group_types[gr->type];
	int mn = type->min_months > 0 ? type->min_months : 6;
	int mx = type->max_months < 36 ? type->max_months : 36;
	int32_t from = g->win_lo - 240, to = g->today + 45;
	int tries;

	if (mx < mn)
		mx = mn;
	for (tries = 0; tries < 50; tries++) {
		struct date s, e;

		gr->start = from + (int32_t)gen_rng_below(r, (uint32_t)(to - from + 1));
		s = gen_date(gr->start);
		e = date_add_months(&s, gen_rng_range(r, mn, mx));
		gr->end = gen_day(&e) - 1;
		if (gr->end >= g->win_lo + 60)
			break;
	}
	if (gr->end < g->win_lo + 60) {
		struct date s, e;

		gr->start = g->win_lo + (int32_t)gen_rng_below(r, 60);
		s = gen_date(gr->start);
		e = date_add_months(&s, mx);
		gr->end = gen_day(&e) - 1;
	}
	gr->status = gr->start > g->today ? GEN_G_FORMING :
	    gr->end < g->today ? GEN_G_CLOSED : GEN_G_ACTIVE;
	gr->lo = gr->start > g->win_lo ? gr->start : g->win_lo;
	gr->hi = gr->end < g->win_hi ? gr->end : g->win_hi;
}

/* Spread the group meetings over the groups by the free days in their window. */
static void
gen_plan_meeting_counts(struct gen *g, struct gen_rng *r)
{
	long target, sum = 0, i, moved;
	double *w, total = 0;
	int32_t *cap;

	g->n_net = g->sc->meetings / 20000 > 3 ? g->sc->meetings / 20000 : 3;
	target = g->sc->meetings - g->n_net;
	w = xcalloc((size_t)g->n_groups, sizeof *w);
	cap = xcalloc((size_t)g->n_groups, sizeof *cap);
	g->days = xcalloc((size_t)(g->win_hi - g->win_lo) / 7 + 2, sizeof *g->days);
	for (i = 0; i < g->n_groups; i++) {
		cap[i] = gen_group_free_days(g, &g->groups[i], g->days);
		w[i] = (double)cap[i] * (70 + gen_rng_below(r, 61)) / 100.0;
		total += w[i];
	}
	for (i = 0; i < g->n_groups; i++) {
		struct gen_group *gr = &g->groups[i];

		gr->n_meetings = (int32_t)((double)target * w[i] / total);
		if (gr->n_meetings < 1)
			gr->n_meetings = 1;
		if (gr->n_meetings > cap[i])
			gr->n_meetings = cap[i];
		sum += gr->n_meetings;
	}
	do {
		moved = 0;
		for (i = 0; i < g->n_groups && sum != target; i++) {
			struct gen_group *gr = &g->groups[i];

			if (sum < target && gr->n_meetings < cap[i]) {
				gr->n_meetings++;
				sum++;
				moved++;
			} else if (sum > target && gr->n_meetings > 1) {
				gr->n_meetings--;
				sum--;
				moved++;
			}
		}
	} while (sum != target && moved > 0);
	free(w);
	free(cap);
}

static void
gen_plan_groups(struct gen *g, struct gen_rng *r)
{
	long i;

	g->n_groups = g->sc->groups;
	g->groups = xcalloc((size_t)g->n_groups, sizeof *g->groups);
	for (i = 0; i < g->n_groups; i++) {
		struct gen_group *gr = &g->groups[i];
		struct gen_theme *t;

		gr->theme = i < g->n_formed ? (int32_t)i :
		    (int32_t)gen_rng_below(r, (uint32_t)g->n_formed);
		t = &g->themes[gr->theme];
		gr->type = t->type;
		gen_plan_group_dates(g, r, gr);
		gr->weekday = (uint8_t)(gen_rng_chance(r, 30) ? 3 : gen_rng_range(r, 1, 5));
		gr->slot = (uint8_t)gen_rng_below(r, sizeof gen_slots / sizeof gen_slots[0]);
		if (t->first_group < 0 || gr->start < t->first_start) {
			t->first_group = (int32_t)i;
			t->first_start = gr->start;
		}
	}
	/* ordinals in the order of insertion, for names */
	{
		int32_t *seen = xcalloc((size_t)g->n_themes, sizeof *seen);

		for (i = 0; i < g->n_groups; i++)
			g->groups[i].ordinal = ++seen[g->groups[i].theme];
		free(seen);
	}
	gen_plan_meeting_counts(g, r);
}

/* ---- the plan: memberships ---- */

static void
gen_member_add(struct gen *g, int32_t person, enum gen_role role, int32_t start, int32_t end)
{
	if (g->n_members == g->cap_members) {
		g->cap_members = g->cap_members ? g->cap_members * 2 : 1024;
		g->members = xreallocarray(g->members, g->cap_members, sizeof *g->members);
	}
	g->members[g->n_members].person = person;
	g->members[g->n_members].role = (uint8_t)role;
	g->members[g->n_members].start = start;
	g->members[g->n_members].end = end;
	g->n_members++;
}

/* A person near base not yet in chosen[0..n); never Zoë (person 0). */
static int32_t
gen_pick_person(const struct gen *g, struct gen_rng *r, long base, const int32_t *chosen,
    size_t n)
{
	long window = g->n_people - 1 < GEN_WINDOW ? g->n_people - 1 : GEN_WINDOW;
	int32_t p = 1;
	size_t i;
	int tries;

	for (tries = 0; tries < 50; tries++) {
		p = (int32_t)(base + gen_rng_below(r, (uint32_t)window));
		for (i = 0; i < n && chosen[i] != p; i++)
			;
		if (i == n)
			break;
	}
	return p;
}

/*
 * The roster of one group: one or two leads, members (some joining late,
 * some leaving, some of those coming back), maybe an expert, followers.
 * In a closed group every membership ends with the group.
 */
static void
gen_plan_roster(struct gen *g, long gi, double size_mean)
{
	struct gen_group *gr = &g->groups[gi];
	int32_t close = gr->status == GEN_G_CLOSED ? gr->end : GEN_OPEN;
	int32_t last = gr->hi < g->today ? gr->hi : g->today;	/* last day that can be past */
	int32_t chosen[64];
	long window = g->n_people - 1 < GEN_WINDOW ? g->n_people - 1 : GEN_WINDOW;
	long base = 1 + (long)gen_hash(g->seed, 21, (uint64_t)gi, 0) %
	    (uint64_t)(g->n_people - window);
	struct gen_rng r;
	int size, leads, experts, followers, n = 0, i;

	gen_rng_seed(&r, g->seed, 1000000 + (uint64_t)gi);
	size = (int)(size_mean * (0.75 + gen_rng_below(&r, 51) / 100.0) + 0.5);
	size = size < 3 ? 3 : size > 40 ? 40 : size;
	leads = gen_rng_chance(&r, 20) ? 2 : 1;
	experts = gen_rng_chance(&r, 25) ? 1 : 0;
	followers = gen_rng_range(&r, gi == g->zoe[3] ? 1 : 0, 3);
	if (size - leads - experts < 1)
		size = leads + experts + 1;
	gr->first_member = g->n_members;
	for (i = 0; i < size + followers && n < 64; i++) {
		enum gen_role role = i < leads ? GEN_LEAD : i < leads + experts ? GEN_EXPERT :
		    i < size ? GEN_MEMBER : GEN_FOLLOWER;
		int32_t p = gen_pick_person(g, &r, base, chosen, (size_t)n), s = gr->start, e = close;

		if ((gi == g->zoe[0] && i == 0) || ((gi == g->zoe[1] || gi == g->zoe[2]) &&
		    i == size - 1) || (gi == g->zoe[3] && i == size))
			p = 0;
		chosen[n++] = p;
		if (i == 0)
			gr->lead = p;
		if (role == GEN_FOLLOWER) {
			s = gr->start + (int32_t)gen_rng_below(&r, 61);
			if (p == 0)
				s = gr->start;
			gen_member_add(g, p, role, s, e < s ? s : e);
			continue;
		}
		/* Zoë stays from the start; others may join late */
		if (p != 0 && role != GEN_LEAD && gen_rng_chance(&r, 12) && gr->hi - gr->start > 60)
			s = gr->start + 14 + (int32_t)gen_rng_below(&r,
			    (uint32_t)((gr->hi - gr->start) * 6 / 10));
		if (p != 0 && role != GEN_LEAD && gen_rng_chance(&r, 12) && last - s > 60) {
			e = s + 30 + (int32_t)gen_rng_below(&r, (uint32_t)(last - s - 30));
			gen_member_add(g, p, role, s, e);
			s = e + 30 + (int32_t)gen_rng_below(&r, 91);
			if (!gen_rng_chance(&r, 35) || s > last - 7)
				continue;	/* left for good */
			e = close;	/* came back */
		}
		gen_member_add(g, p, role, s, e < s ? s : e);
	}
	gr->n_members = g->n_members - gr->first_member;
}

/*
 * Zoë (person 0) leads the first active group, is a member of the next two
 * and follows the fourth, so that a session as her shows current groups.
 */
static void
gen_plan_rosters(struct gen *g, double size_mean)
{
	long i;
	int n = 0;

	for (i = 0; i < 4; i++)
		g->zoe[i] = -1;
	for (i = 0; i < g->n_groups && n < 4; i++) {
		if (g->groups[i].status == GEN_G_ACTIVE)
			g->zoe[n++] = i;
	}
	g->n_members = 0;
	for (i = 0; i < g->n_groups; i++)
		gen_plan_roster(g, i, size_mean);
}

/* ---- meetings: the same answers in the plan and when writing ---- */

/* planned, held or cancelled */
static const char *
gen_meeting_status(const struct gen *g, long gi, int32_t k, int32_t day)
{
	unsigned h = (unsigned)(gen_hash(g->seed, 7, (uint64_t)gi, (uint64_t)k) % 100);

	if (day < g->today)
		return h < 3 ? "cancelled" : "held";
	return h < 2 ? "cancelled" : "planned";
}

static bool
gen_current(const struct gen_member *m, int32_t day)
{
	return m->role != GEN_FOLLOWER && m->start <= day && day <= m->end;
}

/* The attendance of member m at meeting k of group gi. */
static enum gen_attend
gen_attendance(const struct gen *g, long gi, int32_t k, const struct gen_member *m)
{
	unsigned h = (unsigned)(gen_hash(g->seed, 8, ((uint64_t)gi << 20) | (uint64_t)k,
	    (uint64_t)m->person) % 100);

	return h < 84 ? GEN_PRESENT : h < 89 ? GEN_LATE : h < 96 ? GEN_EXCUSED : GEN_ABSENT;
}

/* Current members of a meeting, and of those how many came. */
static void
gen_meeting_people(const struct gen *g, long gi, int32_t k, int32_t day, int *current,
    int *came)
{
	const struct gen_group *gr = &g->groups[gi];
	size_t i;

	*current = *came = 0;
	for (i = 0; i < gr->n_members; i++) {
		const struct gen_member *m = &g->members[gr->first_member + i];

		if (!gen_current(m, day))
			continue;
		(*current)++;
		if (gen_attendance(g, gi, k, m) <= GEN_LATE)
			(*came)++;
	}
}

/* What the meetings phase will write with the rosters as planned. */
static void
gen_estimate(struct gen *g, struct gen_estimate *e)
{
	long gi;
	int32_t k, n;
	int current, came;

	memset(e, 0, sizeof *e);
	for (gi = 0; gi < g->n_groups; gi++) {
		n = gen_group_days(g, &g->groups[gi], g->days);
		for (k = 0; k < n; k++) {
			const char *status = gen_meeting_status(g, gi, k, g->days[k]);

			if (strcmp(status, "held") != 0) {
				e->cancelled += status[0] == 'c';
				continue;
			}
			gen_meeting_people(g, gi, k, g->days[k], &current, &came);
			e->held++;
			e->attendance += current;
			e->eligible += came >= 3;
		}
	}
}

/* Size the rosters so that the attendance rows come close to the target. */
static void
gen_calibrate(struct gen *g)
{
	double a = 10.0;
	int round;

	for (round = 0; round < 4; round++) {
		gen_plan_rosters(g, a);
		gen_estimate(g, &g->est);
		if (g->est.attendance == 0 ||
		    labs(g->est.attendance - g->sc->attendance) < g->sc->attendance / 100)
			break;
		a *= (double)g->sc->attendance / (double)g->est.attendance;
	}
	g->members_target = a;
}

static int
gen_plan(struct gen *g)
{
	struct gen_rng r;

	gen_phase_start(g, "plan", 1);
	gen_rng_seed(&r, g->seed, 2);
	gen_plan_orgs(g);
	gen_plan_people(g);
	gen_plan_themes(g, &r);
	gen_plan_groups(g, &r);
	gen_calibrate(g);
	g->targets = xcalloc((size_t)(g->sc->notes > 0 ? g->sc->notes : 1), sizeof *g->targets);
	gen_tick(g);
	gen_phase_end(g);
	return 0;
}

/* ---- actors ---- */

/* The person actor: acting as person index p (not a coordinator, unless Zoë). */
static struct actor *
gen_as(struct gen *g, int32_t p)
{
	if (p == 0)
		return &g->coord;
	g->person.person_id = g->person_id[p];
	snprintf(g->person_login, sizeof g->person_login, "p%06ld", (long)p + 1);
	return &g->person;
}

/* ---- writing: organisations, people ---- */

static int
gen_write_orgs(struct gen *g)
{
	static const enum org_kind kinds[] = { [GEN_BOARD] = ORG_BOARD,
		[GEN_INSTITUTE] = ORG_INSTITUTE, [GEN_MUNICIPALITY] = ORG_MUNICIPALITY,
		[GEN_SCHOOL] = ORG_SCHOOL };
	struct gen_buf name;
	long i;

	gen_phase_start(g, "organisations", g->n_orgs);
	for (i = 0; i < g->n_orgs; i++) {
		struct org_new o;

		gen_text_org_name((enum gen_org_kind)g->org_kind[i], (size_t)g->org_place[i],
		    gen_hash(g->seed, 11, (uint64_t)i, 0), &name);
		o.name = name.s;
		o.kind = kinds[g->org_kind[i]];
		o.parent_id = g->org_parent[i] >= 0 ? g->org_id[g->org_parent[i]] : 0;
		o.region = gen_text_place_region((size_t)g->org_place[i]);
		if (store_org_insert(g->st, &g->importer, &o, &g->org_id[i], &g->error) != 0)
			return gen_fail(g, "organisation %ld", i + 1);
		gen_tick(g);
	}
	gen_phase_end(g);
	return 0;
}

/* A function key of the config for someone at an organisation of kind. */
static const char *
gen_function(const struct gen *g, struct gen_rng *r, enum gen_org_kind kind)
{
	static const char *const keys[] = { "teacher", "student_teacher", "teacher_educator",
		"researcher", "director", "internal_counsellor", "hr", "other", NULL };
	static const int at_school[] = { 78, 8, 0, 0, 5, 8, 0, 1 };
	static const int at_institute[] = { 0, 10, 55, 30, 2, 0, 1, 2 };
	static const int at_board[] = { 0, 0, 0, 2, 35, 3, 40, 20 };
	static const int at_municipality[] = { 0, 0, 0, 5, 5, 0, 20, 70 };
	const int *w = kind == GEN_SCHOOL ? at_school : kind == GEN_INSTITUTE ? at_institute :
	    kind == GEN_BOARD ? at_board : at_municipality;
	const struct config_items *f = &g->cfg->functions;
	int total = 0, x;
	size_t i;

	if (f->n == 0)
		return NULL;
	for (i = 0; i < f->n; i++)
		total += gen_key_weight(f->v[i].key, keys, w, 1);
	if (total == 0)
		return f->v[0].key;
	x = (int)gen_rng_below(r, (uint32_t)total);
	for (i = 0; i + 1 < f->n; i++) {
		if ((x -= gen_key_weight(f->v[i].key, keys, w, 1)) < 0)
			break;
	}
	return f->v[i].key;
}

static int
gen_write_people(struct gen *g)
{
	static const char *const domains[] = { [GEN_BOARD] = "bestuur",
		[GEN_INSTITUTE] = "instituut", [GEN_MUNICIPALITY] = "gemeente",
		[GEN_SCHOOL] = "school" };
	struct gen_buf name, local, email;
	char login[24];
	struct gen_rng r;
	long p;

	gen_rng_seed(&r, g->seed, 3);
	gen_phase_start(g, "people", g->n_people);
	for (p = 0; p < g->n_people; p++) {
		int32_t org = g->person_org[p];
		struct person_new pn;

		gen_text_person(&r, &name, &local);
		gen_buf_clear(&email);
		gen_buf_addf(&email, "%s.%ld@%s%ld.example", local.s, p + 1,
		    domains[g->org_kind[org]], (long)org + 1);
		snprintf(login, sizeof login, "p%06ld", p + 1);
		pn.name = name.s;
		pn.email = email.s;
		pn.organisation_id = g->org_id[org];
		pn.function = gen_function(g, &r, (enum gen_org_kind)g->org_kind[org]);
		pn.login = login;
		pn.coordinator = false;
		if (p == 0) {
			pn.name = gen_coord_name;
			pn.email = "zoe@leernetwerk.example";
			pn.login = gen_coord_login;
			pn.coordinator = true;
		}
		if (store_person_insert(g->st, &g->importer, &pn, &g->person_id[p], &g->error) != 0)
			return gen_fail(g, "person %ld", p + 1);
		gen_tick(g);
	}
	g->coord.person_id = g->person_id[0];
	gen_phase_end(g);
	return 0;
}

/* ---- writing: themes and interest ---- */

/* Register person p for theme t on day (the person acts for themself). */
static int
gen_register(struct gen *g, struct gen_rng *r, const struct gen_theme *t, int32_t p,
    int32_t day)
{
	struct date on = gen_date(day);

	if (store_interest_insert(g->st, gen_as(g, p), t->id, g->person_id[p], &on,
	    gen_rng_chance(r, 80), gen_text_interest_remark(r), &g->error) != 0)
		return gen_fail(g, "interest of person %ld in theme %" PRId64, (long)p + 1, t->id);
	g->c_interest++;
	return 0;
}

/*
 * The registrations of a theme: for a formed theme the first group's founding
 * members (and a few more), for others a handful of people near the proposer.
 */
static int
gen_theme_interest(struct gen *g, struct gen_rng *r, long ti, int32_t proposed)
{
	const struct gen_theme *t = &g->themes[ti];
	int threshold = g->cfg->group_types[t->type].interest_threshold;
	int32_t chosen[64], day, until = g->today;
	size_t n = 0, i;
	int want, extra;
	long base;

	if (t->status == GEN_T_PROPOSED)
		return 0;
	if (t->status == GEN_T_FORMED) {
		const struct gen_group *gr = &g->groups[t->first_group];

		want = threshold + gen_rng_range(r, 0, 3);
		until = gr->start - 7 < g->today ? gr->start - 7 : g->today;
		for (i = 0; i < gr->n_members && n < (size_t)want; i++) {
			const struct gen_member *m = &g->members[gr->first_member + i];

			if (m->role != GEN_FOLLOWER && m->start == gr->start)
				chosen[n++] = m->person;
		}
		extra = gen_rng_range(r, 0, 2);
	} else {
		extra = t->status == GEN_T_ARCHIVED ? gen_rng_range(r, 1, 2) :
		    gen_rng_range(r, 1, threshold + 2);
	}
	base = t->proposer - GEN_WINDOW / 2;
	if (base < 1)
		base = 1;
	if (base > g->n_people - GEN_WINDOW)
		base = g->n_people - GEN_WINDOW > 1 ? g->n_people - GEN_WINDOW : 1;
	while (extra-- > 0 && n < 64)
		chosen[n] = gen_pick_person(g, r, base, chosen, n), n++;
	if (until < proposed)
		until = proposed;
	for (i = 0; i < n; i++) {
		day = proposed + (int32_t)gen_rng_below(r, (uint32_t)(until - proposed + 1));
		if (gen_register(g, r, t, chosen[i], day) != 0)
			return -1;
	}
	return 0;
}

static int
gen_archive(struct gen *g, const struct gen_theme *t)
{
	struct theme_detail d;
	int ret;

	if (store_theme_get(g->st, &g->coord, t->id, &d, &g->error) != 1)
		return gen_fail(g, "reading theme %" PRId64, t->id);
	ret = store_theme_set_status(g->st, &g->coord, t->id, d.version, "archived", &g->error);
	store_theme_detail_clear(&d);
	if (ret != 0)
		return gen_fail(g, "archiving theme %" PRId64, t->id);
	g->c_archived++;
	return 0;
}

static int
gen_write_theme(struct gen *g, struct gen_rng *r, long ti)
{
	static const char *const inserted_as[] = { [GEN_T_FORMED] = "formed",
		[GEN_T_GATHERING] = "proposed", [GEN_T_PROPOSED] = "proposed",
		[GEN_T_ARCHIVED] = "gathering" };
	struct gen_theme *t = &g->themes[ti];
	const struct config_items *orient = &g->cfg->orientations;
	struct gen_buf title, description;
	struct theme_new tn;
	int32_t proposed;

	if (t->status == GEN_T_FORMED) {
		t->proposer = g->groups[t->first_group].lead;
		proposed = t->first_start - gen_rng_range(r, 30, 150);
	} else {
		t->proposer = 1 + (int32_t)gen_rng_below(r, (uint32_t)(g->n_people - 1));
		proposed = g->today - (t->status == GEN_T_ARCHIVED ? gen_rng_range(r, 200, 600) :
		    gen_rng_range(r, 1, 300));
	}
	if (proposed > g->today)
		proposed = g->today;
	gen_text_theme_title((size_t)ti, (size_t)g->n_themes, &title);
	gen_text_theme_description(r, (size_t)ti, (size_t)g->n_themes, &description);
	tn.title = title.s;
	tn.description = description.s;
	tn.proposer_id = g->person_id[t->proposer];
	tn.proposed_on = gen_date(proposed);
	tn.group_type = g->cfg->group_types[t->type].key;
	tn.orientation = orient->n > 0 ? orient->v[gen_rng_below(r, (uint32_t)orient->n)].key :
	    NULL;
	tn.status = inserted_as[t->status];
	if (store_theme_insert(g->st, gen_as(g, t->proposer), &tn, &t->id, &g->error) != 0)
		return gen_fail(g, "theme %ld", ti + 1);
	if (gen_theme_interest(g, r, ti, proposed) != 0)
		return -1;
	return t->status == GEN_T_ARCHIVED ? gen_archive(g, t) : 0;
}

static int
gen_write_themes(struct gen *g)
{
	struct gen_rng r;
	long i;

	gen_rng_seed(&r, g->seed, 4);
	gen_phase_start(g, "themes", g->n_themes);
	for (i = 0; i < g->n_themes; i++) {
		if (gen_write_theme(g, &r, i) != 0)
			return -1;
		gen_tick(g);
	}
	gen_phase_end(g);
	return 0;
}

/* ---- writing: groups and memberships ---- */

/* "Eens per drie weken, dinsdagmiddag" from the spacing of the meetings. */
static void
gen_rhythm(const struct gen_group *gr, struct gen_buf *out)
{
	static const char *const every[] = { "Elke week", "Elke week", "Eens per twee weken",
		"Eens per drie weken", "Eens per vier weken", "Eens per vijf weken",
		"Eens per zes weken" };
	long weeks = gr->n_meetings > 0 ? (long)((double)(gr->hi - gr->lo) /
	    gr->n_meetings / 7.0 + 0.5) : 4;

	gen_buf_clear(out);
	gen_buf_addf(out, "%s, %s%s", weeks < 7 ? every[weeks] : "Eens per twee maanden",
	    gen_weekdays[gr->weekday], gen_slots[gr->slot].part);
}

static int
gen_write_group(struct gen *g, struct gen_rng *r, long gi)
{
	struct gen_group *gr = &g->groups[gi];
	const struct config_group_type *type = &g->cfg->group_types[gr->type];
	const struct config_items *orient = &g->cfg->orientations;
	struct gen_buf name, kind, title, question, rhythm;
	char proposal[40];
	struct group_new gn;
	size_t i;

	gen_text_type_short(type->key, type->label, &kind);
	gen_text_theme_title((size_t)gr->theme, (size_t)g->n_themes, &title);
	gen_buf_clear(&name);
	gen_buf_addf(&name, "%s %s – %s", kind.s, title.s,
	    gen_text_place((size_t)g->org_place[g->person_org[gr->lead]]));
	if (gr->ordinal > 1)
		gen_buf_addf(&name, " %d", gr->ordinal);
	gen_text_question(r, (size_t)gr->theme, (size_t)g->n_themes, &question);
	gen_rhythm(gr, &rhythm);
	snprintf(proposal, sizeof proposal, "VOORSTEL-%d-%05ld", gen_date(gr->start).year, gi + 1);
	gn.name = name.s;
	gn.type = type->key;
	gn.theme_id = g->themes[gr->theme].id;
	gn.question = question.s;
	gn.orientation = orient->n > 0 ? orient->v[gen_rng_below(r, (uint32_t)orient->n)].key :
	    NULL;
	gn.start_on = gen_date(gr->start);
	gn.planned_end_on = gen_date(gr->end);
	gn.rhythm = rhythm.s;
	gn.hours_norm = type->hours_norm;
	gn.status = gen_group_status_keys[gr->status];
	gn.proposal_ref = type->needs_proposal ? proposal : NULL;
	if (store_group_insert(g->st, &g->coord, &gn, &gr->id, &g->error) != 0)
		return gen_fail(g, "group %ld", gi + 1);
	for (i = 0; i < gr->n_members; i++) {
		const struct gen_member *m = &g->members[gr->first_member + i];
		struct date s = gen_date(m->start), e = gen_date(m->end);

		if (store_membership_insert(g->st, &g->coord, gr->id, g->person_id[m->person],
		    gen_role_keys[m->role], &s, m->end == GEN_OPEN ? NULL : &e, &g->error) != 0)
			return gen_fail(g, "membership in group %ld", gi + 1);
		g->c_memberships++;
	}
	return 0;
}

static int
gen_write_groups(struct gen *g)
{
	struct gen_rng r;
	long i;

	gen_rng_seed(&r, g->seed, 5);
	gen_phase_start(g, "groups", g->n_groups);
	for (i = 0; i < g->n_groups; i++) {
		if (gen_write_group(g, &r, i) != 0)
			return -1;
		gen_tick(g);
	}
	gen_phase_end(g);
	return 0;
}

/* ---- writing: meetings and attendance ---- */

/* A working-form key of the config, or NULL when the list is empty. */
static const char *
gen_form(const struct gen *g, const char *want, uint64_t h)
{
	const struct config_items *f = &g->cfg->working_forms;
	size_t i;

	if (f->n == 0)
		return NULL;
	for (i = 0; want != NULL && i < f->n; i++) {
		if (strcmp(f->v[i].key, want) == 0)
			return f->v[i].key;
	}
	return f->v[h % f->n].key;
}

/* Network-wide meetings: knowledge-sharing days, network and regional days. */
static int
gen_write_network_days(struct gen *g)
{
	static const char *const regions[] = { "Noord", "Midden", "Zuid" };
	struct gen_buf title, place;
	long j, inst = g->n_boards;
	int32_t span = g->win_hi - g->win_lo;

	gen_text_org_name(GEN_INSTITUTE, (size_t)g->org_place[inst],
	    gen_hash(g->seed, 11, (uint64_t)inst, 0), &place);
	for (j = 0; j < g->n_net; j++) {
		int32_t day = g->win_lo + (int32_t)((int64_t)span * (2 * j + 1) / (2 * g->n_net));
		struct meeting_new m;
		bool big = j == 0 || j == g->n_net / 2;
		struct date d;

		day = gen_next_free(g, day, j % 2 ? 4 : 3);
		d = gen_date(day);
		gen_buf_clear(&title);
		if (big)
			gen_buf_addf(&title, "Kennisdeeldag %d", d.year);
		else if (j % 3 == 0)
			gen_buf_addf(&title, "Regiodag %s", regions[j % 9 / 3]);
		else
			gen_buf_addf(&title, "Netwerkbijeenkomst %s", regions[j % 3]);
		m.group_id = 0;
		m.title = title.s;
		m.day = d;
		m.start_min = big ? 570 : 840;
		m.end_min = big ? 960 : 1020;
		m.place = place.s;
		m.agenda = big ? "Opening, workshops van de groepen, markt van opbrengsten, afsluiting" :
		    "Nieuws uit het netwerk, uitwisseling tussen de groepen";
		m.working_form = gen_form(g, "meeting", 0);
		m.status = day < g->today ? "held" : "planned";
		if (store_meeting_insert(g->st, &g->coord, &m, NULL, &g->error) != 0)
			return gen_fail(g, "network-wide meeting %ld", j + 1);
		g->c_meetings++;
		g->c_held += day < g->today;
	}
	return 0;
}

/* Take attendance of meeting k of group gi, as its lead. */
static int
gen_write_attendance(struct gen *g, long gi, int32_t k, int64_t meeting_id, int length,
    struct actor *lead)
{
	const struct gen_group *gr = &g->groups[gi];
	int32_t day = g->days[k];
	size_t i;

	for (i = 0; i < gr->n_members; i++) {
		const struct gen_member *m = &g->members[gr->first_member + i];
		enum gen_attend a;
		uint64_t h;
		int minutes = -1;
		const char *remark = NULL;

		if (!gen_current(m, day))
			continue;
		a = gen_attendance(g, gi, k, m);
		h = gen_hash(g->seed, 9, (uint64_t)meeting_id, (uint64_t)m->person);
		if (a == GEN_LATE)
			minutes = length - 10 - (int)(h % 36);
		else if (a == GEN_EXCUSED)
			remark = gen_text_excuse(h >> 8);
		if (store_attendance_set(g->st, lead, meeting_id, g->person_id[m->person],
		    gen_attend_keys[a], minutes, remark, &g->error) != 0)
			return gen_fail(g, "attendance at meeting %" PRId64, meeting_id);
		g->c_attendance++;
	}
	return 0;
}

/*
 * Should this held meeting get a note? Selection sampling (Knuth's
 * algorithm S) over the meetings the plan counted as eligible gives exactly
 * the number of notes wanted, spread evenly.
 */
static bool
gen_pick_note(struct gen *g, struct gen_rng *r, long *eligible_left, long *notes_left)
{
	bool pick = *notes_left > 0 &&
	    (long)gen_rng_below(r, (uint32_t)*eligible_left) < *notes_left;

	(*eligible_left)--;
	if (pick)
		(*notes_left)--;
	return pick;
}

static int
gen_write_group_meetings(struct gen *g, struct gen_rng *r, long gi, long *eligible_left,
    long *notes_left)
{
	const struct gen_group *gr = &g->groups[gi];
	int length = gen_slots[gr->slot].end - gen_slots[gr->slot].start;
	uint64_t gh = gen_hash(g->seed, 10, (uint64_t)gi, 0);
	const char *own_form = gen_form(g, NULL, gh >> 3);
	struct gen_buf place;
	struct actor *lead;
	int32_t k, n;

	n = gen_group_days(g, gr, g->days);
	gen_buf_clear(&place);
	if (gh % 100 < 15) {
		gen_buf_add(&place, "Online (Teams)");
	} else {
		int32_t org = g->person_org[gr->lead];

		gen_text_org_name((enum gen_org_kind)g->org_kind[org], (size_t)g->org_place[org],
		    gen_hash(g->seed, 11, (uint64_t)org, 0), &place);
		gen_buf_addf(&place, ", %s", gen_text_room(gh >> 7));
	}
	lead = gen_as(g, gr->lead);
	for (k = 0; k < n; k++) {
		const char *status = gen_meeting_status(g, gi, k, g->days[k]);
		bool held = strcmp(status, "held") == 0, note = false;
		uint64_t mh = gen_hash(g->seed, 12, (uint64_t)gi, (uint64_t)k);
		struct meeting_new m;
		int64_t id;
		int current, came;

		if (held) {
			gen_meeting_people(g, gi, k, g->days[k], &current, &came);
			if (came >= 3)
				note = gen_pick_note(g, r, eligible_left, notes_left);
		}
		m.group_id = gr->id;
		m.title = NULL;
		m.day = gen_date(g->days[k]);
		m.start_min = gen_slots[gr->slot].start;
		m.end_min = gen_slots[gr->slot].end;
		m.place = place.s;
		m.agenda = gen_text_agenda(mh);
		m.working_form = note ? gen_form(g, "intervision", mh) :
		    mh % 100 < 70 ? own_form : gen_form(g, NULL, mh >> 8);
		m.status = status;
		if (store_meeting_insert(g->st, lead, &m, &id, &g->error) != 0)
			return gen_fail(g, "meeting %d of group %ld", k + 1, gi + 1);
		g->c_meetings++;
		g->c_held += held;
		if (held && gen_write_attendance(g, gi, k, id, length, lead) != 0)
			return -1;
		if (note) {
			struct gen_note_target *t = &g->targets[g->n_targets++];

			t->meeting_id = id;
			t->group = (int32_t)gi;
			t->k = k;
			t->day = g->days[k];
		}
	}
	return 0;
}

static int
gen_write_meetings(struct gen *g)
{
	long eligible_left = g->est.eligible, i;
	long notes_left = g->sc->notes < eligible_left ? g->sc->notes : eligible_left;
	struct gen_rng r;

	gen_rng_seed(&r, g->seed, 6);
	gen_phase_start(g, "meetings", g->n_groups + 1);
	if (gen_write_network_days(g) != 0)
		return -1;
	gen_tick(g);
	for (i = 0; i < g->n_groups; i++) {
		if (gen_write_group_meetings(g, &r, i, &eligible_left, &notes_left) != 0)
			return -1;
		gen_tick(g);
	}
	gen_phase_end(g);
	return 0;
}

/* ---- writing: intervision notes ---- */

static const struct config_method *
gen_method(const struct gen *g, struct gen_rng *r)
{
	static const char *const keys[] = { "incident", "vijfstappen", "balint", NULL };
	static const int weights[] = { 50, 30, 20 };
	int total = 0, x;
	size_t i;

	for (i = 0; i < g->cfg->n_methods; i++)
		total += gen_key_weight(g->cfg->methods[i].key, keys, weights, 20);
	x = (int)gen_rng_below(r, (uint32_t)total);
	for (i = 0; i + 1 < g->cfg->n_methods; i++) {
		if ((x -= gen_key_weight(g->cfg->methods[i].key, keys, weights, 20)) < 0)
			break;
	}
	return &g->cfg->methods[i];
}

/* The people who came to a meeting (present or late); returns how many. */
static size_t
gen_came(const struct gen *g, const struct gen_note_target *t, int32_t *out, size_t cap)
{
	const struct gen_group *gr = &g->groups[t->group];
	size_t i, n = 0;

	for (i = 0; i < gr->n_members && n < cap; i++) {
		const struct gen_member *m = &g->members[gr->first_member + i];

		if (gen_current(m, t->day) && gen_attendance(g, t->group, t->k, m) <= GEN_LATE)
			out[n++] = m->person;
	}
	return n;
}

static int
gen_write_sections(struct gen *g, struct gen_rng *r, const struct config_method *method,
    int64_t note_id, struct actor *author)
{
	struct gen_buf body;
	size_t i;

	for (i = 0; i < method->n_phases; i++) {
		enum gen_phase_kind kind = gen_text_phase_kind(method->phases[i]);
		const char *privacy = "group";

		if (kind == GEN_PHASE_TAKEAWAY && gen_rng_chance(r, 15))
			privacy = "contributor";
		else if (gen_rng_chance(r, 3))
			privacy = "author";
		gen_text_section(r, kind, gen_rng_range(r, 1, 4), &body);
		if (store_note_section_insert(g->st, author, note_id, (int)i + 1, method->phases[i],
		    body.s, privacy, &g->error) != 0)
			return gen_fail(g, "section %zu of note %" PRId64, i + 1, note_id);
		g->c_sections++;
	}
	return 0;
}

static int
gen_write_note(struct gen *g, struct gen_rng *r, const struct gen_note_target *t)
{
	const struct config_method *method = gen_method(g, r);
	int32_t came[64], contributor, chair, taker;
	struct gen_buf what;
	struct actor *author;
	struct note_new nn;
	int64_t id;
	size_t n = gen_came(g, t, came, 64), a;
	int agreements;

	if (n < 3)
		return gen_fail(g, "meeting %" PRId64 " has too few people for a note", t->meeting_id);
	a = gen_rng_below(r, (uint32_t)n);
	contributor = came[a];
	chair = came[(a + 1 + gen_rng_below(r, (uint32_t)(n - 2))) % n];
	taker = came[(a + n - 1) % n] != chair ? came[(a + n - 1) % n] : came[(a + 1) % n];
	if (taker == chair || taker == contributor) {
		size_t i;

		for (i = 0; i < n && (came[i] == chair || came[i] == contributor); i++)
			;
		taker = came[i];
	}
	nn.meeting_id = t->meeting_id;
	nn.method = method->key;
	nn.contributor_id = g->person_id[contributor];
	nn.chair_id = g->person_id[chair];
	nn.minute_taker_id = g->person_id[taker];
	nn.author_id = g->person_id[taker];
	author = gen_as(g, taker);
	if (store_note_insert(g->st, author, &nn, &id, &g->error) != 0)
		return gen_fail(g, "note on meeting %" PRId64, t->meeting_id);
	g->c_notes++;
	if (gen_write_sections(g, r, method, id, author) != 0)
		return -1;
	/* the look-back: most of the last session's agreements are done by now */
	if (t->group == g->prev_group) {
		int k;

		for (k = 0; k < g->n_prev_agr; k++) {
			uint32_t x = gen_rng_below(r, 100);

			if (x < 5)
				continue;	/* still open */
			if (store_agreement_reviewed(g->st, &g->coord, g->prev_agr[k],
			    x < 75 ? "done" : x < 90 ? "continued" : "dropped", id, &g->error) != 0)
				return gen_fail(g, "reviewing an agreement in note %" PRId64, id);
		}
	}
	g->prev_group = t->group;
	g->n_prev_agr = 0;
	for (agreements = gen_rng_range(r, 1, 3); agreements > 0; agreements--) {
		int32_t owner = gen_rng_chance(r, 60) ? contributor : came[gen_rng_below(r,
		    (uint32_t)n)];
		struct date due = gen_date(t->day + gen_rng_range(r, 14, 56));

		gen_text_agreement(r, &what);
		if (store_agreement_insert(g->st, author, id, what.s, g->person_id[owner], &due,
		    &g->prev_agr[g->n_prev_agr++], &g->error) != 0)
			return gen_fail(g, "agreement of note %" PRId64, id);
		g->c_agreements++;
	}
	return 0;
}

static int
gen_write_notes(struct gen *g)
{
	struct gen_rng r;
	size_t i;

	gen_rng_seed(&r, g->seed, 7);
	g->prev_group = -1;
	gen_phase_start(g, "notes", (long)g->n_targets);
	for (i = 0; i < g->n_targets; i++) {
		if (gen_write_note(g, &r, &g->targets[i]) != 0)
			return -1;
		gen_tick(g);
	}
	gen_phase_end(g);
	return 0;
}

/* ---- writing: group life (updates, products, budget requests, scans) ---- */

static const char *const gen_product_kinds[] = {
	"guide", "professional", "lessons", "policy", "research", "other"
};
static const char *const gen_product_words[] = {
	"Handreiking", "Lessenserie", "Praktijkboek", "Onderzoeksverslag", "Beleidsnotitie",
	"Toolkit"
};

/* The group life of one active group gi: a day in its running part up to today. */
static int32_t
gen_life_day(const struct gen *g, const struct gen_group *gr, struct gen_rng *r)
{
	int32_t hi = gr->hi < g->today ? gr->hi : g->today, lo = gr->lo < hi ? gr->lo : hi;

	return lo + (int32_t)gen_rng_below(r, (uint32_t)(hi - lo + 1));
}

static int
gen_write_life_group(struct gen *g, struct gen_rng *r, long gi)
{
	const struct gen_group *gr = &g->groups[gi];
	const struct config_items *factors = &g->cfg->success_factors;
	struct gen_buf title, body, theme;
	struct health_score scores[32];
	char at[DATETIME_ISO_LEN];
	struct date d;
	int64_t author = g->person_id[gr->lead];
	size_t i;
	int k;

	gen_text_theme_title((size_t)gr->theme, (size_t)g->n_themes, &theme);
	/* two updates by the lead */
	for (k = 0; k < 2; k++) {
		d = gen_date(gen_life_day(g, gr, r));
		datetime_format_iso(&d, 16 * 60 + 30 + k, at);
		gen_buf_clear(&title);
		gen_buf_addf(&title, "%s: stand van zaken %d", k == 0 ? "Voortgang" : "Terugblik",
		    k + 1);
		gen_buf_clear(&body);
		gen_text_section(r, GEN_PHASE_TAKEAWAY, gen_rng_range(r, 2, 4), &body);
		if (store_update_insert_as(g->st, &g->coord, gr->id, author, at, title.s, body.s,
		    NULL, &g->error) != 0)
			return gen_fail(g, "update of group %ld", gi + 1);
		g->c_updates++;
	}
	/* a published product for every other group */
	if (gi % 2 == 0) {
		struct product_in p;

		memset(&p, 0, sizeof p);
		gen_buf_clear(&title);
		gen_buf_addf(&title, "%s %s", gen_product_words[gi / 2 % 6], theme.s);
		gen_buf_clear(&body);
		gen_text_section(r, GEN_PHASE_ANALYSIS, 2, &body);
		p.title = title.s;
		p.kind = gen_product_kinds[gi / 2 % 6];
		p.description = body.s;
		p.link = "https://leernetwerk.example/opbrengsten";
		p.status = "published";
		p.published_on = gen_date(gen_life_day(g, gr, r));
		if (store_product_add(g->st, &g->coord, gr->id, &p, NULL, &g->error) != 0)
			return gen_fail(g, "product of group %ld", gi + 1);
		g->c_products++;
	}
	/* a budget request for every tenth group: open, approved or declined */
	if (gi % 10 == 0) {
		struct budget_record b;
		static const char *const status[] = { "open", "approved", "declined" };

		memset(&b, 0, sizeof b);
		b.r.group_id = gr->id;
		b.r.purpose = "Een externe specialist voor een studiemiddag";
		b.r.specialist = "Lectoraat Onderwijsinnovatie";
		b.r.cost_cents = 25000 + (int64_t)gen_rng_below(r, 40) * 2500;
		b.requested_by = author;
		b.requested_on = gen_date(gen_life_day(g, gr, r));
		b.status = status[gi / 10 % 3];
		if (gi / 10 % 3 != 0) {
			b.decided_by = g->coord.person_id;
			b.decided_on = b.requested_on;
			b.remark = gi / 10 % 3 == 2 ? "Past niet in het budget van dit jaar" : NULL;
		}
		if (store_budget_insert(g->st, &g->coord, &b, NULL, &g->error) != 0)
			return gen_fail(g, "budget request of group %ld", gi + 1);
		g->c_requests++;
	}
	/* a health scan for every other group, every success factor scored */
	if (gi % 2 == 1 && factors->n <= sizeof scores / sizeof scores[0]) {
		struct scan_new sn;
		const char *keys[32];

		memset(&sn, 0, sizeof sn);
		for (i = 0; i < factors->n; i++) {
			keys[i] = factors->v[i].key;
			scores[i].factor = factors->v[i].key;
			scores[i].score = gen_rng_range(r, 2, 5);
			scores[i].remark = NULL;
		}
		sn.group_id = gr->id;
		sn.on = gen_date(gen_life_day(g, gr, r));
		sn.filled_by = author;
		sn.scores = scores;
		sn.n = factors->n;
		sn.factors = keys;
		sn.n_factors = factors->n;
		if (store_scan_save(g->st, &g->coord, &sn, NULL, &g->error) != 0)
			return gen_fail(g, "scan of group %ld", gi + 1);
		g->c_scans++;
	}
	return 0;
}

static int
gen_write_life(struct gen *g)
{
	struct gen_rng r;
	long i;

	gen_rng_seed(&r, g->seed, 9);
	gen_phase_start(g, "group life", g->n_groups);
	for (i = 0; i < g->n_groups; i++) {
		if (g->groups[i].status == GEN_G_ACTIVE && gen_write_life_group(g, &r, i) != 0)
			return -1;
		gen_tick(g);
	}
	gen_phase_end(g);
	return 0;
}

/* ---- the run ---- */

typedef int (*gen_phase_fn)(struct gen *g);

/* Run one writing phase in one transaction. */
static int
gen_in_transaction(struct gen *g, gen_phase_fn fn)
{
	if (store_begin(g->st, &g->error) != 0)
		return gen_fail(g, "starting a transaction");
	if (fn(g) != 0) {
		store_rollback(g->st);
		return -1;
	}
	if (store_commit(g->st, &g->error) != 0)
		return gen_fail(g, "committing %s", g->phase);
	return 0;
}

static int
gen_write_all(struct gen *g)
{
	static const gen_phase_fn phases[] = { gen_write_orgs, gen_write_people,
		gen_write_themes, gen_write_groups, gen_write_meetings, gen_write_notes,
		gen_write_life };
	size_t i;

	for (i = 0; i < sizeof phases / sizeof phases[0]; i++) {
		if (gen_in_transaction(g, phases[i]) != 0)
			return -1;
	}
	return 0;
}

/* Close (the WAL goes into the file), reopen, check when asked, count. */
static int
gen_finish(struct gen *g, struct store_counts *c, int *problems)
{
	char *report = NULL;

	gen_phase_start(g, "close", 1);
	store_close(g->st);
	g->st = NULL;
	gen_tick(g);
	gen_phase_end(g);
	if (store_open(g->path, 0, &g->st, &g->error) != STORE_OK)
		return gen_fail(g, "reopening %s", g->path);
	*problems = -1;
	if (g->check) {
		gen_phase_start(g, "check", 1);
		*problems = store_check(g->st, &report, &g->error);
		gen_tick(g);
		gen_phase_end(g);
		if (*problems < 0)
			return gen_fail(g, "checking %s", g->path);
		if (*problems > 0)
			fprintf(stderr, "gen: store_check found problems:\n%s", report);
		free(report);
	}
	memset(c, 0, sizeof *c);
	if (store_counts(g->st, c, &g->error) != 0)
		return gen_fail(g, "counting");
	return 0;
}

static void
gen_summary(struct gen *g, const struct store_counts *c, int problems)
{
	char today[DATE_ISO_LEN];
	struct date d = gen_date(g->today);
	struct stat sb;
	size_t i;

	date_format_iso(&d, today);
	printf("gen %s seed %" PRIu64 " today %s: %ld organisations, %ld people, %ld themes "
	    "(%ld registrations), %ld groups (%ld memberships), %ld meetings (%ld held, "
	    "%ld attendance), %ld notes (%ld sections, %ld agreements), %ld updates, "
	    "%ld products, %ld budget requests, %ld scans; check %s; %.1f s (",
	    g->sc->name, g->seed, today, c->organisations, c->people, c->themes, g->c_interest,
	    c->groups, g->c_memberships, c->meetings, g->c_held, g->c_attendance, c->notes,
	    g->c_sections, g->c_agreements, g->c_updates, g->c_products, g->c_requests,
	    g->c_scans, problems < 0 ? "skipped" : problems == 0 ? "ok" : "FAILED",
	    gen_seconds_since(&g->t_start));
	for (i = 0; i < g->n_timings; i++)
		printf("%s%s %.1f", i > 0 ? ", " : "", g->timings[i].name, g->timings[i].seconds);
	printf(")");
	if (stat(g->path, &sb) == 0)
		printf("; %.1f MiB", (double)sb.st_size / (1024.0 * 1024.0));
	printf("\n");
}

static void
gen_free(struct gen *g)
{
	store_close(g->st);
	config_free(g->cfg);
	free(g->error);
	free(g->holiday);
	free(g->org_kind);
	free(g->org_place);
	free(g->org_parent);
	free(g->org_id);
	free(g->person_org);
	free(g->person_id);
	free(g->themes);
	free(g->groups);
	free(g->members);
	free(g->days);
	free(g->targets);
}

/* Remove a half-written database and its WAL files. */
static void
gen_remove(const char *path)
{
	char *p;

	unlink(path);
	p = xasprintf("%s-wal", path);
	unlink(p);
	free(p);
	p = xasprintf("%s-shm", path);
	unlink(p);
	free(p);
}

static void
gen_usage(FILE *f)
{
	fprintf(f, "usage: gen --scale demo|region|national --database FILE [--seed N] "
	    "[--config FILE] [--check]\n");
}

/* Parse the command line into g; returns 0, or an exit status. */
static int
gen_args(struct gen *g, int argc, char **argv, const char **config_path)
{
	static const struct option options[] = {
		{ "scale", required_argument, NULL, 's' },
		{ "database", required_argument, NULL, 'd' },
		{ "seed", required_argument, NULL, 'S' },
		{ "config", required_argument, NULL, 'c' },
		{ "check", no_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *scale = NULL;
	char *end;
	size_t i;
	int c;

	while ((c = getopt_long(argc, argv, "s:d:S:c:Ch", options, NULL)) != -1) {
		switch (c) {
		case 's':
			scale = optarg;
			break;
		case 'd':
			g->path = optarg;
			break;
		case 'S':
			errno = 0;
			g->seed = strtoull(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || *optarg == '\0' || *optarg == '-') {
				fprintf(stderr, "gen: --seed takes a number, not '%s'\n", optarg);
				return GEN_EX_USAGE;
			}
			break;
		case 'c':
			*config_path = optarg;
			break;
		case 'C':
			g->check = true;
			break;
		case 'h':
			gen_usage(stdout);
			exit(0);
		default:
			gen_usage(stderr);
			return GEN_EX_USAGE;
		}
	}
	if (optind != argc || scale == NULL || g->path == NULL) {
		gen_usage(stderr);
		return GEN_EX_USAGE;
	}
	for (i = 0; i < sizeof gen_scales / sizeof gen_scales[0]; i++) {
		if (strcmp(gen_scales[i].name, scale) == 0)
			g->sc = &gen_scales[i];
	}
	if (g->sc == NULL) {
		fprintf(stderr, "gen: unknown scale '%s' (demo, region or national)\n", scale);
		return GEN_EX_USAGE;
	}
	if (strcmp(scale, "national") != 0)
		g->check = true;
	return 0;
}

/* LEERNET_TODAY=YYYY-MM-DD pins today, as in leernet itself. */
static int
gen_fix_today(void)
{
	const char *v = getenv("LEERNET_TODAY");
	struct date d;

	if (v == NULL || *v == '\0')
		return 0;
	if (date_parse_iso(v, &d) != 0) {
		fprintf(stderr, "gen: LEERNET_TODAY must be a date YYYY-MM-DD, not '%s'\n", v);
		return -1;
	}
	date_clock_fix(&d);
	return 0;
}

static void
gen_actors(struct gen *g)
{
	g->importer.person_id = 0;
	g->importer.login = gen_importer_login;
	g->importer.name = gen_importer_name;
	g->importer.coordinator = true;
	g->coord.login = gen_coord_login;
	g->coord.name = gen_coord_name;
	g->coord.coordinator = true;
	g->person.login = g->person_login;
	g->person.name = g->person_login;
	g->person.coordinator = false;
}

int
main(int argc, char **argv)
{
	const char *config_path = BUILD_SRCDIR "/data/leernet.yaml";
	struct store_counts counts;
	struct gen g;
	struct stat sb;
	int ret, problems = -1;

	memset(&g, 0, sizeof g);
	g.seed = 1;
	if ((ret = gen_args(&g, argc, argv, &config_path)) != 0)
		return ret;
	if (gen_fix_today() != 0)
		return GEN_EX_USAGE;
	if ((g.cfg = config_load(config_path, &g.error)) == NULL) {
		fprintf(stderr, "gen: %s\n", g.error);
		free(g.error);
		return GEN_EX_CONFIG;
	}
	if (stat(g.path, &sb) == 0) {
		fprintf(stderr, "gen: %s already exists; gen writes only a new database\n", g.path);
		gen_free(&g);
		return GEN_EX_CANTCREAT;
	}
	if (store_open(g.path, STORE_OPEN_CREATE, &g.st, &g.error) != STORE_OK) {
		fprintf(stderr, "gen: %s\n", g.error);
		gen_free(&g);
		return GEN_EX_CANTCREAT;
	}
	g.tty = isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &g.t_start);
	gen_actors(&g);
	gen_calendar(&g);
	if (gen_plan(&g) != 0 || gen_write_all(&g) != 0 ||
	    gen_finish(&g, &counts, &problems) != 0) {
		if (g.tty)
			fputc('\n', stderr);
		fprintf(stderr, "gen: %s\n", g.error);
		gen_free(&g);
		gen_remove(g.path);
		return GEN_EX_SOFTWARE;
	}
	gen_summary(&g, &counts, problems);
	gen_free(&g);
	return problems > 0 ? 1 : 0;
}

/*
 * demo.c — build the demo network from the TSV files in data/demo/ (see its README.md).
 *
 * Dates in the files are day offsets from 1 August of today's school year,
 * so the demo always shows "this year". Meetings are generated from each
 * group's rhythm, skipping school holidays; past ones are held, with
 * attendance drawn deterministically. Everything goes in one transaction.
 */
#include "autoconf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/demo.h"
#include "core/domain.h"
#include "core/i18n.h"
#include "core/tsv.h"
#include "core/xmalloc.h"

struct demo_key {
	char *key;
	int64_t id;
};

struct demo_member {
	int64_t person_id;
	char *role;
	struct date start;
	struct date end;	/* year 0 = open */
};

struct demo_group {
	char *key;
	int64_t id;
	struct date start, end;		/* first and last possible meeting day */
	int weekday, every_weeks;
	int start_min, end_min;
	char *place, *working_form;
	struct demo_member *members;
	size_t n_members;
	int64_t *meetings;	/* ids in date order */
	struct date *meeting_days;
	size_t n_meetings;
};

struct demo {
	struct store *st;
	const struct config *cfg;
	struct actor *who;
	struct date origin;	/* 1 August of this school year */
	struct date today;
	struct demo_key *orgs, *people, *themes;
	size_t n_orgs, n_people, n_themes;
	int64_t *archive;	/* themes archived after their registrations */
	size_t n_archive;
	struct demo_group *groups;
	size_t n_groups;
	const char *file;	/* for messages */
	int line;
	char **error;
	int64_t note_id;	/* the note that section/agreement lines belong to */
	const struct config_method *note_method;
	bool note_skip;		/* the note's meeting is not held yet: leave it out */
	struct date note_day;
};

/* Record an error "file:line: message" and return -1. */
static int __attribute__((format(printf, 2, 3)))
demo_fail(struct demo *d, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (d->error != NULL && *d->error != NULL) {
		msg = *d->error;
		*d->error = xasprintf("%s:%d: %s", d->file, d->line, msg);
		free(msg);
		return -1;
	}
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	if (d->error != NULL)
		*d->error = xasprintf("%s:%d: %s", d->file, d->line, msg != NULL ? msg : "?");
	free(msg);
	return -1;
}

static void
demo_key_add(struct demo_key **v, size_t *n, const char *key, int64_t id)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].key = xstrdup(key);
	(*v)[*n].id = id;
	(*n)++;
}

/* The id of key in v, 0 when key is empty, -1 when unknown. */
static int64_t
demo_key_find(const struct demo_key *v, size_t n, const char *key)
{
	size_t i;

	if (*key == '\0')
		return 0;
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].key, key) == 0)
			return v[i].id;
	}
	return -1;
}

static int
demo_lookup(struct demo *d, const struct demo_key *v, size_t n, const char *what,
    const char *key, int64_t *id)
{
	*id = demo_key_find(v, n, key);
	if (*id < 0)
		return demo_fail(d, _("unknown %s '%s'"), what, key);
	return 0;
}

static struct demo_group *
demo_group_find(struct demo *d, const char *key)
{
	size_t i;

	for (i = 0; i < d->n_groups; i++) {
		if (strcmp(d->groups[i].key, key) == 0)
			return &d->groups[i];
	}
	return NULL;
}

/* A day offset field into a date; empty gives year 0. */
static int
demo_offset(struct demo *d, const char *s, struct date *out)
{
	char *end;
	long n;

	if (*s == '\0') {
		memset(out, 0, sizeof *out);
		return 0;
	}
	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || n < -4000 || n > 4000)
		return demo_fail(d, _("'%s' is not a day offset"), s);
	*out = date_add_days(&d->origin, n);
	return 0;
}

static int
demo_int(struct demo *d, const char *s, int lo, int hi, int *out)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || *s == '\0' || n < lo || n > hi)
		return demo_fail(d, _("'%s' is not a number from %d to %d"), s, lo, hi);
	*out = (int)n;
	return 0;
}

static int
demo_time(struct demo *d, const char *s, int *minutes)
{
	if (time_parse(s, minutes) != 0)
		return demo_fail(d, _("'%s' is not a time (HH:MM)"), s);
	return 0;
}

static int
demo_org(struct demo *d, const struct tsv_line *l)
{
	static const char *const kinds[] = { "school", "board", "institute", "municipality", "other" };
	struct org_new o = { tsv_get(l, 1), ORG_OTHER, 0, tsv_get(l, 4) };
	int64_t id;
	size_t k;

	for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		if (strcmp(kinds[k], tsv_get(l, 2)) == 0)
			o.kind = (enum org_kind)k;
	}
	if (demo_lookup(d, d->orgs, d->n_orgs, _("organisation"), tsv_get(l, 3), &o.parent_id) != 0)
		return -1;
	if (store_org_insert(d->st, d->who, &o, &id, d->error) != 0)
		return demo_fail(d, "-");
	demo_key_add(&d->orgs, &d->n_orgs, tsv_get(l, 0), id);
	return 0;
}

static int
demo_person(struct demo *d, const struct tsv_line *l)
{
	struct person_new p = { tsv_get(l, 2), tsv_get(l, 3), 0, tsv_get(l, 5), tsv_get(l, 1),
		strcmp(tsv_get(l, 6), "1") == 0 };
	int64_t id;

	if (demo_lookup(d, d->orgs, d->n_orgs, _("organisation"), tsv_get(l, 4),
	    &p.organisation_id) != 0)
		return -1;
	if (store_person_insert(d->st, d->who, &p, &id, d->error) != 0)
		return demo_fail(d, "-");
	demo_key_add(&d->people, &d->n_people, tsv_get(l, 0), id);
	return 0;
}

static int
demo_theme(struct demo *d, const struct tsv_line *l)
{
	struct theme_new t = { tsv_get(l, 1), tsv_get(l, 7), 0, { 0, 0, 0 }, tsv_get(l, 4),
		tsv_get(l, 5), tsv_get(l, 6) };
	bool archived;
	int64_t id;

	if (demo_lookup(d, d->people, d->n_people, _("person"), tsv_get(l, 2), &t.proposer_id) != 0 ||
	    demo_offset(d, tsv_get(l, 3), &t.proposed_on) != 0)
		return -1;
	if (!domain_is_theme_status(t.status))
		return demo_fail(d, _("unknown theme status '%s'"), t.status);
	archived = strcmp(t.status, "archived") == 0;
	if (archived)
		t.status = "gathering";	/* archived once its registrations are in */
	if (store_theme_insert(d->st, d->who, &t, &id, d->error) != 0)
		return demo_fail(d, "-");
	demo_key_add(&d->themes, &d->n_themes, tsv_get(l, 0), id);
	if (archived) {
		d->archive = xreallocarray(d->archive, d->n_archive + 1, sizeof *d->archive);
		d->archive[d->n_archive++] = id;
	}
	return 0;
}

static int
demo_interest(struct demo *d, const struct tsv_line *l)
{
	int64_t theme, person;
	struct date on;

	if (demo_lookup(d, d->themes, d->n_themes, _("theme"), tsv_get(l, 0), &theme) != 0 ||
	    demo_lookup(d, d->people, d->n_people, _("person"), tsv_get(l, 1), &person) != 0 ||
	    demo_offset(d, tsv_get(l, 2), &on) != 0)
		return -1;
	if (store_interest_insert(d->st, d->who, theme, person, &on,
	    strcmp(tsv_get(l, 3), "ja") == 0, tsv_get(l, 4), d->error) != 0)
		return demo_fail(d, "-");
	return 0;
}

static int
demo_group(struct demo *d, const struct tsv_line *l)
{
	struct group_new g = { tsv_get(l, 1), tsv_get(l, 2), 0, tsv_get(l, 4), tsv_get(l, 5),
		{ 0, 0, 0 }, { 0, 0, 0 }, tsv_get(l, 9), 0, tsv_get(l, 6), NULL };
	const struct config_group_type *type = config_group_type(d->cfg, g.type);
	struct demo_group dg;

	memset(&dg, 0, sizeof dg);
	if (type == NULL)
		return demo_fail(d, _("unknown group type '%s'"), g.type);
	if (!domain_is_group_status(g.status))
		return demo_fail(d, _("unknown group status '%s'"), g.status);
	g.hours_norm = type->hours_norm;
	if (type->needs_proposal)
		g.proposal_ref = "VOORSTEL-DEMO";
	if (demo_lookup(d, d->themes, d->n_themes, _("theme"), tsv_get(l, 3), &g.theme_id) != 0 ||
	    demo_offset(d, tsv_get(l, 7), &g.start_on) != 0 ||
	    demo_offset(d, tsv_get(l, 8), &g.planned_end_on) != 0 ||
	    demo_int(d, tsv_get(l, 10), 1, 5, &dg.weekday) != 0 ||
	    demo_time(d, tsv_get(l, 11), &dg.start_min) != 0 ||
	    demo_time(d, tsv_get(l, 12), &dg.end_min) != 0 ||
	    demo_int(d, tsv_get(l, 13), 1, 12, &dg.every_weeks) != 0)
		return -1;
	if (dg.end_min <= dg.start_min)
		return demo_fail(d, _("the meetings end before they start"));
	if (store_group_insert(d->st, d->who, &g, &dg.id, d->error) != 0)
		return demo_fail(d, "-");
	dg.key = xstrdup(tsv_get(l, 0));
	dg.start = g.start_on;
	dg.end = g.planned_end_on;
	dg.place = xstrdup(tsv_get(l, 14));
	dg.working_form = xstrdup(tsv_get(l, 15));
	d->groups = xreallocarray(d->groups, d->n_groups + 1, sizeof *d->groups);
	d->groups[d->n_groups++] = dg;
	return 0;
}

static int
demo_member(struct demo *d, const struct tsv_line *l)
{
	struct demo_group *g = demo_group_find(d, tsv_get(l, 0));
	struct demo_member m;

	if (g == NULL)
		return demo_fail(d, _("unknown group '%s'"), tsv_get(l, 0));
	m.role = (char *)tsv_get(l, 2);
	if (!domain_is_role(m.role))
		return demo_fail(d, _("unknown role '%s'"), m.role);
	if (demo_lookup(d, d->people, d->n_people, _("person"), tsv_get(l, 1), &m.person_id) != 0 ||
	    demo_offset(d, tsv_get(l, 3), &m.start) != 0 ||
	    demo_offset(d, tsv_get(l, 4), &m.end) != 0)
		return -1;
	if (store_membership_insert(d->st, d->who, g->id, m.person_id, m.role, &m.start,
	    m.end.year != 0 ? &m.end : NULL, d->error) != 0)
		return demo_fail(d, "-");
	m.role = xstrdup(m.role);
	g->members = xreallocarray(g->members, g->n_members + 1, sizeof *g->members);
	g->members[g->n_members++] = m;
	return 0;
}

static int
demo_event(struct demo *d, const struct tsv_line *l)
{
	struct meeting_new m = { 0, tsv_get(l, 0), { 0, 0, 0 }, 0, 0, tsv_get(l, 4),
		tsv_get(l, 5), "meeting", "planned" };

	if (demo_offset(d, tsv_get(l, 1), &m.day) != 0 ||
	    demo_time(d, tsv_get(l, 2), &m.start_min) != 0 ||
	    demo_time(d, tsv_get(l, 3), &m.end_min) != 0)
		return -1;
	while (date_weekday(&m.day) > 5)
		m.day = date_add_days(&m.day, 1);
	if (date_compare(&m.day, &d->today) < 0)
		m.status = "held";
	if (store_meeting_insert(d->st, d->who, &m, NULL, d->error) != 0)
		return demo_fail(d, "-");
	return 0;
}

/* Attendance of one member at a held meeting, drawn from a fixed hash. */
static int
demo_attend(struct demo *d, int64_t meeting, const struct demo_member *m, int n, int length)
{
	unsigned h = (unsigned)(m->person_id * 2654435761u) ^ (unsigned)(n * 40503u);
	const char *status = "present";
	int minutes = -1;

	h = (h ^ (h >> 13)) % 100;
	if (h >= 96) {
		status = "absent";
	} else if (h >= 89) {
		status = "excused";
	} else if (h >= 84) {
		status = "late";
		minutes = length - 20;
	}
	return store_attendance_set(d->st, d->who, meeting, m->person_id, status, minutes,
	    NULL, d->error);
}

static bool
demo_member_on(const struct demo_member *m, const struct date *day)
{
	if (strcmp(m->role, "follower") == 0 || date_compare(&m->start, day) > 0)
		return false;
	return m->end.year == 0 || date_compare(&m->end, day) >= 0;
}

/* Create one meeting of g on day, with attendance when it is past. */
static int
demo_meeting(struct demo *d, struct demo_group *g, const struct date *day)
{
	struct meeting_new m = { g->id, NULL, *day, g->start_min, g->end_min, g->place, NULL,
		g->working_form, "planned" };
	int64_t id;
	size_t i;

	if (date_compare(day, &d->today) < 0)
		m.status = "held";
	if (store_meeting_insert(d->st, d->who, &m, &id, d->error) != 0)
		return -1;
	g->meetings = xreallocarray(g->meetings, g->n_meetings + 1, sizeof *g->meetings);
	g->meeting_days = xreallocarray(g->meeting_days, g->n_meetings + 1, sizeof *g->meeting_days);
	g->meetings[g->n_meetings] = id;
	g->meeting_days[g->n_meetings++] = *day;
	if (strcmp(m.status, "held") != 0)
		return 0;
	for (i = 0; i < g->n_members; i++) {
		if (demo_member_on(&g->members[i], day) &&
		    demo_attend(d, id, &g->members[i], (int)g->n_meetings,
		    g->end_min - g->start_min) != 0)
			return -1;
	}
	return 0;
}

/* Every N weeks on the group's weekday from its start, skipping holidays. */
static int
demo_meetings(struct demo *d, struct demo_group *g)
{
	struct date last, day = g->start;

	date_school_year(&d->origin, NULL, &last);
	if (g->end.year != 0 && date_compare(&g->end, &last) < 0)
		last = g->end;
	while (date_weekday(&day) != g->weekday)
		day = date_add_days(&day, 1);
	for (; date_compare(&day, &last) <= 0; day = date_add_days(&day, 7L * g->every_weeks)) {
		struct date d2 = day;

		while (config_holiday_on(d->cfg, &d2) != NULL && date_compare(&d2, &last) <= 0)
			d2 = date_add_days(&d2, 7);
		if (date_compare(&d2, &last) > 0)
			break;
		if (demo_meeting(d, g, &d2) != 0)
			return -1;
		day = d2;
	}
	return 0;
}

/* "note" lines start a note; "section" and "agreement" lines fill it. */
static int
demo_note(struct demo *d, const struct tsv_line *l)
{
	const char *kind = tsv_get(l, 0);
	struct note_new n;
	struct demo_group *g;
	int number;

	if (strcmp(kind, "note") != 0)
		return demo_fail(d, _("expected a 'note' line, found '%s'"), kind);
	if ((g = demo_group_find(d, tsv_get(l, 1))) == NULL)
		return demo_fail(d, _("unknown group '%s'"), tsv_get(l, 1));
	if (demo_int(d, tsv_get(l, 2), 1, (int)g->n_meetings, &number) != 0)
		return -1;
	memset(&n, 0, sizeof n);
	d->note_day = g->meeting_days[number - 1];
	d->note_skip = date_compare(&d->note_day, &d->today) >= 0;
	d->note_id = -1;
	if (d->note_skip)
		return 0;
	n.meeting_id = g->meetings[number - 1];
	n.method = tsv_get(l, 3);
	if ((d->note_method = config_method(d->cfg, n.method)) == NULL)
		return demo_fail(d, _("unknown intervision method '%s'"), n.method);
	if (demo_lookup(d, d->people, d->n_people, _("person"), tsv_get(l, 4), &n.contributor_id) != 0 ||
	    demo_lookup(d, d->people, d->n_people, _("person"), tsv_get(l, 5), &n.chair_id) != 0 ||
	    demo_lookup(d, d->people, d->n_people, _("person"), tsv_get(l, 6), &n.minute_taker_id) != 0)
		return -1;
	n.author_id = n.minute_taker_id;
	if (store_note_insert(d->st, d->who, &n, &d->note_id, d->error) != 0)
		return demo_fail(d, "-");
	return 0;
}

static int
demo_note_part(struct demo *d, const struct tsv_line *l)
{
	const char *kind = tsv_get(l, 0);
	int64_t owner;
	struct date due;
	int n;

	if (strcmp(kind, "note") == 0 || d->note_id == 0)
		return demo_note(d, l);
	if (d->note_skip)
		return 0;
	if (strcmp(kind, "section") == 0) {
		if (demo_int(d, tsv_get(l, 1), 1, (int)d->note_method->n_phases, &n) != 0)
			return -1;
		if (!domain_is_privacy(tsv_get(l, 2)))
			return demo_fail(d, _("unknown privacy '%s'"), tsv_get(l, 2));
		if (store_note_section_insert(d->st, d->who, d->note_id, n,
		    d->note_method->phases[n - 1],
		    tsv_get(l, 3), tsv_get(l, 2), d->error) != 0)
			return demo_fail(d, "-");
		return 0;
	}
	if (strcmp(kind, "agreement") != 0)
		return demo_fail(d, _("unknown line type '%s'"), kind);
	if (demo_lookup(d, d->people, d->n_people, _("person"), tsv_get(l, 1), &owner) != 0 ||
	    demo_int(d, tsv_get(l, 2), 0, 365, &n) != 0)
		return -1;
	due = date_add_days(&d->note_day, n);
	if (store_agreement_insert(d->st, d->who, d->note_id, tsv_get(l, 3), owner, &due,
	    NULL, d->error) != 0)
		return demo_fail(d, "-");
	return 0;
}

/* Archive the themes that the files say are archived. */
static int
demo_archive(struct demo *d)
{
	struct theme_detail t;
	size_t i;
	int ret = 0;

	for (i = 0; i < d->n_archive && ret == 0; i++) {
		if (store_theme_get(d->st, d->who, d->archive[i], &t, d->error) != 1)
			return -1;
		ret = store_theme_set_status(d->st, d->who, t.id, t.version, "archived", d->error);
		store_theme_detail_clear(&t);
	}
	return ret == 0 ? 0 : -1;
}

typedef int (*demo_line_fn)(struct demo *d, const struct tsv_line *l);

/* Read dir/name line by line, handing each record of min_fields to fn. */
static int
demo_file(struct demo *d, const char *dir, const char *name, size_t min_fields, demo_line_fn fn)
{
	char *path = xasprintf("%s/%s", dir, name), *line = NULL;
	struct tsv_line l;
	size_t cap = 0;
	FILE *f;
	int ret = 0, n;

	d->file = name;
	d->line = 0;
	if ((f = fopen(path, "r")) == NULL) {
		ret = demo_fail(d, _("cannot read %s: %s"), path, strerror(errno));
		goto out;
	}
	while (ret == 0 && getline(&line, &cap, f) > 0) {
		d->line++;
		n = tsv_split(line, &l);
		if (n == 0)
			continue;
		if (n < 0 || (size_t)n < min_fields)
			ret = demo_fail(d, _("expected at least %zu fields, found %d"), min_fields, n);
		else
			ret = fn(d, &l);
	}
	fclose(f);
out:
	free(line);
	free(path);
	return ret;
}

static void
demo_free(struct demo *d)
{
	size_t i, j;

	for (i = 0; i < d->n_orgs; i++)
		free(d->orgs[i].key);
	for (i = 0; i < d->n_people; i++)
		free(d->people[i].key);
	for (i = 0; i < d->n_themes; i++)
		free(d->themes[i].key);
	for (i = 0; i < d->n_groups; i++) {
		struct demo_group *g = &d->groups[i];

		for (j = 0; j < g->n_members; j++)
			free(g->members[j].role);
		free(g->members);
		free(g->meetings);
		free(g->meeting_days);
		free(g->key);
		free(g->place);
		free(g->working_form);
	}
	free(d->archive);
	free(d->orgs);
	free(d->people);
	free(d->themes);
	free(d->groups);
	actor_free(d->who);
}

/* ---- life.tsv: group life (#9), one function per record type ---- */

/* update  group key  author (person key)  posted on (offset)  at (HH:MM)  title  text;
 * an update dated after today is left out (it was not written yet) */
static int
demo_life_update(struct demo *d, const struct tsv_line *l)
{
	struct demo_group *g = demo_group_find(d, tsv_get(l, 1));
	char at[DATETIME_ISO_LEN];
	struct date day;
	int64_t author;
	int minutes;

	if (g == NULL)
		return demo_fail(d, _("unknown group '%s'"), tsv_get(l, 1));
	if (demo_lookup(d, d->people, d->n_people, _("person"), tsv_get(l, 2), &author) != 0 ||
	    demo_offset(d, tsv_get(l, 3), &day) != 0 || demo_time(d, tsv_get(l, 4), &minutes) != 0)
		return -1;
	if (date_compare(&day, &d->today) > 0)
		return 0;
	if (store_update_insert_as(d->st, d->who, g->id, author,
	    datetime_format_iso(&day, minutes, at), tsv_get(l, 5), tsv_get(l, 6), NULL,
	    d->error) != 0)
		return demo_fail(d, "-");
	return 0;
}

/* follow  group key  person key  since (offset) */
static int
demo_life_follow(struct demo *d, const struct tsv_line *l)
{
	struct demo_group *g = demo_group_find(d, tsv_get(l, 1));
	struct date since;
	int64_t person;

	if (g == NULL)
		return demo_fail(d, _("unknown group '%s'"), tsv_get(l, 1));
	if (demo_lookup(d, d->people, d->n_people, _("person"), tsv_get(l, 2), &person) != 0 ||
	    demo_offset(d, tsv_get(l, 3), &since) != 0)
		return -1;
	if (since.year == 0 || date_compare(&since, &d->today) > 0)
		since = d->today;
	if (store_membership_insert(d->st, d->who, g->id, person, "follower", &since, NULL,
	    d->error) != 0)
		return demo_fail(d, "-");
	return 0;
}

/*
 * product  key  group key  kind  title  status  published on (offset; after today: today)
 *          link  description — added by the demo's coordinator; the key is for people
 *          reading the file: a slot names the product by its title.
 */
static int
demo_life_product(struct demo *d, const struct tsv_line *l)
{
	struct demo_group *g = demo_group_find(d, tsv_get(l, 2));
	struct product_in p;

	if (g == NULL)
		return demo_fail(d, _("unknown group '%s'"), tsv_get(l, 2));
	memset(&p, 0, sizeof p);
	p.kind = tsv_get(l, 3);
	p.title = tsv_get(l, 4);
	p.status = tsv_get(l, 5);
	if (demo_offset(d, tsv_get(l, 6), &p.published_on) != 0)
		return -1;
	if (p.published_on.year != 0 && date_compare(&p.published_on, &d->today) > 0)
		p.published_on = d->today;
	p.link = tsv_get(l, 7);
	p.description = tsv_get(l, 8);
	if (store_product_add(d->st, d->who, g->id, &p, NULL, d->error) != 0)
		return demo_fail(d, "-");
	return 0;
}

/* The network-wide meeting of this school year titled arg->title (for a slot line). */
struct demo_life_event {
	const char *title;
	int64_t id;
};

static int
demo_life_event_cb(const struct calendar_row *r, void *arg)
{
	struct demo_life_event *e = arg;

	if (r->group_id == 0 && r->title != NULL && strcmp(r->title, e->title) == 0)
		e->id = r->id;
	return e->id != 0;
}

/* slot  event title (events.tsv)  group key  product (its title, or the start of it; may be
 *       empty)  start  end  room */
static int
demo_life_slot(struct demo *d, const struct tsv_line *l)
{
	struct demo_group *g = demo_group_find(d, tsv_get(l, 2));
	struct demo_life_event e = { tsv_get(l, 1), 0 };
	struct calendar_query q;
	struct slot_in in;

	if (g == NULL)
		return demo_fail(d, _("unknown group '%s'"), tsv_get(l, 2));
	memset(&q, 0, sizeof q);
	q.scope = MEETING_SCOPE_ALL;
	q.first = d->origin;
	q.last = date_add_days(&d->origin, 365);
	if (store_calendar_range(d->st, d->who, &q, demo_life_event_cb, &e, d->error) != 0)
		return demo_fail(d, "-");
	if (e.id == 0)
		return demo_fail(d, _("no network-wide meeting is called '%s'"), e.title);
	memset(&in, 0, sizeof in);
	in.group_id = g->id;
	if (*tsv_get(l, 3) != '\0' && store_product_lookup(d->st, d->who, g->id, tsv_get(l, 3),
	    &in.product_id, d->error) != 1)
		return demo_fail(d, "-");
	if (demo_time(d, tsv_get(l, 4), &in.start_min) != 0 ||
	    demo_time(d, tsv_get(l, 5), &in.end_min) != 0)
		return -1;
	in.room = tsv_get(l, 6);
	if (store_slot_add(d->st, d->who, e.id, &in, NULL, d->error) != 0)
		return demo_fail(d, "-");
	return 0;
}

/* budget  group key  requested by  on (offset)  purpose  specialist  cost  needed on (offset)
 *         status  decided on (offset)  remark  decided by (person key)
 * The cost is in whole cents ("125050" is € 1.250,50). */
static int
demo_life_budget(struct demo *d, const struct tsv_line *l)
{
	struct demo_group *g = demo_group_find(d, tsv_get(l, 1));
	struct budget_record b;
	const char *cost = tsv_get(l, 6);
	char *end;

	if (g == NULL)
		return demo_fail(d, _("unknown group '%s'"), tsv_get(l, 1));
	memset(&b, 0, sizeof b);
	b.r.group_id = g->id;
	b.r.purpose = tsv_get(l, 4);
	b.r.specialist = tsv_get(l, 5);
	b.status = tsv_get(l, 8);
	b.remark = tsv_get(l, 10);
	errno = 0;
	b.r.cost_cents = strtoll(cost, &end, 10);
	if (errno != 0 || *cost == '\0' || *end != '\0')
		return demo_fail(d, _("'%s' is not an amount in cents"), cost);
	if (demo_lookup(d, d->people, d->n_people, _("person"), tsv_get(l, 2),
	    &b.requested_by) != 0 ||
	    demo_lookup(d, d->people, d->n_people, _("person"), tsv_get(l, 11),
	    &b.decided_by) != 0 ||
	    demo_offset(d, tsv_get(l, 3), &b.requested_on) != 0 ||
	    demo_offset(d, tsv_get(l, 7), &b.r.needed_on) != 0 ||
	    demo_offset(d, tsv_get(l, 9), &b.decided_on) != 0)
		return -1;
	if (store_budget_insert(d->st, d->who, &b, NULL, d->error) != 0)
		return demo_fail(d, "-");
	return 0;
}

/* scan  group key  filled by  on (offset); score  factor key  score  remark (after it) */
static int
demo_life_scan(struct demo *d, const struct tsv_line *l)
{
	/*
	 * A scan is saved once its last success factor is scored (a scan needs
	 * them all); a "scan" line before that is an error. A scan dated after
	 * today is left out, like a note of a meeting still to come.
	 */
	static struct {
		struct scan_new sn;
		struct health_score *scores;
		const char **keys;
		bool open, skip;
	} p;
	const struct config_items *fs = &d->cfg->success_factors;
	struct demo_group *g;
	size_t i;
	int ret = 0, score;

	if (strcmp(tsv_get(l, 0), "scan") == 0 || p.sn.n == fs->n) {
		if (p.open && p.sn.n > 0 && p.sn.n < fs->n)
			ret = demo_fail(d, _("the scan above has %zu of %zu scores"), p.sn.n, fs->n);
		for (i = 0; i < p.sn.n; i++) {
			free((char *)p.scores[i].factor);
			free((char *)p.scores[i].remark);
		}
		free(p.scores);
		free(p.keys);
		memset(&p, 0, sizeof p);
		if (ret != 0)
			return ret;
		if (strcmp(tsv_get(l, 0), "scan") != 0)
			return demo_fail(d, "%s", _("a 'score' line belongs under a 'scan' line"));
		p.open = true;
		if ((g = demo_group_find(d, tsv_get(l, 1))) == NULL)
			return demo_fail(d, _("unknown group '%s'"), tsv_get(l, 1));
		p.sn.group_id = g->id;
		if (demo_lookup(d, d->people, d->n_people, _("person"), tsv_get(l, 2),
		    &p.sn.filled_by) != 0 || demo_offset(d, tsv_get(l, 3), &p.sn.on) != 0)
			return -1;
		p.skip = date_compare(&p.sn.on, &d->today) > 0;
		p.scores = xcalloc(fs->n + 1, sizeof *p.scores);
		p.keys = xcalloc(fs->n + 1, sizeof *p.keys);
		for (i = 0; i < fs->n; i++)
			p.keys[i] = fs->v[i].key;
		p.sn.factors = p.keys;
		p.sn.n_factors = fs->n;
		p.sn.scores = p.scores;
		return 0;
	}
	if (!p.open)
		return demo_fail(d, "%s", _("a 'score' line belongs under a 'scan' line"));
	if (demo_int(d, tsv_get(l, 2), HEALTH_SCORE_MIN, HEALTH_SCORE_MAX, &score) != 0)
		return -1;
	p.scores[p.sn.n].factor = xstrdup(tsv_get(l, 1));
	p.scores[p.sn.n].score = score;
	p.scores[p.sn.n++].remark = *tsv_get(l, 3) != '\0' ? xstrdup(tsv_get(l, 3)) : NULL;
	if (p.sn.n < fs->n || p.skip)
		return 0;
	p.open = false;		/* complete: released by the next line, or kept (static) */
	if (store_scan_save(d->st, d->who, &p.sn, NULL, d->error) != 0)
		return demo_fail(d, "-");
	return 0;
}

static int
demo_life(struct demo *d, const struct tsv_line *l)
{
	static const struct {
		const char *kind;
		demo_line_fn fn;
	} kinds[] = {
		{ "update", demo_life_update }, { "follow", demo_life_follow },
		{ "product", demo_life_product }, { "slot", demo_life_slot },
		{ "budget", demo_life_budget }, { "scan", demo_life_scan },
		{ "score", demo_life_scan },
	};
	const char *kind = tsv_get(l, 0);
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (kind != NULL && strcmp(kind, kinds[i].kind) == 0)
			return kinds[i].fn(d, l);
	}
	return demo_fail(d, "unknown record type \"%s\"", kind != NULL ? kind : "");
}

/* Load the files in dependency order. */
static int
demo_load_all(struct demo *d, const char *dir)
{
	size_t i;

	if (demo_file(d, dir, "organisations.tsv", 3, demo_org) != 0 ||
	    demo_file(d, dir, "people.tsv", 3, demo_person) != 0 ||
	    demo_file(d, dir, "themes.tsv", 7, demo_theme) != 0 ||
	    demo_file(d, dir, "interest.tsv", 4, demo_interest) != 0 ||
	    demo_archive(d) != 0 ||
	    demo_file(d, dir, "groups.tsv", 16, demo_group) != 0 ||
	    demo_file(d, dir, "members.tsv", 4, demo_member) != 0 ||
	    demo_file(d, dir, "events.tsv", 4, demo_event) != 0)
		return -1;
	d->file = "groups.tsv";
	d->line = 0;
	for (i = 0; i < d->n_groups; i++) {
		if (demo_meetings(d, &d->groups[i]) != 0)
			return demo_fail(d, "-");
	}
	if (demo_file(d, dir, "notes.tsv", 3, demo_note_part) != 0)
		return -1;
	return demo_file(d, dir, "life.tsv", 2, demo_life);
}

int
demo_load(struct store *st, const struct config *cfg, const char *dir, char **error)
{
	struct demo d;
	int ret;

	memset(&d, 0, sizeof d);
	d.st = st;
	d.cfg = cfg;
	d.error = error;
	d.who = actor_new(0, "demo", "demo", true);
	d.today = date_today();
	date_school_year(&d.today, &d.origin, NULL);
	if (store_begin(st, error) != 0) {
		demo_free(&d);
		return -1;
	}
	ret = demo_load_all(&d, dir);
	if (ret == 0)
		ret = store_commit(st, error);
	else
		store_rollback(st);
	demo_free(&d);
	return ret;
}

/*
 * scr_calendar.c — the Calendar screen: month, week and agenda.
 *
 * Shows the meetings of my groups and the network-wide ones (coordinators
 * switch to the whole network with m), or of one group. Three views (w):
 * the month as a Monday-first grid with ISO week numbers, each day cell with
 * its meetings as "13:30 Group" and "+N more" when they do not fit (on a
 * narrow or low terminal only a count per day, and the selected day's
 * meetings under the grid); the week of the selected day, day by day, one
 * meeting a line; the agenda, a list of the meetings from the selected day
 * on that grows as the cursor reaches its end. Today, the selected day,
 * school holidays (named on the info line) and days of other months are
 * marked.
 * Widgets: text cells drawn with widget_text, a date form (:), hint bar.
 * Actions: [ ] a day back/on, up/down a week (agenda: the cursor), page a
 * month (agenda: a page), T today, : go to a date, w view, m mine/all
 * (coordinators), Enter the day's meeting (several: the agenda at that
 * day; agenda: the meeting under the cursor), n plan, N a series, u polls.
 * Store: store_calendar_range for the visible days only, again only when
 * the days, the cells' room or the scope change, or after enter (a screen
 * above popped, another session changed data); the agenda asks for 8 weeks
 * at a time.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/agenda_ics.h"
#include "core/calendar.h"
#include "core/domain.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xmalloc.h"
#include "ui/form.h"
#include "ui/widgets.h"

#define CAL_WK_W 3		/* the week number column of the month grid */
#define CAL_CELL_MIN 9		/* columns a cell needs to list meetings */
#define CAL_LIST_MAX 20		/* meetings per day asked for under a narrow grid */
#define CAL_WEEK_PER_DAY 40	/* meetings per day in the week view */
#define CAL_AG_DAYS 56		/* the agenda asks for 8 weeks at a time */
#define CAL_AG_CHUNK 120	/* and at most this many meetings */
#define CAL_AG_TRIES 7		/* empty 8-week spans before it stops looking (a year) */
#define CAL_AG_BACK 56		/* days it looks back for earlier meetings */
#define CAL_AG_MAX 2000		/* rows kept; the far end is dropped beyond */
#define CAL_COMPACT 60		/* narrower: shorter dates and times in lists */

enum cal_view {
	CAL_MONTH,
	CAL_WEEK,
	CAL_AGENDA
};

/* One meeting, or (more > 0) how many more its day has; strings owned. */
struct cal_item {
	int64_t id;
	struct date day;
	int start_min, end_min;
	char *group, *title, *place, *status;
	int more;
};

struct cal_items {
	struct cal_item *v;
	int n, cap;
};

/* Where the month view puts things, for the body's size. */
struct cal_layout {
	struct calendar_month m;
	int cw;			/* columns per day (the last one a gap) */
	int cell_h;		/* lines per week row */
	bool counts;		/* cells show only a count; the day's list goes below */
	int list_h;		/* lines for that list */
	int per_day;		/* what to ask the store for */
};

struct cal {
	int64_t group_id;	/* > 0: this group only */
	char *group_name;
	bool all;		/* coordinators: the whole network */
	enum cal_view view;
	struct date sel, today;
	/* month and week: the days loaded */
	struct cal_items items;
	bool have, stale;
	struct date first, last;
	int per_day;
	enum meeting_scope scope;
	/* the month grid's days: index of the first meeting, count, more */
	int day_first[42], day_n[42], day_more[42];
	char *error;
	/* the agenda */
	struct cal_items ag;
	bool ag_have, ag_stale;
	struct date ag_from;	/* the first day it covers */
	struct date ag_next;	/* where the next extension starts */
	bool ag_end;		/* nothing more found within a year */
	int ag_sel, ag_top, ag_height;
};

/* The hint bar keeps what fits: series and polls come last. */
static const enum ui_action cal_hints[] = {
	UI_ACTION_VIEW, UI_ACTION_DAY_PREV, UI_ACTION_DAY_NEXT, UI_ACTION_TODAY,
	UI_ACTION_GOTO_DATE, UI_ACTION_OPEN, UI_ACTION_NEW, UI_ACTION_BACK, UI_ACTION_HELP,
	UI_ACTION_SERIES, UI_ACTION_POLL, UI_ACTION_EXPORT, UI_ACTION_NONE
};
static const enum ui_action cal_hints_coordinator[] = {
	UI_ACTION_VIEW, UI_ACTION_DAY_PREV, UI_ACTION_DAY_NEXT, UI_ACTION_TODAY,
	UI_ACTION_GOTO_DATE, UI_ACTION_OPEN, UI_ACTION_NEW, UI_ACTION_MINE, UI_ACTION_BACK,
	UI_ACTION_HELP, UI_ACTION_SERIES, UI_ACTION_POLL, UI_ACTION_EXPORT, UI_ACTION_NONE
};

static const char *const cal_weekday_names[7] = {
	N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
	N_("Saturday"), N_("Sunday")
};
static const char *const cal_weekday_short[7] = {
	N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"), N_("Sa"), N_("Su")
};
static const char *const cal_month_names[12] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
	N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
	N_("December")
};

/* The calendar keeps to these years, so that every grid and week stays valid. */
static const struct date cal_min = { 1900, 1, 1 };
static const struct date cal_max = { 2999, 12, 31 };

/* ---- small helpers ---- */

static const char *
cal_weekday(const struct date *d)
{
	return _(cal_weekday_names[date_weekday(d) - 1]);
}

static const char *
cal_month(int month)
{
	return _(cal_month_names[month - 1]);
}

/* A date as the config writes them (dd-mm-jjjj or ISO) into buf. */
static const char *
cal_date(struct ui *ui, const struct date *d, char buf[DATE_ISO_LEN])
{
	return ui->app->cfg->date_format == CONFIG_DATE_ISO ? date_format_iso(d, buf) :
	    date_format_nl(d, buf);
}

/* "13:30" into buf. */
static const char *
cal_hm(int minutes, char buf[8])
{
	snprintf(buf, 8, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
	return buf;
}

static bool
cal_same_day(const struct date *a, const struct date *b)
{
	return date_compare(a, b) == 0;
}

/* What the calendar shows: one group, the whole network, or mine. */
static enum meeting_scope
cal_scope(const struct cal *c)
{
	return c->group_id > 0 ? MEETING_SCOPE_GROUP : c->all ? MEETING_SCOPE_ALL :
	    MEETING_SCOPE_MINE;
}

static const char *
cal_scope_label(const struct cal *c)
{
	if (c->group_id > 0)
		return c->group_name != NULL ? c->group_name : "";
	return c->all ? _("the whole network") : _("my groups and the network");
}

/* A meeting's name: its group, or its title (network-wide). */
static const char *
cal_item_label(const struct cal_item *it)
{
	return it->group != NULL ? it->group : it->title != NULL ? it->title : "—";
}

static bool
cal_cancelled(const struct cal_item *it)
{
	return it->status != NULL && strcmp(it->status, "cancelled") == 0;
}

/* ---- the rows ---- */

static void
cal_item_free(struct cal_item *it)
{
	free(it->group);
	free(it->title);
	free(it->place);
	free(it->status);
}

static void
cal_items_clear(struct cal_items *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		cal_item_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static struct cal_item *
cal_items_add(struct cal_items *l)
{
	struct cal_item *it;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, (size_t)l->cap, sizeof *l->v);
	}
	it = &l->v[l->n++];
	memset(it, 0, sizeof *it);
	return it;
}

/* Release rows from .. n-1 and keep the rest. */
static void
cal_items_truncate(struct cal_items *l, int from)
{
	int i;

	for (i = from; i < l->n; i++)
		cal_item_free(&l->v[i]);
	if (from < l->n)
		l->n = from;
}

/* Release the first k rows. */
static void
cal_items_drop_front(struct cal_items *l, int k)
{
	int i;

	for (i = 0; i < k; i++)
		cal_item_free(&l->v[i]);
	memmove(l->v, l->v + k, (size_t)(l->n - k) * sizeof *l->v);
	l->n -= k;
}

/* Order of (day, start, id): the store's order of starts_at, id. */
static int
cal_key_cmp(const struct date *a_day, int a_start, int64_t a_id, const struct date *day,
    int start, int64_t id)
{
	int c = date_compare(a_day, day);

	if (c != 0)
		return c;
	if (a_start != start)
		return a_start < start ? -1 : 1;
	return a_id < id ? -1 : a_id > id ? 1 : 0;
}

/* ---- fetching ---- */

struct cal_fetch {
	struct cal_items *into;
	int cap;		/* > 0: stop after this many meetings */
	int added;
	bool capped;		/* stopped with more to come */
	bool skip;		/* skip rows up to and including this key: */
	struct date after_day;
	int after_min;
	int64_t after_id;
};

static int
cal_take(const struct calendar_row *r, void *arg)
{
	struct cal_fetch *f = arg;
	struct cal_item *it;
	struct date day, end_day;
	int start = 0, end = 0;

	if (r->starts_at == NULL || datetime_parse_iso(r->starts_at, &day, &start) != 0)
		return 0;
	if (f->skip && r->more == 0 &&
	    cal_key_cmp(&f->after_day, f->after_min, f->after_id, &day, start, r->id) >= 0)
		return 0;
	if (f->cap > 0 && f->added >= f->cap) {
		f->capped = true;
		return 1;
	}
	if (r->ends_at == NULL || datetime_parse_iso(r->ends_at, &end_day, &end) != 0)
		end = start;
	it = cal_items_add(f->into);
	it->id = r->id;
	it->day = day;
	it->start_min = start;
	it->end_min = end;
	it->more = r->more;
	it->group = r->group_name != NULL ? xstrdup(r->group_name) : NULL;
	it->title = r->title != NULL && *r->title != '\0' ? xstrdup(r->title) : NULL;
	it->place = r->place != NULL && *r->place != '\0' ? xstrdup(r->place) : NULL;
	it->status = r->status != NULL ? xstrdup(r->status) : NULL;
	if (r->more == 0)
		f->added++;
	return 0;
}

/* Ask the store for first .. last; the rows go into f. 0 or -1 (c->error set). */
static int
cal_query(struct ui *ui, struct cal *c, const struct date *first, const struct date *last,
    int per_day, struct cal_fetch *f)
{
	struct calendar_query q;
	char *error = NULL, after[DATETIME_ISO_LEN];
	int ret;

	memset(&q, 0, sizeof q);
	q.scope = cal_scope(c);
	q.group_id = c->group_id;
	q.first = *first;
	q.last = *last;
	q.per_day = per_day;
	q.cancelled = true;
	if (per_day == 0 && f->skip) {
		/* a keyset page: the store starts after the last row, not at its day */
		q.after = datetime_format_iso(&f->after_day, f->after_min, after);
		q.after_id = f->after_id;
	}
	if (per_day == 0 && f->cap > 0)
		q.limit = f->cap + 1;	/* one more tells that there are more */
	ret = store_calendar_range(ui->app->st, ui->app->who, &q, cal_take, f, &error);
	free(c->error);
	c->error = NULL;
	if (ret < 0) {
		c->error = error != NULL ? error : xstrdup(_("The calendar cannot be read."));
		return -1;
	}
	free(error);
	return 0;
}

/* Index the loaded rows by their day, counted from c->first (month grid or week). */
static void
cal_index(struct cal *c)
{
	long base = date_to_days(&c->first), k;
	int i;

	memset(c->day_n, 0, sizeof c->day_n);
	memset(c->day_more, 0, sizeof c->day_more);
	for (i = 0; i < c->items.n; i++) {
		k = date_to_days(&c->items.v[i].day) - base;
		if (k < 0 || k >= 42)
			continue;
		if (c->items.v[i].more > 0) {
			c->day_more[k] = c->items.v[i].more;
			continue;
		}
		if (c->day_n[k]++ == 0)
			c->day_first[k] = i;
	}
}

/* Load first .. last unless exactly that is loaded already. */
static void
cal_sync(struct ui *ui, struct cal *c, const struct date *first, const struct date *last,
    int per_day)
{
	struct cal_fetch f;

	if (c->have && !c->stale && cal_same_day(&c->first, first) &&
	    cal_same_day(&c->last, last) && c->per_day == per_day && c->scope == cal_scope(c))
		return;
	cal_items_clear(&c->items);
	memset(&f, 0, sizeof f);
	f.into = &c->items;
	c->first = *first;
	c->last = *last;
	c->per_day = per_day;
	c->scope = cal_scope(c);
	c->stale = false;
	c->have = cal_query(ui, c, first, last, per_day, &f) == 0;
	cal_index(c);
}

/*
 * The agenda: add up to want meetings from c->ag_next on, 8 weeks a query,
 * until want are there or a year brought nothing more.
 */
static void
cal_ag_extend(struct ui *ui, struct cal *c, int want)
{
	struct cal_fetch f;
	struct date last;
	int empty = 0, before;

	while (want > 0 && empty < CAL_AG_TRIES && date_compare(&c->ag_next, &cal_max) <= 0) {
		memset(&f, 0, sizeof f);
		f.into = &c->ag;
		f.cap = want;
		if (c->ag.n > 0) {
			f.skip = true;
			f.after_day = c->ag.v[c->ag.n - 1].day;
			f.after_min = c->ag.v[c->ag.n - 1].start_min;
			f.after_id = c->ag.v[c->ag.n - 1].id;
		}
		last = date_add_days(&c->ag_next, CAL_AG_DAYS - 1);
		before = c->ag.n;
		if (cal_query(ui, c, &c->ag_next, &last, 0, &f) != 0)
			return;
		want -= c->ag.n - before;
		if (f.capped) {
			/* the last day may hold more: go on from it, after the last row */
			c->ag_next = c->ag.v[c->ag.n - 1].day;
			c->ag_end = false;
			return;
		}
		c->ag_next = date_add_days(&last, 1);
		empty = c->ag.n > before ? 0 : empty + 1;
	}
	c->ag_end = want > 0;
}

/* Keep at most CAL_AG_MAX rows: drop whole days at the front; returns how many. */
static int
cal_ag_trim(struct cal *c)
{
	int k;

	if (c->ag.n <= CAL_AG_MAX)
		return 0;
	k = c->ag.n - CAL_AG_MAX;
	while (k < c->ag.n - 1 && cal_same_day(&c->ag.v[k].day, &c->ag.v[k - 1].day))
		k++;
	if (k > c->ag_sel)
		k = c->ag_sel;
	if (k <= 0)
		return 0;
	cal_items_drop_front(&c->ag, k);
	c->ag_from = c->ag.v[0].day;
	c->ag_sel -= k;
	c->ag_top = c->ag_top > k ? c->ag_top - k : 0;
	return k;
}

/* (Re)load the agenda from c->ag_from; the cursor stays on keep_id when found. */
static void
cal_ag_load(struct ui *ui, struct cal *c, int64_t keep_id, int want)
{
	int i;

	cal_items_clear(&c->ag);
	c->ag_next = c->ag_from;
	c->ag_end = false;
	c->ag_have = true;
	c->ag_stale = false;
	cal_ag_extend(ui, c, want > CAL_AG_CHUNK ? want : CAL_AG_CHUNK);
	for (i = 0; keep_id != 0 && i < c->ag.n; i++) {
		if (c->ag.v[i].id == keep_id) {
			c->ag_sel = i;
			break;
		}
	}
	if (c->ag_sel >= c->ag.n)
		c->ag_sel = c->ag.n > 0 ? c->ag.n - 1 : 0;
	if (c->ag_top > c->ag_sel)
		c->ag_top = c->ag_sel;
}

/* The agenda starts afresh at the selected day. */
static void
cal_ag_anchor(struct cal *c)
{
	c->ag_from = c->sel;
	c->ag_sel = c->ag_top = 0;
	c->ag_stale = true;
}

/*
 * Up from the first row: the nearest earlier day with meetings (looking back
 * CAL_AG_BACK days, one day a query) comes in above, the cursor on its last
 * meeting. A day with more than a chunk of meetings starts the agenda afresh
 * at that day instead. False when there is none.
 */
static bool
cal_ag_back(struct ui *ui, struct cal *c)
{
	struct cal_items earlier = { NULL, 0, 0 };
	struct cal_fetch f;
	struct date d = c->ag_from;
	int i, k;

	memset(&f, 0, sizeof f);
	for (i = 0; i < CAL_AG_BACK && earlier.n == 0; i++) {
		d = date_add_days(&d, -1);
		if (date_compare(&d, &cal_min) < 0)
			break;
		memset(&f, 0, sizeof f);
		f.into = &earlier;
		f.cap = CAL_AG_CHUNK;
		if (cal_query(ui, c, &d, &d, 0, &f) != 0)
			break;
	}
	if (earlier.n == 0) {
		cal_items_clear(&earlier);
		return false;
	}
	if (f.capped) {
		cal_items_clear(&c->ag);
		c->ag = earlier;
		c->ag_from = c->ag_next = d;
		c->ag_end = false;
		c->ag_sel = c->ag_top = 0;
		return true;
	}
	k = earlier.n;
	for (i = 0; i < c->ag.n; i++)
		*cal_items_add(&earlier) = c->ag.v[i];
	free(c->ag.v);
	c->ag = earlier;
	c->ag_from = d;
	c->ag_sel += k - 1;
	c->ag_top += k;
	if (c->ag.n > CAL_AG_MAX) {
		/* drop the far end; the next extension starts after the last kept row */
		cal_items_truncate(&c->ag, CAL_AG_MAX);
		c->ag_next = c->ag.v[c->ag.n - 1].day;
		c->ag_end = false;
	}
	return true;
}

/* ---- the month view ---- */

/* Lay the month of c->sel out in a body of height lines. */
static void
cal_month_layout(const struct cal *c, int height, struct cal_layout *lo)
{
	int avail;

	memset(lo, 0, sizeof *lo);
	calendar_month(c->sel.year, c->sel.month, &lo->m);
	if (lo->m.weeks == 0)
		lo->m.weeks = 1;
	lo->cw = (COLS - CAL_WK_W) / 7;
	avail = height - 3;	/* the header, the weekday names, the info line */
	if (lo->cw - 1 >= CAL_CELL_MIN && avail / lo->m.weeks >= 2) {
		lo->cell_h = avail / lo->m.weeks;
		lo->per_day = lo->cell_h - 1;
		return;
	}
	lo->counts = true;
	lo->cell_h = 1;
	lo->list_h = avail - lo->m.weeks;
	lo->per_day = lo->list_h < 1 ? 1 : lo->list_h > CAL_LIST_MAX ? CAL_LIST_MAX : lo->list_h;
}

/* Meetings on grid day k (the store's cap included) and how many more. */
static int
cal_day_total(const struct cal *c, int k)
{
	return k >= 0 && k < 42 ? c->day_n[k] + c->day_more[k] : 0;
}

/* Grid index of day d in the loaded month, or -1. */
static int
cal_grid_index(const struct cal *c, const struct date *d)
{
	long k = date_to_days(d) - date_to_days(&c->first);

	return c->have && k >= 0 && k < 42 ? (int)k : -1;
}

static void
cal_draw_weekdays(int y, int cw)
{
	int i;

	widget_text(y, 0, CAL_WK_W, _("wk"), A_DIM);
	for (i = 0; i < 7; i++)
		widget_text(y, CAL_WK_W + i * cw, cw, _(cw - 1 >= CAL_CELL_MIN ?
		    cal_weekday_names[i] : cal_weekday_short[i]), A_BOLD);
}

/* The first line of a cell: day number (today reversed), holiday name in wide cells. */
static void
cal_draw_day_number(struct ui *ui, const struct cal *c, const struct cal_layout *lo,
    const struct date *d, int y, int x, int base)
{
	const struct config_holiday *h = config_holiday_on(ui->app->cfg, d);
	int w = lo->cw - 1, attr = base;
	char num[48];
	int k = cal_grid_index(c, d), n = cal_day_total(c, k);

	widget_text(y, x, w, "", base);
	if (cal_same_day(d, &c->today))
		attr |= A_BOLD | (cal_same_day(d, &c->sel) ? A_UNDERLINE : A_REVERSE);
	if (lo->counts && h != NULL)
		attr |= A_UNDERLINE;
	snprintf(num, sizeof num, "%2d", d->day);
	widget_text(y, x, 2, num, attr);
	if (lo->counts) {
		if (n > 0) {
			snprintf(num, sizeof num, n < 10 ? "•%d" : "•+", n);
			widget_text(y, x + 2, w - 2, num, base);
		}
		return;
	}
	if (h != NULL && w > 3)
		widget_text(y, x + 3, w - 3, h->name, base | A_DIM);
}

/* "13:30 Group" lines of a wide cell, and "+N more" when they do not fit. */
static void
cal_draw_cell_meetings(const struct cal *c, const struct cal_layout *lo, int k, int y, int x,
    int base)
{
	int lines = lo->cell_h - 1, n = c->day_n[k], more = c->day_more[k], shown, i;
	char line[256], hm[8];
	const struct cal_item *it;

	shown = more > 0 && n >= lines ? lines - 1 : n < lines ? n : lines;
	if (n > shown)
		more += n - shown;
	for (i = 0; i < shown; i++) {
		it = &c->items.v[c->day_first[k] + i];
		snprintf(line, sizeof line, "%s %s", cal_hm(it->start_min, hm), cal_item_label(it));
		widget_text(y + 1 + i, x, lo->cw - 1, line, base | (cal_cancelled(it) ? A_DIM : 0));
	}
	if (more > 0) {
		snprintf(line, sizeof line, P_("+%d more", "+%d more", more), more);
		widget_text(y + 1 + shown, x, lo->cw - 1, line, base | A_BOLD);
	}
}

static void
cal_draw_cell(struct ui *ui, const struct cal *c, const struct cal_layout *lo,
    const struct date *d, int y, int x)
{
	bool selected = cal_same_day(d, &c->sel);
	int base = selected ? ui_attr(ui, UI_COLOUR_SELECTED) : d->month != c->sel.month ?
	    ui_attr(ui, UI_COLOUR_DIM) | (int)A_DIM : (int)A_NORMAL;
	int k = cal_grid_index(c, d), l;

	if (selected) {
		for (l = 1; l < lo->cell_h; l++)
			widget_text(y + l, x, lo->cw - 1, "", base);
	}
	cal_draw_day_number(ui, c, lo, d, y, x, base);
	if (!lo->counts && k >= 0)
		cal_draw_cell_meetings(c, lo, k, y, x, base);
}

/*
 * One meeting a line: "13:30–15:00  Group  · place  — cancelled" in width
 * columns (narrow: only the start), after prefix.
 */
static void
cal_draw_meeting(const struct cal_item *it, int y, int x, int width, int attr,
    const char *prefix)
{
	char line[512], when[24], a[8], b[8];
	const char *status = cal_cancelled(it) ? _(domain_meeting_status_label(it->status)) : "";
	bool both = it->group != NULL && it->title != NULL;

	if (it->more > 0) {
		snprintf(line, sizeof line, "%s", prefix);
		snprintf(line + strlen(line), sizeof line - strlen(line),
		    P_("+%d more", "+%d more", it->more), it->more);
		widget_text(y, x, width, line, attr | A_BOLD);
		return;
	}
	if (COLS < CAL_COMPACT)
		snprintf(when, sizeof when, "%s", cal_hm(it->start_min, a));
	else
		snprintf(when, sizeof when, "%s–%s", cal_hm(it->start_min, a),
		    cal_hm(it->end_min, b));
	snprintf(line, sizeof line, "%s%s  %s%s%s%s%s%s%s", prefix, when, cal_item_label(it),
	    both ? ": " : "", both ? it->title : "", it->place != NULL ? "  · " : "",
	    it->place != NULL ? it->place : "", *status != '\0' ? "  — " : "", status);
	widget_text(y, x, width, line, attr | (cal_cancelled(it) ? A_DIM : 0));
}

/* The info line: the selected day, its holiday, its meetings. */
static void
cal_draw_info(struct ui *ui, const struct cal *c, int y)
{
	const struct config_holiday *h = config_holiday_on(ui->app->cfg, &c->sel);
	int n = cal_day_total(c, cal_grid_index(c, &c->sel));
	char line[512], day[DATE_ISO_LEN], count[64];

	if (c->error != NULL) {
		widget_text(y, 1, COLS - 2, c->error, ui_attr(ui, UI_COLOUR_ERROR));
		return;
	}
	if (n > 0)
		snprintf(count, sizeof count, P_("%d meeting", "%d meetings", n), n);
	else
		snprintf(count, sizeof count, "%s", _("no meetings"));
	snprintf(line, sizeof line, "%s %s%s%s  ·  %s", cal_weekday(&c->sel),
	    cal_date(ui, &c->sel, day), h != NULL ? "  ·  " : "", h != NULL ? h->name : "",
	    count);
	widget_text(y, 1, COLS - 2, line, A_BOLD);
}

/* Under a grid of counts: the selected day's meetings. */
static void
cal_draw_day_list(struct ui *ui, const struct cal *c, int y, int height)
{
	int k = cal_grid_index(c, &c->sel), n, i, shown, more;
	struct cal_item more_row;

	if (k < 0 || height <= 0)
		return;
	n = c->day_n[k];
	more = c->day_more[k];
	shown = n > height ? height : n;
	if (more > 0 && shown == height)
		shown--;
	for (i = 0; i < shown; i++)
		cal_draw_meeting(&c->items.v[c->day_first[k] + i], y + i, 1, COLS - 2,
		    A_NORMAL, "");
	if (n + more > shown) {
		memset(&more_row, 0, sizeof more_row);
		more_row.more = n + more - shown;
		cal_draw_meeting(&more_row, y + shown, 1, COLS - 2, A_NORMAL, "");
	}
}

/* The body's first line: what is shown, and whose. */
static void
cal_draw_header(const struct cal *c, int y, const char *what)
{
	char line[512];

	snprintf(line, sizeof line, "%s — %s", what, cal_scope_label(c));
	widget_text(y, 1, COLS - 2, line, A_BOLD);
}

static void
cal_draw_month(struct ui *ui, struct cal *c, int top, int height)
{
	struct cal_layout lo;
	struct date last, d;
	char title[128], wk[8];
	int r, i, y;

	cal_month_layout(c, height, &lo);
	last = date_add_days(&lo.m.first, 7 * lo.m.weeks - 1);
	cal_sync(ui, c, &lo.m.first, &last, lo.per_day);
	snprintf(title, sizeof title, "%s %d", cal_month(c->sel.month), c->sel.year);
	cal_draw_header(c, top, title);
	cal_draw_weekdays(top + 1, lo.cw);
	for (r = 0; r < lo.m.weeks; r++) {
		y = top + 2 + r * lo.cell_h;
		snprintf(wk, sizeof wk, "%2d", lo.m.iso_week[r]);
		widget_text(y, 0, CAL_WK_W, wk, ui_attr(ui, UI_COLOUR_DIM) | A_DIM);
		for (i = 0; i < 7; i++) {
			d = date_add_days(&lo.m.first, 7 * r + i);
			cal_draw_cell(ui, c, &lo, &d, y, CAL_WK_W + i * lo.cw);
		}
	}
	y = top + 2 + lo.m.weeks * lo.cell_h;
	if (lo.counts && lo.list_h > 0)
		cal_draw_day_list(ui, c, y, lo.list_h);
	cal_draw_info(ui, c, top + height - 1);
}

/* ---- the week view ---- */

/* "Week 48, 23–29 November 2026" into buf. */
static void
cal_week_title(const struct date *mon, char *buf, size_t size)
{
	struct date sun = date_add_days(mon, 6);
	char span[128];
	int year;
	int week = date_iso_week(mon, &year);

	if (mon->month == sun.month)
		snprintf(span, sizeof span, "%d–%d %s %d", mon->day, sun.day,
		    cal_month(sun.month), sun.year);
	else if (mon->year == sun.year)
		snprintf(span, sizeof span, "%d %s – %d %s %d", mon->day,
		    cal_month(mon->month), sun.day, cal_month(sun.month), sun.year);
	else
		snprintf(span, sizeof span, "%d %s %d – %d %s %d", mon->day,
		    cal_month(mon->month), mon->year, sun.day, cal_month(sun.month), sun.year);
	snprintf(buf, size, _("Week %d, %s"), week, span);
}

/* The heading of a day in the week view. */
static void
cal_draw_week_day(struct ui *ui, const struct cal *c, const struct date *d, int y)
{
	const struct config_holiday *h = config_holiday_on(ui->app->cfg, d);
	bool selected = cal_same_day(d, &c->sel);
	char line[256], day[DATE_ISO_LEN];
	int attr = selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_BOLD;

	snprintf(line, sizeof line, "%s %s%s%s%s%s", cal_weekday(d), cal_date(ui, d, day),
	    cal_same_day(d, &c->today) ? "  · " : "",
	    cal_same_day(d, &c->today) ? _("today") : "", h != NULL ? "  · " : "",
	    h != NULL ? h->name : "");
	widget_text(y, 0, COLS, line, attr);
}

/*
 * The week: each day's heading and its meetings. When it does not fit, the
 * selected day's section is scrolled into sight.
 */
static void
cal_draw_week(struct ui *ui, struct cal *c, int top, int height)
{
	struct date mon = calendar_week_start(&c->sel), sun = date_add_days(&mon, 6), d;
	int rows = height - 2, total = 0, sel_start = 0, sel_end = 0, skip, i, j, y;
	char title[192];

	/* as many a day as the body could show, at most CAL_WEEK_PER_DAY */
	cal_sync(ui, c, &mon, &sun, rows - 7 < 1 ? 1 : rows - 7 > CAL_WEEK_PER_DAY ?
	    CAL_WEEK_PER_DAY : rows - 7);
	cal_week_title(&mon, title, sizeof title);
	cal_draw_header(c, top, title);
	/* lines per day: heading + rows */
	for (i = 0, j = 0; i < 7; i++) {
		d = date_add_days(&mon, i);
		if (cal_same_day(&d, &c->sel))
			sel_start = total;
		total++;
		for (; j < c->items.n && cal_same_day(&c->items.v[j].day, &d); j++)
			total++;
		if (cal_same_day(&d, &c->sel))
			sel_end = total;
	}
	skip = 0;
	if (total > rows) {
		skip = sel_end - rows > 0 ? sel_end - rows : 0;
		if (skip > sel_start)
			skip = sel_start;
	}
	y = 0;
	for (i = 0, j = 0; i < 7; i++) {
		d = date_add_days(&mon, i);
		if (y >= skip && y - skip < rows)
			cal_draw_week_day(ui, c, &d, top + 1 + y - skip);
		y++;
		for (; j < c->items.n && cal_same_day(&c->items.v[j].day, &d); j++, y++) {
			if (y >= skip && y - skip < rows)
				cal_draw_meeting(&c->items.v[j], top + 1 + y - skip, 2, COLS - 3,
				    A_NORMAL, "");
		}
	}
	if (c->error != NULL)
		widget_text(top + height - 1, 1, COLS - 2, c->error, ui_attr(ui, UI_COLOUR_ERROR));
	else if (total > rows)
		widget_text(top + height - 1, 1, COLS - 2, _("[ ] move the day to see the rest of "
		    "the week"), ui_attr(ui, UI_COLOUR_DIM));
}

/* ---- the agenda ---- */

static void
cal_draw_agenda_row(struct ui *ui, const struct cal *c, int i, int y)
{
	const struct cal_item *it = &c->ag.v[i];
	char prefix[64], day[DATE_ISO_LEN];
	int attr = i == c->ag_sel ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;

	cal_date(ui, &it->day, day);
	if (COLS < CAL_COMPACT) {
		/* "23-11" or "11-23": the year goes */
		if (ui->app->cfg->date_format == CONFIG_DATE_ISO)
			memmove(day, day + 5, 6);
		else
			day[5] = '\0';
	}
	if (i == 0 || !cal_same_day(&c->ag.v[i - 1].day, &it->day) || i == c->ag_top)
		snprintf(prefix, sizeof prefix, "%s %s  ",
		    _(cal_weekday_short[date_weekday(&it->day) - 1]), day);
	else
		snprintf(prefix, sizeof prefix, "%*s",
		    text_width(_(cal_weekday_short[0])) + 1 + text_width(day) + 2, "");
	widget_text(y, 0, COLS, "", attr);
	cal_draw_meeting(it, y, 1, COLS - 2, attr, prefix);
}

static void
cal_draw_agenda(struct ui *ui, struct cal *c, int top, int height)
{
	char title[256], day[DATE_ISO_LEN];
	int rows = height - 2, i;

	if (!c->ag_have || c->ag_stale)
		cal_ag_load(ui, c, c->ag.n > 0 && c->ag_sel < c->ag.n ? c->ag.v[c->ag_sel].id : 0,
		    c->ag.n);
	snprintf(title, sizeof title, _("Agenda from %s %s"), cal_weekday(&c->ag_from),
	    cal_date(ui, &c->ag_from, day));
	cal_draw_header(c, top, title);
	c->ag_height = rows > 1 ? rows : 1;
	if (c->ag_sel >= c->ag_top + c->ag_height)
		c->ag_top = c->ag_sel - c->ag_height + 1;
	if (c->ag_top > c->ag_sel)
		c->ag_top = c->ag_sel;
	for (i = 0; i < c->ag_height && c->ag_top + i < c->ag.n; i++)
		cal_draw_agenda_row(ui, c, c->ag_top + i, top + 1 + i);
	if (c->error != NULL)
		widget_text(top + height - 1, 1, COLS - 2, c->error, ui_attr(ui, UI_COLOUR_ERROR));
	else if (c->ag.n == 0)
		widget_text(top + 1, 1, COLS - 2, _("No meetings in the coming year."),
		    ui_attr(ui, UI_COLOUR_DIM));
	else if (c->ag_end && c->ag_top + c->ag_height >= c->ag.n) {
		struct date until = date_add_days(&c->ag_next, -1);

		snprintf(title, sizeof title, _("No more meetings until %s."),
		    cal_date(ui, &until, day));
		widget_text(top + height - 1, 1, COLS - 2, title, ui_attr(ui, UI_COLOUR_DIM));
	}
}

static void
cal_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct cal *c = s->data;

	switch (c->view) {
	case CAL_MONTH:
		cal_draw_month(ui, c, top, height);
		break;
	case CAL_WEEK:
		cal_draw_week(ui, c, top, height);
		break;
	case CAL_AGENDA:
		cal_draw_agenda(ui, c, top, height);
		break;
	}
}

/* ---- actions ---- */

static void
cal_enter(struct ui *ui, struct screen *s)
{
	struct cal *c = s->data;

	c->today = date_today();
	c->stale = true;
	c->ag_stale = true;
	ui->dirty = true;
}

/* Select day d (kept within the calendar's years); the agenda starts there. */
static void
cal_select(struct ui *ui, struct cal *c, struct date d)
{
	if (date_compare(&d, &cal_min) < 0 || date_compare(&d, &cal_max) > 0) {
		ui_message(ui, true, _("The calendar shows the years %d to %d."), cal_min.year,
		    cal_max.year);
		d = date_compare(&d, &cal_min) < 0 ? cal_min : cal_max;
	}
	c->sel = d;
	if (c->view == CAL_AGENDA)
		cal_ag_anchor(c);
}

/* The agenda's cursor moved: the selected day follows it. */
static void
cal_ag_follow(struct cal *c)
{
	if (c->ag_sel >= 0 && c->ag_sel < c->ag.n)
		c->sel = c->ag.v[c->ag_sel].day;
}

/* Move the agenda's cursor; more rows come when it reaches either end. */
static bool
cal_ag_move(struct ui *ui, struct cal *c, enum ui_action a)
{
	int page = c->ag_height > 1 ? c->ag_height - 1 : 1, to = c->ag_sel;

	switch (a) {
	case UI_ACTION_UP: to--; break;
	case UI_ACTION_DOWN: to++; break;
	case UI_ACTION_PAGE_UP: to -= page; break;
	case UI_ACTION_PAGE_DOWN: to += page; break;
	case UI_ACTION_FIRST: to = 0; break;
	case UI_ACTION_LAST: to = c->ag.n - 1; break;
	default: return false;
	}
	if (to < 0 && c->ag_sel == 0) {
		/* earlier rows come in above; the cursor stands on the nearest */
		if (!cal_ag_back(ui, c))
			ui_message(ui, false, "%s",
			    _("No earlier meetings in the eight weeks before."));
		to = c->ag_sel;
	} else if (to >= c->ag.n - 1 && a != UI_ACTION_LAST) {
		cal_ag_extend(ui, c, CAL_AG_CHUNK);
		to -= cal_ag_trim(c);
	}
	if (to >= c->ag.n)
		to = c->ag.n - 1;
	c->ag_sel = to < 0 ? 0 : to;
	if (c->ag_sel < c->ag_top)
		c->ag_top = c->ag_sel;
	cal_ag_follow(c);
	return true;
}

/* Month and week: the navigation keys move the selected day. */
static bool
cal_move(struct ui *ui, struct cal *c, enum ui_action a)
{
	struct date d = c->sel, mon;

	switch (a) {
	case UI_ACTION_UP: d = date_add_days(&d, -7); break;
	case UI_ACTION_DOWN: d = date_add_days(&d, 7); break;
	case UI_ACTION_PAGE_UP: d = date_add_months(&d, -1); break;
	case UI_ACTION_PAGE_DOWN: d = date_add_months(&d, 1); break;
	case UI_ACTION_FIRST:
		if (c->view == CAL_WEEK)
			d = calendar_week_start(&d);
		else
			d.day = 1;
		break;
	case UI_ACTION_LAST:
		mon = calendar_week_start(&d);
		if (c->view == CAL_WEEK)
			d = date_add_days(&mon, 6);
		else
			d.day = date_days_in_month(d.year, d.month);
		break;
	default:
		return false;
	}
	cal_select(ui, c, d);
	return true;
}

/*
 * Enter in month or week: the day's one meeting, or the agenda at that day
 * (the loaded days are indexed from c->first in either view).
 */
static void
cal_open_day(struct ui *ui, struct cal *c)
{
	int k = cal_grid_index(c, &c->sel);

	if (k >= 0 && c->day_n[k] == 1 && c->day_more[k] == 0) {
		scr_meeting_push(ui, c->items.v[c->day_first[k]].id);
		return;
	}
	if (cal_day_total(c, k) == 0) {
		ui_message(ui, false, "%s", _("No meetings on this day; n plans one."));
		return;
	}
	c->view = CAL_AGENDA;
	cal_ag_anchor(c);
}

static void
cal_open(struct ui *ui, struct cal *c)
{
	if (c->view != CAL_AGENDA) {
		cal_open_day(ui, c);
		return;
	}
	if (c->ag_sel >= 0 && c->ag_sel < c->ag.n)
		scr_meeting_push(ui, c->ag.v[c->ag_sel].id);
}

/* :, the date typed: an empty field is today. */
struct cal_goto {
	struct cal *c;
	struct form_field *date_f;
};

static int
cal_goto_submit(struct ui *ui, struct form *f, void *arg)
{
	struct cal_goto *g = arg;
	struct date d;

	(void)f;
	if (form_date(g->date_f, &d) != 0)
		d = date_today();
	cal_select(ui, g->c, d);
	return 0;
}

static void
cal_goto(struct ui *ui, struct cal *c)
{
	struct cal_goto *g = xcalloc(1, sizeof *g);
	struct form *f = form_new();
	char day[DATE_ISO_LEN];

	g->c = c;
	g->date_f = form_add(f, FORM_DATE, _("Date (empty: today)"), false);
	form_set_text(g->date_f, cal_date(ui, &c->sel, day));
	scr_form_push(ui, N_("Go to a date"), f, cal_goto_submit, g, free);
}

static void
cal_mine(struct ui *ui, struct cal *c)
{
	if (c->group_id > 0) {
		ui_message(ui, false, "%s", _("This calendar shows one group; c opens yours."));
		return;
	}
	if (!ui->app->who->coordinator) {
		ui_message(ui, true, "%s", _("Only coordinators see the calendar of the whole "
		    "network."));
		return;
	}
	c->all = !c->all;
	c->stale = true;
	c->ag_stale = true;
	ui_message(ui, false, "%s", c->all ? _("Showing the whole network.") :
	    _("Showing my groups and the network-wide meetings."));
}

static void
cal_switch_view(struct cal *c)
{
	c->view = c->view == CAL_MONTH ? CAL_WEEK : c->view == CAL_WEEK ? CAL_AGENDA : CAL_MONTH;
	if (c->view == CAL_AGENDA)
		cal_ag_anchor(c);
}

/* ---- export: E writes the calendar's meetings of a period to an .ics file ---- */

struct cal_export {
	struct calendar_query q;
	struct form_field *from, *to, *path;
};

static int
cal_export_submit(struct ui *ui, struct form *f, void *arg)
{
	struct cal_export *x = arg;
	struct date today = date_today();
	char *path, *error = NULL, iso[DATE_ISO_LEN];
	const char *home = getenv("HOME");
	size_t n = 0;

	(void)f;
	if (form_date(x->from, &x->q.first) != 0 || form_date(x->to, &x->q.last) != 0) {
		form_error(x->from, "%s", _("type a date, such as 14-01-2027"));
		return -1;
	}
	if (date_compare(&x->q.last, &x->q.first) < 0) {
		form_error(x->to, "%s", _("the period ends before it starts"));
		return -1;
	}
	if (form_text(x->path)[0] != '\0')
		path = widget_path(form_text(x->path));
	else
		path = xasprintf("%s/leernet-agenda-%s.ics", home != NULL && *home != '\0' ?
		    home : ".", date_format_iso(&today, iso));
	if (agenda_ics_write_file(ui->app, &x->q, path, &n, &error) != 0) {
		form_error(x->path, "%s", error != NULL ? error : "?");
		free(error);
		free(path);
		return -1;
	}
	ui_message(ui, false, P_("%zu meeting written to %s; import it into your calendar program.",
	    "%zu meetings written to %s; import them into your calendar program.", n), n, path);
	free(path);
	return 0;
}

static void
cal_export(struct ui *ui, struct cal *c)
{
	struct cal_export *x;
	struct form *f;
	struct date first, last;
	char day[DATE_ISO_LEN];

	if (ui->app->opt.restricted) {
		ui_message(ui, true, "%s", _("Over this SSH login nothing is written to files; "
		    "leernet agenda --format ics prints the calendar instead."));
		return;
	}
	/* the period shown: the month, the week, or the agenda's eight weeks */
	first = date_add_days(&c->sel, 1 - c->sel.day);
	last = date_add_days(&first, date_days_in_month(first.year, first.month) - 1);
	if (c->view == CAL_WEEK) {
		first = calendar_week_start(&c->sel);
		last = date_add_days(&first, 6);
	} else if (c->view == CAL_AGENDA) {
		first = c->sel;
		last = date_add_days(&first, 8 * 7 - 1);
	}
	x = xcalloc(1, sizeof *x);
	x->q.scope = cal_scope(c);
	x->q.group_id = c->group_id;
	f = form_new();
	x->from = form_add(f, FORM_DATE, _("From"), true);
	form_set_text(x->from, date_format_nl(&first, day));
	x->to = form_add(f, FORM_DATE, _("To"), true);
	form_set_text(x->to, date_format_nl(&last, day));
	x->path = form_add(f, FORM_LINE, _("File (empty: ~/leernet-agenda-DATE.ics)"), false);
	scr_form_push(ui, N_("Export to a calendar program"), f, cal_export_submit, x, free);
}

static bool
cal_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct cal *c = s->data;

	if (c->view == CAL_AGENDA ? cal_ag_move(ui, c, a) : cal_move(ui, c, a))
		return true;
	switch (a) {
	case UI_ACTION_VIEW: cal_switch_view(c); return true;
	case UI_ACTION_DAY_PREV: cal_select(ui, c, date_add_days(&c->sel, -1)); return true;
	case UI_ACTION_DAY_NEXT: cal_select(ui, c, date_add_days(&c->sel, 1)); return true;
	case UI_ACTION_TODAY: cal_select(ui, c, date_today()); return true;
	case UI_ACTION_GOTO_DATE: cal_goto(ui, c); return true;
	case UI_ACTION_MINE: cal_mine(ui, c); return true;
	case UI_ACTION_OPEN: cal_open(ui, c); return true;
	case UI_ACTION_NEW: scr_meeting_plan_push(ui, c->group_id, &c->sel); return true;
	case UI_ACTION_SERIES: scr_series_push(ui, c->group_id, &c->sel); return true;
	case UI_ACTION_POLL: scr_polls_push(ui, c->group_id); return true;
	case UI_ACTION_EXPORT: cal_export(ui, c); return true;
	default: return false;
	}
}

static void
cal_free(struct screen *s)
{
	struct cal *c = s->data;

	if (c == NULL)
		return;
	cal_items_clear(&c->items);
	cal_items_clear(&c->ag);
	free(c->group_name);
	free(c->error);
	free(c);
}

#define CAL_OPS(hint_list) { \
	.name = N_("Calendar"), \
	.enter = cal_enter, \
	.draw = cal_draw, \
	.on_action = cal_on_action, \
	.hints = hint_list, \
	.free = cal_free, \
}
static const struct screen_ops cal_ops = CAL_OPS(cal_hints);
static const struct screen_ops cal_ops_coordinator = CAL_OPS(cal_hints_coordinator);
#undef CAL_OPS

void
scr_calendar_push(struct ui *ui, int64_t group_id, const char *group_name)
{
	struct cal *c = xcalloc(1, sizeof *c);

	c->group_id = group_id > 0 ? group_id : 0;
	c->group_name = group_name != NULL ? xstrdup(group_name) : NULL;
	c->today = c->sel = date_today();
	c->ag_from = c->sel;
	c->stale = c->ag_stale = true;
	screen_push(ui, c->group_id == 0 && ui->app->who->coordinator ? &cal_ops_coordinator :
	    &cal_ops, c);
}

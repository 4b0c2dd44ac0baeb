/*
 * scr_group.c — a group's page.
 *
 * Shows: the overview (type, status, theme, question, orientation, start and
 * planned end, rhythm, hours norm, proposal), then the roster: the members
 * (leads, members, experts, in that order) with role, period and
 * organisation, and the followers apart under their own heading (they do not
 * count as members). The roster is of today or of a date asked for (@), and
 * shows the current members, the former ones, or every interval (v). Below
 * the roster, the group's life (group_life.h): its updates, products,
 * budget requests and health, reached by moving on past the last row.
 * Widgets: text view, a cursor over the roster rows (the page scrolls to
 * keep it in sight, the overview above the first row), forms, the person
 * picker.
 * Actions: edit the overview (e: a lead or a coordinator), change the status
 * (S: forming → active → closed, coordinators), add a member (+), end the
 * selected membership (x), change its role or appoint a lead (o) — these
 * three for a lead of the group or a coordinator, and the hint bar offers
 * them only to them —, former members and history (v), as of a date (@),
 * list movement.
 * Store: store_group_get and store_roster_each on enter (again on every
 * change by another session); store_group_update, store_group_set_status,
 * store_roster_add, store_roster_end, store_roster_set_role.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/domain.h"
#include "core/hours.h"
#include "core/i18n.h"
#include "core/roster.h"
#include "core/rules.h"
#include "core/text.h"
#include "core/xmalloc.h"
#include "ui/form.h"
#include "ui/group_life.h"
#include "ui/scr_themes.h"
#include "ui/widgets.h"

/* One interval of the roster shown; strings owned. */
struct group_member {
	int64_t membership_id, person_id;
	char *name, *organisation, *role;
	struct date start, end;
	bool open;		/* no end: still running */
	int minutes;		/* credited this school year (leads, coordinators), else -1 */
};

#define GROUP_NEXT_MEETINGS 3

struct group_page {
	int64_t id;
	struct group_detail d;
	bool loaded;
	/* the roster section */
	enum roster_view view;
	bool as_of;		/* a date was asked for (@); else today */
	struct date on;		/* the date shown */
	struct group_member *rows;	/* members (leads, members, experts), then followers */
	int n, n_members;
	int sel;		/* the selected row, -1 when there is none */
	bool follow;		/* scroll the selected row into sight at the next draw */
	int64_t keep_person;	/* select this person's row after the next load (0 = none) */
	char *roster_note;	/* why there is no roster to show (visitors), owned */
	/* the meetings section: this school year, and the next few */
	int planned, held, cancelled;
	char *next[GROUP_NEXT_MEETINGS];	/* lines, owned */
	int n_next;
	bool show_hours;	/* the roster has each member's hours (leads, coordinators) */
	struct access_ctx ctx;	/* who leads this group today */
	/* group life: updates, products, budget requests, health (group_life.h) */
	struct widget_lines life;
	/* the page as last drawn */
	int top, total, height, lines_over;
};

/*
 * The hint bar offers only what this person may do on this page: the page
 * switches between screen_ops that differ in their hints alone (group_ops_for).
 */
static const enum ui_action group_hints_edit[] = {
	UI_ACTION_ADD_MEMBER, UI_ACTION_END_MEMBERSHIP, UI_ACTION_ROLE, UI_ACTION_FORMER,
	UI_ACTION_AS_OF, UI_ACTION_EXPORT, UI_ACTION_CALENDAR, UI_ACTION_NEW, UI_ACTION_EDIT,
	UI_ACTION_UPDATES, UI_ACTION_PRODUCTS, UI_ACTION_BUDGET, UI_ACTION_SCAN, UI_ACTION_STATUS,
	UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
/* Former members have no membership left to end or change. */
static const enum ui_action group_hints_edit_former[] = {
	UI_ACTION_ADD_MEMBER, UI_ACTION_FORMER, UI_ACTION_AS_OF, UI_ACTION_EXPORT, UI_ACTION_EDIT,
	UI_ACTION_STATUS, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
/* A closed group's roster no longer changes; a coordinator may reopen the group. */
static const enum ui_action group_hints_edit_closed[] = {
	UI_ACTION_FORMER, UI_ACTION_AS_OF, UI_ACTION_EXPORT, UI_ACTION_EDIT, UI_ACTION_STATUS,
	UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
/* E: members may take the roster along; the store refuses anyone else, saying why */
static const enum ui_action group_hints_read[] = {
	UI_ACTION_FORMER, UI_ACTION_AS_OF, UI_ACTION_EXPORT, UI_ACTION_CALENDAR, UI_ACTION_UPDATES,
	UI_ACTION_PRODUCTS, UI_ACTION_SCAN, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

static const char *
group_label(const struct config_items *items, const char *key)
{
	const char *label = key != NULL ? config_item_label(items, key) : NULL;

	return label != NULL ? label : key != NULL ? key : "-";
}

/* The label of a role: the config's, else our own word. */
static const char *
group_role_label(struct ui *ui, const char *role)
{
	const char *label = config_item_label(&ui->app->cfg->roles, role);

	return label != NULL ? label : _(domain_role_label(role));
}

/* ---- the roster: loading ---- */

static void
group_rows_clear(struct group_page *p)
{
	int i;

	for (i = 0; i < p->n; i++) {
		free(p->rows[i].name);
		free(p->rows[i].organisation);
		free(p->rows[i].role);
	}
	free(p->rows);
	p->rows = NULL;
	p->n = p->n_members = 0;
}

/* Rows as the store delivers them, before members and followers are set apart. */
struct group_load {
	struct group_member *v;
	int n, cap;
};

static int
group_take_member(const struct roster_row *r, void *arg)
{
	struct group_load *l = arg;
	struct group_member *m;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xreallocarray(l->v, (size_t)l->cap, sizeof *l->v);
	}
	m = &l->v[l->n++];
	memset(m, 0, sizeof *m);
	m->membership_id = r->membership_id;
	m->person_id = r->person_id;
	m->name = xstrdup(r->name != NULL ? r->name : "?");
	m->organisation = xstrdup(r->organisation != NULL ? r->organisation : "");
	m->role = xstrdup(r->role != NULL ? r->role : "");
	if (r->start_on == NULL || date_parse_iso(r->start_on, &m->start) != 0)
		memset(&m->start, 0, sizeof m->start);
	m->open = r->end_on == NULL || date_parse_iso(r->end_on, &m->end) != 0;
	return 0;
}

static bool
group_is_follower(const struct group_member *m)
{
	return strcmp(m->role, "follower") == 0;
}

/* Set the followers apart, keeping the store's order within each part. */
static void
group_rows_take(struct group_page *p, struct group_load *l)
{
	int i, k = 0;

	p->rows = xreallocarray(NULL, (size_t)(l->n > 0 ? l->n : 1), sizeof *p->rows);
	for (i = 0; i < l->n; i++) {
		if (!group_is_follower(&l->v[i]))
			p->rows[k++] = l->v[i];
	}
	p->n_members = k;
	for (i = 0; i < l->n; i++) {
		if (group_is_follower(&l->v[i]))
			p->rows[k++] = l->v[i];
	}
	p->n = k;
	free(l->v);
}

struct group_lead_scan {
	int64_t person_id;
	bool found;
};

static int
group_scan_lead(const struct roster_row *r, void *arg)
{
	struct group_lead_scan *scan = arg;

	scan->found = r->person_id == scan->person_id && r->role != NULL &&
	    strcmp(r->role, "lead") == 0;
	return scan->found;	/* stop at the lead's row */
}

/* Does the acting person lead the group today? (Coordinators need not.) */
static bool
group_who_leads(struct ui *ui, struct group_page *p)
{
	const struct actor *who = ui->app->who;
	struct group_lead_scan scan = { who->person_id, false };
	struct date today = date_today();
	int i;

	if (actor_is_visitor(who) || who->coordinator)
		return false;
	if (p->view == ROSTER_AT && date_compare(&p->on, &today) == 0) {
		for (i = 0; i < p->n_members; i++) {
			if (p->rows[i].person_id == who->person_id &&
			    strcmp(p->rows[i].role, "lead") == 0)
				return true;
		}
		return false;
	}
	if (store_roster_each(ui->app->st, who, p->id, &today, ROSTER_AT, group_scan_lead, &scan,
	    NULL) != 0)
		return false;
	return scan.found;
}

/* Put the cursor back on the row it was on (same membership, else same person). */
static void
group_reselect(struct group_page *p, int64_t membership_id, int64_t person_id, int old)
{
	int i;

	p->sel = -1;
	for (i = 0; i < p->n && p->sel < 0; i++) {
		if (membership_id != 0 && p->rows[i].membership_id == membership_id)
			p->sel = i;
	}
	for (i = 0; i < p->n && p->sel < 0; i++) {
		if (person_id != 0 && p->rows[i].person_id == person_id)
			p->sel = i;
	}
	if (p->sel < 0 && p->n > 0)
		p->sel = old < 0 ? 0 : old < p->n ? old : p->n - 1;
}

/* Fetch the roster for the view and date shown, keeping the cursor on its row. */
static int
group_add_hours(int64_t person_id, int minutes, void *arg)
{
	struct group_page *p = arg;
	int i;

	for (i = 0; i < p->n; i++) {
		if (p->rows[i].person_id == person_id) {
			p->rows[i].minutes += minutes;
			break;
		}
	}
	return 0;
}

/*
 * Each member's hours of this school year at the group's held meetings, for
 * the group's leads and coordinators (the hours rule: ACCESS_HOURS_VIEW).
 */
static void
group_load_hours(struct ui *ui, struct group_page *p)
{
	struct date today = date_today(), first, last;
	int i;

	for (i = 0; i < p->n; i++)
		p->rows[i].minutes = -1;
	p->show_hours = false;
	if (!ui->app->who->coordinator && !p->ctx.is_lead)
		return;
	for (i = 0; i < p->n; i++)
		p->rows[i].minutes = 0;
	date_school_year(&today, &first, &last);
	p->show_hours = store_group_hours(ui->app->st, ui->app->who, p->id, &first, &last,
	    group_add_hours, p, NULL) == 0;
}

static void
group_load_roster(struct ui *ui, struct group_page *p)
{
	struct group_load l = { NULL, 0, 0 };
	int64_t membership_id = 0, person_id = p->keep_person;
	int old = p->sel, ret;
	char *error = NULL;

	if (p->sel >= 0 && p->sel < p->n) {
		membership_id = p->rows[p->sel].membership_id;
		if (person_id == 0)
			person_id = p->rows[p->sel].person_id;
	}
	if (p->keep_person != 0) {
		membership_id = 0;
		p->follow = true;
	}
	p->keep_person = 0;
	group_rows_clear(p);
	free(p->roster_note);
	p->roster_note = NULL;
	if (!p->as_of)
		p->on = date_today();
	ret = store_roster_each(ui->app->st, ui->app->who, p->id, &p->on, p->view,
	    group_take_member, &l, &error);
	if (ret < 0) {
		p->roster_note = error != NULL ? error : xstrdup(_("The roster cannot be read."));
		if (ret != STORE_DENIED)	/* a refusal stays in place of the rows */
			ui_message(ui, true, "%s", p->roster_note);
	}
	group_rows_take(p, &l);
	group_reselect(p, membership_id, person_id, old);
	p->ctx.is_lead = group_who_leads(ui, p);
	group_load_hours(ui, p);
}

static bool
group_closed(const struct group_page *p)
{
	return p->d.status != NULL && strcmp(p->d.status, "closed") == 0;
}

/* May who do action here? When not, say why on the status line. */
static bool
group_allowed(struct ui *ui, struct group_page *p, enum access_action action)
{
	if (!access_allows(ui->app->who, action, &p->ctx)) {
		ui_message(ui, true, "%s", _(access_reason(action)));
		return false;
	}
	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be "
		    "changed."));
		return false;
	}
	if (action == ACCESS_ROSTER_EDIT && group_closed(p)) {
		ui_message(ui, true, "%s", _("The group is closed; its roster can no longer "
		    "change."));
		return false;
	}
	return true;
}

static const struct screen_ops *group_ops_for(struct ui *ui, const struct group_page *p);

/* ---- the meetings section ---- */

struct group_meetings {
	struct group_page *p;
	struct date today;
	bool next_only;
};

static int
group_take_meeting(const struct calendar_row *r, void *arg)
{
	struct group_meetings *gm = arg;
	struct group_page *p = gm->p;
	struct date day;
	char d[DATE_ISO_LEN];
	int start;

	if (!gm->next_only) {
		if (strcmp(r->status, "held") == 0)
			p->held++;
		else if (strcmp(r->status, "cancelled") == 0)
			p->cancelled++;
		else
			p->planned++;
		return 0;
	}
	if (strcmp(r->status, "cancelled") == 0 || p->n_next == GROUP_NEXT_MEETINGS)
		return p->n_next == GROUP_NEXT_MEETINGS;
	if (datetime_parse_iso(r->starts_at, &day, &start) != 0)
		return 0;
	p->next[p->n_next++] = xasprintf("%s %.5s–%.5s  %s", date_format_nl(&day, d),
	    r->starts_at + 11, r->ends_at != NULL && strlen(r->ends_at) >= 16 ? r->ends_at + 11 : "",
	    r->place != NULL ? r->place : "");
	return 0;
}

static void
group_load_meetings(struct ui *ui, struct group_page *p)
{
	struct calendar_query q;
	struct group_meetings gm;
	char *error = NULL;
	int i;

	for (i = 0; i < p->n_next; i++)
		free(p->next[i]);
	p->n_next = 0;
	p->planned = p->held = p->cancelled = 0;
	memset(&gm, 0, sizeof gm);
	gm.p = p;
	gm.today = date_today();
	memset(&q, 0, sizeof q);
	q.scope = MEETING_SCOPE_GROUP;
	q.group_id = p->id;
	q.cancelled = true;
	date_school_year(&gm.today, &q.first, &q.last);
	if (store_calendar_range(ui->app->st, ui->app->who, &q, group_take_meeting, &gm,
	    &error) == 0) {
		gm.next_only = true;
		q.first = gm.today;
		q.last = date_add_days(&gm.today, 366);
		(void)store_calendar_range(ui->app->st, ui->app->who, &q, group_take_meeting, &gm,
		    &error);
	}
	free(error);
}

static void
group_enter(struct ui *ui, struct screen *s)
{
	struct group_page *p = s->data;
	char *error = NULL;

	store_group_detail_clear(&p->d);
	p->loaded = store_group_get(ui->app->st, ui->app->who, p->id, &p->d, &error) == 1;
	if (!p->loaded) {
		ui_message(ui, true, "%s", error != NULL ? error : _("That group no longer exists."));
		free(error);
		return;
	}
	group_load_roster(ui, p);
	group_load_meetings(ui, p);
	widget_lines_clear(&p->life);
	memset(&p->life, 0, sizeof p->life);
	p->life.width = COLS - 2;
	life_updates_section(ui, &p->d, &p->ctx, &p->life);
	life_products_section(ui, &p->d, &p->ctx, &p->life);
	life_budget_section(ui, &p->d, &p->ctx, &p->life);
	life_health_section(ui, &p->d, &p->ctx, &p->life);
	s->ops = group_ops_for(ui, p);
}

/* ---- the roster: drawing ---- */

/*
 * The page is one column of lines: the overview (built for the width at each
 * draw), a blank line, the members' heading, the column names, the member
 * rows (or one line saying there are none), then, when there are followers,
 * a blank line, their heading and their rows. These give each part's line.
 */
static int
group_first_member_line(const struct group_page *p)
{
	return p->lines_over + 3;
}

static int
group_followers_head_line(const struct group_page *p)
{
	return group_first_member_line(p) + (p->n_members > 0 ? p->n_members : 1) + 1;
}

static int
group_row_line(const struct group_page *p, int i)
{
	if (i < p->n_members)
		return group_first_member_line(p) + i;
	return group_followers_head_line(p) + 1 + (i - p->n_members);
}

/* The first line after the roster: a blank line, then the group-life sections. */
static int
group_roster_end(const struct group_page *p)
{
	if (p->n > p->n_members)
		return group_row_line(p, p->n - 1) + 1;
	return group_followers_head_line(p) - 1;
}

static int
group_total_lines(const struct group_page *p)
{
	return group_roster_end(p) + (p->life.n > 0 ? 1 + p->life.n : 0);
}

/* People in rows [from, to): one each, however many intervals they have. */
static int
group_count_people(const struct group_page *p, int from, int to)
{
	int i, n = 0;

	for (i = from; i < to; i++) {
		if (i == from || p->rows[i].person_id != p->rows[i - 1].person_id)
			n++;
	}
	return n;
}

/* A heading "<what> (<count>)", with the date when it is not today's roster. */
static void
group_heading(const struct group_page *p, bool followers, char *buf, size_t size)
{
	int from = followers ? p->n_members : 0, to = followers ? p->n : p->n_members;
	int n = group_count_people(p, from, to);
	char day[DATE_ISO_LEN];

	date_format_nl(&p->on, day);
	switch (p->view) {
	case ROSTER_AT:
		if (p->as_of)
			snprintf(buf, size, followers ? _("Followers as of %s (%d)") :
			    _("Members as of %s (%d)"), day, n);
		else
			snprintf(buf, size, followers ? _("Followers (%d)") : _("Members (%d)"), n);
		break;
	case ROSTER_FORMER:
		if (p->as_of)
			snprintf(buf, size, followers ? _("Former followers as of %s (%d)") :
			    _("Former members as of %s (%d)"), day, n);
		else
			snprintf(buf, size, followers ? _("Former followers (%d)") :
			    _("Former members (%d)"), n);
		break;
	case ROSTER_HISTORY:
		snprintf(buf, size, followers ? _("Followers over time (%d)") :
		    _("Members over time (%d)"), n);
		break;
	}
}

/* Column widths of a roster row: name, role, period, organisation, hours (0: none). */
static void
group_columns(int width, bool hours, int w[5])
{
	w[4] = hours ? 6 : 0;
	if (hours)
		width -= w[4] + 1;
	w[0] = width >= 100 ? 30 : 24;
	w[1] = 11;
	w[2] = 24;
	w[3] = width - w[0] - w[1] - w[2] - 6;
	if (w[3] >= 8)
		return;
	/* narrow: no organisation, then a narrower name and period; nothing wraps */
	w[3] = 0;
	w[0] = width - w[1] - w[2] - 5;
	if (w[0] < 10) {
		w[0] = 10;
		w[2] = width - w[1] - w[0] - 5;
	}
}

static void
group_draw_columns(const struct group_page *p, int y)
{
	static const char *const heads[5] = {
		N_("Name"), N_("Role"), N_("Period"), N_("Organisation"), N_("Hours")
	};
	int w[5], x = 2, i;

	group_columns(COLS, p->show_hours, w);
	for (i = 0; i < 5; i++) {
		if (w[i] <= 0)
			continue;
		widget_text(y, x, w[i], _(heads[i]), A_BOLD);
		x += w[i] + 1;
	}
}

/* "since 02-09-2026", or "02-09-2026 – 15-11-2026" for an interval with an end. */
static void
group_period(const struct group_member *m, char *buf, size_t size)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	date_format_nl(&m->start, a);
	if (m->open)
		snprintf(buf, size, _("since %s"), a);
	else
		snprintf(buf, size, "%s – %s", a, date_format_nl(&m->end, b));
}

static void
group_draw_row(struct ui *ui, const struct group_page *p, int i, int y)
{
	const struct group_member *m = &p->rows[i];
	int attr = i == p->sel ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
	bool again = i > 0 && i != p->n_members && m->person_id == p->rows[i - 1].person_id;
	char period[64], hours[16];
	int w[5], x = 2;

	group_columns(COLS, p->show_hours, w);
	group_period(m, period, sizeof period);
	widget_text(y, 0, COLS, "", attr);
	/* a person's later intervals (history, former) stand under the first */
	widget_text(y, x, w[0], again ? "" : m->name, attr);
	x += w[0] + 1;
	widget_text(y, x, w[1], group_role_label(ui, m->role), attr);
	x += w[1] + 1;
	widget_text(y, x, w[2], period, attr);
	x += w[2] + 1;
	widget_text(y, x, w[3], again ? "" : m->organisation, attr);
	if (w[4] > 0 && !again && m->minutes >= 0) {
		x += w[3] > 0 ? w[3] + 1 : 0;
		hours_format(m->minutes, app_decimal(ui->app), hours, sizeof hours);
		widget_text(y, x + w[4] - text_width(hours), text_width(hours), hours, attr);
	}
}

static const char *
group_nobody(const struct group_page *p)
{
	if (p->roster_note != NULL)
		return p->roster_note;
	switch (p->view) {
	case ROSTER_FORMER:
		return _("Nobody has left this group.");
	case ROSTER_HISTORY:
		return _("Nobody has been a member of this group yet.");
	case ROSTER_AT:
		break;
	}
	return _("Nobody is a member on this date.");
}

/* Draw line `line` of the page at row y. */
static void
group_draw_line(struct ui *ui, const struct group_page *p, const struct widget_lines *l,
    int line, int y)
{
	int first = group_first_member_line(p), fhead = group_followers_head_line(p);
	char head[160];

	if (line < p->lines_over) {
		const struct widget_line *w = &l->v[line];

		widget_text(y, w->indent, COLS - w->indent - 1, w->text, w->attr);
	} else if (line == first - 2 || line == fhead) {
		group_heading(p, line == fhead, head, sizeof head);
		widget_text(y, 1, COLS - 2, head, A_BOLD);
	} else if (line == first - 1) {
		group_draw_columns(p, y);
	} else if (line == first && p->n_members == 0) {
		widget_text(y, 2, COLS - 3, group_nobody(p), ui_attr(ui, UI_COLOUR_DIM));
	} else if (line >= first && line < first + p->n_members) {
		group_draw_row(ui, p, line - first, y);
	} else if (line > group_roster_end(p) && line - group_roster_end(p) - 1 < p->life.n) {
		const struct widget_line *w = &p->life.v[line - group_roster_end(p) - 1];

		widget_text(y, w->indent, COLS - w->indent - 1, w->text, w->attr);
	} else if (line > fhead && line < group_roster_end(p)) {
		group_draw_row(ui, p, p->n_members + line - fhead - 1, y);
	}
}

/*
 * When the heading of the rows shown has scrolled away, the first two rows
 * of the page repeat it and the column names: that heading's line, or -1.
 */
static int
group_sticky(const struct group_page *p)
{
	int first = group_first_member_line(p), fhead = group_followers_head_line(p);
	int line = p->top + 2;

	if (line >= group_roster_end(p))
		return -1;
	if (p->n > p->n_members && line > fhead && p->top > fhead)
		return fhead;
	if (line >= first && line < first + p->n_members && p->top > first - 2)
		return first - 2;
	return -1;
}

/* Keep the selected row in sight, below a repeated heading; with its heading when first. */
static void
group_follow(struct group_page *p)
{
	int line, from;

	if (p->sel < 0)
		return;
	line = group_row_line(p, p->sel);
	from = p->sel == 0 || p->sel == p->n_members ? line - 2 : line;
	if (p->sel == 0 && line < p->height)
		from = 0;	/* the overview stays above the first row */
	if (from < p->top)
		p->top = from;
	if (line >= p->top + p->height)
		p->top = line - p->height + 1;
	if (group_sticky(p) >= 0 && line < p->top + 2)
		p->top = line - 2;
}

static void
group_build(struct ui *ui, struct group_page *p, struct widget_lines *l)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
	int i;
	const struct group_detail *d = &p->d;

	widget_lines_add(l, 1, A_BOLD, "%s", d->name);
	widget_lines_add(l, 1, A_NORMAL, "%s %s   %s %s", _("Type:"),
	    widget_group_type_label(ui, d->type), _("Status:"),
	    _(domain_group_status_label(d->status)));
	widget_lines_add(l, 1, A_NORMAL, "%s %s", _("Theme:"), d->theme != NULL ? d->theme : "-");
	widget_lines_add(l, 1, A_NORMAL, _("From %s to %s (planned)   Rhythm: %s"),
	    date_valid(&d->start_on) ? date_format_nl(&d->start_on, a) : "-",
	    date_valid(&d->planned_end_on) ? date_format_nl(&d->planned_end_on, b) : "-",
	    d->rhythm != NULL ? d->rhythm : "-");
	widget_lines_add(l, 1, A_NORMAL, _("Orientation: %s   Hours norm: %d per school year"),
	    group_label(&ui->app->cfg->orientations, d->orientation), d->hours_norm);
	if (d->proposal_ref != NULL)
		widget_lines_add(l, 1, A_NORMAL, "%s %s", _("Approved proposal:"), d->proposal_ref);
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	widget_lines_add(l, 1, A_BOLD, "%s", _("Learning or research question"));
	widget_lines_wrap(l, 2, A_NORMAL, d->question != NULL ? d->question : "-");
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	widget_lines_add(l, 1, A_BOLD, "%s", _("Meetings this school year"));
	widget_lines_add(l, 2, A_NORMAL, _("%d held, %d planned, %d cancelled   Rhythm: %s"),
	    p->held, p->planned, p->cancelled, d->rhythm != NULL ? d->rhythm : "-");
	if (p->n_next == 0)
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_DIM), "%s",
		    _("No meeting planned. c opens the group's calendar; n plans a meeting."));
	for (i = 0; i < p->n_next; i++)
		widget_lines_add(l, 2, A_NORMAL, "%s", p->next[i]);
}

static void
group_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct group_page *p = s->data;
	struct widget_lines l;
	int i, sticky;

	if (!p->loaded)
		return;
	memset(&l, 0, sizeof l);
	l.width = COLS - 2;
	group_build(ui, p, &l);
	p->lines_over = l.n;
	p->total = group_total_lines(p);
	p->height = height;
	if (p->follow)
		group_follow(p);
	p->follow = false;
	if (p->top > p->total - height)
		p->top = p->total - height;
	if (p->top < 0)
		p->top = 0;
	sticky = height > 4 ? group_sticky(p) : -1;
	for (i = 0; i < height && p->top + i < p->total; i++) {
		if (sticky >= 0 && i < 2)
			group_draw_line(ui, p, &l, i == 0 ? sticky : group_first_member_line(p) - 1,
			    top + i);
		else
			group_draw_line(ui, p, &l, p->top + i, top + i);
	}
	widget_lines_clear(&l);
}

/* A move of the cursor over the roster rows (or, without rows, of the page). */
static bool
group_move(struct group_page *p, enum ui_action a)
{
	int page = p->height > 1 ? p->height - 1 : 1, sel = p->sel;

	if (p->n == 0)
		return widget_lines_scroll(&p->top, p->total, p->height, a);
	switch (a) {
	case UI_ACTION_UP:
		if (sel == 0) {		/* above the first row: scroll the overview back */
			p->top = p->top > 0 ? p->top - 1 : 0;
			return true;
		}
		sel--;
		break;
	case UI_ACTION_DOWN:
		if (sel == p->n - 1) {	/* below the last row: scroll on to the sections */
			if (p->top + p->height < p->total)
				p->top++;
			return true;
		}
		sel++;
		break;
	case UI_ACTION_PAGE_UP: sel -= page; break;
	case UI_ACTION_PAGE_DOWN:
		if (sel == p->n - 1) {
			p->top += page;	/* clamped at the next draw */
			return true;
		}
		sel += page;
		break;
	case UI_ACTION_FIRST: sel = 0; p->top = 0; break;
	case UI_ACTION_LAST: sel = p->n - 1; p->top = p->total; break;
	default: return false;
	}
	p->sel = sel < 0 ? 0 : sel >= p->n ? p->n - 1 : sel;
	p->follow = true;
	return true;
}

/* ---- the overview form ---- */

struct group_edit {
	int64_t id;
	int version;
	struct group_detail orig;	/* as read when the form opened */
	char *type;
	struct form_field *name, *question, *orientation, *start, *end, *rhythm, *hours;
	struct form_field *proposal;
};

static void
group_edit_free(void *arg)
{
	struct group_edit *e = arg;

	store_group_detail_clear(&e->orig);
	free(e->type);
	free(e);
}

/* Compare two dates as the form shows them. */
static void
group_mark_date(struct form_field *fld, const struct date *was, const struct date *now)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	widget_mark_changed(fld, date_format_nl(was, a), date_format_nl(now, b));
}

/* Someone saved the group meanwhile: show their values, keep ours, take their version. */
static int
group_edit_conflict(struct ui *ui, struct group_edit *e)
{
	struct group_detail now;
	char *error = NULL, a[16], b[16];

	if (store_group_get(ui->app->st, ui->app->who, e->id, &now, &error) != 1) {
		ui_message(ui, true, "%s", error != NULL ? error : _("That group no longer exists."));
		free(error);
		return 0;
	}
	widget_mark_changed(e->name, e->orig.name, now.name);
	widget_mark_changed(e->question, e->orig.question, now.question);
	widget_mark_changed(e->orientation, e->orig.orientation, now.orientation);
	group_mark_date(e->start, &e->orig.start_on, &now.start_on);
	group_mark_date(e->end, &e->orig.planned_end_on, &now.planned_end_on);
	widget_mark_changed(e->rhythm, e->orig.rhythm, now.rhythm);
	snprintf(a, sizeof a, "%d", e->orig.hours_norm);
	snprintf(b, sizeof b, "%d", now.hours_norm);
	widget_mark_changed(e->hours, a, b);
	widget_mark_changed(e->proposal, e->orig.proposal_ref, now.proposal_ref);
	widget_conflict_message(ui, "group", e->id);
	store_group_detail_clear(&e->orig);
	e->orig = now;
	e->version = now.version;
	return -1;
}

static int
group_edit_submit(struct ui *ui, struct form *f, void *arg)
{
	struct group_edit *e = arg;
	struct group_detail d;
	char *error = NULL;
	int ret;

	memset(&d, 0, sizeof d);
	d.id = e->id;
	d.version = e->version;
	d.name = (char *)form_text(e->name);
	d.question = (char *)form_text(e->question);
	d.orientation = (char *)form_choice(e->orientation);
	d.rhythm = (char *)form_text(e->rhythm);
	d.proposal_ref = (char *)form_text(e->proposal);
	form_date(e->start, &d.start_on);
	form_date(e->end, &d.planned_end_on);
	form_number(e->hours, &d.hours_norm);
	ret = store_group_update(ui->app->st, ui->app->who, &d, &error);
	if (ret == STORE_CONFLICT) {
		free(error);
		return group_edit_conflict(ui, e);
	}
	if (ret == 0) {
		ui_message(ui, false, "%s", _("Group saved."));
		return 0;
	}
	form_error(ret == STORE_INVALID && strstr(error, _("planned end")) != NULL ? e->end :
	    e->name, "%s", error != NULL ? error : "?");
	form_focus(f, e->name);
	free(error);
	return -1;
}

static void
group_edit(struct ui *ui, struct group_page *p)
{
	struct group_edit *e = xcalloc(1, sizeof *e);
	const struct config_items *orients = &ui->app->cfg->orientations;
	struct form *f = form_new();
	char a[DATE_ISO_LEN], hours[16];
	size_t i;

	e->id = p->id;
	if (store_group_get(ui->app->st, ui->app->who, p->id, &e->orig, NULL) != 1) {
		group_edit_free(e);
		form_free(f);
		return;
	}
	e->version = e->orig.version;
	e->name = form_add(f, FORM_LINE, _("Name"), true);
	e->question = form_add(f, FORM_TEXT, _("Learning or research question"), false);
	e->orientation = form_add(f, FORM_CHOICE, _("Orientation"), false);
	e->start = form_add(f, FORM_DATE, _("Start"), true);
	e->end = form_add(f, FORM_DATE, _("Planned end"), true);
	e->rhythm = form_add(f, FORM_LINE, _("Planned rhythm"), false);
	e->hours = form_add(f, FORM_NUMBER, _("Hours norm per year"), true);
	e->hours->max = 2000;
	e->proposal = form_add(f, FORM_LINE, _("Approved proposal (ref.)"), false);
	form_set_text(e->name, p->d.name);
	form_set_text(e->question, p->d.question);
	for (i = 0; i < orients->n; i++) {
		form_add_item(e->orientation, orients->v[i].key, orients->v[i].label, false);
		if (p->d.orientation != NULL && strcmp(p->d.orientation, orients->v[i].key) == 0)
			e->orientation->choice = (int)i;
	}
	form_set_text(e->start, date_format_nl(&p->d.start_on, a));
	form_set_text(e->end, date_format_nl(&p->d.planned_end_on, a));
	form_set_text(e->rhythm, p->d.rhythm);
	snprintf(hours, sizeof hours, "%d", p->d.hours_norm);
	form_set_text(e->hours, hours);
	form_set_text(e->proposal, p->d.proposal_ref);
	scr_form_push(ui, N_("Edit group"), f, group_edit_submit, e, group_edit_free);
}

/* S: the next status the rules allow (forming → active → closed → active). */
static void
group_status(struct ui *ui, struct group_page *p)
{
	static const char *const next[][2] = {
		{ "forming", "active" }, { "active", "closed" }, { "closed", "active" }
	};
	const char *to = NULL;
	char *error = NULL;
	size_t i;

	for (i = 0; i < sizeof next / sizeof next[0]; i++) {
		if (strcmp(p->d.status, next[i][0]) == 0 && rules_group_transition(next[i][0], next[i][1]))
			to = next[i][1];
	}
	if (to == NULL)
		return;
	if (store_group_set_status(ui->app->st, ui->app->who, p->id, p->d.version, to,
	    &error) != 0) {
		ui_message(ui, true, "%s", error);
		free(error);
		return;
	}
	ui_message(ui, false, _("The group is now %s."), _(domain_group_status_label(to)));
}


/* ---- the roster: as of a date, and the changes ---- */

/* What a roster form changes; strings owned. */
struct group_change {
	struct group_page *page;	/* borrowed: the page under the form */
	int64_t group_id, person_id, membership_id;
	char *name, *role;		/* the person, and the role as read */
	struct date start;		/* the membership's start, as read */
	struct form_field *role_f, *date_f, *leads_f;
	int64_t *leads;			/* LEADS_F's items: the other leads' memberships */
	char **lead_names;
	size_t n_leads;
};

static void
group_change_free(void *arg)
{
	struct group_change *c = arg;
	size_t i;

	for (i = 0; i < c->n_leads; i++)
		free(c->lead_names[i]);
	free(c->lead_names);
	free(c->leads);
	free(c->name);
	free(c->role);
	free(c);
}

static struct group_change *
group_change_new(struct group_page *p, const struct group_member *m)
{
	struct group_change *c = xcalloc(1, sizeof *c);

	c->page = p;
	c->group_id = p->id;
	if (m != NULL) {
		c->person_id = m->person_id;
		c->membership_id = m->membership_id;
		c->name = xstrdup(m->name);
		c->role = xstrdup(m->role);
		c->start = m->start;
	}
	return c;
}

/* A read-only line at the top of a form: who the change is about. */
static void
group_form_who(struct form *f, const char *label, const char *text)
{
	struct form_field *fld = form_add(f, FORM_CHOICE, label, false);

	form_add_item(fld, "", text, false);
}

/* The roles of the config, the one given chosen. */
static struct form_field *
group_form_roles(struct ui *ui, struct form *f, const char *label, const char *chosen)
{
	const struct config_items *roles = &ui->app->cfg->roles;
	struct form_field *fld = form_add(f, FORM_CHOICE, label, true);
	size_t i;

	for (i = 0; i < roles->n; i++) {
		form_add_item(fld, roles->v[i].key, roles->v[i].label, false);
		if (strcmp(roles->v[i].key, chosen) == 0)
			fld->choice = (int)i;
	}
	return fld;
}

static struct form_field *
group_form_date(struct form *f, const char *label)
{
	struct form_field *fld = form_add(f, FORM_DATE, label, true);
	struct date today = date_today();
	char day[DATE_ISO_LEN];

	form_set_text(fld, date_format_nl(&today, day));
	return fld;
}

/*
 * The store refused a change. What can be corrected keeps the form open
 * with the reason at fld; a conflict (someone changed the membership
 * meanwhile) or a refusal closes it, and the page shows the roster afresh.
 */
static int
group_refused(struct ui *ui, struct form_field *fld, int ret, char *error)
{
	const char *why = error != NULL ? error : _("The change was not saved.");
	int keep = 0;

	if (ret == STORE_INVALID && fld != NULL) {
		form_error(fld, "%s", why);
		keep = -1;
	} else {
		/* a conflict, a refusal: the form closes and the page reloads */
		ui_message(ui, true, "%s", why);
		/* busy: the same save may work in a moment */
		keep = ret == STORE_ERROR ? -1 : 0;
	}
	free(error);
	return keep;
}

/* @: the roster on a date; an empty date is today. */
static int
group_as_of_submit(struct ui *ui, struct form *f, void *arg)
{
	struct group_change *c = arg;
	struct group_page *p = c->page;
	struct date today = date_today(), on;

	(void)ui;
	(void)f;
	p->as_of = form_date(c->date_f, &on) == 0 && date_compare(&on, &today) != 0;
	p->on = p->as_of ? on : today;
	p->sel = -1;
	p->top = 0;
	return 0;
}

static void
group_as_of(struct ui *ui, struct group_page *p)
{
	struct group_change *c = group_change_new(p, NULL);
	struct form *f = form_new();
	char day[DATE_ISO_LEN];

	c->date_f = form_add(f, FORM_DATE, _("Date (empty: today)"), false);
	if (p->as_of)
		form_set_text(c->date_f, date_format_nl(&p->on, day));
	scr_form_push(ui, N_("Roster as of a date"), f, group_as_of_submit, c, group_change_free);
}

/* +, after the picker: the role and the first day. */
static int
group_add_submit(struct ui *ui, struct form *f, void *arg)
{
	struct group_change *c = arg;
	const char *role = form_choice(c->role_f);
	char *error = NULL, day[DATE_ISO_LEN];
	struct date start;
	int ret;

	(void)f;
	form_date(c->date_f, &start);
	ret = store_roster_add(ui->app->st, ui->app->who, c->group_id, c->person_id, role, &start,
	    &error);
	if (ret != 0)
		return group_refused(ui, c->date_f, ret, error);
	c->page->keep_person = c->person_id;
	ui_message(ui, false, _("%s joins as %s from %s."), c->name, group_role_label(ui, role),
	    date_format_nl(&start, day));
	return 0;
}

static void
group_add_picked(struct ui *ui, int64_t person_id, const char *name, void *arg)
{
	struct group_change *c = group_change_new(arg, NULL);
	struct form *f = form_new();

	c->person_id = person_id;
	c->name = xstrdup(name);
	group_form_who(f, _("Person"), name);
	c->role_f = group_form_roles(ui, f, _("Role"), "member");
	c->date_f = group_form_date(f, _("First day"));
	form_focus(f, c->role_f);
	scr_form_push(ui, N_("Add to the roster"), f, group_add_submit, c, group_change_free);
}

/* The selected row when it is a membership that is still running; else say why not. */
static const struct group_member *
group_running(struct ui *ui, const struct group_page *p)
{
	const struct group_member *m = p->sel >= 0 && p->sel < p->n ? &p->rows[p->sel] : NULL;

	if (m == NULL)
		ui_message(ui, true, "%s", _("Choose a member in the roster first."));
	else if (!m->open)
		ui_message(ui, true, _("The membership of %s has ended already; choose a current "
		    "one."), m->name);
	return m != NULL && m->open ? m : NULL;
}

/* x: the last day of the membership (its start or later). */
static int
group_end_submit(struct ui *ui, struct form *f, void *arg)
{
	struct group_change *c = arg;
	struct interval iv = { .start = c->start, .open = true };
	char *error = NULL, day[DATE_ISO_LEN];
	struct date end;
	const char *why;
	int ret;

	(void)f;
	form_date(c->date_f, &end);
	if ((why = roster_check_end(&iv, &end)) != NULL) {
		form_error(c->date_f, "%s", _(why));
		return -1;
	}
	ret = store_roster_end(ui->app->st, ui->app->who, c->membership_id, &end, &error);
	if (ret != 0)
		return group_refused(ui, c->date_f, ret, error);
	ui_message(ui, false, _("The membership of %s ends on %s."), c->name,
	    date_format_nl(&end, day));
	return 0;
}

static void
group_end(struct ui *ui, struct group_page *p)
{
	const struct group_member *m;
	struct group_change *c;
	struct form *f;
	char who[256], day[DATE_ISO_LEN];

	if (!group_allowed(ui, p, ACCESS_ROSTER_EDIT) || (m = group_running(ui, p)) == NULL)
		return;
	c = group_change_new(p, m);
	f = form_new();
	snprintf(who, sizeof who, _("%s, %s since %s"), m->name, group_role_label(ui, m->role),
	    date_format_nl(&m->start, day));
	group_form_who(f, _("Membership"), who);
	c->date_f = group_form_date(f, _("Last day"));
	form_focus(f, c->date_f);
	scr_form_push(ui, N_("End a membership"), f, group_end_submit, c, group_change_free);
}

/* The other leads of today, to offer them a step back when a new lead comes. */
static int
group_take_lead(const struct roster_row *r, void *arg)
{
	struct group_change *c = arg;

	if (r->role == NULL || strcmp(r->role, "lead") != 0 || r->person_id == c->person_id ||
	    r->end_on != NULL)
		return 0;
	c->leads = xreallocarray(c->leads, c->n_leads + 1, sizeof *c->leads);
	c->lead_names = xreallocarray(c->lead_names, c->n_leads + 1, sizeof *c->lead_names);
	c->leads[c->n_leads] = r->membership_id;
	c->lead_names[c->n_leads++] = xstrdup(r->name != NULL ? r->name : "?");
	return 0;
}

/*
 * After the new lead is in, the leads ticked become members from the same
 * day; their names go into replaced. 0, or a store_result with the message set.
 */
static int
group_role_step_back(struct ui *ui, struct group_change *c, const struct date *from,
    char *replaced, size_t size)
{
	char *error = NULL;
	size_t i, len;
	int ret;

	replaced[0] = '\0';
	for (i = 0; c->leads_f != NULL && i < c->leads_f->n_items; i++) {
		if (!c->leads_f->items[i].on)
			continue;
		ret = store_roster_set_role(ui->app->st, ui->app->who, c->leads[i], "lead",
		    "member", from, &error);
		if (ret != 0) {
			ui_message(ui, true, _("Nothing was changed: %s cannot step back as lead: %s"),
			    c->lead_names[i], error != NULL ? error : "?");
			free(error);
			return ret;
		}
		len = strlen(replaced);
		snprintf(replaced + len, size - len, "%s%s", len > 0 ? ", " : "", c->lead_names[i]);
	}
	return 0;
}

/* Is any lead ticked? */
static bool
group_role_any_ticked(const struct group_change *c)
{
	size_t i;

	for (i = 0; c->leads_f != NULL && i < c->leads_f->n_items; i++) {
		if (c->leads_f->items[i].on)
			return true;
	}
	return false;
}

/* o: the new role from a date on; a new lead may replace the leads ticked. */
static int
group_role_submit(struct ui *ui, struct form *f, void *arg)
{
	struct group_change *c = arg;
	const char *role = form_choice(c->role_f);
	char *error = NULL, day[DATE_ISO_LEN], replaced[512];
	struct date from;
	int ret;

	(void)f;
	form_date(c->date_f, &from);
	if (strcmp(role, c->role) == 0) {
		form_error(c->role_f, "%s", _("that is the role already"));
		return -1;
	}
	if (date_compare(&from, &c->start) < 0) {
		form_error(c->date_f, _("the membership starts on %s; choose that day or later"),
		    date_format_nl(&c->start, day));
		return -1;
	}
	if (strcmp(role, "lead") != 0 && group_role_any_ticked(c)) {
		form_error(c->leads_f, "%s", _("only when the new role is lead"));
		return -1;
	}
	/* the new lead and the leads stepping back change in one transaction */
	if (store_begin(ui->app->st, &error) != 0)
		return group_refused(ui, c->role_f, STORE_ERROR, error);
	ret = store_roster_set_role(ui->app->st, ui->app->who, c->membership_id, c->role, role,
	    &from, &error);
	if (ret != 0) {
		store_rollback(ui->app->st);
		return group_refused(ui, c->role_f, ret, error);
	}
	if (group_role_step_back(ui, c, &from, replaced, sizeof replaced) != 0) {
		store_rollback(ui->app->st);
		return 0;
	}
	if (store_commit(ui->app->st, &error) != 0)
		return group_refused(ui, c->role_f, STORE_ERROR, error);
	c->page->keep_person = c->person_id;
	date_format_nl(&from, day);
	if (replaced[0] != '\0')
		ui_message(ui, false, _("%s replaces %s as lead from %s."), c->name, replaced, day);
	else
		ui_message(ui, false, _("%s is %s from %s."), c->name, group_role_label(ui, role),
		    day);
	return 0;
}

static void
group_role(struct ui *ui, struct group_page *p)
{
	const struct group_member *m;
	struct group_change *c;
	struct date today = date_today();
	struct form *f;
	char who[256], day[DATE_ISO_LEN];
	size_t i;

	if (!group_allowed(ui, p, ACCESS_ROSTER_EDIT) || (m = group_running(ui, p)) == NULL)
		return;
	c = group_change_new(p, m);
	/* when this fails, fewer leads are offered a step back; appointing still works */
	(void)store_roster_each(ui->app->st, ui->app->who, p->id, &today, ROSTER_AT,
	    group_take_lead, c, NULL);
	f = form_new();
	snprintf(who, sizeof who, _("%s, %s since %s"), m->name, group_role_label(ui, m->role),
	    date_format_nl(&m->start, day));
	group_form_who(f, _("Membership"), who);
	c->role_f = group_form_roles(ui, f, _("New role"),
	    strcmp(m->role, "lead") == 0 ? "member" : "lead");
	c->date_f = group_form_date(f, _("From"));
	if (c->n_leads > 0) {
		c->leads_f = form_add(f, FORM_CHECKS, _("Replace as lead"), false);
		for (i = 0; i < c->n_leads; i++)
			form_add_item(c->leads_f, "", c->lead_names[i], false);
	}
	form_focus(f, c->role_f);
	scr_form_push(ui, N_("Change a role"), f, group_role_submit, c, group_change_free);
}

/* v: current members → former members → every interval → current members. */
static void
group_cycle_view(struct ui *ui, struct screen *s, struct group_page *p)
{
	p->view = p->view == ROSTER_AT ? ROSTER_FORMER :
	    p->view == ROSTER_FORMER ? ROSTER_HISTORY : ROSTER_AT;
	p->sel = -1;
	p->top = 0;
	group_enter(ui, s);
}

static bool
group_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct group_page *p = s->data;

	if (!p->loaded)
		return widget_lines_scroll(&p->top, p->total, p->height, a);
	if (group_move(p, a))
		return true;
	switch (a) {
	case UI_ACTION_EDIT:
		if (group_allowed(ui, p, ACCESS_GROUP_EDIT))
			group_edit(ui, p);
		return true;
	case UI_ACTION_STATUS:
		group_status(ui, p);
		group_enter(ui, s);
		return true;
	case UI_ACTION_ADD_MEMBER:
		if (group_allowed(ui, p, ACCESS_ROSTER_EDIT))
			scr_pick_person_push(ui, N_("Add to the roster: whom?"), group_add_picked,
			    p);
		return true;
	case UI_ACTION_END_MEMBERSHIP:
		group_end(ui, p);
		return true;
	case UI_ACTION_ROLE:
		group_role(ui, p);
		return true;
	case UI_ACTION_FORMER:
		group_cycle_view(ui, s, p);
		return true;
	case UI_ACTION_AS_OF:
		group_as_of(ui, p);
		return true;
	case UI_ACTION_EXPORT:
		if (p->loaded)
			scr_roster_export_push(ui, p->id, p->d.name, &p->on);
		return true;
	case UI_ACTION_CALENDAR:
		scr_calendar_push(ui, p->id, p->d.name);
		return true;
	case UI_ACTION_NEW:
		scr_meeting_plan_push(ui, p->id, NULL);
		return true;
	case UI_ACTION_SERIES:
		scr_series_push(ui, p->id, NULL);
		return true;
	case UI_ACTION_POLL:
		scr_polls_push(ui, p->id);
		return true;
	case UI_ACTION_UPDATES:
		scr_updates_push(ui, p->id);
		return true;
	case UI_ACTION_FOLLOW:
		life_follow_toggle(ui, p->id);
		group_enter(ui, s);
		return true;
	case UI_ACTION_PRODUCTS:
		scr_products_push(ui, p->id);
		return true;
	case UI_ACTION_BUDGET:
		scr_budget_push(ui, p->id);
		return true;
	case UI_ACTION_SCAN:
		scr_scans_push(ui, p->id);
		return true;
	default:
		return false;
	}
}

static void
group_free(struct screen *s)
{
	struct group_page *p = s->data;
	int i;

	store_group_detail_clear(&p->d);
	group_rows_clear(p);
	widget_lines_clear(&p->life);
	free(p->roster_note);
	for (i = 0; i < p->n_next; i++)
		free(p->next[i]);
	free(p);
}

#define GROUP_OPS(hint_list) { \
	.name = N_("Group"), \
	.enter = group_enter, \
	.draw = group_draw, \
	.on_action = group_on_action, \
	.hints = hint_list, \
	.free = group_free, \
}
static const struct screen_ops group_ops_read = GROUP_OPS(group_hints_read);
static const struct screen_ops group_ops_edit = GROUP_OPS(group_hints_edit);
static const struct screen_ops group_ops_edit_former = GROUP_OPS(group_hints_edit_former);
static const struct screen_ops group_ops_edit_closed = GROUP_OPS(group_hints_edit_closed);
#undef GROUP_OPS

/* The page's ops for who and the view: their hints are what who may do here. */
static const struct screen_ops *
group_ops_for(struct ui *ui, const struct group_page *p)
{
	if (store_read_only(ui->app->st) ||
	    !access_allows(ui->app->who, ACCESS_ROSTER_EDIT, &p->ctx))
		return &group_ops_read;
	if (group_closed(p))
		return &group_ops_edit_closed;
	return p->view == ROSTER_FORMER ? &group_ops_edit_former : &group_ops_edit;
}

void
scr_group_push(struct ui *ui, int64_t id)
{
	struct group_page *p = xcalloc(1, sizeof *p);

	p->id = id;
	p->sel = -1;
	p->view = ROSTER_AT;
	screen_push(ui, &group_ops_read, p);
}

/*
 * scr_group.c — a group's page.
 *
 * Shows: the overview (type, status, theme, question, orientation, start and
 * planned end, rhythm, hours norm, proposal), then the sections that later
 * work fills: roster, meetings, intervision.
 * Widgets: text view, the overview form.
 * Actions: edit the overview (e: a lead or a coordinator), change the status
 * (S: forming → active → closed, coordinators), scrolling.
 * Store: store_group_get on enter; store_group_update, store_group_set_status.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/domain.h"
#include "core/i18n.h"
#include "core/rules.h"
#include "core/xmalloc.h"
#include "ui/form.h"
#include "ui/scr_themes.h"
#include "ui/widgets.h"

struct group_page {
	int64_t id;
	struct group_detail d;
	bool loaded;
	int top, total, height;
};

static const enum ui_action group_hints[] = {
	UI_ACTION_EDIT, UI_ACTION_STATUS, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

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
	}
}

static const char *
group_label(const struct config_items *items, const char *key)
{
	const char *label = key != NULL ? config_item_label(items, key) : NULL;

	return label != NULL ? label : key != NULL ? key : "-";
}

static void
group_build(struct ui *ui, struct group_page *p, struct widget_lines *l)
{
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];
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
	widget_lines_add(l, 1, A_BOLD, "%s", _("Roster, meetings and intervision"));
	widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_DIM), "%s",
	    _("These sections come with a later release of leernet."));
}

static void
group_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct group_page *p = s->data;
	struct widget_lines l;

	if (!p->loaded)
		return;
	memset(&l, 0, sizeof l);
	l.width = COLS - 2;
	group_build(ui, p, &l);
	p->total = l.n;
	p->height = height;
	widget_lines_draw(&l, &p->top, top, height);
	widget_lines_clear(&l);
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

static bool
group_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct group_page *p = s->data;

	if (widget_lines_scroll(&p->top, p->total, p->height, a))
		return true;
	if (!p->loaded)
		return false;
	switch (a) {
	case UI_ACTION_EDIT:
		group_edit(ui, p);
		return true;
	case UI_ACTION_STATUS:
		group_status(ui, p);
		group_enter(ui, s);
		return true;
	default:
		return false;
	}
}

static void
group_free(struct screen *s)
{
	struct group_page *p = s->data;

	store_group_detail_clear(&p->d);
	free(p);
}

static const struct screen_ops scr_group_ops = {
	.name = N_("Group"),
	.enter = group_enter,
	.draw = group_draw,
	.on_action = group_on_action,
	.hints = group_hints,
	.free = group_free,
};

void
scr_group_push(struct ui *ui, int64_t id)
{
	struct group_page *p = xcalloc(1, sizeof *p);

	p->id = id;
	screen_push(ui, &scr_group_ops, p);
}

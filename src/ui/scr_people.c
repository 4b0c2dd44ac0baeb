/*
 * scr_people.c — the people of the network.
 *
 * Shows: everyone by name with organisation, function, email and the number
 * of groups they are in now; deactivated people too on request (dimmed and
 * marked). Narrower terminals drop the email column, then the function.
 * Widgets: search field, virtual list (keyset pages by name), hint bar.
 * Actions: search (/: name, email, organisation), also deactivated (f),
 * open (Enter), add (n, coordinators), organisations (O), import (I,
 * coordinators: a CSV file, checked first; scr_import.c).
 * Store: store_people_page, one page per move.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ui/vlist.h"
#include "ui/widgets.h"

struct people_row {
	int64_t id;
	char *name, *organisation, *function, *email;
	int groups;
	bool active;
};

struct people {
	struct ui *ui;
	struct vlist list;
	struct people_filter filter;
	struct widget_search search;
	char *org_name;		/* the organisation filtered on, or NULL */
};

static const enum ui_action people_hints_coordinator[] = {
	UI_ACTION_OPEN, UI_ACTION_SEARCH, UI_ACTION_FILTER, UI_ACTION_NEW,
	UI_ACTION_ORGANISATIONS, UI_ACTION_IMPORT, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action people_hints[] = {
	UI_ACTION_OPEN, UI_ACTION_SEARCH, UI_ACTION_FILTER, UI_ACTION_ORGANISATIONS,
	UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

static void
people_row_free(void *p)
{
	struct people_row *r = p;

	free(r->name);
	free(r->organisation);
	free(r->function);
	free(r->email);
	free(r);
}

static bool
people_row_same(const void *a, const void *b)
{
	return ((const struct people_row *)a)->id == ((const struct people_row *)b)->id;
}

static int
people_take_row(const struct person_row *r, void *arg)
{
	struct people_row *c = xcalloc(1, sizeof *c);

	c->id = r->id;
	c->name = xstrdup(r->name != NULL ? r->name : "");
	c->organisation = xstrdup(r->organisation != NULL ? r->organisation : "");
	c->function = xstrdup(r->function != NULL ? r->function : "");
	c->email = xstrdup(r->email != NULL ? r->email : "");
	c->groups = r->groups;
	c->active = r->active;
	vlist_page_add(arg, c);
	return 0;
}

static int
people_fetch(void *ctx, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page, char **error)
{
	struct people *p = ctx;
	const struct people_row *a = anchor;
	struct date today = date_today();

	return store_people_page(p->ui->app->st, p->ui->app->who, &p->filter, &today,
	    a != NULL ? a->name : NULL, a != NULL ? a->id : 0, inclusive, forward, limit,
	    people_take_row, page, error);
}

/* Column widths: name, organisation, function, email, groups (0 = left out). */
static void
people_columns(int width, int w[5])
{
	w[1] = width >= 120 ? 26 : width >= 70 ? 20 : (width - 12) * 2 / 5;
	w[2] = width >= 120 ? 18 : width >= 70 ? 16 : 0;
	w[3] = width >= 120 ? 30 : width >= 100 ? 24 : 0;
	w[4] = 7;
	w[0] = width - w[1] - w[2] - w[3] - w[4] - 6;
}

/* The label of a function: the config's, else the text as stored. */
static const char *
people_function_label(struct ui *ui, const char *function)
{
	const char *label = config_item_label(&ui->app->cfg->functions, function);

	return label != NULL ? label : function;
}

static void
people_draw_row(void *ctx, struct ui *ui, const void *row, int y, int x, int width,
    bool selected)
{
	const struct people_row *r = row;
	int attr = selected ? ui_attr(ui, UI_COLOUR_SELECTED) :
	    r->active ? (int)A_NORMAL : ui_attr(ui, UI_COLOUR_DIM);
	const char *cells[5];
	char groups[16], *name;
	int w[5];

	(void)ctx;
	people_columns(width, w);
	name = r->active ? xstrdup(r->name) : xasprintf("%s %s", r->name, _("(inactive)"));
	snprintf(groups, sizeof groups, "%6d", r->groups);
	cells[0] = name;
	cells[1] = r->organisation;
	cells[2] = people_function_label(ui, r->function);
	cells[3] = r->email;
	cells[4] = groups;
	widget_text(y, x, width, "", attr);
	widget_cells(y, x + 1, w, cells, 5, attr);
	free(name);
}

static const struct vlist_ops people_vlist_ops = {
	.fetch = people_fetch,
	.draw = people_draw_row,
	.free_row = people_row_free,
	.same = people_row_same,
};

static void
people_reload(struct ui *ui, struct people *p, bool from_start)
{
	p->filter.search = p->search.text[0] != '\0' ? p->search.text : NULL;
	if (vlist_reload(&p->list, p->list.height > 0 ? p->list.height : LINES - 6,
	    from_start) != 0)
		ui_message(ui, true, "%s", p->list.error);
	ui->dirty = true;
}

static void
people_enter(struct ui *ui, struct screen *s)
{
	struct people *p = s->data;

	if (p->ui == NULL) {
		p->ui = ui;
		vlist_init(&p->list, &people_vlist_ops, p);
	}
	people_reload(ui, p, false);
	s->list = &p->list;
}

static void
people_draw_header(struct ui *ui, struct people *p, int top)
{
	static const char *const heads[5] = {
		N_("Name"), N_("Organisation"), N_("Function"), N_("Email"), N_("Groups")
	};
	const char *cells[5];
	char line[256];
	int w[5], i;

	snprintf(line, sizeof line, "%s%s%s%s", p->filter.inactive ?
	    _("Showing: active and deactivated people") : _("Showing: active people"),
	    p->org_name != NULL ? "   " : "", p->org_name != NULL ? _("Organisation: ") : "",
	    p->org_name != NULL ? p->org_name : "");
	widget_search_draw(ui, &p->search, top, 1, COLS / 3);
	widget_text(top, COLS / 3 + 2, COLS - COLS / 3 - 3, line, A_NORMAL);
	people_columns(COLS, w);
	for (i = 0; i < 5; i++)
		cells[i] = _(heads[i]);
	widget_cells(top + 1, 1, w, cells, 5, A_BOLD);
}

static void
people_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct people *p = s->data;

	people_draw_header(ui, p, top);
	if (p->list.height != height - 2) {
		p->list.height = height - 2;
		people_reload(ui, p, false);
	}
	if (p->list.n == 0)
		widget_text(top + 2, 1, COLS - 2, p->search.text[0] != '\0' ?
		    _("Nobody matches.") : _("Nobody here yet."), ui_attr(ui, UI_COLOUR_DIM));
	vlist_draw(&p->list, ui, top + 2, 0, COLS);
}

static bool
people_on_key(struct ui *ui, struct screen *s, int code)
{
	struct people *p = s->data;
	bool changed;

	if (!widget_search_key(&p->search, code, &changed))
		return false;
	if (changed)
		people_reload(ui, p, true);
	return true;
}

static bool
people_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct people *p = s->data;
	struct people_row *r = vlist_selected(&p->list);

	if (vlist_action(&p->list, a)) {
		if (p->list.error != NULL)
			ui_message(ui, true, "%s", p->list.error);
		return true;
	}
	switch (a) {
	case UI_ACTION_SEARCH:
		p->search.active = true;
		return true;
	case UI_ACTION_FILTER:
		p->filter.inactive = !p->filter.inactive;
		people_reload(ui, p, true);
		return true;
	case UI_ACTION_OPEN:
		if (r != NULL)
			scr_person_push(ui, r->id);
		return true;
	case UI_ACTION_NEW:
		scr_person_add(ui);
		return true;
	case UI_ACTION_ORGANISATIONS:
		scr_orgs_push(ui);
		return true;
	case UI_ACTION_IMPORT:
		scr_import_push(ui);
		return true;
	default:
		return false;
	}
}

static void
people_free(struct screen *s)
{
	struct people *p = s->data;

	if (p == NULL)
		return;
	vlist_clear(&p->list);
	free(p->org_name);
	free(p);
}

/* The same screen twice: the hint bar offers coordinators their keys. */
#define PEOPLE_OPS(hint_list) { \
	.name = N_("People"), \
	.enter = people_enter, \
	.draw = people_draw, \
	.on_key = people_on_key, \
	.on_action = people_on_action, \
	.hints = hint_list, \
	.free = people_free, \
}
static const struct screen_ops people_ops = PEOPLE_OPS(people_hints);
static const struct screen_ops people_ops_coordinator = PEOPLE_OPS(people_hints_coordinator);

void
scr_people_push_org(struct ui *ui, int64_t org_id, const char *org_name)
{
	struct people *p = xcalloc(1, sizeof *p);

	p->filter.organisation_id = org_id;
	p->org_name = org_name != NULL ? xstrdup(org_name) : NULL;
	screen_push(ui, ui->app->who->coordinator && !store_read_only(ui->app->st) ?
	    &people_ops_coordinator : &people_ops, p);
}

void
scr_people_push(struct ui *ui)
{
	scr_people_push_org(ui, 0, NULL);
}

/*
 * scr_groups.c — the groups of the network.
 *
 * Shows: name, type, status, current members, next meeting, hours held this
 * school year against the norm, and (on wide terminals) the leads.
 * Widgets: search field, virtual list (keyset pages by name), hint bar.
 * Actions: search (/), filter by status (f), by type (y), my groups (m),
 * open (Enter), form a group from scratch (n, coordinators).
 * Store: store_groups_page, one page per move.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/domain.h"
#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ui/scr_themes.h"
#include "ui/vlist.h"
#include "ui/widgets.h"

struct groups_row {
	int64_t id;
	char *name, *type, *status, *leads, *next;
	int members, minutes_held, hours_norm;
};

struct groups {
	struct ui *ui;
	struct vlist list;
	struct group_filter filter;
	struct widget_search search;
	int status_index;	/* 0 = all */
	int type_index;		/* 0 = all, else cfg->group_types[i - 1] */
};

static const char *const groups_statuses[] = { "forming", "active", "closed" };

static const enum ui_action groups_hints[] = {
	UI_ACTION_OPEN, UI_ACTION_SEARCH, UI_ACTION_FILTER, UI_ACTION_FILTER_TYPE, UI_ACTION_MINE,
	UI_ACTION_NEW, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

static void
groups_row_free(void *p)
{
	struct groups_row *r = p;

	free(r->name);
	free(r->type);
	free(r->status);
	free(r->leads);
	free(r->next);
	free(r);
}

static bool
groups_row_same(const void *a, const void *b)
{
	return ((const struct groups_row *)a)->id == ((const struct groups_row *)b)->id;
}

static int
groups_take_row(const struct group_list_row *r, void *arg)
{
	struct groups_row *c = xcalloc(1, sizeof *c);

	c->id = r->id;
	c->name = xstrdup(r->name != NULL ? r->name : "");
	c->type = xstrdup(r->type != NULL ? r->type : "");
	c->status = xstrdup(r->status != NULL ? r->status : "");
	c->leads = xstrdup(r->leads != NULL ? r->leads : "");
	c->next = r->next_meeting != NULL ? xstrdup(r->next_meeting) : NULL;
	c->members = r->members;
	c->minutes_held = r->minutes_held;
	c->hours_norm = r->hours_norm;
	vlist_page_add(arg, c);
	return 0;
}

static int
groups_fetch(void *ctx, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page, char **error)
{
	struct groups *g = ctx;
	const struct groups_row *a = anchor;
	struct date today = date_today();

	return store_groups_page(g->ui->app->st, g->ui->app->who, &g->filter, &today,
	    a != NULL ? a->name : NULL, a != NULL ? a->id : 0, inclusive, forward, limit,
	    groups_take_row, page, error);
}

/* Column widths: name, type, status, members, next, hours, leads. */
static void
groups_columns(int width, int w[7])
{
	w[1] = width >= 90 ? 18 : 12;
	w[2] = 13;
	w[3] = 6;
	w[4] = 12;
	w[5] = 9;
	w[6] = width >= 120 ? 28 : 0;
	w[0] = width - w[1] - w[2] - w[3] - w[4] - w[5] - w[6] - 8;
}

static void
groups_draw_row(void *ctx, struct ui *ui, const void *row, int y, int x, int width,
    bool selected)
{
	const struct groups_row *r = row;
	int attr = selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
	char members[16], next[32] = "-", hours[32];
	struct date d;
	int w[7], min, i;
	const char *cells[7];

	(void)ctx;
	groups_columns(width, w);
	snprintf(members, sizeof members, "%5d", r->members);
	if (r->next != NULL && datetime_parse_iso(r->next, &d, &min) == 0)
		snprintf(next, sizeof next, "%02d-%02d %02d:%02d", d.day, d.month, min / 60, min % 60);
	snprintf(hours, sizeof hours, "%d/%d", (r->minutes_held + 30) / 60, r->hours_norm);
	cells[0] = r->name;
	cells[1] = widget_group_type_label(ui, r->type);
	cells[2] = _(domain_group_status_label(r->status));
	cells[3] = members;
	cells[4] = next;
	cells[5] = hours;
	cells[6] = r->leads;
	widget_text(y, x, width, "", attr);
	x++;
	for (i = 0; i < 7; i++) {
		if (w[i] <= 0)
			continue;
		widget_text(y, x, w[i], cells[i], attr);
		x += w[i] + 1;
	}
}

static const struct vlist_ops groups_vlist_ops = {
	.fetch = groups_fetch,
	.draw = groups_draw_row,
	.free_row = groups_row_free,
	.same = groups_row_same,
};

static void
groups_reload(struct ui *ui, struct groups *g, bool from_start)
{
	const struct config *cfg = ui->app->cfg;

	g->filter.search = g->search.text[0] != '\0' ? g->search.text : NULL;
	g->filter.status = g->status_index > 0 ? groups_statuses[g->status_index - 1] : NULL;
	g->filter.type = g->type_index > 0 && (size_t)g->type_index <= cfg->n_group_types ?
	    cfg->group_types[g->type_index - 1].key : NULL;
	if (vlist_reload(&g->list, g->list.height > 0 ? g->list.height : LINES - 6,
	    from_start) != 0)
		ui_message(ui, true, "%s", g->list.error);
	ui->dirty = true;
}

static void
groups_enter(struct ui *ui, struct screen *s)
{
	struct groups *g = s->data;

	if (g == NULL) {
		s->data = g = xcalloc(1, sizeof *g);
		g->ui = ui;
		vlist_init(&g->list, &groups_vlist_ops, g);
	}
	groups_reload(ui, g, false);
	s->list = &g->list;
}

static void
groups_draw_header(struct ui *ui, struct groups *g, int top)
{
	static const char *const heads[7] = {
		N_("Group"), N_("Type"), N_("Status"), N_("Members"), N_("Next"),
		N_("Hours"), N_("Leads")
	};
	char line[256];
	int w[7], x = 1, i;

	snprintf(line, sizeof line, _("Status: %s   Type: %s   %s"),
	    g->status_index > 0 ?
	    _(domain_group_status_label(groups_statuses[g->status_index - 1])) : _("all"),
	    g->filter.type != NULL ? widget_group_type_label(ui, g->filter.type) : _("all"),
	    g->filter.mine ? _("only my groups") : _("all groups"));
	widget_search_draw(ui, &g->search, top, 1, COLS / 2);
	widget_text(top, COLS / 2, COLS - COLS / 2 - 1, line, A_NORMAL);
	groups_columns(COLS, w);
	for (i = 0; i < 7; i++) {
		if (w[i] <= 0)
			continue;
		widget_text(top + 1, x, w[i], _(heads[i]), A_BOLD);
		x += w[i] + 1;
	}
}

static void
groups_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct groups *g = s->data;

	groups_draw_header(ui, g, top);
	if (g->list.height != height - 2) {
		g->list.height = height - 2;
		groups_reload(ui, g, false);
	}
	if (g->list.n == 0)
		widget_text(top + 2, 1, COLS - 2, _("No group matches."), ui_attr(ui, UI_COLOUR_DIM));
	vlist_draw(&g->list, ui, top + 2, 0, COLS);
}

static bool
groups_on_key(struct ui *ui, struct screen *s, int code)
{
	struct groups *g = s->data;
	bool changed;

	if (!widget_search_key(&g->search, code, &changed))
		return false;
	if (changed)
		groups_reload(ui, g, true);
	return true;
}

static bool
groups_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct groups *g = s->data;
	struct groups_row *r = vlist_selected(&g->list);

	if (vlist_action(&g->list, a)) {
		if (g->list.error != NULL)
			ui_message(ui, true, "%s", g->list.error);
		return true;
	}
	switch (a) {
	case UI_ACTION_SEARCH:
		g->search.active = true;
		return true;
	case UI_ACTION_FILTER:
		g->status_index = (g->status_index + 1) % 4;
		break;
	case UI_ACTION_FILTER_TYPE:
		g->type_index = (g->type_index + 1) % ((int)ui->app->cfg->n_group_types + 1);
		break;
	case UI_ACTION_MINE:
		g->filter.mine = !g->filter.mine;
		break;
	case UI_ACTION_OPEN:
		if (r != NULL)
			scr_group_push(ui, r->id);
		return true;
	case UI_ACTION_NEW:
		scr_group_form_push(ui, 0);
		return true;
	default:
		return false;
	}
	groups_reload(ui, g, true);
	return true;
}

static void
groups_free(struct screen *s)
{
	struct groups *g = s->data;

	if (g == NULL)
		return;
	vlist_clear(&g->list);
	free(g);
}

const struct screen_ops scr_groups_ops = {
	.name = N_("Groups"),
	.enter = groups_enter,
	.draw = groups_draw,
	.on_key = groups_on_key,
	.on_action = groups_on_action,
	.hints = groups_hints,
	.free = groups_free,
};

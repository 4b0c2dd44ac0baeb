/*
 * scr_themes.c — the theme catalogue.
 *
 * Shows: every theme with its status, interest against the threshold of its
 * intended group type (✓ when ready to form), groups formed, proposer.
 * Widgets: search field, virtual list (keyset pages), hint bar.
 * Actions: search (/), sort (s: title, status, interest), filter (f: by
 * status), open (Enter), new (n: propose), register (r: own interest).
 * Store: store_themes_page (one page per move), store_interest_* on r.
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
#include "ui/scr_themes.h"
#include "ui/vlist.h"
#include "ui/widgets.h"

struct themes_row {
	int64_t id;
	char *title, *status, *proposer, *group_type;
	int interest, groups, sort_key;
};

struct themes {
	struct ui *ui;
	struct vlist list;
	struct theme_filter filter;
	struct widget_search search;
	int status_index;	/* 0 = all, then themes_statuses[i - 1] */
};

static const char *const themes_statuses[] = { "proposed", "gathering", "formed", "archived" };
#define THEMES_N_STATUSES ((int)(sizeof themes_statuses / sizeof themes_statuses[0]))

static const char *const themes_sort_names[] = {
	N_("title"), N_("status"), N_("interest")
};

static const enum ui_action themes_hints[] = {
	UI_ACTION_OPEN, UI_ACTION_SEARCH, UI_ACTION_SORT, UI_ACTION_FILTER, UI_ACTION_NEW,
	UI_ACTION_REGISTER, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

static void
themes_row_free(void *p)
{
	struct themes_row *r = p;

	free(r->title);
	free(r->status);
	free(r->proposer);
	free(r->group_type);
	free(r);
}

static bool
themes_row_same(const void *a, const void *b)
{
	return ((const struct themes_row *)a)->id == ((const struct themes_row *)b)->id;
}

static int
themes_take_row(const struct theme_row *r, void *arg)
{
	struct themes_row *c = xcalloc(1, sizeof *c);

	c->id = r->id;
	c->title = xstrdup(r->title != NULL ? r->title : "");
	c->status = xstrdup(r->status != NULL ? r->status : "");
	c->proposer = xstrdup(r->proposer != NULL ? r->proposer : "");
	c->group_type = xstrdup(r->group_type != NULL ? r->group_type : "");
	c->interest = r->interest;
	c->groups = r->groups;
	c->sort_key = r->sort_key;
	vlist_page_add(arg, c);
	return 0;
}

static int
themes_fetch(void *ctx, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page, char **error)
{
	struct themes *t = ctx;
	const struct themes_row *a = anchor;
	struct theme_anchor key;

	if (a != NULL) {
		key.sort_key = a->sort_key;
		key.title = a->title;
		key.id = a->id;
	}
	return store_themes_page(t->ui->app->st, t->ui->app->who, &t->filter,
	    a != NULL ? &key : NULL, inclusive, forward, limit, themes_take_row, page, error);
}

/* The column widths for a width: title, status, interest, groups, proposer. */
static void
themes_columns(int width, int w[5])
{
	w[1] = 18;
	w[2] = 14;
	w[3] = 7;
	w[4] = width >= 100 ? 22 : 0;
	w[0] = width - w[1] - w[2] - w[3] - w[4] - 6;
}

/* Draw the five cells of a row (or the header) from column x. */
static void
themes_cells(int y, int x, const int w[5], const char *title, const char *status,
    const char *interest, const char *groups, const char *proposer, int attr)
{
	const char *cells[5] = { title, status, interest, groups, proposer };
	int i;

	for (i = 0; i < 5; i++) {
		if (w[i] <= 0)
			continue;
		widget_text(y, x, w[i], cells[i], attr);
		x += w[i] + 1;
	}
}

static void
themes_draw_row(void *ctx, struct ui *ui, const void *row, int y, int x, int width,
    bool selected)
{
	const struct themes_row *r = row;
	const struct config_group_type *type = config_group_type(ui->app->cfg, r->group_type);
	int threshold = type != NULL ? type->interest_threshold : 0;
	int attr = selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
	bool open = strcmp(r->status, "proposed") == 0 || strcmp(r->status, "gathering") == 0;
	char interest[32], groups[16];
	int w[5];

	(void)ctx;
	themes_columns(width, w);
	snprintf(interest, sizeof interest, "%d/%d%s", r->interest, threshold,
	    open && rules_theme_ready(r->interest, threshold) ? " ✓" : "");
	snprintf(groups, sizeof groups, "%d", r->groups);
	widget_text(y, x, width, "", attr);
	themes_cells(y, x + 1, w, r->title, _(domain_theme_status_label(r->status)), interest,
	    groups, r->proposer, attr);
}

static const struct vlist_ops themes_vlist_ops = {
	.fetch = themes_fetch,
	.draw = themes_draw_row,
	.free_row = themes_row_free,
	.same = themes_row_same,
};

static void
themes_reload(struct ui *ui, struct themes *t, bool from_start)
{
	t->filter.search = t->search.text[0] != '\0' ? t->search.text : NULL;
	t->filter.status = t->status_index > 0 ? themes_statuses[t->status_index - 1] : NULL;
	if (vlist_reload(&t->list, t->list.height > 0 ? t->list.height : LINES - 6,
	    from_start) != 0)
		ui_message(ui, true, "%s", t->list.error);
	ui->dirty = true;
}

static void
themes_enter(struct ui *ui, struct screen *s)
{
	struct themes *t = s->data;

	if (t == NULL) {
		s->data = t = xcalloc(1, sizeof *t);
		t->ui = ui;
		vlist_init(&t->list, &themes_vlist_ops, t);
	}
	themes_reload(ui, t, false);
	s->list = &t->list;
}

static void
themes_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct themes *t = s->data;
	char line[256];
	int w[5];

	snprintf(line, sizeof line, _("Order: %s   Status: %s"),
	    _(themes_sort_names[t->filter.sort]),
	    t->status_index > 0 ? _(domain_theme_status_label(themes_statuses[t->status_index - 1])) :
	    _("all"));
	widget_search_draw(ui, &t->search, top, 1, COLS / 2);
	widget_text(top, COLS / 2, COLS - COLS / 2 - 1, line, A_NORMAL);
	themes_columns(COLS, w);
	themes_cells(top + 1, 1, w, _("Theme"), _("Status"), _("Interest"), _("Groups"),
	    _("Proposed by"), A_BOLD);
	if (t->list.height != height - 2) {
		t->list.height = height - 2;
		themes_reload(ui, t, false);
	}
	if (t->list.n == 0)
		widget_text(top + 2, 1, COLS - 2, t->search.text[0] ? _("No theme matches.") :
		    _("No themes yet; press n to propose one."), ui_attr(ui, UI_COLOUR_DIM));
	vlist_draw(&t->list, ui, top + 2, 0, COLS);
}

static bool
themes_on_key(struct ui *ui, struct screen *s, int code)
{
	struct themes *t = s->data;
	bool changed;

	if (!widget_search_key(&t->search, code, &changed))
		return false;
	if (changed)
		themes_reload(ui, t, true);
	return true;
}

/* r: register or withdraw the acting person's own interest. */
static void
themes_register(struct ui *ui, struct themes *t)
{
	struct themes_row *r = vlist_selected(&t->list);

	if (r != NULL)
		scr_theme_toggle_interest(ui, r->id, r->title);
	themes_reload(ui, t, false);
}

static bool
themes_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct themes *t = s->data;
	struct themes_row *r = vlist_selected(&t->list);

	if (vlist_action(&t->list, a)) {
		if (t->list.error != NULL)
			ui_message(ui, true, "%s", t->list.error);
		return true;
	}
	switch (a) {
	case UI_ACTION_SEARCH:
		t->search.active = true;
		return true;
	case UI_ACTION_SORT:
		t->filter.sort = (enum theme_sort)((t->filter.sort + 1) % 3);
		themes_reload(ui, t, true);
		return true;
	case UI_ACTION_FILTER:
		t->status_index = (t->status_index + 1) % (THEMES_N_STATUSES + 1);
		themes_reload(ui, t, true);
		return true;
	case UI_ACTION_OPEN:
		if (r != NULL)
			scr_theme_push(ui, r->id);
		return true;
	case UI_ACTION_NEW:
		scr_theme_propose(ui);
		return true;
	case UI_ACTION_REGISTER:
		themes_register(ui, t);
		return true;
	default:
		return false;
	}
}

static void
themes_free(struct screen *s)
{
	struct themes *t = s->data;

	if (t == NULL)
		return;
	vlist_clear(&t->list);
	free(t);
}

const struct screen_ops scr_themes_ops = {
	.name = N_("Themes"),
	.enter = themes_enter,
	.draw = themes_draw,
	.on_key = themes_on_key,
	.on_action = themes_on_action,
	.hints = themes_hints,
	.free = themes_free,
};

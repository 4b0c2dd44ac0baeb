/*
 * scr_pick_person.c — pick a person by typing part of their name.
 *
 * Shows: a search field that takes every character typed (diacritics need
 * not be typed: the store folds them), and the active people that match,
 * by name, with their organisation and function.
 * Widgets: search field, virtual list (keyset pages by name), a hint text
 * of its own (letters are text here, so q and j type).
 * Actions: Up/Down and the page keys move, Enter picks (the picker closes,
 * then the caller's function runs), Esc leaves without picking.
 * Store: store_people_page, one page per move or keystroke.
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

struct pick_row {
	int64_t id;
	char *name, *organisation, *function;
};

struct pick {
	struct ui *ui;
	struct vlist list;
	struct people_filter filter;
	struct widget_search search;
	scr_pick_person_cb picked;
	void *arg;		/* borrowed, for picked */
};

static void
pick_row_free(void *p)
{
	struct pick_row *r = p;

	free(r->name);
	free(r->organisation);
	free(r->function);
	free(r);
}

static bool
pick_row_same(const void *a, const void *b)
{
	return ((const struct pick_row *)a)->id == ((const struct pick_row *)b)->id;
}

static int
pick_take_row(const struct person_row *r, void *arg)
{
	struct pick_row *c = xcalloc(1, sizeof *c);

	c->id = r->id;
	c->name = xstrdup(r->name != NULL ? r->name : "");
	c->organisation = xstrdup(r->organisation != NULL ? r->organisation : "");
	c->function = xstrdup(r->function != NULL ? r->function : "");
	vlist_page_add(arg, c);
	return 0;
}

static int
pick_fetch(void *ctx, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page, char **error)
{
	struct pick *k = ctx;
	const struct pick_row *a = anchor;
	struct date today = date_today();

	return store_people_page(k->ui->app->st, k->ui->app->who, &k->filter, &today,
	    a != NULL ? a->name : NULL, a != NULL ? a->id : 0, inclusive, forward, limit,
	    pick_take_row, page, error);
}

/* Column widths: name, organisation, function. */
static void
pick_columns(int width, int w[3])
{
	w[0] = width >= 100 ? 34 : 26;
	w[2] = width >= 100 ? 20 : 14;
	w[1] = width - w[0] - w[2] - 4;
}

static void
pick_draw_row(void *ctx, struct ui *ui, const void *row, int y, int x, int width,
    bool selected)
{
	const struct pick_row *r = row;
	const char *function = config_item_label(&ui->app->cfg->functions, r->function);
	int attr = selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
	int w[3];

	(void)ctx;
	pick_columns(width, w);
	widget_text(y, x, width, "", attr);
	widget_text(y, x + 1, w[0], r->name, attr);
	widget_text(y, x + 2 + w[0], w[1], r->organisation, attr);
	widget_text(y, x + 3 + w[0] + w[1], w[2], function != NULL ? function : r->function,
	    attr);
}

static const struct vlist_ops pick_vlist_ops = {
	.fetch = pick_fetch,
	.draw = pick_draw_row,
	.free_row = pick_row_free,
	.same = pick_row_same,
};

static void
pick_reload(struct ui *ui, struct pick *k, bool from_start)
{
	k->filter.search = k->search.text[0] != '\0' ? k->search.text : NULL;
	if (vlist_reload(&k->list, k->list.height > 0 ? k->list.height : LINES - 6,
	    from_start) != 0)
		ui_message(ui, true, "%s", k->list.error);
	ui->dirty = true;
}

static void
pick_enter(struct ui *ui, struct screen *s)
{
	struct pick *k = s->data;

	pick_reload(ui, k, false);
	s->list = &k->list;
}

static void
pick_draw(struct ui *ui, struct screen *s, int top, int height)
{
	static const char *const heads[3] = { N_("Name"), N_("Organisation"), N_("Function") };
	struct pick *k = s->data;
	int w[3], x = 1, i;

	widget_search_draw(ui, &k->search, top, 1, COLS - 2);
	pick_columns(COLS, w);
	for (i = 0; i < 3; i++) {
		widget_text(top + 1, x, w[i], _(heads[i]), A_BOLD);
		x += w[i] + 1;
	}
	if (k->list.height != height - 2) {
		k->list.height = height - 2;
		pick_reload(ui, k, false);
	}
	if (k->list.n == 0)
		widget_text(top + 2, 1, COLS - 2, _("Nobody matches."), ui_attr(ui, UI_COLOUR_DIM));
	vlist_draw(&k->list, ui, top + 2, 0, COLS);
}

/* Enter: close the picker, then hand the person to the caller. */
static void
pick_choose(struct ui *ui, struct pick *k)
{
	const struct pick_row *r = vlist_selected(&k->list);
	scr_pick_person_cb picked = k->picked;
	void *arg = k->arg;
	int64_t id;
	char *name;

	if (r == NULL) {
		ui_message(ui, true, "%s", _("Nobody is chosen: type part of a name first."));
		return;
	}
	id = r->id;
	name = xstrdup(r->name);
	screen_pop(ui);		/* frees k */
	picked(ui, id, name, arg);
	free(name);
}

/* Letters and Backspace edit the search; Enter picks; other keys go to the key table. */
static bool
pick_on_key(struct ui *ui, struct screen *s, int code)
{
	struct pick *k = s->data;
	bool changed;

	if (code == '\r' || code == '\n' || code == KEYS_FN(KEY_ENTER)) {
		pick_choose(ui, k);
		return true;
	}
	if (code != 127 && code != 8 && code != KEYS_FN(KEY_BACKSPACE) &&
	    (code < 0x20 || code >= KEYS_FN(0)))
		return false;
	k->search.active = true;
	if (widget_search_key(&k->search, code, &changed) && changed)
		pick_reload(ui, k, true);
	return true;
}

static bool
pick_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct pick *k = s->data;

	if (!vlist_action(&k->list, a))
		return false;
	if (k->list.error != NULL)
		ui_message(ui, true, "%s", k->list.error);
	return true;
}

static const char *
pick_hint_text(struct ui *ui, struct screen *s)
{
	(void)ui;
	(void)s;
	return _("Type part of a name  Up/Down choose  Enter pick  Esc cancel");
}

static void
pick_free(struct screen *s)
{
	struct pick *k = s->data;

	if (k == NULL)
		return;
	vlist_clear(&k->list);
	free(k);
}

static const struct screen_ops scr_pick_person_ops = {
	.name = N_("Pick a person"),
	.enter = pick_enter,
	.draw = pick_draw,
	.on_key = pick_on_key,
	.on_action = pick_on_action,
	.hint_text = pick_hint_text,
	.free = pick_free,
};

void
scr_pick_person_push(struct ui *ui, const char *title, scr_pick_person_cb picked, void *arg)
{
	struct pick *k = xcalloc(1, sizeof *k);
	int depth = ui->depth;

	k->ui = ui;
	k->picked = picked;
	k->arg = arg;
	k->search.active = true;
	vlist_init(&k->list, &pick_vlist_ops, k);
	screen_push(ui, &scr_pick_person_ops, k);
	if (ui->depth == depth + 1 && title != NULL)
		ui->stack[depth].title = title;
}

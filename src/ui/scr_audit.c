/*
 * scr_audit.c — the log of changes (the audit log), for coordinators.
 *
 * Shows: newest first, when, who, what was done, to what kind of row and
 * which one, and a short summary ("Ann → Rekenen").
 * Widgets: filter line, virtual list (keyset pages by time), hint bar.
 * Actions: filter by kind of row (f), open the theme or group of a row
 * (Enter), the list moves.
 * Store: store_audit_page, one page per move; anyone but a coordinator gets
 * the store's refusal on the status line (the home menu offers the screen
 * to coordinators only).
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ui/scr_themes.h"
#include "ui/vlist.h"
#include "ui/widgets.h"

struct audit_line {
	int64_t id;
	char *at, *who, *action, *entity, *summary;
	int64_t entity_id;
};

struct audit_screen {
	struct ui *ui;
	struct vlist list;
	struct audit_filter filter;
	int kind_index;		/* 0 = every kind, else audit_kinds[i - 1] */
};

/* The kinds of row the filter steps through (entity names of the log). */
static const char *const audit_kinds[] = {
	"theme", "interest", "group", "membership", "person", "organisation", "meeting"
};
#define AUDIT_KINDS_N ((int)(sizeof audit_kinds / sizeof audit_kinds[0]))

static const enum ui_action audit_hints[] = {
	UI_ACTION_DOWN, UI_ACTION_FILTER, UI_ACTION_OPEN, UI_ACTION_LAST, UI_ACTION_BACK,
	UI_ACTION_HELP, UI_ACTION_NONE
};

static void
audit_line_free(void *p)
{
	struct audit_line *r = p;

	free(r->at);
	free(r->who);
	free(r->action);
	free(r->entity);
	free(r->summary);
	free(r);
}

static bool
audit_line_same(const void *a, const void *b)
{
	return ((const struct audit_line *)a)->id == ((const struct audit_line *)b)->id;
}

/* Copy a row of the store into a line of the list. */
static int
audit_take_row(const struct audit_row *r, void *arg)
{
	struct audit_line *c = xcalloc(1, sizeof *c);

	c->id = r->id;
	c->at = xstrdup(r->at != NULL ? r->at : "");
	c->who = xstrdup(r->who != NULL ? r->who : "-");
	c->action = xstrdup(r->action != NULL ? r->action : "");
	c->entity = xstrdup(r->entity != NULL ? r->entity : "");
	c->summary = xstrdup(r->summary != NULL ? r->summary : "");
	c->entity_id = r->entity_id;
	vlist_page_add(arg, c);
	return 0;
}

static int
audit_fetch(void *ctx, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page, char **error)
{
	struct audit_screen *a = ctx;
	const struct audit_line *r = anchor;
	struct audit_anchor at;

	if (r != NULL) {
		at.at = r->at;
		at.id = r->id;
	}
	return store_audit_page(a->ui->app->st, a->ui->app->who, &a->filter,
	    r != NULL ? &at : NULL, inclusive, forward, limit, audit_take_row, page, error) == 0 ?
	    0 : -1;
}

/* "YYYY-MM-DDTHH:MM:SS" as the config writes dates, to the minute, into buf. */
static const char *
audit_time(struct ui *ui, const char *at, char *buf, size_t size)
{
	if (strlen(at) < 16)
		snprintf(buf, size, "%s", at);
	else if (ui->app->cfg->date_format == CONFIG_DATE_NL)
		snprintf(buf, size, "%.2s-%.2s-%.4s %.5s", at + 8, at + 5, at, at + 11);
	else
		snprintf(buf, size, "%.10s %.5s", at, at + 11);
	return buf;
}

/* Column widths: time, who, action, kind, number, summary. */
static void
audit_columns(int width, int w[6])
{
	w[0] = 16;
	w[1] = width >= 100 ? 24 : 16;
	w[2] = 10;
	w[3] = 12;
	w[4] = 7;
	w[5] = width - w[0] - w[1] - w[2] - w[3] - w[4] - 8;
}

static void
audit_draw_row(void *ctx, struct ui *ui, const void *row, int y, int x, int width,
    bool selected)
{
	const struct audit_line *r = row;
	int attr = selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
	char at[32], number[24] = "";
	const char *cells[6];
	int w[6], i;

	(void)ctx;
	audit_columns(width, w);
	if (r->entity_id != 0)
		snprintf(number, sizeof number, "%7lld", (long long)r->entity_id);
	cells[0] = audit_time(ui, r->at, at, sizeof at);
	cells[1] = r->who;
	cells[2] = r->action;
	cells[3] = r->entity;
	cells[4] = number;
	cells[5] = r->summary;
	widget_text(y, x, width, "", attr);
	x++;
	for (i = 0; i < 6; i++) {
		if (w[i] <= 0)
			continue;
		widget_text(y, x, w[i], cells[i], attr);
		x += w[i] + 1;
	}
}

static const struct vlist_ops audit_vlist_ops = {
	.fetch = audit_fetch,
	.draw = audit_draw_row,
	.free_row = audit_line_free,
	.same = audit_line_same,
};

static void
audit_reload(struct ui *ui, struct audit_screen *a, bool from_start)
{
	a->filter.entity = a->kind_index > 0 ? audit_kinds[a->kind_index - 1] : NULL;
	free(a->list.error);
	a->list.error = NULL;
	if (vlist_reload(&a->list, a->list.height > 0 ? a->list.height : LINES - 6,
	    from_start) != 0)
		ui_message(ui, true, "%s", a->list.error);
	ui->dirty = true;
}

static void
audit_enter(struct ui *ui, struct screen *s)
{
	struct audit_screen *a = s->data;

	if (a == NULL) {
		s->data = a = xcalloc(1, sizeof *a);
		a->ui = ui;
		vlist_init(&a->list, &audit_vlist_ops, a);
	}
	audit_reload(ui, a, false);
	s->list = &a->list;
}

static void
audit_draw_header(struct audit_screen *a, int top)
{
	static const char *const heads[6] = {
		N_("Time"), N_("Who"), N_("Action"), N_("Kind"), N_("Number"), N_("Summary")
	};
	char line[128];
	int w[6], x = 1, i;

	snprintf(line, sizeof line, _("Kind: %s   newest first"),
	    a->filter.entity != NULL ? a->filter.entity : _("all"));
	widget_text(top, 1, COLS - 2, line, A_NORMAL);
	audit_columns(COLS, w);
	for (i = 0; i < 6; i++) {
		if (w[i] <= 0)
			continue;
		widget_text(top + 1, x, w[i], _(heads[i]), A_BOLD);
		x += w[i] + 1;
	}
}

static void
audit_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct audit_screen *a = s->data;

	audit_draw_header(a, top);
	if (a->list.height != height - 2) {
		a->list.height = height - 2;
		audit_reload(ui, a, false);
	}
	if (a->list.n == 0)
		widget_text(top + 2, 1, COLS - 2, a->list.error != NULL ? a->list.error :
		    _("No changes of this kind."), ui_attr(ui, UI_COLOUR_DIM));
	vlist_draw(&a->list, ui, top + 2, 0, COLS);
}

/* Open the theme or group a row is about; other kinds have no page yet. */
static void
audit_open(struct ui *ui, const struct audit_line *r)
{
	if (r == NULL || r->entity_id == 0)
		return;
	if (strcmp(r->entity, "theme") == 0)
		scr_theme_push(ui, r->entity_id);
	else if (strcmp(r->entity, "group") == 0)
		scr_group_push(ui, r->entity_id);
	else
		ui_message(ui, false, "%s",
		    _("Only themes and groups can be opened from the log."));
}

static bool
audit_on_action(struct ui *ui, struct screen *s, enum ui_action act)
{
	struct audit_screen *a = s->data;

	if (vlist_action(&a->list, act)) {
		if (a->list.error != NULL)
			ui_message(ui, true, "%s", a->list.error);
		return true;
	}
	switch (act) {
	case UI_ACTION_FILTER:
		a->kind_index = (a->kind_index + 1) % (AUDIT_KINDS_N + 1);
		audit_reload(ui, a, true);
		return true;
	case UI_ACTION_OPEN:
		audit_open(ui, vlist_selected(&a->list));
		return true;
	default:
		return false;
	}
}

static void
audit_free(struct screen *s)
{
	struct audit_screen *a = s->data;

	if (a == NULL)
		return;
	vlist_clear(&a->list);
	free(a);
}

const struct screen_ops scr_audit_ops = {
	.name = N_("Audit log"),
	.enter = audit_enter,
	.draw = audit_draw,
	.on_action = audit_on_action,
	.hints = audit_hints,
	.free = audit_free,
};

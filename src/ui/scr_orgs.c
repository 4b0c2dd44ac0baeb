/*
 * scr_orgs.c — the organisations of the network.
 *
 * Shows: every organisation by name with its kind, the board of a school,
 * and how many active people it has.
 * Widgets: search field, virtual list (keyset pages by name), a form (add
 * and edit: name, kind, board), hint bar.
 * Actions: search (/), open its people (Enter), add (n) and edit (e)
 * (coordinators).
 * Store: store_orgs_page (one page per move; the boards for the form),
 * store_org_add, store_org_update.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "core/xmalloc.h"
#include "ui/form.h"
#include "ui/vlist.h"
#include "ui/widgets.h"

#define ORGS_SCAN_MAX 10000	/* organisations read to find the boards */

/* The kinds in the order of enum org_kind, with their labels. */
static const struct {
	const char *key;
	const char *label;	/* English, for _() */
} orgs_kinds[] = {
	{ "school", N_("school") },
	{ "board", N_("school board") },
	{ "institute", N_("teacher-training institute") },
	{ "municipality", N_("municipality") },
	{ "other", N_("other") },
};
#define ORGS_N_KINDS ((int)(sizeof orgs_kinds / sizeof orgs_kinds[0]))

struct orgs_row {
	int64_t id, parent_id;
	char *name, *kind, *parent;
	int people, version;
};

struct orgs {
	struct ui *ui;
	struct vlist list;
	struct widget_search search;
};

static const enum ui_action orgs_hints_coordinator[] = {
	UI_ACTION_OPEN, UI_ACTION_SEARCH, UI_ACTION_NEW, UI_ACTION_EDIT, UI_ACTION_BACK,
	UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action orgs_hints[] = {
	UI_ACTION_OPEN, UI_ACTION_SEARCH, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

static const char *
orgs_kind_label(const char *key)
{
	int i;

	for (i = 0; i < ORGS_N_KINDS; i++) {
		if (key != NULL && strcmp(key, orgs_kinds[i].key) == 0)
			return _(orgs_kinds[i].label);
	}
	return key != NULL ? key : "";
}

static void
orgs_row_free(void *p)
{
	struct orgs_row *r = p;

	free(r->name);
	free(r->kind);
	free(r->parent);
	free(r);
}

static bool
orgs_row_same(const void *a, const void *b)
{
	return ((const struct orgs_row *)a)->id == ((const struct orgs_row *)b)->id;
}

static int
orgs_take_row(const struct org_row *r, void *arg)
{
	struct orgs_row *c = xcalloc(1, sizeof *c);

	c->id = r->id;
	c->parent_id = r->parent_id;
	c->name = xstrdup(r->name != NULL ? r->name : "");
	c->kind = xstrdup(r->kind != NULL ? r->kind : "");
	c->parent = xstrdup(r->parent != NULL ? r->parent : "");
	c->people = r->people;
	c->version = r->version;
	vlist_page_add(arg, c);
	return 0;
}

static int
orgs_fetch(void *ctx, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page, char **error)
{
	struct orgs *o = ctx;
	const struct orgs_row *a = anchor;

	return store_orgs_page(o->ui->app->st, o->ui->app->who,
	    o->search.text[0] != '\0' ? o->search.text : NULL, a != NULL ? a->name : NULL,
	    a != NULL ? a->id : 0, inclusive, forward, limit, orgs_take_row, page, error);
}

/* Column widths: name, kind, board, people (0 = left out). */
static void
orgs_columns(int width, int w[4])
{
	w[1] = width >= 70 ? 26 : 14;
	w[2] = width >= 100 ? 36 : width >= 70 ? 20 : 0;
	w[3] = 7;
	w[0] = width - w[1] - w[2] - w[3] - 5;
}

static void
orgs_draw_row(void *ctx, struct ui *ui, const void *row, int y, int x, int width,
    bool selected)
{
	const struct orgs_row *r = row;
	int attr = selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
	const char *cells[4];
	char people[16];
	int w[4];

	(void)ctx;
	orgs_columns(width, w);
	snprintf(people, sizeof people, "%6d", r->people);
	cells[0] = r->name;
	cells[1] = orgs_kind_label(r->kind);
	cells[2] = r->parent;
	cells[3] = people;
	widget_text(y, x, width, "", attr);
	widget_cells(y, x + 1, w, cells, 4, attr);
}

static const struct vlist_ops orgs_vlist_ops = {
	.fetch = orgs_fetch,
	.draw = orgs_draw_row,
	.free_row = orgs_row_free,
	.same = orgs_row_same,
};

static void
orgs_reload(struct ui *ui, struct orgs *o, bool from_start)
{
	if (vlist_reload(&o->list, o->list.height > 0 ? o->list.height : LINES - 6,
	    from_start) != 0)
		ui_message(ui, true, "%s", o->list.error);
	ui->dirty = true;
}

static void
orgs_enter(struct ui *ui, struct screen *s)
{
	struct orgs *o = s->data;

	orgs_reload(ui, o, false);
	s->list = &o->list;
}

static void
orgs_draw(struct ui *ui, struct screen *s, int top, int height)
{
	static const char *const heads[4] = {
		N_("Organisation"), N_("Kind"), N_("Board"), N_("People")
	};
	struct orgs *o = s->data;
	const char *cells[4];
	int w[4], i;

	widget_search_draw(ui, &o->search, top, 1, COLS - 2);
	orgs_columns(COLS, w);
	for (i = 0; i < 4; i++)
		cells[i] = _(heads[i]);
	widget_cells(top + 1, 1, w, cells, 4, A_BOLD);
	if (o->list.height != height - 2) {
		o->list.height = height - 2;
		orgs_reload(ui, o, false);
	}
	if (o->list.n == 0)
		widget_text(top + 2, 1, COLS - 2, _("No organisation matches."),
		    ui_attr(ui, UI_COLOUR_DIM));
	vlist_draw(&o->list, ui, top + 2, 0, COLS);
}

static bool
orgs_on_key(struct ui *ui, struct screen *s, int code)
{
	struct orgs *o = s->data;
	bool changed;

	if (!widget_search_key(&o->search, code, &changed))
		return false;
	if (changed)
		orgs_reload(ui, o, true);
	return true;
}

/* ---- the form ---- */

struct orgs_form {
	int64_t id;		/* 0 = a new organisation */
	int version;
	struct form_field *name, *kind, *board;
};

struct orgs_boards {
	struct form_field *board;
	int64_t chosen, except;
};

static int
orgs_take_board(const struct org_row *r, void *arg)
{
	struct orgs_boards *b = arg;
	char key[32];

	if (r->kind == NULL || strcmp(r->kind, "board") != 0 || r->id == b->except)
		return 0;
	snprintf(key, sizeof key, "%lld", (long long)r->id);
	form_add_item(b->board, key, r->name, r->id == b->chosen);
	return 0;
}

/* Fill the board choice: none, then every board but the organisation itself. */
static void
orgs_form_boards(struct ui *ui, struct orgs_form *of, int64_t chosen)
{
	struct orgs_boards b = { of->board, chosen, of->id };
	char *error = NULL;

	form_add_item(of->board, "", _("(none)"), true);
	if (store_orgs_page(ui->app->st, ui->app->who, NULL, NULL, 0, false, true, ORGS_SCAN_MAX,
	    orgs_take_board, &b, &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : "?");
		free(error);
	}
}

static struct form *
orgs_form_fields(struct ui *ui, struct orgs_form *of, const struct orgs_row *r)
{
	struct form *f = form_new();
	int i;

	of->name = form_add(f, FORM_LINE, _("Name"), true);
	of->name->max_chars = VALIDATE_TITLE_MAX;
	of->kind = form_add(f, FORM_CHOICE, _("Kind"), true);
	for (i = 0; i < ORGS_N_KINDS; i++)
		form_add_item(of->kind, orgs_kinds[i].key, _(orgs_kinds[i].label),
		    r != NULL && strcmp(r->kind, orgs_kinds[i].key) == 0);
	of->board = form_add(f, FORM_CHOICE, _("Board (of a school)"), false);
	orgs_form_boards(ui, of, r != NULL ? r->parent_id : 0);
	if (r != NULL)
		form_set_text(of->name, r->name);
	return f;
}

/* Read the form into o (strings borrowed); -1 with a field error when it does not fit. */
static int
orgs_form_read(struct orgs_form *of, struct org_new *o)
{
	const char *board = form_choice(of->board);

	memset(o, 0, sizeof *o);
	o->name = form_text(of->name);
	o->kind = (enum org_kind)(of->kind->choice >= 0 ? of->kind->choice : ORG_OTHER);
	o->parent_id = board != NULL && *board != '\0' ? strtoll(board, NULL, 10) : 0;
	o->region = NULL;
	if (o->parent_id != 0 && o->kind != ORG_SCHOOL) {
		form_error(of->board, "%s", _("only a school belongs to a board"));
		return -1;
	}
	return 0;
}

/* A store message "label: what" without its label (shown at that field). */
static const char *
orgs_field_text(const char *error, const char *label)
{
	size_t n = strlen(label);

	if (error == NULL)
		return "?";
	if (strncmp(error, label, n) != 0 || error[n] != ':')
		return error;
	return error + n + 1 + (error[n + 1] == ' ');
}

static int
orgs_form_submit(struct ui *ui, struct form *f, void *arg)
{
	struct orgs_form *of = arg;
	struct org_new o;
	char *error = NULL;
	int64_t id;
	int ret;

	if (orgs_form_read(of, &o) != 0)
		return -1;
	if (of->id == 0)
		ret = store_org_add(ui->app->st, ui->app->who, &o, &id, &error);
	else
		ret = store_org_update(ui->app->st, ui->app->who, of->id, of->version, &o, &error);
	if (ret == 0) {
		ui_message(ui, false, of->id == 0 ? _("Added: %s") : _("Saved: %s"), o.name);
		return 0;
	}
	if (ret == STORE_INVALID) {
		form_error(of->name, "%s", orgs_field_text(error, _("name")));
		form_focus(f, of->name);
	} else {
		ui_message(ui, true, "%s", ret == STORE_CONFLICT ?
		    _("Someone changed this organisation meanwhile; press Esc and edit it again "
		    "to see their change.") : error != NULL ? error : "?");
	}
	free(error);
	return ret == STORE_DENIED ? 0 : -1;
}

/* n and e: the form for a new organisation (r NULL) or for r. */
static void
orgs_form_push(struct ui *ui, const struct orgs_row *r)
{
	struct orgs_form *of;

	if (!access_allows(ui->app->who, ACCESS_ORG_EDIT, NULL)) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_ORG_EDIT)));
		return;
	}
	of = xcalloc(1, sizeof *of);
	of->id = r != NULL ? r->id : 0;
	of->version = r != NULL ? r->version : 0;
	scr_form_push(ui, r != NULL ? N_("Edit organisation") : N_("Add an organisation"),
	    orgs_form_fields(ui, of, r), orgs_form_submit, of, free);
}

static bool
orgs_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct orgs *o = s->data;
	struct orgs_row *r = vlist_selected(&o->list);

	if (vlist_action(&o->list, a)) {
		if (o->list.error != NULL)
			ui_message(ui, true, "%s", o->list.error);
		return true;
	}
	switch (a) {
	case UI_ACTION_SEARCH:
		o->search.active = true;
		return true;
	case UI_ACTION_OPEN:
		if (r != NULL)
			scr_people_push_org(ui, r->id, r->name);
		return true;
	case UI_ACTION_NEW:
		orgs_form_push(ui, NULL);
		return true;
	case UI_ACTION_EDIT:
		if (r != NULL)
			orgs_form_push(ui, r);
		return true;
	default:
		return false;
	}
}

static void
orgs_free(struct screen *s)
{
	struct orgs *o = s->data;

	vlist_clear(&o->list);
	free(o);
}

/* The same screen twice: the hint bar offers coordinators their keys. */
#define ORGS_OPS(hint_list) { \
	.name = N_("Organisations"), \
	.enter = orgs_enter, \
	.draw = orgs_draw, \
	.on_key = orgs_on_key, \
	.on_action = orgs_on_action, \
	.hints = hint_list, \
	.free = orgs_free, \
}
static const struct screen_ops orgs_ops = ORGS_OPS(orgs_hints);
static const struct screen_ops orgs_ops_coordinator = ORGS_OPS(orgs_hints_coordinator);

void
scr_orgs_push(struct ui *ui)
{
	struct orgs *o = xcalloc(1, sizeof *o);

	o->ui = ui;
	vlist_init(&o->list, &orgs_vlist_ops, o);
	screen_push(ui, ui->app->who->coordinator && !store_read_only(ui->app->st) ?
	    &orgs_ops_coordinator : &orgs_ops, o);
}

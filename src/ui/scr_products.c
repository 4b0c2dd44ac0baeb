/*
 * scr_products.c — products and the knowledge-sharing day (#9).
 *
 * Shows: the network's published products (title, kind, group, published
 * date), newest first; a group's products with its drafts for those who may
 * see them; one product in full (the link or path whole); the programme of
 * a network-wide meeting (time, room, group, product, leads). The group
 * page's Products section (the count and the three newest) and the meeting
 * page's Programme section are built here too (group_life.h).
 * Widgets: search field and virtual list in keyset pages (the network's
 * list), a list with a cursor (a group's products, the programme), text view
 * (a product), forms (a product; a slot; the list's filter), hint bar.
 * Actions: network list — search as you type (/), kind (y), filter (f: kind,
 * theme, school year), open (Enter). A group's products — open, new (n),
 * edit (e), publish or take back to draft (S), for members, leads and
 * coordinators. A product — edit (e), publish (S). The programme — for
 * coordinators: new slot (n: the group typed by name, checked), change (e),
 * remove (-). Hints offer only what who may do.
 * Store: store_products_page, store_group_products, store_product_get,
 * store_product_add/update/set_status, store_programme_each,
 * store_slot_add/update/remove, store_group_lookup, store_theme_lookup,
 * store_product_lookup, store_meeting_get.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/date.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "core/xmalloc.h"
#include "store/store.h"
#include "ui/form.h"
#include "ui/group_life.h"
#include "ui/keys.h"
#include "ui/vlist.h"
#include "ui/widgets.h"

#define PR_SECTION_ROWS 3	/* products on the group page */
#define PR_YEARS 6		/* school years the filter offers */

/* One product of a list; strings owned. */
struct pr_row {
	int64_t id, group_id;
	char *title, *kind, *status, *published_on, *group_name;
};

/* The products screen: the network's (group_id 0) or a group's. */
struct pr_list {
	struct ui *ui;
	int64_t group_id;
	char *group_name;		/* a group's list: its name */
	bool may_edit;			/* who may add and change the group's products */
	/* the network's list */
	struct vlist list;
	struct product_filter filter;
	struct widget_search search;
	int kind_index;			/* 0 = all, else store_product_kinds[i - 1] */
	char *theme_title;		/* the theme filter's title, owned */
	/* a group's list */
	struct pr_row **rows;
	int n;
};

static const enum ui_action pr_hints_network[] = {
	UI_ACTION_OPEN, UI_ACTION_SEARCH, UI_ACTION_FILTER_TYPE, UI_ACTION_FILTER,
	UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action pr_hints_group_edit[] = {
	UI_ACTION_OPEN, UI_ACTION_NEW, UI_ACTION_EDIT, UI_ACTION_STATUS, UI_ACTION_BACK,
	UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action pr_hints_group_read[] = {
	UI_ACTION_OPEN, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

/*
 * S (the status action) publishes and takes back to draft here, for members
 * and leads too; the common hint bar offers S to coordinators only, so the
 * screens that allow it say so in a hint bar of their own.
 */
static const struct {
	enum ui_action a;
	const char *label;	/* English, for _() */
} pr_hint_items[] = {
	{ UI_ACTION_OPEN, N_("open") }, { UI_ACTION_NEW, N_("new") },
	{ UI_ACTION_EDIT, N_("edit") }, { UI_ACTION_STATUS, N_("publish/draft") },
	{ UI_ACTION_BACK, N_("back") }, { UI_ACTION_HELP, N_("help") },
};

/* The hint bar of a screen that may change products; page: without open and new. */
static const char *
pr_hint_bar(bool page)
{
	static char bar[512];
	char key[32];
	size_t i, len = 0;

	bar[0] = '\0';
	for (i = 0; i < sizeof pr_hint_items / sizeof pr_hint_items[0]; i++) {
		if (page && (pr_hint_items[i].a == UI_ACTION_OPEN ||
		    pr_hint_items[i].a == UI_ACTION_NEW))
			continue;
		keys_first(pr_hint_items[i].a, key, sizeof key);
		snprintf(bar + len, sizeof bar - len, "%s%s %s", len > 0 ? "  " : "", key,
		    _(pr_hint_items[i].label));
		len = strlen(bar);
	}
	return bar;
}

static const char *
pr_list_hint_text(struct ui *ui, struct screen *s)
{
	(void)ui, (void)s;
	return pr_hint_bar(false);
}

static const char *
pr_page_hint_text(struct ui *ui, struct screen *s)
{
	(void)ui, (void)s;
	return pr_hint_bar(true);
}

/* ---- words ---- */

static const char *
pr_kind(const char *kind)
{
	return _(store_product_kind_label(kind));
}

static const char *
pr_status(const char *status)
{
	return status != NULL && strcmp(status, "published") == 0 ? _("published") : _("draft");
}

static bool
pr_read_only(struct ui *ui)
{
	if (!store_read_only(ui->app->st))
		return false;
	ui_message(ui, true, "%s", _("The database is open read-only; nothing can be changed."));
	return true;
}

/* ---- rows ---- */

static void
pr_row_free(void *p)
{
	struct pr_row *r = p;

	if (r == NULL)
		return;
	free(r->title);
	free(r->kind);
	free(r->status);
	free(r->published_on);
	free(r->group_name);
	free(r);
}

static bool
pr_row_same(const void *a, const void *b)
{
	return ((const struct pr_row *)a)->id == ((const struct pr_row *)b)->id;
}

static struct pr_row *
pr_row_copy(const struct product_row *r)
{
	struct pr_row *c = xcalloc(1, sizeof *c);

	c->id = r->id;
	c->group_id = r->group_id;
	c->title = xstrdup(r->title != NULL ? r->title : "");
	c->kind = xstrdup(r->kind != NULL ? r->kind : "");
	c->status = xstrdup(r->status != NULL ? r->status : "");
	c->published_on = r->published_on != NULL ? xstrdup(r->published_on) : NULL;
	c->group_name = xstrdup(r->group_name != NULL ? r->group_name : "");
	return c;
}

static int
pr_take_page_row(const struct product_row *r, void *arg)
{
	vlist_page_add(arg, pr_row_copy(r));
	return 0;
}

static int
pr_fetch(void *ctx, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page, char **error)
{
	struct pr_list *p = ctx;
	const struct pr_row *a = anchor;
	struct product_anchor key;

	if (a != NULL) {
		key.published_on = a->published_on;
		key.id = a->id;
	}
	return store_products_page(p->ui->app->st, p->ui->app->who, &p->filter,
	    a != NULL ? &key : NULL, inclusive, forward, limit, pr_take_page_row, page, error);
}

/* Column widths for a width: title, kind, group, published (or status). */
static void
pr_columns(int width, int w[4])
{
	w[1] = width >= 70 ? 22 : 12;
	w[3] = 11;
	w[2] = width >= 90 ? 28 : width >= 70 ? 18 : 0;	/* narrow: no group column */
	w[0] = width - w[1] - w[2] - w[3] - 5;
	if (w[0] < 10) {	/* very narrow: the title and the date only */
		w[1] = 0;
		w[0] = width - w[3] - 3;
	}
}

static void
pr_draw_row(void *ctx, struct ui *ui, const void *row, int y, int x, int width, bool selected)
{
	const struct pr_row *r = row;
	int attr = selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
	char day[DATE_ISO_LEN];
	const char *cells[4];
	int w[4];

	(void)ctx;
	pr_columns(width - 1, w);
	cells[0] = r->title;
	cells[1] = pr_kind(r->kind);
	cells[2] = r->group_name;
	cells[3] = r->published_on != NULL ? widget_day(r->published_on, day) : _("draft");
	widget_text(y, x, width, "", attr);
	widget_cells(y, x + 1, w, cells, 4, attr);
}

static const struct vlist_ops pr_vlist_ops = {
	.fetch = pr_fetch,
	.draw = pr_draw_row,
	.free_row = pr_row_free,
	.same = pr_row_same,
};

/* ---- the lists ---- */

static void
pr_rows_clear(struct pr_list *p)
{
	int i;

	for (i = 0; i < p->n; i++)
		pr_row_free(p->rows[i]);
	free(p->rows);
	p->rows = NULL;
	p->n = 0;
}

static int
pr_take_group_row(const struct product_row *r, void *arg)
{
	struct pr_list *p = arg;

	p->rows = xreallocarray(p->rows, (size_t)p->n + 1, sizeof *p->rows);
	p->rows[p->n++] = pr_row_copy(r);
	return 0;
}

static void
pr_reload(struct ui *ui, struct screen *s)
{
	struct pr_list *p = s->data;
	char *error = NULL;

	if (p->group_id == 0) {
		p->filter.search = p->search.text[0] != '\0' ? p->search.text : NULL;
		p->filter.kind = p->kind_index > 0 ? store_product_kinds[p->kind_index - 1] : NULL;
		if (vlist_reload(&p->list, p->list.height > 0 ? p->list.height : LINES - 6,
		    false) != 0)
			ui_message(ui, true, "%s", p->list.error);
		ui->dirty = true;
		return;
	}
	pr_rows_clear(p);
	if (store_group_products(ui->app->st, ui->app->who, p->group_id, 0, pr_take_group_row, p,
	    NULL, &error) != 0)
		ui_message(ui, true, "%s", error != NULL ? error : _("The products cannot be read."));
	free(error);
	p->may_edit = store_product_may_edit(ui->app->st, ui->app->who, p->group_id);
	if (s->selected >= p->n)
		s->selected = p->n > 0 ? p->n - 1 : 0;
	ui->dirty = true;
}

static const struct screen_ops pr_network_ops, pr_group_edit_ops, pr_group_read_ops;

static void
pr_enter(struct ui *ui, struct screen *s)
{
	struct pr_list *p = s->data;

	pr_reload(ui, s);
	s->list = &p->list;
	if (p->group_id != 0)
		s->ops = p->may_edit && !store_read_only(ui->app->st) ? &pr_group_edit_ops :
		    &pr_group_read_ops;
}

static void
pr_draw_filter_line(struct ui *ui, struct pr_list *p, int y)
{
	char line[512], year[32];

	if (p->filter.school_year > 0)
		snprintf(year, sizeof year, "%d–%d", p->filter.school_year,
		    p->filter.school_year + 1);
	snprintf(line, sizeof line, _("Kind: %s   Theme: %s   School year: %s"),
	    p->kind_index > 0 ? pr_kind(store_product_kinds[p->kind_index - 1]) : _("all"),
	    p->theme_title != NULL ? p->theme_title : _("all"),
	    p->filter.school_year > 0 ? year : _("all"));
	widget_search_draw(ui, &p->search, y, 1, COLS / 3);
	widget_text(y, COLS / 3 + 1, COLS - COLS / 3 - 2, line, A_NORMAL);
}

static void
pr_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct pr_list *p = s->data;
	const char *head[4] = { _("Title"), _("Kind"), _("Group"), _("Published") };
	int w[4], i;

	pr_columns(COLS - 1, w);
	if (p->group_id == 0) {
		pr_draw_filter_line(ui, p, top);
		widget_cells(top + 1, 1, w, head, 4, A_BOLD);
		if (p->list.height != height - 2) {
			p->list.height = height - 2;
			pr_reload(ui, s);
		}
		if (p->list.n == 0)
			widget_text(top + 2, 1, COLS - 2, p->search.text[0] != '\0' ?
			    _("No product matches.") : _("No published products here yet."),
			    ui_attr(ui, UI_COLOUR_DIM));
		vlist_draw(&p->list, ui, top + 2, 0, COLS);
		return;
	}
	widget_text(top, 1, COLS - 2, p->group_name != NULL ? p->group_name : "", A_BOLD);
	head[3] = _("Published");
	widget_cells(top + 1, 1, w, head, 4, A_BOLD);
	s->height = height - 2;
	if (p->n == 0)
		widget_text(top + 2, 1, COLS - 2, p->may_edit ?
		    _("No products yet; press n to add one.") : _("No published products yet."),
		    ui_attr(ui, UI_COLOUR_DIM));
	for (i = 0; i < s->height && s->top + i < p->n; i++)
		pr_draw_row(p, ui, p->rows[s->top + i], top + 2 + i, 0, COLS,
		    s->top + i == s->selected);
}

static bool
pr_on_key(struct ui *ui, struct screen *s, int code)
{
	struct pr_list *p = s->data;
	bool changed;

	if (p->group_id != 0 || !widget_search_key(&p->search, code, &changed))
		return false;
	if (changed) {
		p->filter.search = p->search.text[0] != '\0' ? p->search.text : NULL;
		if (vlist_reload(&p->list, p->list.height > 0 ? p->list.height : LINES - 6,
		    true) != 0)
			ui_message(ui, true, "%s", p->list.error);
		ui->dirty = true;
	}
	return true;
}

static struct pr_row *
pr_selected(struct screen *s)
{
	struct pr_list *p = s->data;

	if (p->group_id == 0)
		return vlist_selected(&p->list);
	return s->selected >= 0 && s->selected < p->n ? p->rows[s->selected] : NULL;
}

/* ---- the product form ---- */

struct pr_form {
	int64_t group_id, product_id;	/* product_id 0: a new one */
	int version;
	struct form_field *title, *kind, *description, *link, *status, *published;
};

static struct form *
pr_form_fields(struct pr_form *pf, const struct product_detail *d)
{
	struct form *f = form_new();
	struct date on;
	size_t i;

	pf->title = form_add(f, FORM_LINE, _("Title"), true);
	pf->title->max_chars = VALIDATE_TITLE_MAX;
	pf->kind = form_add(f, FORM_CHOICE, _("Kind"), true);
	for (i = 0; store_product_kinds[i] != NULL; i++) {
		form_add_item(pf->kind, store_product_kinds[i], pr_kind(store_product_kinds[i]),
		    false);
		if (d != NULL && strcmp(d->kind, store_product_kinds[i]) == 0)
			pf->kind->choice = (int)i;
	}
	pf->description = form_add(f, FORM_TEXT, _("Short description"), false);
	pf->description->max_chars = 1000;
	pf->link = form_add(f, FORM_LINE, _("Link or file path"), false);
	pf->link->max_chars = 1000;
	pf->status = form_add(f, FORM_CHOICE, _("Status"), true);
	form_add_item(pf->status, "draft", _("draft"), false);
	form_add_item(pf->status, "published", _("published"), false);
	pf->published = form_add(f, FORM_DATE, _("Published on (empty: today)"), false);
	if (d != NULL) {
		form_set_text(pf->title, d->title);
		form_set_text(pf->description, d->description);
		form_set_text(pf->link, d->link);
		pf->status->choice = strcmp(d->status, "published") == 0;
		if (d->published_on != NULL && date_parse_iso(d->published_on, &on) == 0) {
			char buf[DATE_ISO_LEN];

			form_set_text(pf->published, date_format_nl(&on, buf));
		}
	}
	return f;
}

static int
pr_form_submit(struct ui *ui, struct form *f, void *arg)
{
	struct pr_form *pf = arg;
	struct product_in in;
	char *error = NULL;
	int ret;

	(void)f;
	memset(&in, 0, sizeof in);
	in.title = form_text(pf->title);
	in.kind = form_choice(pf->kind);
	in.description = form_text(pf->description);
	in.link = form_text(pf->link);
	in.status = form_choice(pf->status);
	if (form_date(pf->published, &in.published_on) != 0)
		memset(&in.published_on, 0, sizeof in.published_on);
	if (pf->product_id == 0)
		ret = store_product_add(ui->app->st, ui->app->who, pf->group_id, &in,
		    &pf->product_id, &error);
	else
		ret = store_product_update(ui->app->st, ui->app->who, pf->product_id, pf->version,
		    &in, &error);
	if (ret == STORE_CONFLICT) {
		struct product_detail now;

		if (store_product_get(ui->app->st, ui->app->who, pf->product_id, &now, NULL) == 1) {
			pf->version = now.version;
			store_product_detail_clear(&now);
		}
		widget_conflict_message(ui, "product", pf->product_id);
		free(error);
		return -1;
	}
	if (ret == STORE_INVALID) {
		form_error(pf->title, "%s", error != NULL ? error : "?");
		free(error);
		return -1;
	}
	if (ret < 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("The change was not saved."));
		free(error);
		return ret == STORE_ERROR ? -1 : 0;
	}
	ui_message(ui, false, _("Product saved: %s"), in.title);
	return 0;
}

/* n: add a product to the group; e: change one. */
static void
pr_form_open(struct ui *ui, int64_t group_id, int64_t product_id)
{
	struct pr_form *pf;
	struct product_detail d;
	char *error = NULL;

	if (pr_read_only(ui))
		return;
	pf = xcalloc(1, sizeof *pf);
	pf->group_id = group_id;
	if (product_id == 0) {
		scr_form_push(ui, N_("Add a product"), pr_form_fields(pf, NULL), pr_form_submit, pf,
		    free);
		return;
	}
	if (store_product_get(ui->app->st, ui->app->who, product_id, &d, &error) != 1 ||
	    !d.may_edit) {
		ui_message(ui, true, "%s", error != NULL ? error :
		    _(access_reason(ACCESS_PRODUCT_EDIT)));
		free(error);
		store_product_detail_clear(&d);
		free(pf);
		return;
	}
	pf->product_id = product_id;
	pf->version = d.version;
	scr_form_push(ui, N_("Edit product"), pr_form_fields(pf, &d), pr_form_submit, pf, free);
	store_product_detail_clear(&d);
}

/* S: publish a draft, or take a published product back to draft. */
static void
pr_toggle_status(struct ui *ui, int64_t product_id)
{
	struct product_detail d;
	char *error = NULL;
	bool publish;
	int ret;

	if (pr_read_only(ui))
		return;
	if (store_product_get(ui->app->st, ui->app->who, product_id, &d, &error) != 1) {
		ui_message(ui, true, "%s", error != NULL ? error : _("That product no longer exists."));
		free(error);
		return;
	}
	if (!d.may_edit) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_PRODUCT_EDIT)));
		store_product_detail_clear(&d);
		return;
	}
	publish = strcmp(d.status, "published") != 0;
	ret = store_product_set_status(ui->app->st, ui->app->who, product_id, d.version,
	    publish ? "published" : "draft", &error);
	if (ret < 0)
		ui_message(ui, true, "%s", error != NULL ? error : _("The change was not saved."));
	else
		ui_message(ui, false, publish ? _("Published: %s") :
		    _("Back to draft (only the group sees it): %s"), d.title);
	free(error);
	store_product_detail_clear(&d);
}

/* ---- one product ---- */

struct pr_page {
	int64_t id;
	struct product_detail d;
	bool loaded;
	int top, total, height;
};

static const enum ui_action pr_page_hints_edit[] = {
	UI_ACTION_EDIT, UI_ACTION_STATUS, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action pr_page_hints_read[] = {
	UI_ACTION_DOWN, UI_ACTION_UP, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const struct screen_ops pr_page_edit_ops, pr_page_read_ops;

static void
pr_page_enter(struct ui *ui, struct screen *s)
{
	struct pr_page *p = s->data;
	char *error = NULL;

	store_product_detail_clear(&p->d);
	p->loaded = store_product_get(ui->app->st, ui->app->who, p->id, &p->d, &error) == 1;
	if (!p->loaded)
		ui_message(ui, true, "%s", error != NULL ? error : _("That product no longer exists."));
	free(error);
	s->ops = p->loaded && p->d.may_edit && !store_read_only(ui->app->st) ?
	    &pr_page_edit_ops : &pr_page_read_ops;
}

static void
pr_page_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct pr_page *p = s->data;
	const struct product_detail *d = &p->d;
	struct widget_lines l;
	char a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	if (!p->loaded) {
		widget_text(top, 1, COLS - 2, _("That product no longer exists."),
		    ui_attr(ui, UI_COLOUR_DIM));
		return;
	}
	memset(&l, 0, sizeof l);
	l.width = COLS - 2;
	widget_lines_wrap(&l, 1, A_BOLD, d->title);
	widget_lines_add(&l, 1, A_NORMAL, "%s %s", _("Kind:"), pr_kind(d->kind));
	widget_lines_add(&l, 1, A_NORMAL, "%s %s", _("Group:"), d->group_name);
	widget_lines_add(&l, 1, A_NORMAL, "%s %s", _("Theme:"), d->theme != NULL ? d->theme : "-");
	widget_lines_add(&l, 1, A_NORMAL, "%s %s", _("Status:"), pr_status(d->status));
	widget_lines_add(&l, 1, A_NORMAL, "%s %s", _("Published on:"),
	    widget_day(d->published_on, a));
	widget_lines_add(&l, 1, A_NORMAL, _("Added by %s on %s"),
	    d->added_by != NULL ? d->added_by : "-", widget_day(d->added_on, b));
	widget_lines_add(&l, 0, A_NORMAL, "%s", "");
	widget_lines_add(&l, 1, A_BOLD, "%s", _("Link or file path"));
	widget_lines_wrap(&l, 3, A_NORMAL, d->link != NULL ? d->link : "-");
	widget_lines_add(&l, 0, A_NORMAL, "%s", "");
	widget_lines_add(&l, 1, A_BOLD, "%s", _("Description"));
	widget_lines_wrap(&l, 3, A_NORMAL, d->description != NULL ? d->description : "-");
	p->total = l.n;
	p->height = height;
	widget_lines_draw(&l, &p->top, top, height);
	widget_lines_clear(&l);
}

static bool
pr_page_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct pr_page *p = s->data;

	if (widget_lines_scroll(&p->top, p->total, p->height, a))
		return true;
	switch (a) {
	case UI_ACTION_EDIT:
		if (p->loaded)
			pr_form_open(ui, p->d.group_id, p->id);
		return true;
	case UI_ACTION_STATUS:
		if (p->loaded) {
			pr_toggle_status(ui, p->id);
			pr_page_enter(ui, s);
		}
		return true;
	default:
		return false;
	}
}

static void
pr_page_free(struct screen *s)
{
	struct pr_page *p = s->data;

	if (p == NULL)
		return;
	store_product_detail_clear(&p->d);
	free(p);
}

#define PR_PAGE_OPS(hint_list, hint_fn) { \
	.name = N_("Product"), \
	.enter = pr_page_enter, \
	.draw = pr_page_draw, \
	.on_action = pr_page_on_action, \
	.hints = hint_list, \
	.hint_text = hint_fn, \
	.free = pr_page_free, \
}
static const struct screen_ops pr_page_edit_ops = PR_PAGE_OPS(pr_page_hints_edit,
    pr_page_hint_text);
static const struct screen_ops pr_page_read_ops = PR_PAGE_OPS(pr_page_hints_read, NULL);
#undef PR_PAGE_OPS

static void
pr_page_push(struct ui *ui, int64_t id)
{
	struct pr_page *p = xcalloc(1, sizeof *p);

	p->id = id;
	screen_push(ui, &pr_page_read_ops, p);
}

/* ---- the network list's filter ---- */

struct pr_filter_form {
	struct screen *s;		/* the list (below the form while it is open) */
	struct form_field *kind, *theme, *year;
};

static int
pr_filter_submit(struct ui *ui, struct form *f, void *arg)
{
	struct pr_filter_form *ff = arg;
	struct pr_list *p = ff->s->data;
	struct store_lookup found;
	const char *theme = form_text(ff->theme), *year = form_choice(ff->year);
	char *error = NULL;

	(void)f;
	memset(&found, 0, sizeof found);
	if (theme[0] != '\0') {
		if (store_theme_lookup(ui->app->st, ui->app->who, theme, &found, &error) != 1) {
			form_error(ff->theme, "%s", error != NULL ? error : found.n_candidates > 0 ?
			    _("Several themes match; type more of the title.") :
			    _("No theme has that title."));
			free(error);
			store_lookup_clear(&found);
			return -1;
		}
	}
	p->kind_index = ff->kind->choice;
	p->filter.theme_id = found.id;
	free(p->theme_title);
	p->theme_title = found.name != NULL ? xstrdup(found.name) : NULL;
	p->filter.school_year = year != NULL ? atoi(year) : 0;
	store_lookup_clear(&found);
	return 0;
}

/* f: kind, theme and school year in one form. */
static void
pr_filter_open(struct ui *ui, struct screen *s)
{
	struct pr_list *p = s->data;
	struct pr_filter_form *ff = xcalloc(1, sizeof *ff);
	struct form *f = form_new();
	struct date today = date_today();
	char key[16], label[32];
	int first = date_school_year(&today, NULL, NULL), i;

	ff->s = s;
	ff->kind = form_add(f, FORM_CHOICE, _("Kind"), false);
	form_add_item(ff->kind, "", _("all"), false);
	for (i = 0; store_product_kinds[i] != NULL; i++)
		form_add_item(ff->kind, store_product_kinds[i], pr_kind(store_product_kinds[i]),
		    false);
	ff->kind->choice = p->kind_index;
	ff->theme = form_add(f, FORM_LINE, _("Theme (title; empty: all)"), false);
	form_set_text(ff->theme, p->theme_title);
	ff->year = form_add(f, FORM_CHOICE, _("School year"), false);
	form_add_item(ff->year, "0", _("all"), false);
	for (i = 0; i < PR_YEARS; i++) {
		snprintf(key, sizeof key, "%d", first - i);
		snprintf(label, sizeof label, "%d–%d", first - i, first - i + 1);
		form_add_item(ff->year, key, label, false);
		if (p->filter.school_year == first - i)
			ff->year->choice = i + 1;
	}
	scr_form_push(ui, N_("Filter products"), f, pr_filter_submit, ff, free);
}

/* ---- the products screen's actions ---- */

static bool
pr_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct pr_list *p = s->data;
	struct pr_row *r = pr_selected(s);

	if (p->group_id == 0 && vlist_action(&p->list, a)) {
		if (p->list.error != NULL)
			ui_message(ui, true, "%s", p->list.error);
		return true;
	}
	if (p->group_id != 0 && widget_list_move(s, a, p->n))
		return true;
	switch (a) {
	case UI_ACTION_OPEN:
		if (r != NULL)
			pr_page_push(ui, r->id);
		return true;
	case UI_ACTION_SEARCH:
		if (p->group_id == 0)
			p->search.active = true;
		return p->group_id == 0;
	case UI_ACTION_FILTER_TYPE:
		if (p->group_id != 0)
			return false;
		p->kind_index = (p->kind_index + 1) % 7;
		pr_reload(ui, s);
		return true;
	case UI_ACTION_FILTER:
		if (p->group_id != 0)
			return false;
		pr_filter_open(ui, s);
		return true;
	case UI_ACTION_NEW:
		if (p->group_id == 0)
			return false;
		if (!p->may_edit)
			ui_message(ui, true, "%s", _(access_reason(ACCESS_PRODUCT_EDIT)));
		else
			pr_form_open(ui, p->group_id, 0);
		return true;
	case UI_ACTION_EDIT:
		if (p->group_id != 0 && r != NULL)
			pr_form_open(ui, p->group_id, r->id);
		return p->group_id != 0;
	case UI_ACTION_STATUS:
		if (p->group_id != 0 && r != NULL) {
			pr_toggle_status(ui, r->id);
			pr_reload(ui, s);
		}
		return p->group_id != 0;
	default:
		return false;
	}
}

static void
pr_free(struct screen *s)
{
	struct pr_list *p = s->data;

	if (p == NULL)
		return;
	vlist_clear(&p->list);
	pr_rows_clear(p);
	free(p->group_name);
	free(p->theme_title);
	free(p);
}

#define PR_OPS(hint_list, hint_fn) { \
	.name = N_("Products"), \
	.enter = pr_enter, \
	.draw = pr_draw, \
	.on_key = pr_on_key, \
	.on_action = pr_on_action, \
	.hints = hint_list, \
	.hint_text = hint_fn, \
	.free = pr_free, \
}
static const struct screen_ops pr_network_ops = PR_OPS(pr_hints_network, NULL);
static const struct screen_ops pr_group_edit_ops = PR_OPS(pr_hints_group_edit,
    pr_list_hint_text);
static const struct screen_ops pr_group_read_ops = PR_OPS(pr_hints_group_read, NULL);
#undef PR_OPS

void
scr_products_push(struct ui *ui, int64_t group_id)
{
	struct pr_list *p;
	struct group_detail d;
	char *error = NULL;

	if (actor_is_visitor(ui->app->who)) {
		ui_message(ui, true, "%s", _("Only people known in the network can see its "
		    "products."));
		return;
	}
	p = xcalloc(1, sizeof *p);
	p->ui = ui;
	p->group_id = group_id;
	if (group_id != 0) {
		if (store_group_get(ui->app->st, ui->app->who, group_id, &d, &error) != 1) {
			ui_message(ui, true, "%s", error != NULL ? error :
			    _("That group no longer exists."));
			free(error);
			free(p);
			return;
		}
		p->group_name = xstrdup(d.name);
		store_group_detail_clear(&d);
		screen_push(ui, &pr_group_read_ops, p);
		return;
	}
	vlist_init(&p->list, &pr_vlist_ops, p);
	screen_push(ui, &pr_network_ops, p);
}

/* ---- the group page's section ---- */

struct pr_section {
	struct ui *ui;
	struct widget_lines *l;
};

static int
pr_section_row(const struct product_row *r, void *arg)
{
	struct pr_section *sec = arg;
	char day[DATE_ISO_LEN];

	if (r->published_on != NULL)
		widget_lines_add(sec->l, 2, A_NORMAL, "%s — %s — %s %s", r->title, pr_kind(r->kind),
		    _("published"), widget_day(r->published_on, day));
	else
		widget_lines_add(sec->l, 2, ui_attr(sec->ui, UI_COLOUR_DIM), "%s — %s — %s",
		    r->title, pr_kind(r->kind), _("draft"));
	return 0;
}

void
life_products_section(struct ui *ui, const struct group_detail *d,
    const struct access_ctx *ctx, struct widget_lines *l)
{
	struct pr_section sec = { ui, l };
	char *error = NULL;
	int total = 0, mark;

	(void)ctx;
	if (d == NULL || actor_is_visitor(ui->app->who))
		return;
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	mark = l->n;
	widget_lines_add(l, 1, A_BOLD, "%s", _("Products"));
	if (store_group_products(ui->app->st, ui->app->who, d->id, PR_SECTION_ROWS,
	    pr_section_row, &sec, &total, &error) != 0) {
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_ERROR), "%s", error != NULL ? error :
		    _("The products cannot be read."));
		free(error);
		return;
	}
	free(l->v[mark].text);
	l->v[mark].text = xasprintf(_("Products (%d)"), total);
	if (total == 0)
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_DIM), "%s",
		    store_product_may_edit(ui->app->st, ui->app->who, d->id) ?
		    _("No products yet. M opens them; n there adds one.") :
		    _("No published products yet."));
	else if (total > PR_SECTION_ROWS)
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_DIM), "%s",
		    _("M shows them all."));
}

/* ---- the programme of a network-wide meeting ---- */

/* One slot; strings owned. */
struct pg_slot {
	int64_t id, group_id, product_id;
	char *starts_at, *ends_at, *room, *group_name, *product_title, *product_kind, *leads;
	int version;
};

struct pg {
	int64_t meeting_id;
	struct meeting m;
	bool loaded;
	struct pg_slot *slots;
	int n;
};

static void
pg_slots_clear(struct pg *p)
{
	int i;

	for (i = 0; i < p->n; i++) {
		free(p->slots[i].starts_at);
		free(p->slots[i].ends_at);
		free(p->slots[i].room);
		free(p->slots[i].group_name);
		free(p->slots[i].product_title);
		free(p->slots[i].product_kind);
		free(p->slots[i].leads);
	}
	free(p->slots);
	p->slots = NULL;
	p->n = 0;
}

static char *
pg_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static int
pg_take_slot(const struct slot_row *r, void *arg)
{
	struct pg *p = arg;
	struct pg_slot *c;

	p->slots = xreallocarray(p->slots, (size_t)p->n + 1, sizeof *p->slots);
	c = &p->slots[p->n++];
	c->id = r->id;
	c->group_id = r->group_id;
	c->product_id = r->product_id;
	c->starts_at = pg_dup(r->starts_at);
	c->ends_at = pg_dup(r->ends_at);
	c->room = pg_dup(r->room);
	c->group_name = pg_dup(r->group_name);
	c->product_title = pg_dup(r->product_title);
	c->product_kind = pg_dup(r->product_kind);
	c->leads = pg_dup(r->leads);
	c->version = r->version;
	return 0;
}

/* Load the slots; 0, or -1 with a message in *error. */
static int
pg_load(struct ui *ui, struct pg *p, char **error)
{
	pg_slots_clear(p);
	return store_programme_each(ui->app->st, ui->app->who, p->meeting_id, pg_take_slot, p,
	    error);
}

/* "13:30–14:00  Zaal 1  PLG Rust in de klas — Handreiking (guide)" */
static char *
pg_slot_text(const struct pg_slot *c)
{
	char *product = c->product_title != NULL ? xasprintf(" — %s (%s)", c->product_title,
	    pr_kind(c->product_kind)) : xstrdup("");
	char *text = xasprintf("%.5s–%.5s  %s  %s%s",
	    c->starts_at != NULL && strlen(c->starts_at) >= 16 ? c->starts_at + 11 : "?",
	    c->ends_at != NULL && strlen(c->ends_at) >= 16 ? c->ends_at + 11 : "?",
	    c->room != NULL ? c->room : "—", c->group_name != NULL ? c->group_name : "?",
	    product);

	free(product);
	return text;
}

void
life_programme_section(struct ui *ui, int64_t meeting_id, struct widget_lines *l)
{
	struct pg p;
	char *error = NULL, *text;
	int i;

	memset(&p, 0, sizeof p);
	p.meeting_id = meeting_id;
	if (actor_is_visitor(ui->app->who))
		return;
	if (pg_load(ui, &p, &error) != 0) {
		widget_lines_add(l, 1, ui_attr(ui, UI_COLOUR_ERROR), "%s", error != NULL ? error :
		    _("The programme cannot be read."));
		free(error);
		return;
	}
	if (p.n == 0 && !ui->app->who->coordinator)
		return;
	widget_lines_add(l, 1, A_BOLD, "%s", _("Programme"));
	if (p.n == 0)
		widget_lines_add(l, 3, ui_attr(ui, UI_COLOUR_DIM), "%s",
		    _("No presentations yet; K assigns groups a slot."));
	for (i = 0; i < p.n; i++) {
		text = pg_slot_text(&p.slots[i]);
		widget_lines_add(l, 3, A_NORMAL, "%s", text);
		free(text);
	}
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	pg_slots_clear(&p);
}

/* ---- the programme screen ---- */

static const enum ui_action pg_hints_edit[] = {
	UI_ACTION_NEW, UI_ACTION_EDIT, UI_ACTION_DELETE_ITEM, UI_ACTION_BACK, UI_ACTION_HELP,
	UI_ACTION_NONE
};
static const enum ui_action pg_hints_read[] = {
	UI_ACTION_DOWN, UI_ACTION_UP, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const struct screen_ops pg_edit_ops, pg_read_ops;

static bool
pg_may_edit(struct ui *ui)
{
	return access_allows(ui->app->who, ACCESS_PROGRAMME_EDIT, NULL) &&
	    !store_read_only(ui->app->st);
}

static void
pg_enter(struct ui *ui, struct screen *s)
{
	struct pg *p = s->data;
	char *error = NULL;

	meeting_clear(&p->m);
	p->loaded = store_meeting_get(ui->app->st, ui->app->who, p->meeting_id, &p->m,
	    &error) == 1;
	if (p->loaded && pg_load(ui, p, &error) != 0)
		ui_message(ui, true, "%s", error != NULL ? error : _("The programme cannot be read."));
	else if (!p->loaded)
		ui_message(ui, true, "%s", error != NULL ? error : _("That meeting no longer exists."));
	free(error);
	if (s->selected >= p->n)
		s->selected = p->n > 0 ? p->n - 1 : 0;
	s->ops = pg_may_edit(ui) ? &pg_edit_ops : &pg_read_ops;
	ui->dirty = true;
}

/* Column widths for a width: time, room, group, product, leads. */
static void
pg_columns(int width, int w[5])
{
	w[0] = 11;
	w[1] = 12;
	w[2] = width >= 110 ? 28 : 22;
	w[4] = width >= 110 ? 22 : 0;
	w[3] = width - w[0] - w[1] - w[2] - w[4] - 5;
	if (w[3] < 10) {	/* narrow: time, group and product */
		w[1] = 0;
		w[2] = (width - w[0] - 3) / 2;
		w[3] = width - w[0] - w[2] - 4;
	}
}

static void
pg_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct pg *p = s->data;
	const char *head[5] = { _("Time"), _("Room"), _("Group"), _("Product"), _("Leads") };
	const char *cells[5];
	char day[DATE_ISO_LEN], title[512], when[32], *text;
	int i, attr, w[5];

	if (!p->loaded) {
		widget_text(top, 1, COLS - 2, _("That meeting no longer exists."),
		    ui_attr(ui, UI_COLOUR_DIM));
		return;
	}
	snprintf(title, sizeof title, "%s — %s %02d:%02d–%02d:%02d  %s",
	    p->m.title != NULL ? p->m.title : "", date_format_nl(&p->m.day, day),
	    p->m.start_min / 60, p->m.start_min % 60, p->m.end_min / 60, p->m.end_min % 60,
	    p->m.place != NULL ? p->m.place : "");
	widget_text(top, 1, COLS - 2, title, A_BOLD);
	s->height = height - 2;
	if (p->n == 0)
		widget_text(top + 2, 1, COLS - 2, pg_may_edit(ui) ?
		    _("No presentations yet; press n to give a group a slot.") :
		    _("No presentations yet."), ui_attr(ui, UI_COLOUR_DIM));
	pg_columns(COLS - 1, w);
	widget_cells(top + 1, 1, w, head, 5, A_BOLD);
	for (i = 0; i < s->height && s->top + i < p->n; i++) {
		struct pg_slot *c = &p->slots[s->top + i];

		attr = s->top + i == s->selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
		snprintf(when, sizeof when, "%.5s–%.5s",
		    c->starts_at != NULL && strlen(c->starts_at) >= 16 ? c->starts_at + 11 : "?",
		    c->ends_at != NULL && strlen(c->ends_at) >= 16 ? c->ends_at + 11 : "?");
		text = xstrdup(c->product_title != NULL ? c->product_title : "—");
		cells[0] = when;
		cells[1] = c->room != NULL ? c->room : "—";
		cells[2] = c->group_name != NULL ? c->group_name : "?";
		cells[3] = text;
		cells[4] = c->leads != NULL ? c->leads : "";
		widget_text(top + 2 + i, 0, COLS, "", attr);
		widget_cells(top + 2 + i, 1, w, cells, 5, attr);
		free(text);
	}
}

/* The slot form: the group by name, its product by title, the times, the room. */
struct pg_form {
	int64_t meeting_id, slot_id;	/* slot_id 0: a new one */
	int version;
	struct form_field *group, *product, *start, *end, *room;
};

/* The group typed: 0 with *id, or -1 with an error at the field. */
static int
pg_form_group(struct ui *ui, struct pg_form *pf, int64_t *id)
{
	struct store_lookup found;
	char *error = NULL;
	size_t i, len = 0;
	char list[512] = "";

	memset(&found, 0, sizeof found);
	if (store_group_lookup(ui->app->st, ui->app->who, form_text(pf->group), &found,
	    &error) == 1) {
		*id = found.id;
		store_lookup_clear(&found);
		return 0;
	}
	for (i = 0; i < found.n_candidates && len + 4 < sizeof list; i++) {
		snprintf(list + len, sizeof list - len, "%s%s", i > 0 ? "; " : "",
		    found.candidates[i].name);
		len = strlen(list);
	}
	if (error != NULL)
		form_error(pf->group, "%s", error);
	else if (found.n_candidates > 0)
		form_error(pf->group, _("Which group? %s"), list);
	else
		form_error(pf->group, "%s", _("No group has that name."));
	free(error);
	store_lookup_clear(&found);
	return -1;
}

static int
pg_form_submit(struct ui *ui, struct form *f, void *arg)
{
	struct pg_form *pf = arg;
	struct slot_in in;
	char *error = NULL;
	int ret;

	(void)f;
	memset(&in, 0, sizeof in);
	if (pg_form_group(ui, pf, &in.group_id) != 0)
		return -1;
	if (form_text(pf->product)[0] != '\0' && store_product_lookup(ui->app->st, ui->app->who,
	    in.group_id, form_text(pf->product), &in.product_id, &error) != 1) {
		form_error(pf->product, "%s", error != NULL ? error : "?");
		free(error);
		return -1;
	}
	if (form_time(pf->start, &in.start_min) != 0 || form_time(pf->end, &in.end_min) != 0) {
		form_error(pf->start, "%s", _("Give the start and the end of the slot."));
		return -1;
	}
	in.room = form_text(pf->room);
	if (pf->slot_id == 0)
		ret = store_slot_add(ui->app->st, ui->app->who, pf->meeting_id, &in, NULL, &error);
	else
		ret = store_slot_update(ui->app->st, ui->app->who, pf->slot_id, pf->version, &in,
		    &error);
	if (ret == STORE_INVALID) {
		form_error(pf->start, "%s", error != NULL ? error : "?");
		free(error);
		return -1;
	}
	if (ret < 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("The change was not saved."));
		free(error);
		return ret == STORE_ERROR ? -1 : 0;
	}
	ui_message(ui, false, "%s", _("The programme is saved."));
	return 0;
}

static void
pg_form_open(struct ui *ui, struct pg *p, const struct pg_slot *c)
{
	struct pg_form *pf;
	struct form *f;
	char t[8];

	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be "
		    "changed."));
		return;
	}
	if (!access_allows(ui->app->who, ACCESS_PROGRAMME_EDIT, NULL)) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_PROGRAMME_EDIT)));
		return;
	}
	pf = xcalloc(1, sizeof *pf);
	f = form_new();
	pf->meeting_id = p->meeting_id;
	pf->group = form_add(f, FORM_LINE, _("Group (its name)"), true);
	pf->group->max_chars = VALIDATE_TITLE_MAX;
	pf->product = form_add(f, FORM_LINE, _("Product (title or its start; empty: none)"),
	    false);
	pf->product->max_chars = VALIDATE_TITLE_MAX;
	pf->start = form_add(f, FORM_TIME, _("Start"), true);
	pf->end = form_add(f, FORM_TIME, _("End"), true);
	pf->room = form_add(f, FORM_LINE, _("Room"), false);
	pf->room->max_chars = 100;
	if (c != NULL) {
		pf->slot_id = c->id;
		pf->version = c->version;
		form_set_text(pf->group, c->group_name);
		form_set_text(pf->product, c->product_title);
		snprintf(t, sizeof t, "%.5s", c->starts_at != NULL && strlen(c->starts_at) >= 16 ?
		    c->starts_at + 11 : "");
		form_set_text(pf->start, t);
		snprintf(t, sizeof t, "%.5s", c->ends_at != NULL && strlen(c->ends_at) >= 16 ?
		    c->ends_at + 11 : "");
		form_set_text(pf->end, t);
		form_set_text(pf->room, c->room);
	}
	scr_form_push(ui, c != NULL ? N_("Change a slot") : N_("Assign a slot"), f, pg_form_submit,
	    pf, free);
}

/* -: take the selected slot out of the programme. */
static void
pg_remove(struct ui *ui, struct screen *s)
{
	struct pg *p = s->data;
	const struct pg_slot *c = s->selected >= 0 && s->selected < p->n ?
	    &p->slots[s->selected] : NULL;
	char *error = NULL, *name;

	if (c == NULL)
		return;
	if (!pg_may_edit(ui)) {
		ui_message(ui, true, "%s", store_read_only(ui->app->st) ?
		    _("The database is open read-only; nothing can be changed.") :
		    _(access_reason(ACCESS_PROGRAMME_EDIT)));
		return;
	}
	name = xstrdup(c->group_name != NULL ? c->group_name : "?");
	if (store_slot_remove(ui->app->st, ui->app->who, c->id, c->version, &error) < 0)
		ui_message(ui, true, "%s", error != NULL ? error : _("The change was not saved."));
	else
		ui_message(ui, false, _("%s no longer presents."), name);
	free(name);
	free(error);
	pg_enter(ui, s);
}

static bool
pg_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct pg *p = s->data;

	if (widget_list_move(s, a, p->n))
		return true;
	switch (a) {
	case UI_ACTION_NEW:
		if (p->loaded)
			pg_form_open(ui, p, NULL);
		return true;
	case UI_ACTION_EDIT:
	case UI_ACTION_OPEN:
		if (p->loaded && s->selected >= 0 && s->selected < p->n)
			pg_form_open(ui, p, &p->slots[s->selected]);
		return true;
	case UI_ACTION_DELETE_ITEM:
		pg_remove(ui, s);
		return true;
	default:
		return false;
	}
}

static void
pg_free(struct screen *s)
{
	struct pg *p = s->data;

	if (p == NULL)
		return;
	pg_slots_clear(p);
	meeting_clear(&p->m);
	free(p);
}

#define PG_OPS(hint_list) { \
	.name = N_("Programme"), \
	.enter = pg_enter, \
	.draw = pg_draw, \
	.on_action = pg_on_action, \
	.hints = hint_list, \
	.free = pg_free, \
}
static const struct screen_ops pg_edit_ops = PG_OPS(pg_hints_edit);
static const struct screen_ops pg_read_ops = PG_OPS(pg_hints_read);
#undef PG_OPS

void
scr_programme_push(struct ui *ui, int64_t meeting_id)
{
	struct pg *p;

	if (actor_is_visitor(ui->app->who)) {
		ui_message(ui, true, "%s", _("Only people known in the network can see the "
		    "programme."));
		return;
	}
	p = xcalloc(1, sizeof *p);
	p->meeting_id = meeting_id;
	screen_push(ui, &pg_read_ops, p);
}

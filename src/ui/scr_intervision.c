/*
 * scr_intervision.c — the Intervision screen: sessions, agreements, search.
 *
 * Shows one of three lists. The sessions of my groups, newest first: date,
 * group, method, contributor, open agreements, status (draft, final, or —
 * when there is no note yet and I may write it); coordinators toggle every
 * group's sessions (m). My follow-up agreements (f), by due date: due, what,
 * group, session; overdue ones marked. While a search is typed (/): the
 * sections of notes I may read that match, each with date, group, phase and
 * the words found highlighted in their context.
 * Widgets: search field, a list with a cursor (rows in memory, at most
 * IV_LIMIT), hint bar.
 * Actions: open (Enter: the note; for a session without one that I may
 * write, the note's page with the start form over it), filter (f: sessions ↔
 * my agreements), search (/), mine (m: coordinators, all groups or mine),
 * list movement.
 * Store: store_note_sessions, store_agreements_mine, store_note_search — on
 * enter, on a switch, and per keystroke of the search. The store leaves out
 * what I may not read.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/xmalloc.h"
#include "ui/widgets.h"

#define IV_LIMIT 500		/* rows fetched for a list */
#define IV_HITS 100		/* search hits */
#define IV_CELLS 6

enum iv_mode {
	IV_SESSIONS,
	IV_AGREEMENTS,
	IV_SEARCH		/* while the search field holds text */
};

/* One row of any of the lists: its cells as shown, owned. */
struct iv_row {
	int64_t meeting_id;
	bool start;		/* a session without a note that I may write */
	bool overdue;		/* an agreement past its due date */
	char *cells[IV_CELLS];
};

struct iv {
	enum iv_mode mode;	/* IV_SESSIONS or IV_AGREEMENTS; search overrides */
	bool all;		/* coordinators: every group's sessions */
	struct widget_search search;
	struct iv_row *rows;
	int n, cap;
	bool loaded;
};

static const enum ui_action iv_hints[] = {
	UI_ACTION_OPEN, UI_ACTION_FILTER, UI_ACTION_SEARCH, UI_ACTION_BACK, UI_ACTION_HELP,
	UI_ACTION_NONE
};
static const enum ui_action iv_hints_coordinator[] = {
	UI_ACTION_OPEN, UI_ACTION_FILTER, UI_ACTION_SEARCH, UI_ACTION_MINE, UI_ACTION_BACK,
	UI_ACTION_HELP, UI_ACTION_NONE
};

static enum iv_mode
iv_mode(const struct iv *v)
{
	return v->search.text[0] != '\0' ? IV_SEARCH : v->mode;
}

static void
iv_rows_clear(struct iv *v)
{
	int i, c;

	for (i = 0; i < v->n; i++) {
		for (c = 0; c < IV_CELLS; c++)
			free(v->rows[i].cells[c]);
	}
	free(v->rows);
	v->rows = NULL;
	v->n = v->cap = 0;
}

static struct iv_row *
iv_row_new(struct iv *v, int64_t meeting_id)
{
	struct iv_row *r;

	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 32;
		v->rows = xreallocarray(v->rows, (size_t)v->cap, sizeof *v->rows);
	}
	r = &v->rows[v->n++];
	memset(r, 0, sizeof *r);
	r->meeting_id = meeting_id;
	return r;
}

/* "28-10-2026" from "2026-10-28…" (owned); "" when there is none. */
static char *
iv_day(const char *iso)
{
	char only[DATE_ISO_LEN], buf[DATE_ISO_LEN];
	struct date d;

	if (iso == NULL)
		return xstrdup("");
	snprintf(only, sizeof only, "%.10s", iso);
	if (date_parse_iso(only, &d) != 0)
		return xstrdup(iso);
	return xstrdup(date_format_nl(&d, buf));
}

static char *
iv_dup(const char *s)
{
	return xstrdup(s != NULL ? s : "");
}

/* ---- fetching ---- */

struct iv_fetch {
	struct ui *ui;
	struct iv *v;
};

static int
iv_take_session(const struct note_session_row *r, void *arg)
{
	struct iv_fetch *f = arg;
	struct iv_row *row = iv_row_new(f->v, r->meeting_id);
	const struct config_method *m = config_method(f->ui->app->cfg, r->method);

	row->start = r->note_id == 0 && r->may_write;
	row->cells[0] = iv_day(r->starts_at);
	row->cells[1] = iv_dup(r->group_name);
	row->cells[2] = iv_dup(m != NULL ? m->label : r->method != NULL ? r->method : "—");
	row->cells[3] = iv_dup(r->contributor != NULL ? r->contributor : "—");
	row->cells[4] = r->note_id != 0 ? xasprintf("%d", r->open_agreements) : xstrdup("");
	row->cells[5] = iv_dup(r->status == NULL ? "—" : strcmp(r->status, "draft") == 0 ?
	    _("draft") : strcmp(r->status, "final") == 0 ? _("final") : r->status);
	return 0;
}

static int
iv_take_agreement(const struct my_agreement_row *r, void *arg)
{
	struct iv_fetch *f = arg;
	struct iv_row *row = iv_row_new(f->v, r->meeting_id);

	row->overdue = r->overdue;
	row->cells[0] = r->due_on != NULL ? iv_day(r->due_on) : xstrdup("—");
	row->cells[1] = iv_dup(r->what != NULL ? r->what : _("not visible to you"));
	row->cells[2] = iv_dup(r->group_name);
	row->cells[3] = iv_day(r->session_day);
	row->cells[4] = iv_dup(r->overdue ? _("overdue") : "");
	return 0;
}

static int
iv_take_hit(const struct note_hit *h, void *arg)
{
	struct iv_fetch *f = arg;
	struct iv_row *row = iv_row_new(f->v, h->meeting_id);
	char *p;

	row->cells[0] = iv_day(h->starts_at);
	row->cells[1] = iv_dup(h->group_name);
	row->cells[2] = iv_dup(h->phase);
	row->cells[3] = iv_dup(h->snippet);
	for (p = row->cells[3]; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	}
	return 0;
}

/* Fetch the list shown; the cursor stays on its row number. */
static void
iv_load(struct ui *ui, struct screen *s)
{
	struct iv *v = s->data;
	struct iv_fetch f = { ui, v };
	struct date today = date_today();
	struct app *app = ui->app;
	char *error = NULL;
	int ret = 0;

	iv_rows_clear(v);
	switch (iv_mode(v)) {
	case IV_SESSIONS:
		ret = store_note_sessions(app->st, app->who, v->all, &today, IV_LIMIT,
		    iv_take_session, &f, &error);
		break;
	case IV_AGREEMENTS:
		ret = store_agreements_mine(app->st, app->who, &today, iv_take_agreement, &f,
		    &error);
		break;
	case IV_SEARCH:
		ret = store_note_search(app->st, app->who, v->search.text, IV_HITS, iv_take_hit,
		    &f, &error);
		break;
	}
	if (ret < 0)
		ui_message(ui, true, "%s", error != NULL ? error : _("The notes cannot be read."));
	free(error);
	v->loaded = true;
	if (s->selected >= v->n)
		s->selected = v->n > 0 ? v->n - 1 : 0;
	if (s->top > s->selected)
		s->top = s->selected;
	ui->dirty = true;
}

/* ---- drawing ---- */

/* Column widths per mode (the text column takes what is left). */
static void
iv_columns(enum iv_mode mode, int width, int w[IV_CELLS])
{
	memset(w, 0, sizeof(int) * IV_CELLS);
	switch (mode) {
	case IV_SESSIONS:
		w[0] = 10;
		w[2] = width >= 100 ? 18 : 14;
		w[3] = width >= 100 ? 22 : 16;
		w[4] = 5;
		w[5] = 9;
		w[1] = width - w[0] - w[2] - w[3] - w[4] - w[5] - 8;
		break;
	case IV_AGREEMENTS:
		w[0] = 10;
		w[2] = width >= 100 ? 24 : 16;
		w[3] = 10;
		w[4] = 9;
		w[1] = width - w[0] - w[2] - w[3] - w[4] - 7;
		break;
	case IV_SEARCH:
		w[0] = 10;
		w[1] = width >= 100 ? 22 : 14;
		w[2] = width >= 100 ? 20 : 14;
		w[3] = width - w[0] - w[1] - w[2] - 5;
		break;
	}
}

/* Cells in display order per mode: indexes into iv_row.cells. */
static const int iv_order[][IV_CELLS] = {
	[IV_SESSIONS] = { 0, 1, 2, 3, 4, 5 },
	[IV_AGREEMENTS] = { 0, 1, 2, 3, 4, -1 },
	[IV_SEARCH] = { 0, 1, 2, 3, -1, -1 },
};

static void
iv_draw_heads(enum iv_mode mode, int y)
{
	static const char *const heads[][IV_CELLS] = {
		[IV_SESSIONS] = { N_("Date"), N_("Group"), N_("Method"), N_("Contributor"),
			N_("Open"), N_("Status") },
		[IV_AGREEMENTS] = { N_("Due"), N_("What"), N_("Group"), N_("Session"), "", "" },
		[IV_SEARCH] = { N_("Date"), N_("Group"), N_("Phase"), N_("Found"), "", "" },
	};
	int w[IV_CELLS], x = 1, c;

	iv_columns(mode, COLS - 1, w);
	for (c = 0; c < IV_CELLS; c++) {
		if (w[c] <= 0)
			continue;
		widget_text(y, x, w[c], heads[mode][c][0] != '\0' ? _(heads[mode][c]) : "", A_BOLD);
		x += w[c] + 1;
	}
}

/*
 * Draw a snippet whose found words stand between [ and ]: the marks are left
 * out and the words drawn with mark_attr, all within width columns.
 */
static void
iv_draw_marked(int y, int x, int width, const char *s, int attr, int mark_attr)
{
	int end = x + width, used;
	bool marked = false;
	char *piece;
	size_t n;

	while (*s != '\0' && x < end) {
		n = strcspn(s, "[]");
		if (n > 0) {
			piece = xstrndup(s, n);
			used = text_width(piece);
			widget_text(y, x, used < end - x ? used : end - x, piece,
			    marked ? mark_attr : attr);
			x += used;
			free(piece);
			s += n;
		}
		if (*s == '[' || *s == ']')
			marked = *s++ == '[';
	}
	if (x < end)
		widget_text(y, x, end - x, "", attr);
}

static void
iv_draw_row(struct ui *ui, const struct iv_row *r, enum iv_mode mode, int y, bool selected)
{
	int attr = selected ? ui_attr(ui, UI_COLOUR_SELECTED) :
	    r->overdue ? ui_attr(ui, UI_COLOUR_ERROR) | (int)A_BOLD : (int)A_NORMAL;
	int w[IV_CELLS], x = 1, c, i;

	iv_columns(mode, COLS - 1, w);
	widget_text(y, 0, COLS, "", attr);
	for (c = 0; c < IV_CELLS; c++) {
		if (w[c] <= 0 || (i = iv_order[mode][c]) < 0)
			continue;
		if (mode == IV_SEARCH && c == 3)
			iv_draw_marked(y, x, w[c], r->cells[i], attr,
			    selected ? attr | (int)A_UNDERLINE : ui_attr(ui, UI_COLOUR_HINT_KEY) | (int)A_BOLD);
		else
			widget_text(y, x, w[c], r->cells[i], attr);
		x += w[c] + 1;
	}
}

static const char *
iv_title(const struct iv *v)
{
	switch (iv_mode(v)) {
	case IV_SESSIONS:
		return v->all ? _("Sessions of all groups") : _("Sessions of my groups");
	case IV_AGREEMENTS:
		return _("My follow-up agreements");
	case IV_SEARCH:
		break;
	}
	return _("Found in the notes you may read");
}

static const char *
iv_empty(const struct iv *v)
{
	switch (iv_mode(v)) {
	case IV_SESSIONS:
		return _("No intervision sessions yet.");
	case IV_AGREEMENTS:
		return _("You have no open follow-up agreements.");
	case IV_SEARCH:
		break;
	}
	return _("Nothing found.");
}

static void
iv_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct iv *v = s->data;
	enum iv_mode mode = iv_mode(v);
	int i, rows = height - 2;

	widget_search_draw(ui, &v->search, top, 1, COLS / 3);
	widget_text(top, COLS / 3 + 2, COLS - COLS / 3 - 3, iv_title(v), A_BOLD);
	iv_draw_heads(mode, top + 1);
	s->height = rows > 0 ? rows : 1;
	if (s->selected >= s->top + s->height)
		s->top = s->selected - s->height + 1;
	if (v->loaded && v->n == 0)
		widget_text(top + 2, 1, COLS - 2, iv_empty(v), ui_attr(ui, UI_COLOUR_DIM));
	for (i = 0; i < s->height && s->top + i < v->n; i++)
		iv_draw_row(ui, &v->rows[s->top + i], mode, top + 2 + i, s->top + i == s->selected);
}

/* ---- actions ---- */

static void
iv_open(struct ui *ui, struct screen *s)
{
	struct iv *v = s->data;
	const struct iv_row *r;
	int64_t meeting_id;
	bool start;

	if (s->selected < 0 || s->selected >= v->n)
		return;
	r = &v->rows[s->selected];
	meeting_id = r->meeting_id;
	start = iv_mode(v) == IV_SESSIONS && r->start;
	scr_note_push(ui, meeting_id);
	if (start)
		scr_note_start(ui, meeting_id);
}

/* Another list: the cursor starts at its top. */
static void
iv_switch(struct ui *ui, struct screen *s)
{
	s->selected = 0;
	s->top = 0;
	iv_load(ui, s);
}

static bool
iv_on_key(struct ui *ui, struct screen *s, int code)
{
	struct iv *v = s->data;
	bool changed;

	if (!widget_search_key(&v->search, code, &changed))
		return false;
	if (changed)
		iv_switch(ui, s);
	return true;
}

static bool
iv_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct iv *v = s->data;

	if (widget_list_move(s, a, v->n))
		return true;
	switch (a) {
	case UI_ACTION_OPEN:
		iv_open(ui, s);
		return true;
	case UI_ACTION_SEARCH:
		v->search.active = true;
		return true;
	case UI_ACTION_FILTER:
		v->mode = v->mode == IV_SESSIONS ? IV_AGREEMENTS : IV_SESSIONS;
		v->search.text[0] = '\0';
		iv_switch(ui, s);
		return true;
	case UI_ACTION_MINE:
		if (!ui->app->who->coordinator) {
			ui_message(ui, true, "%s", _("Only coordinators see the sessions of every "
			    "group."));
			return true;
		}
		v->all = !v->all;
		v->mode = IV_SESSIONS;
		v->search.text[0] = '\0';
		iv_switch(ui, s);
		return true;
	default:
		return false;
	}
}

static void
iv_free(struct screen *s)
{
	struct iv *v = s->data;

	if (v == NULL)
		return;
	iv_rows_clear(v);
	free(v);
}

/* The same screen twice: the hint bar offers coordinators m. */
#define IV_OPS(hint_list) { \
	.name = N_("Intervision"), \
	.enter = iv_load, \
	.draw = iv_draw, \
	.on_key = iv_on_key, \
	.on_action = iv_on_action, \
	.hints = hint_list, \
	.free = iv_free, \
}
static const struct screen_ops iv_ops = IV_OPS(iv_hints);
static const struct screen_ops iv_ops_coordinator = IV_OPS(iv_hints_coordinator);

void
scr_intervision_push(struct ui *ui)
{
	screen_push(ui, ui->app->who->coordinator ? &iv_ops_coordinator : &iv_ops,
	    xcalloc(1, sizeof(struct iv)));
}

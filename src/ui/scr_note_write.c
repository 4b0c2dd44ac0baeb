/*
 * scr_note_write.c — writing an intervision note: start, write, finish.
 *
 * Starting (scr_note_start) is a form: the method (from the config) and the
 * roles of the session — contributor, chair, minute-taker — from the people
 * on the group's roster on the meeting's date. It makes the draft; when you
 * have a draft of this note already, that one is offered instead.
 * The writing screen shows the head of the session, then three parts with
 * a cursor over their rows: the look-back (the open agreements of the
 * group's earlier sessions: Enter marks one done, continued or dropped, with
 * a remark), the phases of the method (Enter writes one in the full-screen
 * editor, P changes who reads it: the group, only the author, only the
 * contributor), and the agreements this session makes (n adds one: what,
 * owner, due date; - removes one). D finishes: next contributor and chair,
 * and the note is final; the writing screen then leaves for the note's page.
 * Nothing typed waits for a save key: the editor hands its text to the store
 * every few seconds and on leaving, every form saves on F2, so leaving (or a
 * lost connection) and coming back continues the draft.
 * Widgets: text view with a cursor over the rows, forms, the editor.
 * Store: store_note_get and store_note_lookback on enter; store_roster_each
 * for the forms; store_note_start, store_note_section_save (autosave),
 * store_note_review, store_note_agreement_add/remove, store_note_finish.
 */
#include "autoconf.h"

#include <curses.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xmalloc.h"
#include "ui/form.h"
#include "ui/keys.h"
#include "ui/widgets.h"

#define WRITE_MAX_CHARS 100000	/* the store's cap on a section */

/* ---- people on the roster on the meeting's date ---- */

struct write_person {
	int64_t id;
	char *name;
};

struct write_roster {
	struct write_person *v;
	size_t n, cap;
};

static int
write_take_person(const struct roster_row *r, void *arg)
{
	struct write_roster *l = arg;
	size_t i;

	if (r->erased || r->role == NULL || strcmp(r->role, "follower") == 0)
		return 0;
	for (i = 0; i < l->n; i++) {
		if (l->v[i].id == r->person_id)
			return 0;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n].id = r->person_id;
	l->v[l->n].name = xstrdup(r->name != NULL ? r->name : "?");
	l->n++;
	return 0;
}

/* The members of group_id on the day of starts_at ("YYYY-MM-DD…"), followers left out. */
static void
write_roster_load(struct ui *ui, int64_t group_id, const char *starts_at,
    struct write_roster *l)
{
	char day[DATE_ISO_LEN], *error = NULL;
	struct date on;

	snprintf(day, sizeof day, "%.10s", starts_at != NULL ? starts_at : "");
	if (date_parse_iso(day, &on) != 0)
		on = date_today();
	if (store_roster_each(ui->app->st, ui->app->who, group_id, &on, ROSTER_AT,
	    write_take_person, l, &error) < 0)
		ui_message(ui, true, "%s", error != NULL ? error : _("The roster cannot be read."));
	free(error);
}

static void
write_roster_clear(struct write_roster *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/*
 * A choice of a person of the roster, on selected (0 = none); with
 * none_label first when not NULL (choosing it gives 0).
 */
static struct form_field *
write_choose_person(struct form *f, const char *label, const struct write_roster *l,
    int64_t selected, const char *none_label)
{
	struct form_field *fld = form_add(f, FORM_CHOICE, label, none_label == NULL);
	char key[32];
	size_t i;

	if (none_label != NULL)
		form_add_item(fld, "0", none_label, false);
	for (i = 0; i < l->n; i++) {
		snprintf(key, sizeof key, "%" PRId64, l->v[i].id);
		form_add_item(fld, key, l->v[i].name, false);
		if (l->v[i].id == selected)
			fld->choice = (int)fld->n_items - 1;
	}
	return fld;
}

/* The person chosen in a write_choose_person field; 0 = none. */
static int64_t
write_chosen(const struct form_field *fld)
{
	const char *key = form_choice(fld);

	return key != NULL ? strtoll(key, NULL, 10) : 0;
}

/* ---- small words ---- */

static const char *
write_name(const char *name)
{
	return name != NULL ? name : "—";
}

static const char *
write_method_label(struct ui *ui, const char *key)
{
	const struct config_method *m = config_method(ui->app->cfg, key);

	return m != NULL ? m->label : key != NULL ? key : "—";
}

/* Who reads a section, as shown on its row. */
static const char *
write_privacy_label(enum note_privacy p)
{
	switch (p) {
	case NOTE_PRIVACY_AUTHOR:
		return _("private: author");
	case NOTE_PRIVACY_CONTRIBUTOR:
		return _("private: contributor");
	case NOTE_PRIVACY_GROUP:
		break;
	}
	return _("group");
}

static const char *const write_review_words[][2] = {
	{ "done", N_("done") }, { "continued", N_("continued") },
	{ "dropped", N_("dropped") }, { "open", NC_("status", "open") },
};
#define WRITE_REVIEW_N (sizeof write_review_words / sizeof write_review_words[0])

static const char *
write_status_label(const char *status)
{
	size_t i;

	for (i = 0; status != NULL && i < WRITE_REVIEW_N; i++) {
		if (strcmp(status, write_review_words[i][0]) == 0)
			return i18n_ctx(write_review_words[i][1]);
	}
	return status != NULL ? status : "";
}

/* Say what the store refused; free error. */
static void
write_refused(struct ui *ui, char *error, const char *fallback)
{
	ui_message(ui, true, "%s", error != NULL ? error : fallback);
	free(error);
}

/* ---- the writing screen: data ---- */

enum write_kind {
	WRITE_LOOKBACK,		/* an agreement of an earlier session */
	WRITE_SECTION,		/* a phase of the method */
	WRITE_AGREEMENT		/* an agreement this session makes */
};

struct write_item {
	enum write_kind kind;
	size_t index;		/* into back, v.sections or v.agreements */
	int line;		/* its line on the page, at the last draw */
};

struct write_page {
	int64_t meeting_id;
	struct note_view v;
	bool loaded;
	bool finished;		/* finished here: leave for the note's page */
	struct agreement_view *back;	/* the look-back, owned */
	size_t n_back, cap_back;
	struct write_item *items;
	int n_items;
	int sel;		/* index into items */
	int64_t keep_id;	/* select this row after the next load (0 = by position) */
	enum write_kind keep_kind;
	int top, total, height;
};

static const enum ui_action write_hints[] = {
	UI_ACTION_OPEN, UI_ACTION_PRIVACY, UI_ACTION_NEW, UI_ACTION_DELETE_ITEM,
	UI_ACTION_FINISH, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

static void
write_agreement_clear(struct agreement_view *a)
{
	free(a->what);
	free(a->owner);
	free(a->status);
	free(a->remark);
	free(a->due_on);
	free(a->session_day);
}

static void
write_back_clear(struct write_page *w)
{
	size_t i;

	for (i = 0; i < w->n_back; i++)
		write_agreement_clear(&w->back[i]);
	free(w->back);
	w->back = NULL;
	w->n_back = w->cap_back = 0;
}

static char *
write_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static int
write_take_back(const struct agreement_view *a, void *arg)
{
	struct write_page *w = arg;
	struct agreement_view *c;

	if (w->n_back == w->cap_back) {
		w->cap_back = w->cap_back ? w->cap_back * 2 : 8;
		w->back = xreallocarray(w->back, w->cap_back, sizeof *w->back);
	}
	c = &w->back[w->n_back++];
	*c = *a;
	c->what = write_dup(a->what);
	c->owner = write_dup(a->owner);
	c->status = write_dup(a->status);
	c->remark = write_dup(a->remark);
	c->due_on = write_dup(a->due_on);
	c->session_day = write_dup(a->session_day);
	return 0;
}

static int64_t
write_item_id(const struct write_page *w, const struct write_item *it)
{
	switch (it->kind) {
	case WRITE_LOOKBACK:
		return w->back[it->index].id;
	case WRITE_SECTION:
		return w->v.sections[it->index].id;
	case WRITE_AGREEMENT:
		break;
	}
	return w->v.agreements[it->index].id;
}

static void
write_item_add(struct write_page *w, enum write_kind kind, size_t index)
{
	w->items[w->n_items].kind = kind;
	w->items[w->n_items].index = index;
	w->items[w->n_items].line = 0;
	w->n_items++;
}

/* The rows of the three parts, the cursor back on the row it was on. */
static void
write_items_build(struct write_page *w)
{
	size_t i, n = w->n_back + w->v.n_sections + w->v.n_agreements;
	int old = w->sel;

	free(w->items);
	w->items = xreallocarray(NULL, n > 0 ? n : 1, sizeof *w->items);
	w->n_items = 0;
	for (i = 0; i < w->n_back; i++)
		write_item_add(w, WRITE_LOOKBACK, i);
	for (i = 0; i < w->v.n_sections; i++)
		write_item_add(w, WRITE_SECTION, i);
	for (i = 0; i < w->v.n_agreements; i++)
		write_item_add(w, WRITE_AGREEMENT, i);
	w->sel = -1;
	for (i = 0; w->keep_id != 0 && i < (size_t)w->n_items; i++) {
		if (w->items[i].kind == w->keep_kind && write_item_id(w, &w->items[i]) == w->keep_id)
			w->sel = (int)i;
	}
	if (w->sel < 0)
		w->sel = old < 0 ? 0 : old < w->n_items ? old : w->n_items - 1;
	w->keep_id = 0;
}

static const struct write_item *
write_selected(const struct write_page *w)
{
	return w->sel >= 0 && w->sel < w->n_items ? &w->items[w->sel] : NULL;
}

/* Fetch the draft and the look-back; after D, leave for the note's page. */
static void
write_enter(struct ui *ui, struct screen *s)
{
	struct write_page *w = s->data;
	const struct write_item *it = write_selected(w);
	char *error = NULL;
	int ret;

	if (w->finished) {
		screen_pop(ui);	/* frees w: touch nothing after this */
		return;
	}
	if (it != NULL && w->keep_id == 0) {
		w->keep_kind = it->kind;
		w->keep_id = write_item_id(w, it);
	}
	store_note_view_clear(&w->v);
	write_back_clear(w);
	ret = store_note_get(ui->app->st, ui->app->who, w->meeting_id, &w->v, &error);
	w->loaded = ret == 1;
	if (ret != 1) {
		write_refused(ui, error, _("This meeting has no note yet."));
	} else if (store_note_lookback(ui->app->st, ui->app->who, w->v.note_id, write_take_back,
	    w, &error) != 0) {
		write_refused(ui, error, _("The look-back cannot be read."));
	} else if (!w->v.may_write) {
		ui_message(ui, true, "%s", strcmp(w->v.status, "final") == 0 ?
		    _("This note is final; it can no longer change.") :
		    _("Only the one who writes this note can change it."));
	}
	write_items_build(w);
}

/* ---- the writing screen: drawing ---- */

/* s fitted and padded to width columns, and a space, appended to buf (as far as it holds). */
static void
write_cell(char *buf, size_t size, const char *s, int width)
{
	size_t used = strlen(buf);

	if (width <= 0 || used + 2 >= size)
		return;
	text_fit(s != NULL ? s : "", width, 1, buf + used, size - used - 1);
	used = strlen(buf);
	buf[used] = ' ';
	buf[used + 1] = '\0';
}

/* The first line of a text, flattened, into an owned string. */
static char *
write_preview(const char *body)
{
	char *p, *s;

	if (body == NULL)
		return xstrdup(_("not visible to you"));
	if (body[0] == '\0')
		return xstrdup(_("(empty)"));
	s = xstrdup(body);
	for (p = s; *p != '\0'; p++) {
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
	}
	return s;
}

static void
write_line_item(struct write_page *w, struct widget_lines *l, int item, int attr,
    const char *text)
{
	w->items[item].line = l->n;
	widget_lines_add(l, 2, item == w->sel ? attr : (int)A_NORMAL, "%s", text);
}

static void
write_build_lookback(struct ui *ui, struct write_page *w, struct widget_lines *l, int *item)
{
	int width = l->width - 2, due_w = width >= 100 ? 30 : 15;
	int what = width - 11 - 19 - due_w - 3;
	char line[1024], due[DATE_ISO_LEN], day[DATE_ISO_LEN], *more;
	size_t i;

	widget_lines_add(l, 1, A_BOLD, "%s", _("Look-back: agreements of earlier sessions"));
	if (w->n_back == 0)
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_DIM), "%s",
		    _("No open agreements of earlier sessions."));
	for (i = 0; i < w->n_back; i++, (*item)++) {
		const struct agreement_view *a = &w->back[i];

		line[0] = '\0';
		write_cell(line, sizeof line, write_status_label(a->status), 11);
		more = xasprintf("%s%s%s", a->what, a->remark != NULL && a->remark[0] != '\0' ?
		    " — " : "", a->remark != NULL ? a->remark : "");
		write_cell(line, sizeof line, more, what > 10 ? what : 10);
		free(more);
		write_cell(line, sizeof line, write_name(a->owner), 19);
		if (a->due_on == NULL)
			more = xstrdup(_("no due date"));
		else if (due_w >= 30)
			more = xasprintf(_("due %s (of %s)"), widget_day(a->due_on, due),
			    widget_day(a->session_day, day));
		else
			more = xasprintf(_("due %s"), widget_day(a->due_on, due));
		write_cell(line, sizeof line, more, due_w);
		free(more);
		write_line_item(w, l, *item, ui_attr(ui, UI_COLOUR_SELECTED), line);
	}
}

static void
write_build_sections(struct ui *ui, struct write_page *w, struct widget_lines *l, int *item)
{
	int width = l->width - 2, phase = width >= 100 ? 32 : 24, privacy = 22;
	char line[1024], *head, *text;
	size_t i;

	widget_lines_add(l, 1, A_BOLD, _("Phases of %s"), write_method_label(ui, w->v.method));
	for (i = 0; i < w->v.n_sections; i++, (*item)++) {
		const struct note_section_view *sec = &w->v.sections[i];

		line[0] = '\0';
		head = xasprintf("%d. %s", sec->position, sec->phase != NULL ? sec->phase : "");
		write_cell(line, sizeof line, head, phase);
		free(head);
		write_cell(line, sizeof line, write_privacy_label(sec->privacy), privacy);
		text = write_preview(sec->body);
		write_cell(line, sizeof line, text, width - phase - privacy - 2);
		free(text);
		write_line_item(w, l, *item, ui_attr(ui, UI_COLOUR_SELECTED), line);
	}
}

static void
write_build_agreements(struct ui *ui, struct write_page *w, struct widget_lines *l, int *item)
{
	int width = l->width - 2, what = width - 20 - 16;
	char line[1024], due[DATE_ISO_LEN], key[32], *more;
	size_t i;

	widget_lines_add(l, 1, A_BOLD, "%s", _("Agreements of this session"));
	if (w->v.n_agreements == 0) {
		more = xasprintf(_("None yet: %s adds one."),
		    keys_first(UI_ACTION_NEW, key, sizeof key));
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_DIM), "%s", more);
		free(more);
	}
	for (i = 0; i < w->v.n_agreements; i++, (*item)++) {
		const struct agreement_view *a = &w->v.agreements[i];

		line[0] = '\0';
		write_cell(line, sizeof line, a->what, what > 10 ? what : 10);
		write_cell(line, sizeof line, write_name(a->owner), 19);
		more = a->due_on != NULL ? xasprintf(_("due %s"), widget_day(a->due_on, due)) :
		    xstrdup(_("no due date"));
		write_cell(line, sizeof line, more, 15);
		free(more);
		write_line_item(w, l, *item, ui_attr(ui, UI_COLOUR_SELECTED), line);
	}
}

static void
write_build(struct ui *ui, struct write_page *w, struct widget_lines *l)
{
	const struct note_view *v = &w->v;
	char when[32], key[32];
	int item = 0;

	widget_lines_add(l, 1, A_BOLD, "%s", write_name(v->group_name));
	widget_lines_add(l, 1, A_NORMAL, "%s %s   %s %s   %s %s", _("Date:"),
	    widget_when(v->starts_at, when, sizeof when), _("Method:"),
	    write_method_label(ui, v->method), _("Status:"),
	    strcmp(v->status, "draft") == 0 ? _("draft") : _("final"));
	widget_lines_add(l, 1, A_NORMAL, "%s %s   %s %s   %s %s", _("Contributor:"),
	    write_name(v->contributor), _("Chair:"), write_name(v->chair), _("Minute-taker:"),
	    write_name(v->minute_taker));
	widget_lines_add(l, 1, ui_attr(ui, UI_COLOUR_DIM), _("Saved %s; what you type is kept "
	    "as you go."), widget_when(v->updated_at, when, sizeof when));
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	write_build_lookback(ui, w, l, &item);
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	write_build_sections(ui, w, l, &item);
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	write_build_agreements(ui, w, l, &item);
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	widget_lines_add(l, 1, ui_attr(ui, UI_COLOUR_DIM), _("%s finishes the note: the next "
	    "contributor and chair, and it is final."), keys_first(UI_ACTION_FINISH, key,
	    sizeof key));
}

/* Keep the selected row in sight; the head stays when the first row fits under it. */
static void
write_follow(struct write_page *w)
{
	const struct write_item *it = write_selected(w);

	if (it == NULL)
		return;
	if (it->line < w->height && w->sel == 0)
		w->top = 0;
	if (it->line - 1 < w->top)
		w->top = it->line - 1;
	if (it->line >= w->top + w->height)
		w->top = it->line - w->height + 1;
}

static void
write_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct write_page *w = s->data;
	struct widget_lines l;

	if (!w->loaded)
		return;
	memset(&l, 0, sizeof l);
	l.width = COLS - 2;
	write_build(ui, w, &l);
	w->total = l.n;
	w->height = height;
	write_follow(w);
	widget_lines_draw(&l, &w->top, top, height);
	widget_lines_clear(&l);
}

/* ---- writing a section in the editor ---- */

struct write_edit {
	int64_t section_id;
	enum note_privacy privacy;
	char *orig;		/* the text when the editor opened */
};

static void
write_edit_free(void *arg)
{
	struct write_edit *e = arg;

	free(e->orig);
	free(e);
}

/* Every few seconds while the text changes, and on leaving: into the draft. */
static int
write_autosave(struct ui *ui, const char *text, void *arg)
{
	struct write_edit *e = arg;
	char *error = NULL;

	if (store_note_section_save(ui->app->st, ui->app->who, e->section_id, text, e->privacy,
	    &error) == 0)
		return 0;
	write_refused(ui, error, _("The text was not saved."));
	return -1;
}

/* F2 keeps what autosave saved; Esc (confirmed) puts the text back as it was. */
static void
write_edit_done(struct ui *ui, const char *text, bool saved, void *arg)
{
	struct write_edit *e = arg;
	char *error = NULL;

	if (saved || strcmp(text, e->orig) == 0)
		return;
	if (store_note_section_save(ui->app->st, ui->app->who, e->section_id, e->orig,
	    e->privacy, &error) != 0)
		write_refused(ui, error, _("The text was not saved."));
	else
		ui_message(ui, false, "%s", _("The section is as it was."));
}

static void
write_edit_section(struct ui *ui, struct write_page *w, const struct note_section_view *sec)
{
	struct write_edit *e = xcalloc(1, sizeof *e);
	char *hint;

	e->section_id = sec->id;
	e->privacy = sec->privacy;
	e->orig = xstrdup(sec->body != NULL ? sec->body : "");
	hint = xasprintf(_("%d of %d: %s (%s)"), sec->position, (int)w->v.n_sections,
	    sec->phase != NULL ? sec->phase : "", write_privacy_label(sec->privacy));
	scr_editor_push(ui, N_("Intervision note"), hint, e->orig, WRITE_MAX_CHARS,
	    write_autosave, write_edit_done, e, write_edit_free);
	free(hint);
}

/* P: group → author → contributor → group. */
static void
write_privacy(struct ui *ui, struct screen *s, const struct note_section_view *sec)
{
	enum note_privacy next = (enum note_privacy)((sec->privacy + 1) % 3);
	char *error = NULL;

	if (store_note_section_save(ui->app->st, ui->app->who, sec->id,
	    sec->body != NULL ? sec->body : "", next, &error) != 0) {
		write_refused(ui, error, _("The change was not saved."));
		return;
	}
	ui_message(ui, false, "%s — %s", sec->phase != NULL ? sec->phase : "",
	    write_privacy_label(next));
	write_enter(ui, s);
}

/* ---- the look-back: done, continued, dropped ---- */

struct write_review {
	int64_t note_id, agreement_id;
	struct form_field *status, *remark;
};

static int
write_review_submit(struct ui *ui, struct form *f, void *arg)
{
	struct write_review *r = arg;
	char *error = NULL;
	int ret;

	(void)f;
	ret = store_note_review(ui->app->st, ui->app->who, r->note_id, r->agreement_id,
	    form_choice(r->status), form_text(r->remark), &error);
	if (ret == STORE_INVALID) {
		form_error(r->remark, "%s", error != NULL ? error : _("not saved"));
		free(error);
		return -1;
	}
	if (ret != 0) {
		write_refused(ui, error, _("The change was not saved."));
		return ret == STORE_ERROR ? -1 : 0;
	}
	return 0;
}

static void
write_review(struct ui *ui, struct write_page *w, const struct agreement_view *a)
{
	struct write_review *r = xcalloc(1, sizeof *r);
	struct form *f = form_new();
	struct form_field *what;
	size_t i;

	r->note_id = w->v.note_id;
	r->agreement_id = a->id;
	what = form_add(f, FORM_CHOICE, _("Agreement"), false);
	form_add_item(what, "", a->what, false);
	r->status = form_add(f, FORM_CHOICE, _("Status"), true);
	for (i = 0; i < WRITE_REVIEW_N; i++) {
		form_add_item(r->status, write_review_words[i][0], i18n_ctx(write_review_words[i][1]),
		    false);
		if (a->status != NULL && strcmp(a->status, write_review_words[i][0]) == 0 &&
		    strcmp(a->status, "open") != 0)
			r->status->choice = (int)i;
	}
	r->remark = form_add(f, FORM_LINE, _("Remark"), false);
	form_set_text(r->remark, a->remark);
	form_focus(f, r->status);
	scr_form_push(ui, N_("Look back on an agreement"), f, write_review_submit, r, free);
}

/* ---- agreements of this session ---- */

struct write_agreement {
	struct write_page *w;	/* borrowed: stays under the form */
	int64_t note_id;
	struct write_roster roster;
	struct form_field *what, *owner, *due;
};

static void
write_agreement_free(void *arg)
{
	struct write_agreement *a = arg;

	write_roster_clear(&a->roster);
	free(a);
}

static int
write_agreement_submit(struct ui *ui, struct form *f, void *arg)
{
	struct write_agreement *a = arg;
	struct date due;
	char *error = NULL;
	int64_t id = 0;
	int ret;

	(void)f;
	ret = store_note_agreement_add(ui->app->st, ui->app->who, a->note_id, form_text(a->what),
	    write_chosen(a->owner), form_date(a->due, &due) == 0 ? &due : NULL, &id, &error);
	if (ret == STORE_INVALID) {
		form_error(a->what, "%s", error != NULL ? error : _("not saved"));
		free(error);
		return -1;
	}
	if (ret != 0) {
		write_refused(ui, error, _("The agreement was not saved."));
		return ret == STORE_ERROR ? -1 : 0;
	}
	a->w->keep_kind = WRITE_AGREEMENT;
	a->w->keep_id = id;
	ui_message(ui, false, _("Agreement added: %s"), form_text(a->what));
	return 0;
}

/* n: what, owner (the contributor first), due date. */
static void
write_agreement_new(struct ui *ui, struct write_page *w)
{
	struct write_agreement *a = xcalloc(1, sizeof *a);
	struct form *f;

	a->w = w;
	a->note_id = w->v.note_id;
	write_roster_load(ui, w->v.group_id, w->v.starts_at, &a->roster);
	if (a->roster.n == 0) {
		ui_message(ui, true, "%s", _("Nobody is on the roster on the meeting's date."));
		write_agreement_free(a);
		return;
	}
	f = form_new();
	a->what = form_add(f, FORM_LINE, _("What"), true);
	a->owner = write_choose_person(f, _("Owner"), &a->roster, w->v.contributor_id, NULL);
	a->due = form_add(f, FORM_DATE, _("Due date"), false);
	scr_form_push(ui, N_("New agreement"), f, write_agreement_submit, a,
	    write_agreement_free);
}

/* -: remove an agreement this session made (a slip). */
static void
write_agreement_remove(struct ui *ui, struct screen *s, const struct agreement_view *a)
{
	char *error = NULL, *what = xstrdup(a->what != NULL ? a->what : "");

	if (store_note_agreement_remove(ui->app->st, ui->app->who, a->id, &error) != 0)
		write_refused(ui, error, _("The agreement was not removed."));
	else
		ui_message(ui, false, _("Agreement removed: %s"), what);
	free(what);
	write_enter(ui, s);
}

/* ---- finishing ---- */

struct write_finish {
	struct write_page *w;	/* borrowed: stays under the form */
	struct write_roster roster;
	struct form_field *next_contributor, *next_chair;
};

static void
write_finish_free(void *arg)
{
	struct write_finish *fin = arg;

	write_roster_clear(&fin->roster);
	free(fin);
}

static int
write_finish_submit(struct ui *ui, struct form *f, void *arg)
{
	struct write_finish *fin = arg;
	char *error = NULL;
	int ret;

	(void)f;
	ret = store_note_finish(ui->app->st, ui->app->who, fin->w->v.note_id,
	    write_chosen(fin->next_contributor), write_chosen(fin->next_chair), &error);
	if (ret != 0) {
		write_refused(ui, error, _("The note was not finished."));
		return ret == STORE_ERROR ? -1 : 0;
	}
	fin->w->finished = true;	/* the form closes; then the writing screen leaves */
	ui_message(ui, false, "%s", _("The note is final; the group can read it now."));
	return 0;
}

static void
write_finish(struct ui *ui, struct write_page *w)
{
	struct write_finish *fin = xcalloc(1, sizeof *fin);
	struct form *f = form_new();

	fin->w = w;
	write_roster_load(ui, w->v.group_id, w->v.starts_at, &fin->roster);
	fin->next_contributor = write_choose_person(f, _("Next contributor"), &fin->roster,
	    w->v.next_contributor_id, _("not yet"));
	fin->next_chair = write_choose_person(f, _("Next chair"), &fin->roster,
	    w->v.next_chair_id, _("not yet"));
	scr_form_push(ui, N_("Finish the note"), f, write_finish_submit, fin, write_finish_free);
}

/* ---- actions ---- */

static bool
write_move(struct write_page *w, enum ui_action a)
{
	int page = w->height > 1 ? w->height - 1 : 1, sel = w->sel;

	if (w->n_items == 0)
		return widget_lines_scroll(&w->top, w->total, w->height, a);
	switch (a) {
	case UI_ACTION_UP: sel--; break;
	case UI_ACTION_DOWN: sel++; break;
	case UI_ACTION_PAGE_UP: sel -= page; break;
	case UI_ACTION_PAGE_DOWN: sel += page; break;
	case UI_ACTION_FIRST: sel = 0; break;
	case UI_ACTION_LAST: sel = w->n_items - 1; break;
	default: return false;
	}
	w->sel = sel < 0 ? 0 : sel >= w->n_items ? w->n_items - 1 : sel;
	return true;
}

/* Enter: review a look-back row, write a phase; an agreement of this session has no more. */
static void
write_open(struct ui *ui, struct write_page *w, const struct write_item *it)
{
	char key[32], add[32];

	switch (it->kind) {
	case WRITE_LOOKBACK:
		write_review(ui, w, &w->back[it->index]);
		break;
	case WRITE_SECTION:
		write_edit_section(ui, w, &w->v.sections[it->index]);
		break;
	case WRITE_AGREEMENT:
		ui_message(ui, false, _("%s removes this agreement; %s adds another."),
		    keys_first(UI_ACTION_DELETE_ITEM, key, sizeof key),
		    keys_first(UI_ACTION_NEW, add, sizeof add));
		break;
	}
}

/* The selected row when it is of kind; else say what to choose. */
static const struct write_item *
write_selected_of(struct ui *ui, struct write_page *w, enum write_kind kind)
{
	const struct write_item *it = write_selected(w);

	if (it != NULL && it->kind == kind)
		return it;
	ui_message(ui, true, "%s", kind == WRITE_SECTION ? _("Choose one of the phases first.") :
	    _("Choose one of the agreements of this session first."));
	return NULL;
}

static bool
write_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct write_page *w = s->data;
	const struct write_item *it;

	if (!w->loaded)
		return false;	/* back, help, … as everywhere */
	if (write_move(w, a))
		return true;
	switch (a) {
	case UI_ACTION_OPEN:
	case UI_ACTION_EDIT:
		if ((it = write_selected(w)) != NULL)
			write_open(ui, w, it);
		return true;
	case UI_ACTION_PRIVACY:
		if ((it = write_selected_of(ui, w, WRITE_SECTION)) != NULL)
			write_privacy(ui, s, &w->v.sections[it->index]);
		return true;
	case UI_ACTION_NEW:
		write_agreement_new(ui, w);
		return true;
	case UI_ACTION_DELETE_ITEM:
		if ((it = write_selected_of(ui, w, WRITE_AGREEMENT)) != NULL)
			write_agreement_remove(ui, s, &w->v.agreements[it->index]);
		return true;
	case UI_ACTION_FINISH:
		write_finish(ui, w);
		return true;
	default:
		return false;
	}
}

static void
write_free(struct screen *s)
{
	struct write_page *w = s->data;

	if (w == NULL)
		return;
	store_note_view_clear(&w->v);
	write_back_clear(w);
	free(w->items);
	free(w);
}

static const struct screen_ops write_ops = {
	.name = N_("Writing an intervision note"),
	.enter = write_enter,
	.draw = write_draw,
	.on_action = write_on_action,
	.hints = write_hints,
	.free = write_free,
};

void
scr_note_write_push(struct ui *ui, int64_t meeting_id)
{
	struct write_page *w = xcalloc(1, sizeof *w);

	w->meeting_id = meeting_id;
	screen_push(ui, &write_ops, w);
}

/* ---- starting ---- */

struct write_start {
	int64_t meeting_id;
	struct write_roster roster;
	struct form_field *method, *contributor, *chair, *minute_taker;
};

static void
write_start_free(void *arg)
{
	struct write_start *st = arg;

	write_roster_clear(&st->roster);
	free(st);
}

/* Offer the draft who has of the meeting's note: when it was saved last. */
static void
write_offer_draft(struct ui *ui, int64_t meeting_id)
{
	struct note_view v;
	char when[32];

	if (store_note_get(ui->app->st, ui->app->who, meeting_id, &v, NULL) == 1)
		ui_message(ui, false, _("You have a draft of this note from %s; continue it."),
		    widget_when(v.updated_at, when, sizeof when));
	store_note_view_clear(&v);
}

static int
write_start_submit(struct ui *ui, struct form *f, void *arg)
{
	struct write_start *st = arg;
	const struct config_method *m = config_method(ui->app->cfg, form_choice(st->method));
	struct note_start n;
	char *error = NULL;
	int64_t note_id;
	int ret;

	(void)f;
	memset(&n, 0, sizeof n);
	n.meeting_id = st->meeting_id;
	n.method = m != NULL ? m->key : NULL;
	n.phases = m != NULL ? (const char *const *)m->phases : NULL;
	n.n_phases = m != NULL ? m->n_phases : 0;
	n.contributor_id = write_chosen(st->contributor);
	n.chair_id = write_chosen(st->chair);
	n.minute_taker_id = write_chosen(st->minute_taker);
	ret = store_note_start(ui->app->st, ui->app->who, &n, &note_id, &error);
	if (ret < 0) {
		write_refused(ui, error, _("The note was not started."));
		return ret == STORE_ERROR ? -1 : 0;
	}
	scr_note_write_push(ui, st->meeting_id);
	if (ret == 1)
		write_offer_draft(ui, st->meeting_id);
	return 0;
}

/* The group's last final note before a meeting, among who's sessions. */
struct write_prev {
	int64_t group_id;
	const char *before;	/* the meeting's start */
	int64_t meeting_id;	/* found; 0 = none */
};

static int
write_take_prev(const struct note_session_row *r, void *arg)
{
	struct write_prev *p = arg;

	if (r->group_id != p->group_id || r->note_id == 0 || r->status == NULL ||
	    strcmp(r->status, "final") != 0 || r->starts_at == NULL ||
	    strcmp(r->starts_at, p->before) >= 0)
		return 0;
	p->meeting_id = r->meeting_id;
	return 1;	/* newest first: the first one before is the last one */
}

/* The next contributor and chair the group's previous session named (0 = none). */
static void
write_previous_roles(struct ui *ui, const struct note_view *v, int64_t *contributor,
    int64_t *chair)
{
	struct write_prev p = { v->group_id, v->starts_at, 0 };
	struct date today = date_today();
	struct note_view prev;

	*contributor = *chair = 0;
	if (v->starts_at == NULL || store_note_sessions(ui->app->st, ui->app->who, false, &today,
	    500, write_take_prev, &p, NULL) != 0 || p.meeting_id == 0)
		return;
	if (store_note_get(ui->app->st, ui->app->who, p.meeting_id, &prev, NULL) == 1) {
		*contributor = prev.next_contributor_id;
		*chair = prev.next_chair_id;
	}
	store_note_view_clear(&prev);
}

/*
 * The form: method and roles. The contributor and chair the previous
 * session named are offered; who writes is the minute-taker unless changed.
 */
static void
write_start_form(struct ui *ui, const struct note_view *v)
{
	struct write_start *st = xcalloc(1, sizeof *st);
	const struct config *cfg = ui->app->cfg;
	struct form *f = form_new();
	int64_t contributor, chair;
	size_t i;

	st->meeting_id = v->meeting_id;
	write_roster_load(ui, v->group_id, v->starts_at, &st->roster);
	st->method = form_add(f, FORM_CHOICE, _("Method"), true);
	for (i = 0; i < cfg->n_methods; i++)
		form_add_item(st->method, cfg->methods[i].key, cfg->methods[i].label, false);
	write_previous_roles(ui, v, &contributor, &chair);
	st->contributor = write_choose_person(f, _("Contributor"), &st->roster, contributor,
	    _("not named"));
	st->chair = write_choose_person(f, _("Chair"), &st->roster, chair, _("not named"));
	st->minute_taker = write_choose_person(f, _("Minute-taker"), &st->roster,
	    ui->app->who->person_id, _("not named"));
	scr_form_push(ui, N_("Start an intervision note"), f, write_start_submit, st,
	    write_start_free);
}

void
scr_note_start(struct ui *ui, int64_t meeting_id)
{
	struct note_view v;
	char *error = NULL;
	int ret;

	ret = store_note_get(ui->app->st, ui->app->who, meeting_id, &v, &error);
	if (ret < 0) {
		write_refused(ui, error, _("That meeting no longer exists."));
		return;
	}
	free(error);
	if (store_read_only(ui->app->st))
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be "
		    "changed."));
	else if (!v.may_write)
		ui_message(ui, true, "%s", ret == 1 ? _("This meeting has a note already.") :
		    _(access_reason(ACCESS_NOTE_WRITE)));
	else if (ret == 1) {
		scr_note_write_push(ui, meeting_id);
		write_offer_draft(ui, meeting_id);
	} else if (ui->app->cfg->n_methods == 0)
		ui_message(ui, true, "%s", _("The config names no intervision methods."));
	else
		write_start_form(ui, &v);
	store_note_view_clear(&v);
}

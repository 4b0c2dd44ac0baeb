/*
 * scr_note.c — one intervision session and its note, as you may see it.
 *
 * Shows: the head (group, date, method, contributor, chair, minute-taker,
 * attendance present/total, status, next contributor and chair); then, for
 * those who may read it, the sections under their phase headings, wrapped,
 * a private section marked as such and, when its text is not for you, "not
 * visible to you"; then the agreements the session made (what, owner, due,
 * status). A coordinator or follower who may only know that the session
 * took place gets one line saying so and no text at all. A session without a
 * note says so, and offers writing it to those who may.
 * Widgets: text view (built at each draw for the width), hint bar.
 * Actions: scroll, continue or start writing (e: the draft's author, or a
 * member on the meeting's date when there is no note yet).
 * Store: store_note_get on enter (again when another session changed data);
 * the store has already left out what you may not read.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ui/widgets.h"

struct note_page {
	int64_t meeting_id;
	struct note_view v;
	bool loaded;		/* v holds the session */
	bool has_note;		/* the session has a note (draft or final) */
	bool offered;		/* the draft was offered on the status line */
	int top, total, height;
};

static const enum ui_action note_hints_write[] = {
	UI_ACTION_EDIT, UI_ACTION_DOWN, UI_ACTION_UP, UI_ACTION_BACK, UI_ACTION_HELP,
	UI_ACTION_NONE
};
static const enum ui_action note_hints_read[] = {
	UI_ACTION_DOWN, UI_ACTION_UP, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

/* The label of a note's status: draft, final; "—" without a note. */
static const char *
note_status_label(const char *status)
{
	if (status == NULL)
		return "—";
	if (strcmp(status, "draft") == 0)
		return _("draft");
	if (strcmp(status, "final") == 0)
		return _("final");
	return status;
}

/* The label of an agreement's status. */
static const char *
note_agreement_status(const char *status)
{
	static const char *const words[][2] = {
		{ "open", NC_("status", "open") }, { "done", N_("done") },
		{ "continued", N_("continued") }, { "dropped", N_("dropped") },
	};
	size_t i;

	for (i = 0; status != NULL && i < sizeof words / sizeof words[0]; i++) {
		if (strcmp(status, words[i][0]) == 0)
			return i18n_ctx(words[i][1]);
	}
	return status != NULL ? status : "";
}

static const char *
note_method_label(struct ui *ui, const char *key)
{
	const struct config_method *m = config_method(ui->app->cfg, key);

	return m != NULL ? m->label : key != NULL ? key : "—";
}

static const char *
note_name(const char *name)
{
	return name != NULL ? name : "—";
}

static const struct screen_ops note_ops_read, note_ops_write;

/* Fetch the session; the hint bar offers e only to who may write. */
static void
note_load(struct ui *ui, struct screen *s)
{
	struct note_page *p = s->data;
	char *error = NULL, when[32];
	int ret;

	store_note_view_clear(&p->v);
	ret = store_note_get(ui->app->st, ui->app->who, p->meeting_id, &p->v, &error);
	p->loaded = ret >= 0;
	p->has_note = ret == 1;
	if (ret < 0)
		ui_message(ui, true, "%s", error != NULL ? error : _("The note cannot be read."));
	free(error);
	s->ops = p->loaded && p->v.may_write && !store_read_only(ui->app->st) ?
	    &note_ops_write : &note_ops_read;
	if (p->has_note && p->v.may_write && !p->offered) {
		p->offered = true;
		ui_message(ui, false, _("You have a draft of this note from %s; continue it with e."),
		    widget_when(p->v.updated_at, when, sizeof when));
	}
}

/* The head: the facts of the session that everyone who sees it may know. */
static void
note_build_head(struct ui *ui, const struct note_page *p, struct widget_lines *l)
{
	const struct note_view *v = &p->v;
	char when[32];

	widget_lines_add(l, 1, A_BOLD, "%s", v->group_name != NULL ? v->group_name : "—");
	widget_lines_add(l, 1, A_NORMAL, "%s %s   %s %s   %s %s", _("Date:"),
	    widget_when(v->starts_at, when, sizeof when), _("Method:"),
	    p->has_note ? note_method_label(ui, v->method) : "—", _("Status:"),
	    note_status_label(p->has_note ? v->status : NULL));
	if (p->has_note)
		widget_lines_add(l, 1, A_NORMAL, "%s %s   %s %s   %s %s", _("Contributor:"),
		    note_name(v->contributor), _("Chair:"), note_name(v->chair),
		    _("Minute-taker:"), note_name(v->minute_taker));
	widget_lines_add(l, 1, A_NORMAL, _("Attendance: %d of %d present"), v->present,
	    v->attendance);
	if (p->has_note && (v->next_contributor != NULL || v->next_chair != NULL))
		widget_lines_add(l, 1, A_NORMAL, _("Next session: contributor %s, chair %s"),
		    note_name(v->next_contributor), note_name(v->next_chair));
	if (p->has_note && v->status != NULL && strcmp(v->status, "draft") == 0)
		widget_lines_add(l, 1, ui_attr(ui, UI_COLOUR_HINT_KEY), v->may_write ?
		    _("Your draft, saved %s: e continues writing it.") :
		    _("A draft, saved %s: only its writer reads it until it is final."),
		    widget_when(v->updated_at, when, sizeof when));
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
}

/* The marker of a private section. */
static const char *
note_privacy_marker(enum note_privacy p)
{
	switch (p) {
	case NOTE_PRIVACY_AUTHOR:
		return _("private: only the author");
	case NOTE_PRIVACY_CONTRIBUTOR:
		return _("private: only the contributor");
	case NOTE_PRIVACY_GROUP:
		break;
	}
	return NULL;
}

static void
note_build_sections(struct ui *ui, const struct note_view *v, struct widget_lines *l)
{
	int dim = ui_attr(ui, UI_COLOUR_DIM);
	const char *marker;
	size_t i;

	for (i = 0; i < v->n_sections; i++) {
		const struct note_section_view *sec = &v->sections[i];

		widget_lines_add(l, 1, A_BOLD, "%d. %s", sec->position,
		    sec->phase != NULL ? sec->phase : "");
		if ((marker = note_privacy_marker(sec->privacy)) != NULL)
			widget_lines_add(l, 3, dim, "(%s)", marker);
		if (sec->body == NULL)
			widget_lines_add(l, 3, dim, "%s", _("not visible to you"));
		else if (sec->body[0] == '\0')
			widget_lines_add(l, 3, dim, "%s", _("(empty)"));
		else
			widget_lines_wrap(l, 3, A_NORMAL, sec->body);
		widget_lines_add(l, 0, A_NORMAL, "%s", "");
	}
}

static void
note_build_agreements(struct ui *ui, const struct note_view *v, struct widget_lines *l)
{
	char due[DATE_ISO_LEN], *line, *when;
	size_t i;

	widget_lines_add(l, 1, A_BOLD, _("Agreements (%d)"), (int)v->n_agreements);
	if (v->n_agreements == 0)
		widget_lines_add(l, 3, ui_attr(ui, UI_COLOUR_DIM), "%s", _("None."));
	for (i = 0; i < v->n_agreements; i++) {
		const struct agreement_view *a = &v->agreements[i];

		when = a->due_on != NULL ? xasprintf(_("due %s"), widget_day(a->due_on, due)) :
		    xstrdup(_("no due date"));
		line = xasprintf("%s — %s, %s, %s%s%s",
		    a->what != NULL ? a->what : _("not visible to you"), note_name(a->owner), when,
		    note_agreement_status(a->status),
		    a->remark != NULL && a->remark[0] != '\0' ? ": " : "",
		    a->remark != NULL ? a->remark : "");
		widget_lines_wrap(l, 3, A_NORMAL, line);
		free(when);
		free(line);
	}
}

static void
note_build(struct ui *ui, const struct note_page *p, struct widget_lines *l)
{
	note_build_head(ui, p, l);
	if (!p->has_note) {
		widget_lines_add(l, 1, A_NORMAL, "%s", _("No note has been written for this "
		    "session yet."));
		if (p->v.may_write)
			widget_lines_add(l, 1, ui_attr(ui, UI_COLOUR_HINT_KEY), "%s",
			    _("e starts writing it."));
		return;
	}
	if (!p->v.may_read) {
		widget_lines_wrap(l, 1, A_NORMAL, _("You can see that this session took place, "
		    "but not what was said."));
		return;
	}
	note_build_sections(ui, &p->v, l);
	note_build_agreements(ui, &p->v, l);
}

static void
note_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct note_page *p = s->data;
	struct widget_lines l;

	if (!p->loaded)
		return;
	memset(&l, 0, sizeof l);
	l.width = COLS - 2;
	note_build(ui, p, &l);
	p->total = l.n;
	p->height = height;
	widget_lines_draw(&l, &p->top, top, height);
	widget_lines_clear(&l);
}

/* e: go on with the draft, or start the note; else say why not. */
static void
note_write(struct ui *ui, struct note_page *p)
{
	if (!p->loaded)
		return;
	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be "
		    "changed."));
	} else if (!p->v.may_write) {
		ui_message(ui, true, "%s", !p->has_note ? _(access_reason(ACCESS_NOTE_WRITE)) :
		    strcmp(p->v.status, "final") == 0 ?
		    _("This note is final; it can no longer change.") :
		    _("Only the one who writes this note can change it."));
	} else if (!p->has_note) {
		scr_note_start(ui, p->meeting_id);
	} else {
		scr_note_write_push(ui, p->meeting_id);
	}
}

static bool
note_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct note_page *p = s->data;

	if (widget_lines_scroll(&p->top, p->total, p->height, a))
		return true;
	if (a == UI_ACTION_EDIT) {
		note_write(ui, p);
		return true;
	}
	return false;
}

static void
note_free(struct screen *s)
{
	struct note_page *p = s->data;

	if (p == NULL)
		return;
	store_note_view_clear(&p->v);
	free(p);
}

/* The same screen twice: the hint bar offers e only to who may write. */
#define NOTE_OPS(hint_list) { \
	.name = N_("Intervision note"), \
	.enter = note_load, \
	.draw = note_draw, \
	.on_action = note_on_action, \
	.hints = hint_list, \
	.free = note_free, \
}
static const struct screen_ops note_ops_read = NOTE_OPS(note_hints_read);
static const struct screen_ops note_ops_write = NOTE_OPS(note_hints_write);

void
scr_note_push(struct ui *ui, int64_t meeting_id)
{
	struct note_page *p = xcalloc(1, sizeof *p);

	p->meeting_id = meeting_id;
	screen_push(ui, &note_ops_read, p);
}

/*
 * scr_updates.c — updates and followers (#9): a group's updates, the recent
 * updates of all my groups, one update to read, follow and unfollow.
 *
 * Shows: the list newest first — an unread marker (bold), date and time,
 * the group (the list of all my groups), the author and the title — under
 * a line saying how many are unread and what I may do here; Enter opens an
 * update's full text in a text view and marks it read. The group page's
 * Updates section: the number unread, the three newest, and how to follow
 * or post.
 * Widgets: virtual list (keyset pages), text view, a form (the title) and
 * the editor widget (the text), a question on the last body row, hint bar.
 * Actions: open (Enter), new (n: the title, then the text), edit (e),
 * delete (-, asked first), follow or unfollow (W), the group's settings
 * (f: who posts, whether it takes followers; leads and coordinators).
 * e and - are offered only on a row the store says who may change (its
 * may_change); a refused save keeps the typed text in the editor, and a
 * save against a changed update first shows the update as it is now.
 * Store: store_updates_page, store_update_standing, store_updates_unread,
 * store_update_get, store_update_mark_read, store_update_post,
 * store_update_edit, store_update_delete, store_group_follow,
 * store_group_unfollow, store_update_settings.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ui/group_life.h"
#include "ui/keys.h"
#include "ui/vlist.h"
#include "ui/widgets.h"

#define UPD_SECTION_ROWS 3	/* updates on the group page */
#define UPD_MARK "●"		/* unread */

/* One row of the list; strings owned. */
struct upd_line {
	int64_t id, group_id, author_id;
	char *posted_at, *group, *author, *title;
	bool unread;
	bool may_change, closed;	/* who may edit or delete it; its group is closed */
	int version;
};

enum upd_ask {
	UPD_ASK_NONE,
	UPD_ASK_DELETE		/* delete the selected update? */
};

struct upd_screen {
	struct ui *ui;
	int64_t group_id;		/* 0: all my groups */
	char *group_name;		/* owned; NULL for all my groups */
	struct update_standing standing;	/* of group_id (zero for all my groups) */
	bool known;			/* the group was found */
	int unread;
	struct vlist list;
	enum upd_ask ask;
	struct upd_line *asked;		/* the row the question is about (a copy) */
};

static const enum ui_action upd_hints[] = {
	UI_ACTION_OPEN, UI_ACTION_NEW, UI_ACTION_EDIT, UI_ACTION_DELETE_ITEM, UI_ACTION_FOLLOW,
	UI_ACTION_FILTER, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action upd_hints_read[] = {
	UI_ACTION_OPEN, UI_ACTION_EDIT, UI_ACTION_DELETE_ITEM, UI_ACTION_FOLLOW, UI_ACTION_BACK,
	UI_ACTION_HELP, UI_ACTION_NONE
};
static const enum ui_action upd_hints_mine[] = {
	UI_ACTION_OPEN, UI_ACTION_EDIT, UI_ACTION_DELETE_ITEM, UI_ACTION_BACK, UI_ACTION_HELP,
	UI_ACTION_NONE
};

/* ---- rows ---- */

static void
upd_line_free(void *p)
{
	struct upd_line *r = p;

	if (r == NULL)
		return;
	free(r->posted_at);
	free(r->group);
	free(r->author);
	free(r->title);
	free(r);
}

static struct upd_line *
upd_line_copy(const struct upd_line *r)
{
	struct upd_line *c = xcalloc(1, sizeof *c);

	*c = *r;
	c->posted_at = xstrdup(r->posted_at);
	c->group = xstrdup(r->group);
	c->author = xstrdup(r->author);
	c->title = xstrdup(r->title);
	return c;
}

static bool
upd_line_same(const void *a, const void *b)
{
	return ((const struct upd_line *)a)->id == ((const struct upd_line *)b)->id;
}

static int
upd_take_row(const struct update_row *r, void *arg)
{
	struct upd_line *c = xcalloc(1, sizeof *c);

	c->id = r->id;
	c->group_id = r->group_id;
	c->author_id = r->author_id;
	c->may_change = r->may_change;
	c->closed = r->group_closed;
	c->posted_at = xstrdup(r->posted_at != NULL ? r->posted_at : "");
	c->group = xstrdup(r->group_name != NULL ? r->group_name : "");
	c->author = xstrdup(r->author != NULL ? r->author : "-");
	c->title = xstrdup(r->title != NULL ? r->title : "");
	c->unread = r->unread;
	c->version = r->version;
	vlist_page_add(arg, c);
	return 0;
}

static int
upd_fetch(void *ctx, const void *anchor, bool inclusive, bool forward, int limit,
    struct vlist_page *page, char **error)
{
	struct upd_screen *u = ctx;
	const struct upd_line *r = anchor;
	struct update_anchor at;

	if (r != NULL) {
		at.posted_at = r->posted_at;
		at.id = r->id;
	}
	return store_updates_page(u->ui->app->st, u->ui->app->who, u->group_id,
	    r != NULL ? &at : NULL, inclusive, forward, limit, upd_take_row, page, error) == 0 ?
	    0 : -1;
}

/* Columns: marker, when, group (all my groups only), author, title. */
static void
upd_columns(const struct upd_screen *u, int width, int w[5])
{
	w[0] = 1;
	w[1] = 16;
	w[2] = u->group_id == 0 ? (width >= 110 ? 30 : 20) : 0;
	w[3] = width >= 90 ? 22 : 16;
	w[4] = width - w[0] - w[1] - w[2] - w[3] - 6;
}

static void
upd_draw_row(void *ctx, struct ui *ui, const void *row, int y, int x, int width, bool selected)
{
	const struct upd_line *r = row;
	int attr = selected ? ui_attr(ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
	const char *cells[5];
	char when[32];
	int w[5], i;

	if (r->unread)
		attr |= A_BOLD;
	upd_columns(ctx, width, w);
	cells[0] = r->unread ? UPD_MARK : "";
	cells[1] = widget_when(r->posted_at, when, sizeof when);
	cells[2] = r->group;
	cells[3] = r->author;
	cells[4] = r->title;
	widget_text(y, x, width, "", attr);
	x++;
	for (i = 0; i < 5; i++) {
		if (w[i] <= 0)
			continue;
		widget_text(y, x, w[i], cells[i], attr);
		x += w[i] + 1;
	}
}

static const struct vlist_ops upd_vlist_ops = {
	.fetch = upd_fetch,
	.draw = upd_draw_row,
	.free_row = upd_line_free,
	.same = upd_line_same,
};

/* ---- the list screen ---- */

static void
upd_load(struct ui *ui, struct upd_screen *u)
{
	char *error = NULL;
	int ret;

	if (u->group_id != 0) {
		ret = store_update_standing(ui->app->st, ui->app->who, u->group_id, &u->standing,
		    &error);
		u->known = ret == 1;
		u->unread = u->standing.unread;
	} else {
		ret = store_updates_unread(ui->app->st, ui->app->who, 0, &u->unread, &error) == 0;
	}
	if (ret != 1 && error != NULL)
		ui_message(ui, true, "%s", error);
	free(error);
}

static void
upd_reload(struct ui *ui, struct upd_screen *u, bool from_start)
{
	free(u->list.error);
	u->list.error = NULL;
	if (u->group_id != 0 && !u->standing.may_read) {
		vlist_clear(&u->list);	/* keeps the height */
		ui->dirty = true;
		return;
	}
	if (vlist_reload(&u->list, u->list.height > 0 ? u->list.height : LINES - 6,
	    from_start) != 0)
		ui_message(ui, true, "%s", u->list.error);
	ui->dirty = true;
}

static const struct screen_ops upd_ops, upd_ops_read, upd_ops_mine;

/* The screen's keys: who only reads a group's updates sees fewer. */
static const struct screen_ops *
upd_ops_for(const struct upd_screen *u)
{
	if (u->group_id == 0)
		return &upd_ops_mine;
	return u->standing.may_post || u->standing.may_settle ? &upd_ops : &upd_ops_read;
}

static void
upd_enter(struct ui *ui, struct screen *s)
{
	struct upd_screen *u = s->data;

	upd_load(ui, u);
	upd_reload(ui, u, false);
	s->list = &u->list;
	s->ops = upd_ops_for(u);
}

/* The line above the list: whose updates, how many unread, what I may do. */
static void
upd_draw_header(struct ui *ui, struct upd_screen *u, int top)
{
	char line[512], key[32], key2[32];
	int n = 0;

	if (u->group_id == 0)
		n = snprintf(line, sizeof line, P_("Updates of my groups and the groups I follow: "
		    "%d unread", "Updates of my groups and the groups I follow: %d unread",
		    u->unread), u->unread);
	else
		n = snprintf(line, sizeof line, P_("%s: %d unread", "%s: %d unread", u->unread),
		    u->group_name != NULL ? u->group_name : "", u->unread);
	widget_text(top, 1, COLS - 2, line, A_BOLD);
	if (u->group_id == 0 || n < 0)
		return;
	keys_first(UI_ACTION_FOLLOW, key, sizeof key);
	keys_first(UI_ACTION_NEW, key2, sizeof key2);
	if (u->standing.closed)
		snprintf(line, sizeof line, "%s", _("The group is closed: its updates are kept."));
	else if (u->standing.follower)
		snprintf(line, sizeof line, _("You follow this group (%s: unfollow)."), key);
	else if (u->standing.may_follow)
		snprintf(line, sizeof line, _("%s: follow this group."), key);
	else
		line[0] = '\0';
	if (u->standing.may_post) {
		n = (int)strlen(line);
		snprintf(line + n, sizeof line - (size_t)n, _("%s%s: post an update."),
		    n > 0 ? " " : "", key2);
	}
	if (u->standing.may_settle) {
		n = (int)strlen(line);
		snprintf(line + n, sizeof line - (size_t)n, " %s", u->standing.members_may_post ?
		    _("Members may post.") : _("Only leads post."));
		n = (int)strlen(line);
		snprintf(line + n, sizeof line - (size_t)n, " %s", u->standing.open_to_followers ?
		    _("Open to followers.") : _("No followers."));
	}
	widget_text(top + 1, 1, COLS - 2, line, ui_attr(ui, UI_COLOUR_DIM));
}

static void
upd_draw_columns(struct upd_screen *u, int y)
{
	static const char *const heads[5] = {
		"", N_("Posted"), N_("Group"), N_("Author"), N_("Title")
	};
	int w[5], x = 1, i;

	upd_columns(u, COLS, w);
	for (i = 0; i < 5; i++) {
		if (w[i] <= 0)
			continue;
		widget_text(y, x, w[i], i == 0 ? "" : _(heads[i]), A_BOLD);
		x += w[i] + 1;
	}
}

static void
upd_draw_question(struct ui *ui, struct upd_screen *u, int y)
{
	char line[512];

	if (u->ask != UPD_ASK_DELETE || u->asked == NULL)
		return;
	snprintf(line, sizeof line, _("Delete the update \"%s\"? %s = yes, Esc = no"),
	    u->asked->title, _("y"));
	widget_text(y, 0, COLS, "", A_NORMAL);
	widget_text(y, 1, COLS - 2, line, ui_attr(ui, UI_COLOUR_ERROR) | (int)A_BOLD);
}

static void
upd_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct upd_screen *u = s->data;
	int head = u->group_id != 0 ? 3 : 2, rows = height - head - 1;
	const char *empty;

	upd_draw_header(ui, u, top);
	upd_draw_columns(u, top + head - 1);
	if (rows < 1)
		rows = 1;
	if (u->list.height != rows) {
		u->list.height = rows;
		upd_reload(ui, u, false);
	}
	if (u->list.n == 0) {
		if (u->group_id != 0 && !u->standing.may_read)
			empty = u->standing.may_follow ?
			    _("Only the group's members and followers read its updates. You can "
			    "follow the group.") :
			    _("Only the group's members and followers read its updates.");
		else
			empty = u->list.error != NULL ? u->list.error : _("No updates yet.");
		widget_text(top + head, 1, COLS - 2, empty, ui_attr(ui, UI_COLOUR_DIM));
	}
	vlist_draw(&u->list, ui, top + head, 0, COLS);
	upd_draw_question(ui, u, top + height - 1);
}

/* ---- reading one update ---- */

struct upd_read {
	int64_t id;
	char *note;		/* a line above the update (owned), or NULL */
	char *title, *head, *body;
	struct widget_lines lines;
	int top, width;
};

static const enum ui_action upd_read_hints[] = {
	UI_ACTION_DOWN, UI_ACTION_PAGE_DOWN, UI_ACTION_BACK, UI_ACTION_HELP, UI_ACTION_NONE
};

static int
upd_read_take(const struct update_row *r, void *arg)
{
	struct upd_read *rd = arg;
	char when[32];

	free(rd->title);
	free(rd->head);
	free(rd->body);
	rd->title = xstrdup(r->title);
	rd->head = xasprintf("%s · %s · %s", r->group_name != NULL ? r->group_name : "",
	    widget_when(r->posted_at, when, sizeof when), r->author != NULL ? r->author : "-");
	rd->body = xstrdup(r->body != NULL ? r->body : "");
	return 0;
}

static void
upd_read_enter(struct ui *ui, struct screen *s)
{
	struct upd_read *rd = s->data;
	char *error = NULL;

	if (store_update_get(ui->app->st, ui->app->who, rd->id, upd_read_take, rd, &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("That update cannot be read."));
		free(error);
		return;
	}
	rd->width = 0;		/* build the lines again */
	ui->dirty = true;
}

static void
upd_read_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct upd_read *rd = s->data;

	if (rd->title == NULL)
		return;
	if (rd->width != COLS - 2) {
		widget_lines_clear(&rd->lines);
		memset(&rd->lines, 0, sizeof rd->lines);
		rd->lines.width = rd->width = COLS - 2;
		if (rd->note != NULL) {
			widget_lines_wrap(&rd->lines, 1, ui_attr(ui, UI_COLOUR_ERROR) | (int)A_BOLD,
			    rd->note);
			widget_lines_add(&rd->lines, 0, A_NORMAL, "%s", "");
		}
		widget_lines_wrap(&rd->lines, 1, A_BOLD, rd->title);
		widget_lines_wrap(&rd->lines, 1, ui_attr(ui, UI_COLOUR_DIM), rd->head);
		widget_lines_add(&rd->lines, 0, A_NORMAL, "%s", "");
		widget_lines_wrap(&rd->lines, 1, A_NORMAL, rd->body);
	}
	s->height = height;
	widget_lines_draw(&rd->lines, &rd->top, top, height);
}

static bool
upd_read_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct upd_read *rd = s->data;

	if (widget_lines_scroll(&rd->top, rd->lines.n, s->height, a)) {
		ui->dirty = true;
		return true;
	}
	return false;
}

static void
upd_read_free(struct screen *s)
{
	struct upd_read *rd = s->data;

	if (rd == NULL)
		return;
	widget_lines_clear(&rd->lines);
	free(rd->note);
	free(rd->title);
	free(rd->head);
	free(rd->body);
	free(rd);
}

static const struct screen_ops upd_read_ops = {
	.name = N_("Update"),
	.enter = upd_read_enter,
	.draw = upd_read_draw,
	.on_action = upd_read_on_action,
	.hints = upd_read_hints,
	.free = upd_read_free,
};

/* Enter: open the update and mark it read (not on a read-only database: nothing is written). */
static void
upd_open(struct ui *ui, const struct upd_line *r)
{
	struct upd_read *rd;
	char *error = NULL;

	if (r == NULL)
		return;
	if (r->unread && !store_read_only(ui->app->st) &&
	    store_update_mark_read(ui->app->st, ui->app->who, r->id, &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("That update cannot be read."));
		free(error);
		return;
	}
	rd = xcalloc(1, sizeof *rd);
	rd->id = r->id;
	screen_push(ui, &upd_read_ops, rd);
}

/* ---- posting and editing: a form for the title, the editor for the text ---- */

struct upd_write {
	int64_t group_id;	/* posting */
	int64_t id;		/* editing: the update, else 0 */
	int version;
	bool changed;		/* the update changed meanwhile and who has seen it */
	bool refused;		/* the editor opens again after a refused save */
	char *title;		/* as typed */
	char *body;		/* the text of the update being edited */
	struct form_field *title_field;
	/* as read for an edit: may who change it, is the group closed, who wrote it */
	bool may_change, closed;
	int64_t author_id;
};

static void
upd_write_free(void *arg)
{
	struct upd_write *w = arg;

	if (w == NULL)
		return;
	free(w->title);
	free(w->body);
	free(w);
}

static void upd_write_text(struct ui *ui, struct upd_write *w, const char *text);

static int
upd_version_take(const struct update_row *r, void *arg)
{
	((struct upd_write *)arg)->version = r->version;
	return 0;
}

/* Show update id as it reads now, with note above it (a sentence for the reader). */
static void
upd_show_current(struct ui *ui, int64_t id, const char *note)
{
	struct upd_read *rd = xcalloc(1, sizeof *rd);

	rd->id = id;
	rd->note = xstrdup(note);
	screen_push(ui, &upd_read_ops, rd);
}

/*
 * A save of w was refused with ret (error: the store's sentence): open the
 * editor again with text, so that nothing typed is lost. When the update
 * changed meanwhile, first show it as it is now (the editor waits under
 * it); when it was deleted, F2 posts the text as a new update.
 */
static void
upd_write_refused(struct ui *ui, const struct upd_write *w, const char *text, int ret,
    const char *error)
{
	struct upd_write *again = xcalloc(1, sizeof *again);

	again->group_id = w->group_id;
	again->id = w->id;
	again->version = w->version;
	again->changed = w->changed;
	again->title = xstrdup(w->title);
	if (ret == STORE_CONFLICT && w->id != 0) {
		if (store_update_get(ui->app->st, ui->app->who, w->id, upd_version_take, again,
		    NULL) == 0) {
			/* saving again names the version now shown */
			again->changed = true;
			upd_write_text(ui, again, text);
			upd_show_current(ui, w->id,
			    _("Someone else changed this update while you wrote. This is how it "
			    "reads now; Esc takes you back to your own text."));
			ui_message(ui, true, "%s", error != NULL ? error :
			    _("The update changed meanwhile."));
			return;
		}
		again->id = 0;
		again->version = 0;
		again->changed = false;
		ui_message(ui, true, "%s",
		    _("The update was deleted meanwhile; your text is kept: F2 posts it as a new "
		    "update, Esc leaves it."));
	} else {
		again->refused = true;
		ui_message(ui, true, "%s", error != NULL ? error : _("The update was not saved."));
	}
	upd_write_text(ui, again, text);
}

/* The editor was closed: F2 saves the update; a refusal opens the editor again. */
static void
upd_write_done(struct ui *ui, const char *text, bool saved, void *arg)
{
	struct upd_write *w = arg;
	char *error = NULL;
	int ret;

	if (!saved)
		return;
	if (w->id == 0)
		ret = store_update_post(ui->app->st, ui->app->who, w->group_id, w->title, text, NULL,
		    &error);
	else
		ret = store_update_edit(ui->app->st, ui->app->who, w->id, w->version, w->title,
		    text, &error);
	if (ret == 0)
		ui_message(ui, false, w->id == 0 ? _("Update posted: %s") : _("Update saved: %s"),
		    w->title);
	else
		upd_write_refused(ui, w, text, ret, error);
	free(error);
}

/* Open the editor for the text of w (takes w). */
static void
upd_write_text(struct ui *ui, struct upd_write *w, const char *text)
{
	char *hint;

	if (w->changed)
		hint = xasprintf(_("Your text of \"%s\"; the update changed meanwhile — F2 saves "
		    "yours over it, Esc leaves"), w->title);
	else if (w->refused)
		hint = xasprintf(_("Not saved; your text of \"%s\" is kept — F2 tries again, Esc "
		    "leaves"), w->title);
	else
		hint = xasprintf(_("The text of \"%s\" — F2 saves, Esc leaves"), w->title);
	scr_editor_push(ui, w->id == 0 ? N_("Post an update") : N_("Edit an update"), hint, text,
	    UPDATE_TEXT_MAX, NULL, upd_write_done, w, upd_write_free);
	free(hint);
}

/* The title form is done: on to the text. */
static int
upd_title_submit(struct ui *ui, struct form *f, void *arg)
{
	struct upd_write *w = arg, *next;

	(void)f;
	next = xcalloc(1, sizeof *next);
	*next = *w;
	next->title = xstrdup(form_text(w->title_field));
	next->body = NULL;
	next->title_field = NULL;
	upd_write_text(ui, next, w->body);
	return 0;
}

/* n: post an update to the group. */
static void
upd_new(struct ui *ui, struct upd_screen *u)
{
	struct upd_write *w;
	struct form *f;

	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be changed."));
		return;
	}
	if (u->group_id == 0) {
		ui_message(ui, true, "%s", _("Open a group's updates (U on its page) to post one."));
		return;
	}
	if (!u->standing.may_post) {
		ui_message(ui, true, "%s", u->standing.closed ?
		    _("The group is closed; no updates can be posted any more.") :
		    u->standing.member ? _("In this group only its leads post updates.") :
		    _(access_reason(ACCESS_UPDATE_POST)));
		return;
	}
	w = xcalloc(1, sizeof *w);
	w->group_id = u->group_id;
	f = form_new();
	w->title_field = form_add(f, FORM_LINE, _("Title"), true);
	w->title_field->max_chars = UPDATE_TITLE_MAX;
	scr_form_push(ui, N_("Post an update"), f, upd_title_submit, w, upd_write_free);
}

/*
 * May who change an update with these facts (edit: also not in a closed
 * group)? true, or false with the reason shown — before anything is typed.
 */
static bool
upd_may_change_here(struct ui *ui, bool may_change, bool closed, int64_t author_id, bool edit)
{
	const struct actor *who = ui->app->who;

	if (!may_change) {
		ui_message(ui, true, "%s", author_id != 0 && !actor_is_visitor(who) &&
		    author_id == who->person_id ?
		    _("You wrote this update, but you are no longer in the group: only a lead of "
		    "the group or a coordinator can change it now.") :
		    _("Only its author, a lead of the group or a coordinator can change an update."));
		return false;
	}
	if (edit && closed) {
		ui_message(ui, true, "%s", _("The group is closed; its updates can no longer change."));
		return false;
	}
	return true;
}

/* Fetch the body of an update for editing. */
static int
upd_edit_take(const struct update_row *r, void *arg)
{
	struct upd_write *w = arg;

	free(w->body);
	w->body = xstrdup(r->body != NULL ? r->body : "");
	w->version = r->version;
	free(w->title);
	w->title = xstrdup(r->title != NULL ? r->title : "");
	w->may_change = r->may_change;
	w->closed = r->group_closed;
	w->author_id = r->author_id;
	return 0;
}

/* e: edit the selected update (its author while in the group, a lead, a coordinator). */
static void
upd_edit(struct ui *ui, const struct upd_line *r)
{
	struct upd_write *w;
	char *error = NULL;
	struct form *f;

	if (r == NULL)
		return;
	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be changed."));
		return;
	}
	if (!upd_may_change_here(ui, r->may_change, r->closed, r->author_id, true))
		return;
	w = xcalloc(1, sizeof *w);
	w->id = r->id;
	w->group_id = r->group_id;
	if (store_update_get(ui->app->st, ui->app->who, r->id, upd_edit_take, w, &error) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : _("That update cannot be read."));
		free(error);
		upd_write_free(w);
		return;
	}
	/* as it is now: a role may have ended since the list was read */
	if (!upd_may_change_here(ui, w->may_change, w->closed, w->author_id, true)) {
		upd_write_free(w);
		return;
	}
	f = form_new();
	w->title_field = form_add(f, FORM_LINE, _("Title"), true);
	w->title_field->max_chars = UPDATE_TITLE_MAX;
	form_set_text(w->title_field, w->title);
	scr_form_push(ui, N_("Edit an update"), f, upd_title_submit, w, upd_write_free);
}

/* ---- delete, follow, settings ---- */

static void
upd_ask_delete(struct ui *ui, struct upd_screen *u, const struct upd_line *r)
{
	if (r == NULL)
		return;
	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be changed."));
		return;
	}
	if (!upd_may_change_here(ui, r->may_change, r->closed, r->author_id, false))
		return;
	upd_line_free(u->asked);
	u->asked = upd_line_copy(r);
	u->ask = UPD_ASK_DELETE;
	ui->dirty = true;
}

static void
upd_delete(struct ui *ui, struct screen *s, struct upd_screen *u)
{
	char *error = NULL;
	int ret;

	ret = store_update_delete(ui->app->st, ui->app->who, u->asked->id, u->asked->version,
	    &error);
	if (ret == 0)
		ui_message(ui, false, _("Update deleted: %s"), u->asked->title);
	else
		ui_message(ui, true, "%s", error != NULL ? error : _("The update was not deleted."));
	free(error);
	upd_enter(ui, s);
}

/* The answer to the question on the last row: y deletes, anything else keeps. */
static bool
upd_on_key(struct ui *ui, struct screen *s, int code)
{
	struct upd_screen *u = s->data;
	const char *yes = _("y");

	if (u->ask == UPD_ASK_NONE)
		return false;
	u->ask = UPD_ASK_NONE;
	ui->dirty = true;
	if (code == (unsigned char)yes[0] || code == 'y')
		upd_delete(ui, s, u);
	else
		ui_message(ui, false, "%s", _("Nothing was deleted."));
	upd_line_free(u->asked);
	u->asked = NULL;
	return true;
}

void
life_follow_toggle(struct ui *ui, int64_t group_id)
{
	struct update_standing st;
	char *error = NULL;
	int ret;

	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be changed."));
		return;
	}
	if (store_update_standing(ui->app->st, ui->app->who, group_id, &st, &error) != 1) {
		ui_message(ui, true, "%s", error != NULL ? error : _("That group no longer exists."));
		free(error);
		return;
	}
	if (st.follower)
		ret = store_group_unfollow(ui->app->st, ui->app->who, group_id, &error);
	else
		ret = store_group_follow(ui->app->st, ui->app->who, group_id, &error);
	if (ret != 0)
		ui_message(ui, true, "%s", error != NULL ? error : _("Nothing was changed."));
	else if (st.follower)
		ui_message(ui, false, "%s", _("You no longer follow this group."));
	else
		ui_message(ui, false, "%s",
		    _("You follow this group: its updates appear on your home screen."));
	free(error);
}

/* f: step through the group's settings (leads post / members post) × followers. */
static void
upd_settings(struct ui *ui, struct screen *s, struct upd_screen *u)
{
	struct update_standing *st = &u->standing;
	bool members, followers;
	char *error = NULL;

	if (u->group_id == 0)
		return;
	if (!st->may_settle) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_GROUP_EDIT)));
		return;
	}
	/* leads only + followers → members + followers → members, none → leads only, none → … */
	members = st->members_may_post;
	followers = st->open_to_followers;
	if (!members && followers)
		members = true;
	else if (members && followers)
		followers = false;
	else if (members && !followers)
		members = false;
	else
		followers = true;
	if (store_update_settings(ui->app->st, ui->app->who, u->group_id, st->group_version,
	    members, followers, &error) != 0)
		ui_message(ui, true, "%s", error != NULL ? error : _("Nothing was changed."));
	else
		ui_message(ui, false, "%s %s", members ? _("Members may post.") :
		    _("Only leads post."), followers ? _("Open to followers.") : _("No followers."));
	free(error);
	upd_enter(ui, s);
}

static bool
upd_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct upd_screen *u = s->data;

	if (vlist_action(&u->list, a)) {
		if (u->list.error != NULL)
			ui_message(ui, true, "%s", u->list.error);
		return true;
	}
	switch (a) {
	case UI_ACTION_OPEN:
		upd_open(ui, vlist_selected(&u->list));
		return true;
	case UI_ACTION_NEW:
		upd_new(ui, u);
		return true;
	case UI_ACTION_EDIT:
		upd_edit(ui, vlist_selected(&u->list));
		return true;
	case UI_ACTION_DELETE_ITEM:
		upd_ask_delete(ui, u, vlist_selected(&u->list));
		return true;
	case UI_ACTION_FOLLOW:
		if (u->group_id == 0)
			return false;
		life_follow_toggle(ui, u->group_id);
		upd_enter(ui, s);
		return true;
	case UI_ACTION_FILTER:
		upd_settings(ui, s, u);
		return true;
	default:
		return false;
	}
}

static void
upd_free(struct screen *s)
{
	struct upd_screen *u = s->data;

	if (u == NULL)
		return;
	vlist_clear(&u->list);
	upd_line_free(u->asked);
	free(u->group_name);
	free(u);
}

/* Does the selected row offer action a? e and - only where who may change the update. */
static bool
upd_hint_applies(struct ui *ui, struct upd_screen *u, enum ui_action a)
{
	const struct upd_line *r;

	if (a != UI_ACTION_EDIT && a != UI_ACTION_DELETE_ITEM && a != UI_ACTION_NEW)
		return true;
	if (store_read_only(ui->app->st))
		return false;
	if (a == UI_ACTION_NEW)
		return true;
	r = vlist_selected(&u->list);
	return r != NULL && r->may_change && (a != UI_ACTION_EDIT || !r->closed);
}

/*
 * The hint bar: the screen's keys, with f shown as the group's "settings",
 * and e and - only on an update who may change.
 */
static const char *
upd_hint_text(struct ui *ui, struct screen *s)
{
	static char buf[512];
	const enum ui_action *h;
	char key[32];
	size_t len = 0;

	buf[0] = '\0';
	for (h = s->ops->hints; h != NULL && *h != UI_ACTION_NONE && len < sizeof buf; h++) {
		if (!upd_hint_applies(ui, s->data, *h))
			continue;
		keys_first(*h, key, sizeof key);
		snprintf(buf + len, sizeof buf - len, "%s %s  ", key,
		    *h == UI_ACTION_FILTER ? _("settings") : _(keys_action_hint(*h)));
		len = strlen(buf);
	}
	return buf;
}

static const struct screen_ops upd_ops = {
	.name = N_("Updates"),
	.enter = upd_enter,
	.draw = upd_draw,
	.on_key = upd_on_key,
	.on_action = upd_on_action,
	.hints = upd_hints,
	.hint_text = upd_hint_text,
	.free = upd_free,
};

/* Who only reads sees fewer keys. */
static const struct screen_ops upd_ops_read = {
	.name = N_("Updates"),
	.enter = upd_enter,
	.draw = upd_draw,
	.on_key = upd_on_key,
	.on_action = upd_on_action,
	.hints = upd_hints_read,
	.hint_text = upd_hint_text,
	.free = upd_free,
};

static const struct screen_ops upd_ops_mine = {
	.name = N_("Recent updates"),
	.enter = upd_enter,
	.draw = upd_draw,
	.on_key = upd_on_key,
	.on_action = upd_on_action,
	.hints = upd_hints_mine,
	.hint_text = upd_hint_text,
	.free = upd_free,
};

void
scr_updates_push(struct ui *ui, int64_t group_id)
{
	struct upd_screen *u = xcalloc(1, sizeof *u);
	struct group_detail d;
	char *error = NULL;

	u->ui = ui;
	u->group_id = group_id;
	vlist_init(&u->list, &upd_vlist_ops, u);
	if (group_id == 0) {
		screen_push(ui, &upd_ops_mine, u);
		return;
	}
	memset(&d, 0, sizeof d);
	if (store_group_get(ui->app->st, ui->app->who, group_id, &d, &error) != 1) {
		ui_message(ui, true, "%s", error != NULL ? error : _("That group no longer exists."));
		free(error);
		store_group_detail_clear(&d);
		vlist_clear(&u->list);
		free(u);
		return;
	}
	u->group_name = xstrdup(d.name);
	store_group_detail_clear(&d);
	screen_push(ui, &upd_ops_read, u);
}

/* ---- the group page's section ---- */

struct upd_section {
	struct ui *ui;
	struct widget_lines *l;
};

static int
upd_section_row(const struct update_row *r, void *arg)
{
	struct upd_section *sec = arg;
	char when[DATE_ISO_LEN];

	widget_lines_add(sec->l, 2, r->unread ? (int)A_BOLD : (int)A_NORMAL, "%s %s  %s",
	    r->unread ? UPD_MARK : " ", widget_day(r->posted_at, when), r->title);
	return 0;
}

/* The line under the section: only what applies to who. */
static void
upd_section_hint(struct ui *ui, const struct update_standing *st, struct widget_lines *l)
{
	char follow[32], updates[32], line[512] = "";
	size_t n;

	keys_first(UI_ACTION_FOLLOW, follow, sizeof follow);
	keys_first(UI_ACTION_UPDATES, updates, sizeof updates);
	if (st->follower)
		snprintf(line, sizeof line, _("You follow this group · %s unfollow"), follow);
	else if (st->may_follow)
		snprintf(line, sizeof line, _("%s follow this group"), follow);
	n = strlen(line);
	if (st->may_post)
		snprintf(line + n, sizeof line - n, _("%s%s all updates and post one"),
		    n > 0 ? " · " : "", updates);
	else if (st->may_read)
		snprintf(line + n, sizeof line - n, _("%s%s all updates"), n > 0 ? " · " : "",
		    updates);
	if (line[0] != '\0')
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_DIM), "%s", line);
}

void
life_updates_section(struct ui *ui, const struct group_detail *d,
    const struct access_ctx *ctx, struct widget_lines *l)
{
	struct upd_section sec = { ui, l };
	struct update_standing st;
	char *error = NULL;

	(void)ctx;
	if (d == NULL || actor_is_visitor(ui->app->who))
		return;
	widget_lines_add(l, 0, A_NORMAL, "%s", "");
	if (store_update_standing(ui->app->st, ui->app->who, d->id, &st, &error) != 1) {
		widget_lines_add(l, 1, A_BOLD, "%s", _("Updates"));
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_ERROR), "%s", error != NULL ? error :
		    _("The updates cannot be read."));
		free(error);
		return;
	}
	if (st.may_read && st.unread > 0)
		widget_lines_add(l, 1, A_BOLD, P_("Updates (%d unread)", "Updates (%d unread)",
		    st.unread), st.unread);
	else
		widget_lines_add(l, 1, A_BOLD, "%s", _("Updates"));
	if (!st.may_read) {
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_DIM), "%s",
		    _("Only the group's members and followers read its updates."));
	} else if (store_updates_page(ui->app->st, ui->app->who, d->id, NULL, false, true,
	    UPD_SECTION_ROWS, upd_section_row, &sec, &error) != 0) {
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_ERROR), "%s", error != NULL ? error :
		    _("The updates cannot be read."));
		free(error);
		error = NULL;
	} else if (l->v[l->n - 1].indent == 1) {
		widget_lines_add(l, 2, ui_attr(ui, UI_COLOUR_DIM), "%s", _("No updates yet."));
	}
	upd_section_hint(ui, &st, l);
}

/*
 * scr_editor.c — a long text edited full-screen: intervision notes, a
 * description. Outside a restricted login, C-x hands the text to the
 * user's own editor (ui/ext_editor.h).
 *
 * Shows: a line with the hint (the question the text answers), the text
 * wrapped at the window width with the cursor in it (↑ ↓ at the right when
 * there is more), and a status row "line 3 of 12 · 240 characters (max
 * 4000)". Widgets: rows of its own, the status line, a hint bar of its own.
 * Keys: every key comes raw (on_key), so letters are text; the table is in
 * scr_editor_key and its helpers. Actions: none. Store: none; the caller's
 * autosave and done callbacks save.
 *
 * Typing and pasting: keys that are already waiting are taken in one go
 * before the next redraw, so a paste costs one redraw, not one per
 * character. While the editor is open the terminal marks pastes (bracketed
 * paste, ESC[200~ … ESC[201~); a marked paste is one change for undo, and
 * its newlines and tabs are text. Autosave runs on the interface's idle
 * tick (screen_ops.idle) and between keys, at most every 3 seconds.
 */
#include "autoconf.h"

#include <ctype.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/lineedit.h"
#include "core/text.h"
#include "core/xmalloc.h"
#include "ui/ext_editor.h"
#include "ui/ui_private.h"
#include "ui/widgets.h"

#define SCR_EDITOR_KEY_ESC 27
#define SCR_EDITOR_KEY_CTRL(c) ((c) & 0x1f)
#define SCR_EDITOR_KEY_UNDO_ALT 0x1f	/* C-_ (C-/ in many terminals): C-z may suspend */
#define SCR_EDITOR_PASTE_BEGIN 0x1f00	/* the codes scr_form.c gives \e[200~ */
#define SCR_EDITOR_PASTE_END 0x1f01	/* and \e[201~: the same, so both agree */
#define SCR_EDITOR_AUTOSAVE_MS 3000
#define SCR_EDITOR_PASTE_WAIT_MS 200	/* a paste whose end mark does not come ends */
#define SCR_EDITOR_TAB_SPACES 4
#define SCR_EDITOR_MIN_WIDTH 8

/* After a key: read on (more keys may wait), stop reading, or the screen is gone. */
enum scr_editor_next {
	SCR_EDITOR_MORE,
	SCR_EDITOR_STOP,
	SCR_EDITOR_GONE
};

struct scr_editor {
	struct ui *ui;
	struct lineedit *le;	/* owned */
	char *hint;		/* owned; NULL = none */
	char *orig;		/* owned; the text on entry */
	char *saved;		/* owned; the text at the last autosave */
	struct timespec saved_at;
	int max_chars;		/* 0 = no cap */
	int top;		/* the first row shown */
	int rows;		/* text rows at the last draw */
	bool confirming;	/* asking whether to leave without keeping */
	bool pasting;		/* between the marks of a paste */
	bool closed;		/* done has been called */
	bool paste_mode;	/* this editor turned bracketed paste on */
	char *paste;		/* owned; the paste so far */
	size_t paste_len, paste_size;
	int (*autosave)(struct ui *, const char *, void *);
	void (*done)(struct ui *, const char *, bool, void *);
	void *arg;
	void (*free_arg)(void *);
};

static bool
scr_editor_printable(int code)
{
	return code >= 0x20 && code != 0x7f && !(code >= 0x80 && code < 0xa0) && code <= 0x10ffff;
}

static long
scr_editor_ms(const struct timespec *from, const struct timespec *to)
{
	return (long)(to->tv_sec - from->tv_sec) * 1000 + (to->tv_nsec - from->tv_nsec) / 1000000;
}

/*
 * Hand the text to autosave when it changed since the last time, and (unless
 * now) 3 s passed. False when autosave could not save it: the text then
 * still counts as unsaved, and is offered again.
 */
static bool
scr_editor_autosave(struct scr_editor *e, bool now)
{
	const char *text = lineedit_text(e->le);
	struct timespec t;

	if (e->autosave == NULL || strcmp(text, e->saved) == 0)
		return true;
	clock_gettime(CLOCK_MONOTONIC, &t);
	if (!now && scr_editor_ms(&e->saved_at, &t) < SCR_EDITOR_AUTOSAVE_MS)
		return true;
	if (e->autosave(e->ui, text, e->arg) != 0) {
		e->saved_at = t;	/* try again in 3 s, not on every key */
		return false;
	}
	free(e->saved);
	e->saved = xstrdup(text);
	e->saved_at = t;
	return true;
}

/*
 * Bracketed paste on or off. A form below keeps the mode on for itself
 * (scr_form.c counts its own forms), so the editor switches it off on
 * leaving only when no form is open.
 */
static void
scr_editor_paste_mode(bool on)
{
	if (on) {
		define_key("\033[200~", SCR_EDITOR_PASTE_BEGIN);
		define_key("\033[201~", SCR_EDITOR_PASTE_END);
		putp("\033[?2004h");
	} else {
		putp("\033[?2004l");
	}
	fflush(stdout);	/* putp writes through stdio */
}

/* Is a form (scr_form.c, named "Form") open under the editor e? */
static bool
scr_editor_form_open(const struct ui *ui, const struct scr_editor *e)
{
	int i;

	for (i = 0; i < ui->depth; i++) {
		if (ui->stack[i].data != e && strcmp(ui->stack[i].ops->name, "Form") == 0)
			return true;
	}
	return false;
}

/* ---- drawing ---- */

/* Keep the cursor's row within the rows shown. */
static void
scr_editor_scroll(struct scr_editor *e)
{
	int lines = (int)lineedit_lines(e->le), row = (int)lineedit_line_of_cursor(e->le);

	if (e->top > lines - e->rows)
		e->top = lines - e->rows;
	if (row < e->top)
		e->top = row;
	if (row >= e->top + e->rows)
		e->top = row - e->rows + 1;
	if (e->top < 0)
		e->top = 0;
}

/* One row of text at (y, x); a tab shows as a space, as its one column counts. */
static void
scr_editor_draw_row(int y, int x, const char *s, size_t n)
{
	char *buf = xmalloc(n + 1);
	size_t i;

	for (i = 0; i < n; i++)
		buf[i] = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
	buf[n] = '\0';
	mvaddstr(y, x, buf);
	free(buf);
}

/* The status row: where the cursor is and how long the text is, or the question. */
static void
scr_editor_draw_status(struct ui *ui, struct scr_editor *e, int y)
{
	char buf[256];
	int line = (int)lineedit_line_of_cursor(e->le) + 1, lines = (int)lineedit_lines(e->le);
	const char *q;

	if (e->confirming) {
		q = _("Leave without keeping the changes? y/n");
		widget_text(y, 1, COLS - 2, q, ui_attr(ui, UI_COLOUR_ERROR) | A_BOLD);
		move(y, 1 + (text_width(q) < COLS - 3 ? text_width(q) : COLS - 3));
		return;
	}
	if (e->max_chars > 0)
		snprintf(buf, sizeof buf, _("line %d of %d · %d characters (max %d)"), line, lines,
		    lineedit_chars(e->le), e->max_chars);
	else
		snprintf(buf, sizeof buf, _("line %d of %d · %d characters"), line, lines,
		    lineedit_chars(e->le));
	widget_text(y, 1, COLS - 2, buf, ui_attr(ui, UI_COLOUR_DIM));
}

static void
scr_editor_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct scr_editor *e = s->data;
	int y = top, r, lines, dim = ui_attr(ui, UI_COLOUR_DIM), width = COLS - 4;
	const char *line;
	size_t len;

	e->ui = ui;
	lineedit_set_width(e->le, width > SCR_EDITOR_MIN_WIDTH ? width : SCR_EDITOR_MIN_WIDTH);
	if (e->hint != NULL && height > 4)
		widget_text(y++, 1, COLS - 2, e->hint, A_BOLD);
	e->rows = top + height - 1 - y > 0 ? top + height - 1 - y : 1;
	scr_editor_scroll(e);
	lines = (int)lineedit_lines(e->le);
	for (r = 0; r < e->rows && e->top + r < lines; r++) {
		line = lineedit_line(e->le, (size_t)(e->top + r), &len);
		scr_editor_draw_row(y + r, 1, line, len);
	}
	if (e->top > 0)
		widget_text(y, COLS - 1, 1, "\xe2\x86\x91", dim);	/* ↑ */
	if (e->top + e->rows < lines)
		widget_text(y + e->rows - 1, COLS - 1, 1, "\xe2\x86\x93", dim);	/* ↓ */
	curs_set(1);
	scr_editor_draw_status(ui, e, top + height - 1);	/* places the cursor when asking */
	if (!e->confirming)
		move(y + (int)lineedit_line_of_cursor(e->le) - e->top,
		    1 + lineedit_cursor_column(e->le));
}

static const char *
scr_editor_hint_text(struct ui *ui, struct screen *s)
{
	(void)s;
	if (ui->app->opt.restricted)
		return _("F2 keep  Esc leave  C-_ undo  F1 keys");
	return _("F2 keep  Esc leave  C-_ undo  C-x your own editor  F1 keys");
}

/* ---- closing ---- */

/* Call done, then take the editor off the stack (also when done pushed a screen above it). */
static bool
scr_editor_close(struct ui *ui, struct screen *s, bool keep)
{
	struct scr_editor *e = s->data;
	int i = (int)(s - ui->stack);

	/* F2 with a text that could not be saved: stay, the message says why */
	if (!scr_editor_autosave(e, true) && keep)
		return false;
	e->closed = true;
	if (e->done != NULL)
		e->done(ui, lineedit_text(e->le), keep, e->arg);
	if (i >= ui->depth || ui->stack[i].data != e)
		return true;
	if (i == ui->depth - 1) {
		screen_pop(ui);
		return true;
	}
	s->ops->free(s);
	memmove(&ui->stack[i], &ui->stack[i + 1], (size_t)(ui->depth - i - 1) * sizeof *s);
	ui->depth--;
	ui->dirty = true;
	return true;
}

/* Esc: leave at once when nothing changed, else ask first. */
static enum scr_editor_next
scr_editor_leave(struct ui *ui, struct screen *s)
{
	struct scr_editor *e = s->data;

	if (strcmp(lineedit_text(e->le), e->orig) != 0) {
		e->confirming = true;
		return SCR_EDITOR_STOP;
	}
	scr_editor_close(ui, s, false);
	return SCR_EDITOR_GONE;
}

/* The answer to "Leave without keeping the changes?": y (or the translated yes) leaves. */
static enum scr_editor_next
scr_editor_confirm(struct ui *ui, struct screen *s, int code)
{
	/* TRANSLATORS: the key (one lower-case letter) that answers "yes" to a question */
	const char *yes = _("y");
	struct scr_editor *e = s->data;

	e->confirming = false;
	if (code == 'y' || code == 'Y' ||
	    (code > 0 && code < 0x80 && tolower(code) == tolower((unsigned char)yes[0]))) {
		scr_editor_close(ui, s, false);
		return SCR_EDITOR_GONE;
	}
	return SCR_EDITOR_STOP;
}

/* ---- keys ---- */

/* Add a character of a paste (a newline or tab as well) to what is kept for it. */
static void
scr_editor_paste_add(struct scr_editor *e, int code)
{
	unsigned long cp = (unsigned long)code;

	if (e->paste_len + 5 > e->paste_size) {
		e->paste_size = e->paste_size ? e->paste_size * 2 : 4096;
		e->paste = xrealloc(e->paste, e->paste_size);
	}
	if (cp < 0x80) {
		e->paste[e->paste_len++] = (char)cp;
	} else if (cp < 0x800) {
		e->paste[e->paste_len++] = (char)(0xc0 | (cp >> 6));
		e->paste[e->paste_len++] = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		e->paste[e->paste_len++] = (char)(0xe0 | (cp >> 12));
		e->paste[e->paste_len++] = (char)(0x80 | ((cp >> 6) & 0x3f));
		e->paste[e->paste_len++] = (char)(0x80 | (cp & 0x3f));
	} else if (cp <= 0x10ffff) {
		e->paste[e->paste_len++] = (char)(0xf0 | (cp >> 18));
		e->paste[e->paste_len++] = (char)(0x80 | ((cp >> 12) & 0x3f));
		e->paste[e->paste_len++] = (char)(0x80 | ((cp >> 6) & 0x3f));
		e->paste[e->paste_len++] = (char)(0x80 | (cp & 0x3f));
	}
}

/* The paste has ended: insert it as one change, or refuse it whole past the cap. */
static void
scr_editor_paste_end(struct ui *ui, struct scr_editor *e)
{
	e->pasting = false;
	if (e->paste_len == 0)
		return;
	e->paste[e->paste_len] = '\0';
	e->paste_len = 0;
	lineedit_set_max(e->le, e->max_chars);
	if (lineedit_insert(e->le, e->paste) != 0)
		ui_message(ui, true, _("The paste does not fit: at most %d characters in all; "
		    "nothing was pasted."), e->max_chars);
}

/* Typing: a character, Enter (a new line) or Tab (four spaces). */
static bool
scr_editor_key_text(struct ui *ui, struct scr_editor *e, int code)
{
	int rc = 0, i;

	lineedit_set_max(e->le, e->max_chars);
	if (code == '\r' || code == '\n' || code == KEYS_FN(KEY_ENTER))
		rc = lineedit_insert(e->le, "\n");
	else if (code == '\t')
		for (i = 0; i < SCR_EDITOR_TAB_SPACES && rc == 0; i++)
			rc = lineedit_insert_char(e->le, ' ');
	else if (scr_editor_printable(code))
		rc = lineedit_insert_char(e->le, (unsigned long)code);
	else
		return false;
	if (rc != 0)
		ui_message(ui, true, _("too long: at most %d characters"), e->max_chars);
	return true;
}

/* PgUp/PgDn: a screen of rows up or down; at the first or last row, to its start or end. */
static void
scr_editor_page(struct scr_editor *e, int dir)
{
	int n = e->rows > 1 ? e->rows - 1 : 1, i;
	bool moved = true;

	for (i = 0; i < n && moved; i++)
		moved = dir < 0 ? lineedit_up(e->le) : lineedit_down(e->le);
	if (!moved && dir < 0)
		lineedit_home(e->le);
	else if (!moved)
		lineedit_end(e->le);
	e->top += dir * n;
}

/* The code of a curses key known by its terminfo name (e.g. "kLFT5"), or -1. */
static int
scr_editor_named_key(const char *name)
{
	const char *seq = tigetstr(name);
	int k;

	if (seq == NULL || seq == (const char *)-1)
		return -1;
	k = key_defined(seq);
	return k > 0 ? KEYS_FN(k) : -1;
}

/* Ctrl- or Alt-Left/Right by word; Ctrl-Home/End to the start or end of the text. */
static bool
scr_editor_key_named(struct scr_editor *e, int code)
{
	static const char *const names[] = { "kLFT5", "kLFT3", "kRIT5", "kRIT3", "kHOM5", "kEND5" };
	static int keys[6] = { -2, -2, -2, -2, -2, -2 };
	int i;

	if (keys[0] == -2) {
		for (i = 0; i < 6; i++)
			keys[i] = scr_editor_named_key(names[i]);
	}
	for (i = 0; i < 6 && code != keys[i]; i++)
		;
	if (i == 0 || i == 1)
		lineedit_word_left(e->le);
	else if (i == 2 || i == 3)
		lineedit_word_right(e->le);
	else if (i == 4)
		while (lineedit_up(e->le) || lineedit_home(e->le))
			;
	else if (i == 5)
		while (lineedit_down(e->le) || lineedit_end(e->le))
			;
	return i < 6;
}

/* Cursor movement. */
static bool
scr_editor_key_move(struct scr_editor *e, int code)
{
	struct lineedit *le = e->le;

	switch (code) {
	case KEYS_FN(KEY_LEFT): lineedit_left(le); break;
	case KEYS_FN(KEY_RIGHT): lineedit_right(le); break;
	case KEYS_FN(KEY_UP): lineedit_up(le); break;
	case KEYS_FN(KEY_DOWN): lineedit_down(le); break;
	case KEYS_FN(KEY_HOME): case SCR_EDITOR_KEY_CTRL('a'): lineedit_home(le); break;
	case KEYS_FN(KEY_END): case SCR_EDITOR_KEY_CTRL('e'): lineedit_end(le); break;
	case KEYS_FN(KEY_PPAGE): scr_editor_page(e, -1); break;
	case KEYS_FN(KEY_NPAGE): scr_editor_page(e, 1); break;
	default: return scr_editor_key_named(e, code);
	}
	return true;
}

/* Deleting and undo. */
static bool
scr_editor_key_change(struct ui *ui, struct scr_editor *e, int code)
{
	struct lineedit *le = e->le;

	switch (code) {
	case KEYS_FN(KEY_BACKSPACE): case 0x7f: case SCR_EDITOR_KEY_CTRL('h'):
		lineedit_backspace(le);
		break;
	case KEYS_FN(KEY_DC): lineedit_delete(le); break;
	case SCR_EDITOR_KEY_CTRL('u'):	/* erase the row up to the cursor */
		while (lineedit_cursor_column(le) > 0 && lineedit_backspace(le))
			;
		break;
	case SCR_EDITOR_KEY_CTRL('z'): case SCR_EDITOR_KEY_UNDO_ALT:
		if (lineedit_undo(le) != 0)
			ui_message(ui, false, "%s", _("Nothing to undo."));
		break;
	default:
		return false;
	}
	return true;
}

/* C-x: the user's own editor, unless this login is restricted. */
static void
scr_editor_external(struct ui *ui, struct scr_editor *e)
{
	char *text = NULL, *why = NULL;
	int rc;

	if (ui->app->opt.restricted) {
		ui_message(ui, true, "%s", _("Over this SSH login only the built-in editor is "
		    "available."));
		return;
	}
	scr_editor_autosave(e, true);
	scr_editor_paste_mode(false);
	rc = ext_editor_edit(lineedit_text(e->le), e->max_chars, &text, &why);
	scr_editor_paste_mode(true);
	clearok(curscr, TRUE);
	ui->dirty = true;
	if (rc != 0) {
		ui_message(ui, true, "%s", why);
	} else if (strcmp(text, lineedit_text(e->le)) == 0) {
		ui_message(ui, false, "%s", _("Your editor left the text as it was."));
	} else {
		lineedit_set(e->le, text);
		ui_message(ui, false, "%s", _("The text from your editor is in; F2 keeps it."));
	}
	free(text);
	free(why);
}

/* One key; returns whether to read on, stop, or that the editor is gone. */
static enum scr_editor_next
scr_editor_key(struct ui *ui, struct screen *s, int code)
{
	struct scr_editor *e = s->data;

	if (code == KEYS_FN(SCR_EDITOR_PASTE_BEGIN)) {
		e->pasting = true;
		return SCR_EDITOR_MORE;
	}
	if (code == KEYS_FN(SCR_EDITOR_PASTE_END)) {
		scr_editor_paste_end(ui, e);
		return SCR_EDITOR_MORE;
	}
	if (e->pasting) {
		if (code < KEYS_FN(0))
			scr_editor_paste_add(e, code);
		return SCR_EDITOR_MORE;
	}
	if (e->confirming)
		return scr_editor_confirm(ui, s, code);
	if (scr_editor_key_text(ui, e, code) || scr_editor_key_move(e, code) ||
	    scr_editor_key_change(ui, e, code))
		return SCR_EDITOR_MORE;
	switch (code) {
	case KEYS_FN(KEY_F(2)): case SCR_EDITOR_KEY_CTRL('s'):
		return scr_editor_close(ui, s, true) ? SCR_EDITOR_GONE : SCR_EDITOR_MORE;
	case SCR_EDITOR_KEY_ESC:
		return scr_editor_leave(ui, s);
	case SCR_EDITOR_KEY_CTRL('x'):
		scr_editor_external(ui, e);
		return SCR_EDITOR_STOP;
	case KEYS_FN(KEY_F(1)):
		ui_message(ui, false, "%s", _("Arrows, Home/End, PgUp/PgDn, C-Left/C-Right by "
		    "word; Enter new line; Tab 4 spaces; Backspace, Delete, C-u; C-_ or C-z undo; "
		    "F2 keep; Esc leave; C-x your own editor (not over a restricted login)."));
		return SCR_EDITOR_STOP;
	case SCR_EDITOR_KEY_CTRL('l'):
		clearok(curscr, TRUE);
		return SCR_EDITOR_STOP;
	default:
		return SCR_EDITOR_MORE;	/* nothing here */
	}
}

/*
 * A key, and then every key that is already waiting (a paste, fast typing),
 * before the screen is drawn again. Within a marked paste, wait a little for
 * the rest of it.
 */
static bool
scr_editor_on_key(struct ui *ui, struct screen *s, int code)
{
	struct scr_editor *e = s->data;
	int delay = wgetdelay(stdscr), rc;
	enum scr_editor_next next;
	wint_t wch;

	free(ui->message);
	ui->message = NULL;
	e->ui = ui;
	while ((next = scr_editor_key(ui, s, code)) == SCR_EDITOR_MORE) {
		wtimeout(stdscr, e->pasting ? SCR_EDITOR_PASTE_WAIT_MS : 0);
		rc = get_wch(&wch);
		if (rc == ERR && e->pasting)
			scr_editor_paste_end(ui, e);	/* its end mark got lost */
		if (rc == ERR || (rc == KEY_CODE_YES && wch == KEY_RESIZE))
			break;
		code = rc == KEY_CODE_YES ? KEYS_FN((int)wch) : (int)wch;
	}
	wtimeout(stdscr, delay);
	if (next != SCR_EDITOR_GONE)
		scr_editor_autosave(e, false);
	return true;
}

static bool
scr_editor_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	(void)ui;
	(void)s;
	(void)a;
	return false;
}

/* Nothing typed for a while: autosave what changed. */
static void
scr_editor_idle(struct ui *ui, struct screen *s)
{
	struct scr_editor *e = s->data;

	e->ui = ui;
	scr_editor_autosave(e, false);
}

static void
scr_editor_free(struct screen *s)
{
	struct scr_editor *e = s->data;

	curs_set(0);
	if (e == NULL)
		return;
	if (!e->closed)
		scr_editor_autosave(e, true);	/* the interface ends (quit, hang-up) */
	if (e->paste_mode && !scr_editor_form_open(e->ui, e))
		scr_editor_paste_mode(false);
	if (e->free_arg != NULL)
		e->free_arg(e->arg);
	lineedit_free(e->le);
	free(e->hint);
	free(e->orig);
	free(e->saved);
	free(e->paste);
	free(e);
}

static const struct screen_ops scr_editor_ops = {
	.name = N_("Text"),
	.draw = scr_editor_draw,
	.on_key = scr_editor_on_key,
	.on_action = scr_editor_on_action,
	.hint_text = scr_editor_hint_text,
	.free = scr_editor_free,
	.idle = scr_editor_idle,
};

void
scr_editor_push(struct ui *ui, const char *title, const char *hint, const char *text,
    int max_chars, int (*autosave)(struct ui *, const char *, void *),
    void (*done)(struct ui *, const char *, bool, void *), void *arg, void (*free_arg)(void *))
{
	struct scr_editor *e = xcalloc(1, sizeof *e);
	int depth = ui->depth;

	e->ui = ui;
	e->le = lineedit_new(true);
	lineedit_set(e->le, text);
	e->hint = hint != NULL ? xstrdup(hint) : NULL;
	e->orig = xstrdup(lineedit_text(e->le));
	e->saved = xstrdup(e->orig);
	clock_gettime(CLOCK_MONOTONIC, &e->saved_at);
	e->max_chars = max_chars > 0 ? max_chars : 0;
	e->rows = 1;
	e->autosave = autosave;
	e->done = done;
	e->arg = arg;
	e->free_arg = free_arg;
	e->closed = true;	/* until it is on the stack: no autosave from a failed push */
	screen_push(ui, &scr_editor_ops, e);
	if (ui->depth != depth + 1)
		return;	/* not pushed: e is gone */
	e->closed = false;
	ui->stack[depth].title = title;
	e->paste_mode = true;
	scr_editor_paste_mode(true);
}

/*
 * scr_form.c — a screen that hosts a form: a new or changed thing is typed
 * here, then handed to the caller's submit function.
 *
 * Widgets: form, hint bar (the form's own hints). Keys: every key goes to
 * the form (so 'q' types a q), except F1 (help) and C-l (redraw). Actions:
 * none of its own. Store: none here; the caller's submit saves.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ui/form.h"

#define SCR_FORM_KEY_CTRL(c) ((c) & 0x1f)
#define SCR_FORM_PASTE_BEGIN 0x1f00	/* curses key codes of our own for \e[200~ */
#define SCR_FORM_PASTE_END 0x1f01	/* and \e[201~ */

static const struct screen_ops scr_form_ops;

struct scr_form {
	struct form *form;	/* owned */
	int (*submit)(struct ui *ui, struct form *form, void *arg);
	void *arg;		/* owned when free_arg is set */
	void (*free_arg)(void *arg);
	bool paste_mode;	/* this form turned bracketed paste on */
	bool pasting;		/* between the marks of a paste */
};

static void
scr_form_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct scr_form *sf = s->data;

	form_draw(sf->form, ui, top, height);
}

/*
 * While a form is open the terminal marks pastes (bracketed paste), so that
 * a pasted newline or tab is text rather than Enter or Tab. Terminals that
 * do not know the mode ignore it; there a paste still types its characters.
 */
static void
scr_form_paste_mode(bool on)
{
	static int forms;	/* open forms that want the mode */

	if (on && forms++ == 0) {
		define_key("\033[200~", SCR_FORM_PASTE_BEGIN);
		define_key("\033[201~", SCR_FORM_PASTE_END);
		putp("\033[?2004h");
	} else if (!on && --forms == 0) {
		putp("\033[?2004l");
	}
	fflush(stdout);	/* putp writes through stdio */
}

/* Take the form's screen off the stack, also when submit pushed one above it. */
static void
scr_form_close(struct ui *ui, struct screen *s)
{
	int i = (int)(s - ui->stack);

	if (i == ui->depth - 1) {
		screen_pop(ui);
		return;
	}
	s->ops->free(s);
	memmove(&ui->stack[i], &ui->stack[i + 1], (size_t)(ui->depth - i - 1) * sizeof *s);
	ui->depth--;
	ui->dirty = true;
}

/*
 * The form's own checks passed: the caller saves, or says what is wrong.
 * submit may push screens but must not pop this one.
 */
static void
scr_form_submit(struct ui *ui, struct screen *s)
{
	struct scr_form *sf = s->data;
	int i = (int)(s - ui->stack);

	if (sf->submit != NULL && sf->submit(ui, sf->form, sf->arg) != 0) {
		form_focus_error(sf->form);
		return;
	}
	if (i < ui->depth && ui->stack[i].data == sf)
		scr_form_close(ui, s);
}

/* A control character inside a paste is text: a newline or tab, or dropped. */
static void
scr_form_paste_control(struct scr_form *sf, int code)
{
	char c[2] = { (char)code, '\0' };

	form_insert(sf->form, c);
}

static bool
scr_form_on_key(struct ui *ui, struct screen *s, int code)
{
	struct scr_form *sf = s->data;
	enum form_result r;

	if (code == KEYS_FN(KEY_F(1)) || code == SCR_FORM_KEY_CTRL('l')) {
		curs_set(0);
		return false;	/* help and redraw as everywhere */
	}
	free(ui->message);
	ui->message = NULL;
	if (code == KEYS_FN(SCR_FORM_PASTE_BEGIN) || code == KEYS_FN(SCR_FORM_PASTE_END)) {
		sf->pasting = code == KEYS_FN(SCR_FORM_PASTE_BEGIN);
		return true;
	}
	if (sf->pasting && code >= 0 && code < 0x20) {
		scr_form_paste_control(sf, code);
		return true;
	}
	r = form_key(sf->form, code);
	if (r == FORM_SUBMIT)
		scr_form_submit(ui, s);
	else if (r == FORM_CANCEL)
		scr_form_close(ui, s);
	if (screen_top(ui)->ops != &scr_form_ops)
		curs_set(0);
	return true;
}

static bool
scr_form_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	(void)ui;
	(void)s;
	(void)a;
	return false;
}

static const char *
scr_form_hint_text(struct ui *ui, struct screen *s)
{
	(void)ui;
	(void)s;
	return form_hints();
}

static void
scr_form_free(struct screen *s)
{
	struct scr_form *sf = s->data;

	curs_set(0);
	if (sf == NULL)
		return;
	if (sf->paste_mode)
		scr_form_paste_mode(false);
	form_free(sf->form);
	if (sf->free_arg != NULL)
		sf->free_arg(sf->arg);
	free(sf);
}

static const struct screen_ops scr_form_ops = {
	.name = N_("Form"),
	.draw = scr_form_draw,
	.on_key = scr_form_on_key,
	.on_action = scr_form_on_action,
	.hint_text = scr_form_hint_text,
	.free = scr_form_free,
};

void
scr_form_push(struct ui *ui, const char *title, struct form *form,
    int (*submit)(struct ui *ui, struct form *form, void *arg), void *arg,
    void (*free_arg)(void *arg))
{
	struct scr_form *sf = xcalloc(1, sizeof *sf);
	int depth = ui->depth;

	sf->form = form;
	sf->submit = submit;
	sf->arg = arg;
	sf->free_arg = free_arg;
	screen_push(ui, &scr_form_ops, sf);
	if (ui->depth != depth + 1)
		return;	/* not pushed: sf is gone */
	ui->stack[depth].title = title;
	sf->paste_mode = true;
	scr_form_paste_mode(true);
}

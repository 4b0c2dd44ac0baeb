/*
 * scr_placeholder.c — a screen whose work has not landed yet says so, and
 * what it will show, instead of pretending.
 *
 * Widgets: text. Actions: none of its own. Store: none.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdlib.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ui/widgets.h"

struct placeholder {
	const char *title;	/* English, static */
	const char *what;	/* English, static */
};

static const enum ui_action placeholder_hints[] = {
	UI_ACTION_BACK, UI_ACTION_HOME, UI_ACTION_HELP, UI_ACTION_NONE
};

static void
placeholder_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct placeholder *p = s->data;

	(void)height;
	widget_text(top + 1, 2, COLS - 4, _(p->title), A_BOLD);
	widget_text(top + 3, 2, COLS - 4, _(p->what), A_NORMAL);
	widget_text(top + 5, 2, COLS - 4, _("This screen comes with a later release of leernet."),
	    ui_attr(ui, UI_COLOUR_DIM));
}

static bool
placeholder_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	(void)ui;
	(void)s;
	(void)a;
	return false;
}

static void
placeholder_free(struct screen *s)
{
	free(s->data);
}

static const struct screen_ops scr_placeholder_ops = {
	.name = N_("Coming soon"),
	.draw = placeholder_draw,
	.on_action = placeholder_on_action,
	.hints = placeholder_hints,
	.free = placeholder_free,
};

void
scr_placeholder_push(struct ui *ui, const char *title, const char *what)
{
	struct placeholder *p = xcalloc(1, sizeof *p);

	p->title = title;
	p->what = what;
	screen_push(ui, &scr_placeholder_ops, p);
	if (screen_top(ui)->ops == &scr_placeholder_ops)
		screen_top(ui)->title = title;
}

/*
 * scr_help.c — help generated from the key table: every action with its keys.
 *
 * Widgets: a scrolling text list, hint bar. Actions: list movement.
 * Store: none.
 */
#include "autoconf.h"

#include <curses.h>
#include <stdio.h>

#include "core/i18n.h"
#include "ui/keys.h"
#include "ui/widgets.h"

#define HELP_ROWS (UI_ACTION__COUNT - 1)

static const enum ui_action help_hints[] = {
	UI_ACTION_DOWN, UI_ACTION_UP, UI_ACTION_BACK, UI_ACTION_NONE
};

static void
help_draw(struct ui *ui, struct screen *s, int top, int height)
{
	char keys[128];
	int row, y = top + 1, kw = COLS >= 70 ? 24 : 16;

	(void)ui;
	widget_text(top, 1, COLS - 2, _("Keys (change them under \"keys\" in leernet.yaml)"), A_BOLD);
	s->height = height - 1;
	for (row = s->top; row < HELP_ROWS && y < top + height; row++, y++) {
		enum ui_action a = (enum ui_action)(row + 1);

		keys_describe(a, keys, sizeof keys);
		widget_text(y, 2, kw, keys, ui_attr(ui, UI_COLOUR_HINT_KEY));
		widget_text(y, 2 + kw, COLS - kw - 3, _(keys_action_help(a)), A_NORMAL);
	}
}

/* Scroll the view: the help has no selection. */
static bool
help_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	int max = HELP_ROWS - s->height, page = s->height > 1 ? s->height - 1 : 1;

	(void)ui;
	switch (a) {
	case UI_ACTION_UP: s->top--; break;
	case UI_ACTION_DOWN: s->top++; break;
	case UI_ACTION_PAGE_UP: s->top -= page; break;
	case UI_ACTION_PAGE_DOWN: s->top += page; break;
	case UI_ACTION_FIRST: s->top = 0; break;
	case UI_ACTION_LAST: s->top = max; break;
	default: return false;
	}
	if (s->top > max)
		s->top = max;
	if (s->top < 0)
		s->top = 0;
	return true;
}

const struct screen_ops scr_help_ops = {
	.name = N_("Help"),
	.draw = help_draw,
	.on_action = help_on_action,
	.hints = help_hints,
};

/*
 * widgets.h — the few drawing pieces every screen uses. Text is fitted by
 * display width (core/text.h), never by bytes.
 */
#ifndef LEERNET_UI_WIDGETS_H
#define LEERNET_UI_WIDGETS_H

#include <stdbool.h>

#include "ui/ui_private.h"

/* Draw s at (y, x) fitted (and padded) to width columns with attr. */
void widget_text(int y, int x, int width, const char *s, int attr);
/* A horizontal rule over the whole width at row y. */
void widget_rule(int y);
/* The title line: screen title on the left, who you are on the right. */
void widget_title(struct ui *ui, const char *title);
/* The status line above the hint bar. */
void widget_status(struct ui *ui);
/* The hint bar on the last line: "key label" pairs of the screen's actions. */
void widget_hints(struct ui *ui, const enum ui_action *hints);

/*
 * Move a list selection of count rows for a navigation action, keeping it
 * visible in s->height rows. Returns true when the action was a move.
 */
bool widget_list_move(struct screen *s, enum ui_action a, int count);

#endif

/*
 * widgets.h — the few drawing pieces every screen uses. Text is fitted by
 * display width (core/text.h), never by bytes.
 */
#ifndef LEERNET_UI_WIDGETS_H
#define LEERNET_UI_WIDGETS_H

#include <stdbool.h>

#include "ui/form.h"
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

/* A one-line search field edited in place (search as you type). */
struct widget_search {
	char text[256];		/* UTF-8 */
	bool active;		/* keys go to the field */
};

/*
 * Feed a raw key code to an active search field. Returns true when the key
 * was consumed; *changed tells whether the text changed. Enter and Esc end
 * the editing (Esc also clears the text).
 */
bool widget_search_key(struct widget_search *s, int code, bool *changed);
/* Draw "label: text" at row y, with a cursor when active. */
void widget_search_draw(struct ui *ui, const struct widget_search *s, int y, int x, int width);

/*
 * A text view: lines built for the current width, drawn from a scroll
 * offset. Build it in the screen's draw (data already in memory), then
 * widget_lines_draw; it owns its lines until widget_lines_clear.
 */
struct widget_line {
	char *text;
	int attr;
	int indent;
};
struct widget_lines {
	struct widget_line *v;
	int n, cap;
	int width;		/* columns to wrap at */
};
/*
 * Draw a row of n cells from column x: cell i w[i] columns wide, one space
 * between cells; a cell of width 0 or less is left out.
 */
void widget_cells(int y, int x, const int *w, const char *const *cells, int n, int attr);
void widget_lines_add(struct widget_lines *l, int indent, int attr, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Add text wrapped at l->width, every line indented. */
void widget_lines_wrap(struct widget_lines *l, int indent, int attr, const char *text);
/* Draw from row *top (clamped) into height rows at y. */
void widget_lines_draw(struct widget_lines *l, int *top, int y, int height);
void widget_lines_clear(struct widget_lines *l);
/* Scroll *top for a navigation action; true when it was one. */
bool widget_lines_scroll(int *top, int total, int height, enum ui_action a);

/*
 * Format a translated message that takes one %d (rules and validation
 * messages come as English formats from core). Allocated.
 */
char *widget_format_number(const char *translated_fmt, int n);

/*
 * After a refused save (the row changed meanwhile): say who changed it and
 * when, and that what was typed is kept.
 */
void widget_conflict_message(struct ui *ui, const char *entity, int64_t id);
/* Mark a field whose stored value changed meanwhile, showing the new value. */
void widget_mark_changed(struct form_field *fld, const char *was, const char *now);

/* The label of a group type key from the config, or the key. */
const char *widget_group_type_label(struct ui *ui, const char *key);
/*
 * A file path as typed in a form (allocated): a leading "~/" is the home
 * directory, and "-" a file of that name, never standard input (the
 * terminal).
 */
char *widget_path(const char *typed);

/*
 * Add the groups who leads today to a CHOICE field (each item's key is the
 * group's id), selecting want when it is one of them. The number added, or
 * -1 with a message on the status line.
 */
int widget_groups_led(struct ui *ui, struct form_field *fld, int64_t want);

/* "28-10-2026 13:30" from a stored moment "2026-10-28T13:30", into buf; "?" when it is none. */
const char *widget_when(const char *iso, char *buf, size_t size);
/* "28-10-2026" from a stored date or moment, into buf (DATE_ISO_LEN); "-" for NULL, "?" when
 * it is not a date. */
const char *widget_day(const char *iso, char *buf);

#endif

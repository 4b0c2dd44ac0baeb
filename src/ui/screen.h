/*
 * screen.h — screens and the screen stack.
 *
 * A screen is a const struct screen_ops plus its private data. The stack's
 * top screen gets the actions and draws the body; Esc/q pop it. Each
 * scr_*.c exports one screen_ops and, when it needs arguments, a function
 * that makes its data.
 */
#ifndef LEERNET_UI_SCREEN_H
#define LEERNET_UI_SCREEN_H

#include <stdbool.h>

#include "ui/actions.h"

struct ui;
struct screen;

struct screen_ops {
	const char *name;			/* English, for _(): shown in the title */
	/* Fetch what the screen shows; called on push and when data changed. */
	void (*enter)(struct ui *ui, struct screen *s);
	/* Draw the body into the rectangle (top, height) of stdscr. */
	void (*draw)(struct ui *ui, struct screen *s, int top, int height);
	/* Handle an action; return true when handled. */
	bool (*on_action)(struct ui *ui, struct screen *s, enum ui_action a);
	/* The actions for the hint bar, ending with UI_ACTION_NONE. */
	const enum ui_action *hints;
	void (*free)(struct screen *s);
};

struct screen {
	const struct screen_ops *ops;
	void *data;
	int selected;		/* the selected row of a list screen */
	int top;		/* the first visible row */
	int height;		/* the body height at the last draw */
	const char *title;	/* English, for _(); NULL = ops->name */
};

/* Push a new screen (data owned by the screen) and enter it. */
void screen_push(struct ui *ui, const struct screen_ops *ops, void *data);
/* Pop the top screen; false when it was the last one. */
bool screen_pop(struct ui *ui);
struct screen *screen_top(struct ui *ui);
void screen_free_all(struct ui *ui);

/* Screens other modules push. */
extern const struct screen_ops scr_home_ops;
extern const struct screen_ops scr_help_ops;
/* A screen whose issue has not landed yet: says so, with what it will show. */
void scr_placeholder_push(struct ui *ui, const char *title, const char *what);

#endif

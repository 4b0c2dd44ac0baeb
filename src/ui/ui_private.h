/*
 * ui_private.h — what the ui modules share: the running interface.
 */
#ifndef LEERNET_UI_PRIVATE_H
#define LEERNET_UI_PRIVATE_H

#include <stdbool.h>

#include "cli/app.h"
#include "ui/screen.h"

#define KEYS_FN(k) (0x200000 + (k))
#define UI_MIN_COLS 40
#define UI_MIN_LINES 12
#define UI_STACK_MAX 16

enum ui_colour {
	UI_COLOUR_TITLE = 1,
	UI_COLOUR_SELECTED,
	UI_COLOUR_HINT_KEY,
	UI_COLOUR_ERROR,
	UI_COLOUR_BANNER,
	UI_COLOUR_DIM
};

struct ui {
	struct app *app;
	struct screen stack[UI_STACK_MAX];
	int depth;
	bool colour;
	bool quit;
	bool dirty;		/* redraw on the next pass */
	char *message;		/* status line text, owned */
	bool message_error;
};

/* Set the status line (printf-style); error messages are highlighted. */
void ui_message(struct ui *ui, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The attribute for a colour role, falling back to plain attributes. */
int ui_attr(struct ui *ui, enum ui_colour c);

#endif

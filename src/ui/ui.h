/*
 * ui.h — the full-screen interface (the only module that knows curses).
 */
#ifndef LEERNET_UI_UI_H
#define LEERNET_UI_UI_H

#include "cli/app.h"

/*
 * Can the interface start here? Checks for a terminal and a usable TERM
 * (falling back to a close known entry) before anything is opened. Prints
 * a clear message and returns an exit status when it cannot; 0 when it can.
 */
int ui_preflight(void);

/*
 * Check the config's key bindings against the key table. Prints
 * "file:line:col: …" and returns EX_CONFIG when one is wrong; 0 otherwise.
 */
int ui_check_config(const struct config *cfg);

/* Run the interface on a started app until the user quits; an exit status. */
int ui_run(struct app *app);

#endif

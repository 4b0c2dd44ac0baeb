/*
 * keys.h — the key table: default bindings, names of keys, rebinding from
 * the config. Raw key codes appear here and nowhere else.
 */
#ifndef LEERNET_UI_KEYS_H
#define LEERNET_UI_KEYS_H

#include <stddef.h>

#include "config/config.h"
#include "ui/actions.h"

/* Load the defaults, then apply the config's bindings. On an unknown
 * action or key name returns -1 with *error "file:line:col: …". */
int keys_init(const struct config *cfg, char **error);

/* The action bound to a key code from wgetch/wget_wch, or UI_ACTION_NONE. */
enum ui_action keys_action(int code);

/* Name of an action ("down"), its help text and hint (English, for _()). */
const char *keys_action_name(enum ui_action a);
const char *keys_action_help(enum ui_action a);
const char *keys_action_hint(enum ui_action a);

/* The keys bound to an action, as display text ("j, Down"), into buf. */
const char *keys_describe(enum ui_action a, char *buf, size_t size);
/* The first key bound to an action ("j"), into buf. */
const char *keys_first(enum ui_action a, char *buf, size_t size);

/* Key code for a name ("j", "Down", "C-n", "F1", "Esc"); -1 if unknown. */
int keys_parse(const char *name);

#endif

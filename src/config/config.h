/*
 * config.h — the YAML configuration as one validated struct config.
 *
 * The only module that knows libyaml. config_load() reads one file into a
 * fresh struct config owned by the caller (config_free() releases it, NULL
 * accepted). Every error names file:line:column (1-based), what was expected
 * and what was found; the caller exits with EX_CONFIG (78).
 *
 * Nothing here prints, exits or touches the database.
 */
#ifndef LEERNET_CONFIG_CONFIG_H
#define LEERNET_CONFIG_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"

#define CONFIG_MAX_BYTES (256 * 1024)
#define CONFIG_MAX_DEPTH 32

/* Ranges of the group-type norms. */
#define CONFIG_MAX_HOURS 2000
#define CONFIG_MAX_MONTHS 120
#define CONFIG_MAX_THRESHOLD 100
#define CONFIG_MAX_MEETINGS 100

enum config_language {
	CONFIG_LANGUAGE_NL,	/* Dutch messages whatever the locale (default) */
	CONFIG_LANGUAGE_EN,	/* the English source strings */
	CONFIG_LANGUAGE_AUTO	/* follow LC_MESSAGES / LANGUAGE */
};

enum config_date_format {
	CONFIG_DATE_NL,		/* dd-mm-jjjj (default) */
	CONFIG_DATE_ISO		/* yyyy-mm-dd */
};

enum config_colour {
	CONFIG_COLOUR_AUTO,	/* colour unless NO_COLOR is set (default) */
	CONFIG_COLOUR_ALWAYS,
	CONFIG_COLOUR_NEVER
};

/* A key/label pair: key is the stable identifier stored in the database. */
struct config_item {
	char *key;		/* e.g. "plg", "intervision" */
	char *label;		/* e.g. "PLG", "Intervisie" */
};

struct config_items {
	struct config_item *v;
	size_t n;
};

struct config_group_type {
	char *key;			/* "plg", "werkgroep", "project", ... */
	char *label;
	int hours_norm;			/* facilitated hours per school year, >= 0 */
	int min_months;			/* shortest planned duration, >= 0 */
	int max_months;			/* longest planned duration, >= min */
	int interest_threshold;		/* registrations needed to form, >= 1 */
	int expected_meetings;		/* per school year, >= 0 */
	bool needs_proposal;		/* a project group needs an approved proposal */
};

struct config_method {
	char *key;		/* "incident", "balint", "vijfstappen" */
	char *label;
	char **phases;		/* labels, in order; at least one */
	size_t n_phases;
};

struct config_holiday {
	char *region;		/* "noord", "midden", "zuid" or "all" */
	char *name;		/* "Herfstvakantie" */
	struct date first;
	struct date last;	/* inclusive, >= first */
};

struct config_binding {
	char *action;		/* an action name from the key table, e.g. "down" */
	char **keys;		/* key names: "j", "Down", "C-n", "F1", "Space" */
	size_t n_keys;		/* 0 = the action is left without keys */
	int line, column;	/* of the action name in the file, 1-based */
};

/*
 * The colours of one part of the screen, from "[bold] COLOUR [on COLOUR]".
 * Colours are the ANSI numbers 0 (black) .. 7 (white), -1 for the
 * terminal's own. Element names are not checked here: ui/ reports an
 * unknown one as path:line:column.
 */
struct config_colour_rule {
	char *element;		/* e.g. "title", "selected" */
	int fg, bg;
	bool bold;
	int line, column;	/* of the element name in the file, 1-based */
};

struct config {
	char *path;			/* the file it came from */
	char *network_name;		/* required */
	char *contact;			/* optional, may be NULL */
	char *database;			/* optional path; NULL = XDG default */
	char *region;			/* the network's holiday region, default "midden" */
	enum config_language language;
	enum config_date_format date_format;
	enum config_colour colour;

	struct config_group_type *group_types;	/* at least one */
	size_t n_group_types;
	struct config_items roles;		/* membership roles */
	struct config_items functions;		/* person functions */
	struct config_items orientations;
	struct config_items working_forms;
	struct config_items success_factors;
	struct config_method *methods;
	size_t n_methods;
	struct config_holiday *holidays;
	size_t n_holidays;
	char **coordinators;			/* logins */
	size_t n_coordinators;
	struct config_binding *bindings;	/* only the rebound actions */
	size_t n_bindings;
	struct config_colour_rule *colours;	/* only the elements given */
	size_t n_colours;
};

/*
 * Load and validate path. Returns a new config, or NULL with *error set to
 * an allocated message "FILE:LINE:COL: what (hint)" that the caller frees.
 * Files over CONFIG_MAX_BYTES, nesting deeper than CONFIG_MAX_DEPTH, aliases,
 * anchors, duplicate keys, unknown keys, wrong types and out-of-range values
 * are errors. Every key is optional except network.name and group_types;
 * roles, functions, orientations, working_forms, methods and
 * success_factors left out get the built-in defaults; holidays,
 * coordinators, keys and colours left out are empty. path NULL is an error.
 * error may be NULL when the message is not wanted.
 */
struct config *config_load(const char *path, char **error);

/*
 * Parse len bytes of text from memory (no NUL needed); name is used in
 * messages (NULL gives "-"). Same contract as config_load; text NULL is an
 * error.
 */
struct config *config_parse(const char *name, const char *text, size_t len, char **error);

/* Release cfg and everything in it; NULL accepted. */
void config_free(struct config *cfg);

/* Lookups: NULL (false) when absent or when an argument is NULL. */
const struct config_group_type *config_group_type(const struct config *cfg, const char *key);
const struct config_method *config_method(const struct config *cfg, const char *key);
const char *config_item_label(const struct config_items *items, const char *key);
bool config_is_coordinator(const struct config *cfg, const char *login);

/*
 * The holiday of cfg->region (or "all") that contains d, or NULL.
 */
const struct config_holiday *config_holiday_on(const struct config *cfg, const struct date *d);

#endif

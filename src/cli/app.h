/*
 * app.h — what a running leernet holds, and the start-up steps that fill it.
 *
 * main.c parses the command line into struct app_options, then calls these
 * in order: app_locale, app_load_config, app_open_store, app_identify. The
 * UI and the commands borrow struct app; app_free releases it all.
 */
#ifndef LEERNET_CLI_APP_H
#define LEERNET_CLI_APP_H

#include <stdbool.h>

#include "config/config.h"
#include "core/actor.h"
#include "store/store.h"

/* Exit statuses (sysexits.h). */
enum {
	APP_EX_OK = 0,
	APP_EX_FAIL = 1,	/* a check found problems */
	APP_EX_USAGE = 64,
	APP_EX_DATAERR = 65,
	APP_EX_NOINPUT = 66,
	APP_EX_UNAVAILABLE = 69,
	APP_EX_SOFTWARE = 70,
	APP_EX_CANTCREAT = 73,
	APP_EX_IOERR = 74,
	APP_EX_TEMPFAIL = 75,
	APP_EX_NOPERM = 77,
	APP_EX_CONFIG = 78
};

struct app_options {
	const char *database;	/* --database */
	const char *config;	/* --config */
	const char *user;	/* --user */
	bool demo;		/* --demo */
	bool read_only;		/* --read-only */
	/*
	 * --restricted: leernet runs as an SSH forced command
	 * (command="leernet --restricted --user NAME" in authorized_keys) for
	 * someone who must not get a shell. Only the account's command line
	 * counts: --user is required, SSH_ORIGINAL_COMMAND is never looked at,
	 * LEERNET_* variables are dropped (app_restrict), a --demo copy goes
	 * under /tmp whatever TMPDIR says, and commands marked CMD_WRITES_FILE
	 * are refused (APP_EX_NOPERM). Screens and commands must not offer,
	 * when this is set, anything that writes a file a user names, and
	 * nothing starts another program: even "vim -Z" reads and writes any
	 * file. The one program leernet may start is the person's own editor
	 * for a long text (ui/ext_editor.c), and only when this is not set.
	 */
	bool restricted;
};

struct app {
	struct app_options opt;
	struct config *cfg;
	struct store *st;
	struct actor *who;
	char *db_path;		/* the database in use */
	char *demo_dir;		/* private directory of a --demo copy, removed at exit */
	char *data_dir;		/* where leernet.yaml and demo/ are found */
	bool locale_fallback;	/* setlocale("") failed; running in C.UTF-8 */
};

/*
 * The decimal separator of hours and money shown to people: ',' when the
 * interface speaks Dutch (the config's language, or else the locale's).
 */
char app_decimal(const struct app *app);

/* Set up LC_ALL from the environment, falling back to C.UTF-8, and bind the
 * message catalogue. Messages follow the locale until a config is loaded. */
void app_locale(struct app *app);

/* Find and load the config; on error prints file:line:col and returns EX_CONFIG. */
int app_load_config(struct app *app);

/* Open (creating when needed) the database; prints and returns an exit status. */
int app_open_store(struct app *app);

/* Work out who is acting; never fails (an unknown login is a visitor). */
int app_identify(struct app *app);

/*
 * For --restricted, straight after the options: refuse to go on without
 * --user (prints and returns APP_EX_USAGE) and remove every LEERNET_*
 * variable from the environment, so that nothing read later can be
 * steered by it. Returns APP_EX_OK otherwise.
 */
int app_restrict(struct app *app);

/*
 * LEERNET_TODAY=YYYY-MM-DD pins "today" (tests, demonstrations). Returns 0,
 * or -1 after a message when the value is not a date.
 */
int app_fix_today(void);

/* Release everything and remove a demo copy. Accepts NULL members. */
void app_free(struct app *app);

/* Print "leernet: message" to stderr. */
void app_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The directory of the shipped data (the source tree when run uninstalled). */
const char *app_data_dir(struct app *app);

#endif

/*
 * commands.h — the non-interactive commands: "leernet [options] COMMAND ...".
 *
 * Each takes the started app and its own arguments (argv[0] is the command
 * name) and returns an exit status from app.h.
 */
#ifndef LEERNET_CLI_COMMANDS_H
#define LEERNET_CLI_COMMANDS_H

#include "cli/app.h"

/* What a command needs from start-up, and what it does that matters. */
enum cmd_needs {
	CMD_NEEDS_CONFIG = 1 << 0,
	CMD_NEEDS_STORE = 1 << 1,
	CMD_NEEDS_KEYS = 1 << 2,	/* validate the key bindings (ui) first */
	CMD_WRITES_FILE = 1 << 3	/* writes a file named on its command line:
					 * refused with --restricted (APP_EX_NOPERM) */
};

struct cmd {
	const char *name;
	unsigned needs;
	int (*run)(struct app *app, int argc, char **argv);
	const char *usage;	/* English, for _() */
	const char *summary;	/* English, for _() */
};

/* The command called name, or NULL. */
const struct cmd *cmd_find(const char *name);
/* All commands, ending with a NULL name. */
const struct cmd *cmd_table(void);

int cmd_check(struct app *app, int argc, char **argv);
int cmd_groups(struct app *app, int argc, char **argv);
int cmd_themes(struct app *app, int argc, char **argv);
int cmd_interest(struct app *app, int argc, char **argv);
int cmd_propose(struct app *app, int argc, char **argv);
int cmd_register(struct app *app, int argc, char **argv);
int cmd_withdraw(struct app *app, int argc, char **argv);
int cmd_form(struct app *app, int argc, char **argv);
int cmd_demo(struct app *app, int argc, char **argv);
int cmd_audit(struct app *app, int argc, char **argv);
int cmd_backup(struct app *app, int argc, char **argv);
int cmd_people(struct app *app, int argc, char **argv);
/* "people import FILE ...": argv[0] is "import". */
int cmd_people_import(struct app *app, int argc, char **argv);
int cmd_roster(struct app *app, int argc, char **argv);
int cmd_snapshot(struct app *app, int argc, char **argv);
int cmd_notes(struct app *app, int argc, char **argv);
int cmd_hours(struct app *app, int argc, char **argv);
int cmd_agenda(struct app *app, int argc, char **argv);
int cmd_updates(struct app *app, int argc, char **argv);
int cmd_programme(struct app *app, int argc, char **argv);
int cmd_overview(struct app *app, int argc, char **argv);
int cmd_budget(struct app *app, int argc, char **argv);

#endif

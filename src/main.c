/*
 * main.c — leernet: arguments, start-up order, then the TUI or a command.
 *
 *   leernet [OPTION]...             the full-screen interface
 *   leernet [OPTION]... COMMAND ... a non-interactive command (cli/)
 *
 * As an SSH forced command (command="leernet --restricted --user NAME"),
 * this argv is the account's, never the client's: the command the client
 * asked for is in SSH_ORIGINAL_COMMAND, which leernet never reads, parses
 * or runs. Restricted, leernet starts no other program at all (no $EDITOR,
 * $PAGER or shell); see struct app_options in cli/app.h.
 */
#include "autoconf.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/app.h"
#include "cli/commands.h"
#include "core/i18n.h"
#include "ui/ui.h"

static void
main_usage(FILE *out)
{
	const struct cmd *c;

	fprintf(out, _("Usage: leernet [OPTION]... [COMMAND [ARG]...]\n"
	    "A terminal application for regional learning networks of schools.\n"
	    "Without a command, opens the full-screen interface.\n\n"));
	fprintf(out, _("Options:\n"
	    "  -d, --database FILE   use the database FILE\n"
	    "  -c, --config FILE     use the configuration FILE\n"
	    "  -u, --user LOGIN      act as the person with this login\n"
	    "      --demo            work on a fresh copy of the demo network\n"
	    "  -r, --read-only       open the database read-only\n"
	    "      --restricted      run as an SSH forced command: needs --user, ignores\n"
	    "                        LEERNET_* variables, writes no files (see leernet(1))\n"
	    "  -h, --help            show this help and exit\n"
	    "  -V, --version         show the version and exit\n\n"));
	fprintf(out, _("Commands:\n"));
	for (c = cmd_table(); c->name != NULL; c++) {
		/* a long usage gets its own line, the summary below it */
		if (strlen(_(c->usage)) > 28)
			fprintf(out, "  %s\n  %-28s %s\n", _(c->usage), "", _(c->summary));
		else
			fprintf(out, "  %-28s %s\n", _(c->usage), _(c->summary));
	}
	fprintf(out, _("\nExit status: 0 success, 1 problems found, 64 usage, 74 database "
	    "unreadable or damaged, 78 configuration error.\n"
	    "See leernet(1) and leernet.yaml(5).\n"));
}

static void
main_version(void)
{
	printf("leernet %s\n", PACKAGE_VERSION);
	printf(_("Copyright (C) 2026 the leernet authors.\n"
	    "This is free software: you are free to change and redistribute it.\n"));
}

/* Parse options into app->opt; returns the index of the command or -1 to exit. */
static int
main_options(struct app *app, int argc, char **argv, int *status)
{
	enum { OPT_DEMO = 256, OPT_RESTRICTED };
	static const struct option longopts[] = {
		{ "database", required_argument, NULL, 'd' },
		{ "config", required_argument, NULL, 'c' },
		{ "user", required_argument, NULL, 'u' },
		{ "demo", no_argument, NULL, OPT_DEMO },
		{ "read-only", no_argument, NULL, 'r' },
		{ "restricted", no_argument, NULL, OPT_RESTRICTED },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	while ((c = getopt_long(argc, argv, "+d:c:u:rhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': app->opt.database = optarg; break;
		case 'c': app->opt.config = optarg; break;
		case 'u': app->opt.user = optarg; break;
		case 'r': app->opt.read_only = true; break;
		case OPT_DEMO: app->opt.demo = true; break;
		case OPT_RESTRICTED: app->opt.restricted = true; break;
		case 'h': main_usage(stdout); *status = APP_EX_OK; return -1;
		case 'V': main_version(); *status = APP_EX_OK; return -1;
		default:
			fprintf(stderr, _("Try 'leernet --help' for more information.\n"));
			*status = APP_EX_USAGE;
			return -1;
		}
	}
	if (app->opt.demo && app->opt.database != NULL) {
		app_error(_("--demo and --database cannot be used together"));
		*status = APP_EX_USAGE;
		return -1;
	}
	return optind;
}

/* Start up what a command or the TUI needs, in order; an exit status. */
static int
main_start(struct app *app, unsigned needs)
{
	int status;

	if ((status = app_load_config(app)) != APP_EX_OK)
		return status;
	/* key bindings are checked before any database is opened or created */
	if ((needs & CMD_NEEDS_KEYS) && (status = ui_check_config(app->cfg)) != APP_EX_OK)
		return status;
	if ((needs & CMD_NEEDS_STORE) && (status = app_open_store(app)) != APP_EX_OK)
		return status;
	return app_identify(app);
}

int
main(int argc, char **argv)
{
	struct app app;
	const struct cmd *cmd = NULL;
	int first, status = APP_EX_OK;

	memset(&app, 0, sizeof app);
	app_locale(&app);
	first = main_options(&app, argc, argv, &status);
	if (first < 0)
		return status;
	/* before anything reads a LEERNET_* variable */
	if (app.opt.restricted && (status = app_restrict(&app)) != APP_EX_OK)
		return status;
	if (app_fix_today() != 0)
		return APP_EX_USAGE;
	if (first < argc) {
		cmd = cmd_find(argv[first]);
		if (cmd == NULL) {
			app_error(_("unknown command '%s'; try 'leernet --help'"), argv[first]);
			return APP_EX_USAGE;
		}
	}
	if (cmd != NULL && app.opt.restricted && (cmd->needs & CMD_WRITES_FILE)) {
		app_error(_("'%s' writes a file and is not allowed with --restricted; "
		    "exports go to the screen or to standard output"), cmd->name);
		return APP_EX_NOPERM;
	}
	if (cmd == NULL && (status = ui_preflight()) != APP_EX_OK)
		return status;
	status = main_start(&app, cmd != NULL ? cmd->needs :
	    CMD_NEEDS_CONFIG | CMD_NEEDS_KEYS | CMD_NEEDS_STORE);
	if (status == APP_EX_OK)
		status = cmd != NULL ? cmd->run(&app, argc - first, argv + first) : ui_run(&app);
	app_free(&app);
	return status;
}

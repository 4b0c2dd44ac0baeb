/*
 * cmd_people_import.c — "leernet people import FILE.csv [--dry-run]
 * [--skip-bad]": people from a spreadsheet into the network.
 *
 * The whole file ("-" is standard input) is read into memory and checked by
 * core/people_import.c (cli/people_import_file.h, shared with the People
 * screen); its bad rows go to stderr as "line N: reason". Any
 * bad row stops the import (65) unless --skip-bad, which imports the good
 * rows. store_people_import writes them in one transaction, so a refusal
 * or an interruption leaves the database as it was; --dry-run does all of
 * it and rolls back. Reading a file that the user names is refused with
 * --restricted (77): the service account's files are not theirs to read.
 */
#include "autoconf.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "cli/people_import_file.h"
#include "core/access.h"
#include "core/i18n.h"
#include "core/people_import.h"

/* One run of the command: its options, the file and what was made of it. */
struct cmd_people_import {
	struct app *app;
	const char *file;	/* FILE as typed; "-" is stdin */
	bool dry_run, skip_bad;
	struct import_parsed parsed;
};

/* FILE, --dry-run and --skip-bad into ci; APP_EX_OK or APP_EX_USAGE. */
static int
cmd_people_import_options(struct cmd_people_import *ci, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "skip-bad", no_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'n': ci->dry_run = true; break;
		case 's': ci->skip_bad = true; break;
		default: return cmdutil_bad_option("people", c, argv);
		}
	}
	if (optind >= argc)
		return cmdutil_usage("people", _("import needs a CSV FILE"));
	ci->file = argv[optind++];
	if (optind < argc)
		return cmdutil_usage("people", _("unexpected argument '%s'"), argv[optind]);
	return APP_EX_OK;
}

/* Read and check the file: APP_EX_OK, APP_EX_NOINPUT or APP_EX_DATAERR. */
static int
cmd_people_import_read(struct cmd_people_import *ci)
{
	char *error = NULL;
	int ret = people_import_file_read(ci->app, ci->file, 0, &ci->parsed, &error);

	if (ret == PEOPLE_IMPORT_FILE_OK)
		return APP_EX_OK;
	app_error("%s", error);
	free(error);
	return ret == PEOPLE_IMPORT_FILE_UNREADABLE ? APP_EX_NOINPUT : APP_EX_DATAERR;
}

/* List the notes and bad rows. APP_EX_OK to go on, or APP_EX_DATAERR. */
static int
cmd_people_import_report(struct cmd_people_import *ci)
{
	char *text;
	size_t i;

	for (i = 0; i < ci->parsed.n_notes; i++) {
		text = people_import_note_text(&ci->parsed.notes[i]);
		app_error(_("note: %s"), text);
		free(text);
	}
	for (i = 0; i < ci->parsed.n_bad; i++) {
		text = people_import_bad_text(&ci->parsed.bad[i]);
		app_error(_("line %ld: %s"), ci->parsed.bad[i].line, text);
		free(text);
	}
	if (ci->parsed.n_bad > 0 && !ci->skip_bad) {
		app_error(P_("%zu row is bad, so nothing was imported "
		    "(--skip-bad imports the good rows)",
		    "%zu rows are bad, so nothing was imported "
		    "(--skip-bad imports the good rows)", ci->parsed.n_bad), ci->parsed.n_bad);
		return APP_EX_DATAERR;
	}
	return APP_EX_OK;
}

/* "N added, M updated, K unchanged, J organisations added" and what was skipped. */
static void
cmd_people_import_summary(const struct cmd_people_import *ci, const struct import_totals *t)
{
	char *totals = people_import_file_totals(t);

	printf("%s", totals);
	free(totals);
	if (ci->parsed.n_bad > 0) {
		printf(", ");
		printf(P_("%zu bad row skipped", "%zu bad rows skipped", ci->parsed.n_bad),
		    ci->parsed.n_bad);
	}
	if (ci->dry_run)
		printf(" %s", _("(dry run: nothing was written)"));
	printf("\n");
}

/* Hand the good rows to the store in one transaction. */
static int
cmd_people_import_store(struct cmd_people_import *ci)
{
	struct import_person_in *in = people_import_file_rows(&ci->parsed);
	struct import_totals t;
	char *error = NULL;
	int ret;

	ret = store_people_import(ci->app->st, ci->app->who, in, ci->parsed.n_rows, ci->dry_run,
	    &t, &error);
	free(in);
	if (ret != 0) {
		ret = cmdutil_store_fail(ret, error);
		app_error("%s", _("nothing was imported"));
		return ret;
	}
	cmd_people_import_summary(ci, &t);
	if (fflush(stdout) != 0) {
		app_error(_("cannot write the output"));
		return APP_EX_IOERR;
	}
	return APP_EX_OK;
}

int
cmd_people_import(struct app *app, int argc, char **argv)
{
	struct cmd_people_import ci = { .app = app };
	int ret;

	if (app->opt.restricted) {
		app_error(_("'people import' reads a file and is not allowed with --restricted"));
		return APP_EX_NOPERM;
	}
	if ((ret = cmd_people_import_options(&ci, argc, argv)) != APP_EX_OK)
		return ret;
	if (!access_allows(app->who, ACCESS_PEOPLE_IMPORT, NULL)) {
		app_error("%s", _(access_reason(ACCESS_PEOPLE_IMPORT)));
		return APP_EX_DATAERR;
	}
	if ((ret = cmd_people_import_read(&ci)) == APP_EX_OK &&
	    (ret = cmd_people_import_report(&ci)) == APP_EX_OK)
		ret = cmd_people_import_store(&ci);
	people_import_free(&ci.parsed);
	return ret;
}

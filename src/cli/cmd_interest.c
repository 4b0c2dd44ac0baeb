/*
 * cmd_interest.c — "leernet interest THEME": who registered interest in a
 * theme, with organisation, function, date, manager agreement and remark.
 */
#include "autoconf.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "core/csv.h"
#include "core/i18n.h"

struct cmd_interest {
	struct app *app;
	enum cmdutil_format format;
	struct table *table;
	struct csv *csv;
};

/* The label of a person's function, or the key when the config lacks it. */
static const char *
cmd_interest_function(const struct app *app, const char *key)
{
	const char *label = config_item_label(&app->cfg->functions, key);

	return label != NULL ? label : key;
}

/* One registration as a CSV row (raw) or a table row (labels, local date). */
static int
cmd_interest_row(const struct interest_row *r, void *arg)
{
	struct cmd_interest *ci = arg;
	const char *cells[6];
	char date[32];

	if (ci->format == CMDUTIL_CSV) {
		csv_field_int(ci->csv, r->person_id);
		csv_field(ci->csv, r->name);
		csv_field(ci->csv, r->organisation);
		csv_field(ci->csv, r->function);
		csv_field(ci->csv, r->registered_on);
		csv_field(ci->csv, r->manager_agreed ? "yes" : "no");
		csv_field(ci->csv, r->remark);
		csv_row_end(ci->csv);
		return 0;
	}
	cells[0] = r->name;
	cells[1] = r->organisation;
	cells[2] = cmd_interest_function(ci->app, r->function);
	cells[3] = cmdutil_show_date(ci->app, r->registered_on, date, sizeof date);
	cells[4] = r->manager_agreed ? _("yes") : _("no");
	cells[5] = r->remark;
	table_add(ci->table, cells);
	return 0;
}

/* Parse the options; the THEME argument's index in *theme. */
static int
cmd_interest_options(struct cmd_interest *ci, int argc, char **argv, int *theme)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c != 'f')
			return cmdutil_bad_option("interest", c, argv);
		if (cmdutil_format("interest", optarg, &ci->format) != APP_EX_OK)
			return APP_EX_USAGE;
	}
	if (optind >= argc)
		return cmdutil_usage("interest", _("which theme?"));
	if (optind + 1 < argc)
		return cmdutil_usage("interest", _("unexpected argument '%s'"), argv[optind + 1]);
	*theme = optind;
	return APP_EX_OK;
}

/* Open the output of the chosen format. */
static void
cmd_interest_start(struct cmd_interest *ci)
{
	static const char *const csv_header[] = {
		"person_id", "name", "organisation", "function", "registered_on",
		"manager_agreed", "remark"
	};
	const char *header[] = { _("Name"), _("Organisation"), _("Function"), _("Registered"),
		_("Manager agreed"), _("Remark") };

	if (ci->format == CMDUTIL_CSV) {
		ci->csv = csv_new(stdout, ',');
		csv_row(ci->csv, csv_header, sizeof csv_header / sizeof csv_header[0]);
		return;
	}
	ci->table = table_new(6, header);
	table_limit(ci->table, 0, 30);
	table_limit(ci->table, 1, 30);
}

/* Print the table (text) and check the output; an exit status. */
static int
cmd_interest_finish(struct cmd_interest *ci, const char *title)
{
	if (ci->table != NULL) {
		if (table_rows(ci->table) == 0)
			printf(_("Nobody has registered for '%s' yet.\n"), title);
		else
			table_print(ci->table, stdout);
	}
	if (fflush(stdout) != 0 || (ci->csv != NULL && csv_status(ci->csv) != 0)) {
		app_error(_("cannot write the output"));
		return APP_EX_IOERR;
	}
	return APP_EX_OK;
}

int
cmd_interest(struct app *app, int argc, char **argv)
{
	struct cmd_interest ci = { app, CMDUTIL_TEXT, NULL, NULL };
	char *title = NULL, *error = NULL;
	int64_t theme_id;
	int ret, arg = 0;

	if ((ret = cmd_interest_options(&ci, argc, argv, &arg)) != APP_EX_OK)
		return ret;
	if ((ret = cmdutil_theme(app, argv[arg], &theme_id, &title)) != APP_EX_OK)
		return ret;
	cmd_interest_start(&ci);
	if (store_interest_each(app->st, app->who, theme_id, cmd_interest_row, &ci, &error) != 0)
		ret = cmdutil_store_fail(STORE_ERROR, error);
	else
		ret = cmd_interest_finish(&ci, title);
	table_free(ci.table);
	csv_free(ci.csv);
	free(title);
	return ret;
}

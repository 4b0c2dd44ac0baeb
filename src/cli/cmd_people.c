/*
 * cmd_people.c — "leernet people": the people of the network as a table or
 * CSV, with the search of the People screen (words prefix-matched on name,
 * email and organisation, diacritics folded) and an organisation filter.
 * "leernet people import FILE" is cmd_people_import.c.
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
#include "core/xmalloc.h"

#define CMD_PEOPLE_PAGE 500

struct cmd_people {
	struct app *app;
	enum cmdutil_format format;
	struct people_filter filter;
	const char *organisation;	/* --organisation as typed */
	struct table *table;
	struct csv *csv;
	char *anchor_name;
	int64_t anchor_id;
	int in_page;
};

static int
cmd_people_row(const struct person_row *r, void *arg)
{
	struct cmd_people *cp = arg;
	const char *function = config_item_label(&cp->app->cfg->functions, r->function);
	char groups[16];

	if (cp->format == CMDUTIL_CSV) {
		csv_field_int(cp->csv, r->id);
		csv_field(cp->csv, r->name);
		csv_field(cp->csv, r->email);
		csv_field(cp->csv, r->organisation);
		csv_field(cp->csv, r->function);
		csv_field_int(cp->csv, r->groups);
		csv_field_int(cp->csv, r->active ? 1 : 0);
		csv_row_end(cp->csv);
	} else {
		const char *cells[5];

		snprintf(groups, sizeof groups, "%d", r->groups);
		cells[0] = r->name;
		cells[1] = r->organisation != NULL ? r->organisation : "";
		cells[2] = function != NULL ? function : (r->function != NULL ? r->function : "");
		cells[3] = r->email != NULL ? r->email : "";
		cells[4] = groups;
		table_add(cp->table, cells);
	}
	free(cp->anchor_name);
	cp->anchor_name = xstrdup(r->name);
	cp->anchor_id = r->id;
	cp->in_page++;
	return 0;
}

static int
cmd_people_pages(struct cmd_people *cp)
{
	struct date today = date_today();
	char *error = NULL;
	int ret;

	do {
		cp->in_page = 0;
		ret = store_people_page(cp->app->st, cp->app->who, &cp->filter, &today,
		    cp->anchor_name, cp->anchor_id, false, true, CMD_PEOPLE_PAGE, cmd_people_row, cp,
		    &error);
		if (ret != 0)
			return cmdutil_store_fail(ret, error);
	} while (cp->in_page == CMD_PEOPLE_PAGE);
	return APP_EX_OK;
}

static int
cmd_people_options(struct cmd_people *cp, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "search", required_argument, NULL, 'q' },
		{ "organisation", required_argument, NULL, 'o' },
		{ "inactive", no_argument, NULL, 'i' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'q': cp->filter.search = optarg; break;
		case 'o': cp->organisation = optarg; break;
		case 'i': cp->filter.inactive = true; break;
		case 'f':
			if (cmdutil_format("people", optarg, &cp->format) != APP_EX_OK)
				return APP_EX_USAGE;
			break;
		default: return cmdutil_bad_option("people", c, argv);
		}
	}
	if (optind < argc)
		return cmdutil_usage("people", _("unexpected argument '%s'"), argv[optind]);
	return APP_EX_OK;
}

/* --organisation by name (ignoring case); APP_EX_OK or APP_EX_DATAERR. */
static int
cmd_people_organisation(struct cmd_people *cp)
{
	char *error = NULL;
	int ret;

	if (cp->organisation == NULL)
		return APP_EX_OK;
	ret = store_org_by_name(cp->app->st, cp->organisation, &cp->filter.organisation_id,
	    &error);
	if (ret < 0)
		return cmdutil_store_fail(STORE_ERROR, error);
	if (ret == 0) {
		app_error(_("no organisation is called '%s'"), cp->organisation);
		return APP_EX_DATAERR;
	}
	return APP_EX_OK;
}

static void
cmd_people_start(struct cmd_people *cp)
{
	static const char *const csv_header[] = {
		"id", "name", "email", "organisation", "function", "groups", "active"
	};
	const char *header[] = { _("Name"), _("Organisation"), _("Function"), _("Email"),
		_("Groups") };

	if (cp->format == CMDUTIL_CSV) {
		cp->csv = csv_new(stdout, ',');
		csv_row(cp->csv, csv_header, sizeof csv_header / sizeof csv_header[0]);
		return;
	}
	cp->table = table_new(5, header);
	table_limit(cp->table, 0, 32);
	table_limit(cp->table, 1, 32);
	table_limit(cp->table, 2, 24);
	table_right(cp->table, 4);
}

int
cmd_people(struct app *app, int argc, char **argv)
{
	struct cmd_people cp;
	int ret;

	if (argc > 1 && strcmp(argv[1], "import") == 0)
		return cmd_people_import(app, argc - 1, argv + 1);
	memset(&cp, 0, sizeof cp);
	cp.app = app;
	if ((ret = cmd_people_options(&cp, argc, argv)) != APP_EX_OK ||
	    (ret = cmd_people_organisation(&cp)) != APP_EX_OK)
		return ret;
	cmd_people_start(&cp);
	if ((ret = cmd_people_pages(&cp)) == APP_EX_OK && cp.table != NULL) {
		if (table_rows(cp.table) == 0)
			printf("%s\n", _("No people found."));
		else
			table_print(cp.table, stdout);
	}
	if (ret == APP_EX_OK && (fflush(stdout) != 0 ||
	    (cp.csv != NULL && csv_status(cp.csv) != 0))) {
		app_error(_("cannot write the output"));
		ret = APP_EX_IOERR;
	}
	table_free(cp.table);
	csv_free(cp.csv);
	free(cp.anchor_name);
	return ret;
}

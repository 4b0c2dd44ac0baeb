/*
 * cmd_audit.c — "leernet audit": the audit log, newest first, as a table or
 * CSV, from a day on and for one person (coordinators only).
 *
 * Reads and prints a page at a time (store_audit_page), in columns of fixed
 * width, so a long log never sits in memory. Exit statuses: 64 for a wrong
 * command line, 65 for a date that does not exist, 77 when the acting
 * person is not a coordinator, 74 when the database fails.
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

#define CMD_AUDIT_PAGE 200

struct cmd_audit {
	struct app *app;
	enum cmdutil_format format;
	struct audit_filter filter;
	struct table *table;
	struct csv *csv;
	char *anchor_at;	/* the last row delivered */
	int64_t anchor_id;
	int in_page;
	long rows;		/* delivered so far */
};

/* A row of the text table: the time as configured, who, what, which, summary. */
static void
cmd_audit_text_row(struct cmd_audit *ca, const struct audit_row *r)
{
	char at[48], id[24] = "";
	const char *cells[6];

	cmdutil_show_date(ca->app, r->at, at, sizeof at);
	if (strlen(at) > 10 && at[10] == 'T')
		at[10] = ' ';
	if (r->entity_id != 0)
		snprintf(id, sizeof id, "%lld", (long long)r->entity_id);
	cells[0] = at;
	cells[1] = r->who != NULL ? r->who : "-";
	cells[2] = r->action;
	cells[3] = r->entity;
	cells[4] = id;
	cells[5] = r->summary;
	table_add(ca->table, cells);
}

/* A CSV row: the ISO moment, login and name apart, the raw keys. */
static void
cmd_audit_csv_row(struct cmd_audit *ca, const struct audit_row *r)
{
	csv_field(ca->csv, r->at);
	csv_field(ca->csv, r->login);
	csv_field(ca->csv, r->who);
	csv_field(ca->csv, r->action);
	csv_field(ca->csv, r->entity);
	if (r->entity_id != 0)
		csv_field_int(ca->csv, r->entity_id);
	else
		csv_field(ca->csv, NULL);
	csv_field(ca->csv, r->summary);
	csv_row_end(ca->csv);
}

/* One row of a page: print it and remember it as the next page's anchor. */
static int
cmd_audit_row(const struct audit_row *r, void *arg)
{
	struct cmd_audit *ca = arg;

	if (ca->format == CMDUTIL_CSV)
		cmd_audit_csv_row(ca, r);
	else
		cmd_audit_text_row(ca, r);
	free(ca->anchor_at);
	ca->anchor_at = xstrdup(r->at != NULL ? r->at : "");
	ca->anchor_id = r->id;
	ca->in_page++;
	ca->rows++;
	return 0;
}

/* A text table for one page, in columns that line up with the pages before. */
static struct table *
cmd_audit_table(void)
{
	const char *header[] = { _("Time"), _("Who"), _("Action"), _("Kind"), _("Number"),
		_("Summary") };
	struct table *t = table_new(6, header);

	table_fixed(t, 0, 19);
	table_fixed(t, 1, 24);
	table_fixed(t, 2, 10);
	table_fixed(t, 3, 12);
	table_fixed(t, 4, 8);
	table_right(t, 4);
	return t;
}

/* Print a page of the text table (the header with the first) and start the next. */
static void
cmd_audit_flush(struct cmd_audit *ca)
{
	if (ca->table == NULL || table_rows(ca->table) == 0)
		return;
	if (ca->rows == (long)table_rows(ca->table))
		table_print(ca->table, stdout);
	else
		table_print_rows(ca->table, stdout);
	table_free(ca->table);
	ca->table = cmd_audit_table();
}

/* Deliver every page; an exit status. */
static int
cmd_audit_pages(struct cmd_audit *ca)
{
	struct audit_anchor anchor;
	char *error = NULL;
	int ret;

	do {
		ca->in_page = 0;
		anchor.at = ca->anchor_at;
		anchor.id = ca->anchor_id;
		ret = store_audit_page(ca->app->st, ca->app->who, &ca->filter,
		    ca->anchor_at != NULL ? &anchor : NULL, false, true, CMD_AUDIT_PAGE,
		    cmd_audit_row, ca, &error);
		if (ret == STORE_DENIED) {
			app_error("%s", error);
			free(error);
			return APP_EX_NOPERM;
		}
		if (ret != 0)
			return cmdutil_store_fail(ret, error);
		cmd_audit_flush(ca);
	} while (ca->in_page == CMD_AUDIT_PAGE);
	return APP_EX_OK;
}

/* Parse the options into ca; APP_EX_OK or an exit status. */
static int
cmd_audit_options(struct cmd_audit *ca, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "since", required_argument, NULL, 's' },
		{ "user", required_argument, NULL, 'u' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	const char *since = NULL;
	int c;

	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 's': since = optarg; break;
		case 'u': ca->filter.login = optarg; break;
		case 'f':
			if (cmdutil_format("audit", optarg, &ca->format) != APP_EX_OK)
				return APP_EX_USAGE;
			break;
		default: return cmdutil_bad_option("audit", c, argv);
		}
	}
	if (optind < argc)
		return cmdutil_usage("audit", _("unexpected argument '%s'"), argv[optind]);
	if (since != NULL)
		return cmdutil_date("--since", since, &ca->filter.since);
	return APP_EX_OK;
}

/* Open the output of the chosen format. */
static void
cmd_audit_start(struct cmd_audit *ca)
{
	static const char *const csv_header[] = {
		"at", "login", "name", "action", "entity", "entity_id", "summary"
	};

	if (ca->format == CMDUTIL_CSV) {
		ca->csv = csv_new(stdout, ',');
		csv_row(ca->csv, csv_header, sizeof csv_header / sizeof csv_header[0]);
		return;
	}
	ca->table = cmd_audit_table();
}

/* Say when nothing was found (text) and check the output; an exit status. */
static int
cmd_audit_finish(struct cmd_audit *ca)
{
	if (ca->table != NULL && ca->rows == 0)
		printf(_("No changes found.\n"));
	if (fflush(stdout) != 0 || (ca->csv != NULL && csv_status(ca->csv) != 0)) {
		app_error(_("cannot write the output"));
		return APP_EX_IOERR;
	}
	return APP_EX_OK;
}

int
cmd_audit(struct app *app, int argc, char **argv)
{
	struct cmd_audit ca;
	int ret;

	memset(&ca, 0, sizeof ca);
	ca.app = app;
	if ((ret = cmd_audit_options(&ca, argc, argv)) != APP_EX_OK)
		return ret;
	cmd_audit_start(&ca);
	ret = cmd_audit_pages(&ca);
	if (ret == APP_EX_OK)
		ret = cmd_audit_finish(&ca);
	table_free(ca.table);
	csv_free(ca.csv);
	free(ca.anchor_at);
	return ret;
}

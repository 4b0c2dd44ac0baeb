/*
 * cmd_groups.c — "leernet groups": the groups as a table or CSV, filtered by
 * type, status, theme, words of the name, or only your own (--mine).
 *
 * Each group with its type, status, current members, next meeting and the
 * hours held this school year against the type's norm. Reads a page at a
 * time (store_groups_page).
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
#include "core/domain.h"
#include "core/i18n.h"
#include "core/xmalloc.h"

#define CMD_GROUPS_PAGE 200

struct cmd_groups {
	struct app *app;
	enum cmdutil_format format;
	struct group_filter filter;
	const char *theme;	/* --theme as typed */
	struct table *table;
	struct csv *csv;
	char *anchor_name;	/* the last row delivered */
	int64_t anchor_id;
	int in_page;
};

/* Held minutes as whole hours, rounded. */
static int
cmd_groups_hours(int minutes)
{
	return (minutes + 30) / 60;
}

/* A row of the text table: labels, dates as configured, "held/norm" hours. */
static void
cmd_groups_text_row(struct cmd_groups *cg, const struct group_list_row *r)
{
	const struct config_group_type *t = config_group_type(cg->app->cfg, r->type);
	char members[16], next[48], hours[32];
	const char *cells[6];

	snprintf(members, sizeof members, "%d", r->members);
	snprintf(hours, sizeof hours, "%d/%d", cmd_groups_hours(r->minutes_held), r->hours_norm);
	cmdutil_show_date(cg->app, r->next_meeting, next, sizeof next);
	if (strlen(next) > 10 && next[10] == 'T')
		next[10] = ' ';
	cells[0] = r->name;
	cells[1] = t != NULL ? t->label : r->type;
	cells[2] = _(domain_group_status_label(r->status));
	cells[3] = members;
	cells[4] = next;
	cells[5] = hours;
	table_add(cg->table, cells);
}

/* A CSV row with the raw keys, the ISO moment and whole hours. */
static void
cmd_groups_csv_row(struct cmd_groups *cg, const struct group_list_row *r)
{
	csv_field_int(cg->csv, r->id);
	csv_field(cg->csv, r->name);
	csv_field(cg->csv, r->type);
	csv_field(cg->csv, r->status);
	csv_field_int(cg->csv, r->members);
	csv_field(cg->csv, r->next_meeting);
	csv_field_int(cg->csv, cmd_groups_hours(r->minutes_held));
	csv_field_int(cg->csv, r->hours_norm);
	csv_field(cg->csv, r->leads);
	csv_row_end(cg->csv);
}

/* One row of a page: print it and remember it as the next page's anchor. */
static int
cmd_groups_row(const struct group_list_row *r, void *arg)
{
	struct cmd_groups *cg = arg;

	if (cg->format == CMDUTIL_CSV)
		cmd_groups_csv_row(cg, r);
	else
		cmd_groups_text_row(cg, r);
	free(cg->anchor_name);
	cg->anchor_name = xstrdup(r->name != NULL ? r->name : "");
	cg->anchor_id = r->id;
	cg->in_page++;
	return 0;
}

/* Deliver every page; an exit status. */
static int
cmd_groups_pages(struct cmd_groups *cg)
{
	struct date today = date_today();
	char *error = NULL;

	do {
		cg->in_page = 0;
		if (store_groups_page(cg->app->st, cg->app->who, &cg->filter, &today,
		    cg->anchor_name, cg->anchor_id, false, true, CMD_GROUPS_PAGE,
		    cmd_groups_row, cg, &error) != 0)
			return cmdutil_store_fail(STORE_ERROR, error);
	} while (cg->in_page == CMD_GROUPS_PAGE);
	return APP_EX_OK;
}

/* Check the values of --type and --status; APP_EX_OK or a usage error. */
static int
cmd_groups_check(struct cmd_groups *cg)
{
	if (cg->filter.type != NULL &&
	    cmdutil_group_type(cg->app, "groups", cg->filter.type) != APP_EX_OK)
		return APP_EX_USAGE;
	if (cg->filter.status != NULL && !domain_is_group_status(cg->filter.status))
		return cmdutil_usage("groups", _("unknown status '%s' (forming, active or closed)"),
		    cg->filter.status);
	return APP_EX_OK;
}

/* Parse the options into cg; APP_EX_OK or a usage error. */
static int
cmd_groups_options(struct cmd_groups *cg, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "type", required_argument, NULL, 't' },
		{ "status", required_argument, NULL, 's' },
		{ "theme", required_argument, NULL, 'T' },
		{ "mine", no_argument, NULL, 'm' },
		{ "search", required_argument, NULL, 'q' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 't': cg->filter.type = optarg; break;
		case 's': cg->filter.status = optarg; break;
		case 'T': cg->theme = optarg; break;
		case 'm': cg->filter.mine = true; break;
		case 'q': cg->filter.search = optarg; break;
		case 'f':
			if (cmdutil_format("groups", optarg, &cg->format) != APP_EX_OK)
				return APP_EX_USAGE;
			break;
		default: return cmdutil_bad_option("groups", c, argv);
		}
	}
	if (optind < argc)
		return cmdutil_usage("groups", _("unexpected argument '%s'"), argv[optind]);
	return cmd_groups_check(cg);
}

/* Open the output of the chosen format. */
static void
cmd_groups_start(struct cmd_groups *cg)
{
	static const char *const csv_header[] = {
		"id", "name", "type", "status", "members", "next_meeting", "hours_held",
		"hours_norm", "leads"
	};
	const char *header[] = { _("Name"), _("Type"), _("Status"), _("Members"),
		_("Next meeting"), _("Hours") };

	if (cg->format == CMDUTIL_CSV) {
		cg->csv = csv_new(stdout, ',');
		csv_row(cg->csv, csv_header, sizeof csv_header / sizeof csv_header[0]);
		return;
	}
	cg->table = table_new(6, header);
	table_limit(cg->table, 0, 45);
	table_limit(cg->table, 1, 24);
	table_right(cg->table, 3);
	table_right(cg->table, 5);
}

/* Print the table (text) and check the output; an exit status. */
static int
cmd_groups_finish(struct cmd_groups *cg)
{
	if (cg->table != NULL) {
		if (table_rows(cg->table) == 0)
			printf(_("No groups found.\n"));
		else
			table_print(cg->table, stdout);
	}
	if (fflush(stdout) != 0 || (cg->csv != NULL && csv_status(cg->csv) != 0)) {
		app_error(_("cannot write the output"));
		return APP_EX_IOERR;
	}
	return APP_EX_OK;
}

int
cmd_groups(struct app *app, int argc, char **argv)
{
	struct cmd_groups cg;
	int ret;

	memset(&cg, 0, sizeof cg);
	cg.app = app;
	if ((ret = cmd_groups_options(&cg, argc, argv)) != APP_EX_OK)
		return ret;
	if (cg.theme != NULL &&
	    (ret = cmdutil_theme(app, cg.theme, &cg.filter.theme_id, NULL)) != APP_EX_OK)
		return ret;
	cmd_groups_start(&cg);
	ret = cmd_groups_pages(&cg);
	if (ret == APP_EX_OK)
		ret = cmd_groups_finish(&cg);
	table_free(cg.table);
	csv_free(cg.csv);
	free(cg.anchor_name);
	return ret;
}

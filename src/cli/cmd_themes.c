/*
 * cmd_themes.c — "leernet themes": the theme catalogue as a table or CSV.
 *
 * Each theme with its status, interest against the threshold of its group
 * type (✓ when it is open and has enough registrations to form a group),
 * the groups formed from it and who proposed it. Reads the catalogue a page
 * at a time (store_themes_page) so that it never holds more than a page in
 * CSV mode.
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
#include "core/rules.h"
#include "core/xmalloc.h"

#define CMD_THEMES_PAGE 200

struct cmd_themes {
	struct app *app;
	enum cmdutil_format format;
	struct theme_filter filter;
	struct table *table;	/* text */
	struct csv *csv;	/* csv */
	struct theme_anchor anchor;	/* the last row delivered; title owned */
	char *anchor_title;
	int in_page;
};

/* The threshold of a theme's group type and whether it is ready to form. */
static int
cmd_themes_threshold(const struct cmd_themes *ct, const struct theme_row *r, bool *ready)
{
	const struct config_group_type *t = config_group_type(ct->app->cfg, r->group_type);
	int threshold = t != NULL ? t->interest_threshold : 0;
	bool open = strcmp(r->status, "proposed") == 0 || strcmp(r->status, "gathering") == 0;

	*ready = open && rules_theme_ready(r->interest, threshold);
	return threshold;
}

/* A row of the text table: labels, "n/threshold ✓", groups, proposer. */
static void
cmd_themes_text_row(struct cmd_themes *ct, const struct theme_row *r)
{
	char interest[48], groups[16];
	const char *cells[5];
	bool ready;
	int threshold = cmd_themes_threshold(ct, r, &ready);

	snprintf(interest, sizeof interest, "%d/%d%s", r->interest, threshold,
	    ready ? " ✓" : "  ");
	snprintf(groups, sizeof groups, "%d", r->groups);
	cells[0] = r->title;
	cells[1] = _(domain_theme_status_label(r->status));
	cells[2] = interest;
	cells[3] = groups;
	cells[4] = r->proposer;
	table_add(ct->table, cells);
}

/* A CSV row with the raw keys and numbers. */
static void
cmd_themes_csv_row(struct cmd_themes *ct, const struct theme_row *r)
{
	bool ready;
	int threshold = cmd_themes_threshold(ct, r, &ready);

	csv_field_int(ct->csv, r->id);
	csv_field(ct->csv, r->title);
	csv_field(ct->csv, r->status);
	csv_field(ct->csv, r->group_type);
	csv_field_int(ct->csv, r->interest);
	csv_field_int(ct->csv, threshold);
	csv_field(ct->csv, ready ? "yes" : "no");
	csv_field_int(ct->csv, r->groups);
	csv_field(ct->csv, r->proposer);
	csv_row_end(ct->csv);
}

/* One row of a page: print it and remember it as the next page's anchor. */
static int
cmd_themes_row(const struct theme_row *r, void *arg)
{
	struct cmd_themes *ct = arg;

	if (ct->format == CMDUTIL_CSV)
		cmd_themes_csv_row(ct, r);
	else
		cmd_themes_text_row(ct, r);
	free(ct->anchor_title);
	ct->anchor_title = xstrdup(r->title != NULL ? r->title : "");
	ct->anchor.title = ct->anchor_title;
	ct->anchor.sort_key = r->sort_key;
	ct->anchor.id = r->id;
	ct->in_page++;
	return 0;
}

/* Deliver every page of the catalogue; an exit status. */
static int
cmd_themes_pages(struct cmd_themes *ct)
{
	bool first = true;
	char *error = NULL;

	do {
		ct->in_page = 0;
		if (store_themes_page(ct->app->st, ct->app->who, &ct->filter,
		    first ? NULL : &ct->anchor, false, true, CMD_THEMES_PAGE,
		    cmd_themes_row, ct, &error) != 0)
			return cmdutil_store_fail(STORE_ERROR, error);
		first = false;
	} while (ct->in_page == CMD_THEMES_PAGE);
	return APP_EX_OK;
}

/* Parse --sort; APP_EX_OK or a usage error. */
static int
cmd_themes_sort(const char *arg, enum theme_sort *out)
{
	if (strcmp(arg, "title") == 0)
		*out = THEME_SORT_TITLE;
	else if (strcmp(arg, "status") == 0)
		*out = THEME_SORT_STATUS;
	else if (strcmp(arg, "interest") == 0)
		*out = THEME_SORT_INTEREST;
	else
		return cmdutil_usage("themes",
		    _("unknown sort order '%s' (title, status or interest)"), arg);
	return APP_EX_OK;
}

/* Parse the options into ct; APP_EX_OK or a usage error. */
static int
cmd_themes_options(struct cmd_themes *ct, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "status", required_argument, NULL, 's' },
		{ "search", required_argument, NULL, 'q' },
		{ "sort", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int c, ret = APP_EX_OK;

	cmdutil_getopt_reset();
	while (ret == APP_EX_OK && (c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 's': ct->filter.status = optarg; break;
		case 'q': ct->filter.search = optarg; break;
		case 'o': ret = cmd_themes_sort(optarg, &ct->filter.sort); break;
		case 'f': ret = cmdutil_format("themes", optarg, &ct->format); break;
		default: return cmdutil_bad_option("themes", c, argv);
		}
	}
	if (ret != APP_EX_OK)
		return ret;
	if (optind < argc)
		return cmdutil_usage("themes", _("unexpected argument '%s'"), argv[optind]);
	if (ct->filter.status != NULL && !domain_is_theme_status(ct->filter.status))
		return cmdutil_usage("themes", _("unknown status '%s' (proposed, gathering, "
		    "formed or archived)"), ct->filter.status);
	return APP_EX_OK;
}

/* Open the output of the chosen format. */
static void
cmd_themes_start(struct cmd_themes *ct)
{
	static const char *const csv_header[] = {
		"id", "title", "status", "group_type", "interest", "threshold", "ready",
		"groups", "proposer"
	};
	const char *header[] = { _("Title"), _("Status"), _("Interest"), _("Groups"),
		_("Proposed by") };

	if (ct->format == CMDUTIL_CSV) {
		ct->csv = csv_new(stdout, ',');
		csv_row(ct->csv, csv_header, sizeof csv_header / sizeof csv_header[0]);
		return;
	}
	ct->table = table_new(5, header);
	table_limit(ct->table, 0, 50);
	table_right(ct->table, 2);
	table_right(ct->table, 3);
	table_limit(ct->table, 4, 30);
}

/* Finish the output; APP_EX_IOERR when writing failed. */
static int
cmd_themes_finish(struct cmd_themes *ct)
{
	if (ct->table != NULL) {
		if (table_rows(ct->table) == 0)
			printf(_("No themes found.\n"));
		else
			table_print(ct->table, stdout);
	}
	if (fflush(stdout) != 0 || (ct->csv != NULL && csv_status(ct->csv) != 0)) {
		app_error(_("cannot write the output"));
		return APP_EX_IOERR;
	}
	return APP_EX_OK;
}

int
cmd_themes(struct app *app, int argc, char **argv)
{
	struct cmd_themes ct;
	int ret;

	memset(&ct, 0, sizeof ct);
	ct.app = app;
	ct.filter.sort = THEME_SORT_TITLE;
	if ((ret = cmd_themes_options(&ct, argc, argv)) != APP_EX_OK)
		return ret;
	cmd_themes_start(&ct);
	ret = cmd_themes_pages(&ct);
	if (ret == APP_EX_OK)
		ret = cmd_themes_finish(&ct);
	table_free(ct.table);
	csv_free(ct.csv);
	free(ct.anchor_title);
	return ret;
}

/*
 * cmd_budget.c — "leernet budget": the budget requests of one school year
 * (of requested_on; the current one unless --year), newest first, as text
 * with the year's totals per status at the end (count and euros), or as CSV
 * with amounts as 1250.50 for a spreadsheet.
 *
 * Who sees what is the store's decision: coordinators every group's
 * requests, anyone else those of the groups they lead or are a member of
 * (and their own). A visitor gets exit 65. Nothing is written but stdout.
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
#include "core/hours.h"
#include "core/i18n.h"
#include "core/money.h"
#include "core/xmalloc.h"

#define CMD_BUDGET_PAGE 200	/* rows read from the store at a time */

struct cmd_budget_opts {
	struct budget_query q;
	enum cmdutil_format format;
};

struct cmd_budget {
	struct app *app;
	struct table *table;	/* text */
	struct csv *csv;	/* csv */
	size_t rows, page_rows;
	char last_on[DATE_ISO_LEN];	/* the anchor of the next page */
	int64_t last_id;
};

/* The label of a status key, for text. */
static const char *
cmd_budget_status(const char *status)
{
	if (status == NULL)
		return "";
	if (strcmp(status, "open") == 0)
		return C_("status", "open");
	if (strcmp(status, "approved") == 0)
		return _("approved");
	if (strcmp(status, "declined") == 0)
		return _("declined");
	return status;
}

/* The options; APP_EX_OK or a usage error (printed). */
static int
cmd_budget_options(int argc, char **argv, struct cmd_budget_opts *o)
{
	static const struct option longopts[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "status", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct date today = date_today();
	int c;

	memset(o, 0, sizeof *o);
	date_school_year(&today, &o->q.first, &o->q.last);
	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'y':
			if (hours_year_parse(optarg, &o->q.first, &o->q.last) != 0)
				return cmdutil_usage("budget", _("--year: a school year such as "
				    "2026-2027 (1 August to 31 July), not '%s'"), optarg);
			break;
		case 's':
			if (strcmp(optarg, "open") != 0 && strcmp(optarg, "approved") != 0 &&
			    strcmp(optarg, "declined") != 0)
				return cmdutil_usage("budget", _("--status: open, approved or "
				    "declined, not '%s'"), optarg);
			o->q.status = optarg;
			break;
		case 'f':
			if (cmdutil_format("budget", optarg, &o->format) != APP_EX_OK)
				return APP_EX_USAGE;
			break;
		default: return cmdutil_bad_option("budget", c, argv);
		}
	}
	if (optind < argc)
		return cmdutil_usage("budget", _("unexpected argument '%s'"), argv[optind]);
	return APP_EX_OK;
}

static void
cmd_budget_text_row(struct cmd_budget *cb, const struct budget_row *r)
{
	char day[32], decided[32], cost[MONEY_TEXT_LEN];
	const char *cells[8];

	cells[0] = cmdutil_show_date(cb->app, r->requested_on, day, sizeof day);
	cells[1] = r->group_name;
	cells[2] = r->requester != NULL ? r->requester : "–";
	cells[3] = r->purpose;
	cells[4] = money_format(r->cost_cents, cost, sizeof cost);
	cells[5] = cmd_budget_status(r->status);
	cells[6] = r->decided_on != NULL ?
	    cmdutil_show_date(cb->app, r->decided_on, decided, sizeof decided) : "";
	cells[7] = r->remark != NULL ? r->remark : "";
	table_add(cb->table, cells);
}

static void
cmd_budget_csv_row(struct cmd_budget *cb, const struct budget_row *r)
{
	char cost[MONEY_TEXT_LEN];

	csv_field_int(cb->csv, (long long)r->id);
	csv_field(cb->csv, r->group_name);
	csv_field(cb->csv, r->requester);
	csv_field(cb->csv, r->requested_on);
	csv_field(cb->csv, r->purpose);
	csv_field(cb->csv, r->specialist);
	csv_field(cb->csv, money_format_csv(r->cost_cents, cost, sizeof cost));
	csv_field(cb->csv, r->needed_on);
	csv_field(cb->csv, r->status);
	csv_field(cb->csv, r->decider);
	csv_field(cb->csv, r->decided_on);
	csv_field(cb->csv, r->remark);
	csv_row_end(cb->csv);
}

static int
cmd_budget_row(const struct budget_row *r, void *arg)
{
	struct cmd_budget *cb = arg;

	cb->rows++;
	cb->page_rows++;
	snprintf(cb->last_on, sizeof cb->last_on, "%s", r->requested_on != NULL ?
	    r->requested_on : "");
	cb->last_id = r->id;
	if (cb->csv != NULL)
		cmd_budget_csv_row(cb, r);
	else
		cmd_budget_text_row(cb, r);
	return 0;
}

/* Every request of the query, a page at a time. 0 or a negative store_result. */
static int
cmd_budget_each(struct cmd_budget *cb, const struct budget_query *q, char **error)
{
	struct budget_anchor anchor;
	int ret;

	do {
		anchor.requested_on = cb->last_on;
		anchor.id = cb->last_id;
		cb->page_rows = 0;
		ret = store_budget_page(cb->app->st, cb->app->who, q, cb->rows > 0 ? &anchor : NULL,
		    false, true, CMD_BUDGET_PAGE, cmd_budget_row, cb, error);
	} while (ret == 0 && cb->page_rows == CMD_BUDGET_PAGE);
	return ret;
}

/* One line of the totals: "Open: 2 requests, € 3.450,00". */
static void
cmd_budget_total_line(const char *label, int n, int64_t cents)
{
	char amount[MONEY_TEXT_LEN];

	printf(P_("%s %d request, %s\n", "%s %d requests, %s\n", n), label, n,
	    money_format(cents, amount, sizeof amount));
}

/* The year's totals per status and in all. */
static int
cmd_budget_totals(struct cmd_budget *cb, const struct budget_query *q, char **error)
{
	struct budget_totals t;
	int64_t sum = 0;
	int ret;

	if ((ret = store_budget_totals(cb->app->st, cb->app->who, q, &t, error)) != 0)
		return ret;
	printf("\n%s\n", _("Totals of the school year:"));
	cmd_budget_total_line(_("Open:"), t.open, t.open_cents);
	cmd_budget_total_line(_("Approved:"), t.approved, t.approved_cents);
	cmd_budget_total_line(_("Declined:"), t.declined, t.declined_cents);
	if (money_add(t.open_cents, t.approved_cents, &sum) != 0 ||
	    money_add(sum, t.declined_cents, &sum) != 0) {
		*error = xstrdup(_("The total is too large to add up."));
		return STORE_INVALID;
	}
	cmd_budget_total_line(_("Asked in all:"), t.open + t.approved + t.declined, sum);
	return 0;
}

static void
cmd_budget_text_head(struct cmd_budget *cb, const struct budget_query *q)
{
	char first[DATE_ISO_LEN], last[DATE_ISO_LEN], a[32], b[32];

	printf(_("Budget requests — %s\n"), cb->app->cfg->network_name);
	printf(_("School year: %d-%d (%s – %s)\n"), q->first.year, q->last.year,
	    cmdutil_show_date(cb->app, date_format_iso(&q->first, first), a, sizeof a),
	    cmdutil_show_date(cb->app, date_format_iso(&q->last, last), b, sizeof b));
	if (q->status != NULL)
		printf(_("Status: %s\n"), cmd_budget_status(q->status));
	if (!cb->app->who->coordinator)
		printf("%s\n", _("Only the requests of your groups are shown."));
	printf("\n");
}

int
cmd_budget(struct app *app, int argc, char **argv)
{
	static const char *const csv_header[] = {
		"id", "group", "requested_by", "requested_on", "purpose", "specialist", "cost",
		"needed_on", "status", "decided_by", "decided_on", "remark",
	};
	const char *head[8] = { _("Date"), _("Group"), _("Requested by"), _("Purpose"),
		_("Cost"), _("Status"), _("Decided"), _("Remark") };
	struct cmd_budget_opts o;
	struct cmd_budget cb = { .app = app };
	char *error = NULL;
	int ret;

	if ((ret = cmd_budget_options(argc, argv, &o)) != APP_EX_OK)
		return ret;
	if (o.format == CMDUTIL_CSV) {
		cb.csv = csv_new(stdout, ',');
		csv_row(cb.csv, csv_header, sizeof csv_header / sizeof csv_header[0]);
	} else {
		cb.table = table_new(8, head);
		table_limit(cb.table, 1, 30);
		table_limit(cb.table, 3, 40);
		table_right(cb.table, 4);
		table_limit(cb.table, 7, 50);
	}
	if ((ret = cmd_budget_each(&cb, &o.q, &error)) != 0) {
		ret = cmdutil_store_fail(ret, error);
		goto out;
	}
	if (cb.table != NULL) {
		cmd_budget_text_head(&cb, &o.q);
		if (cb.rows == 0)
			printf("%s\n", _("No budget requests in this school year."));
		else
			table_print(cb.table, stdout);
		if ((ret = cmd_budget_totals(&cb, &o.q, &error)) != 0) {
			ret = cmdutil_store_fail(ret, error);
			goto out;
		}
	}
	ret = APP_EX_OK;
	if (fflush(stdout) != 0 || (cb.csv != NULL && csv_status(cb.csv) != 0)) {
		app_error(_("cannot write the output"));
		ret = APP_EX_IOERR;
	}
out:
	table_free(cb.table);
	csv_free(cb.csv);
	return ret;
}

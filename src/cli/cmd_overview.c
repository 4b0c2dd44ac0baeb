/*
 * cmd_overview.c — "leernet overview": every active group with its health
 * signals for this school year (core/health.h), the weak ones marked with
 * "!", as a table (text) or for a spreadsheet (csv); --sort name, weak, or
 * a signal (worst first).
 *
 * Coordinators only (ACCESS_OVERVIEW, decided by the store); others exit 65
 * with the reason. Only counts: never what was said or agreed.
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
#include "core/health.h"
#include "core/i18n.h"
#include "core/xmalloc.h"

struct cmd_overview_opts {
	int sort;
	enum cmdutil_format format;
};

static int
cmd_overview_options(int argc, char **argv, struct cmd_overview_opts *o)
{
	static const struct option longopts[] = {
		{ "sort", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(o, 0, sizeof *o);
	o->sort = HEALTH_SORT_NAME;
	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (!health_sort_parse(optarg, &o->sort))
				return cmdutil_usage("overview", _("--sort: one of name, weak, "
				    "meetings, attendance, hours, overdue, update, left, scan; not "
				    "'%s'"), optarg);
			break;
		case 'f':
			if (cmdutil_format("overview", optarg, &o->format) != APP_EX_OK)
				return APP_EX_USAGE;
			break;
		default: return cmdutil_bad_option("overview", c, argv);
		}
	}
	if (optind < argc)
		return cmdutil_usage("overview", _("unexpected argument '%s'"), argv[optind]);
	return APP_EX_OK;
}

/* Put in what the config says of each group's type, then compute the signals. */
static void
cmd_overview_compute(const struct app *app, struct health_row *rows, size_t n,
    const struct date *today)
{
	const struct config_group_type *t;
	size_t i;

	for (i = 0; i < n; i++) {
		t = config_group_type(app->cfg, rows[i].type);
		rows[i].facts.expected_meetings = t != NULL ? t->expected_meetings : 0;
		if (rows[i].facts.hours_norm == 0 && t != NULL)
			rows[i].facts.hours_norm = t->hours_norm;
		health_compute(&rows[i].facts, today, &rows[i].sig);
	}
}

/* A signal's cell: its value, "!" when weak. */
static void
cmd_overview_cell(const struct health_row *r, enum health_signal s, char decimal, char *buf,
    size_t size)
{
	size_t len;

	health_signal_format(&r->sig, s, decimal, buf, size);
	len = strlen(buf);
	if (r->sig.weak[s] && len + 1 < size) {
		buf[len] = '!';
		buf[len + 1] = '\0';
	}
}

static void
cmd_overview_text(const struct app *app, const struct health_row *rows, size_t n)
{
	const char *head[HEALTH__SIGNALS + 4];
	char cells[HEALTH__SIGNALS][32], term[HEALTH_TERM_LABEL_LEN], weak[16];
	const char *row[HEALTH__SIGNALS + 4];
	char decimal = app_decimal(app);
	struct table *t;
	size_t i;
	int s;

	head[0] = _("Group");
	head[1] = _("Type");
	for (s = 0; s < HEALTH__SIGNALS; s++)
		head[2 + s] = _(health_signal_title((enum health_signal)s));
	head[2 + HEALTH__SIGNALS] = _("Term");
	head[3 + HEALTH__SIGNALS] = _("Weak");
	t = table_new(HEALTH__SIGNALS + 4, head);
	table_limit(t, 0, 40);
	table_limit(t, 1, 20);
	for (s = 0; s < HEALTH__SIGNALS; s++)
		table_right(t, 2 + (size_t)s);
	table_right(t, 3 + HEALTH__SIGNALS);
	for (i = 0; i < n; i++) {
		const struct config_group_type *gt = config_group_type(app->cfg, rows[i].type);

		row[0] = rows[i].name;
		row[1] = gt != NULL ? gt->label : rows[i].type;
		for (s = 0; s < HEALTH__SIGNALS; s++) {
			cmd_overview_cell(&rows[i], (enum health_signal)s, decimal, cells[s],
			    sizeof cells[s]);
			row[2 + s] = cells[s];
		}
		row[2 + HEALTH__SIGNALS] = rows[i].sig.known[HEALTH_SCAN] ?
		    health_term_label(&rows[i].sig.scan_term, term) : "-";
		snprintf(weak, sizeof weak, "%d", rows[i].sig.weak_count);
		row[3 + HEALTH__SIGNALS] = weak;
		table_add(t, row);
	}
	table_print(t, stdout);
	table_free(t);
	printf(P_("%zu active group; \"!\" marks a weak signal (see leernet(1)).\n",
	    "%zu active groups; \"!\" marks a weak signal (see leernet(1)).\n", n), n);
}

/* A known signal as a number, else an empty field. */
static void
cmd_overview_csv_value(struct csv *c, const struct health_signals *sig, enum health_signal s)
{
	if (sig->known[s])
		csv_field_int(c, sig->value[s]);
	else
		csv_field(c, NULL);
}

static void
cmd_overview_csv(const struct health_row *rows, size_t n)
{
	static const char *const header[] = {
		"group", "type", "held", "expected", "meetings_pct", "attendance_pct", "hours_pct",
		"overdue", "months_since_update", "left", "scan_average", "scan_term",
		"weak_signals", "weak"
	};
	struct csv *c = csv_new(stdout, ',');
	char buf[64], term[HEALTH_TERM_LABEL_LEN];
	size_t i, len;
	int s;

	csv_row(c, header, sizeof header / sizeof header[0]);
	for (i = 0; i < n; i++) {
		const struct health_signals *sig = &rows[i].sig;

		csv_field(c, rows[i].name);
		csv_field(c, rows[i].type);
		csv_field_int(c, sig->held);
		snprintf(buf, sizeof buf, "%d.%d", sig->expected_x10 / 10, sig->expected_x10 % 10);
		csv_field(c, buf);
		cmd_overview_csv_value(c, sig, HEALTH_MEETINGS);
		cmd_overview_csv_value(c, sig, HEALTH_ATTENDANCE);
		cmd_overview_csv_value(c, sig, HEALTH_HOURS);
		cmd_overview_csv_value(c, sig, HEALTH_OVERDUE);
		if (sig->never_updated)
			csv_field(c, NULL);
		else
			cmd_overview_csv_value(c, sig, HEALTH_UPDATE);
		cmd_overview_csv_value(c, sig, HEALTH_LEFT);
		csv_field(c, sig->known[HEALTH_SCAN] ?
		    health_signal_format(sig, HEALTH_SCAN, '.', buf, sizeof buf) : NULL);
		csv_field(c, sig->known[HEALTH_SCAN] ? health_term_label(&sig->scan_term, term) :
		    NULL);
		csv_field_int(c, sig->weak_count);
		buf[0] = '\0';
		for (s = 0, len = 0; s < HEALTH__SIGNALS; s++) {
			if (sig->weak[s])
				len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
				    len > 0 ? " " : "", health_signal_key((enum health_signal)s));
		}
		csv_field(c, buf);
		csv_row_end(c);
	}
	csv_free(c);
}

int
cmd_overview(struct app *app, int argc, char **argv)
{
	struct cmd_overview_opts o;
	struct health_row *rows = NULL;
	struct date today = date_today();
	char *error = NULL;
	size_t n = 0;
	int ret;

	if ((ret = cmd_overview_options(argc, argv, &o)) != APP_EX_OK)
		return ret;
	if ((ret = store_health_overview(app->st, app->who, &today, &rows, &n, &error)) != 0) {
		/* coordinators' only, like the audit log: not allowed (77) */
		if (ret == STORE_DENIED) {
			app_error("%s", error);
			free(error);
			return APP_EX_NOPERM;
		}
		return cmdutil_store_fail(ret, error);
	}
	cmd_overview_compute(app, rows, n, &today);
	health_sort(rows, n, o.sort);
	if (o.format == CMDUTIL_CSV)
		cmd_overview_csv(rows, n);
	else
		cmd_overview_text(app, rows, n);
	health_rows_free(rows, n);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "leernet: overview: %s\n", _("cannot write the output"));
		return APP_EX_IOERR;
	}
	return APP_EX_OK;
}

/*
 * cmd_hours.c — "leernet hours": the hours statement of one person for one
 * school year, as evidence for the school (text) or for a spreadsheet (csv):
 * network, group, date, time, duration, role, attendance, hours; totals per
 * group against the group type's norm, and the total.
 *
 * Who may see it is the store's decision (ACCESS_HOURS_VIEW): one's own,
 * anyone's for a coordinator, a lead's group's rows. Others get exit 65.
 * The statement is built from attendance alone: nothing of a note.
 */
#include "autoconf.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "core/csv.h"
#include "core/hours.h"
#include "core/i18n.h"
#include "core/xmalloc.h"

struct cmd_hours_opts {
	const char *person;	/* --person, NULL = oneself */
	const char *group;	/* --group, NULL = all */
	struct date first, last;
	enum cmdutil_format format;
};

/* What one group adds up to. */
struct cmd_hours_total {
	int64_t group_id;
	char *name;
	char *type;
	int norm;		/* hours a school year; 0 = none */
	long minutes;
};

struct cmd_hours {
	struct app *app;
	const char *person;
	char decimal;
	struct table *table;	/* text */
	struct csv *csv;	/* csv */
	struct cmd_hours_total *totals;
	size_t n_totals;
	long minutes;
	size_t rows;
};

static const char *const cmd_hours_status[][2] = {
	{ "present", N_("present") }, { "late", N_("late") },
	{ "excused", N_("excused") }, { "absent", N_("absent") },
};

/* The options; APP_EX_OK or a usage error (printed). */
static int
cmd_hours_options(int argc, char **argv, struct cmd_hours_opts *o)
{
	static const struct option longopts[] = {
		{ "person", required_argument, NULL, 'p' },
		{ "group", required_argument, NULL, 'g' },
		{ "year", required_argument, NULL, 'y' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct date today = date_today();
	int c;

	memset(o, 0, sizeof *o);
	date_school_year(&today, &o->first, &o->last);
	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': o->person = optarg; break;
		case 'g': o->group = optarg; break;
		case 'y':
			if (hours_year_parse(optarg, &o->first, &o->last) != 0)
				return cmdutil_usage("hours", _("--year: a school year such as "
				    "2026-2027 (1 August to 31 July), not '%s'"), optarg);
			break;
		case 'f':
			if (cmdutil_format("hours", optarg, &o->format) != APP_EX_OK)
				return APP_EX_USAGE;
			break;
		default: return cmdutil_bad_option("hours", c, argv);
		}
	}
	if (optind < argc)
		return cmdutil_usage("hours", _("unexpected argument '%s'"), argv[optind]);
	return APP_EX_OK;
}

/* The group's norm: its own when set, else its type's. */
static int
cmd_hours_norm(const struct app *app, const struct hours_row *r)
{
	const struct config_group_type *t;

	if (r->group_norm > 0)
		return r->group_norm;
	t = config_group_type(app->cfg, r->group_type);
	return t != NULL ? t->hours_norm : 0;
}

/* Add r's minutes to its group's total. */
static void
cmd_hours_add_total(struct cmd_hours *ch, const struct hours_row *r)
{
	struct cmd_hours_total *t;
	size_t i;

	for (i = 0; i < ch->n_totals; i++) {
		if (ch->totals[i].group_id == r->group_id)
			break;
	}
	if (i == ch->n_totals) {
		ch->totals = xreallocarray(ch->totals, ch->n_totals + 1, sizeof *ch->totals);
		t = &ch->totals[ch->n_totals++];
		t->group_id = r->group_id;
		t->name = xstrdup(r->group_name != NULL ? r->group_name : _("the whole network"));
		t->type = xstrdup(r->group_type != NULL ? r->group_type : "");
		t->norm = r->group_id != 0 ? cmd_hours_norm(ch->app, r) : 0;
		t->minutes = 0;
	}
	ch->totals[i].minutes += r->credited;
	ch->minutes += r->credited;
}

static const char *
cmd_hours_status_label(const char *status)
{
	size_t i;

	for (i = 0; i < sizeof cmd_hours_status / sizeof cmd_hours_status[0]; i++) {
		if (status != NULL && strcmp(status, cmd_hours_status[i][0]) == 0)
			return _(cmd_hours_status[i][1]);
	}
	return status != NULL ? status : "";
}

/* One meeting as a text line. */
static void
cmd_hours_text_row(struct cmd_hours *ch, const struct hours_row *r)
{
	const char *role = NULL;
	char day[32], when[32], dur[16], hrs[24];
	const char *cells[7];

	cmdutil_show_date(ch->app, r->starts_at, day, sizeof day);
	day[strcspn(day, "T ")] = '\0';
	snprintf(when, sizeof when, "%.5s–%.5s", r->starts_at + 11, r->ends_at + 11);
	snprintf(dur, sizeof dur, "%d:%02d", r->duration / 60, r->duration % 60);
	if (r->role != NULL)
		role = config_item_label(&ch->app->cfg->roles, r->role);
	cells[0] = r->group_name != NULL ? r->group_name : _("the whole network");
	cells[1] = day;
	cells[2] = when;
	cells[3] = dur;
	cells[4] = role != NULL ? role : (r->role != NULL ? r->role : "–");
	cells[5] = cmd_hours_status_label(r->status);
	cells[6] = hours_format(r->credited, ch->decimal, hrs, sizeof hrs);
	table_add(ch->table, cells);
}

/* One meeting as a CSV row: raw values. */
static void
cmd_hours_csv_row(struct cmd_hours *ch, const struct hours_row *r)
{
	char day[DATE_ISO_LEN];

	snprintf(day, sizeof day, "%.10s", r->starts_at);
	csv_field(ch->csv, ch->app->cfg->network_name);
	csv_field(ch->csv, ch->person);
	csv_field(ch->csv, r->group_name);
	csv_field(ch->csv, r->group_type);
	csv_field(ch->csv, day);
	csv_field(ch->csv, r->starts_at + 11);
	csv_field(ch->csv, r->ends_at + 11);
	csv_field_int(ch->csv, r->duration);
	csv_field(ch->csv, r->role);
	csv_field(ch->csv, r->status);
	csv_field_int(ch->csv, r->credited);
	csv_row_end(ch->csv);
}

static int
cmd_hours_row(const struct hours_row *r, void *arg)
{
	struct cmd_hours *ch = arg;

	if (r->starts_at == NULL || r->ends_at == NULL || strlen(r->starts_at) < 16 ||
	    strlen(r->ends_at) < 16)
		return 0;
	ch->rows++;
	cmd_hours_add_total(ch, r);
	if (ch->csv != NULL)
		cmd_hours_csv_row(ch, r);
	else
		cmd_hours_text_row(ch, r);
	return 0;
}

/* The header of the text statement. */
static void
cmd_hours_text_head(struct cmd_hours *ch, const struct cmd_hours_opts *o, bool partial)
{
	char first[DATE_ISO_LEN], last[DATE_ISO_LEN], a[32], b[32];

	printf(_("Hours statement — %s\n"), ch->app->cfg->network_name);
	printf(_("Person: %s\n"), ch->person);
	printf(_("School year: %d-%d (%s – %s)\n"), o->first.year, o->last.year,
	    cmdutil_show_date(ch->app, date_format_iso(&o->first, first), a, sizeof a),
	    cmdutil_show_date(ch->app, date_format_iso(&o->last, last), b, sizeof b));
	if (partial)
		printf("%s\n", _("Only the groups you lead are shown."));
	printf("\n");
}

/* The meetings, the totals per group against their norm, and the total. */
static void
cmd_hours_text_tail(struct cmd_hours *ch)
{
	const char *head[] = { _("Group"), _("Hours"), _("Norm") };
	struct table *t;
	char hrs[24], norm[24];
	size_t i;

	if (ch->rows == 0) {
		printf("%s\n", _("No meetings with attendance in this school year."));
	} else {
		table_print(ch->table, stdout);
		printf("\n");
		t = table_new(3, head);
		table_right(t, 1);
		table_right(t, 2);
		for (i = 0; i < ch->n_totals; i++) {
			const char *cells[3];

			snprintf(norm, sizeof norm, "%d", ch->totals[i].norm);
			cells[0] = ch->totals[i].name;
			cells[1] = hours_format((int)ch->totals[i].minutes, ch->decimal, hrs,
			    sizeof hrs);
			cells[2] = ch->totals[i].norm > 0 ? norm : "–";
			table_add(t, cells);
		}
		table_print(t, stdout);
		table_free(t);
		printf("\n");
	}
	printf(_("Total: %s hours\n"), hours_format((int)ch->minutes, ch->decimal, hrs,
	    sizeof hrs));
}

static void
cmd_hours_free(struct cmd_hours *ch)
{
	size_t i;

	for (i = 0; i < ch->n_totals; i++) {
		free(ch->totals[i].name);
		free(ch->totals[i].type);
	}
	free(ch->totals);
	table_free(ch->table);
	csv_free(ch->csv);
}

int
cmd_hours(struct app *app, int argc, char **argv)
{
	static const char *const csv_header[] = {
		"network", "person", "group", "group_type", "date", "start", "end",
		"duration_minutes", "role", "status", "credited_minutes",
	};
	const char *head[7] = { _("Group"), _("Date"), _("Time"), _("Duration"), _("Role"),
		_("Status"), _("Hours") };
	struct cmd_hours_opts o;
	struct cmd_hours ch = { .app = app };
	char *name = NULL, *gname = NULL, *error = NULL;
	int64_t person_id, group_id = 0;
	int ret;

	if ((ret = cmd_hours_options(argc, argv, &o)) != APP_EX_OK)
		return ret;
	if (o.person == NULL && actor_is_visitor(app->who)) {
		app_error("%s", _(access_reason(ACCESS_HOURS_VIEW)));
		return APP_EX_DATAERR;
	}
	if ((ret = cmdutil_person_or_self(app, o.person, &person_id, &name)) != APP_EX_OK)
		return ret;
	if (o.group != NULL && (ret = cmdutil_group(app, o.group, &group_id, &gname)) != APP_EX_OK)
		goto out;
	ch.person = name;
	ch.decimal = app_decimal(app);
	if (o.format == CMDUTIL_CSV) {
		ch.csv = csv_new(stdout, ',');
		csv_row(ch.csv, csv_header, sizeof csv_header / sizeof csv_header[0]);
	} else {
		ch.table = table_new(7, head);
		table_right(ch.table, 3);
		table_right(ch.table, 6);
	}
	ret = store_hours_each(app->st, app->who, person_id, group_id, &o.first, &o.last,
	    cmd_hours_row, &ch, &error);
	if (ret < 0) {
		ret = cmdutil_store_fail(ret, error);
		goto out;
	}
	if (ch.table != NULL) {
		cmd_hours_text_head(&ch, &o, person_id != app->who->person_id &&
		    !app->who->coordinator);
		cmd_hours_text_tail(&ch);
	}
	ret = APP_EX_OK;
	if (fflush(stdout) != 0 || (ch.csv != NULL && csv_status(ch.csv) != 0)) {
		app_error(_("cannot write the output"));
		ret = APP_EX_IOERR;
	}
out:
	cmd_hours_free(&ch);
	free(gname);
	free(name);
	return ret;
}

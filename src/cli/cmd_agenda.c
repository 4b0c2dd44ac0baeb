/*
 * cmd_agenda.c — "leernet agenda": the meetings of a period, as a list
 * (text) or as an iCalendar file to import into or subscribe to from a
 * calendar program (ics).
 *
 * The period is --from (default today) to --to (default eight weeks on),
 * both included. Whose meetings: one group (--group), a person's groups
 * (--person: oneself, or anyone for a coordinator), the whole network
 * (--all: coordinators), else one's own groups; network-wide meetings come
 * with a person's. Who may see what is the store's decision
 * (store_calendar_range); a refusal exits 65. Cancelled meetings are shown
 * too: a calendar program must learn that one it imported was called off.
 *
 * Both formats stream: the text list is printed in blocks of
 * CMD_AGENDA_BLOCK rows, lined up by the first block; the iCalendar file
 * is written an event at a time (src/ical/ics.h). Each event's UID is
 * "meeting-ID@NETWORK.leernet", the same in every export, so a re-import
 * updates events instead of doubling them.
 *
 * --output FILE writes a new file (0644), never over an existing one.
 */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/agenda_ics.h"
#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xmalloc.h"

#define CMD_AGENDA_WEEKS 8		/* the default period */
#define CMD_AGENDA_BLOCK 1000		/* text rows held before printing */
#define CMD_AGENDA_COLS 6
#define CMD_AGENDA_WIDE 40		/* widest group or place once streaming */

enum cmd_agenda_format {
	CMD_AGENDA_TEXT,
	CMD_AGENDA_ICS
};

struct cmd_agenda_opts {
	const char *group;		/* --group */
	const char *person;		/* --person */
	bool all;			/* --all */
	struct date first, last;
	enum cmd_agenda_format format;
	const char *output;		/* --output, NULL = standard output */
};

struct cmd_agenda {
	struct app *app;
	FILE *out;
	enum cmd_agenda_format format;
	/* text */
	struct table *table;		/* the current block */
	int widths[CMD_AGENDA_COLS];	/* widest cells of the first block */
	bool streaming;			/* a first block has been printed */
	bool headed;			/* the heading has been printed */
	const struct calendar_query *q;	/* for the heading */
	const char *label;		/* the group or person of the heading */
	struct agenda_ics ics;		/* ics */
	size_t rows;
};

static const char *const cmd_agenda_weekday[] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"),
};

/* --from or --to: a date typed the Dutch way or as ISO; APP_EX_OK or 64. */
static int
cmd_agenda_date(const char *option, const char *text, struct date *out)
{
	if (date_parse(text, out) == 0)
		return APP_EX_OK;
	return cmdutil_usage("agenda",
	    _("%s: '%s' is not a date; write dd-mm-jjjj (23-11-2026) or jjjj-mm-dd"), option,
	    text);
}

/* Check the options that go together; APP_EX_OK or a usage error. */
static int
cmd_agenda_check(struct cmd_agenda_opts *o, bool have_to)
{
	if ((o->group != NULL) + (o->person != NULL) + o->all > 1)
		return cmdutil_usage("agenda", "%s",
		    _("--group, --person and --all exclude each other"));
	if (!have_to)
		o->last = date_add_days(&o->first, 7 * CMD_AGENDA_WEEKS);
	if (date_compare(&o->last, &o->first) < 0)
		return cmdutil_usage("agenda", "%s", _("--to lies before --from"));
	return APP_EX_OK;
}

/* The options; APP_EX_OK or a usage error (printed). */
static int
cmd_agenda_options(int argc, char **argv, struct cmd_agenda_opts *o)
{
	static const struct option longopts[] = {
		{ "group", required_argument, NULL, 'g' },
		{ "person", required_argument, NULL, 'p' },
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'F' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	bool have_to = false;
	int c, ret;

	memset(o, 0, sizeof *o);
	o->first = date_today();
	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'g': o->group = optarg; break;
		case 'p': o->person = optarg; break;
		case 'a': o->all = true; break;
		case 'o': o->output = optarg; break;
		case 'f':
			if ((ret = cmd_agenda_date("--from", optarg, &o->first)) != APP_EX_OK)
				return ret;
			break;
		case 't':
			if ((ret = cmd_agenda_date("--to", optarg, &o->last)) != APP_EX_OK)
				return ret;
			have_to = true;
			break;
		case 'F':
			if (strcmp(optarg, "text") == 0)
				o->format = CMD_AGENDA_TEXT;
			else if (strcmp(optarg, "ics") == 0)
				o->format = CMD_AGENDA_ICS;
			else
				return cmdutil_usage("agenda", _("unknown format '%s' (text or ics)"),
				    optarg);
			break;
		default: return cmdutil_bad_option("agenda", c, argv);
		}
	}
	if (optind < argc)
		return cmdutil_usage("agenda", _("unexpected argument '%s'"), argv[optind]);
	return cmd_agenda_check(o, have_to);
}

/*
 * The query for the options: the scope, its group or person (*label, owned,
 * names it for the heading). APP_EX_OK or an exit status (printed).
 */
static int
cmd_agenda_scope(struct app *app, const struct cmd_agenda_opts *o, struct calendar_query *q,
    char **label)
{
	memset(q, 0, sizeof *q);
	q->first = o->first;
	q->last = o->last;
	q->per_day = 0;
	q->cancelled = true;
	q->want_agenda = o->format == CMD_AGENDA_ICS;
	q->any_order = o->format == CMD_AGENDA_ICS;	/* a calendar program sorts */
	*label = NULL;
	if (o->group != NULL) {
		q->scope = MEETING_SCOPE_GROUP;
		return cmdutil_group(app, o->group, &q->group_id, label);
	}
	if (o->person != NULL) {
		q->scope = MEETING_SCOPE_PERSON;
		return cmdutil_person(app, o->person, &q->person_id, label);
	}
	q->scope = o->all ? MEETING_SCOPE_ALL : MEETING_SCOPE_MINE;
	return APP_EX_OK;
}

/* Open the new file of --output on *out; APP_EX_OK or 73 (printed). */
static int
cmd_agenda_create(const char *file, FILE **out)
{
	int fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);

	if (fd < 0) {
		if (errno == EEXIST)
			app_error(_("%s already exists; the agenda never overwrites a file"), file);
		else
			app_error(_("cannot create %s: %s"), file, strerror(errno));
		return APP_EX_CANTCREAT;
	}
	if ((*out = fdopen(fd, "w")) == NULL) {
		app_error(_("cannot create %s: %s"), file, strerror(errno));
		close(fd);
		unlink(file);
		return APP_EX_CANTCREAT;
	}
	return APP_EX_OK;
}

/* ---- text ---- */

/* A new block of the text list; after the first, with the first's widths. */
static struct table *
cmd_agenda_table(struct cmd_agenda *ca)
{
	const char *head[CMD_AGENDA_COLS] = { _("Date"), _("Day"), _("Time"), _("Group"),
		_("Place"), _("Status") };
	struct table *t = table_new(CMD_AGENDA_COLS, head);
	size_t i;

	for (i = 0; i < CMD_AGENDA_COLS; i++) {
		if (ca->widths[i] == 0 || text_width(head[i]) > ca->widths[i])
			ca->widths[i] = text_width(head[i]);
		if (ca->streaming && i + 1 < CMD_AGENDA_COLS)
			table_fixed(t, i, ca->widths[i]);
	}
	return t;
}

/* Print the rows held so far and start the next block. */
static void
cmd_agenda_flush(struct cmd_agenda *ca)
{
	size_t i;

	if (!ca->streaming) {
		for (i = 0; i + 1 < CMD_AGENDA_COLS; i++)
			table_fixed(ca->table, i, ca->widths[i] > CMD_AGENDA_WIDE ?
			    CMD_AGENDA_WIDE : ca->widths[i]);
		table_print(ca->table, ca->out);
		for (i = 0; i + 1 < CMD_AGENDA_COLS; i++) {
			if (ca->widths[i] > CMD_AGENDA_WIDE)
				ca->widths[i] = CMD_AGENDA_WIDE;
		}
		ca->streaming = true;
	} else {
		table_print_rows(ca->table, ca->out);
	}
	table_free(ca->table);
	ca->table = cmd_agenda_table(ca);
}

/* What the status column says: nothing for a planned meeting. */
static const char *
cmd_agenda_status(const char *status)
{
	if (status != NULL && strcmp(status, "cancelled") == 0)
		return _("cancelled");
	if (status != NULL && strcmp(status, "held") == 0)
		return _("held");
	return "";
}

/*
 * The heading of the list: network, whose meetings, the period. Printed
 * with the first meeting (or at the end), so that a refusal prints nothing.
 */
static void
cmd_agenda_text_head(struct cmd_agenda *ca)
{
	const struct calendar_query *q = ca->q;
	const char *label = ca->label;
	char first[DATE_ISO_LEN], last[DATE_ISO_LEN], a[32], b[32];

	if (ca->headed)
		return;
	ca->headed = true;
	fprintf(ca->out, _("Agenda — %s\n"), ca->app->cfg->network_name);
	if (q->scope == MEETING_SCOPE_GROUP)
		fprintf(ca->out, _("Group: %s\n"), label);
	else if (q->scope == MEETING_SCOPE_PERSON)
		fprintf(ca->out, _("Person: %s (their groups and the network-wide meetings)\n"),
		    label);
	else if (q->scope == MEETING_SCOPE_ALL)
		fprintf(ca->out, "%s\n", _("All meetings of the network"));
	else
		fprintf(ca->out, _("Person: %s (your groups and the network-wide meetings)\n"),
		    ca->app->who->name);
	fprintf(ca->out, _("Period: %s – %s\n"),
	    cmdutil_show_date(ca->app, date_format_iso(&q->first, first), a, sizeof a),
	    cmdutil_show_date(ca->app, date_format_iso(&q->last, last), b, sizeof b));
	fputc('\n', ca->out);
}

/* One meeting as a line of the list. */
static void
cmd_agenda_text_row(struct cmd_agenda *ca, const struct calendar_row *r)
{
	char day[32], when[40];
	const char *cells[CMD_AGENDA_COLS];
	struct date d;
	int minutes, w;
	size_t i;

	cmd_agenda_text_head(ca);
	cmdutil_show_date(ca->app, r->starts_at, day, sizeof day);
	day[strcspn(day, "T ")] = '\0';
	snprintf(when, sizeof when, "%.5s–%.5s", r->starts_at + 11, r->ends_at + 11);
	cells[0] = day;
	cells[1] = datetime_parse_iso(r->starts_at, &d, &minutes) == 0 ?
	    _(cmd_agenda_weekday[date_weekday(&d) - 1]) : "";
	cells[2] = when;
	cells[3] = r->group_name != NULL ? r->group_name :
	    (r->title != NULL ? r->title : _("the whole network"));
	cells[4] = r->place;
	cells[5] = cmd_agenda_status(r->status);
	for (i = 0; !ca->streaming && i < CMD_AGENDA_COLS; i++) {
		if (cells[i] != NULL && (w = text_width(cells[i])) > ca->widths[i])
			ca->widths[i] = w;
	}
	table_add(ca->table, cells);
	if (table_rows(ca->table) >= CMD_AGENDA_BLOCK)
		cmd_agenda_flush(ca);
}

/* The rest of the list after the last meeting, and the count. */
static void
cmd_agenda_text_tail(struct cmd_agenda *ca)
{
	cmd_agenda_text_head(ca);
	if (ca->rows == 0) {
		fprintf(ca->out, "%s\n", _("No meetings in this period."));
		return;
	}
	if (!ca->streaming)
		table_print(ca->table, ca->out);
	else
		table_print_rows(ca->table, ca->out);
	fprintf(ca->out, "\n");
	fprintf(ca->out, P_("%zu meeting\n", "%zu meetings\n", ca->rows), ca->rows);
}

/* ---- the command ---- */

static int
cmd_agenda_row(const struct calendar_row *r, void *arg)
{
	struct cmd_agenda *ca = arg;

	if (r->more > 0 || r->starts_at == NULL || r->ends_at == NULL ||
	    strlen(r->starts_at) < 16 || strlen(r->ends_at) < 16)
		return 0;
	ca->rows++;
	if (ca->format == CMD_AGENDA_ICS)
		return agenda_ics_row(&ca->ics, r);
	cmd_agenda_text_row(ca, r);
	return 0;
}

/* Read the range into the chosen format; APP_EX_OK or an exit status (printed). */
static int
cmd_agenda_run(struct cmd_agenda *ca, const struct calendar_query *q, const char *label)
{
	char *error = NULL;
	int ret;

	if (ca->format == CMD_AGENDA_TEXT) {
		ca->table = cmd_agenda_table(ca);
		ca->q = q;
		ca->label = label;
	}
	ret = store_calendar_range(ca->app->st, ca->app->who, q, cmd_agenda_row, ca, &error);
	if (ret < 0)
		return cmdutil_store_fail(ret, error);
	if (ca->ics.error != NULL) {
		app_error("%s", ca->ics.error);
		return APP_EX_IOERR;
	}
	if (ca->format == CMD_AGENDA_TEXT)
		cmd_agenda_text_tail(ca);
	else
		(void)agenda_ics_finish(&ca->ics);
	if (ca->ics.error != NULL || fflush(ca->out) != 0 || ferror(ca->out)) {
		app_error("%s", ca->ics.error != NULL ? ca->ics.error : _("cannot write the output"));
		return APP_EX_IOERR;
	}
	return APP_EX_OK;
}

/* Close the --output file; false when that failed (printed). */
static bool
cmd_agenda_close(FILE *out, const char *file)
{
	if (fclose(out) == 0)
		return true;
	app_error(_("cannot write %s: %s"), file, strerror(errno));
	return false;
}

int
cmd_agenda(struct app *app, int argc, char **argv)
{
	struct cmd_agenda_opts o;
	struct cmd_agenda ca = { .app = app, .out = stdout };
	struct calendar_query q;
	char *label = NULL;
	int ret;

	if ((ret = cmd_agenda_options(argc, argv, &o)) != APP_EX_OK)
		return ret;
	if (o.output != NULL && app->opt.restricted) {
		app_error(_("'%s' writes a file and is not allowed with --restricted; "
		    "exports go to the screen or to standard output"), "agenda --output");
		return APP_EX_NOPERM;
	}
	if ((ret = cmd_agenda_scope(app, &o, &q, &label)) != APP_EX_OK)
		goto out;
	if (o.output != NULL && (ret = cmd_agenda_create(o.output, &ca.out)) != APP_EX_OK)
		goto out;
	ca.format = o.format;
	agenda_ics_init(&ca.ics, ca.out, app->cfg->network_name);
	ret = cmd_agenda_run(&ca, &q, label);
	if (o.output != NULL) {
		if (!cmd_agenda_close(ca.out, o.output) && ret == APP_EX_OK)
			ret = APP_EX_IOERR;
		if (ret != APP_EX_OK)
			unlink(o.output);
		else
			printf(P_("%zu meeting written to %s\n", "%zu meetings written to %s\n",
			    ca.rows), ca.rows, o.output);
	}
out:
	agenda_ics_clear(&ca.ics);	/* after a failure: no END:VCALENDAR */
	table_free(ca.table);
	free(label);
	return ret;
}

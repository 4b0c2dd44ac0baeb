/*
 * cmd_programme.c — "leernet programme DATE [--format text|md]": the
 * programme of the knowledge-sharing day, to print or to mail.
 *
 * For each network-wide meeting on DATE (dd-mm-jjjj or ISO): its title,
 * day, times and place, then its presentation slots in time order — time,
 * room, group, the product presented and its kind, the group's leads on the
 * day. Text lines the columns up (cli/table.c); md writes a Markdown heading
 * and table. The programme is public: any known person may print it; who
 * may see what is the store's decision (a refusal exits 65). No network-wide
 * meeting on DATE exits 65 with a message; cancelled meetings are left out.
 */
#include "autoconf.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "core/i18n.h"
#include "core/xmalloc.h"

#define CMD_PROGRAMME_MAX 8	/* network-wide meetings on one day, at most */
#define CMD_PROGRAMME_COLS 6

enum cmd_programme_format {
	CMD_PROGRAMME_TEXT,
	CMD_PROGRAMME_MD
};

/* A network-wide meeting of the day; strings owned. */
struct cmd_programme_meeting {
	int64_t id;
	char *title, *place, *starts_at, *ends_at;
};

struct cmd_programme {
	struct app *app;
	enum cmd_programme_format format;
	struct cmd_programme_meeting meetings[CMD_PROGRAMME_MAX];
	int n;
	struct table *table;		/* text */
	int slots;
};

static char *
cmd_programme_dup(const char *s)
{
	return xstrdup(s != NULL ? s : "");
}

static int
cmd_programme_take_meeting(const struct calendar_row *r, void *arg)
{
	struct cmd_programme *cp = arg;
	struct cmd_programme_meeting *m;

	if (r->group_id != 0 || r->more > 0 || cp->n == CMD_PROGRAMME_MAX)
		return 0;
	m = &cp->meetings[cp->n++];
	m->id = r->id;
	m->title = cmd_programme_dup(r->title);
	m->place = cmd_programme_dup(r->place);
	m->starts_at = cmd_programme_dup(r->starts_at);
	m->ends_at = cmd_programme_dup(r->ends_at);
	return 0;
}

static void
cmd_programme_clear(struct cmd_programme *cp)
{
	int i;

	for (i = 0; i < cp->n; i++) {
		free(cp->meetings[i].title);
		free(cp->meetings[i].place);
		free(cp->meetings[i].starts_at);
		free(cp->meetings[i].ends_at);
	}
	cp->n = 0;
	table_free(cp->table);
	cp->table = NULL;
}

/* The moment's time "13:30", or "?". */
static const char *
cmd_programme_time(const char *moment)
{
	return moment != NULL && strlen(moment) >= 16 ? moment + 11 : "?";
}

/* A Markdown table cell: | and line breaks would break the row. Allocated. */
static char *
cmd_programme_md_cell(const char *s)
{
	char *out = xmalloc(strlen(s != NULL ? s : "") * 2 + 1), *w = out;

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '|' || *s == '\\')
			*w++ = '\\';
		*w++ = (*s == '\n' || *s == '\r' || *s == '\t') ? ' ' : *s;
	}
	*w = '\0';
	return out;
}

static int
cmd_programme_slot(const struct slot_row *r, void *arg)
{
	struct cmd_programme *cp = arg;
	char when[32];
	const char *cells[CMD_PROGRAMME_COLS];
	char *md[CMD_PROGRAMME_COLS];
	int i;

	snprintf(when, sizeof when, "%.5s–%.5s", cmd_programme_time(r->starts_at),
	    cmd_programme_time(r->ends_at));
	cells[0] = when;
	cells[1] = r->room != NULL ? r->room : "";
	cells[2] = r->group_name != NULL ? r->group_name : "";
	cells[3] = r->product_title != NULL ? r->product_title : "";
	cells[4] = r->product_kind != NULL ? _(store_product_kind_label(r->product_kind)) : "";
	cells[5] = r->leads != NULL ? r->leads : "";
	cp->slots++;
	if (cp->format == CMD_PROGRAMME_TEXT) {
		table_add(cp->table, cells);
		return 0;
	}
	for (i = 0; i < CMD_PROGRAMME_COLS; i++)
		md[i] = cmd_programme_md_cell(cells[i]);
	printf("| %s | %s | %s | %s | %s | %s |\n", md[0], md[1], md[2], md[3], md[4], md[5]);
	for (i = 0; i < CMD_PROGRAMME_COLS; i++)
		free(md[i]);
	return 0;
}

/* The heading of one meeting: title, then "day, 13:00–17:00, place". */
static void
cmd_programme_heading(struct cmd_programme *cp, const struct cmd_programme_meeting *m,
    bool first)
{
	char iso[DATE_ISO_LEN], day[32], line[512];

	snprintf(iso, sizeof iso, "%.10s", m->starts_at);
	cmdutil_show_date(cp->app, iso, day, sizeof day);
	snprintf(line, sizeof line, "%s, %.5s–%.5s%s%s", day, cmd_programme_time(m->starts_at),
	    cmd_programme_time(m->ends_at), m->place[0] != '\0' ? ", " : "", m->place);
	if (cp->format == CMD_PROGRAMME_MD) {
		printf("%s# %s\n\n%s\n\n", first ? "" : "\n",
		    m->title[0] != '\0' ? m->title : _("Network-wide meeting"), line);
		return;
	}
	printf("%s%s\n%s\n\n", first ? "" : "\n",
	    m->title[0] != '\0' ? m->title : _("Network-wide meeting"), line);
}

/* One meeting's programme; APP_EX_OK or an exit status (printed). */
static int
cmd_programme_one(struct cmd_programme *cp, const struct cmd_programme_meeting *m, bool first)
{
	const char *head[CMD_PROGRAMME_COLS] = { _("Time"), _("Room"), _("Group"), _("Product"),
		_("Kind"), _("Leads") };
	char *error = NULL;
	int ret;

	cmd_programme_heading(cp, m, first);
	cp->slots = 0;
	if (cp->format == CMD_PROGRAMME_TEXT) {
		cp->table = table_new(CMD_PROGRAMME_COLS, head);
	} else {
		printf("| %s | %s | %s | %s | %s | %s |\n", head[0], head[1], head[2], head[3],
		    head[4], head[5]);
		printf("|---|---|---|---|---|---|\n");
	}
	ret = store_programme_each(cp->app->st, cp->app->who, m->id, cmd_programme_slot, cp,
	    &error);
	if (ret != 0) {
		table_free(cp->table);
		cp->table = NULL;
		return cmdutil_store_fail(ret, error);
	}
	if (cp->format == CMD_PROGRAMME_TEXT) {
		if (cp->slots > 0)
			table_print(cp->table, stdout);
		table_free(cp->table);
		cp->table = NULL;
	}
	if (cp->slots == 0)
		printf("%s%s\n", cp->format == CMD_PROGRAMME_MD ? "\n" : "",
		    _("No presentations planned yet."));
	return APP_EX_OK;
}

/* DATE and --format; APP_EX_OK or a usage error (printed). */
static int
cmd_programme_options(int argc, char **argv, struct date *day,
    enum cmd_programme_format *format)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	*format = CMD_PROGRAMME_TEXT;
	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'F':
			if (strcmp(optarg, "text") == 0)
				*format = CMD_PROGRAMME_TEXT;
			else if (strcmp(optarg, "md") == 0)
				*format = CMD_PROGRAMME_MD;
			else
				return cmdutil_usage("programme",
				    _("unknown format '%s' (text or md)"), optarg);
			break;
		default:
			return cmdutil_bad_option("programme", c, argv);
		}
	}
	if (optind >= argc)
		return cmdutil_usage("programme", "%s", _("which day? Give a DATE"));
	if (optind + 1 < argc)
		return cmdutil_usage("programme", _("unexpected argument '%s'"), argv[optind + 1]);
	if (date_parse(argv[optind], day) != 0)
		return cmdutil_usage("programme",
		    _("'%s' is not a date; write dd-mm-jjjj (23-11-2026) or jjjj-mm-dd"),
		    argv[optind]);
	return APP_EX_OK;
}

int
cmd_programme(struct app *app, int argc, char **argv)
{
	struct cmd_programme cp;
	struct calendar_query q;
	char *error = NULL, day[DATE_ISO_LEN];
	int ret, i;

	memset(&cp, 0, sizeof cp);
	cp.app = app;
	memset(&q, 0, sizeof q);
	if ((ret = cmd_programme_options(argc, argv, &q.first, &cp.format)) != APP_EX_OK)
		return ret;
	if (actor_is_visitor(app->who)) {
		app_error("%s", _("Only people known in the network can see the programme."));
		return APP_EX_DATAERR;
	}
	q.last = q.first;
	q.scope = MEETING_SCOPE_MINE;
	ret = store_calendar_range(app->st, app->who, &q, cmd_programme_take_meeting, &cp,
	    &error);
	if (ret != 0) {
		cmd_programme_clear(&cp);
		return cmdutil_store_fail(ret, error);
	}
	if (cp.n == 0) {
		app_error(_("there is no network-wide meeting on %s"),
		    date_format_nl(&q.first, day));
		return APP_EX_DATAERR;
	}
	for (i = 0, ret = APP_EX_OK; i < cp.n && ret == APP_EX_OK; i++)
		ret = cmd_programme_one(&cp, &cp.meetings[i], i == 0);
	cmd_programme_clear(&cp);
	if (ret == APP_EX_OK && fflush(stdout) != 0)
		ret = APP_EX_IOERR;
	return ret;
}

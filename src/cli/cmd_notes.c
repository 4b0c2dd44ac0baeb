/*
 * cmd_notes.c — "leernet notes": intervision sessions and their notes.
 *
 *   notes list [--all] [--format text|csv]       the sessions of my groups
 *   notes export MEETING [--format text|md]      one note, as text or Markdown
 *   notes search WORDS... [--format text|csv]    full-text search
 *
 * What may be read is decided by the store (core/access.h): a section's text
 * only as a member of the group on the meeting's date, private sections only
 * as their author or the contributor. This command prints what the store
 * gives and never more; a section it withholds is "(private)", a note
 * without readable text only its head. Exit statuses: 64 for a wrong
 * command line, 65 when the session may not be seen or has no note, 74
 * when the database fails.
 */
#include "autoconf.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "core/csv.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xmalloc.h"

#define CMD_NOTES_SEARCH_MAX 200

enum cmd_notes_format {
	NOTES_TEXT,
	NOTES_CSV,
	NOTES_MD
};

struct cmd_notes {
	struct app *app;
	enum cmd_notes_format format;
	struct table *table;
	struct csv *csv;
	long rows;
};

/* "YYYY-MM-DDTHH:MM" as the config shows dates, with the time after a space. */
static const char *
cmd_notes_when(const struct app *app, const char *iso, char *buf, size_t size)
{
	cmdutil_show_date(app, iso, buf, size);
	if (strlen(buf) > 10 && buf[10] == 'T')
		buf[10] = ' ';
	return buf;
}

/* The config's label of a method, else its key; "" for none. */
static const char *
cmd_notes_method(const struct app *app, const char *key)
{
	const struct config_method *m = config_method(app->cfg, key);

	if (m != NULL)
		return m->label;
	return key != NULL ? key : "";
}

static const char *
cmd_notes_status(const char *status)
{
	if (status == NULL)
		return _("no note");
	if (strcmp(status, "draft") == 0)
		return _("draft");
	if (strcmp(status, "final") == 0)
		return _("final");
	return status;
}

/* --format for a subcommand: text and csv, or text and md. */
static int
cmd_notes_format(const char *arg, bool markdown, enum cmd_notes_format *out)
{
	if (strcmp(arg, "text") == 0)
		*out = NOTES_TEXT;
	else if (!markdown && strcmp(arg, "csv") == 0)
		*out = NOTES_CSV;
	else if (markdown && strcmp(arg, "md") == 0)
		*out = NOTES_MD;
	else if (markdown)
		return cmdutil_usage("notes", _("unknown format '%s' (text or md)"), arg);
	else
		return cmdutil_usage("notes", _("unknown format '%s' (text or csv)"), arg);
	return APP_EX_OK;
}

/* The options of a subcommand (argv[0] is its name): --format, and --all for list.
 * *first receives the index of the first argument. */
static int
cmd_notes_options(int argc, char **argv, bool markdown, bool *all,
    enum cmd_notes_format *format, int *first)
{
	static const struct option with_all[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	*format = NOTES_TEXT;
	cmdutil_getopt_reset();
	/* --all only for list: the others see it as unknown */
	while ((c = getopt_long(argc, argv, ":", all != NULL ? with_all : with_all + 1,
	    NULL)) != -1) {
		switch (c) {
		case 'a': *all = true; break;
		case 'f':
			if (cmd_notes_format(optarg, markdown, format) != APP_EX_OK)
				return APP_EX_USAGE;
			break;
		default: return cmdutil_bad_option("notes", c, argv);
		}
	}
	*first = optind;
	return APP_EX_OK;
}

/* Check the output at the end; an exit status. */
static int
cmd_notes_flush(const struct cmd_notes *cn)
{
	if (fflush(stdout) != 0 || (cn->csv != NULL && csv_status(cn->csv) != 0)) {
		app_error(_("cannot write the output"));
		return APP_EX_IOERR;
	}
	return APP_EX_OK;
}

/* ---- list ---- */

static int
cmd_notes_session(const struct note_session_row *r, void *arg)
{
	struct cmd_notes *cn = arg;
	char number[24], when[48], open[16];
	const char *cells[8];

	if (cn->format == NOTES_CSV) {
		csv_field_int(cn->csv, r->meeting_id);
		csv_field(cn->csv, r->starts_at);
		csv_field(cn->csv, r->group_name);
		csv_field(cn->csv, r->method);
		csv_field(cn->csv, r->method != NULL ? cmd_notes_method(cn->app, r->method) : NULL);
		csv_field(cn->csv, r->contributor);
		csv_field(cn->csv, r->status);
		csv_field_int(cn->csv, r->open_agreements);
		csv_field_int(cn->csv, r->may_read ? 1 : 0);
		csv_row_end(cn->csv);
	} else {
		snprintf(number, sizeof number, "%lld", (long long)r->meeting_id);
		snprintf(open, sizeof open, "%d", r->open_agreements);
		cells[0] = number;
		cells[1] = cmd_notes_when(cn->app, r->starts_at, when, sizeof when);
		cells[2] = r->group_name;
		cells[3] = cmd_notes_method(cn->app, r->method);
		cells[4] = r->contributor != NULL ? r->contributor : "";
		cells[5] = cmd_notes_status(r->status);
		cells[6] = open;
		cells[7] = r->note_id == 0 ? "" : r->may_read ? _("yes") : _("no");
		table_add(cn->table, cells);
	}
	cn->rows++;
	return 0;
}

static int
cmd_notes_list(struct cmd_notes *cn, int argc, char **argv)
{
	static const char *const csv_header[] = {
		"meeting", "starts_at", "group", "method", "method_label", "contributor", "status",
		"open_agreements", "may_read"
	};
	const char *header[] = { _("Number"), _("Date"), _("Group"), _("Method"),
		_("Contributor"), _("Status"), _("Open"), _("Readable") };
	struct date today = date_today();
	char *error = NULL;
	bool all = false;
	int first, ret;

	if ((ret = cmd_notes_options(argc, argv, false, &all, &cn->format, &first)) != APP_EX_OK)
		return ret;
	if (first < argc)
		return cmdutil_usage("notes", _("unexpected argument '%s'"), argv[first]);
	if (cn->format == NOTES_CSV) {
		cn->csv = csv_new(stdout, ',');
		csv_row(cn->csv, csv_header, sizeof csv_header / sizeof csv_header[0]);
	} else {
		cn->table = table_new(8, header);
		table_right(cn->table, 0);
		table_limit(cn->table, 2, 32);
		table_limit(cn->table, 4, 24);
		table_right(cn->table, 6);
	}
	ret = store_note_sessions(cn->app->st, cn->app->who, all, &today, INT_MAX,
	    cmd_notes_session, cn, &error);
	if (ret != 0)
		return cmdutil_store_fail(ret, error);
	if (cn->table != NULL) {
		if (cn->rows == 0)
			printf("%s\n", _("No intervision sessions found."));
		else
			table_print(cn->table, stdout);
	}
	return cmd_notes_flush(cn);
}

/* ---- export ---- */

/* A person's name, or a dash. */
static const char *
cmd_notes_name(const char *name)
{
	return name != NULL && *name != '\0' ? name : "-";
}

/* One line of the head: "Label: value", or "- **Label:** value" in Markdown. */
static void
cmd_notes_field(const struct cmd_notes *cn, const char *label, const char *value)
{
	if (cn->format == NOTES_MD)
		printf("- **%s:** %s\n", label, value);
	else
		printf("%s: %s\n", label, value);
}

/* A heading: underlined in text, "#"s in Markdown. */
static void
cmd_notes_heading(const struct cmd_notes *cn, int level, const char *title)
{
	int w;

	if (cn->format == NOTES_MD) {
		printf("\n%.*s %s\n\n", level, "###", title);
		return;
	}
	printf("\n%s\n", title);
	/* as long as the title looks: its columns, not its bytes */
	for (w = text_width(title); w > 0; w--)
		putchar('-');
	putchar('\n');
}

/* The head: group, date, method, roles, attendance, open agreements, status. */
static void
cmd_notes_head(const struct cmd_notes *cn, const struct note_view *v)
{
	char when[48], *s;
	size_t i;
	int open = 0;

	cmd_notes_when(cn->app, v->starts_at, when, sizeof when);
	s = xasprintf(_("Intervision %s, %s"), cmd_notes_name(v->group_name), when);
	if (cn->format == NOTES_MD)
		printf("# %s\n\n", s);
	else
		printf("%s\n\n", s);
	free(s);
	cmd_notes_field(cn, _("Group"), cmd_notes_name(v->group_name));
	cmd_notes_field(cn, _("Date"), when);
	cmd_notes_field(cn, _("Method"), cmd_notes_method(cn->app, v->method));
	cmd_notes_field(cn, _("Contributor"), cmd_notes_name(v->contributor));
	cmd_notes_field(cn, _("Chair"), cmd_notes_name(v->chair));
	cmd_notes_field(cn, _("Minute-taker"), cmd_notes_name(v->minute_taker));
	if (v->attendance > 0)
		s = xasprintf(_("%d of %d present"), v->present, v->attendance);
	else
		s = xstrdup(_("not taken"));
	cmd_notes_field(cn, _("Attendance"), s);
	free(s);
	for (i = 0; i < v->n_agreements; i++) {
		if (v->agreements[i].status != NULL &&
		    (strcmp(v->agreements[i].status, "open") == 0 ||
		    strcmp(v->agreements[i].status, "continued") == 0))
			open++;
	}
	s = xasprintf("%d", open);
	cmd_notes_field(cn, _("Open agreements"), s);
	free(s);
	cmd_notes_field(cn, _("Status"), cmd_notes_status(v->status));
	cmd_notes_field(cn, _("Written by"), cmd_notes_name(v->author));
}

/* A section's text as written, or what stands in for it. */
static void
cmd_notes_body(const struct note_section_view *sv, bool draft)
{
	size_t n;

	if (sv->body == NULL) {
		printf("%s\n", sv->privacy == NOTE_PRIVACY_GROUP && draft ?
		    _("(draft: not shared yet)") : _("(private)"));
		return;
	}
	if (*sv->body == '\0') {
		printf("%s\n", _("(empty)"));
		return;
	}
	n = strlen(sv->body);
	fputs(sv->body, stdout);
	if (sv->body[n - 1] != '\n')
		putchar('\n');
}

/* An agreement's status, translated. */
static const char *
cmd_notes_agreement_status(const char *status)
{
	if (status == NULL)
		return "";
	if (strcmp(status, "open") == 0)
		return C_("status", "open");
	if (strcmp(status, "done") == 0)
		return _("done");
	if (strcmp(status, "continued") == 0)
		return _("continued");
	if (strcmp(status, "dropped") == 0)
		return _("dropped");
	return status;
}

/* The agreements this session made, those whose text who may read. */
static void
cmd_notes_agreements(const struct cmd_notes *cn, const struct note_view *v)
{
	const struct agreement_view *a;
	char day[32];
	size_t i, shown = 0;

	for (i = 0; i < v->n_agreements; i++)
		shown += v->agreements[i].what != NULL;
	if (shown == 0)
		return;
	cmd_notes_heading(cn, 2, _("Agreements"));
	for (i = 0; i < v->n_agreements; i++) {
		a = &v->agreements[i];
		if (a->what == NULL)
			continue;
		printf("- %s (%s", a->what, cmd_notes_name(a->owner));
		if (a->due_on != NULL)
			printf(_(", due %s"), cmdutil_show_date(cn->app, a->due_on, day, sizeof day));
		printf("; %s)\n", cmd_notes_agreement_status(a->status));
		if (a->remark != NULL && *a->remark != '\0')
			printf("  %s\n", a->remark);
	}
}

static void
cmd_notes_print(const struct cmd_notes *cn, const struct note_view *v)
{
	bool draft = v->status != NULL && strcmp(v->status, "draft") == 0;
	char *title;
	size_t i;

	cmd_notes_head(cn, v);
	if (!v->may_read) {
		printf("\n%s\n", draft ? _("(no text yet: the note is still being written)") :
		    _("(no text: you were not a member of the group on that day)"));
		return;
	}
	for (i = 0; i < v->n_sections; i++) {
		title = xasprintf("%d. %s", v->sections[i].position,
		    cmd_notes_name(v->sections[i].phase));
		cmd_notes_heading(cn, 2, title);
		free(title);
		cmd_notes_body(&v->sections[i], draft);
	}
	cmd_notes_agreements(cn, v);
	if (v->next_contributor != NULL || v->next_chair != NULL) {
		cmd_notes_heading(cn, 2, _("Next session"));
		cmd_notes_field(cn, _("Contributor"), cmd_notes_name(v->next_contributor));
		cmd_notes_field(cn, _("Chair"), cmd_notes_name(v->next_chair));
	}
}

/* MEETING: a meeting number, digits only; false when it is not. */
static bool
cmd_notes_number(const char *text, int64_t *out)
{
	char *end;
	long long n;

	if (text == NULL || *text < '0' || *text > '9')
		return false;
	n = strtoll(text, &end, 10);
	if (*end != '\0' || n <= 0 || n == LLONG_MAX)
		return false;
	*out = n;
	return true;
}

static int
cmd_notes_export(struct cmd_notes *cn, int argc, char **argv)
{
	struct note_view v;
	char *error = NULL;
	int64_t meeting;
	int first, ret;

	if ((ret = cmd_notes_options(argc, argv, true, NULL, &cn->format, &first)) != APP_EX_OK)
		return ret;
	if (first >= argc)
		return cmdutil_usage("notes", "%s", _("which meeting?"));
	if (first + 1 < argc)
		return cmdutil_usage("notes", _("unexpected argument '%s'"), argv[first + 1]);
	if (!cmd_notes_number(argv[first], &meeting))
		return cmdutil_usage("notes", _("'%s' is not a meeting number"), argv[first]);
	ret = store_note_get(cn->app->st, cn->app->who, meeting, &v, &error);
	if (ret == STORE_NOT_FOUND) {
		free(error);
		app_error(_("no meeting has the number %lld"), (long long)meeting);
		return APP_EX_DATAERR;
	}
	if (ret < 0)
		return cmdutil_store_fail(ret, error);
	if (ret == 0) {
		app_error(_("meeting %lld has no note"), (long long)meeting);
		store_note_view_clear(&v);
		return APP_EX_DATAERR;
	}
	cmd_notes_print(cn, &v);
	store_note_view_clear(&v);
	return cmd_notes_flush(cn);
}

/* ---- search ---- */

static int
cmd_notes_hit(const struct note_hit *h, void *arg)
{
	struct cmd_notes *cn = arg;
	char number[24], when[48], *snippet;
	const char *cells[5];

	/* one line already (textmatch_snippet) */
	snippet = xstrdup(h->snippet != NULL ? h->snippet : "");
	if (cn->format == NOTES_CSV) {
		csv_field_int(cn->csv, h->meeting_id);
		csv_field(cn->csv, h->starts_at);
		csv_field(cn->csv, h->group_name);
		csv_field(cn->csv, h->phase);
		csv_field(cn->csv, snippet);
		csv_row_end(cn->csv);
	} else {
		snprintf(number, sizeof number, "%lld", (long long)h->meeting_id);
		cells[0] = number;
		cells[1] = cmd_notes_when(cn->app, h->starts_at, when, sizeof when);
		cells[2] = h->group_name;
		cells[3] = h->phase;
		cells[4] = snippet;
		table_add(cn->table, cells);
	}
	free(snippet);
	cn->rows++;
	return 0;
}

static int
cmd_notes_search(struct cmd_notes *cn, int argc, char **argv)
{
	static const char *const csv_header[] = {
		"meeting", "starts_at", "group", "phase", "snippet"
	};
	const char *header[] = { _("Number"), _("Date"), _("Group"), _("Phase"), _("Found") };
	char *query, *next, *error = NULL;
	int first, ret, i;

	if ((ret = cmd_notes_options(argc, argv, false, NULL, &cn->format, &first)) != APP_EX_OK)
		return ret;
	if (first >= argc)
		return cmdutil_usage("notes", "%s", _("search for which words?"));
	query = xstrdup(argv[first]);
	for (i = first + 1; i < argc; i++) {
		next = xasprintf("%s %s", query, argv[i]);
		free(query);
		query = next;
	}
	if (cn->format == NOTES_CSV) {
		cn->csv = csv_new(stdout, ',');
		csv_row(cn->csv, csv_header, sizeof csv_header / sizeof csv_header[0]);
	} else {
		cn->table = table_new(5, header);
		table_right(cn->table, 0);
		table_limit(cn->table, 2, 24);
		table_limit(cn->table, 3, 24);
	}
	ret = store_note_search(cn->app->st, cn->app->who, query, CMD_NOTES_SEARCH_MAX,
	    cmd_notes_hit, cn, &error);
	free(query);
	if (ret != 0)
		return cmdutil_store_fail(ret, error);
	if (cn->table != NULL) {
		if (cn->rows == 0)
			printf("%s\n", _("No notes found."));
		else
			table_print(cn->table, stdout);
	}
	return cmd_notes_flush(cn);
}

int
cmd_notes(struct app *app, int argc, char **argv)
{
	struct cmd_notes cn;
	int ret;

	if (argc < 2)
		return cmdutil_usage("notes", "%s", _("list, export or search?"));
	memset(&cn, 0, sizeof cn);
	cn.app = app;
	if (strcmp(argv[1], "list") == 0)
		ret = cmd_notes_list(&cn, argc - 1, argv + 1);
	else if (strcmp(argv[1], "export") == 0)
		ret = cmd_notes_export(&cn, argc - 1, argv + 1);
	else if (strcmp(argv[1], "search") == 0)
		ret = cmd_notes_search(&cn, argc - 1, argv + 1);
	else
		ret = cmdutil_usage("notes", _("unknown subcommand '%s' (list, export or search)"),
		    argv[1]);
	table_free(cn.table);
	csv_free(cn.csv);
	return ret;
}

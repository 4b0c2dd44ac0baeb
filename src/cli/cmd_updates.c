/*
 * cmd_updates.c — "leernet updates": a digest of the updates of my groups
 * and the groups I follow (or of one group), e.g. for a weekly mail.
 *
 * Posted on or after --since (default: seven days before today), grouped
 * per group (by name), oldest first within a group so that a week reads as
 * it happened. --format text (default) or md (Markdown: "## group",
 * "### title", a line with date and author, then the text, with a backslash
 * before what would start a heading, quote, list or rule). Who may read
 * what is the store's decision (store_updates_since): a group one neither
 * belongs to nor follows is refused (65). Nothing is marked read: a digest
 * is not an opened post.
 */
#include "autoconf.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xmalloc.h"

#define CMD_UPDATES_DAYS 7	/* the default period: the week before today */
#define CMD_UPDATES_WIDTH 74	/* columns of the text in a plain-text digest */

enum cmd_updates_format {
	CMD_UPDATES_TEXT,
	CMD_UPDATES_MD
};

struct cmd_updates_opts {
	const char *group;		/* --group */
	struct date since;
	enum cmd_updates_format format;
};

struct cmd_updates {
	struct app *app;
	const struct cmd_updates_opts *o;
	const char *group;		/* --group's name, NULL for all my groups */
	int64_t group_id;		/* of the last row printed, 0 before the first */
	size_t n;
};

/* The options; APP_EX_OK or an exit status (printed). */
static int
cmd_updates_options(int argc, char **argv, struct cmd_updates_opts *o)
{
	static const struct option longopts[] = {
		{ "group", required_argument, NULL, 'g' },
		{ "since", required_argument, NULL, 's' },
		{ "format", required_argument, NULL, 'F' },
		{ NULL, 0, NULL, 0 }
	};
	struct date today = date_today();
	int c, ret;

	memset(o, 0, sizeof *o);
	o->since = date_add_days(&today, -CMD_UPDATES_DAYS);
	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'g': o->group = optarg; break;
		case 's':
			if ((ret = cmdutil_date("--since", optarg, &o->since)) != APP_EX_OK)
				return ret;
			break;
		case 'F':
			if (strcmp(optarg, "text") == 0)
				o->format = CMD_UPDATES_TEXT;
			else if (strcmp(optarg, "md") == 0)
				o->format = CMD_UPDATES_MD;
			else
				return cmdutil_usage("updates", _("unknown format '%s' (text or md)"),
				    optarg);
			break;
		default: return cmdutil_bad_option("updates", c, argv);
		}
	}
	if (optind < argc)
		return cmdutil_usage("updates", _("unexpected argument '%s'"), argv[optind]);
	return APP_EX_OK;
}

/*
 * Where a Markdown block marker starts line (0..len): the offset of the
 * character to put a backslash before, or -1 when the line reads as plain
 * text. A heading (#), quote (>), list item (- + * or digits and . or ),
 * then a space), rule or setext underline (---, ***, ___, ===) or code
 * fence (``` ~~~) would otherwise change what the text says.
 */
static int
cmd_updates_md_marker(const char *line, size_t len)
{
	size_t i = 0, d;
	char c, next;

	while (i < len && i < 3 && line[i] == ' ')
		i++;
	if (i >= len)
		return -1;
	c = line[i];
	next = i + 1 < len ? line[i + 1] : '\0';
	if (c == '#' || c == '>')
		return (int)i;
	if (strchr("-+*_=`~", c) != NULL && (next == c || next == ' ' || next == '\t' ||
	    next == '\0'))
		return (int)i;
	for (d = i; d < len && d - i < 9 && line[d] >= '0' && line[d] <= '9'; d++)
		;
	if (d > i && d < len && (line[d] == '.' || line[d] == ')') &&
	    (d + 1 == len || line[d + 1] == ' ' || line[d + 1] == '\t'))
		return (int)d;
	return -1;
}

/* The text as Markdown: line by line, a backslash before a block marker. */
static void
cmd_updates_md_text(const char *body)
{
	const char *at, *nl;
	size_t len;
	int mark;

	for (at = body; *at != '\0'; at = *nl != '\0' ? nl + 1 : nl) {
		nl = strchr(at, '\n');
		if (nl == NULL)
			nl = at + strlen(at);
		len = (size_t)(nl - at);
		mark = cmd_updates_md_marker(at, len);
		if (mark >= 0)
			printf("%.*s\\%.*s\n", mark, at, (int)(len - (size_t)mark), at + mark);
		else
			printf("%.*s\n", (int)len, at);
	}
}

/* A heading's text as Markdown: a closing run of # would be taken off, so escape it. */
static void
cmd_updates_md_heading(const char *level, const char *text)
{
	size_t len = strlen(text), run = len;

	while (run > 0 && text[run - 1] == '#')
		run--;
	if (run < len && (run == 0 || text[run - 1] == ' ' || text[run - 1] == '\t'))
		printf("%s %.*s\\%s\n", level, (int)run, text, text + run);
	else
		printf("%s %s\n", level, text);
}

/* The text: Markdown-safe (md), or wrapped and indented by two spaces (text). */
static void
cmd_updates_body(const struct cmd_updates *u, const char *body)
{
	const char *at;
	size_t len, skip;

	if (*body == '\0')
		return;
	if (u->o->format == CMD_UPDATES_MD) {
		printf("\n");
		cmd_updates_md_text(body);
		return;
	}
	for (at = body; *at != '\0'; at += skip) {
		len = text_wrap(at, CMD_UPDATES_WIDTH, &skip);
		if (skip == 0)
			break;
		while (len > 0 && at[len - 1] == ' ')
			len--;
		if (len > 0)
			printf("  %.*s\n", (int)len, at);
		else
			printf("\n");
	}
}

/* The heading above the digest. */
static void
cmd_updates_heading(struct app *app, const struct cmd_updates_opts *o, const char *group)
{
	char iso[DATE_ISO_LEN], day[32];

	cmdutil_show_date(app, date_format_iso(&o->since, iso), day, sizeof day);
	if (o->format == CMD_UPDATES_MD) {
		if (group != NULL)
			printf(_("# Updates of %s since %s\n\n"), group, day);
		else
			printf(_("# Updates of my groups since %s\n\n"), day);
	} else {
		if (group != NULL)
			printf(_("Updates of %s since %s\n\n"), group, day);
		else
			printf(_("Updates of my groups since %s\n\n"), day);
	}
}

/* One update: a group heading when the group changes, then the post. */
static int
cmd_updates_row(const struct update_row *r, void *arg)
{
	struct cmd_updates *u = arg;
	const char *author = r->author != NULL ? r->author : _("unknown");
	char when[32];

	if (u->n == 0)
		cmd_updates_heading(u->app, u->o, u->group);
	cmdutil_show_date(u->app, r->posted_at, when, sizeof when);
	if (strlen(when) > 10 && when[10] == 'T')
		when[10] = ' ';
	if (r->group_id != u->group_id) {
		if (u->o->format == CMD_UPDATES_MD) {
			if (u->n > 0)
				printf("\n");
			cmd_updates_md_heading("##", r->group_name);
		} else
			printf("%s%s\n", u->n > 0 ? "\n" : "", r->group_name);
		u->group_id = r->group_id;
	}
	if (u->o->format == CMD_UPDATES_MD) {
		printf("\n");
		cmd_updates_md_heading("###", r->title);
		printf("\n*%s — %s*\n", when, author);
	} else {
		printf("\n* %s\n  %s — %s\n", r->title, when, author);
	}
	cmd_updates_body(u, r->body);
	u->n++;
	return 0;
}

int
cmd_updates(struct app *app, int argc, char **argv)
{
	struct cmd_updates_opts o;
	struct cmd_updates u;
	char *error = NULL, *name = NULL, iso[DATE_ISO_LEN], day[32];
	int64_t group_id = 0;
	int ret;

	if ((ret = cmd_updates_options(argc, argv, &o)) != APP_EX_OK)
		return ret;
	if (actor_is_visitor(app->who)) {
		app_error(_("%s is not known in this network; there are no updates to show"),
		    app->who->login);
		return APP_EX_DATAERR;
	}
	if (o.group != NULL && (ret = cmdutil_group(app, o.group, &group_id, &name)) != APP_EX_OK)
		return ret;
	memset(&u, 0, sizeof u);
	u.app = app;
	u.o = &o;
	u.group = name;
	ret = store_updates_since(app->st, app->who, group_id, &o.since, cmd_updates_row, &u,
	    &error);
	if (ret != 0) {
		free(name);
		return cmdutil_store_fail(ret, error);
	}
	if (u.n == 0) {
		cmd_updates_heading(app, &o, name);
		cmdutil_show_date(app, date_format_iso(&o.since, iso), day, sizeof day);
		printf(_("No updates since %s.\n"), day);
	}
	free(name);
	return APP_EX_OK;
}

/*
 * cmd_check.c — "leernet check": the config, the schema and the file's
 * integrity, for cron and for support. Also the command table.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "core/i18n.h"

static const struct cmd cmd_commands[] = {
	{ "check", CMD_NEEDS_CONFIG | CMD_NEEDS_KEYS | CMD_NEEDS_STORE, cmd_check, N_("check"),
	  N_("check the configuration and the database; exit 0 when all is well") },
	{ "demo", CMD_NEEDS_CONFIG | CMD_WRITES_FILE, cmd_demo, N_("demo FILE"),
	  N_("write the demo network into a new database FILE") },
	{ "themes", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_themes,
	  N_("themes [--status S] [--search Q] [--sort title|status|interest] "
	  "[--format text|csv]"),
	  N_("list the theme catalogue with interest against each type's threshold") },
	{ "interest", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_interest,
	  N_("interest THEME [--format text|csv]"),
	  N_("list who registered interest in a theme") },
	{ "propose", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_propose,
	  N_("propose --title T [--description D] [--type K] [--orientation O]"),
	  N_("propose a theme; prints its number") },
	{ "register", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_register,
	  N_("register THEME [--person LOGIN] [--manager-agreed] [--remark R]"),
	  N_("register interest in a theme (coordinators: for someone else)") },
	{ "withdraw", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_withdraw,
	  N_("withdraw THEME [--person LOGIN]"),
	  N_("withdraw a registration of interest") },
	{ "groups", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_groups,
	  N_("groups [--type T] [--status S] [--theme THEME] [--mine] [--search Q] "
	  "[--format text|csv]"),
	  N_("list the groups (or only your own)") },
	{ "form", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_form,
	  N_("form THEME|- --type K --name N --start DATE --end DATE --lead LOGIN... "
	  "[--member LOGIN...|--all-registered] [--question Q] [--orientation O] "
	  "[--rhythm R] [--hours N] [--proposal REF]"),
	  N_("form a group from a theme (or without one: -); prints its number") },
	{ "audit", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_audit,
	  N_("audit [--since DATE] [--user LOGIN] [--format text|csv]"),
	  N_("list the audit log, newest first (coordinators)") },
	{ "backup", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE | CMD_WRITES_FILE, cmd_backup,
	  N_("backup FILE"),
	  N_("write a consistent, checked copy of the database into a new FILE") },
	{ "people", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_people,
	  N_("people [--search Q] [--organisation O] [--inactive] [--format text|csv]\n"
	  "people import FILE.csv [--dry-run] [--skip-bad]"),
	  N_("list the people of the network, or import them from a CSV file") },
	{ "roster", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_roster,
	  N_("roster GROUP [--at DATE] [--format text|csv|vcard|emails]"),
	  N_("print who is in a group on a date (members and leads of the group, coordinators)") },
	{ "snapshot", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE | CMD_WRITES_FILE, cmd_snapshot,
	  N_("snapshot FILE [--group GROUP]..."),
	  N_("write a database for offline review: your groups, without notes or others' data") },
	{ "notes", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_notes,
	  N_("notes list [--all] [--format text|csv]\n"
	  "notes export MEETING [--format text|md]\n"
	  "notes search WORDS... [--format text|csv]"),
	  N_("list intervision sessions, print a note you may read, or search the notes") },
	{ "hours", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_hours,
	  N_("hours [--person LOGIN] [--group GROUP] [--year 2026-2027] [--format text|csv]"),
	  N_("the hours statement of a school year: meetings attended, totals against the norms") },
	{ "agenda", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_agenda,
	  N_("agenda [--group GROUP] [--person LOGIN] [--from DATE] [--to DATE] [--all]\n"
	  "       [--format text|ics] [--output FILE]"),
	  N_("the meetings of a period as a list, or as iCalendar for a calendar program") },
	{ "updates", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_updates,
	  N_("updates [--group GROUP] [--since DATE] [--format text|md]"),
	  N_("a digest of the updates of my groups (or of one group), e.g. for a weekly mail") },
	{ "programme", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_programme,
	  N_("programme DATE [--format text|md]"),
	  N_("the programme of the knowledge-sharing day on DATE: which group presents what, when") },
	{ "overview", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_overview,
	  N_("overview [--sort SIGNAL] [--format text|csv]"),
	  N_("every active group with its health signals, the weak ones marked (coordinators)") },
	{ "budget", CMD_NEEDS_CONFIG | CMD_NEEDS_STORE, cmd_budget,
	  N_("budget [--year 2026-2027] [--status open|approved|declined] [--format text|csv]"),
	  N_("budget requests with totals per school year (coordinators: all; leads: their groups)") },
	{ NULL, 0, NULL, NULL, NULL }
};

const struct cmd *
cmd_table(void)
{
	return cmd_commands;
}

const struct cmd *
cmd_find(const char *name)
{
	const struct cmd *c;

	for (c = cmd_commands; c->name != NULL; c++) {
		if (strcmp(c->name, name) == 0)
			return c;
	}
	return NULL;
}

int
cmd_check(struct app *app, int argc, char **argv)
{
	char *report = NULL, *error = NULL;
	int version, ret;

	(void)argv;
	if (argc > 1) {
		app_error(_("'check' takes no arguments"));
		return APP_EX_USAGE;
	}
	printf(_("configuration: %s: ok\n"), app->cfg->path);
	version = store_schema_version(app->st);
	printf(_("database: %s: schema version %d%s\n"), store_path(app->st), version,
	    store_read_only(app->st) ? _(" (read-only)") : "");
	ret = store_check(app->st, &report, &error);
	if (ret < 0) {
		app_error("%s", error);
		free(error);
		return APP_EX_IOERR;
	}
	if (ret > 0) {
		printf(_("integrity: problems found:\n%s"), report);
		free(report);
		return APP_EX_FAIL;
	}
	printf(_("integrity: ok\n"));
	return APP_EX_OK;
}

/*
 * cmd_form.c — "leernet form THEME|-": form a group (coordinators), from a
 * theme or without one ("-"), with its leads and members, in one
 * transaction (store_group_form). The rules of the group type
 * (core/rules.h) are checked first: duration bounds, a proposal where the
 * type needs one, at least one lead; fewer people than the type's interest
 * threshold is only a warning. Prints the new group's number.
 */
#include "autoconf.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "core/access.h"
#include "core/i18n.h"
#include "core/rules.h"
#include "core/xmalloc.h"

/* A list of logins as typed, or of person ids. */
struct cmd_form_list {
	const char **logins;
	int64_t *ids;
	size_t n;
};

struct cmd_form {
	struct app *app;
	const char *theme;		/* THEME as typed, or "-" */
	struct group_new g;		/* strings borrowed from argv */
	const char *start, *end, *hours;
	struct cmd_form_list leads, members;
	bool all_registered;
	char *theme_orientation;	/* owned */
};

/* Append a login (or a person id) to a list. */
static void
cmd_form_push(struct cmd_form_list *l, const char *login, int64_t id)
{
	l->logins = xreallocarray(l->logins, l->n + 1, sizeof *l->logins);
	l->ids = xreallocarray(l->ids, l->n + 1, sizeof *l->ids);
	l->logins[l->n] = login;
	l->ids[l->n] = id;
	l->n++;
}

static void
cmd_form_list_free(struct cmd_form_list *l)
{
	free(l->logins);
	free(l->ids);
}

/* Is id among the first n ids of l? */
static bool
cmd_form_has(const struct cmd_form_list *l, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (l->ids[i] == id)
			return true;
	}
	return false;
}

/* One option into cf; an exit status. */
static int
cmd_form_option(struct cmd_form *cf, int c)
{
	switch (c) {
	case 'k': cf->g.type = optarg; break;
	case 'n': cf->g.name = optarg; break;
	case 's': cf->start = optarg; break;
	case 'e': cf->end = optarg; break;
	case 'l': cmd_form_push(&cf->leads, optarg, 0); break;
	case 'm': cmd_form_push(&cf->members, optarg, 0); break;
	case 'a': cf->all_registered = true; break;
	case 'q': cf->g.question = optarg; break;
	case 'o': cf->g.orientation = optarg; break;
	case 'r': cf->g.rhythm = optarg; break;
	case 'h': cf->hours = optarg; break;
	case 'p': cf->g.proposal_ref = optarg; break;
	default: return APP_EX_USAGE;
	}
	return APP_EX_OK;
}

/* What the options need together; an exit status. */
static int
cmd_form_required(struct cmd_form *cf)
{
	static const char *const names[] = { "--type", "--name", "--start", "--end", "--lead" };
	const void *given[] = { cf->g.type, cf->g.name, cf->start, cf->end, cf->leads.logins };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (given[i] == NULL)
			return cmdutil_usage("form", _("%s is required"), names[i]);
	}
	if (cf->all_registered && cf->members.n > 0)
		return cmdutil_usage("form",
		    _("--member and --all-registered cannot be used together"));
	if (cf->all_registered && strcmp(cf->theme, "-") == 0)
		return cmdutil_usage("form", _("--all-registered needs a theme"));
	if (cmdutil_group_type(cf->app, "form", cf->g.type) != APP_EX_OK)
		return APP_EX_USAGE;
	if (cf->g.orientation != NULL &&
	    cmdutil_orientation(cf->app, "form", cf->g.orientation) != APP_EX_OK)
		return APP_EX_USAGE;
	return APP_EX_OK;
}

/* --hours N into the group, or the type's norm; an exit status. */
static int
cmd_form_hours(struct cmd_form *cf)
{
	const struct config_group_type *t = config_group_type(cf->app->cfg, cf->g.type);
	char *end;
	long v;

	if (cf->hours == NULL) {
		cf->g.hours_norm = t->hours_norm;
		return APP_EX_OK;
	}
	v = strtol(cf->hours, &end, 10);
	if (end == cf->hours || *end != '\0' || v < 0 || v > CONFIG_MAX_HOURS)
		return cmdutil_usage("form", _("--hours wants a number of hours from 0 to %d, "
		    "not '%s'"), CONFIG_MAX_HOURS, cf->hours);
	cf->g.hours_norm = (int)v;
	return APP_EX_OK;
}

/* Parse the command line into cf; an exit status. */
static int
cmd_form_options(struct cmd_form *cf, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "type", required_argument, NULL, 'k' },
		{ "name", required_argument, NULL, 'n' },
		{ "start", required_argument, NULL, 's' },
		{ "end", required_argument, NULL, 'e' },
		{ "lead", required_argument, NULL, 'l' },
		{ "member", required_argument, NULL, 'm' },
		{ "all-registered", no_argument, NULL, 'a' },
		{ "question", required_argument, NULL, 'q' },
		{ "orientation", required_argument, NULL, 'o' },
		{ "rhythm", required_argument, NULL, 'r' },
		{ "hours", required_argument, NULL, 'h' },
		{ "proposal", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	int c, ret;

	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c == '?' || c == ':' || cmd_form_option(cf, c) != APP_EX_OK)
			return cmdutil_bad_option("form", c, argv);
	}
	if (optind >= argc)
		return cmdutil_usage("form",
		    _("which theme? (give - for a group without a theme)"));
	if (optind + 1 < argc)
		return cmdutil_usage("form", _("unexpected argument '%s'"), argv[optind + 1]);
	cf->theme = argv[optind];
	if ((ret = cmd_form_required(cf)) != APP_EX_OK)
		return ret;
	return cmd_form_hours(cf);
}

/* Resolve the theme: its id, and its orientation as the default; a status. */
static int
cmd_form_theme(struct cmd_form *cf)
{
	struct theme_detail d;
	char *error = NULL;
	int ret;

	if (strcmp(cf->theme, "-") == 0)
		return APP_EX_OK;
	if ((ret = cmdutil_theme(cf->app, cf->theme, &cf->g.theme_id, NULL)) != APP_EX_OK)
		return ret;
	ret = store_theme_get(cf->app->st, cf->app->who, cf->g.theme_id, &d, &error);
	if (ret < 0)
		return cmdutil_store_fail(STORE_ERROR, error);
	if (ret > 0 && strcmp(d.status, "archived") == 0) {
		app_error(_("the theme '%s' is archived; restore it before forming a group"),
		    d.title);
		store_theme_detail_clear(&d);
		return APP_EX_DATAERR;
	}
	cf->theme_orientation = ret > 0 ? d.orientation : NULL;
	d.orientation = NULL;
	store_theme_detail_clear(&d);
	if (cf->g.orientation == NULL)
		cf->g.orientation = cf->theme_orientation;
	return APP_EX_OK;
}

/* Look up the logins of a list; an exit status. */
static int
cmd_form_people(struct cmd_form *cf, struct cmd_form_list *l)
{
	char *name;
	size_t i;
	int ret;

	for (i = 0; i < l->n; i++) {
		if ((ret = cmdutil_person(cf->app, l->logins[i], &l->ids[i], &name)) != APP_EX_OK)
			return ret;
		free(name);
	}
	return APP_EX_OK;
}

/* Collect a registered person as a member. */
static int
cmd_form_registered(const struct interest_row *r, void *arg)
{
	cmd_form_push(arg, NULL, r->person_id);
	return 0;
}

/* Everyone registered for the theme becomes a member; an exit status. */
static int
cmd_form_all_registered(struct cmd_form *cf)
{
	char *error = NULL;

	if (store_interest_each(cf->app->st, cf->app->who, cf->g.theme_id, cmd_form_registered,
	    &cf->members, &error) != 0)
		return cmdutil_store_fail(STORE_ERROR, error);
	return APP_EX_OK;
}

/* Drop repeated people from a list (the first mention stays). */
static void
cmd_form_unique(struct cmd_form_list *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++) {
		if (!cmd_form_has(l, n, l->ids[i]))
			l->ids[n++] = l->ids[i];
	}
	l->n = n;
}

/* How many different people the group starts with (lists made unique). */
static int
cmd_form_headcount(const struct cmd_form *cf)
{
	int n = (int)cf->leads.n;
	size_t i;

	for (i = 0; i < cf->members.n; i++)
		n += !cmd_form_has(&cf->leads, cf->leads.n, cf->members.ids[i]);
	return n;
}

/* A rule's message with its one %d filled in (the rules' strings have at most one). */
static char *
cmd_form_message(const char *fmt, int number)
{
	const char *d = strstr(fmt, "%d");

	if (d == NULL)
		return xstrdup(fmt);
	return xasprintf("%.*s%d%s", (int)(d - fmt), fmt, number, d + 2);
}

/* The rules of the type (core/rules.h); prints a warning; an exit status. */
static int
cmd_form_rules(const struct cmd_form *cf)
{
	const struct config_group_type *t = config_group_type(cf->app->cfg, cf->g.type);
	struct rules_group_plan plan;
	const char *error, *warning;
	char *msg;
	int months = 0;

	memset(&plan, 0, sizeof plan);
	plan.start = cf->g.start_on;
	plan.planned_end = cf->g.planned_end_on;
	plan.min_months = t->min_months;
	plan.max_months = t->max_months;
	plan.needs_proposal = t->needs_proposal;
	plan.proposal_ref = cf->g.proposal_ref;
	plan.leads = (int)cf->leads.n;
	plan.members = cmd_form_headcount(cf);
	plan.threshold = t->interest_threshold;
	if (rules_group_check(&plan, &error, &warning, &months) != 0) {
		msg = cmd_form_message(_(error), months);
		app_error(_("cannot form the group: %s"), msg);
		free(msg);
		return APP_EX_DATAERR;
	}
	if (warning != NULL) {
		msg = cmd_form_message(_(warning), months);
		app_error(_("warning: %s"), msg);
		free(msg);
	}
	return APP_EX_OK;
}

/* Resolve everything the command names and check it; an exit status. */
static int
cmd_form_prepare(struct cmd_form *cf)
{
	int ret;

	if (!access_allows(cf->app->who, ACCESS_GROUP_FORM, NULL)) {
		app_error("%s", _(access_reason(ACCESS_GROUP_FORM)));
		return APP_EX_DATAERR;
	}
	if ((ret = cmd_form_theme(cf)) != APP_EX_OK ||
	    (ret = cmdutil_date("--start", cf->start, &cf->g.start_on)) != APP_EX_OK ||
	    (ret = cmdutil_date("--end", cf->end, &cf->g.planned_end_on)) != APP_EX_OK ||
	    (ret = cmd_form_people(cf, &cf->leads)) != APP_EX_OK ||
	    (ret = cmd_form_people(cf, &cf->members)) != APP_EX_OK)
		return ret;
	if (cf->all_registered && (ret = cmd_form_all_registered(cf)) != APP_EX_OK)
		return ret;
	cmd_form_unique(&cf->leads);
	cmd_form_unique(&cf->members);
	return cmd_form_rules(cf);
}

int
cmd_form(struct app *app, int argc, char **argv)
{
	struct cmd_form cf;
	char *error = NULL;
	int64_t id;
	int ret;

	memset(&cf, 0, sizeof cf);
	cf.app = app;
	cf.g.status = "forming";
	if ((ret = cmd_form_options(&cf, argc, argv)) != APP_EX_OK ||
	    (ret = cmd_form_prepare(&cf)) != APP_EX_OK)
		goto out;
	ret = store_group_form(app->st, app->who, &cf.g, cf.leads.ids, cf.leads.n,
	    cf.members.ids, cf.members.n, &id, &error);
	if (ret != 0) {
		ret = cmdutil_store_fail(ret, error);
		goto out;
	}
	printf("%lld\n", (long long)id);
	ret = APP_EX_OK;
out:
	cmd_form_list_free(&cf.leads);
	cmd_form_list_free(&cf.members);
	free(cf.theme_orientation);
	return ret;
}

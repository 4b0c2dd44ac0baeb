/*
 * cmd_propose.c — "leernet propose": propose a theme as the acting person
 * (--user); prints the new theme's number.
 */
#include "autoconf.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "core/i18n.h"

/* Parse the options into t; APP_EX_OK or a usage error. */
static int
cmd_propose_options(struct app *app, struct theme_new *t, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "title", required_argument, NULL, 't' },
		{ "description", required_argument, NULL, 'd' },
		{ "type", required_argument, NULL, 'k' },
		{ "orientation", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 't': t->title = optarg; break;
		case 'd': t->description = optarg; break;
		case 'k': t->group_type = optarg; break;
		case 'o': t->orientation = optarg; break;
		default: return cmdutil_bad_option("propose", c, argv);
		}
	}
	if (optind < argc)
		return cmdutil_usage("propose", _("unexpected argument '%s'"), argv[optind]);
	if (t->title == NULL)
		return cmdutil_usage("propose", _("--title is required"));
	if (cmdutil_group_type(app, "propose", t->group_type) != APP_EX_OK)
		return APP_EX_USAGE;
	if (t->orientation != NULL &&
	    cmdutil_orientation(app, "propose", t->orientation) != APP_EX_OK)
		return APP_EX_USAGE;
	return APP_EX_OK;
}

int
cmd_propose(struct app *app, int argc, char **argv)
{
	struct theme_new t;
	char *error = NULL;
	int64_t id;
	int ret;

	memset(&t, 0, sizeof t);
	t.group_type = app->cfg->group_types[0].key;	/* the config has at least one */
	t.proposer_id = app->who->person_id;
	t.proposed_on = date_today();
	t.status = "proposed";
	if ((ret = cmd_propose_options(app, &t, argc, argv)) != APP_EX_OK)
		return ret;
	if ((ret = store_theme_insert(app->st, app->who, &t, &id, &error)) != 0)
		return cmdutil_store_fail(ret, error);
	printf("%lld\n", (long long)id);
	return APP_EX_OK;
}

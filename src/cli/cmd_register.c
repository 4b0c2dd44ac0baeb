/*
 * cmd_register.c — "leernet register THEME": register interest in a theme
 * for yourself or, as a coordinator, for someone else (--person).
 */
#include "autoconf.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "core/i18n.h"

struct cmd_register {
	const char *theme;
	const char *person;	/* --person, or NULL for the acting person */
	bool manager_agreed;
	const char *remark;
};

/* Parse the options into r; APP_EX_OK or a usage error. */
static int
cmd_register_options(struct cmd_register *r, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "person", required_argument, NULL, 'p' },
		{ "manager-agreed", no_argument, NULL, 'm' },
		{ "remark", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': r->person = optarg; break;
		case 'm': r->manager_agreed = true; break;
		case 'r': r->remark = optarg; break;
		default: return cmdutil_bad_option("register", c, argv);
		}
	}
	if (optind >= argc)
		return cmdutil_usage("register", _("which theme?"));
	if (optind + 1 < argc)
		return cmdutil_usage("register", _("unexpected argument '%s'"), argv[optind + 1]);
	r->theme = argv[optind];
	return APP_EX_OK;
}

int
cmd_register(struct app *app, int argc, char **argv)
{
	struct cmd_register r = { NULL, NULL, false, NULL };
	char *title = NULL, *name = NULL, *error = NULL;
	struct date today = date_today();
	int64_t theme_id, person_id;
	int ret;

	if ((ret = cmd_register_options(&r, argc, argv)) != APP_EX_OK)
		return ret;
	if ((ret = cmdutil_theme(app, r.theme, &theme_id, &title)) != APP_EX_OK)
		goto out;
	if ((ret = cmdutil_person_or_self(app, r.person, &person_id, &name)) != APP_EX_OK)
		goto out;
	ret = store_interest_insert(app->st, app->who, theme_id, person_id, &today,
	    r.manager_agreed, r.remark, &error);
	if (ret != 0) {
		ret = cmdutil_store_fail(ret, error);
		goto out;
	}
	printf(_("%s is registered for '%s'.\n"), name, title);
	ret = APP_EX_OK;
out:
	free(title);
	free(name);
	return ret;
}

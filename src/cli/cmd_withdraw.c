/*
 * cmd_withdraw.c — "leernet withdraw THEME": withdraw a registration of
 * interest, your own or, as a coordinator, someone else's (--person).
 */
#include "autoconf.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "core/i18n.h"

/* Parse the options: *theme and *person (NULL = yourself). */
static int
cmd_withdraw_options(int argc, char **argv, const char **theme, const char **person)
{
	static const struct option longopts[] = {
		{ "person", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c != 'p')
			return cmdutil_bad_option("withdraw", c, argv);
		*person = optarg;
	}
	if (optind >= argc)
		return cmdutil_usage("withdraw", _("which theme?"));
	if (optind + 1 < argc)
		return cmdutil_usage("withdraw", _("unexpected argument '%s'"), argv[optind + 1]);
	*theme = argv[optind];
	return APP_EX_OK;
}

int
cmd_withdraw(struct app *app, int argc, char **argv)
{
	const char *theme = NULL, *person = NULL;
	char *title = NULL, *name = NULL, *error = NULL;
	int64_t theme_id, person_id;
	int ret;

	if ((ret = cmd_withdraw_options(argc, argv, &theme, &person)) != APP_EX_OK)
		return ret;
	if ((ret = cmdutil_theme(app, theme, &theme_id, &title)) != APP_EX_OK)
		goto out;
	if ((ret = cmdutil_person_or_self(app, person, &person_id, &name)) != APP_EX_OK)
		goto out;
	ret = store_interest_withdraw(app->st, app->who, theme_id, person_id, &error);
	if (ret != 0) {
		ret = cmdutil_store_fail(ret, error);
		goto out;
	}
	printf(_("%s is no longer registered for '%s'.\n"), name, title);
	ret = APP_EX_OK;
out:
	free(title);
	free(name);
	return ret;
}

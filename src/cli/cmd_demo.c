/*
 * cmd_demo.c — "leernet demo FILE": write the demo network into a new file,
 * for trying things across runs.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cli/commands.h"
#include "cli/demo.h"
#include "core/i18n.h"
#include "core/xmalloc.h"

int
cmd_demo(struct app *app, int argc, char **argv)
{
	struct store *st = NULL;
	struct stat sb;
	char *error = NULL, *dir;
	int ret;

	if (argc != 2) {
		app_error(_("usage: leernet demo FILE"));
		return APP_EX_USAGE;
	}
	if (stat(argv[1], &sb) == 0) {
		app_error(_("%s already exists; the demo is only written into a new file"), argv[1]);
		return APP_EX_CANTCREAT;
	}
	if (store_open(argv[1], STORE_OPEN_CREATE, &st, &error) != STORE_OK) {
		app_error("%s", error);
		free(error);
		return APP_EX_CANTCREAT;
	}
	dir = xasprintf("%s/demo", app_data_dir(app));
	ret = demo_load(st, app->cfg, dir, &error);
	free(dir);
	store_close(st);
	if (ret != 0) {
		app_error(_("cannot build the demo network: %s"), error);
		free(error);
		return APP_EX_SOFTWARE;
	}
	printf(_("The demo network is in %s. Open it with: leernet --database %s\n"),
	    argv[1], argv[1]);
	return APP_EX_OK;
}

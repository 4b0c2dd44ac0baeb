/*
 * cmd_overview.c — "leernet overview" (#9). (Being written.)
 */
#include "autoconf.h"

#include <stdio.h>

#include "cli/commands.h"
#include "core/i18n.h"

int
cmd_overview(struct app *app, int argc, char **argv)
{
	(void)app, (void)argc, (void)argv;
	fprintf(stderr, "leernet: %s\n", _("Not available yet."));
	return APP_EX_SOFTWARE;
}

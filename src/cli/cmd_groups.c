/*
 * cmd_groups.c — "leernet groups": the groups as a plain table.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "core/i18n.h"
#include "core/domain.h"
#include "core/text.h"

struct cmd_groups_ctx {
	const struct config *cfg;
	int rows;
};

/* Print one group row with columns fitted by display width. */
static int
cmd_groups_row(const struct group_row *row, void *arg)
{
	struct cmd_groups_ctx *ctx = arg;
	const struct config_group_type *t = config_group_type(ctx->cfg, row->type);
	char name[256], type[128], status[64];

	text_fit(row->name, 40, 1, name, sizeof name);
	text_fit(t != NULL ? t->label : row->type, 22, 1, type, sizeof type);
	text_fit(_(domain_group_status_label(row->status)), 13, 1, status, sizeof status);
	printf("%s  %s  %s %4d\n", name, type, status, row->members);
	ctx->rows++;
	return 0;
}

int
cmd_groups(struct app *app, int argc, char **argv)
{
	struct cmd_groups_ctx ctx = { app->cfg, 0 };
	struct date today = date_today();
	char *error = NULL;
	bool mine = false;
	int ret;

	if (argc == 2 && strcmp(argv[1], "--mine") == 0) {
		mine = true;
	} else if (argc > 1) {
		app_error(_("usage: leernet groups [--mine]"));
		return APP_EX_USAGE;
	}
	if (mine)
		ret = store_groups_of(app->st, app->who, &today, cmd_groups_row, &ctx, &error);
	else
		ret = store_groups_each(app->st, app->who, &today, cmd_groups_row, &ctx, &error);
	if (ret != 0) {
		app_error("%s", error);
		free(error);
		return APP_EX_IOERR;
	}
	return APP_EX_OK;
}

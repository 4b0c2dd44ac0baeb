/*
 * cmd_roster.c — "leernet roster GROUP": who is in a group on a date, for
 * printing (text), programs and spreadsheets (csv), address books (vcard)
 * or a mail client's BCC (emails).
 *
 * The roster with addresses is for the group itself: its members and leads
 * on the day, and coordinators (ACCESS_ROSTER_EXPORT); others get exit 65.
 */
#include "autoconf.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "core/i18n.h"
#include "cli/roster_list.h"
#include "core/roster_export.h"
#include "core/xmalloc.h"

/* The options: GROUP, --at, --format; APP_EX_OK or a usage error. */
static int
cmd_roster_options(int argc, char **argv, const char **group, struct date *at,
    enum roster_format *format)
{
	static const struct option longopts[] = {
		{ "at", required_argument, NULL, 'a' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	*at = date_today();
	*format = ROSTER_FORMAT_TEXT;
	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			if (cmdutil_date("--at", optarg, at) != APP_EX_OK)
				return APP_EX_DATAERR;
			break;
		case 'f':
			if (!roster_format_parse(optarg, format))
				return cmdutil_usage("roster",
				    _("unknown format '%s' (text, csv, vcard or emails)"), optarg);
			break;
		default: return cmdutil_bad_option("roster", c, argv);
		}
	}
	if (optind >= argc)
		return cmdutil_usage("roster", "%s", _("which group?"));
	if (optind + 1 < argc)
		return cmdutil_usage("roster", _("unexpected argument '%s'"), argv[optind + 1]);
	*group = argv[optind];
	return APP_EX_OK;
}

int
cmd_roster(struct app *app, int argc, char **argv)
{
	struct roster_list rl;
	enum roster_format format;
	const char *group = NULL;
	char *name = NULL, *error = NULL, *title, day[32], iso[DATE_ISO_LEN];
	struct date at;
	int64_t id;
	int ret;

	if ((ret = cmd_roster_options(argc, argv, &group, &at, &format)) != APP_EX_OK)
		return ret;
	if ((ret = cmdutil_group(app, group, &id, &name)) != APP_EX_OK)
		return ret;
	if ((ret = roster_list_fetch(app, id, &at, &rl, &error)) != 0) {
		free(name);
		return cmdutil_store_fail(ret, error);
	}
	cmdutil_show_date(app, date_format_iso(&at, iso), day, sizeof day);
	title = xasprintf(_("%s — roster on %s"), name, day);
	ret = roster_write(stdout, format, title, rl.e, rl.n);
	free(title);
	free(name);
	roster_list_free(&rl);
	if (ret != 0 || fflush(stdout) != 0) {
		app_error(_("cannot write the output"));
		return APP_EX_IOERR;
	}
	return APP_EX_OK;
}

/*
 * cmd_snapshot.c — "leernet snapshot FILE [--group G]...": a self-contained
 * database for a laptop, to review one's groups offline.
 *
 * It holds the chosen groups (default: the groups you belong to today) with
 * their rosters, people, meetings and hours; never intervision notes, the
 * audit log, or anyone else's personal data (store_snapshot). FILE is new
 * (never overwritten) and private (0600). Open it with
 * "leernet --read-only -d FILE".
 */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "core/i18n.h"
#include "core/xmalloc.h"

struct cmd_snapshot {
	int64_t *ids;
	size_t n, cap;
};

static void
cmd_snapshot_add(struct cmd_snapshot *cs, int64_t id)
{
	size_t i;

	for (i = 0; i < cs->n; i++) {
		if (cs->ids[i] == id)
			return;
	}
	if (cs->n == cs->cap)
		cs->ids = xreallocarray(cs->ids, cs->cap = cs->cap * 2 + 8, sizeof *cs->ids);
	cs->ids[cs->n++] = id;
}

/* One of my memberships: a group I am in today, not only following, is mine to take along. */
static int
cmd_snapshot_mine(const struct person_group_row *r, void *arg)
{
	struct cmd_snapshot *cs = arg;
	char today[DATE_ISO_LEN];
	struct date d = date_today();

	date_format_iso(&d, today);
	if (strcmp(r->role, "follower") != 0 && strcmp(r->start_on, today) <= 0 &&
	    (r->end_on == NULL || strcmp(r->end_on, today) >= 0))
		cmd_snapshot_add(cs, r->group_id);
	return 0;
}

/* The groups named with --group, or mine; APP_EX_OK or an exit status. */
static int
cmd_snapshot_groups(struct app *app, int argc, char **argv, struct cmd_snapshot *cs,
    const char **file)
{
	static const struct option longopts[] = {
		{ "group", required_argument, NULL, 'g' },
		{ NULL, 0, NULL, 0 }
	};
	char *error = NULL;
	int64_t id;
	int c, ret;

	cmdutil_getopt_reset();
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c != 'g')
			return cmdutil_bad_option("snapshot", c, argv);
		if ((ret = cmdutil_group(app, optarg, &id, NULL)) != APP_EX_OK)
			return ret;
		cmd_snapshot_add(cs, id);
	}
	if (optind >= argc)
		return cmdutil_usage("snapshot", "%s", _("which file?"));
	if (optind + 1 < argc)
		return cmdutil_usage("snapshot", _("unexpected argument '%s'"), argv[optind + 1]);
	*file = argv[optind];
	if (cs->n > 0)
		return APP_EX_OK;
	if (!actor_is_visitor(app->who) && (ret = store_person_groups(app->st, app->who,
	    app->who->person_id, cmd_snapshot_mine, cs, &error)) != 0)
		return cmdutil_store_fail(ret, error);
	if (cs->n == 0)
		return cmdutil_usage("snapshot", "%s",
		    _("you belong to no group today; name the groups with --group"));
	return APP_EX_OK;
}

int
cmd_snapshot(struct app *app, int argc, char **argv)
{
	struct cmd_snapshot cs = { NULL, 0, 0 };
	const char *file = NULL;
	char *error = NULL;
	int fd, ret;

	if ((ret = cmd_snapshot_groups(app, argc, argv, &cs, &file)) != APP_EX_OK)
		goto out;
	fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			app_error(_("%s already exists; a snapshot never overwrites a file"), file);
		else
			app_error(_("cannot create %s: %s"), file, strerror(errno));
		ret = APP_EX_CANTCREAT;
		goto out;
	}
	close(fd);
	if ((ret = store_snapshot(app->st, app->who, file, cs.ids, cs.n, &error)) != 0) {
		unlink(file);
		ret = cmdutil_store_fail(ret, error);
		goto out;
	}
	printf(P_("Snapshot of %zu group written to %s; open it with: leernet --read-only -d %s\n",
	    "Snapshot of %zu groups written to %s; open it with: leernet --read-only -d %s\n",
	    cs.n), cs.n, file, file);
	ret = APP_EX_OK;
out:
	free(cs.ids);
	return ret;
}

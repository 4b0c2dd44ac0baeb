/*
 * cmd_backup.c — "leernet backup FILE": a consistent copy of the database
 * while others keep working, checked before it is called good.
 *
 * The copy is made by SQLite (VACUUM INTO, store_copy_to): a plain file
 * copy of a WAL database can lose what is still in the WAL. FILE is claimed
 * first with O_CREAT|O_EXCL, mode 0600, so an existing file is never
 * overwritten and the copy is never readable by others, not even for a
 * moment. Then the copy is opened read-only and checked (store_check).
 *
 * Exit statuses: 0 copied and checked; 1 the copy fails its check (it is
 * kept, for inspection); 64 a wrong command line; 73 FILE exists or cannot
 * be created; 74 the database or the disk failed (the partial copy is
 * removed).
 */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "core/i18n.h"

/* Create path empty and private; APP_EX_OK or APP_EX_CANTCREAT after a message. */
static int
cmd_backup_claim(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd >= 0) {
		close(fd);
		return APP_EX_OK;
	}
	if (errno == EEXIST)
		app_error(_("%s already exists; a backup never overwrites a file"), path);
	else
		app_error(_("cannot create %s: %s"), path, strerror(errno));
	return APP_EX_CANTCREAT;
}

/* Open the copy read-only and check it; an exit status after a message. */
static int
cmd_backup_verify(const char *path)
{
	struct store *copy = NULL;
	char *error = NULL, *report = NULL;
	int ret;

	if (store_open(path, STORE_OPEN_READONLY, &copy, &error) != STORE_OK) {
		app_error(_("the copy %s cannot be opened: %s"), path, error);
		free(error);
		return APP_EX_FAIL;
	}
	ret = store_check(copy, &report, &error);
	store_close(copy);
	if (ret < 0) {
		app_error(_("the copy %s cannot be checked: %s"), path, error);
		free(error);
		return APP_EX_IOERR;
	}
	if (ret > 0) {
		app_error(_("the copy %s is damaged; it was kept for inspection:\n%s"), path,
		    report);
		free(report);
		return APP_EX_FAIL;
	}
	return APP_EX_OK;
}

int
cmd_backup(struct app *app, int argc, char **argv)
{
	char *error = NULL;
	struct stat sb;
	int ret;

	if (argc != 2 || argv[1][0] == '\0') {
		app_error(_("usage: leernet backup FILE"));
		return APP_EX_USAGE;
	}
	if ((ret = cmd_backup_claim(argv[1])) != APP_EX_OK)
		return ret;
	if (store_copy_to(app->st, argv[1], &error) != 0) {
		app_error(_("no backup was made: %s"), error);
		free(error);
		unlink(argv[1]);
		return APP_EX_IOERR;
	}
	if ((ret = cmd_backup_verify(argv[1])) != APP_EX_OK)
		return ret;
	if (stat(argv[1], &sb) != 0)
		sb.st_size = 0;
	printf(_("Backup written to %s (%lld KiB), integrity ok.\n"), argv[1],
	    ((long long)sb.st_size + 1023) / 1024);
	return APP_EX_OK;
}

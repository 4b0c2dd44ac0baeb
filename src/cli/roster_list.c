/* roster_list.c — a roster fetched for export, with the config's labels. */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmdutil.h"
#include "cli/roster_list.h"
#include "core/i18n.h"
#include "core/xmalloc.h"

static char *
roster_list_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static int
roster_list_row(const struct roster_row *r, void *arg)
{
	struct roster_list *l = arg;
	const struct config *cfg = l->app->cfg;
	struct roster_entry *e;
	char since[32], uid[64];

	if (l->n == l->cap)
		l->e = xreallocarray(l->e, l->cap = l->cap * 2 + 16, sizeof *l->e);
	e = &l->e[l->n++];
	memset(e, 0, sizeof *e);
	snprintf(uid, sizeof uid, "urn:leernet:person:%lld", (long long)r->person_id);
	e->uid = xstrdup(uid);
	e->name = r->erased ? xstrdup(_("(erased)")) : xstrdup(r->name);
	e->organisation = roster_list_dup(r->organisation);
	e->function = roster_list_dup(r->function);
	e->function_label = roster_list_dup(config_item_label(&cfg->functions, r->function));
	e->email = roster_list_dup(r->email);
	e->role = xstrdup(r->role);
	e->role_label = roster_list_dup(config_item_label(&cfg->roles, r->role));
	e->start_on = xstrdup(r->start_on);
	e->end_on = roster_list_dup(r->end_on);
	e->since = xstrdup(cmdutil_show_date(l->app, r->start_on, since, sizeof since));
	return 0;
}

int
roster_list_fetch(const struct app *app, int64_t group_id, const struct date *on,
    struct roster_list *out, char **error)
{
	int ret;

	memset(out, 0, sizeof *out);
	out->app = app;
	ret = store_roster_export(app->st, app->who, group_id, on, roster_list_row, out, error);
	if (ret != 0)
		roster_list_free(out);
	return ret;
}

void
roster_list_free(struct roster_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		struct roster_entry *e = &l->e[i];

		free((char *)e->uid);
		free((char *)e->name);
		free((char *)e->organisation);
		free((char *)e->function);
		free((char *)e->function_label);
		free((char *)e->email);
		free((char *)e->role);
		free((char *)e->role_label);
		free((char *)e->start_on);
		free((char *)e->end_on);
		free((char *)e->since);
	}
	free(l->e);
	l->e = NULL;
	l->n = l->cap = 0;
}

int
roster_list_write_file(const struct roster_list *l, enum roster_format format,
    const char *title, const char *path, char **error)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	FILE *out;
	int ret;

	if (fd < 0) {
		*error = errno == EEXIST ?
		    xasprintf(_("%s already exists; choose another name"), path) :
		    xasprintf(_("cannot create %s: %s"), path, strerror(errno));
		return -1;
	}
	if ((out = fdopen(fd, "w")) == NULL) {
		*error = xasprintf(_("cannot create %s: %s"), path, strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	ret = roster_write(out, format, title, l->e, l->n);
	if (fclose(out) != 0 || ret != 0) {
		*error = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}

/*
 * agenda_ics.c — meetings as an iCalendar file: see agenda_ics.h.
 */
#include "autoconf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/agenda_ics.h"
#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ical/ics.h"

/*
 * The network's name as a host-name label for UIDs: "Leernetwerk Regio
 * Midden" → "leernetwerk-regio-midden" (ASCII letters and digits; other
 * characters make one '-'; bytes of non-ASCII letters are left out).
 */
static char *
agenda_ics_slug(const char *name)
{
	char *slug = xmalloc(strlen(name != NULL ? name : "") + 1);
	size_t n = 0;
	const char *s;

	for (s = name != NULL ? name : ""; *s != '\0' && n < 63; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			slug[n++] = (char)c;
		else if (c >= 'A' && c <= 'Z')
			slug[n++] = (char)(c - 'A' + 'a');
		else if (c < 0x80 && n > 0 && slug[n - 1] != '-')
			slug[n++] = '-';
	}
	while (n > 0 && slug[n - 1] == '-')
		n--;
	if (n == 0) {
		free(slug);
		return xstrdup("network");
	}
	slug[n] = '\0';
	return slug;
}

void
agenda_ics_init(struct agenda_ics *a, FILE *out, const char *network)
{
	memset(a, 0, sizeof *a);
	a->out = out;
	a->network = network;
}

/* Start the calendar, with the first meeting (or at the end), so that a
 * refusal writes nothing. 0, or -1 with a->error. */
static int
agenda_ics_open(struct agenda_ics *a)
{
	struct date today = date_today();
	char stamp[32], *slug;

	if (a->ics != NULL)
		return 0;
	snprintf(stamp, sizeof stamp, "%04d%02d%02dT000000Z", today.year, today.month,
	    today.day);
	slug = agenda_ics_slug(a->network);
	free(a->uid_domain);
	a->uid_domain = xasprintf("%s.leernet", slug);
	free(slug);
	a->ics = ics_writer_open(a->out, "-//leernet//leernet " PACKAGE_VERSION "//NL", stamp,
	    &a->error);
	if (a->ics == NULL && a->error == NULL)
		a->error = xstrdup(_("cannot write the output"));
	return a->ics != NULL ? 0 : -1;
}

int
agenda_ics_row(struct agenda_ics *a, const struct calendar_row *r)
{
	struct ics_event ev;
	char *uid, *summary;
	int ret;

	if (r->more > 0 || r->starts_at == NULL || r->ends_at == NULL)
		return 0;
	if (agenda_ics_open(a) != 0)
		return 1;
	uid = xasprintf("meeting-%lld@%s", (long long)r->id, a->uid_domain);
	if (r->group_name != NULL && r->title != NULL && *r->title != '\0')
		summary = xasprintf("%s — %s", r->group_name, r->title);
	else
		summary = xstrdup(r->group_name != NULL ? r->group_name :
		    (r->title != NULL ? r->title : _("the whole network")));
	memset(&ev, 0, sizeof ev);
	ev.uid = uid;
	ev.summary = summary;
	ev.location = r->place;
	ev.description = r->agenda;
	ev.starts_at = r->starts_at;
	ev.ends_at = r->ends_at;
	ev.cancelled = r->status != NULL && strcmp(r->status, "cancelled") == 0;
	/* a new meeting is 0, each change one more */
	ev.sequence = r->version > 0 ? r->version - 1 : 0;
	ret = ics_writer_add(a->ics, &ev, &a->error);
	free(summary);
	free(uid);
	if (ret == 0)
		a->rows++;
	return ret != 0;
}

int
agenda_ics_finish(struct agenda_ics *a)
{
	int ret;

	if (agenda_ics_open(a) != 0)
		return -1;
	ret = ics_writer_close(a->ics, &a->error);
	a->ics = NULL;
	return ret != 0 ? -1 : 0;
}

void
agenda_ics_clear(struct agenda_ics *a)
{
	ics_writer_free(a->ics);
	free(a->uid_domain);
	free(a->error);
	memset(a, 0, sizeof *a);
}

static int
agenda_ics_take(const struct calendar_row *r, void *arg)
{
	return agenda_ics_row(arg, r);
}

int
agenda_ics_write_file(struct app *app, const struct calendar_query *q, const char *path,
    size_t *n, char **error)
{
	struct agenda_ics a;
	struct calendar_query qq = *q;
	FILE *out;
	int fd, ret;

	*n = 0;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0) {
		*error = errno == EEXIST ?
		    xasprintf(_("%s already exists; the agenda never overwrites a file"), path) :
		    xasprintf(_("cannot create %s: %s"), path, strerror(errno));
		return -1;
	}
	if ((out = fdopen(fd, "w")) == NULL) {
		*error = xasprintf(_("cannot create %s: %s"), path, strerror(errno));
		close(fd);
		unlink(path);
		return -1;
	}
	agenda_ics_init(&a, out, app->cfg->network_name);
	qq.per_day = 0;
	qq.want_agenda = true;
	qq.any_order = true;
	qq.cancelled = true;
	ret = store_calendar_range(app->st, app->who, &qq, agenda_ics_take, &a, error);
	if (ret == 0 && a.error == NULL)
		ret = agenda_ics_finish(&a);
	else if (ret == 0)
		ret = -1;
	if (fclose(out) != 0 && ret == 0) {
		*error = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		ret = -1;
	}
	if (ret != 0 && *error == NULL && a.error != NULL) {
		*error = a.error;
		a.error = NULL;
	}
	if (ret != 0) {
		unlink(path);
		if (*error == NULL)
			*error = xasprintf(_("cannot write %s"), path);
	}
	*n = a.rows;
	agenda_ics_clear(&a);
	return ret != 0 ? -1 : 0;
}

/*
 * cmdutil.c — option parsing, formats, lookups and exit statuses shared by
 * the commands (cmd_*.c).
 */
#include "autoconf.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cmdutil.h"
#include "cli/commands.h"
#include "core/access.h"
#include "core/i18n.h"
#include "core/xmalloc.h"
#include "store/store.h"

void
cmdutil_getopt_reset(void)
{
	optind = 0;	/* glibc: 0 starts a fresh scan */
	opterr = 0;	/* the commands print their own, translated messages */
}

/* Print the usage line of command. */
static void
cmdutil_usage_line(const char *command)
{
	const struct cmd *c = cmd_find(command);

	if (c != NULL)
		fprintf(stderr, _("usage: leernet %s\n"), _(c->usage));
}

int
cmdutil_usage(const char *command, const char *fmt, ...)
{
	va_list ap;

	fputs("leernet: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cmdutil_usage_line(command);
	return APP_EX_USAGE;
}

int
cmdutil_bad_option(const char *command, int c, char **argv)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "?";

	if (c == ':')
		return cmdutil_usage(command, _("option '%s' needs a value"), arg);
	if (optopt != 0 && optopt < 256 && strncmp(arg, "--", 2) != 0)
		return cmdutil_usage(command, _("unknown option '-%c'"), optopt);
	return cmdutil_usage(command, _("unknown option '%s'"), arg);
}

int
cmdutil_format(const char *command, const char *arg, enum cmdutil_format *out)
{
	if (strcmp(arg, "text") == 0)
		*out = CMDUTIL_TEXT;
	else if (strcmp(arg, "csv") == 0)
		*out = CMDUTIL_CSV;
	else
		return cmdutil_usage(command, _("unknown format '%s' (text or csv)"), arg);
	return APP_EX_OK;
}

int
cmdutil_group_type(struct app *app, const char *command, const char *key)
{
	const struct config *cfg = app->cfg;
	size_t i;

	if (config_group_type(cfg, key) != NULL)
		return APP_EX_OK;
	app_error(_("unknown group type '%s'; the types are:"), key);
	for (i = 0; i < cfg->n_group_types; i++)
		fprintf(stderr, "  %-12s %s\n", cfg->group_types[i].key, cfg->group_types[i].label);
	cmdutil_usage_line(command);
	return APP_EX_USAGE;
}

int
cmdutil_orientation(struct app *app, const char *command, const char *key)
{
	const struct config_items *o = &app->cfg->orientations;
	size_t i;

	if (config_item_label(o, key) != NULL)
		return APP_EX_OK;
	app_error(_("unknown orientation '%s'; the orientations are:"), key);
	for (i = 0; i < o->n; i++)
		fprintf(stderr, "  %-12s %s\n", o->v[i].key, o->v[i].label);
	cmdutil_usage_line(command);
	return APP_EX_USAGE;
}

int
cmdutil_date(const char *option, const char *text, struct date *out)
{
	if (date_parse(text, out) == 0)
		return APP_EX_OK;
	app_error(_("%s: '%s' is not a date; write dd-mm-jjjj (23-11-2026) or jjjj-mm-dd"),
	    option, text);
	return APP_EX_DATAERR;
}

const char *
cmdutil_show_date(const struct app *app, const char *iso, char *buf, size_t size)
{
	char out[DATE_ISO_LEN];
	struct date d;

	if (iso == NULL || strlen(iso) < 10) {
		snprintf(buf, size, "%s", iso != NULL ? iso : "");
		return buf;
	}
	snprintf(out, sizeof out, "%.10s", iso);
	if (date_parse_iso(out, &d) == 0 && app->cfg->date_format == CONFIG_DATE_NL)
		date_format_nl(&d, out);
	snprintf(buf, size, "%s%s", out, iso + 10);
	return buf;
}

/* Say why a lookup found nothing, listing the close matches one per line. */
static void
cmdutil_candidates(const struct store_lookup *l, const char *text, bool theme)
{
	size_t i;

	if (l->ambiguous)
		app_error(theme ? _("'%s' matches several themes:") :
		    _("'%s' matches several groups:"), text);
	else if (l->n_candidates > 0)
		app_error(theme ? _("no theme called '%s'; did you mean:") :
		    _("no group called '%s'; did you mean:"), text);
	else
		app_error(theme ? _("no theme called '%s'") : _("no group called '%s'"), text);
	for (i = 0; i < l->n_candidates; i++)
		fprintf(stderr, "  %lld  %s\n", (long long)l->candidates[i].id,
		    l->candidates[i].name);
	if (l->n_candidates > 0)
		fprintf(stderr, _("Give the number or more of the name.\n"));
}

/* Resolve a theme or group; see cmdutil_theme. */
static int
cmdutil_lookup(struct app *app, bool theme, const char *text, int64_t *id, char **name)
{
	struct store_lookup l;
	char *error = NULL;
	int ret;

	ret = theme ? store_theme_lookup(app->st, app->who, text, &l, &error) :
	    store_group_lookup(app->st, app->who, text, &l, &error);
	if (ret < 0)
		return cmdutil_store_fail(STORE_ERROR, error);
	if (ret == 0) {
		cmdutil_candidates(&l, text, theme);
		store_lookup_clear(&l);
		return APP_EX_DATAERR;
	}
	*id = l.id;
	if (name != NULL) {
		*name = l.name;
		l.name = NULL;
	}
	store_lookup_clear(&l);
	return APP_EX_OK;
}

int
cmdutil_theme(struct app *app, const char *text, int64_t *id, char **name)
{
	return cmdutil_lookup(app, true, text, id, name);
}

int
cmdutil_group(struct app *app, const char *text, int64_t *id, char **name)
{
	return cmdutil_lookup(app, false, text, id, name);
}

int
cmdutil_person(struct app *app, const char *login, int64_t *id, char **name)
{
	char *error = NULL;
	int ret = store_person_lookup(app->st, login, id, name, &error);

	if (ret < 0)
		return cmdutil_store_fail(STORE_ERROR, error);
	if (ret == 0) {
		app_error(_("nobody has the login or email '%s'"), login);
		return APP_EX_DATAERR;
	}
	return APP_EX_OK;
}

int
cmdutil_person_or_self(struct app *app, const char *login, int64_t *id, char **name)
{
	if (login != NULL)
		return cmdutil_person(app, login, id, name);
	if (actor_is_visitor(app->who)) {
		app_error("%s", _(access_reason(ACCESS_INTEREST_SELF)));
		return APP_EX_DATAERR;
	}
	*id = app->who->person_id;
	*name = xstrdup(app->who->name);
	return APP_EX_OK;
}

int
cmdutil_store_fail(int ret, char *error)
{
	app_error("%s", error != NULL ? error : _("the database failed"));
	free(error);
	return ret == STORE_ERROR ? APP_EX_IOERR : APP_EX_DATAERR;
}

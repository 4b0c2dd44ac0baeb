/*
 * app.c — start-up: locale and messages, config, database, identity.
 */
#include "autoconf.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/app.h"
#include "cli/demo.h"
#include "core/i18n.h"
#include "core/xmalloc.h"

void
app_error(const char *fmt, ...)
{
	va_list ap;

	fputs("leernet: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Is this process the binary in the build tree (run before make install)? */
static bool
app_uninstalled(void)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	size_t len = strlen(BUILD_BUILDDIR);

	if (n <= 0)
		return false;
	exe[n] = '\0';
	return strncmp(exe, BUILD_BUILDDIR, len) == 0 && exe[len] == '/';
}

const char *
app_data_dir(struct app *app)
{
	if (app->data_dir == NULL)
		app->data_dir = app_uninstalled() ? xstrdup(BUILD_SRCDIR "/data") :
		    xstrdup(PKGDATADIR);
	return app->data_dir;
}

/* The language asked for by the environment, as LANGUAGE would give it. */
static const char *
app_env_language(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v != NULL && *v != '\0')
			return v;
	}
	return NULL;
}

/* gettext ignores LANGUAGE in the "C" locale: make sure messages can be translated. */
static void
app_messages_locale(void)
{
	const char *cur = setlocale(LC_MESSAGES, NULL);

	if (cur == NULL || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
}

int
app_restrict(struct app *app)
{
	char **from, **to;	/* environ: <unistd.h> with _GNU_SOURCE */

	if (app->opt.user == NULL || *app->opt.user == '\0') {
		app_error(_("--restricted needs --user LOGIN, the person this SSH key belongs to"));
		return APP_EX_USAGE;
	}
	/* Drop the variables in place; getenv and setenv work on environ. */
	for (from = to = environ; *from != NULL; from++) {
		if (strncmp(*from, "LEERNET_", 8) != 0)
			*to++ = *from;
	}
	*to = NULL;
	return APP_EX_OK;
}

int
app_fix_today(void)
{
	const char *v = getenv("LEERNET_TODAY");
	struct date d;

	if (v == NULL || *v == '\0')
		return 0;
	if (date_parse_iso(v, &d) != 0) {
		app_error(_("LEERNET_TODAY must be a date YYYY-MM-DD, not '%s'"), v);
		return -1;
	}
	date_clock_fix(&d);
	return 0;
}

void
app_locale(struct app *app)
{
	const char *want = app_env_language();
	const char *localedir;

	if (setlocale(LC_ALL, "") == NULL) {
		/* e.g. LANG=nl_NL.UTF-8 on a host without that locale */
		app->locale_fallback = true;
		setlocale(LC_ALL, "C.UTF-8");
		if (want != NULL && getenv("LANGUAGE") == NULL) {
			char lang[16];

			snprintf(lang, sizeof lang, "%.*s", (int)strcspn(want, ".@"), want);
			setenv("LANGUAGE", lang, 1);
			app_messages_locale();
		}
	}
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	localedir = app_uninstalled() ? BUILD_BUILDDIR "/locale" : LOCALEDIR;
	bindtextdomain(PACKAGE, localedir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

/* Apply the config's language: nl and en override the locale, auto follows it. */
static void
app_language(const struct config *cfg)
{
	switch (cfg->language) {
	case CONFIG_LANGUAGE_NL:
		setenv("LANGUAGE", "nl", 1);
		app_messages_locale();
		break;
	case CONFIG_LANGUAGE_EN:
		setenv("LANGUAGE", "en", 1);
		break;
	case CONFIG_LANGUAGE_AUTO:
		return;
	}
	/* Tell gettext its cache is stale. */
	textdomain(PACKAGE);
}

/* $XDG_<kind>_HOME or ~/<fallback>, then /leernet/<file>; allocated. */
static char *
app_xdg_path(const char *var, const char *fallback, const char *file)
{
	const char *base = getenv(var);
	const char *home;

	if (base != NULL && base[0] == '/')
		return xasprintf("%s/leernet/%s", base, file);
	home = getenv("HOME");
	if (home == NULL || *home == '\0') {
		struct passwd *pw = getpwuid(getuid());

		home = pw != NULL ? pw->pw_dir : "/";
	}
	return xasprintf("%s/%s/leernet/%s", home, fallback, file);
}

static bool
app_readable(const char *path)
{
	return access(path, R_OK) == 0;
}

int
app_load_config(struct app *app)
{
	char *path, *error = NULL;

	if (app->opt.config != NULL) {
		path = xstrdup(app->opt.config);
	} else {
		path = app_xdg_path("XDG_CONFIG_HOME", ".config", "leernet.yaml");
		if (!app_readable(path)) {
			free(path);
			path = xstrdup("/etc/leernet/leernet.yaml");
		}
		if (!app_readable(path)) {
			free(path);
			path = xasprintf("%s/leernet.yaml", app_data_dir(app));
		}
	}
	app->cfg = config_load(path, &error);
	free(path);
	if (app->cfg == NULL) {
		fprintf(stderr, "%s\n", error);
		free(error);
		return APP_EX_CONFIG;
	}
	app_language(app->cfg);
	return APP_EX_OK;
}

/* Expand a leading "~/" of a configured path; allocated. */
static char *
app_expand_home(const char *path)
{
	const char *home = getenv("HOME");

	if (strncmp(path, "~/", 2) == 0 && home != NULL)
		return xasprintf("%s/%s", home, path + 2);
	return xstrdup(path);
}

/* Make a private directory and fill a fresh demo database in it. */
static int
app_open_demo(struct app *app)
{
	/* restricted: the account's /tmp, not a directory the environment names */
	const char *tmp = app->opt.restricted ? NULL : getenv("TMPDIR");
	char *demo_files, *error = NULL;
	int ret;

	app->demo_dir = xasprintf("%s/leernet-demo-XXXXXX", tmp != NULL && *tmp ? tmp : "/tmp");
	if (mkdtemp(app->demo_dir) == NULL) {
		app_error(_("cannot create a directory for the demo: %s"), strerror(errno));
		free(app->demo_dir);
		app->demo_dir = NULL;
		return APP_EX_CANTCREAT;
	}
	app->db_path = xasprintf("%s/demo.db", app->demo_dir);
	if (store_open(app->db_path, STORE_OPEN_CREATE, &app->st, &error) != STORE_OK) {
		app_error("%s", error);
		free(error);
		return APP_EX_CANTCREAT;
	}
	demo_files = xasprintf("%s/demo", app_data_dir(app));
	ret = demo_load(app->st, app->cfg, demo_files, &error);
	free(demo_files);
	if (ret != 0) {
		app_error(_("cannot build the demo network: %s"), error);
		free(error);
		return APP_EX_SOFTWARE;
	}
	return APP_EX_OK;
}

int
app_open_store(struct app *app)
{
	unsigned flags = app->opt.read_only ? STORE_OPEN_READONLY : STORE_OPEN_CREATE;
	enum store_status status;
	char *error = NULL;

	if (app->opt.demo)
		return app_open_demo(app);
	if (app->opt.database != NULL)
		app->db_path = xstrdup(app->opt.database);
	else if (app->cfg->database != NULL)
		app->db_path = app_expand_home(app->cfg->database);
	else
		app->db_path = app_xdg_path("XDG_DATA_HOME", ".local/share", "leernet.db");
	status = store_open(app->db_path, flags, &app->st, &error);
	if (status == STORE_OK)
		return APP_EX_OK;
	app_error("%s", error);
	free(error);
	switch (status) {
	case STORE_ERR_NOT_FOUND:
		return APP_EX_NOINPUT;
	case STORE_ERR_BUSY:
		return APP_EX_TEMPFAIL;
	case STORE_ERR_NEWER:
	case STORE_ERR_CORRUPT:
	case STORE_ERR_IO:
	case STORE_OK:
		break;
	}
	return APP_EX_IOERR;
}

/* The Unix login name of this process, or NULL. */
static const char *
app_unix_login(void)
{
	struct passwd *pw = getpwuid(geteuid());

	if (pw != NULL)
		return pw->pw_name;
	return getenv("LOGNAME");
}

int
app_identify(struct app *app)
{
	const char *login = app->opt.user;
	char *error = NULL;
	struct actor *a = NULL;

	if (login == NULL)
		login = app->opt.demo ? "zoe" : app_unix_login();
	if (login == NULL)
		login = "?";
	if (app->st != NULL && store_actor_by_login(app->st, login, &a, &error) < 0) {
		app_error("%s", error);
		free(error);
	}
	if (a == NULL)
		a = actor_new(0, login, login, false);
	if (app->cfg != NULL && config_is_coordinator(app->cfg, login) && !actor_is_visitor(a))
		a->coordinator = true;
	app->who = a;
	return APP_EX_OK;
}

/* Remove a demo copy: the database, its -wal and -shm files, the directory. */
static void
app_remove_demo(struct app *app)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	size_t i;

	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		char *p = xasprintf("%s%s", app->db_path, suffix[i]);

		unlink(p);
		free(p);
	}
	rmdir(app->demo_dir);
}

void
app_free(struct app *app)
{
	store_close(app->st);
	app->st = NULL;
	if (app->demo_dir != NULL && app->db_path != NULL)
		app_remove_demo(app);
	config_free(app->cfg);
	actor_free(app->who);
	free(app->db_path);
	free(app->demo_dir);
	free(app->data_dir);
	memset(app, 0, sizeof *app);
}

char
app_decimal(const struct app *app)
{
	const char *lang;

	if (app->cfg != NULL && app->cfg->language != CONFIG_LANGUAGE_AUTO)
		return app->cfg->language == CONFIG_LANGUAGE_NL ? ',' : '.';
	lang = getenv("LANGUAGE");
	if (lang == NULL || *lang == '\0')
		lang = setlocale(LC_MESSAGES, NULL);
	return lang != NULL && strncmp(lang, "nl", 2) == 0 ? ',' : '.';
}

/*
 * store.c — opening the database, pragmas, transactions, the statement cache.
 *
 * Start-up does nothing that grows with the data: it reads the header
 * pragmas, migrates when the schema is older, and leaves integrity checks to
 * store_check() ("leernet check").
 */
#include "autoconf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

#define STORE_APPLICATION_ID 0x4c4e4554	/* "LNET" */
#define STORE_BUSY_TIMEOUT_MS 5000

enum {
	STMT_BEGIN,
	STMT_COMMIT,
	STMT_ROLLBACK,
	STMT_USER_VERSION,
	STMT_APPLICATION_ID,
	STMT_DATA_VERSION,
	STMT_TABLE_COUNT,
	STMT_INTEGRITY,
	STMT_FK_CHECK,
	STMT_VACUUM_INTO,
	STMT_AUDIT,
	STMT_CHECKPOINT,
	STMT__COUNT
};

static const char *const store_sql[STMT__COUNT] = {
	[STMT_BEGIN] = "BEGIN IMMEDIATE",
	[STMT_COMMIT] = "COMMIT",
	[STMT_ROLLBACK] = "ROLLBACK",
	[STMT_USER_VERSION] = "PRAGMA user_version",
	[STMT_APPLICATION_ID] = "PRAGMA application_id",
	[STMT_DATA_VERSION] = "PRAGMA data_version",
	[STMT_TABLE_COUNT] = "SELECT count(*) FROM sqlite_schema",
	[STMT_INTEGRITY] = "PRAGMA integrity_check",
	[STMT_FK_CHECK] = "PRAGMA foreign_key_check",
	[STMT_VACUUM_INTO] = "VACUUM INTO ?1",
	[STMT_CHECKPOINT] = "PRAGMA wal_checkpoint(PASSIVE)",
	[STMT_AUDIT] = "INSERT INTO audit "
	    "(at, person_id, login, action, entity, entity_id, summary) "
	    "VALUES (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'), ?1, ?2, ?3, ?4, ?5, "
	    "substr(?6, 1, 200))",
};

static const struct store_sql_table store_table = {
	STORE_MOD_STORE, store_sql, STMT__COUNT
};

sqlite3_stmt *
store_stmt(struct store *st, const struct store_sql_table *t, int idx, char **error)
{
	sqlite3_stmt **slot;
	int rc;

	if (st->stmts[t->module] == NULL) {
		st->stmts[t->module] = xcalloc((size_t)t->n, sizeof (sqlite3_stmt *));
		st->n_stmts[t->module] = t->n;
	}
	slot = &st->stmts[t->module][idx];
	if (*slot != NULL)
		return *slot;
	rc = sqlite3_prepare_v3(st->db, t->sql[idx], -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
	if (rc != SQLITE_OK) {
		store_fail(st, rc, _("preparing a query"), error);
		*slot = NULL;
		return NULL;
	}
	return *slot;
}

void
store_done(sqlite3_stmt *stmt)
{
	if (stmt == NULL)
		return;
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
}

char *
store_error_message(struct store *st, int rc, const char *doing)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return xasprintf(_("The database is busy (another session is writing) while %s; "
		    "nothing was changed. Try again."), doing);
	case SQLITE_READONLY:
		return xasprintf(_("The database is read-only; %s is not possible."), doing);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return xasprintf(_("The database file is damaged or not a leernet database "
		    "(while %s). Run 'leernet check'."), doing);
	case SQLITE_FULL:
		return xasprintf(_("The disk is full while %s; nothing was changed."), doing);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return xasprintf(_("The database file cannot be read or written while %s."), doing);
	case SQLITE_CONSTRAINT:
		return xasprintf(_("That would break a rule of the data while %s "
		    "(a duplicate, or a missing or still used reference)."), doing);
	default:
		break;
	}
	(void)st;
	return xasprintf(_("Unexpected database error %d while %s."), rc, doing);
}

int
store_fail(struct store *st, int rc, const char *doing, char **error)
{
	if (error != NULL) {
		free(*error);
		*error = store_error_message(st, rc, doing);
	}
	return -1;
}

int
store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL || *v == '\0')
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

int
store_bind_id(sqlite3_stmt *s, int i, int64_t id)
{
	if (id == 0)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_int64(s, i, id);
}

int
store_bind_date(sqlite3_stmt *s, int i, const struct date *d)
{
	char buf[DATE_ISO_LEN];

	if (d == NULL || !date_valid(d))
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, date_format_iso(d, buf), -1, SQLITE_TRANSIENT);
}

int
store_exec_stmt(struct store *st, sqlite3_stmt *s, const char *doing, char **error)
{
	int rc;

	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	store_done(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail(st, rc, doing, error);
	return 0;
}

int
store_writable(struct store *st, char **error)
{
	if (!st->read_only)
		return 0;
	if (error != NULL) {
		free(*error);
		*error = xstrdup(_("The database is open read-only; nothing can be changed."));
	}
	return -1;
}

/* One integer from a single-row statement, or -1 with rc set. */
static long long
store_int_query(struct store *st, int idx, int *rcp, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_table, idx, error);
	long long v = -1;
	int rc;

	if (s == NULL) {
		*rcp = sqlite3_errcode(st->db);
		if (*rcp == SQLITE_OK)
			*rcp = SQLITE_ERROR;
		return -1;
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		v = sqlite3_column_int64(s, 0);
		rc = SQLITE_OK;
	}
	store_done(s);
	*rcp = rc;
	return v;
}

/* Make every missing directory of path's parent, mode 0700. */
static int
store_make_parent(const char *path, char **error)
{
	char *dir = xstrdup(path), *p;
	int ret = 0;

	p = strrchr(dir, '/');
	if (p == NULL || p == dir)
		goto out;
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
				if (error != NULL)
					*error = xasprintf(_("Cannot create the directory %s: %s"),
					    dir, strerror(errno));
				ret = -1;
				goto out;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
out:
	free(dir);
	return ret;
}

static int
store_pragma(struct store *st, const char *sql, char **error)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return store_fail(st, rc, _("setting up the database"), error);
	return 0;
}

void
store_busy_wait(struct store *st, int ms)
{
	sqlite3_busy_timeout(st->db, ms > 0 ? ms : STORE_BUSY_TIMEOUT_MS);
}

/* Apply the session pragmas; WAL only when we may write. */
static int
store_setup(struct store *st, char **error)
{
	int rc;

	sqlite3_busy_timeout(st->db, STORE_BUSY_TIMEOUT_MS);
	if ((rc = store_people_register(st)) != SQLITE_OK)
		return store_fail(st, rc, _("setting up the database"), error);
	if (store_pragma(st, "PRAGMA foreign_keys = ON", error) != 0 ||
	    store_pragma(st, "PRAGMA secure_delete = ON", error) != 0 ||
	    store_pragma(st, "PRAGMA synchronous = FULL", error) != 0)
		return -1;
	if (!st->read_only && store_pragma(st, "PRAGMA journal_mode = WAL", error) != 0)
		return -1;
	return 0;
}

/* Map an open-time SQLite code to a status, with a message. */
static enum store_status
store_open_status(struct store *st, int rc, char **error)
{
	switch (rc & 0xff) {
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		if (error != NULL)
			*error = xasprintf(_("%s is damaged or not a leernet database; "
			    "it was left as it is."), st->path);
		return STORE_ERR_CORRUPT;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		if (error != NULL)
			*error = xasprintf(_("%s is busy: another session holds it too long. "
			    "Try again."), st->path);
		return STORE_ERR_BUSY;
	default:
		if (error != NULL) {
			/* our own words for the code, never SQLite's text */
			char *why = store_error_message(st, rc, _("opening the database"));

			*error = xasprintf("%s: %s", st->path, why);
			free(why);
		}
		return STORE_ERR_IO;
	}
}

/* Check the file is ours and not newer; migrate when older. */
static enum store_status
store_prepare_schema(struct store *st, char **error)
{
	long long version, appid, tables;
	int rc;

	version = store_int_query(st, STMT_USER_VERSION, &rc, NULL);
	if (rc != SQLITE_OK)
		return store_open_status(st, rc, error);
	appid = store_int_query(st, STMT_APPLICATION_ID, &rc, NULL);
	if (rc != SQLITE_OK)
		return store_open_status(st, rc, error);
	if (appid != 0 && appid != STORE_APPLICATION_ID) {
		if (error != NULL)
			*error = xasprintf(_("%s is an SQLite database of another program; "
			    "it was left as it is."), st->path);
		return STORE_ERR_CORRUPT;
	}
	if (version > STORE_SCHEMA_VERSION) {
		if (error != NULL)
			*error = xasprintf(_("%s was written by a newer leernet (schema %lld, this "
			    "program knows %d). Upgrade leernet; the file was left as it is."),
			    st->path, version, STORE_SCHEMA_VERSION);
		return STORE_ERR_NEWER;
	}
	if (version == 0) {
		tables = store_int_query(st, STMT_TABLE_COUNT, &rc, NULL);
		if (rc != SQLITE_OK)
			return store_open_status(st, rc, error);
		if (tables > 0) {
			if (error != NULL)
				*error = xasprintf(_("%s holds tables of another program; "
				    "it was left as it is."), st->path);
			return STORE_ERR_CORRUPT;
		}
	}
	if (version == STORE_SCHEMA_VERSION)
		return STORE_OK;
	if (st->read_only) {
		if (error != NULL)
			*error = xasprintf(_("%s is read-only and has an older schema (%lld) that "
			    "needs an upgrade; open it once with write access."), st->path, version);
		return STORE_ERR_IO;
	}
	if (store_setup(st, error) != 0 || store_migrate(st, (int)version, error) != 0)
		return STORE_ERR_IO;
	return STORE_OK;
}

enum store_status
store_open(const char *path, unsigned flags, struct store **out, char **error)
{
	struct store *st;
	enum store_status status = STORE_OK;
	struct stat sb;
	bool exists;
	mode_t old;
	int rc, oflags;

	*out = NULL;
	exists = stat(path, &sb) == 0;
	if (!exists && !(flags & STORE_OPEN_CREATE)) {
		if (error != NULL)
			*error = xasprintf(_("The database %s does not exist."), path);
		return STORE_ERR_NOT_FOUND;
	}
	if (exists && S_ISDIR(sb.st_mode)) {
		if (error != NULL)
			*error = xasprintf(_("%s is a directory, not a database file."), path);
		return STORE_ERR_IO;
	}
	if (!exists && store_make_parent(path, error) != 0)
		return STORE_ERR_IO;

	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->read_only = (flags & STORE_OPEN_READONLY) || (exists && access(path, W_OK) != 0);
	if (exists && access(path, R_OK) != 0) {
		if (error != NULL)
			*error = xasprintf(_("The database %s cannot be read: %s"), path,
			    strerror(errno));
		status = STORE_ERR_IO;
		goto fail;
	}
	oflags = st->read_only ? SQLITE_OPEN_READONLY :
	    SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);
	old = umask(077);
	rc = sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOFOLLOW, NULL);
	umask(old);
	if (rc != SQLITE_OK) {
		status = store_open_status(st, rc, error);
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, STORE_BUSY_TIMEOUT_MS);
	status = store_prepare_schema(st, error);
	if (status != STORE_OK)
		goto fail;
	if (store_setup(st, error) != 0) {
		status = STORE_ERR_IO;
		goto fail;
	}
	store_changed(st);
	*out = st;
	return STORE_OK;
fail:
	store_close(st);
	return status;
}

void
store_close(struct store *st)
{
	int m, i;

	if (st == NULL)
		return;
	for (m = 0; m < STORE_MOD__COUNT; m++) {
		for (i = 0; i < st->n_stmts[m]; i++)
			sqlite3_finalize(st->stmts[m][i]);
		free(st->stmts[m]);
	}
	store_people_hits_free(st);
	if (st->db != NULL)
		sqlite3_close(st->db);
	free(st->path);
	free(st);
}

bool
store_read_only(const struct store *st)
{
	return st->read_only;
}

const char *
store_path(const struct store *st)
{
	return st->path;
}

int
store_schema_version(struct store *st)
{
	int rc;

	return (int)store_int_query(st, STMT_USER_VERSION, &rc, NULL);
}

int
store_begin(struct store *st, char **error)
{
	if (store_writable(st, error) != 0)
		return -1;
	if (st->tx_depth++ > 0)
		return 0;
	st->tx_aborted = false;
	if (store_exec_stmt(st, store_stmt(st, &store_table, STMT_BEGIN, error),
	    _("starting a change"), error) != 0) {
		st->tx_depth = 0;
		return -1;
	}
	return 0;
}

int
store_commit(struct store *st, char **error)
{
	if (st->tx_depth == 0 && st->tx_aborted) {
		st->tx_aborted = false;
		if (error != NULL && *error == NULL)
			*error = xstrdup(_("The change was undone after an earlier error."));
		return -1;
	}
	if (st->tx_depth == 0 || --st->tx_depth > 0)
		return 0;
	if (store_exec_stmt(st, store_stmt(st, &store_table, STMT_COMMIT, error),
	    _("saving a change"), error) != 0) {
		store_rollback(st);
		return -1;
	}
	return 0;
}

void
store_rollback(struct store *st)
{
	sqlite3_stmt *s;

	st->tx_aborted = st->tx_depth > 1;
	st->tx_depth = 0;
	store_people_hits_forget(st);
	if (sqlite3_get_autocommit(st->db))
		return;
	s = store_stmt(st, &store_table, STMT_ROLLBACK, NULL);
	if (s != NULL) {
		sqlite3_step(s);
		store_done(s);
	}
}

long long
store_data_version(struct store *st)
{
	long long v;
	int rc;

	v = store_int_query(st, STMT_DATA_VERSION, &rc, NULL);
	return rc == SQLITE_OK ? v : -1;
}

bool
store_changed(struct store *st)
{
	long long v = store_data_version(st);

	if (v < 0 || v == st->data_version)
		return false;
	st->data_version = v;
	return true;
}

void
store_checkpoint(struct store *st)
{
	sqlite3_stmt *s;

	if (st->read_only || st->tx_depth > 0)
		return;
	s = store_stmt(st, &store_table, STMT_CHECKPOINT, NULL);
	if (s == NULL)
		return;
	while (sqlite3_step(s) == SQLITE_ROW)
		;
	store_done(s);
}

/* Collect the text rows of a check pragma into *report; count problems. */
static int
store_check_rows(struct store *st, int idx, const char *ok, char **report, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_table, idx, error);
	int rc, problems = 0;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(s, 0);
		char *line, *old = *report;

		if (ok != NULL && text != NULL && strcmp(text, ok) == 0)
			continue;
		if (idx == STMT_FK_CHECK)
			line = xasprintf(_("broken reference in table %s, row %lld"),
			    (const char *)sqlite3_column_text(s, 0),
			    (long long)sqlite3_column_int64(s, 1));
		else
			line = xstrdup(text != NULL ? text : "?");
		*report = xasprintf("%s%s\n", old != NULL ? old : "", line);
		free(old);
		free(line);
		problems++;
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("checking the database"), error);
	return problems;
}

int
store_check(struct store *st, char **report, char **error)
{
	int a, b;

	*report = NULL;
	a = store_check_rows(st, STMT_INTEGRITY, "ok", report, error);
	if (a < 0)
		return -1;
	b = store_check_rows(st, STMT_FK_CHECK, NULL, report, error);
	if (b < 0)
		return -1;
	return a + b > 0 ? 1 : 0;
}

/* Run a backup in one step, waiting a while for a busy source; a SQLite code. */
static int
store_copy_steps(sqlite3_backup *b, sqlite3 *dst)
{
	int rc = SQLITE_BUSY, tries;

	for (tries = 0; tries * 50 < STORE_BUSY_TIMEOUT_MS; tries++) {
		rc = sqlite3_backup_step(b, -1);
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			break;
		sqlite3_sleep(50);
	}
	if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	if (sqlite3_backup_finish(b) != SQLITE_OK && rc == SQLITE_OK)
		rc = sqlite3_errcode(dst);
	return rc;
}

/*
 * Copy with the backup API into a connection of its own, in one step (one
 * read transaction: a consistent snapshot), then leave WAL mode. For
 * read-only sessions: there VACUUM INTO fails on the generated column of
 * theme (SQLite 3.40: "table vacuum_db.theme has 10 columns but 11 values").
 */
static int
store_copy_backup(struct store *st, const char *path)
{
	sqlite3_backup *b;
	sqlite3 *dst = NULL;
	int rc;

	rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	    SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc == SQLITE_OK) {
		b = sqlite3_backup_init(dst, "main", st->db, "main");
		rc = b != NULL ? store_copy_steps(b, dst) : sqlite3_errcode(dst);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	sqlite3_close(dst);
	return rc;
}

int
store_copy_to(struct store *st, const char *path, char **error)
{
	sqlite3_stmt *s;
	mode_t old;
	int ret, rc;

	old = umask(077);
	if (st->read_only) {
		rc = store_copy_backup(st, path);
		umask(old);
		return rc == SQLITE_OK ? 0 : store_fail(st, rc, _("copying the database"), error);
	}
	if ((s = store_stmt(st, &store_table, STMT_VACUUM_INTO, error)) == NULL)
		ret = -1;
	else {
		store_bind_text(s, 1, path);
		ret = store_exec_stmt(st, s, _("copying the database"), error);
	}
	umask(old);
	return ret;
}

int
store_audit(struct store *st, const struct actor *who, const char *action,
    const char *entity, int64_t entity_id, const char *summary, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_table, STMT_AUDIT, error);

	if (s == NULL)
		return -1;
	store_bind_id(s, 1, who != NULL ? who->person_id : 0);
	store_bind_text(s, 2, who != NULL ? who->login : NULL);
	store_bind_text(s, 3, action);
	store_bind_text(s, 4, entity);
	store_bind_id(s, 5, entity_id);
	store_bind_text(s, 6, summary);
	return store_exec_stmt(st, s, _("writing the audit log"), error);
}

int
store_insert_audited(struct store *st, const struct actor *who, sqlite3_stmt *s,
    const char *entity, const char *summary, int64_t *id, char **error)
{
	int64_t newid;

	if (s == NULL)
		return -1;
	if (store_begin(st, error) != 0) {
		store_done(s);
		return -1;
	}
	if (store_exec_stmt(st, s, _("saving"), error) != 0)
		goto fail;
	newid = sqlite3_last_insert_rowid(st->db);
	if (store_audit(st, who, "insert", entity, newid, summary, error) != 0)
		goto fail;
	if (store_commit(st, error) != 0)
		return -1;
	if (id != NULL)
		*id = newid;
	return 0;
fail:
	store_rollback(st);
	return -1;
}

int
store_refuse(char **error, int code, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (error == NULL)
		return code;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	free(*error);
	*error = msg != NULL ? msg : xstrdup("?");
	return code;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
int
store_refuse_field(char **error, const char *label, const char *why, int max)
{
	/* why is a validate.h message; the ones that say how long take max as %d */
	char *detail = xasprintf(_(why), max);
	int ret = store_refuse(error, STORE_INVALID, "%s: %s", label, detail);

	free(detail);
	return ret;
}
#pragma GCC diagnostic pop

#define STORE_ALIASES_MAX 32

/* A table of the statement under another name ("FROM meeting m"). */
struct store_alias {
	char name[32];
	const char *table;
};

static bool
store_ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    c == '_';
}

/*
 * The aliases of the large tables in sql: every "FROM t x", "JOIN t x" and
 * "... t AS x" with t one of tables. SQLite's plan names a table by its
 * alias ("SCAN m"), so without these a scan of an aliased table would pass.
 */
static size_t
store_plan_aliases(const char *sql, const char *const *tables, struct store_alias *out)
{
	static const char *const keywords[] = { "WHERE", "ON", "JOIN", "LEFT", "INNER", "CROSS",
		"USING", "ORDER", "GROUP", "LIMIT", "UNION", "NATURAL", "INDEXED", "NOT", "SET",
		"VALUES", "DEFAULT", NULL };
	const char *p, *q, *a;
	size_t n = 0, i, k, len;

	for (i = 0; tables[i] != NULL; i++) {
		len = strlen(tables[i]);
		for (p = sql; (p = strstr(p, tables[i])) != NULL; p += len) {
			if ((p > sql && store_ident_char(p[-1])) || store_ident_char(p[len]))
				continue;
			q = p + len;
			while (*q == ' ' || *q == '\n')
				q++;
			if (strncasecmp(q, "AS ", 3) == 0)
				q += 3;
			for (a = q; store_ident_char(*a); a++)
				;
			if (a == q || (size_t)(a - q) >= sizeof out[0].name || n == STORE_ALIASES_MAX)
				continue;
			for (k = 0; keywords[k] != NULL; k++) {
				if ((size_t)(a - q) == strlen(keywords[k]) &&
				    strncasecmp(q, keywords[k], (size_t)(a - q)) == 0)
					break;
			}
			if (keywords[k] != NULL)
				continue;
			memcpy(out[n].name, q, (size_t)(a - q));
			out[n].name[a - q] = '\0';
			out[n++].table = tables[i];
		}
	}
	return n;
}

/* Does a plan line scan one of the tables (not a search through an index)? */
static const char *
store_plan_scans(const char *detail, const char *const *tables,
    const struct store_alias *aliases, size_t n_aliases)
{
	size_t i, n;

	if (strncmp(detail, "SCAN ", 5) != 0)
		return NULL;
	for (i = 0; tables[i] != NULL; i++) {
		n = strlen(tables[i]);
		if (strncmp(detail + 5, tables[i], n) == 0 &&
		    (detail[5 + n] == '\0' || detail[5 + n] == ' '))
			return tables[i];
	}
	for (i = 0; i < n_aliases; i++) {
		n = strlen(aliases[i].name);
		if (strncmp(detail + 5, aliases[i].name, n) == 0 &&
		    (detail[5 + n] == '\0' || detail[5 + n] == ' '))
			return aliases[i].table;
	}
	return NULL;
}

/* EXPLAIN QUERY PLAN one statement text; count its scans into *report. */
static int
store_explain_one(struct store *st, const char *sql, const char *const *tables, char **report)
{
	struct store_alias aliases[STORE_ALIASES_MAX];
	size_t n_aliases;
	char *explain, *old;
	sqlite3_stmt *s = NULL;
	int scans = 0;

	/* statements that must read everything say so, and why, up front */
	if (strncmp(sql, "/* scan ok:", 11) == 0)
		return 0;
	explain = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	if (sqlite3_prepare_v2(st->db, explain, -1, &s, NULL) != SQLITE_OK) {
		free(explain);
		return 0;	/* e.g. statements of a table not in this schema */
	}
	n_aliases = store_plan_aliases(sql, tables, aliases);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(s, 3);
		const char *table = detail != NULL ?
		    store_plan_scans(detail, tables, aliases, n_aliases) : NULL;

		if (table == NULL)
			continue;
		old = *report;
		*report = xasprintf("%s%s\n  in: %.200s\n", old != NULL ? old : "", detail, sql);
		free(old);
		scans++;
	}
	sqlite3_finalize(s);
	free(explain);
	return scans;
}

int
store_explain_all(struct store *st, const char *const *large_tables, char **report,
    char **error)
{
	const struct store_sql_table *tables[] = {
		&store_table, &store_people_table, &store_groups_table, &store_themes_table,
		&store_meetings_table, &store_notes_table, &store_lookup_table,
		&store_audit_table, &store_roster_table, &store_import_table,
		&store_hours_table, &store_calendar_table, &store_polls_table,
		&store_updates_table, &store_products_table, &store_budget_table,
		&store_health_table,
	};
	size_t t;
	int i, scans = 0;

	(void)error;
	*report = NULL;
	for (t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		for (i = 0; i < tables[t]->n; i++) {
			if (tables[t]->sql[i] != NULL)
				scans += store_explain_one(st, tables[t]->sql[i], large_tables, report);
		}
	}
	return scans;
}

char *
store_column_dup(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);

	return t != NULL ? xstrdup(t) : NULL;
}

char *
store_summary(sqlite3_stmt *s)
{
	char *text = NULL;

	if (s == NULL)
		return NULL;
	if (sqlite3_step(s) == SQLITE_ROW)
		text = store_column_dup(s, 0);
	store_done(s);
	return text;
}

int
store_update_versioned(struct store *st, const struct actor *who, sqlite3_stmt *s,
    const char *entity, int64_t id, const char *action, const char *summary,
    const char *conflict_message, char **error)
{
	if (store_begin(st, error) != 0) {
		store_done(s);
		return STORE_ERROR;
	}
	if (store_exec_stmt(st, s, _("saving"), error) != 0)
		goto fail;
	if (sqlite3_changes(st->db) == 0) {
		store_rollback(st);
		return store_refuse(error, STORE_CONFLICT, "%s", conflict_message);
	}
	if (store_audit(st, who, action, entity, id, summary, error) != 0)
		goto fail;
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
fail:
	store_rollback(st);
	return STORE_ERROR;
}

int
store_exec_audited(struct store *st, const struct actor *who, sqlite3_stmt *s,
    const char *action, const char *entity, int64_t entity_id, const char *summary,
    char **error)
{
	if (s == NULL)
		return -1;
	if (store_begin(st, error) != 0) {
		store_done(s);
		return -1;
	}
	if (store_exec_stmt(st, s, _("saving"), error) != 0 ||
	    store_audit(st, who, action, entity, entity_id, summary, error) != 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, error);
}

/*
 * store_audit.c — reading the audit log: who changed a row last, and the
 * log itself a page at a time (coordinators only).
 *
 * The log only grows, so nothing here reads it whole. A page walks one
 * index from the anchor on: audit_at (everyone), audit_person (one person's
 * changes) or audit_entity_at (one kind of row); without an anchor the walk
 * starts from a bound past every row ('~' sorts after any time, '' before),
 * so each statement is a range search, never a scan.
 */
#include "autoconf.h"

#include <stdlib.h>

#include "core/access.h"
#include "core/i18n.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	AUDIT_LAST_CHANGE,
	AUDIT_ALL_OLDER,
	AUDIT_ALL_NEWER,
	AUDIT_PERSON_OLDER,
	AUDIT_PERSON_NEWER,
	AUDIT_ENTITY_OLDER,
	AUDIT_ENTITY_NEWER,
	AUDIT__COUNT
};

/* Parameters: ?1 anchor at, ?2 anchor id, ?3 1 = take the anchor too,
 * ?4 person id (IS: NULL finds rows of nobody known), ?5 login, ?6 entity,
 * ?7 since (a date; '' = always), ?8 limit. */
#define AUDIT_PAGE(WHERE, CMP, DIR) \
	"SELECT audit.id AS id, audit.at AS at, coalesce(p.name, audit.login), audit.login, " \
	"audit.action, audit.entity, audit.entity_id, audit.summary " \
	"FROM audit LEFT JOIN person p ON p.id = audit.person_id " \
	"WHERE " WHERE " AND audit.at >= ?7 AND " CMP \
	" ORDER BY audit.at " DIR ", audit.id " DIR " LIMIT ?8"
/* older than the anchor (down the list), newest first */
#define AUDIT_OLDER(WHERE) AUDIT_PAGE(WHERE, \
	"audit.at <= ?1 AND (audit.at < ?1 OR audit.id < ?2 + ?3)", "DESC")
/* newer than the anchor, nearest first, then back in display order */
#define AUDIT_NEWER(WHERE) "SELECT * FROM (" AUDIT_PAGE(WHERE, \
	"audit.at >= ?1 AND (audit.at > ?1 OR audit.id > ?2 - ?3)", "ASC") \
	") ORDER BY at DESC, id DESC"
#define AUDIT_ALL "(?6 IS NULL OR audit.entity = ?6)"
#define AUDIT_PERSON "audit.person_id IS ?4 AND (?5 IS NULL OR audit.login = ?5) " \
	"AND (?6 IS NULL OR audit.entity = ?6)"
#define AUDIT_ENTITY "audit.entity = ?6"

static const char *const audit_sql[AUDIT__COUNT] = {
	[AUDIT_LAST_CHANGE] =
	    "SELECT coalesce(p.name, audit.login), audit.at FROM audit "
	    "LEFT JOIN person p ON p.id = audit.person_id "
	    "WHERE audit.entity = ?1 AND audit.entity_id = ?2 ORDER BY audit.id DESC LIMIT 1",
	[AUDIT_ALL_OLDER] = AUDIT_OLDER(AUDIT_ALL),
	[AUDIT_ALL_NEWER] = AUDIT_NEWER(AUDIT_ALL),
	[AUDIT_PERSON_OLDER] = AUDIT_OLDER(AUDIT_PERSON),
	[AUDIT_PERSON_NEWER] = AUDIT_NEWER(AUDIT_PERSON),
	[AUDIT_ENTITY_OLDER] = AUDIT_OLDER(AUDIT_ENTITY),
	[AUDIT_ENTITY_NEWER] = AUDIT_NEWER(AUDIT_ENTITY),
};

const struct store_sql_table store_audit_table = {
	STORE_MOD_AUDIT, audit_sql, AUDIT__COUNT
};

int
store_last_change(struct store *st, const char *entity, int64_t id, char **who_name,
    char **at, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_audit_table, AUDIT_LAST_CHANGE, error);
	int rc, ret = 0;

	*who_name = NULL;
	*at = NULL;
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, entity);
	sqlite3_bind_int64(s, 2, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*who_name = store_column_dup(s, 0);
		*at = store_column_dup(s, 1);
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, _("reading the audit log"), error);
	}
	store_done(s);
	return ret;
}

/* Choose the statement for a filter and bind the filter's parameters. */
static sqlite3_stmt *
audit_page_stmt(struct store *st, const struct audit_filter *f, bool forward, char **error)
{
	char since[DATE_ISO_LEN];
	int64_t person = f->person_id;
	const char *login = NULL;
	sqlite3_stmt *s;
	int idx, found;

	if (person == 0 && f->login != NULL && *f->login != '\0') {
		if ((found = store_person_id_by_login(st, f->login, &person, error)) < 0)
			return NULL;
		if (found == 0)
			login = f->login;	/* nobody has it: rows of the login alone */
	}
	if (person != 0 || login != NULL)
		idx = AUDIT_PERSON_OLDER;
	else if (f->entity != NULL)
		idx = AUDIT_ENTITY_OLDER;
	else
		idx = AUDIT_ALL_OLDER;
	if ((s = store_stmt(st, &store_audit_table, idx + (forward ? 0 : 1), error)) == NULL)
		return NULL;
	store_bind_id(s, 4, person);
	store_bind_text(s, 5, login);
	store_bind_text(s, 6, f->entity);
	sqlite3_bind_text(s, 7, date_valid(&f->since) ? date_format_iso(&f->since, since) : "",
	    -1, SQLITE_TRANSIENT);
	return s;
}

/* Bind the anchor; without one, a bound beyond every row of the direction. */
static void
audit_bind_anchor(sqlite3_stmt *s, const struct audit_anchor *anchor, bool inclusive,
    bool forward)
{
	if (anchor != NULL && anchor->at != NULL) {
		sqlite3_bind_text(s, 1, anchor->at, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 2, anchor->id);
		sqlite3_bind_int(s, 3, inclusive ? 1 : 0);
		return;
	}
	sqlite3_bind_text(s, 1, forward ? "~" : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, 0);
	sqlite3_bind_int(s, 3, 0);
}

int
store_audit_page(struct store *st, const struct actor *who, const struct audit_filter *f,
    const struct audit_anchor *anchor, bool inclusive, bool forward, int limit,
    store_audit_cb cb, void *arg, char **error)
{
	static const struct audit_filter all;
	struct audit_row r;
	sqlite3_stmt *s;
	int rc;

	if (!access_allows(who, ACCESS_AUDIT_VIEW, NULL))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_AUDIT_VIEW)));
	if ((s = audit_page_stmt(st, f != NULL ? f : &all, forward, error)) == NULL)
		return STORE_ERROR;
	audit_bind_anchor(s, anchor, inclusive, forward);
	sqlite3_bind_int(s, 8, limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.at = (const char *)sqlite3_column_text(s, 1);
		r.who = (const char *)sqlite3_column_text(s, 2);
		r.login = (const char *)sqlite3_column_text(s, 3);
		r.action = (const char *)sqlite3_column_text(s, 4);
		r.entity = (const char *)sqlite3_column_text(s, 5);
		r.entity_id = sqlite3_column_int64(s, 6);
		r.summary = (const char *)sqlite3_column_text(s, 7);
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading the audit log"), error);
	return 0;
}

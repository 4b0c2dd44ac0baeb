/*
 * store_private.h — what the store modules share; nothing outside src/store.
 *
 * Each store_<thing>.c keeps its SQL in one enum-indexed table and asks
 * store_stmt() for a statement: prepared once (persistent), kept for the
 * session, finalized by store_close(). Callers reset a statement right after
 * use with store_done(), so no read transaction outlives a call.
 */
#ifndef LEERNET_STORE_PRIVATE_H
#define LEERNET_STORE_PRIVATE_H

#include <sqlite3.h>
#include <stdbool.h>

#include "store/store.h"

enum store_module {
	STORE_MOD_STORE,
	STORE_MOD_PEOPLE,
	STORE_MOD_GROUPS,
	STORE_MOD_THEMES,
	STORE_MOD_MEETINGS,
	STORE_MOD_NOTES,
	STORE_MOD_LOOKUP,
	STORE_MOD_AUDIT,
	STORE_MOD_ROSTER,
	STORE_MOD_IMPORT,
	STORE_MOD_HOURS,
	STORE_MOD_CALENDAR,
	STORE_MOD_POLLS,
	STORE_MOD_UPDATES,
	STORE_MOD_PRODUCTS,
	STORE_MOD_BUDGET,
	STORE_MOD_HEALTH,
	STORE_MOD__COUNT
};

struct store_sql_table {
	enum store_module module;
	const char *const *sql;
	int n;
};

/* Every module's statements, for store_explain_all. */
extern const struct store_sql_table store_people_table, store_groups_table,
    store_themes_table, store_meetings_table, store_notes_table, store_lookup_table,
    store_audit_table, store_roster_table, store_import_table;
extern const struct store_sql_table store_hours_table, store_calendar_table,
    store_polls_table;
extern const struct store_sql_table store_updates_table, store_products_table,
    store_budget_table, store_health_table;

struct people_hits;

struct store {
	sqlite3 *db;
	char *path;
	bool read_only;
	int tx_depth;			/* nested store_begin calls */
	bool tx_aborted;		/* an inner failure rolled the outer one back */
	long long data_version;
	sqlite3_stmt **stmts[STORE_MOD__COUNT];
	int n_stmts[STORE_MOD__COUNT];
	struct people_hits *hits;	/* the last search of everyone (store_people.c) */
};

/* PRAGMA data_version: changes when another connection commits; -1 on error. */
long long store_data_version(struct store *st);
/* The SQL function person_hit(id) of store_people.c on st's connection; an SQLite code. */
int store_people_register(struct store *st);
/* Free what store_people.c keeps of the last search. */
void store_people_hits_free(struct store *st);
/* Count the last search again next time (a rollback may have taken rows it counted). */
void store_people_hits_forget(struct store *st);

/* The prepared statement idx of table t; NULL with *error on failure. */
sqlite3_stmt *store_stmt(struct store *st, const struct store_sql_table *t, int idx,
    char **error);
/* Reset a statement and clear its bindings; accepts NULL. */
void store_done(sqlite3_stmt *stmt);

/* A user-facing message for a failed SQLite call, allocated. */
char *store_error_message(struct store *st, int rc, const char *doing);
/* Set *error (if not NULL) from rc and return -1. */
int store_fail(struct store *st, int rc, const char *doing, char **error);

/* Bind helpers: NULL or empty text binds NULL; id 0 binds NULL. */
int store_bind_text(sqlite3_stmt *s, int i, const char *v);
int store_bind_id(sqlite3_stmt *s, int i, int64_t id);
int store_bind_date(sqlite3_stmt *s, int i, const struct date *d);

/* Step a statement that returns no rows; resets it. 0 or -1. */
int store_exec_stmt(struct store *st, sqlite3_stmt *s, const char *doing, char **error);

/* Refuse writes on a read-only store. 0 or -1. */
int store_writable(struct store *st, char **error);

/*
 * Append to the audit log inside the caller's transaction. summary is a short
 * text for people (a title, "Ann → Rekenen"), may be NULL, is cut to 200
 * characters, and never holds confidential text (note contents).
 */
int store_audit(struct store *st, const struct actor *who, const char *action,
    const char *entity, int64_t entity_id, const char *summary, char **error);

/*
 * Step an INSERT statement s (bound by the caller) in its own transaction
 * (or the caller's), audit it as entity with summary (see store_audit), and
 * return the new row id in *id.
 */
int store_insert_audited(struct store *st, const struct actor *who, sqlite3_stmt *s,
    const char *entity, const char *summary, int64_t *id, char **error);

/* Set *error (printf-style) and return code (a negative store_result). */
int store_refuse(char **error, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* STORE_INVALID with "label: why", why being a validate.h message (its %d is max). */
int store_refuse_field(char **error, const char *label, const char *why, int max);

/* An FTS5 query for typed words, each prefix-matched; NULL for nothing. Allocated. */
char *store_fts_query(const char *typed);

/* Step a statement of group rows (id, name, type, status, members) into cb. */
int store_groups_rows(struct store *st, sqlite3_stmt *s, store_group_cb cb, void *arg,
    char **error);

/*
 * Step a write statement (bound by the caller) in its own transaction (or the
 * caller's) and audit it against a given entity and id — for rows without a
 * rowid of their own, such as attendance (audited against its meeting).
 */
int store_exec_audited(struct store *st, const struct actor *who, sqlite3_stmt *s,
    const char *action, const char *entity, int64_t entity_id, const char *summary,
    char **error);

/* Who's relation to a group on a day (NULL: today): is_lead, was_member (lead,
 * member or expert); all false for a visitor or on an error. */
struct access_ctx;
void store_group_relation(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *on, struct access_ctx *ctx);

/*
 * May who plan meetings (or date polls) of group_id (0: network-wide) now:
 * the group exists and is not closed, who leads it or is a coordinator.
 * 0, or a negative store_result with *error.
 */
int store_meeting_may_plan(struct store *st, const struct actor *who, int64_t group_id,
    char **error);

/* The person with this login, whatever their state (deactivated, erased):
 * 1 and *id, 0 absent, -1 error. */
int store_person_id_by_login(struct store *st, const char *login, int64_t *id, char **error);

/* A copy of a text column, or NULL. */
char *store_column_dup(sqlite3_stmt *s, int i);

/*
 * Step a bound statement of one text row (an audit summary built in SQL,
 * such as a name and a title) and reset it. The text, allocated, or NULL
 * when there is no row, s is NULL, or the step fails: a summary is not
 * worth refusing a change for.
 */
char *store_summary(sqlite3_stmt *s);

/*
 * Step a versioned UPDATE (… WHERE id = ? AND version = ?) in its own
 * transaction and audit it with summary (see store_audit). When no row
 * changed, the row was changed by someone else since it was read:
 * STORE_CONFLICT with conflict_message.
 */
int store_update_versioned(struct store *st, const struct actor *who, sqlite3_stmt *s,
    const char *entity, int64_t id, const char *action, const char *summary,
    const char *conflict_message, char **error);

/* Migrations (store_migrate.c). */
int store_migrate(struct store *st, int from_version, char **error);

#endif

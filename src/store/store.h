/*
 * store.h — the database: one SQLite file, every SQL statement of leernet.
 *
 * struct store is opaque. Every function that changes data or reads
 * protected data takes the acting person. Functions return 0 on success and
 * -1 on error (lookups: 1 found, 0 absent, -1 error); on error *error, when
 * not NULL, receives an allocated message fit for a user (never SQLite's raw
 * text), which the caller frees.
 *
 * Time is stored as text: dates "YYYY-MM-DD", moments "YYYY-MM-DDTHH:MM"
 * local wall-clock time (see schema.md).
 */
#ifndef LEERNET_STORE_STORE_H
#define LEERNET_STORE_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/actor.h"
#include "core/date.h"

struct store;

#define STORE_SCHEMA_VERSION 1

enum store_open_flags {
	STORE_OPEN_CREATE = 1 << 0,	/* create file (0600) and directory (0700) */
	STORE_OPEN_READONLY = 1 << 1	/* never write, never migrate */
};

/* Why store_open failed; maps to exit codes in cli/. */
enum store_status {
	STORE_OK = 0,
	STORE_ERR_NOT_FOUND,	/* no such file and no CREATE */
	STORE_ERR_NEWER,	/* user_version newer than this program */
	STORE_ERR_CORRUPT,	/* not a database, or damaged */
	STORE_ERR_IO,		/* cannot create, open or read */
	STORE_ERR_BUSY		/* locked by another session for too long */
};

/*
 * Open (and when allowed create and migrate) the database at path.
 * A read-only file, or STORE_OPEN_READONLY, gives a read-only store when its
 * schema is current. A newer schema is refused and the file left untouched.
 * Returns STORE_OK and *out, or a status and *error.
 */
enum store_status store_open(const char *path, unsigned flags, struct store **out,
    char **error);
void store_close(struct store *st);

bool store_read_only(const struct store *st);
const char *store_path(const struct store *st);
/* The schema version found in the file (after migration). */
int store_schema_version(struct store *st);

/*
 * Run PRAGMA integrity_check and foreign_key_check. Returns 0 when all is
 * well, 1 when problems were found (*report lists them, one per line), -1 on
 * error. *report is allocated or NULL.
 */
int store_check(struct store *st, char **report, char **error);

/* Write transactions: BEGIN IMMEDIATE … COMMIT, or ROLLBACK. */
int store_begin(struct store *st, char **error);
int store_commit(struct store *st, char **error);
void store_rollback(struct store *st);

/* Has another connection committed since the last call? (PRAGMA data_version) */
bool store_changed(struct store *st);

/* Write a consistent copy to path with VACUUM INTO. */
int store_copy_to(struct store *st, const char *path, char **error);

/* ---- people and organisations (store_people.c) ---- */

enum org_kind { ORG_SCHOOL, ORG_BOARD, ORG_INSTITUTE, ORG_MUNICIPALITY, ORG_OTHER };

struct org_new {
	const char *name;
	enum org_kind kind;
	int64_t parent_id;	/* 0 = none */
	const char *region;	/* may be NULL */
};
int store_org_insert(struct store *st, const struct actor *who,
    const struct org_new *o, int64_t *id, char **error);

struct person_new {
	const char *name;
	const char *email;	/* may be NULL */
	int64_t organisation_id;	/* 0 = none */
	const char *function;	/* a key from the config, may be NULL */
	const char *login;	/* may be NULL */
	bool coordinator;
};
int store_person_insert(struct store *st, const struct actor *who,
    const struct person_new *p, int64_t *id, char **error);

/* The person whose login is login: 1 and an owned actor, 0 absent, -1 error. */
int store_actor_by_login(struct store *st, const char *login, struct actor **out,
    char **error);

/* ---- themes, groups and memberships (store_groups.c) ---- */

struct theme_new {
	const char *title;
	const char *description;
	int64_t proposer_id;
	struct date proposed_on;
	const char *group_type;		/* key */
	const char *orientation;	/* key, may be NULL */
	const char *status;		/* proposed, gathering, formed, archived */
};
int store_theme_insert(struct store *st, const struct actor *who,
    const struct theme_new *t, int64_t *id, char **error);

int store_interest_insert(struct store *st, const struct actor *who,
    int64_t theme_id, int64_t person_id, const struct date *on,
    bool manager_agreed, const char *remark, char **error);

struct group_new {
	const char *name;
	const char *type;		/* key */
	int64_t theme_id;		/* 0 = none */
	const char *question;
	const char *orientation;	/* key */
	struct date start_on;
	struct date planned_end_on;
	const char *rhythm;
	int hours_norm;
	const char *status;		/* forming, active, closed */
	const char *proposal_ref;	/* may be NULL */
};
int store_group_insert(struct store *st, const struct actor *who,
    const struct group_new *g, int64_t *id, char **error);

/* role: lead, member, expert, follower. end_on NULL = still a member. */
int store_membership_insert(struct store *st, const struct actor *who,
    int64_t group_id, int64_t person_id, const char *role,
    const struct date *start_on, const struct date *end_on, char **error);

/* One row of a group listing. Strings are borrowed for the callback only. */
struct group_row {
	int64_t id;
	const char *name;
	const char *type;
	const char *status;
	int members;		/* current members (leads, members, experts) */
};
typedef int (*store_group_cb)(const struct group_row *row, void *arg);

/* All groups by name; the callback returns non-zero to stop. */
int store_groups_each(struct store *st, const struct actor *who,
    const struct date *on, store_group_cb cb, void *arg, char **error);
/* The groups who belongs to on a date (any role but follower first). */
int store_groups_of(struct store *st, const struct actor *who,
    const struct date *on, store_group_cb cb, void *arg, char **error);

/* ---- meetings and attendance (store_meetings.c) ---- */

struct meeting_new {
	int64_t group_id;		/* 0 = network-wide */
	const char *title;		/* may be NULL */
	struct date day;
	int start_min, end_min;		/* minutes since midnight */
	const char *place;
	const char *agenda;
	const char *working_form;	/* key */
	const char *status;		/* planned, held, cancelled */
};
int store_meeting_insert(struct store *st, const struct actor *who,
    const struct meeting_new *m, int64_t *id, char **error);

/* status: present, late, excused, absent. minutes < 0 = the meeting's length. */
int store_attendance_set(struct store *st, const struct actor *who,
    int64_t meeting_id, int64_t person_id, const char *status, int minutes,
    const char *remark, char **error);

struct meeting_row {
	int64_t id;
	const char *group_name;	/* NULL for network-wide */
	const char *title;
	const char *starts_at;	/* "YYYY-MM-DDTHH:MM" */
	const char *ends_at;
	const char *place;
	const char *status;
};
typedef int (*store_meeting_cb)(const struct meeting_row *row, void *arg);

/* The next meetings of who's groups (and network-wide ones) from a moment on. */
int store_meetings_next(struct store *st, const struct actor *who,
    const char *from, int limit, store_meeting_cb cb, void *arg, char **error);

/* ---- intervision notes (store_notes.c) ---- */

struct note_new {
	int64_t meeting_id;
	const char *method;		/* key */
	int64_t contributor_id, chair_id, minute_taker_id;
	int64_t author_id;
};
int store_note_insert(struct store *st, const struct actor *who,
    const struct note_new *n, int64_t *id, char **error);
/* privacy: group, author, contributor */
int store_note_section_insert(struct store *st, const struct actor *who,
    int64_t note_id, int position, const char *phase, const char *body,
    const char *privacy, char **error);
int store_agreement_insert(struct store *st, const struct actor *who,
    int64_t note_id, const char *what, int64_t owner_id, const struct date *due,
    char **error);

/* Open follow-up agreements owned by who: count only (content is protected). */
int store_agreements_open_count(struct store *st, const struct actor *who,
    int *count, char **error);

/* ---- counts for the overview ---- */
struct store_counts {
	long people, organisations, themes, groups, meetings, notes;
};
int store_counts(struct store *st, struct store_counts *c, char **error);

#endif

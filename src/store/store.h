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

#include "core/access.h"
#include "core/actor.h"
#include "core/date.h"

struct store;

#define STORE_SCHEMA_VERSION 10

/*
 * Negative results of writes: every one comes with a message in *error.
 * Callers that do not care which test < 0.
 */
enum store_result {
	STORE_ERROR = -1,	/* the database failed (busy, disk, …) */
	STORE_CONFLICT = -2,	/* the row changed since it was read: reload */
	STORE_DENIED = -3,	/* the acting person may not do this */
	STORE_INVALID = -4,	/* the input breaks a rule */
	STORE_NOT_FOUND = -5	/* no such row */
};

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
/*
 * How long a write waits for another session's write before giving up
 * (STORE_ERROR, "busy"); 5 s unless changed. For batch work and tests that
 * measure lost updates, not waiting times.
 */
void store_busy_wait(struct store *st, int ms);
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

/* Move the WAL into the database when nobody is reading (PRAGMA wal_checkpoint(PASSIVE));
 * for idle moments. Never blocks; errors are ignored. */
void store_checkpoint(struct store *st);

/*
 * Run EXPLAIN QUERY PLAN on every statement of every store module and list
 * (in *report, one per line, allocated or NULL) each full scan of one of the
 * NULL-terminated large tables. Returns the number of such scans, or -1.
 * For tests: keeps "an index behind every screen's query" from rotting.
 * A statement whose text starts with a comment "scan ok: <why>" is skipped.
 */
int store_explain_all(struct store *st, const char *const *large_tables, char **report,
    char **error);

/*
 * For tests: how a search of everyone's people reads them (store_people.c):
 * 0 by how many match (the default), 1 always walking the names, 2 always
 * through the search index first.
 */
void store_people_search_way(struct store *st, int way);

/*
 * Write a consistent copy to path with VACUUM INTO (a read-only session uses
 * SQLite's backup API) while others keep working. A new file is created
 * private (umask 077); path may be an empty file, never a database.
 */
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

/* The active person whose login or email is given: 1 with *id and an owned
 * *name, 0 absent, -1 error. */
int store_person_lookup(struct store *st, const char *login_or_email, int64_t *id,
    char **name, char **error);

/* ---- the people directory (store_people.c) ---- */

struct people_filter {
	const char *search;		/* typed words, prefix-matched on name, email and
					 * organisation (diacritics folded); NULL = all */
	int64_t organisation_id;	/* 0 = any */
	bool inactive;			/* also deactivated people */
};

/* One row of the people list; strings borrowed for the callback only. */
struct person_row {
	int64_t id;
	const char *name;
	const char *organisation;	/* may be NULL */
	const char *function;		/* config key or free text, may be NULL */
	const char *email;		/* may be NULL */
	int groups;			/* current memberships, followers not counted */
	bool active;
};
typedef int (*store_person_cb)(const struct person_row *row, void *arg);

/*
 * A keyset page of people by name (anchor: a row's name and id; NULL = an
 * end), as store_groups_page. Erased people are never listed. Visitors get
 * STORE_DENIED.
 */
int store_people_page(struct store *st, const struct actor *who, const struct people_filter *f,
    const struct date *today, const char *anchor_name, int64_t anchor_id, bool inclusive,
    bool forward, int limit, store_person_cb cb, void *arg, char **error);

/* A person in full; strings owned, released by store_person_detail_clear. */
struct person_detail {
	int64_t id;
	char *name, *email, *function, *login;
	int64_t organisation_id;
	char *organisation;
	bool coordinator, active, erased;
	int version;
};
/* 1 found, 0 absent, -1 error (visitors: STORE_DENIED). */
int store_person_get(struct store *st, const struct actor *who, int64_t id,
    struct person_detail *out, char **error);
void store_person_detail_clear(struct person_detail *d);

/*
 * Add a person: name required, email valid and unused, login unused (each
 * refusal STORE_INVALID naming the field and, for a clash, who has it).
 * Coordinators only.
 */
int store_person_add(struct store *st, const struct actor *who, const struct person_new *p,
    int64_t *id, char **error);
/* Change name, email, organisation, function and login; version as read.
 * The person themself or a coordinator. */
int store_person_update(struct store *st, const struct actor *who,
    const struct person_detail *d, char **error);

/*
 * Remove a person as a coordinator: someone without any history (no
 * membership, registration, attendance, authored text) is deleted; anyone
 * else is deactivated (active = 0, history kept). 1 deleted, 2 deactivated,
 * or a negative store_result.
 */
int store_person_remove(struct store *st, const struct actor *who, int64_t id, int version,
    char **error);
/* Reactivate a deactivated person. */
int store_person_reactivate(struct store *st, const struct actor *who, int64_t id,
    int version, char **error);
/*
 * Erase a person's identity on request (privacy law): name, email, login,
 * function and organisation are dropped, remarks they made cleared, and the
 * audit log's summaries of their own rows, registrations and memberships name
 * "#ID" instead (whatever name they had then); memberships, attendance and
 * hours stay as anonymous counts. Coordinators only; cannot be undone.
 */
int store_person_erase(struct store *st, const struct actor *who, int64_t id, int version,
    char **error);

/* One membership interval of a person; strings borrowed. */
struct person_group_row {
	int64_t membership_id, group_id;
	const char *group_name, *role;
	const char *start_on, *end_on;	/* end_on NULL = open */
};
typedef int (*store_person_group_cb)(const struct person_group_row *row, void *arg);
/* Every membership of a person, current ones first, newest first. */
int store_person_groups(struct store *st, const struct actor *who, int64_t person_id,
    store_person_group_cb cb, void *arg, char **error);
/* One registration of a person; strings borrowed. */
struct person_theme_row {
	int64_t theme_id;
	const char *title, *status, *registered_on;
};
typedef int (*store_person_theme_cb)(const struct person_theme_row *row, void *arg);
/* The themes a person registered for, newest registration first. */
int store_person_themes(struct store *st, const struct actor *who, int64_t person_id,
    store_person_theme_cb cb, void *arg, char **error);
/* Minutes credited to a person between first and last (inclusive): present or late
 * at held meetings (attendance minutes, else the meeting's length). */
int store_person_minutes(struct store *st, const struct actor *who, int64_t person_id,
    const struct date *first, const struct date *last, long *minutes, char **error);

/* Organisations. */
struct org_row {
	int64_t id;
	const char *name, *kind;	/* kind: school, board, institute, municipality, other */
	const char *parent;		/* the board of a school, may be NULL */
	int64_t parent_id;
	int people;			/* active people */
	int version;
};
typedef int (*store_org_cb)(const struct org_row *row, void *arg);
/* Every organisation by name (a few thousand at most; paged by the caller's limit
 * from the anchor name/id as elsewhere, NULL anchor = first). */
int store_orgs_page(struct store *st, const struct actor *who, const char *search,
    const char *anchor_name, int64_t anchor_id, bool inclusive, bool forward, int limit,
    store_org_cb cb, void *arg, char **error);
/* Add (o) or change (id, version) an organisation (a NULL region keeps the one stored);
 * a school's parent must be a board.
 * Names are unique ignoring case. Coordinators only. */
int store_org_add(struct store *st, const struct actor *who, const struct org_new *o,
    int64_t *id, char **error);
int store_org_update(struct store *st, const struct actor *who, int64_t id, int version,
    const struct org_new *o, char **error);
/* The organisation named name (ignoring case): 1 with *id, 0 absent, -1. */
int store_org_by_name(struct store *st, const char *name, int64_t *id, char **error);

/* ---- importing people (store_people.c) ---- */

/* One person to import; text already validated (core/people_import.h). */
struct import_person_in {
	const char *name, *email, *organisation, *function, *login;	/* NULL = keep/none */
	long line;
};
struct import_totals {
	long added, updated, unchanged, organisations_added;
};
/*
 * Import people in one IMMEDIATE transaction: a person is matched by email
 * (ignoring case) and updated, else added; organisations are matched by
 * name (ignoring case) or added as kind "school". dry_run does everything
 * and rolls back. On any failure nothing is kept; *error names the line.
 * Coordinators only.
 */
int store_people_import(struct store *st, const struct actor *who,
    const struct import_person_in *rows, size_t n, bool dry_run,
    struct import_totals *totals, char **error);

/* ---- rosters (store_roster.c) ---- */

enum roster_view {
	ROSTER_AT,		/* the intervals that contain the date */
	ROSTER_FORMER,		/* who was on it before the date but is not on that day: their earlier intervals */
	ROSTER_HISTORY		/* every interval */
};

/* One interval of a roster; strings borrowed for the callback only. */
struct roster_row {
	int64_t membership_id, person_id;
	const char *name;		/* "#ID" for an erased person */
	const char *organisation, *function, *email;	/* may be NULL */
	const char *role;		/* lead, member, expert, follower */
	const char *start_on, *end_on;	/* end_on NULL = open */
	bool erased;
};
typedef int (*store_roster_cb)(const struct roster_row *row, void *arg);

/*
 * The roster of a group on a date: ROSTER_AT by role (lead, member, expert,
 * follower) then name; ROSTER_FORMER and ROSTER_HISTORY by name then start.
 * Any known person may list it; email is only given to those who may export
 * it (ACCESS_ROSTER_EXPORT), else NULL.
 */
int store_roster_each(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *on, enum roster_view view, store_roster_cb cb, void *arg,
    char **error);
/* Rows delivered for export: STORE_DENIED unless ACCESS_ROSTER_EXPORT. */
int store_roster_export(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *on, store_roster_cb cb, void *arg, char **error);

/*
 * Add person to group with role from start (a rejoin opens a new interval):
 * refused (STORE_INVALID) when it overlaps one of their intervals in the
 * group, or the person is deactivated. Leads of the group and coordinators.
 */
int store_roster_add(struct store *st, const struct actor *who, int64_t group_id,
    int64_t person_id, const char *role, const struct date *start, char **error);
/* End an open membership on end (its last day). STORE_CONFLICT when it was
 * ended or changed meanwhile. */
int store_roster_end(struct store *st, const struct actor *who, int64_t membership_id,
    const struct date *end, char **error);
/* Change the role of an open membership from a date on: the interval ends the
 * day before and a new one opens (same day as its start: changed in place),
 * so the roster of earlier dates stays exact. old_role as read (else CONFLICT). */
int store_roster_set_role(struct store *st, const struct actor *who, int64_t membership_id,
    const char *old_role, const char *role, const struct date *from, char **error);

/* ---- offline snapshot (store_roster.c) ---- */

/*
 * Write a self-contained copy to path holding only the given groups (their
 * rosters, meetings, attendance), network-wide meetings, organisations, the
 * themes, and the people on those rosters: no intervision notes, no audit
 * log, no registrations or personal data of anyone else. Every group must be
 * exportable by who (ACCESS_ROSTER_EXPORT). path: new or empty file.
 */
int store_snapshot(struct store *st, const struct actor *who, const char *path,
    const int64_t *group_ids, size_t n, char **error);

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

/* The groups who belongs to on a date (any role but follower first). */
int store_groups_of(struct store *st, const struct actor *who,
    const struct date *on, store_group_cb cb, void *arg, char **error);

/* ---- the theme catalogue (store_themes.c) ---- */

enum theme_sort { THEME_SORT_TITLE, THEME_SORT_STATUS, THEME_SORT_INTEREST };

struct theme_filter {
	const char *status;	/* a status key, or NULL for all */
	const char *search;	/* typed words, prefix-matched on title and description */
	enum theme_sort sort;
};

/* One row of the catalogue; strings borrowed for the callback only. */
struct theme_row {
	int64_t id;
	const char *title;
	const char *status;
	const char *proposer;	/* name, may be NULL */
	const char *group_type;	/* key */
	int interest;		/* registrations */
	int groups;		/* groups formed from it */
	int sort_key;		/* for keyset paging: pass the row back as anchor */
};
typedef int (*store_theme_cb)(const struct theme_row *row, void *arg);

/* The anchor of keyset paging: a row's position in the sort order. */
struct theme_anchor {
	int sort_key;
	const char *title;
	int64_t id;
};

/*
 * A page of the catalogue in display order: at most limit rows after the
 * anchor (forward) or before it (backward, still delivered in display
 * order). anchor NULL = from the first (forward) or last (backward) row;
 * inclusive also delivers the anchor row itself.
 */
int store_themes_page(struct store *st, const struct actor *who,
    const struct theme_filter *f, const struct theme_anchor *anchor, bool inclusive,
    bool forward, int limit, store_theme_cb cb, void *arg, char **error);

/* A theme in full; strings owned, released by store_theme_detail_clear. */
struct theme_detail {
	int64_t id;
	char *title, *description, *status, *group_type, *orientation;
	int64_t proposer_id;
	char *proposer;
	struct date proposed_on;
	int interest;
	int version;
};
/* 1 found, 0 absent, -1 error. */
int store_theme_get(struct store *st, const struct actor *who, int64_t id,
    struct theme_detail *out, char **error);
void store_theme_detail_clear(struct theme_detail *d);

/* Change title, description, type and orientation; version as read. */
int store_theme_update(struct store *st, const struct actor *who,
    const struct theme_detail *d, char **error);
/* Archive or restore (status archived / back to gathering or proposed). */
int store_theme_set_status(struct store *st, const struct actor *who, int64_t id,
    int version, const char *status, char **error);

/* One registration; strings borrowed for the callback. */
struct interest_row {
	int64_t person_id;
	const char *name, *organisation, *function;
	const char *registered_on;	/* YYYY-MM-DD */
	bool manager_agreed;
	const char *remark;
};
typedef int (*store_interest_cb)(const struct interest_row *row, void *arg);
/* The registrations of a theme, by name. */
int store_interest_each(struct store *st, const struct actor *who, int64_t theme_id,
    store_interest_cb cb, void *arg, char **error);
/* Is person registered for theme? 1 yes, 0 no, -1 error. */
int store_interest_has(struct store *st, int64_t theme_id, int64_t person_id, char **error);
/*
 * Register person (who, or someone else when who is a coordinator) for a
 * theme: see store_interest_insert. A second registration is STORE_INVALID.
 */
int store_interest_withdraw(struct store *st, const struct actor *who, int64_t theme_id,
    int64_t person_id, char **error);

/* The groups formed from a theme (by name). */
int store_theme_groups_each(struct store *st, const struct actor *who, int64_t theme_id,
    store_group_cb cb, void *arg, char **error);

/* ---- forming groups and the group list (store_groups.c) ---- */

/*
 * Form a group in one transaction: the group, the leads' and members'
 * memberships from its start date, and the theme (when given) marked formed.
 * The caller has checked the rules (core/rules.h). Coordinators only.
 */
int store_group_form(struct store *st, const struct actor *who, const struct group_new *g,
    const int64_t *leads, size_t n_leads, const int64_t *members, size_t n_members,
    int64_t *id, char **error);

struct group_filter {
	const char *type;	/* key or NULL */
	const char *status;	/* key or NULL */
	int64_t theme_id;	/* 0 = any */
	bool mine;		/* only groups who belongs to today */
	const char *search;	/* prefix of words in the name */
};

/* One row of the groups screen; strings borrowed for the callback. */
struct group_list_row {
	int64_t id;
	const char *name, *type, *status;
	const char *leads;		/* names, comma-separated, may be NULL */
	int members;			/* current, without followers */
	const char *next_meeting;	/* YYYY-MM-DDTHH:MM or NULL */
	int minutes_held;		/* held meeting time this school year */
	int hours_norm;
};
typedef int (*store_group_list_cb)(const struct group_list_row *row, void *arg);

/* Keyset page by name (anchor: name and id of a row; NULL = an end). */
int store_groups_page(struct store *st, const struct actor *who, const struct group_filter *f,
    const struct date *today, const char *anchor_name, int64_t anchor_id, bool inclusive,
    bool forward, int limit, store_group_list_cb cb, void *arg, char **error);

/* A group in full; strings owned, released by store_group_detail_clear. */
struct group_detail {
	int64_t id;
	char *name, *type, *status, *question, *orientation, *rhythm, *proposal_ref;
	int64_t theme_id;
	char *theme;
	struct date start_on, planned_end_on;
	int hours_norm;
	int version;
};
int store_group_get(struct store *st, const struct actor *who, int64_t id,
    struct group_detail *out, char **error);
void store_group_detail_clear(struct group_detail *d);
/* Change the overview fields (name, question, orientation, dates, rhythm, norm). */
int store_group_update(struct store *st, const struct actor *who,
    const struct group_detail *d, char **error);
/* forming → active → closed, as core/rules.h allows. */
int store_group_set_status(struct store *st, const struct actor *who, int64_t id,
    int version, const char *status, char **error);

/* ---- a theme or group named on a command line (store_lookup.c) ---- */

#define STORE_LOOKUP_MAX 5	/* close matches offered at most */

/* A row that may have been meant; name owned. */
struct store_candidate {
	int64_t id;
	char *name;
};

/* The answer of a lookup; strings owned, released by store_lookup_clear. */
struct store_lookup {
	int64_t id;		/* found: the row */
	char *name;		/* found: its title or name */
	bool ambiguous;		/* not found because several rows match */
	struct store_candidate candidates[STORE_LOOKUP_MAX];
	size_t n_candidates;	/* when not found: close matches, best first */
};

/*
 * Resolve what someone typed to a theme (by title) or a group (by name):
 * all digits is an id; otherwise a title equal to text (ignoring ASCII
 * case) wins, then the one title that starts with text. Returns 1 found,
 * 0 not found or ambiguous (out->candidates then lists up to
 * STORE_LOOKUP_MAX close matches: the rows that share the prefix, or rows
 * whose title contains text or has words starting with its words), -1 error.
 */
int store_theme_lookup(struct store *st, const struct actor *who, const char *text,
    struct store_lookup *out, char **error);
int store_group_lookup(struct store *st, const struct actor *who, const char *text,
    struct store_lookup *out, char **error);
/* Release the strings of a lookup; NULL accepted. */
void store_lookup_clear(struct store_lookup *l);

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

/* ---- the calendar (store_calendar.c) ---- */

/* Which meetings a calendar, agenda or export shows. */
enum meeting_scope {
	MEETING_SCOPE_MINE,	/* groups who belongs to (any role, follower too) + network-wide */
	MEETING_SCOPE_GROUP,	/* one group (group_id) + nothing else */
	MEETING_SCOPE_PERSON,	/* groups person_id belongs to + network-wide (coordinators,
				 * or the person themself) */
	MEETING_SCOPE_ALL	/* the whole network (coordinators; others get STORE_DENIED) */
};

/* One meeting in a range; strings valid during the callback only. */
struct calendar_row {
	int64_t id;
	int64_t group_id;		/* 0: network-wide */
	const char *group_name;		/* NULL: network-wide */
	const char *title;		/* may be NULL */
	const char *starts_at;		/* "YYYY-MM-DDTHH:MM" */
	const char *ends_at;
	const char *place;		/* may be NULL */
	const char *agenda;		/* may be NULL (only when want_agenda) */
	const char *working_form;	/* key, may be NULL */
	const char *status;		/* planned, held, cancelled */
	int64_t series_id;		/* 0: none */
	int version;			/* goes up with every change (iCalendar SEQUENCE) */
	int more;			/* > 0: not a meeting but "n more on the day of starts_at"
					 * (id 0, only starts_at set) */
};
typedef int (*store_calendar_cb)(const struct calendar_row *row, void *arg);

struct calendar_query {
	enum meeting_scope scope;
	int64_t group_id;		/* MEETING_SCOPE_GROUP */
	int64_t person_id;		/* MEETING_SCOPE_PERSON */
	struct date first, last;	/* days of the start, both included */
	int per_day;			/* > 0: at most this many rows per day, then one "more" row */
	bool cancelled;			/* deliver cancelled meetings too */
	bool want_agenda;		/* fill agenda (export) */
	bool any_order;			/* the caller needs no order (iCalendar): a long range of
					 * the whole network is then read in table order */
	/* per_day 0 only: a keyset page — rows after (after, after_id), at most limit */
	const char *after;		/* "YYYY-MM-DDTHH:MM" or NULL: from first on */
	int64_t after_id;
	int limit;			/* 0: no limit */
};

/*
 * The meetings of q in start order (starts_at, id), day by day: only the
 * range is read, through the start index. The callback returns non-zero to
 * stop. 0, or a negative store_result with *error.
 */
int store_calendar_range(struct store *st, const struct actor *who,
    const struct calendar_query *q, store_calendar_cb cb, void *arg, char **error);

/* A meeting with everything its page shows; strings owned (meeting_free). */
struct meeting {
	int64_t id, group_id, series_id;	/* group_id 0: network-wide */
	char *group_name, *group_type;		/* NULL network-wide */
	char *title, *place, *agenda, *working_form, *status;
	struct date day;
	int start_min, end_min;
	int version;
	int64_t note_id;			/* 0: no intervision note */
	int rhythm_weeks;			/* the group's rhythm (0: none) */
	bool can_plan;				/* who may move, cancel, mark held */
	bool can_take;				/* who may take attendance */
	bool is_member;				/* who is on the roster that day (not follower) */
};
void meeting_clear(struct meeting *m);

/* 1 and *out, 0 when there is no such meeting, or a negative store_result. */
int store_meeting_get(struct store *st, const struct actor *who, int64_t id,
    struct meeting *out, char **error);

/*
 * Plan one meeting (ACCESS_MEETING_PLAN for m->group_id; network-wide
 * meetings: coordinators). End after start, a known working form, a title
 * for a network-wide meeting. *id may be NULL.
 */
int store_meeting_plan(struct store *st, const struct actor *who,
    const struct meeting_new *m, int64_t *id, char **error);

/*
 * Plan a series in one transaction: the template m on each of days[0..n-1]
 * (the caller generated and showed them); all share a series id (the first
 * meeting's id), returned in *series_id when not NULL.
 */
int store_meeting_plan_series(struct store *st, const struct actor *who,
    const struct meeting_new *m, const struct date *days, size_t n, int64_t *series_id,
    char **error);

/*
 * Change a meeting read at version: day, times, place, agenda, working form,
 * title from m (group and status are kept). With rest_of_series, every later
 * planned meeting of its series moves by the same number of days and takes
 * the same times and place. STORE_CONFLICT when someone changed it meanwhile.
 */
int store_meeting_update(struct store *st, const struct actor *who, int64_t id, int version,
    const struct meeting_new *m, bool rest_of_series, char **error);

/*
 * Set the status (planned, held, cancelled) of a meeting read at version;
 * with rest_of_series (cancel only) also every later planned meeting of the
 * series. Marking held a meeting that has not started is refused.
 */
int store_meeting_set_status(struct store *st, const struct actor *who, int64_t id,
    int version, const char *status, bool rest_of_series, char **error);

/* What planning a meeting would clash with, shown before saving. */
enum meeting_conflict_kind {
	CONFLICT_HOLIDAY,	/* the day lies in a school holiday (filled by the caller) */
	CONFLICT_GROUP,		/* another meeting of the same group overlaps */
	CONFLICT_MEMBER,	/* a member has another meeting then */
	CONFLICT_NETWORK	/* a network-wide meeting overlaps */
};
struct meeting_conflict {
	enum meeting_conflict_kind kind;
	const char *person_name;	/* CONFLICT_MEMBER */
	const char *group_name;		/* the other meeting's group; NULL network-wide */
	const char *title;		/* the other meeting's title, may be NULL */
	const char *starts_at, *ends_at;
	int64_t meeting_id;
};
typedef int (*store_conflict_cb)(const struct meeting_conflict *c, void *arg);

/*
 * Meetings (not cancelled, not exclude_id) overlapping day start..end: of
 * group_id itself, and of other groups of the people on group_id's roster
 * that day (lead, member, expert) plus network-wide ones. At most limit.
 */
int store_meeting_conflicts(struct store *st, int64_t group_id, const struct date *day,
    int start_min, int end_min, int64_t exclude_id, int limit,
    store_conflict_cb cb, void *arg, char **error);

/* One row of a meeting's attendance list: the roster on the meeting's day. */
struct attendance_row {
	int64_t person_id;
	const char *name;
	const char *role;		/* lead, member, expert */
	const char *status;		/* present, late, excused, absent; NULL: not taken */
	int minutes;			/* < 0: none entered */
	const char *remark;		/* may be NULL */
	bool planned;			/* entered beforehand (a planned absence) */
	int credited;			/* minutes credited (held meetings) */
};
typedef int (*store_attendance_cb)(const struct attendance_row *r, void *arg);

/*
 * The roster of the meeting's group on its day (followers left out), by
 * role then name, with attendance where taken. Anyone who may see the
 * roster; network-wide meetings list those with an attendance row.
 */
int store_attendance_list(struct store *st, const struct actor *who, int64_t meeting_id,
    store_attendance_cb cb, void *arg, char **error);

/*
 * Record attendance of person_id at a meeting: the lead of the group or a
 * coordinator (ACCESS_ATTENDANCE_TAKE; present and late from the meeting's
 * day on, absences also before it), or a member for themself before the
 * meeting begins (a planned absence: "excused" only, planned = 1), who may
 * take back only such a row of their own, never what the lead entered. Only
 * people on the roster that day. minutes < 0: none (present earns the
 * meeting's length); remark may be NULL. status NULL removes the row.
 */
int store_attendance_take(struct store *st, const struct actor *who, int64_t meeting_id,
    int64_t person_id, const char *status, int minutes, const char *remark, char **error);

/* ---- date polls (store_polls.c) ---- */

struct poll_row {
	int64_t id, group_id, meeting_id;	/* meeting_id 0: not picked */
	const char *group_name, *title, *status; /* open, closed */
	int slots, answers;			/* candidate slots; people who answered */
};
typedef int (*store_poll_cb)(const struct poll_row *r, void *arg);

/* The polls of group_id (0: of every group who belongs to), open first. */
int store_polls_list(struct store *st, const struct actor *who, int64_t group_id,
    store_poll_cb cb, void *arg, char **error);

struct poll_slot_new {
	struct date day;
	int start_min, end_min;
};
/* A poll with its candidate slots (ACCESS_MEETING_PLAN of group_id). */
int store_poll_create(struct store *st, const struct actor *who, int64_t group_id,
    const char *title, const struct poll_slot_new *slots, size_t n, int64_t *id, char **error);

/* The grid of a poll: slots × the group's roster (lead, member, expert) today. */
struct poll_grid {
	int64_t id, group_id, meeting_id;
	char *title, *status, *group_name;
	size_t n_slots, n_people;
	int64_t *slot_ids;		/* n_slots */
	char **slot_starts, **slot_ends;/* "YYYY-MM-DDTHH:MM" */
	int64_t *person_ids;		/* n_people */
	char **person_names;
	char *answers;			/* n_slots * n_people: 'y', 'm', 'n' or '?' (row = slot) */
	int *yes, *maybe, *no;		/* per slot */
	bool can_pick;			/* who may pick and close */
	int me;				/* who's index in person_ids, -1: not on the roster */
};
void poll_grid_clear(struct poll_grid *g);
/* 1 and *out, 0 when there is no such poll, or a negative store_result. */
int store_poll_get(struct store *st, const struct actor *who, int64_t poll_id,
    struct poll_grid *out, char **error);

/* who's own answer ("yes", "maybe", "no") for a slot of an open poll. */
int store_poll_answer(struct store *st, const struct actor *who, int64_t slot_id,
    const char *answer, char **error);

/*
 * Close a poll (ACCESS_MEETING_PLAN). slot_id > 0: the slot becomes a planned
 * meeting of the group (place, working form from m when not NULL), *meeting_id
 * receives it. The answers are kept.
 */
int store_poll_close(struct store *st, const struct actor *who, int64_t poll_id,
    int64_t slot_id, const char *place, const char *working_form, int64_t *meeting_id,
    char **error);

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
/* A follow-up agreement of a note, open; *id when id is not NULL. */
int store_agreement_insert(struct store *st, const struct actor *who,
    int64_t note_id, const char *what, int64_t owner_id, const struct date *due,
    int64_t *id, char **error);
/*
 * For loading data written elsewhere (the demo, the benchmark generator):
 * agreement_id was reviewed in the later note reviewed_in as done, continued
 * or dropped, without a draft to review it in. Coordinators only.
 */
int store_agreement_reviewed(struct store *st, const struct actor *who, int64_t agreement_id,
    const char *status, int64_t reviewed_in, char **error);

/* Open follow-up agreements owned by who: count only (content is protected). */
int store_agreements_open_count(struct store *st, const struct actor *who,
    int *count, char **error);

/* ---- reading, writing and finding intervision notes (store_notes.c) ----
 *
 * Every call decides with core/access.h (access_note_section,
 * access_note_session) what who may see: a section's text only as a member
 * of the group on the meeting's date (private sections: their author or the
 * contributor; drafts: their author); that a session took place also as a
 * coordinator or follower. Text that may not be read is never returned.
 */

/* One session (a meeting of one of who's groups); strings borrowed. */
struct note_session_row {
	int64_t meeting_id, note_id;	/* note_id 0: no note yet */
	int64_t group_id;
	const char *group_name;
	const char *starts_at;		/* "YYYY-MM-DDTHH:MM" */
	const char *method;		/* key, NULL without a note */
	const char *contributor;	/* name, may be NULL */
	const char *status;		/* draft, final, NULL without a note */
	int open_agreements;
	bool may_read;			/* who may read its (group) text */
	bool may_write;			/* who may start or continue the note */
};
typedef int (*store_note_session_cb)(const struct note_session_row *row, void *arg);

/*
 * The meetings of the groups who is in today (any role) that have a note,
 * and those of who's groups without a note that who may write (held, or on
 * or before today), newest first; coordinators with all: every group's
 * sessions with a note. At most limit rows.
 */
int store_note_sessions(struct store *st, const struct actor *who, bool all,
    const struct date *today, int limit, store_note_session_cb cb, void *arg, char **error);

/* A section as who may see it; body NULL when who may not read it. Owned. */
struct note_section_view {
	int64_t id;
	int position;
	char *phase;
	enum note_privacy privacy;
	char *body;
	int64_t author_id;
};

/* A follow-up agreement as who may see it; what NULL when hidden. Owned. */
struct agreement_view {
	int64_t id, note_id, owner_id;
	char *what, *owner, *status, *remark;
	char *due_on;			/* "YYYY-MM-DD" or NULL */
	char *session_day;		/* the day of the session that made it */
};

/* A note as who may see it; strings owned (store_note_view_clear). */
struct note_view {
	int64_t note_id, meeting_id, group_id;
	char *group_name, *starts_at, *method, *status, *updated_at;
	int64_t contributor_id, chair_id, minute_taker_id, author_id;
	int64_t next_contributor_id, next_chair_id;
	char *contributor, *chair, *minute_taker, *author, *next_contributor, *next_chair;
	bool may_read;			/* any text at all is readable by who */
	bool may_write;			/* who is the author of this draft */
	int present, attendance;	/* present or late / attendance rows */
	struct note_section_view *sections;
	size_t n_sections;
	struct agreement_view *agreements;	/* made in this session */
	size_t n_agreements;
	int version;
};

/*
 * The note of a meeting: 1 with *out, 0 when the meeting has none (out
 * still names the meeting's group and time), STORE_DENIED when who may not
 * even see the session, or another negative store_result.
 */
int store_note_get(struct store *st, const struct actor *who, int64_t meeting_id,
    struct note_view *out, char **error);
void store_note_view_clear(struct note_view *v);

/* Starting a note: the meeting, the method with its phases (one section each), the roles. */
struct note_start {
	int64_t meeting_id;
	const char *method;		/* a key of the config's methods */
	const char *const *phases;	/* the method's phase labels, in order */
	size_t n_phases;
	int64_t contributor_id, chair_id, minute_taker_id;	/* 0 = not named */
};
/*
 * Start the note of a meeting as a draft written by who (a member of the
 * group on the meeting's date: ACCESS_NOTE_WRITE). When who already has a
 * draft for it, that draft's id is returned with 1 (offer it again); a
 * note by someone else, or a final one, is STORE_INVALID. 0 when started.
 */
int store_note_start(struct store *st, const struct actor *who, const struct note_start *n,
    int64_t *note_id, char **error);
/* Save a section's text and privacy (the draft's author only); for autosave too. */
int store_note_section_save(struct store *st, const struct actor *who, int64_t section_id,
    const char *body, enum note_privacy privacy, char **error);
/* Add a follow-up agreement to a draft: what, owner (on the roster), due date (may be NULL). */
int store_note_agreement_add(struct store *st, const struct actor *who, int64_t note_id,
    const char *what, int64_t owner_id, const struct date *due, int64_t *id, char **error);
/* Remove an agreement the draft made (a slip). */
int store_note_agreement_remove(struct store *st, const struct actor *who, int64_t agreement_id,
    char **error);
/*
 * The look-back: the open (or continued) agreements of the group's earlier
 * sessions (before the note's meeting) that who may read, oldest first.
 */
typedef int (*store_agreement_cb)(const struct agreement_view *a, void *arg);
int store_note_lookback(struct store *st, const struct actor *who, int64_t note_id,
    store_agreement_cb cb, void *arg, char **error);
/* Mark an earlier agreement done, continued or dropped, with a remark, in this draft. */
int store_note_review(struct store *st, const struct actor *who, int64_t note_id,
    int64_t agreement_id, const char *status, const char *remark, char **error);
/* Finish the draft: the next contributor and chair (0 = not yet), status final. */
int store_note_finish(struct store *st, const struct actor *who, int64_t note_id,
    int64_t next_contributor_id, int64_t next_chair_id, char **error);

/* One search hit; strings borrowed. The snippet marks the words found with [ and ]. */
struct note_hit {
	int64_t meeting_id, section_id;
	const char *group_name, *starts_at, *phase, *snippet;
};
typedef int (*store_note_hit_cb)(const struct note_hit *hit, void *arg);
/* Search the text of the sections who may read (typed words match the starts of words,
 * case and accents folded: core/textmatch.h), newest first. */
int store_note_search(struct store *st, const struct actor *who, const char *query, int limit,
    store_note_hit_cb cb, void *arg, char **error);

/* One of who's own agreements; strings borrowed. */
struct my_agreement_row {
	int64_t id, meeting_id;
	const char *what, *group_name, *session_day, *due_on, *status;
	bool overdue;
};
typedef int (*store_my_agreement_cb)(const struct my_agreement_row *row, void *arg);
/* The open and continued agreements owned by who, by due date (none last). */
int store_agreements_mine(struct store *st, const struct actor *who, const struct date *today,
    store_my_agreement_cb cb, void *arg, char **error);

/* ---- the audit log (store_audit.c) ---- */

/*
 * Who made the latest change to row id of entity ("theme", "group", …) and
 * when, for "changed by NAME at TIME". Returns 1 with an owned *who_name
 * (the person's name, else the login; NULL when nobody was recorded) and an
 * owned *at ("YYYY-MM-DDTHH:MM:SS", local time); 0 when the log has no such
 * row (both NULL); -1 on error. Needs no rights: it names only who and when.
 */
int store_last_change(struct store *st, const char *entity, int64_t id, char **who_name,
    char **at, char **error);

/* Which rows of the log to list; zero-initialised = all. */
struct audit_filter {
	struct date since;	/* from this day on; an invalid date (all zero) = always */
	int64_t person_id;	/* only this person's changes; 0 = everyone */
	const char *login;	/* when person_id is 0: only the changes of the person with
				 * this login, or, when nobody has it, of this login */
	const char *entity;	/* "theme", "group", …; NULL = every kind */
};

/* One row of the log; strings borrowed for the callback only. */
struct audit_row {
	int64_t id;
	const char *at;		/* "YYYY-MM-DDTHH:MM:SS", local time */
	const char *who;	/* the person's name, else the login; may be NULL */
	const char *login;	/* may be NULL */
	const char *action;	/* insert, update, register, withdraw, a new status, … */
	const char *entity;
	int64_t entity_id;	/* 0 = none */
	const char *summary;	/* may be NULL */
};
typedef int (*store_audit_cb)(const struct audit_row *row, void *arg);

/* A row's place in the log, for keyset paging: pass back a row's at and id. */
struct audit_anchor {
	const char *at;
	int64_t id;
};

/*
 * A page of the log, newest first (by at, then id): at most limit rows
 * after the anchor (forward: older) or before it (backward: newer, still
 * delivered newest first). anchor NULL = from the newest (forward) or the
 * oldest (backward) row; inclusive also delivers the anchor row itself.
 * Coordinators only: anyone else gets STORE_DENIED and a message. The
 * callback returns non-zero to stop. 0, or a negative store_result.
 */
int store_audit_page(struct store *st, const struct actor *who, const struct audit_filter *f,
    const struct audit_anchor *anchor, bool inclusive, bool forward, int limit,
    store_audit_cb cb, void *arg, char **error);

/* ---- hours (store_hours.c) ---- */

/* One attendance row of a held meeting, with what it earns (core/hours.h). */
struct hours_row {
	int64_t meeting_id;
	int64_t group_id;		/* 0 for a network-wide meeting */
	const char *group_name;		/* NULL for a network-wide meeting */
	const char *group_type;		/* the config's key; NULL network-wide */
	int group_norm;			/* grp.hours_norm (0 = the type's norm applies) */
	const char *starts_at;		/* "YYYY-MM-DDTHH:MM" */
	const char *ends_at;
	int duration;			/* minutes the meeting lasted */
	const char *status;		/* present, late, excused, absent */
	int credited;			/* minutes credited (hours_credited) */
	const char *role;		/* lead, member, expert, follower on the day; NULL: none */
};
/* Text in a row is valid during the callback only; non-zero stops. */
typedef int (*store_hours_cb)(const struct hours_row *row, void *arg);

/*
 * The hours statement of person_id from first to last (dates of the
 * meetings' start, both included): one row per held meeting the person has
 * an attendance row for, excused and absent ones too (credited 0), in date
 * order; group_id 0 = every group. Planned and cancelled meetings are not
 * delivered. Reads attendance, meetings and memberships, never a note.
 * Access (ACCESS_HOURS_VIEW): the person themself and coordinators see
 * everything; a lead (today) of one of the person's groups sees only the
 * rows of the groups they lead; anyone else gets STORE_DENIED.
 * 0, or a negative store_result with *error.
 */
int store_hours_each(struct store *st, const struct actor *who, int64_t person_id,
    int64_t group_id, const struct date *first, const struct date *last,
    store_hours_cb cb, void *arg, char **error);

/*
 * The hours a group's members earned at its held meetings from first to
 * last: cb gets one call per attendance row (person, minutes credited) —
 * add them up per person. The group's leads and coordinators only
 * (ACCESS_HOURS_VIEW); others get STORE_DENIED.
 */
typedef int (*store_group_hours_cb)(int64_t person_id, int minutes, void *arg);
int store_group_hours(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *first, const struct date *last, store_group_hours_cb cb, void *arg,
    char **error);

/* ---- updates and followers (#9; store_updates.c) ---- */
/*
 * A group's news (update_post, update_read) and its followers (membership
 * rows of role follower). Who reads a group's updates: its members and
 * followers of today, its leads, and coordinators; anyone else gets
 * STORE_DENIED with a sentence saying whether they can follow the group.
 * Who posts (ACCESS_UPDATE_POST): a lead of the group today, a coordinator,
 * or a member (lead, member, expert) when the group allows it
 * (grp.members_may_post); never in a closed group. The author while still
 * in the group (lead, member, expert), a lead of the group today or a
 * coordinator edits or deletes a post. An update is unread for someone who
 * has not opened it and it was posted on or after the day their current
 * membership (or following) began: older posts are history, not news.
 * Every write is audited (entity "update_post", "membership" or "group";
 * the summary is a title or a name, never the text).
 */
#define UPDATE_TITLE_MAX 200	/* characters */
#define UPDATE_TEXT_MAX 4000	/* characters */

/* Who's standing towards a group's updates today. */
struct update_standing {
	bool closed;			/* the group is closed */
	bool members_may_post;		/* the group's settings */
	bool open_to_followers;
	int group_version;		/* grp.version, for store_update_settings */
	bool lead, member, follower;	/* today; member: lead, member or expert */
	bool may_read, may_post;
	bool may_settle;		/* may switch the settings (a lead or coordinator) */
	bool may_follow;		/* could follow now (not in it, open, not closed) */
	int unread;			/* unread updates (0 when !may_read) */
};
/* 1 found (*out filled), 0 no such group (error set), -1 error. */
int store_update_standing(struct store *st, const struct actor *who, int64_t group_id,
    struct update_standing *out, char **error);

/* One update; strings borrowed for the callback only. */
struct update_row {
	int64_t id, group_id, author_id;	/* author_id 0: unknown */
	const char *group_name;
	const char *author;		/* name ("#ID" when erased); NULL when unknown */
	const char *posted_at;		/* "YYYY-MM-DDTHH:MM" */
	const char *title, *body;
	bool unread;
	int version;
	bool may_change;		/* who may edit or delete it: a coordinator, a lead of the
					 * group today, or its author while still in the group */
	bool group_closed;		/* its group is closed: it can be deleted, not edited */
};
typedef int (*store_update_cb)(const struct update_row *row, void *arg);

/* A row's place in a list, for keyset paging: pass back a row's posted_at and id. */
struct update_anchor {
	const char *posted_at;
	int64_t id;
};

/*
 * A page of updates, newest first (posted_at, then id): of group_id (who
 * must be allowed to read it), or with group_id 0 of every group who is in
 * today (any role, followers too). At most limit rows after the anchor
 * (forward: older) or before it (backward: newer, still delivered newest
 * first); anchor NULL = from the newest (forward) or oldest (backward) row;
 * inclusive also delivers the anchor row. cb returns non-zero to stop.
 * 0, or a negative store_result with *error.
 */
int store_updates_page(struct store *st, const struct actor *who, int64_t group_id,
    const struct update_anchor *anchor, bool inclusive, bool forward, int limit,
    store_update_cb cb, void *arg, char **error);
/* The number of unread updates of group_id (0: of all who's groups today). */
int store_updates_unread(struct store *st, const struct actor *who, int64_t group_id,
    int *count, char **error);
/*
 * The updates posted on or after since, oldest first: of group_id, or with
 * 0 of every group who is in today, grouped by group (by name). For a digest.
 */
int store_updates_since(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *since, store_update_cb cb, void *arg, char **error);
/* One update in full (the row's strings valid during cb); STORE_NOT_FOUND, STORE_DENIED. */
int store_update_get(struct store *st, const struct actor *who, int64_t id,
    store_update_cb cb, void *arg, char **error);

/* Post an update now as who: title 1..UPDATE_TITLE_MAX, body up to UPDATE_TEXT_MAX
 * characters (may be empty). *id (may be NULL) receives the new row. */
int store_update_post(struct store *st, const struct actor *who, int64_t group_id,
    const char *title, const char *body, int64_t *id, char **error);
/* Change title and body; version as read (stale: STORE_CONFLICT). */
int store_update_edit(struct store *st, const struct actor *who, int64_t id, int version,
    const char *title, const char *body, char **error);
/* Delete an update and its read marks; version as read. */
int store_update_delete(struct store *st, const struct actor *who, int64_t id, int version,
    char **error);
/* who has opened the update (a reader only; a second time changes nothing). */
int store_update_mark_read(struct store *st, const struct actor *who, int64_t id,
    char **error);
/*
 * Load an update written earlier by author_id at posted_at ("YYYY-MM-DDTHH:MM")
 * into group_id, marked read for its author: for the demo and imports.
 * Coordinators only.
 */
int store_update_insert_as(struct store *st, const struct actor *who, int64_t group_id,
    int64_t author_id, const char *posted_at, const char *title, const char *body,
    int64_t *id, char **error);

/*
 * Follow group_id from today (a membership of role follower): any known
 * person, when the group is open to followers and not closed and who is not
 * on its roster today or later (a member reads anyway). STORE_INVALID or
 * STORE_DENIED with a sentence otherwise.
 */
int store_group_follow(struct store *st, const struct actor *who, int64_t group_id,
    char **error);
/*
 * Stop following: the follower interval ends yesterday (or is removed when
 * it began today), so the rosters of earlier days stay exact.
 */
int store_group_unfollow(struct store *st, const struct actor *who, int64_t group_id,
    char **error);
/* Switch who may post and whether the group takes followers; a lead of the
 * group or a coordinator; version: grp.version as read. */
int store_update_settings(struct store *st, const struct actor *who, int64_t group_id,
    int version, bool members_may_post, bool open_to_followers, char **error);
/* ---- end of updates ---- */

/* ---- products and the knowledge-sharing day programme (#9; store_products.c) ---- */
/* The kinds of product, as stored, in the order forms offer them; NULL-terminated. */
extern const char *const store_product_kinds[];
/* The English label of a kind, for translation: "guide", "lesson series", …; the key when
 * unknown. */
const char *store_product_kind_label(const char *kind);

/* A product as typed (add and edit). */
struct product_in {
	const char *title;		/* 1..200 characters */
	const char *kind;		/* a key of store_product_kinds */
	const char *description;	/* short, may be NULL */
	const char *link;		/* a URL or a file path, may be NULL */
	const char *status;		/* draft, published */
	struct date published_on;	/* all zero: none (publishing then sets today); not after
					 * today; a draft has none */
};

/*
 * Add a product to group_id (added_by who, added_on today) or change one
 * read at version (STORE_CONFLICT when someone changed it meanwhile). Members
 * and leads of the group today and coordinators (ACCESS_PRODUCT_EDIT).
 */
int store_product_add(struct store *st, const struct actor *who, int64_t group_id,
    const struct product_in *p, int64_t *id, char **error);
int store_product_update(struct store *st, const struct actor *who, int64_t id, int version,
    const struct product_in *p, char **error);
/* Publish (published_on today unless it has one) or take back to draft (no date). */
int store_product_set_status(struct store *st, const struct actor *who, int64_t id,
    int version, const char *status, char **error);
/* May who add and change the products of group_id today (ACCESS_PRODUCT_EDIT)? */
bool store_product_may_edit(struct store *st, const struct actor *who, int64_t group_id);

/* A product in full; strings owned, released by store_product_detail_clear. */
struct product_detail {
	int64_t id, group_id;
	char *group_name, *theme;		/* theme: NULL when the group has none */
	char *title, *kind, *description, *link, *status;
	char *published_on, *added_on;		/* "YYYY-MM-DD" or NULL */
	char *added_by;				/* name, or NULL */
	int version;
	bool may_edit;				/* who may change it */
};
/* 1 and *out, 0 when absent (a draft counts as absent for who may not edit it), or < 0. */
int store_product_get(struct store *st, const struct actor *who, int64_t id,
    struct product_detail *out, char **error);
void store_product_detail_clear(struct product_detail *d);

/* One product of a list; strings borrowed for the callback only. */
struct product_row {
	int64_t id, group_id;
	const char *title, *kind, *status;
	const char *published_on;		/* "YYYY-MM-DD", NULL for a draft */
	const char *group_name, *theme;		/* theme may be NULL */
};
typedef int (*store_product_cb)(const struct product_row *r, void *arg);

/*
 * The products of a group (drafts first, then the newest published), at most
 * limit (<= 0: all); drafts only for who may edit them. *total (may be NULL)
 * receives how many who sees in all. Any known person.
 */
int store_group_products(struct store *st, const struct actor *who, int64_t group_id,
    int limit, store_product_cb cb, void *arg, int *total, char **error);

/* Which published products the network's list shows; zero-initialised = all. */
struct product_filter {
	const char *search;	/* typed words, each a prefix of a word of the title or
				 * description (case and diacritics folded) */
	const char *kind;	/* a kind key or NULL */
	int64_t theme_id;	/* 0 = any */
	int school_year;	/* published in the school year starting 1 August of this
				 * year; 0 = any */
};
/* A row's place in the list, for keyset paging: pass back its published_on and id. */
struct product_anchor {
	const char *published_on;
	int64_t id;
};
/*
 * A page of the network's published products, newest first (published_on,
 * id): at most limit after the anchor (forward: older) or before it
 * (backward: newer, still delivered newest first); anchor NULL = from the
 * newest (forward) or the oldest (backward); inclusive also delivers the
 * anchor. Drafts are never listed here, not even for coordinators (they
 * see them on the groups' pages). Any known person; visitors STORE_DENIED.
 */
int store_products_page(struct store *st, const struct actor *who,
    const struct product_filter *f, const struct product_anchor *anchor, bool inclusive,
    bool forward, int limit, store_product_cb cb, void *arg, char **error);
/*
 * The product of group_id whose title is text (ignoring case) or, failing
 * that, the one whose title starts with text: 1 with *id, 0 none or several
 * (STORE_INVALID message in *error), < 0 on an error. Drafts only for who may
 * edit them.
 */
int store_product_lookup(struct store *st, const struct actor *who, int64_t group_id,
    const char *text, int64_t *id, char **error);

/* A presentation slot of the knowledge-sharing day, as typed. */
struct slot_in {
	int64_t group_id;	/* active or closed, not forming */
	int64_t product_id;	/* a published product of the group; 0 = none */
	int start_min, end_min;	/* minutes since midnight, within the meeting's times */
	const char *room;	/* free text, may be NULL */
};
/*
 * Assign a group a slot of a network-wide meeting, change a slot read at
 * version, or remove it. Coordinators (ACCESS_PROGRAMME_EDIT). Refused
 * (STORE_INVALID, with a message): a meeting of a group or a cancelled one,
 * a slot outside the meeting's times, a second slot for the same group, a
 * slot overlapping another in the same room (ignoring case), a forming
 * group, a product of another group or a draft.
 */
int store_slot_add(struct store *st, const struct actor *who, int64_t meeting_id,
    const struct slot_in *s, int64_t *id, char **error);
int store_slot_update(struct store *st, const struct actor *who, int64_t slot_id, int version,
    const struct slot_in *s, char **error);
int store_slot_remove(struct store *st, const struct actor *who, int64_t slot_id, int version,
    char **error);

/* One slot of a programme; strings borrowed for the callback only. */
struct slot_row {
	int64_t id, meeting_id, group_id, product_id;	/* product_id 0: none */
	const char *starts_at, *ends_at;		/* "YYYY-MM-DDTHH:MM" */
	const char *room;				/* may be NULL */
	const char *group_name;
	const char *product_title, *product_kind;	/* NULL without a product */
	const char *leads;	/* the group's leads on the meeting's day, ", "-separated;
				 * may be NULL */
	int version;
};
typedef int (*store_slot_cb)(const struct slot_row *r, void *arg);
/* The programme of a meeting by start, then room. Public: any known person. */
int store_programme_each(struct store *st, const struct actor *who, int64_t meeting_id,
    store_slot_cb cb, void *arg, char **error);
/* ---- end of products ---- */

/* ---- budget requests (#9; store_budget.c) ---- */
/*
 * A group asks money for an outside specialist; a coordinator decides.
 * Amounts are whole cents (core/money.h). Who may:
 * - file a request: a lead of the group today, or a coordinator
 *   (ACCESS_BUDGET_REQUEST); the group must not be closed;
 * - change or withdraw it: while it is open, its requester, a lead of the
 *   group today or a coordinator; withdrawing deletes the row (the audit
 *   log keeps that it was filed and withdrawn); a decided request cannot
 *   be changed or withdrawn (STORE_INVALID says so);
 * - decide (approve or decline, a remark required when declining): a
 *   coordinator (ACCESS_BUDGET_DECIDE), on an open request only;
 * - read: the group's leads, members and experts today, the requester,
 *   and coordinators (never followers).
 * Every change names the version it read: a stale one is STORE_CONFLICT.
 */

#define BUDGET_TEXT_MAX 200	/* characters of a purpose or a specialist */
#define BUDGET_REMARK_MAX 1000	/* characters of a decision's remark */

/* What a lead asks; strings borrowed. */
struct budget_new {
	int64_t group_id;		/* ignored by store_budget_change */
	const char *purpose;		/* required, one line */
	const char *specialist;		/* name or organisation, may be NULL */
	int64_t cost_cents;		/* > 0, at most MONEY_MAX_CENTS */
	struct date needed_on;		/* all zero = not given; not before today */
};

/* File a request as who: requested_on today, status open. *id when not NULL. */
int store_budget_request(struct store *st, const struct actor *who, const struct budget_new *r,
    int64_t *id, char **error);
/* Change an open request (version as read). */
int store_budget_change(struct store *st, const struct actor *who, int64_t id, int version,
    const struct budget_new *r, char **error);
/* Withdraw (delete) an open request (version as read). */
int store_budget_withdraw(struct store *st, const struct actor *who, int64_t id, int version,
    char **error);
/* Approve (approve true) or decline an open request with a remark (required to
 * decline; may be NULL to approve); decided_by who, decided_on today. */
int store_budget_decide(struct store *st, const struct actor *who, int64_t id, int version,
    bool approve, const char *remark, char **error);

/* A request as stored, for the demo and imports (coordinators only): any status and
 * dates, no "not in the past" rule. decided_by 0 = nobody recorded. */
struct budget_record {
	struct budget_new r;
	int64_t requested_by;
	struct date requested_on;
	const char *status;		/* open, approved, declined */
	int64_t decided_by;
	struct date decided_on;		/* all zero for an open request */
	const char *remark;
};
int store_budget_insert(struct store *st, const struct actor *who,
    const struct budget_record *b, int64_t *id, char **error);

/* One request; strings borrowed for the callback only. */
struct budget_row {
	int64_t id, group_id, requested_by, decided_by;
	const char *group_name;
	const char *requester, *decider;	/* names, NULL when unknown */
	const char *requested_on;		/* "YYYY-MM-DD" */
	const char *needed_on, *decided_on;	/* "YYYY-MM-DD" or NULL */
	const char *purpose, *specialist;	/* specialist may be NULL */
	const char *status;			/* open, approved, declined */
	const char *remark;			/* the decision's, may be NULL */
	int64_t cost_cents;
	int version;
};
typedef int (*store_budget_cb)(const struct budget_row *r, void *arg);

/* Which requests to list; zero-initialised = every one who may see, any time. */
struct budget_query {
	int64_t group_id;	/* > 0: that group's only (the readers above) */
	const char *status;	/* NULL = all; "open", "approved", "declined", or "decided" */
	struct date first, last;	/* requested_on in this range (e.g. a school year);
					 * an invalid first (all zero) = any time */
};
/* A row's place in a list, for keyset paging: a row's requested_on and id. */
struct budget_anchor {
	const char *requested_on;
	int64_t id;
};
/*
 * A page of requests, newest first (requested_on, then id), as
 * store_audit_page pages (anchor NULL: from the newest (forward) or the
 * oldest; inclusive also delivers the anchor). With group_id 0:
 * coordinators get every group's, anyone else the requests of the groups
 * they lead or are a member or expert of today, and their own. With a
 * group_id: STORE_DENIED for who may not read that group's requests.
 */
int store_budget_page(struct store *st, const struct actor *who, const struct budget_query *q,
    const struct budget_anchor *anchor, bool inclusive, bool forward, int limit,
    store_budget_cb cb, void *arg, char **error);
/* One request: 1 and cb called once, 0 when absent or not readable by who, or < 0. */
int store_budget_get(struct store *st, const struct actor *who, int64_t id, store_budget_cb cb,
    void *arg, char **error);

/* Counts and sums (cents) per status of the requests q selects (q->status ignored). */
struct budget_totals {
	int open, approved, declined;
	int64_t open_cents, approved_cents, declined_cents;
};
int store_budget_totals(struct store *st, const struct actor *who, const struct budget_query *q,
    struct budget_totals *out, char **error);
/* May who read group_id's requests (its page shows them)? May who ask for budget for it? */
bool store_budget_may_read(struct store *st, const struct actor *who, int64_t group_id);
bool store_budget_may_request(struct store *st, const struct actor *who, int64_t group_id);
/* ---- end of budget ---- */

/* ---- the health scan and the signals of the coordinators' overview (#9; store_health.c) ---- */
/*
 * A scan is filled in once per term (core/health.h: 1 August – 31 January,
 * 1 February – 31 July) by a member or lead of the group (today) or a
 * coordinator, with a score 1–5 (and a remark) for every success factor of
 * the config — all of them, nothing else. A second scan in the same term is
 * refused (STORE_INVALID) unless replaces_id names the term's scan, which
 * it then replaces (deleted in the same transaction, audited "replace");
 * when the term's scan is not the one named, STORE_CONFLICT.
 */
#include "core/health.h"	/* struct health_score, struct health_row */

struct scan_new {
	int64_t group_id;
	struct date on;			/* year 0: today; never after today */
	int64_t filled_by;		/* 0: who (someone else: coordinators only) */
	int64_t replaces_id;		/* the term's scan as read; 0: none */
	const struct health_score *scores;
	size_t n;
	const char *const *factors;	/* the config's success factor keys */
	size_t n_factors;
};
int store_scan_save(struct store *st, const struct actor *who, const struct scan_new *sn,
    int64_t *id, char **error);

/* A scan as read; strings owned (store_scans_free). */
struct scan_factor_score {
	char *factor;			/* key; an old scan may hold a key the config dropped */
	int score;
	char *remark;			/* NULL: none */
};
struct scan {
	int64_t id;
	struct date filled_on;
	char *filled_by;		/* name, NULL: unknown */
	struct scan_factor_score *scores;
	size_t n;
};
/* A group's scans, newest first: members and leads (today) and coordinators. */
int store_scans_get(struct store *st, const struct actor *who, int64_t group_id,
    struct scan **out, size_t *n, char **error);
void store_scans_free(struct scan *v, size_t n);

/*
 * The facts of every active group on today (core/health.h; by name, with
 * name_rank set), counted by one aggregate statement per signal over this
 * school year: coordinators only (ACCESS_OVERVIEW). facts.hours_norm is the
 * group's own norm (0: the caller puts in its type's), expected_meetings
 * is left 0 for the caller (the config's); signals are the caller's to
 * compute. *rows owned: health_rows_free.
 */
int store_health_overview(struct store *st, const struct actor *who, const struct date *today,
    struct health_row **rows, size_t *n, char **error);
/* The same for one group (any status): its leads (today) and coordinators. 1, 0 absent, or
 * a negative store_result; out's strings owned (free name and type). */
int store_health_group(struct store *st, const struct actor *who, int64_t group_id,
    const struct date *today, struct health_row *out, char **error);
/* ---- end of health ---- */

/* ---- counts for the overview ---- */
struct store_counts {
	long people, organisations, themes, groups, meetings, notes;
};
int store_counts(struct store *st, struct store_counts *c, char **error);

#endif

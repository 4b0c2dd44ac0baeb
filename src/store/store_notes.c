/*
 * store_notes.c — intervision notes, their sections and follow-up agreements.
 *
 * Note content is confidential (DESIGN.md §2): every reader here decides
 * with core/access.h, per note and per section, what the acting person may
 * see, and returns nothing else. The SQL narrows the rows (membership on the
 * meeting's date) for speed; the access rules in core have the last word.
 * A draft's sections are saved as they are typed (autosave) without an
 * audit row each; starting and finishing a note are audited, by method.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/i18n.h"
#include "core/textmatch.h"
#include "core/validate.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	NOTES_INSERT,
	NOTES_SECTION_INSERT,
	NOTES_AGREEMENT_INSERT,
	NOTES_AGREEMENTS_OPEN_COUNT,
	NOTES_COUNTS,
	NOTES_RELATION,
	NOTES_HEAD,
	NOTES_SECTIONS,
	NOTES_AGREEMENTS_OF,
	NOTES_LOOKBACK,
	NOTES_OF_MEETING,
	NOTES_INSERT_DRAFT,
	NOTES_SECTION_NOTE,
	NOTES_SECTION_UPDATE,
	NOTES_TOUCH,
	NOTES_NOTE_FACTS,
	NOTES_AGREEMENT_NOTE,
	NOTES_AGREEMENT_DELETE,
	NOTES_REVIEW,
	NOTES_FINISH,
	NOTES_SESSIONS_MINE,
	NOTES_SESSIONS_ALL,
	NOTES_SEARCH,
	NOTES_MINE,
	NOTES__COUNT
};

#define NOTES_NOW "strftime('%Y-%m-%dT%H:%M', 'now', 'localtime')"
/* agreement columns: id, note, owner, what, owner's name, status, remark, due, day,
 * group, the note's author, contributor and status */
#define NOTES_AGREEMENT_COLUMNS \
	"SELECT a.id, a.note_id, a.owner_id, a.what, p.name, a.status, a.remark, a.due_on, " \
	"substr(mt.starts_at, 1, 10), mt.group_id, n.author_id, n.contributor_id, n.status " \
	"FROM agreement a JOIN note n ON n.id = a.note_id JOIN meeting mt ON mt.id = n.meeting_id " \
	"LEFT JOIN person p ON p.id = a.owner_id "
/* session columns: meeting, note, group, name, start, method, contributor, status,
 * open agreements, author, contributor id */
#define NOTES_SESSION_COLUMNS \
	"SELECT mt.id, n.id, mt.group_id, g.name, mt.starts_at, n.method, pc.name, n.status, " \
	"(SELECT count(*) FROM agreement a WHERE a.note_id = n.id " \
	" AND a.status IN ('open', 'continued')), n.author_id, n.contributor_id "

static const char *const notes_sql[NOTES__COUNT] = {
	[NOTES_INSERT] =
	    "INSERT INTO note (meeting_id, method, contributor_id, chair_id, minute_taker_id, "
	    "author_id, status, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'final', "
	    "strftime('%Y-%m-%dT%H:%M', 'now', 'localtime'))",
	[NOTES_SECTION_INSERT] =
	    "INSERT INTO note_section (note_id, position, phase, body, privacy, author_id) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[NOTES_AGREEMENT_INSERT] =
	    "INSERT INTO agreement (note_id, what, owner_id, due_on) VALUES (?1, ?2, ?3, ?4)",
	[NOTES_AGREEMENTS_OPEN_COUNT] =
	    "SELECT count(*) FROM agreement WHERE owner_id = ?1 AND status IN ('open','continued')",
	[NOTES_COUNTS] =
	    "/* scan ok: totals for reports and tests, never on a screen */ "
	    "SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM organisation), "
	    "(SELECT count(*) FROM theme), (SELECT count(*) FROM grp), "
	    "(SELECT count(*) FROM meeting), (SELECT count(*) FROM note)",
	/* member (not follower) on ?3, follower on ?3, in the group on ?4 (today) */
	[NOTES_RELATION] =
	    "SELECT coalesce(max(role <> 'follower' AND start_on <= ?3 "
	    "AND (end_on IS NULL OR end_on >= ?3)), 0), "
	    "coalesce(max(role = 'follower' AND start_on <= ?3 "
	    "AND (end_on IS NULL OR end_on >= ?3)), 0), "
	    "coalesce(max(role <> 'follower' AND start_on <= ?4 "
	    "AND (end_on IS NULL OR end_on >= ?4)), 0) "
	    "FROM membership WHERE person_id = ?2 AND group_id = ?1",
	[NOTES_HEAD] =
	    "SELECT mt.id, mt.group_id, g.name, mt.starts_at, n.id, n.method, n.status, "
	    "n.updated_at, n.contributor_id, n.chair_id, n.minute_taker_id, n.author_id, "
	    "n.next_contributor_id, n.next_chair_id, p1.name, p2.name, p3.name, p4.name, "
	    "p5.name, p6.name, n.version, "
	    "(SELECT count(*) FROM attendance a WHERE a.meeting_id = mt.id "
	    " AND a.status IN ('present', 'late')), "
	    "(SELECT count(*) FROM attendance a WHERE a.meeting_id = mt.id) "
	    "FROM meeting mt LEFT JOIN grp g ON g.id = mt.group_id "
	    "LEFT JOIN note n ON n.meeting_id = mt.id "
	    "LEFT JOIN person p1 ON p1.id = n.contributor_id "
	    "LEFT JOIN person p2 ON p2.id = n.chair_id "
	    "LEFT JOIN person p3 ON p3.id = n.minute_taker_id "
	    "LEFT JOIN person p4 ON p4.id = n.author_id "
	    "LEFT JOIN person p5 ON p5.id = n.next_contributor_id "
	    "LEFT JOIN person p6 ON p6.id = n.next_chair_id WHERE mt.id = ?1",
	[NOTES_SECTIONS] =
	    "SELECT id, position, phase, privacy, body, author_id FROM note_section "
	    "WHERE note_id = ?1 ORDER BY position",
	[NOTES_AGREEMENTS_OF] = NOTES_AGREEMENT_COLUMNS "WHERE a.note_id = ?1 ORDER BY a.id",
	/* open agreements of earlier final notes of the group, and those this note reviewed */
	[NOTES_LOOKBACK] = NOTES_AGREEMENT_COLUMNS
	    "WHERE mt.group_id = ?1 AND mt.starts_at < ?2 AND n.status = 'final' "
	    "AND ((a.status IN ('open', 'continued') AND a.reviewed_in_note_id IS NULL) "
	    "OR a.reviewed_in_note_id = ?3) ORDER BY mt.starts_at, a.id",
	[NOTES_OF_MEETING] = "SELECT id, author_id, status FROM note WHERE meeting_id = ?1",
	[NOTES_INSERT_DRAFT] =
	    "INSERT INTO note (meeting_id, method, contributor_id, chair_id, minute_taker_id, "
	    "author_id, status, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'draft', "
	    NOTES_NOW ")",
	[NOTES_SECTION_NOTE] =
	    "SELECT n.id, n.author_id, n.status FROM note_section s JOIN note n ON n.id = s.note_id "
	    "WHERE s.id = ?1",
	[NOTES_SECTION_UPDATE] = "UPDATE note_section SET body = ?2, privacy = ?3 WHERE id = ?1",
	[NOTES_TOUCH] = "UPDATE note SET updated_at = " NOTES_NOW " WHERE id = ?1",
	[NOTES_NOTE_FACTS] =
	    "SELECT n.author_id, n.status, n.meeting_id, mt.group_id, mt.starts_at FROM note n "
	    "JOIN meeting mt ON mt.id = n.meeting_id WHERE n.id = ?1",
	[NOTES_AGREEMENT_NOTE] = "SELECT note_id, status FROM agreement WHERE id = ?1",
	[NOTES_AGREEMENT_DELETE] = "DELETE FROM agreement WHERE id = ?1 AND note_id = ?2",
	[NOTES_REVIEW] =
	    "UPDATE agreement SET status = ?2, remark = ?3, reviewed_in_note_id = ?4 WHERE id = ?1",
	[NOTES_FINISH] =
	    "UPDATE note SET status = 'final', next_contributor_id = ?2, next_chair_id = ?3, "
	    "updated_at = " NOTES_NOW ", version = version + 1 WHERE id = ?1 AND status = 'draft'",
	/* the meetings of my groups (any role today) with a note, or intervision ones
	 * up to today that still want one */
	[NOTES_SESSIONS_MINE] = NOTES_SESSION_COLUMNS
	    "FROM membership my JOIN meeting mt ON mt.group_id = my.group_id "
	    "JOIN grp g ON g.id = mt.group_id LEFT JOIN note n ON n.meeting_id = mt.id "
	    "LEFT JOIN person pc ON pc.id = n.contributor_id "
	    "WHERE my.person_id = ?1 AND my.start_on <= ?2 AND (my.end_on IS NULL OR my.end_on >= ?2) "
	    "AND my.role <> 'follower' AND mt.status <> 'cancelled' AND (n.id IS NOT NULL OR "
	    "(mt.working_form = 'intervision' AND mt.starts_at < ?3)) "
	    "GROUP BY mt.id ORDER BY mt.starts_at DESC LIMIT ?4",
	/* every group's sessions (coordinators): the newest meetings first, up to
	 * LIMIT of those with a note (one meeting in five has one) */
	[NOTES_SESSIONS_ALL] = "/* scan ok: newest meetings first, up to LIMIT */ "
	    NOTES_SESSION_COLUMNS
	    "FROM meeting mt JOIN note n ON n.meeting_id = mt.id JOIN grp g ON g.id = mt.group_id "
	    "LEFT JOIN person pc ON pc.id = n.contributor_id "
	    "ORDER BY mt.starts_at DESC LIMIT ?4",
	/*
	 * The sections of the meetings held while who was a member (not a
	 * follower) of their group, newest first: the only ones who may read.
	 * The words are looked for in these (core/textmatch.c): a person's own
	 * notes are a few hundred sections, while one common word matches
	 * hundreds of thousands in the whole index, and testing each section
	 * against the full-text index cost seconds (see store_note_search).
	 */
	[NOTES_SEARCH] =
	    "SELECT n.meeting_id, s.id, g.name, mt.starts_at, s.phase, s.body, s.privacy, "
	    "s.author_id, n.author_id, n.contributor_id, n.status, mt.group_id "
	    "FROM membership m CROSS JOIN meeting mt CROSS JOIN note n "
	    "CROSS JOIN note_section s JOIN grp g ON g.id = mt.group_id "
	    "WHERE m.person_id = ?1 AND m.role <> 'follower' AND mt.group_id = m.group_id "
	    "AND mt.starts_at >= m.start_on "
	    "AND (m.end_on IS NULL OR mt.starts_at <= m.end_on || 'T23:59') "
	    "AND n.meeting_id = mt.id AND s.note_id = n.id AND s.body <> '' "
	    "ORDER BY mt.starts_at DESC, s.position",
	[NOTES_MINE] =
	    "SELECT a.id, n.meeting_id, a.what, g.name, substr(mt.starts_at, 1, 10), a.due_on, "
	    "a.status, mt.group_id, n.author_id, n.contributor_id FROM agreement a "
	    "JOIN note n ON n.id = a.note_id JOIN meeting mt ON mt.id = n.meeting_id "
	    "JOIN grp g ON g.id = mt.group_id WHERE a.owner_id = ?1 "
	    "AND a.status IN ('open', 'continued') AND n.status = 'final' "
	    "ORDER BY a.due_on IS NULL, a.due_on, a.id",
};

const struct store_sql_table store_notes_table = {
	STORE_MOD_NOTES, notes_sql, NOTES__COUNT
};

int
store_note_insert(struct store *st, const struct actor *who, const struct note_new *n,
    int64_t *id, char **error)
{
	sqlite3_stmt *s;

	if (store_writable(st, error) != 0)
		return -1;
	if ((s = store_stmt(st, &store_notes_table, NOTES_INSERT, error)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, n->meeting_id);
	store_bind_text(s, 2, n->method);
	store_bind_id(s, 3, n->contributor_id);
	store_bind_id(s, 4, n->chair_id);
	store_bind_id(s, 5, n->minute_taker_id);
	store_bind_id(s, 6, n->author_id);
	/* the method only: what was said is confidential to the group */
	return store_insert_audited(st, who, s, "note", n->method, id, error);
}

int
store_note_section_insert(struct store *st, const struct actor *who, int64_t note_id,
    int position, const char *phase, const char *body, const char *privacy, char **error)
{
	sqlite3_stmt *s;

	if (store_writable(st, error) != 0)
		return -1;
	if ((s = store_stmt(st, &store_notes_table, NOTES_SECTION_INSERT, error)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, note_id);
	sqlite3_bind_int(s, 2, position);
	store_bind_text(s, 3, phase);
	sqlite3_bind_text(s, 4, body != NULL ? body : "", -1, SQLITE_TRANSIENT);
	store_bind_text(s, 5, privacy != NULL ? privacy : "group");
	store_bind_id(s, 6, who != NULL ? who->person_id : 0);
	return store_insert_audited(st, who, s, "note_section", phase, NULL, error);
}

int
store_agreement_insert(struct store *st, const struct actor *who, int64_t note_id,
    const char *what, int64_t owner_id, const struct date *due, int64_t *id, char **error)
{
	sqlite3_stmt *s;

	if (store_writable(st, error) != 0)
		return -1;
	if ((s = store_stmt(st, &store_notes_table, NOTES_AGREEMENT_INSERT, error)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, note_id);
	store_bind_text(s, 2, what);
	store_bind_id(s, 3, owner_id);
	store_bind_date(s, 4, due);
	/* no summary: what was agreed is confidential to the note */
	return store_insert_audited(st, who, s, "agreement", NULL, id, error);
}

int
store_agreement_reviewed(struct store *st, const struct actor *who, int64_t agreement_id,
    const char *status, int64_t reviewed_in, char **error)
{
	sqlite3_stmt *s;

	if (who == NULL || !who->coordinator)
		return store_refuse(error, STORE_DENIED, "%s",
		    _("Only a coordinator can load reviewed agreements."));
	if (status == NULL || (strcmp(status, "done") != 0 && strcmp(status, "continued") != 0 &&
	    strcmp(status, "dropped") != 0))
		return store_refuse(error, STORE_INVALID, "%s",
		    _("An agreement is done, continued or dropped."));
	if ((s = store_stmt(st, &store_notes_table, NOTES_REVIEW, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, agreement_id);
	store_bind_text(s, 2, status);
	sqlite3_bind_null(s, 3);
	sqlite3_bind_int64(s, 4, reviewed_in);
	return store_exec_audited(st, who, s, status, "agreement", agreement_id, NULL, error) ==
	    0 ? 0 : STORE_ERROR;
}

int
store_agreements_open_count(struct store *st, const struct actor *who, int *count,
    char **error)
{
	sqlite3_stmt *s;
	int rc;

	*count = 0;
	if (actor_is_visitor(who))
		return 0;
	if ((s = store_stmt(st, &store_notes_table, NOTES_AGREEMENTS_OPEN_COUNT, error)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, who->person_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*count = sqlite3_column_int(s, 0);
	store_done(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, _("counting agreements"), error);
	return 0;
}

int
store_counts(struct store *st, struct store_counts *c, char **error)
{
	sqlite3_stmt *s;
	int rc;

	if ((s = store_stmt(st, &store_notes_table, NOTES_COUNTS, error)) == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		c->people = sqlite3_column_int64(s, 0);
		c->organisations = sqlite3_column_int64(s, 1);
		c->themes = sqlite3_column_int64(s, 2);
		c->groups = sqlite3_column_int64(s, 3);
		c->meetings = sqlite3_column_int64(s, 4);
		c->notes = sqlite3_column_int64(s, 5);
	}
	store_done(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, _("counting"), error);
	return 0;
}

/* ---- the access relation ---- */

/*
 * who's relation to a note of group_id held at starts_at ("YYYY-MM-DD…"):
 * membership on that day and today; author and contributor from the ids.
 */
static void
notes_relation(struct store *st, const struct actor *who, int64_t group_id,
    const char *starts_at, int64_t author_id, int64_t contributor_id, bool draft,
    struct note_relation *r)
{
	struct date today = date_today();
	char day[DATE_ISO_LEN];
	sqlite3_stmt *s;

	memset(r, 0, sizeof *r);
	if (actor_is_visitor(who))
		return;
	r->is_author = author_id != 0 && author_id == who->person_id;
	r->is_contributor = contributor_id != 0 && contributor_id == who->person_id;
	r->draft = draft;
	if (group_id == 0 || starts_at == NULL ||
	    (s = store_stmt(st, &store_notes_table, NOTES_RELATION, NULL)) == NULL)
		return;
	snprintf(day, sizeof day, "%.10s", starts_at);
	sqlite3_bind_int64(s, 1, group_id);
	sqlite3_bind_int64(s, 2, who->person_id);
	sqlite3_bind_text(s, 3, day, -1, SQLITE_TRANSIENT);
	store_bind_date(s, 4, &today);
	if (sqlite3_step(s) == SQLITE_ROW) {
		r->member_on_date = sqlite3_column_int(s, 0) != 0;
		r->follower_on_date = sqlite3_column_int(s, 1) != 0;
		r->in_group_now = sqlite3_column_int(s, 2) != 0;
	}
	store_done(s);
}

static enum note_privacy
notes_privacy(const char *key)
{
	enum note_privacy p = NOTE_PRIVACY_AUTHOR;	/* unknown: the strictest */

	access_note_privacy_parse(key, &p);
	return p;
}

static int64_t
notes_id(sqlite3_stmt *s, int col)
{
	return sqlite3_column_type(s, col) == SQLITE_NULL ? 0 : sqlite3_column_int64(s, col);
}

/* ---- sessions ---- */

int
store_note_sessions(struct store *st, const struct actor *who, bool all,
    const struct date *today, int limit, store_note_session_cb cb, void *arg, char **error)
{
	char now[DATETIME_ISO_LEN];
	struct date tomorrow = date_add_days(today, 1);
	struct note_session_row r;
	struct note_relation rel;
	sqlite3_stmt *s;
	int rc;

	if (actor_is_visitor(who))
		return 0;
	all = all && who->coordinator;
	s = store_stmt(st, &store_notes_table, all ? NOTES_SESSIONS_ALL : NOTES_SESSIONS_MINE,
	    error);
	if (s == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, who->person_id);
	store_bind_date(s, 2, today);
	sqlite3_bind_text(s, 3, datetime_format_iso(&tomorrow, 0, now), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 4, limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.meeting_id = sqlite3_column_int64(s, 0);
		r.note_id = notes_id(s, 1);
		r.group_id = sqlite3_column_int64(s, 2);
		r.group_name = (const char *)sqlite3_column_text(s, 3);
		r.starts_at = (const char *)sqlite3_column_text(s, 4);
		r.method = (const char *)sqlite3_column_text(s, 5);
		r.contributor = (const char *)sqlite3_column_text(s, 6);
		r.status = (const char *)sqlite3_column_text(s, 7);
		r.open_agreements = sqlite3_column_int(s, 8);
		notes_relation(st, who, r.group_id, r.starts_at, notes_id(s, 9), notes_id(s, 10),
		    r.status != NULL && strcmp(r.status, "draft") == 0, &rel);
		if (!access_note_session(who, &rel))
			continue;
		r.may_read = r.note_id != 0 && access_note_section(who, NOTE_PRIVACY_GROUP, &rel);
		r.may_write = rel.member_on_date && (r.note_id == 0 || (rel.draft && rel.is_author));
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading intervision sessions"), error);
	return 0;
}

/* ---- one note ---- */

/* The head of a meeting's note into v; 1 with a note, 0 without, -1. */
static int
notes_head(struct store *st, int64_t meeting_id, struct note_view *v, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_notes_table, NOTES_HEAD, error);
	int rc, ret;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, meeting_id);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		store_done(s);
		if (rc == SQLITE_DONE)
			return store_refuse(error, STORE_NOT_FOUND, "%s",
			    _("That meeting no longer exists."));
		return store_fail(st, rc, _("reading a note"), error);
	}
	v->meeting_id = sqlite3_column_int64(s, 0);
	v->group_id = notes_id(s, 1);
	v->group_name = store_column_dup(s, 2);
	v->starts_at = store_column_dup(s, 3);
	v->note_id = notes_id(s, 4);
	v->method = store_column_dup(s, 5);
	v->status = store_column_dup(s, 6);
	v->updated_at = store_column_dup(s, 7);
	v->contributor_id = notes_id(s, 8);
	v->chair_id = notes_id(s, 9);
	v->minute_taker_id = notes_id(s, 10);
	v->author_id = notes_id(s, 11);
	v->next_contributor_id = notes_id(s, 12);
	v->next_chair_id = notes_id(s, 13);
	v->contributor = store_column_dup(s, 14);
	v->chair = store_column_dup(s, 15);
	v->minute_taker = store_column_dup(s, 16);
	v->author = store_column_dup(s, 17);
	v->next_contributor = store_column_dup(s, 18);
	v->next_chair = store_column_dup(s, 19);
	v->version = sqlite3_column_int(s, 20);
	v->present = sqlite3_column_int(s, 21);
	v->attendance = sqlite3_column_int(s, 22);
	ret = v->note_id != 0 ? 1 : 0;
	store_done(s);
	return ret;
}

/* The sections of v's note, text only where rel allows. */
static int
notes_sections(struct store *st, const struct actor *who, struct note_view *v,
    const struct note_relation *rel, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_notes_table, NOTES_SECTIONS, error);
	struct note_relation r = *rel;
	struct note_section_view *sv;
	size_t cap = 0;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, v->note_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (v->n_sections == cap)
			v->sections = xreallocarray(v->sections, cap = cap * 2 + 8, sizeof *sv);
		sv = &v->sections[v->n_sections++];
		memset(sv, 0, sizeof *sv);
		sv->id = sqlite3_column_int64(s, 0);
		sv->position = sqlite3_column_int(s, 1);
		sv->phase = store_column_dup(s, 2);
		sv->privacy = notes_privacy((const char *)sqlite3_column_text(s, 3));
		sv->author_id = notes_id(s, 5);
		r.is_author = sv->author_id != 0 && sv->author_id == who->person_id;
		if (access_note_section(who, sv->privacy, &r))
			sv->body = store_column_dup(s, 4);
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading a note"), error);
	return 0;
}

/* One agreement row (NOTES_AGREEMENT_COLUMNS) as who may see it. */
static void
notes_agreement(struct store *st, const struct actor *who, sqlite3_stmt *s,
    struct agreement_view *a)
{
	struct note_relation rel;
	const char *day = (const char *)sqlite3_column_text(s, 8);

	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 0);
	a->note_id = sqlite3_column_int64(s, 1);
	a->owner_id = notes_id(s, 2);
	a->owner = store_column_dup(s, 4);
	a->status = store_column_dup(s, 5);
	a->due_on = store_column_dup(s, 7);
	a->session_day = store_column_dup(s, 8);
	/* a draft's agreements are its author's, like its text */
	notes_relation(st, who, notes_id(s, 9), day, notes_id(s, 10), notes_id(s, 11),
	    strcmp((const char *)sqlite3_column_text(s, 12), "draft") == 0, &rel);
	if (access_note_section(who, NOTE_PRIVACY_GROUP, &rel)) {
		a->what = store_column_dup(s, 3);
		a->remark = store_column_dup(s, 6);
	}
}

static void
notes_agreement_clear(struct agreement_view *a)
{
	free(a->what);
	free(a->owner);
	free(a->status);
	free(a->remark);
	free(a->due_on);
	free(a->session_day);
}

/* The agreements v's session made. */
static int
notes_agreements(struct store *st, const struct actor *who, struct note_view *v, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_notes_table, NOTES_AGREEMENTS_OF, error);
	size_t cap = 0;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, v->note_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (v->n_agreements == cap)
			v->agreements = xreallocarray(v->agreements, cap = cap * 2 + 4,
			    sizeof *v->agreements);
		notes_agreement(st, who, s, &v->agreements[v->n_agreements++]);
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading a note"), error);
	return 0;
}

int
store_note_get(struct store *st, const struct actor *who, int64_t meeting_id,
    struct note_view *out, char **error)
{
	struct note_relation rel;
	int ret;

	memset(out, 0, sizeof *out);
	if ((ret = notes_head(st, meeting_id, out, error)) < 0)
		return ret;
	notes_relation(st, who, out->group_id, out->starts_at, out->author_id,
	    out->contributor_id, out->status != NULL && strcmp(out->status, "draft") == 0, &rel);
	if (!access_note_session(who, &rel)) {
		store_note_view_clear(out);
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_NOTE_READ)));
	}
	/* any text at all: the group's, or a private section's author or contributor */
	out->may_read = access_note_section(who, NOTE_PRIVACY_GROUP, &rel) ||
	    access_note_section(who, NOTE_PRIVACY_CONTRIBUTOR, &rel);
	out->may_write = ret == 1 ? rel.draft && rel.is_author && rel.member_on_date :
	    rel.member_on_date;
	if (ret == 0)
		return 0;
	if (notes_sections(st, who, out, &rel, error) != 0 ||
	    notes_agreements(st, who, out, error) != 0) {
		store_note_view_clear(out);
		return STORE_ERROR;
	}
	return 1;
}

void
store_note_view_clear(struct note_view *v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < v->n_sections; i++) {
		free(v->sections[i].phase);
		free(v->sections[i].body);
	}
	for (i = 0; i < v->n_agreements; i++)
		notes_agreement_clear(&v->agreements[i]);
	free(v->sections);
	free(v->agreements);
	free(v->group_name);
	free(v->starts_at);
	free(v->method);
	free(v->status);
	free(v->updated_at);
	free(v->contributor);
	free(v->chair);
	free(v->minute_taker);
	free(v->author);
	free(v->next_contributor);
	free(v->next_chair);
	memset(v, 0, sizeof *v);
}

/* ---- writing ---- */

/* The facts of a note: author, status (into buf), meeting, group, start. 1, 0 gone, -1. */
struct notes_facts {
	int64_t author_id, meeting_id, group_id;
	char status[16], starts_at[DATETIME_ISO_LEN];
};

static int
notes_facts(struct store *st, int64_t note_id, struct notes_facts *f, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_notes_table, NOTES_NOTE_FACTS, error);
	int rc;

	memset(f, 0, sizeof *f);
	if (s == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, note_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		f->author_id = notes_id(s, 0);
		snprintf(f->status, sizeof f->status, "%s", (const char *)sqlite3_column_text(s, 1));
		f->meeting_id = sqlite3_column_int64(s, 2);
		f->group_id = notes_id(s, 3);
		snprintf(f->starts_at, sizeof f->starts_at, "%s",
		    (const char *)sqlite3_column_text(s, 4));
	}
	store_done(s);
	if (rc == SQLITE_DONE)
		return store_refuse(error, STORE_NOT_FOUND, "%s", _("That note no longer exists."));
	return rc == SQLITE_ROW ? 0 : store_fail(st, rc, _("reading a note"), error);
}

/* May who change the draft note_id (its author, still a member on the day)? 0 or refusal. */
static int
notes_may_edit(struct store *st, const struct actor *who, int64_t note_id,
    struct notes_facts *f, char **error)
{
	struct note_relation rel;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if ((ret = notes_facts(st, note_id, f, error)) != 0)
		return ret;
	notes_relation(st, who, f->group_id, f->starts_at, f->author_id, 0, true, &rel);
	if (!rel.member_on_date)
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_NOTE_WRITE)));
	if (!rel.is_author)
		return store_refuse(error, STORE_DENIED, "%s",
		    _("Only the one who writes this note can change it."));
	if (strcmp(f->status, "draft") != 0)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("This note is final; it can no longer change."));
	return 0;
}

/* An existing note of the meeting: 1 with *id (who's draft), STORE_INVALID, 0 none, -1. */
static int
notes_existing(struct store *st, const struct actor *who, int64_t meeting_id, int64_t *id,
    char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_notes_table, NOTES_OF_MEETING, error);
	int rc, ret = 0;

	if (s == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, meeting_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		if (notes_id(s, 1) == who->person_id &&
		    strcmp((const char *)sqlite3_column_text(s, 2), "draft") == 0)
			ret = 1;
		else
			ret = store_refuse(error, STORE_INVALID, "%s",
			    _("This meeting has a note already."));
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, _("reading a note"), error);
	}
	store_done(s);
	return ret;
}

/* The draft and one empty section per phase, inside the caller's transaction. */
static int
notes_insert_draft(struct store *st, const struct actor *who, const struct note_start *n,
    int64_t *note_id, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_notes_table, NOTES_INSERT_DRAFT, error);
	size_t i;

	if (s == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, n->meeting_id);
	store_bind_text(s, 2, n->method);
	store_bind_id(s, 3, n->contributor_id);
	store_bind_id(s, 4, n->chair_id);
	store_bind_id(s, 5, n->minute_taker_id);
	store_bind_id(s, 6, who->person_id);
	/* the audit names the method only: what is said is confidential */
	if (store_insert_audited(st, who, s, "note", n->method, note_id, error) != 0)
		return STORE_ERROR;
	for (i = 0; i < n->n_phases; i++) {
		if ((s = store_stmt(st, &store_notes_table, NOTES_SECTION_INSERT, error)) == NULL)
			return STORE_ERROR;
		sqlite3_bind_int64(s, 1, *note_id);
		sqlite3_bind_int(s, 2, (int)i + 1);
		store_bind_text(s, 3, n->phases[i]);
		sqlite3_bind_text(s, 4, "", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, "group", -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 6, who->person_id);
		if (store_exec_stmt(st, s, _("starting a note"), error) != 0)
			return STORE_ERROR;
	}
	return 0;
}

int
store_note_start(struct store *st, const struct actor *who, const struct note_start *n,
    int64_t *note_id, char **error)
{
	struct note_view head;
	struct note_relation rel;
	int ret;

	*note_id = 0;
	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (n->method == NULL || n->n_phases == 0)
		return store_refuse(error, STORE_INVALID, "%s", _("Choose a method."));
	memset(&head, 0, sizeof head);
	if ((ret = notes_head(st, n->meeting_id, &head, error)) < 0)
		return ret;
	notes_relation(st, who, head.group_id, head.starts_at, who->person_id, 0, false, &rel);
	store_note_view_clear(&head);
	if (!rel.member_on_date)
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_NOTE_WRITE)));
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = notes_existing(st, who, n->meeting_id, note_id, error)) == 0)
		ret = notes_insert_draft(st, who, n, note_id, error);
	if (ret < 0) {
		store_rollback(st);
		return ret;
	}
	return store_commit(st, error) == 0 ? ret : STORE_ERROR;
}

int
store_note_section_save(struct store *st, const struct actor *who, int64_t section_id,
    const char *body, enum note_privacy privacy, char **error)
{
	struct notes_facts f;
	sqlite3_stmt *s;
	const char *why;
	int64_t note_id;
	int rc, ret;

	if ((s = store_stmt(st, &store_notes_table, NOTES_SECTION_NOTE, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, section_id);
	rc = sqlite3_step(s);
	note_id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	store_done(s);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? store_refuse(error, STORE_NOT_FOUND, "%s",
		    _("That note no longer exists.")) : store_fail(st, rc, _("saving a note"), error);
	if ((ret = notes_may_edit(st, who, note_id, &f, error)) != 0)
		return ret;
	if ((why = validate_text(body, false, 100000)) != NULL)
		return store_refuse_field(error, _("text"), why, 100000);
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((s = store_stmt(st, &store_notes_table, NOTES_SECTION_UPDATE, error)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, section_id);
	sqlite3_bind_text(s, 2, body != NULL ? body : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, access_note_privacy_key(privacy), -1, SQLITE_STATIC);
	if (store_exec_stmt(st, s, _("saving a note"), error) != 0)
		goto fail;
	if ((s = store_stmt(st, &store_notes_table, NOTES_TOUCH, error)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, note_id);
	if (store_exec_stmt(st, s, _("saving a note"), error) != 0)
		goto fail;
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
fail:
	store_rollback(st);
	return STORE_ERROR;
}

int
store_note_agreement_add(struct store *st, const struct actor *who, int64_t note_id,
    const char *what, int64_t owner_id, const struct date *due, int64_t *id, char **error)
{
	struct notes_facts f;
	sqlite3_stmt *s;
	const char *why;
	int ret;

	if ((ret = notes_may_edit(st, who, note_id, &f, error)) != 0)
		return ret;
	if ((why = validate_text(what, true, VALIDATE_TEXT_MAX)) != NULL)
		return store_refuse_field(error, _("agreement"), why, VALIDATE_TEXT_MAX);
	if ((s = store_stmt(st, &store_notes_table, NOTES_AGREEMENT_INSERT, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, note_id);
	store_bind_text(s, 2, what);
	store_bind_id(s, 3, owner_id);
	if (due != NULL && date_valid(due))
		store_bind_date(s, 4, due);
	/* no summary: what was agreed is confidential to the note */
	return store_insert_audited(st, who, s, "agreement", NULL, id, error) == 0 ? 0 :
	    STORE_ERROR;
}

int
store_note_agreement_remove(struct store *st, const struct actor *who, int64_t agreement_id,
    char **error)
{
	struct notes_facts f;
	sqlite3_stmt *s;
	int64_t note_id;
	int rc, ret;

	if ((s = store_stmt(st, &store_notes_table, NOTES_AGREEMENT_NOTE, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, agreement_id);
	rc = sqlite3_step(s);
	note_id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	store_done(s);
	if (rc != SQLITE_ROW)
		return store_refuse(error, STORE_NOT_FOUND, "%s", _("That agreement no longer exists."));
	if ((ret = notes_may_edit(st, who, note_id, &f, error)) != 0)
		return ret;
	if ((s = store_stmt(st, &store_notes_table, NOTES_AGREEMENT_DELETE, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, agreement_id);
	sqlite3_bind_int64(s, 2, note_id);
	return store_exec_audited(st, who, s, "delete", "agreement", agreement_id, NULL, error) == 0 ?
	    0 : STORE_ERROR;
}

int
store_note_lookback(struct store *st, const struct actor *who, int64_t note_id,
    store_agreement_cb cb, void *arg, char **error)
{
	struct agreement_view a;
	struct notes_facts f;
	sqlite3_stmt *s;
	int rc, ret;

	if ((ret = notes_facts(st, note_id, &f, error)) != 0)
		return ret;
	if ((s = store_stmt(st, &store_notes_table, NOTES_LOOKBACK, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, f.group_id);
	sqlite3_bind_text(s, 2, f.starts_at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, note_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		notes_agreement(st, who, s, &a);
		ret = a.what != NULL ? cb(&a, arg) : 0;	/* what who may not read is left out */
		notes_agreement_clear(&a);
		if (ret != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading agreements"), error);
	return 0;
}

int
store_note_review(struct store *st, const struct actor *who, int64_t note_id,
    int64_t agreement_id, const char *status, const char *remark, char **error)
{
	struct notes_facts f;
	sqlite3_stmt *s;
	const char *why;
	int ret;

	if ((ret = notes_may_edit(st, who, note_id, &f, error)) != 0)
		return ret;
	if (status == NULL || (strcmp(status, "done") != 0 && strcmp(status, "continued") != 0 &&
	    strcmp(status, "dropped") != 0 && strcmp(status, "open") != 0))
		return store_refuse(error, STORE_INVALID, "%s",
		    _("An agreement is done, continued or dropped."));
	if ((why = validate_text(remark, false, VALIDATE_TEXT_MAX)) != NULL)
		return store_refuse_field(error, _("remark"), why, VALIDATE_TEXT_MAX);
	if ((s = store_stmt(st, &store_notes_table, NOTES_REVIEW, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, agreement_id);
	store_bind_text(s, 2, status);
	store_bind_text(s, 3, remark);
	if (strcmp(status, "open") == 0)
		sqlite3_bind_null(s, 4);
	else
		sqlite3_bind_int64(s, 4, note_id);
	return store_exec_audited(st, who, s, status, "agreement", agreement_id, NULL, error) ==
	    0 ? 0 : STORE_ERROR;
}

int
store_note_finish(struct store *st, const struct actor *who, int64_t note_id,
    int64_t next_contributor_id, int64_t next_chair_id, char **error)
{
	struct notes_facts f;
	sqlite3_stmt *s;
	int ret;

	if ((ret = notes_may_edit(st, who, note_id, &f, error)) != 0)
		return ret;
	if ((s = store_stmt(st, &store_notes_table, NOTES_FINISH, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, note_id);
	store_bind_id(s, 2, next_contributor_id);
	store_bind_id(s, 3, next_chair_id);
	return store_update_versioned(st, who, s, "note", note_id, "final", NULL,
	    _("This note was finished meanwhile."), error);
}

/* ---- finding ---- */

/*
 * Search: the sections who may read, newest first, whose text
 * has words starting with the typed words. An FTS5 query per section
 * (MATCH with rowid =) took 0.5–2.7 s at national scale for a word of
 * eight letters, as each call expands the prefix anew; the whole index
 * first then the access filter took about 1 s for "de". Walking the
 * reader's own sections is a few milliseconds.
 */
int
store_note_search(struct store *st, const struct actor *who, const char *query, int limit,
    store_note_hit_cb cb, void *arg, char **error)
{
	struct note_relation rel;
	struct note_hit h;
	const char *body;
	sqlite3_stmt *s;
	size_t at, len;
	char *snippet;
	int rc = SQLITE_DONE, stop, found = 0;

	if (actor_is_visitor(who) || query == NULL || !textmatch(query, query, NULL, NULL))
		return 0;
	if ((s = store_stmt(st, &store_notes_table, NOTES_SEARCH, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, who->person_id);
	while (found < limit && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		body = (const char *)sqlite3_column_text(s, 5);
		if (!textmatch(body, query, &at, &len))
			continue;
		h.meeting_id = sqlite3_column_int64(s, 0);
		h.section_id = sqlite3_column_int64(s, 1);
		h.group_name = (const char *)sqlite3_column_text(s, 2);
		h.starts_at = (const char *)sqlite3_column_text(s, 3);
		h.phase = (const char *)sqlite3_column_text(s, 4);
		notes_relation(st, who, sqlite3_column_int64(s, 11), h.starts_at, notes_id(s, 7),
		    notes_id(s, 9), strcmp((const char *)sqlite3_column_text(s, 10), "draft") == 0,
		    &rel);
		/* the section's author decides "author" privacy; a draft is its note author's */
		if (rel.draft)
			rel.is_author = notes_id(s, 8) == who->person_id;
		if (!access_note_section(who, notes_privacy((const char *)sqlite3_column_text(s, 6)),
		    &rel))
			continue;
		h.snippet = snippet = textmatch_snippet(body, at, len, 60);
		stop = cb(&h, arg);
		free(snippet);
		found++;
		if (stop != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_done(s);
		return store_fail(st, rc, _("searching the notes"), error);
	}
	store_done(s);
	return 0;
}

int
store_agreements_mine(struct store *st, const struct actor *who, const struct date *today,
    store_my_agreement_cb cb, void *arg, char **error)
{
	char iso[DATE_ISO_LEN];
	struct note_relation rel;
	struct my_agreement_row r;
	sqlite3_stmt *s;
	int rc;

	if (actor_is_visitor(who))
		return 0;
	if ((s = store_stmt(st, &store_notes_table, NOTES_MINE, error)) == NULL)
		return STORE_ERROR;
	date_format_iso(today, iso);
	sqlite3_bind_int64(s, 1, who->person_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.meeting_id = sqlite3_column_int64(s, 1);
		r.group_name = (const char *)sqlite3_column_text(s, 3);
		r.session_day = (const char *)sqlite3_column_text(s, 4);
		r.due_on = (const char *)sqlite3_column_text(s, 5);
		r.status = (const char *)sqlite3_column_text(s, 6);
		r.overdue = r.due_on != NULL && strcmp(r.due_on, iso) < 0;
		notes_relation(st, who, sqlite3_column_int64(s, 7), r.session_day, notes_id(s, 8),
		    notes_id(s, 9), false, &rel);
		r.what = access_note_section(who, NOTE_PRIVACY_GROUP, &rel) ?
		    (const char *)sqlite3_column_text(s, 2) : NULL;
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading agreements"), error);
	return 0;
}

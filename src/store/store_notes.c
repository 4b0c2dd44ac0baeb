/*
 * store_notes.c — intervision notes, their sections and follow-up agreements.
 *
 * Note content is confidential (DESIGN.md §2): nothing here returns section
 * text yet; the readers come with the access rules of the intervision issue.
 */
#include "autoconf.h"

#include <stdlib.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	NOTES_INSERT,
	NOTES_SECTION_INSERT,
	NOTES_AGREEMENT_INSERT,
	NOTES_AGREEMENTS_OPEN_COUNT,
	NOTES_COUNTS,
	NOTES__COUNT
};

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
    const char *what, int64_t owner_id, const struct date *due, char **error)
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
	return store_insert_audited(st, who, s, "agreement", NULL, NULL, error);
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

/*
 * store_polls.c — date polls: a lead proposes candidate slots, each member
 * answers for themself (yes, maybe, no), the lead sees the grid and picks
 * one, which becomes a planned meeting. Closing keeps the answers.
 */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

enum {
	POLL_Q_GROUP,
	POLL_Q_MINE,
	POLL_INSERT,
	POLL_SLOT_INSERT,
	POLL_Q_GET,
	POLL_Q_SLOTS,
	POLL_Q_PEOPLE,
	POLL_Q_ANSWERS,
	POLL_Q_SLOT,
	POLL_ANSWER,
	POLL_CLOSE,
	POLLS__COUNT
};

#define POLL_COLUMNS \
	"p.id, p.group_id, p.meeting_id, g.name, p.title, p.status, " \
	"(SELECT count(*) FROM poll_slot s WHERE s.poll_id = p.id), " \
	"(SELECT count(DISTINCT a.person_id) FROM poll_slot s JOIN poll_answer a " \
	" ON a.slot_id = s.id WHERE s.poll_id = p.id) "

static const char *const polls_sql[POLLS__COUNT] = {
	[POLL_Q_GROUP] =
	    "SELECT " POLL_COLUMNS "FROM poll p JOIN grp g ON g.id = p.group_id "
	    "WHERE p.group_id = ?1 ORDER BY p.status = 'closed', p.id DESC",
	/* ?2 person, ?3 today: polls of the groups they are in now */
	[POLL_Q_MINE] =
	    "SELECT " POLL_COLUMNS "FROM (SELECT DISTINCT group_id FROM membership "
	    " WHERE person_id = ?2 AND start_on <= ?3 AND (end_on IS NULL OR end_on >= ?3)) ms "
	    "JOIN poll p ON p.group_id = ms.group_id JOIN grp g ON g.id = p.group_id "
	    "ORDER BY p.status = 'closed', p.id DESC",
	[POLL_INSERT] =
	    "INSERT INTO poll (group_id, title, created_by, status) VALUES (?1, ?2, ?3, 'open')",
	[POLL_SLOT_INSERT] =
	    "INSERT INTO poll_slot (poll_id, starts_at, ends_at) VALUES (?1, ?2, ?3)",
	[POLL_Q_GET] =
	    "SELECT p.id, p.group_id, p.meeting_id, p.title, p.status, g.name FROM poll p "
	    "JOIN grp g ON g.id = p.group_id WHERE p.id = ?1",
	[POLL_Q_SLOTS] =
	    "SELECT id, starts_at, ends_at FROM poll_slot WHERE poll_id = ?1 ORDER BY starts_at, id",
	/* the roster today: lead, member, expert (and whoever answered earlier) */
	[POLL_Q_PEOPLE] =
	    "SELECT p.id, p.name FROM person p WHERE p.id IN ("
	    " SELECT person_id FROM membership WHERE group_id = ?1 AND role <> 'follower'"
	    " AND start_on <= ?2 AND (end_on IS NULL OR end_on >= ?2)"
	    " UNION SELECT a.person_id FROM poll_slot s JOIN poll_answer a ON a.slot_id = s.id"
	    " WHERE s.poll_id = ?3) ORDER BY p.name COLLATE NOCASE, p.id",
	[POLL_Q_ANSWERS] =
	    "SELECT a.slot_id, a.person_id, a.answer FROM poll_slot s "
	    "JOIN poll_answer a ON a.slot_id = s.id WHERE s.poll_id = ?1",
	[POLL_Q_SLOT] =
	    "SELECT s.poll_id, p.group_id, p.status, s.starts_at, s.ends_at, p.title "
	    "FROM poll_slot s JOIN poll p ON p.id = s.poll_id WHERE s.id = ?1",
	[POLL_ANSWER] =
	    "INSERT INTO poll_answer (slot_id, person_id, answer) VALUES (?1, ?2, ?3) "
	    "ON CONFLICT (slot_id, person_id) DO UPDATE SET answer = excluded.answer",
	[POLL_CLOSE] =
	    "UPDATE poll SET status = 'closed', meeting_id = ?2 WHERE id = ?1 AND status = 'open'",
};

const struct store_sql_table store_polls_table = {
	STORE_MOD_POLLS, polls_sql, POLLS__COUNT
};

int
store_polls_list(struct store *st, const struct actor *who, int64_t group_id,
    store_poll_cb cb, void *arg, char **error)
{
	struct date today = date_today();
	struct poll_row r;
	sqlite3_stmt *s;
	int rc;

	if (!access_allows(who, ACCESS_PEOPLE_VIEW, NULL))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_PEOPLE_VIEW)));
	s = store_stmt(st, &store_polls_table, group_id != 0 ? POLL_Q_GROUP : POLL_Q_MINE, error);
	if (s == NULL)
		return STORE_ERROR;
	if (group_id != 0) {
		sqlite3_bind_int64(s, 1, group_id);
	} else {
		sqlite3_bind_int64(s, 2, who->person_id);
		store_bind_date(s, 3, &today);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.id = sqlite3_column_int64(s, 0);
		r.group_id = sqlite3_column_int64(s, 1);
		r.meeting_id = sqlite3_column_int64(s, 2);
		r.group_name = (const char *)sqlite3_column_text(s, 3);
		r.title = (const char *)sqlite3_column_text(s, 4);
		r.status = (const char *)sqlite3_column_text(s, 5);
		r.slots = sqlite3_column_int(s, 6);
		r.answers = sqlite3_column_int(s, 7);
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading date polls"), error);
	return 0;
}

int
store_poll_create(struct store *st, const struct actor *who, int64_t group_id, const char *title,
    const struct poll_slot_new *slots, size_t n, int64_t *id, char **error)
{
	char start[DATETIME_ISO_LEN], end[DATETIME_ISO_LEN];
	const char *why;
	sqlite3_stmt *s;
	int64_t poll_id;
	size_t i;
	int ret;

	if ((why = validate_line(title, true, VALIDATE_TITLE_MAX)) != NULL)
		return store_refuse_field(error, _("title"), why, VALIDATE_TITLE_MAX);
	if (n < 2)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("a date poll needs at least two candidate slots"));
	for (i = 0; i < n; i++) {
		if (!date_valid(&slots[i].day) || slots[i].start_min < 0 ||
		    slots[i].end_min > 24 * 60 || slots[i].end_min <= slots[i].start_min)
			return store_refuse(error, STORE_INVALID, _("slot %zu: it must end after it "
			    "starts, on the same day"), i + 1);
	}
	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = store_meeting_may_plan(st, who, group_id, error)) != 0)
		goto fail;
	if ((s = store_stmt(st, &store_polls_table, POLL_INSERT, error)) == NULL) {
		ret = STORE_ERROR;
		goto fail;
	}
	sqlite3_bind_int64(s, 1, group_id);
	store_bind_text(s, 2, title);
	store_bind_id(s, 3, actor_is_visitor(who) ? 0 : who->person_id);
	if ((ret = store_insert_audited(st, who, s, "poll", title, &poll_id, error)) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		if ((s = store_stmt(st, &store_polls_table, POLL_SLOT_INSERT, error)) == NULL) {
			ret = STORE_ERROR;
			goto fail;
		}
		sqlite3_bind_int64(s, 1, poll_id);
		store_bind_text(s, 2, datetime_format_iso(&slots[i].day, slots[i].start_min, start));
		store_bind_text(s, 3, datetime_format_iso(&slots[i].day, slots[i].end_min, end));
		if ((ret = store_exec_stmt(st, s, _("saving a date poll"), error)) != 0)
			goto fail;
	}
	if (store_commit(st, error) != 0)
		return STORE_ERROR;
	if (id != NULL)
		*id = poll_id;
	return 0;
fail:
	store_rollback(st);
	return ret < 0 ? ret : STORE_ERROR;
}

void
poll_grid_clear(struct poll_grid *g)
{
	size_t i;

	if (g == NULL)
		return;
	for (i = 0; i < g->n_slots; i++) {
		free(g->slot_starts[i]);
		free(g->slot_ends[i]);
	}
	for (i = 0; i < g->n_people; i++)
		free(g->person_names[i]);
	free(g->slot_ids);
	free(g->slot_starts);
	free(g->slot_ends);
	free(g->person_ids);
	free(g->person_names);
	free(g->answers);
	free(g->yes);
	free(g->maybe);
	free(g->no);
	free(g->title);
	free(g->status);
	free(g->group_name);
	memset(g, 0, sizeof *g);
}

static long
polls_index(const int64_t *ids, size_t n, int64_t id)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (ids[i] == id)
			return (long)i;
	}
	return -1;
}

int
store_poll_get(struct store *st, const struct actor *who, int64_t poll_id, struct poll_grid *g,
    char **error)
{
	struct date today = date_today();
	struct access_ctx ctx;
	sqlite3_stmt *s;
	const char *a;
	long si, pi;
	int rc;

	memset(g, 0, sizeof *g);
	g->me = -1;
	if (!access_allows(who, ACCESS_PEOPLE_VIEW, NULL))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_PEOPLE_VIEW)));
	if ((s = store_stmt(st, &store_polls_table, POLL_Q_GET, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, poll_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		g->id = sqlite3_column_int64(s, 0);
		g->group_id = sqlite3_column_int64(s, 1);
		g->meeting_id = sqlite3_column_int64(s, 2);
		g->title = store_column_dup(s, 3);
		g->status = store_column_dup(s, 4);
		g->group_name = store_column_dup(s, 5);
	}
	store_done(s);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		goto fail;

	if ((s = store_stmt(st, &store_polls_table, POLL_Q_SLOTS, error)) == NULL)
		goto fail_quiet;
	sqlite3_bind_int64(s, 1, poll_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		g->slot_ids = xreallocarray(g->slot_ids, g->n_slots + 1, sizeof *g->slot_ids);
		g->slot_starts = xreallocarray(g->slot_starts, g->n_slots + 1, sizeof (char *));
		g->slot_ends = xreallocarray(g->slot_ends, g->n_slots + 1, sizeof (char *));
		g->slot_ids[g->n_slots] = sqlite3_column_int64(s, 0);
		g->slot_starts[g->n_slots] = store_column_dup(s, 1);
		g->slot_ends[g->n_slots++] = store_column_dup(s, 2);
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		goto fail;

	if ((s = store_stmt(st, &store_polls_table, POLL_Q_PEOPLE, error)) == NULL)
		goto fail_quiet;
	sqlite3_bind_int64(s, 1, g->group_id);
	store_bind_date(s, 2, &today);
	sqlite3_bind_int64(s, 3, poll_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		g->person_ids = xreallocarray(g->person_ids, g->n_people + 1, sizeof *g->person_ids);
		g->person_names = xreallocarray(g->person_names, g->n_people + 1, sizeof (char *));
		g->person_ids[g->n_people] = sqlite3_column_int64(s, 0);
		g->person_names[g->n_people++] = store_column_dup(s, 1);
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		goto fail;

	g->answers = xmalloc(g->n_slots * g->n_people + 1);
	memset(g->answers, '?', g->n_slots * g->n_people);
	g->answers[g->n_slots * g->n_people] = '\0';
	g->yes = xcalloc(g->n_slots + 1, sizeof *g->yes);
	g->maybe = xcalloc(g->n_slots + 1, sizeof *g->maybe);
	g->no = xcalloc(g->n_slots + 1, sizeof *g->no);
	if ((s = store_stmt(st, &store_polls_table, POLL_Q_ANSWERS, error)) == NULL)
		goto fail_quiet;
	sqlite3_bind_int64(s, 1, poll_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		si = polls_index(g->slot_ids, g->n_slots, sqlite3_column_int64(s, 0));
		pi = polls_index(g->person_ids, g->n_people, sqlite3_column_int64(s, 1));
		a = (const char *)sqlite3_column_text(s, 2);
		if (si < 0 || pi < 0 || a == NULL)
			continue;
		g->answers[(size_t)si * g->n_people + (size_t)pi] = a[0];
		if (a[0] == 'y')
			g->yes[si]++;
		else if (a[0] == 'm')
			g->maybe[si]++;
		else
			g->no[si]++;
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		goto fail;
	if (!actor_is_visitor(who))
		g->me = (int)polls_index(g->person_ids, g->n_people, who->person_id);
	store_group_relation(st, who, g->group_id, NULL, &ctx);
	g->can_pick = access_allows(who, ACCESS_MEETING_PLAN, &ctx) &&
	    strcmp(g->status, "open") == 0;
	return 1;
fail:
	store_fail(st, rc, _("reading a date poll"), error);
fail_quiet:
	poll_grid_clear(g);
	return STORE_ERROR;
}

/* A slot with its poll; strings owned (polls_slot_clear). */
struct polls_slot {
	int64_t poll_id, group_id;
	char *status;			/* the poll's: open, closed */
	char *starts, *ends;		/* "YYYY-MM-DDTHH:MM" */
};

static void
polls_slot_clear(struct polls_slot *p)
{
	free(p->status);
	free(p->starts);
	free(p->ends);
	memset(p, 0, sizeof *p);
}

/* Read slot_id: 1 and *out, 0 when there is no such slot, or a negative store_result. */
static int
polls_slot_get(struct store *st, int64_t slot_id, struct polls_slot *out, char **error)
{
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof *out);
	if ((s = store_stmt(st, &store_polls_table, POLL_Q_SLOT, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, slot_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->poll_id = sqlite3_column_int64(s, 0);
		out->group_id = sqlite3_column_int64(s, 1);
		out->status = store_column_dup(s, 2);
		out->starts = store_column_dup(s, 3);
		out->ends = store_column_dup(s, 4);
	}
	store_done(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(st, rc, _("reading a date poll"), error);
}

int
store_poll_answer(struct store *st, const struct actor *who, int64_t slot_id, const char *answer,
    char **error)
{
	struct access_ctx ctx;
	struct polls_slot slot;
	sqlite3_stmt *s;
	char *summary;
	int ret;

	if (answer == NULL || (strcmp(answer, "yes") != 0 && strcmp(answer, "maybe") != 0 &&
	    strcmp(answer, "no") != 0))
		return store_refuse(error, STORE_INVALID, "%s", _("answer yes, maybe or no"));
	if (actor_is_visitor(who))
		return store_refuse(error, STORE_DENIED, "%s",
		    _("only members of the group answer its date poll"));
	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = polls_slot_get(st, slot_id, &slot, error)) <= 0) {
		if (ret == 0)
			ret = store_refuse(error, STORE_NOT_FOUND, "%s",
			    _("the date poll no longer exists"));
		goto fail;
	}
	ret = slot.status != NULL && strcmp(slot.status, "open") == 0;
	if (!ret) {
		ret = store_refuse(error, STORE_INVALID, "%s",
		    _("the date poll is closed: its answers are kept as they were"));
		goto fail_slot;
	}
	store_group_relation(st, who, slot.group_id, NULL, &ctx);
	if (!ctx.was_member) {
		ret = store_refuse(error, STORE_DENIED, "%s",
		    _("only members of the group answer its date poll"));
		goto fail_slot;
	}
	if ((s = store_stmt(st, &store_polls_table, POLL_ANSWER, error)) == NULL) {
		ret = STORE_ERROR;
		goto fail_slot;
	}
	sqlite3_bind_int64(s, 1, slot_id);
	sqlite3_bind_int64(s, 2, who->person_id);
	store_bind_text(s, 3, answer);
	summary = xasprintf("%s: %s", who->name != NULL ? who->name : "?", answer);
	ret = store_exec_audited(st, who, s, "answer", "poll", slot.poll_id, summary, error);
	free(summary);
	if (ret != 0)
		goto fail_slot;
	polls_slot_clear(&slot);
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
fail_slot:
	polls_slot_clear(&slot);
fail:
	store_rollback(st);
	return ret < 0 ? ret : STORE_ERROR;
}

int
store_poll_close(struct store *st, const struct actor *who, int64_t poll_id, int64_t slot_id,
    const char *place, const char *working_form, int64_t *meeting_id, char **error)
{
	struct meeting_new m;
	struct date end_day;
	sqlite3_stmt *s;
	struct polls_slot slot;
	int64_t group_id = 0, mid = 0;
	char *status = NULL, *title = NULL;
	int rc, ret;

	memset(&slot, 0, sizeof slot);

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((s = store_stmt(st, &store_polls_table, POLL_Q_GET, error)) == NULL) {
		ret = STORE_ERROR;
		goto fail;
	}
	sqlite3_bind_int64(s, 1, poll_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		group_id = sqlite3_column_int64(s, 1);
		title = store_column_dup(s, 3);
		status = store_column_dup(s, 4);
	}
	store_done(s);
	if (rc != SQLITE_ROW) {
		ret = rc == SQLITE_DONE ? store_refuse(error, STORE_NOT_FOUND, "%s",
		    _("the date poll no longer exists")) :
		    store_fail(st, rc, _("reading a date poll"), error);
		goto fail;
	}
	if ((ret = store_meeting_may_plan(st, who, group_id, error)) != 0)
		goto fail;
	if (status == NULL || strcmp(status, "open") != 0) {
		ret = store_refuse(error, STORE_CONFLICT, "%s",
		    _("the date poll was closed meanwhile"));
		goto fail;
	}
	if (slot_id > 0) {
		if ((ret = polls_slot_get(st, slot_id, &slot, error)) < 0)
			goto fail;
		if (ret == 0 || slot.poll_id != poll_id) {
			ret = store_refuse(error, STORE_INVALID, "%s",
			    _("that slot is not one of this poll's"));
			goto fail;
		}
		memset(&m, 0, sizeof m);
		m.group_id = group_id;
		m.place = place;
		m.working_form = working_form;
		if (datetime_parse_iso(slot.starts, &m.day, &m.start_min) != 0 ||
		    datetime_parse_iso(slot.ends, &end_day, &m.end_min) != 0) {
			ret = store_refuse(error, STORE_INVALID, "%s", _("the slot's time is damaged"));
			goto fail;
		}
		if ((ret = store_meeting_plan(st, who, &m, &mid, error)) != 0)
			goto fail;
	}
	if ((s = store_stmt(st, &store_polls_table, POLL_CLOSE, error)) == NULL) {
		ret = STORE_ERROR;
		goto fail;
	}
	sqlite3_bind_int64(s, 1, poll_id);
	store_bind_id(s, 2, mid);
	if ((ret = store_exec_audited(st, who, s, "close", "poll", poll_id, title, error)) != 0)
		goto fail;
	free(status);
	free(title);
	polls_slot_clear(&slot);
	if (store_commit(st, error) != 0)
		return STORE_ERROR;
	if (meeting_id != NULL)
		*meeting_id = mid;
	return 0;
fail:
	free(status);
	free(title);
	polls_slot_clear(&slot);
	store_rollback(st);
	return ret < 0 ? ret : STORE_ERROR;
}

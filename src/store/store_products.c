/*
 * store_products.c — products and the knowledge-sharing day programme (#9).
 *
 * A product belongs to a group: its members, leads and the coordinators
 * register it (a draft, seen only by them) and publish it. The network's
 * list shows published products only, newest first, in keyset pages over
 * product_published(status, published_on) — never OFFSET — with search
 * through product_fts (FTS5, diacritics folded, each typed word a prefix).
 *
 * The programme of a network-wide meeting (the knowledge-sharing day) is a
 * set of programme_slot rows: a coordinator gives a group one slot within
 * the meeting's times, in a room, with one of its published products. The
 * rules (one slot per group, no two overlapping slots in one room) are
 * checked inside the writing transaction, so two sessions cannot both pass.
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

#define PRODUCTS_DESCRIPTION_MAX 1000	/* characters of the short description */
#define PRODUCTS_LINK_MAX 1000		/* characters of a link or path */
#define PRODUCTS_ROOM_MAX 100		/* characters of a room */

enum {
	PRODUCTS_INSERT,
	PRODUCTS_UPDATE,
	PRODUCTS_SET_STATUS,
	PRODUCTS_FACTS,
	PRODUCTS_STATUS_SUMMARY,
	PRODUCTS_GET,
	PRODUCTS_GROUP,
	PRODUCTS_GROUP_COUNT,
	PRODUCTS_GROUP_NAME,
	PRODUCTS_PAGE_FWD,
	PRODUCTS_PAGE_BACK,
	PRODUCTS_LOOKUP,
	SLOTS_MEETING,
	SLOTS_FACTS,
	SLOTS_SAME_GROUP,
	SLOTS_ROOM_OVERLAP,
	SLOTS_INSERT,
	SLOTS_UPDATE,
	SLOTS_DELETE,
	SLOTS_EACH,
	SLOTS_SUMMARY,
	PRODUCTS__COUNT
};

/* The columns of a product_row: id, group, title, kind, status, published, group name, theme. */
#define PRODUCTS_ROW_COLUMNS \
	"p.id, p.group_id, p.title, p.kind, p.status, p.published_on, g.name, t.title "
#define PRODUCTS_ROW_FROM \
	"FROM product p JOIN grp g ON g.id = p.group_id LEFT JOIN theme t ON t.id = g.theme_id "
/*
 * The network's list: ?1..?2 the range of published_on, ?3 the id bound at
 * the anchor's end of it (see products_bind_page), ?4 kind, ?5 theme, ?6 the
 * FTS query, ?7 the limit. Written as plain bounds on published_on so that
 * the planner seeks in product_published instead of walking it.
 */
#define PRODUCTS_PAGE_WHERE \
	"WHERE p.status = 'published' AND p.published_on >= ?1 AND p.published_on <= ?2 " \
	"AND (?4 IS NULL OR p.kind = ?4) AND (?5 IS NULL OR g.theme_id = ?5) " \
	"AND (?6 IS NULL OR p.id IN (SELECT rowid FROM product_fts WHERE product_fts MATCH ?6)) "

static const char *const products_sql[PRODUCTS__COUNT + 1] = {
	[PRODUCTS_INSERT] =
	    "INSERT INTO product (group_id, title, kind, description, link, status, published_on, "
	    "added_by, added_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[PRODUCTS_UPDATE] =
	    "UPDATE product SET title = ?3, kind = ?4, description = ?5, link = ?6, status = ?7, "
	    "published_on = ?8, version = version + 1 WHERE id = ?1 AND version = ?2",
	[PRODUCTS_SET_STATUS] =
	    "UPDATE product SET status = ?3, published_on = CASE WHEN ?3 = 'published' "
	    "THEN coalesce(published_on, ?4) END, version = version + 1 "
	    "WHERE id = ?1 AND version = ?2",
	[PRODUCTS_FACTS] = "SELECT group_id, status, title FROM product WHERE id = ?1",
	/* audit summary: "Title → published" */
	[PRODUCTS_STATUS_SUMMARY] = "SELECT title || ' → ' || ?2 FROM product WHERE id = ?1",
	[PRODUCTS_GET] =
	    "SELECT p.id, p.group_id, g.name, t.title, p.title, p.kind, p.description, p.link, "
	    "p.status, p.published_on, p.added_on, pe.name, p.version "
	    "FROM product p JOIN grp g ON g.id = p.group_id "
	    "LEFT JOIN theme t ON t.id = g.theme_id LEFT JOIN person pe ON pe.id = p.added_by "
	    "WHERE p.id = ?1",
	/* a group's few products: drafts first (?2: who sees them), then newest */
	[PRODUCTS_GROUP] =
	    "SELECT " PRODUCTS_ROW_COLUMNS PRODUCTS_ROW_FROM
	    "WHERE p.group_id = ?1 AND (?2 OR p.status = 'published') "
	    "ORDER BY p.status = 'published', p.published_on DESC, p.id DESC LIMIT ?3",
	[PRODUCTS_GROUP_COUNT] =
	    "SELECT count(*) FROM product WHERE group_id = ?1 AND (?2 OR status = 'published')",
	[PRODUCTS_GROUP_NAME] = "SELECT name, status FROM grp WHERE id = ?1",
	[PRODUCTS_PAGE_FWD] =
	    "SELECT " PRODUCTS_ROW_COLUMNS PRODUCTS_ROW_FROM PRODUCTS_PAGE_WHERE
	    "AND (p.published_on < ?2 OR p.id < ?3) "
	    "ORDER BY p.published_on DESC, p.id DESC LIMIT ?7",
	[PRODUCTS_PAGE_BACK] =
	    "SELECT * FROM (SELECT " PRODUCTS_ROW_COLUMNS PRODUCTS_ROW_FROM PRODUCTS_PAGE_WHERE
	    "AND (p.published_on > ?1 OR p.id > ?3) "
	    "ORDER BY p.published_on ASC, p.id ASC LIMIT ?7) ORDER BY 6 DESC, 1 DESC",
	/* ?2 the title, ?3 who sees drafts, ?4 a LIKE prefix pattern */
	[PRODUCTS_LOOKUP] =
	    "SELECT id, title = ?2 COLLATE NOCASE FROM product WHERE group_id = ?1 "
	    "AND (?3 OR status = 'published') "
	    "AND (title = ?2 COLLATE NOCASE OR title LIKE ?4 ESCAPE '\\') "
	    "ORDER BY 2 DESC, id LIMIT 3",
	[SLOTS_MEETING] =
	    "SELECT group_id, status, starts_at, ends_at, title FROM meeting WHERE id = ?1",
	[SLOTS_FACTS] = "SELECT meeting_id, group_id FROM programme_slot WHERE id = ?1",
	/* ?1 meeting, ?2 group, ?3 the slot itself (NULL when new) */
	[SLOTS_SAME_GROUP] =
	    "SELECT 1 FROM programme_slot WHERE meeting_id = ?1 AND group_id = ?2 AND id IS NOT ?3",
	/* ?1 meeting, ?2 the slot itself, ?3 room, ?4..?5 start and end */
	[SLOTS_ROOM_OVERLAP] =
	    "SELECT g.name, s.starts_at, s.ends_at FROM programme_slot s "
	    "JOIN grp g ON g.id = s.group_id WHERE s.meeting_id = ?1 AND s.id IS NOT ?2 "
	    "AND s.room = ?3 COLLATE NOCASE AND s.starts_at < ?5 AND s.ends_at > ?4 "
	    "ORDER BY s.starts_at LIMIT 1",
	[SLOTS_INSERT] =
	    "INSERT INTO programme_slot (meeting_id, group_id, product_id, starts_at, ends_at, "
	    "room) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[SLOTS_UPDATE] =
	    "UPDATE programme_slot SET group_id = ?3, product_id = ?4, starts_at = ?5, "
	    "ends_at = ?6, room = ?7, version = version + 1 WHERE id = ?1 AND version = ?2",
	[SLOTS_DELETE] = "DELETE FROM programme_slot WHERE id = ?1 AND version = ?2",
	/* a public programme names a product only while it is published */
	[SLOTS_EACH] =
	    "SELECT s.id, s.meeting_id, s.group_id, p.id, s.starts_at, s.ends_at, s.room, g.name, "
	    "p.title, p.kind, (SELECT group_concat(name, ', ') FROM (SELECT pe.name AS name "
	    " FROM membership m JOIN person pe ON pe.id = m.person_id WHERE m.group_id = s.group_id "
	    " AND m.role = 'lead' AND m.start_on <= substr(s.starts_at, 1, 10) "
	    " AND (m.end_on IS NULL OR m.end_on >= substr(s.starts_at, 1, 10)) "
	    " ORDER BY pe.name COLLATE NOCASE, pe.id)), s.version "
	    "FROM programme_slot s JOIN grp g ON g.id = s.group_id "
	    "LEFT JOIN product p ON p.id = s.product_id AND p.status = 'published' "
	    "WHERE s.meeting_id = ?1 "
	    "ORDER BY s.starts_at, s.room COLLATE NOCASE, g.name COLLATE NOCASE, s.id",
	/* audit summary, as the add writes it: "Group → Meeting HH:MM" */
	[SLOTS_SUMMARY] =
	    "SELECT g.name || ' → ' || coalesce(m.title, '') || ' ' || substr(s.starts_at, 12, 5) "
	    "FROM programme_slot s JOIN grp g ON g.id = s.group_id "
	    "JOIN meeting m ON m.id = s.meeting_id WHERE s.id = ?1",
	NULL
};

const struct store_sql_table store_products_table = {
	STORE_MOD_PRODUCTS, products_sql, PRODUCTS__COUNT
};

const char *const store_product_kinds[] = {
	"guide", "professional", "lessons", "policy", "research", "other", NULL
};

static const char *const products_kind_labels[] = {
	N_("guide"), N_("professional product"), N_("lesson series"), N_("policy document"),
	N_("research report"), N_("other")
};

const char *
store_product_kind_label(const char *kind)
{
	size_t i;

	for (i = 0; kind != NULL && store_product_kinds[i] != NULL; i++) {
		if (strcmp(kind, store_product_kinds[i]) == 0)
			return products_kind_labels[i];
	}
	return kind != NULL ? kind : "";
}

static bool
products_is_kind(const char *kind)
{
	size_t i;

	for (i = 0; kind != NULL && store_product_kinds[i] != NULL; i++) {
		if (strcmp(kind, store_product_kinds[i]) == 0)
			return true;
	}
	return false;
}

/* ---- products ---- */

/*
 * The group's status (and, when name is not NULL, its name, cut to name_size):
 * 1, or STORE_NOT_FOUND / STORE_ERROR with *error.
 */
static int
products_group(struct store *st, int64_t group_id, char *status, size_t size, char *name,
    size_t name_size, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_products_table, PRODUCTS_GROUP_NAME, error);
	int rc;

	if (s == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, group_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && status != NULL)
		snprintf(status, size, "%s", (const char *)sqlite3_column_text(s, 1));
	if (rc == SQLITE_ROW && name != NULL)
		snprintf(name, name_size, "%s", (const char *)sqlite3_column_text(s, 0));
	store_done(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return store_refuse(error, STORE_NOT_FOUND, "%s", _("There is no such group."));
	return store_fail(st, rc, _("reading a group"), error);
}

/* May who register the products of group_id (today)? */
static bool
products_may_edit(struct store *st, const struct actor *who, int64_t group_id)
{
	struct access_ctx ctx;

	store_group_relation(st, who, group_id, NULL, &ctx);
	return access_allows(who, ACCESS_PRODUCT_EDIT, &ctx);
}

bool
store_product_may_edit(struct store *st, const struct actor *who, int64_t group_id)
{
	return products_may_edit(st, who, group_id);
}

/* May who edit the products of group_id? 0, or a negative store_result. */
static int
products_check_may(struct store *st, const struct actor *who, int64_t group_id, char **error)
{
	int ret = products_group(st, group_id, NULL, 0, NULL, 0, error);

	if (ret < 0)
		return ret;
	if (!products_may_edit(st, who, group_id))
		return store_refuse(error, STORE_DENIED, "%s",
		    _(access_reason(ACCESS_PRODUCT_EDIT)));
	return 0;
}

/*
 * Check what was typed; fills *on with the publication date to store (none
 * for a draft, today when published without one). 0 or STORE_INVALID.
 */
static int
products_validate(const struct product_in *p, struct date *on, char **error)
{
	struct date today = date_today();
	const char *why;

	if ((why = validate_line(p->title, true, VALIDATE_TITLE_MAX)) != NULL)
		return store_refuse_field(error, _("title"), why, VALIDATE_TITLE_MAX);
	if (!products_is_kind(p->kind))
		return store_refuse(error, STORE_INVALID, _("'%s' is not a kind of product."),
		    p->kind != NULL ? p->kind : "");
	if ((why = validate_text(p->description, false, PRODUCTS_DESCRIPTION_MAX)) != NULL)
		return store_refuse_field(error, _("description"), why, PRODUCTS_DESCRIPTION_MAX);
	if ((why = validate_line(p->link, false, PRODUCTS_LINK_MAX)) != NULL)
		return store_refuse_field(error, _("link"), why, PRODUCTS_LINK_MAX);
	memset(on, 0, sizeof *on);
	if (p->status == NULL || strcmp(p->status, "draft") == 0)
		return 0;
	if (strcmp(p->status, "published") != 0)
		return store_refuse(error, STORE_INVALID, _("'%s' is not a status of a product."),
		    p->status);
	*on = date_valid(&p->published_on) ? p->published_on : today;
	if (date_compare(on, &today) > 0)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("The publication date lies in the future; publish it on the day itself."));
	return 0;
}

/*
 * End a change begun with store_begin: commit, or roll back when ret (0 or a
 * store_result) says it failed (also after a nested call rolled back).
 */
static int
products_finish(struct store *st, int ret, char **error)
{
	if (ret != 0) {
		store_rollback(st);
		return ret < 0 ? ret : STORE_ERROR;
	}
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
}

int
store_product_add(struct store *st, const struct actor *who, int64_t group_id,
    const struct product_in *p, int64_t *id, char **error)
{
	struct date on, today = date_today();
	sqlite3_stmt *s;
	int ret;

	if ((ret = products_validate(p, &on, error)) != 0)
		return ret;
	/* the check and the insert in one transaction: a role ended meanwhile counts */
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = products_check_may(st, who, group_id, error)) != 0)
		return products_finish(st, ret, error);
	if ((s = store_stmt(st, &store_products_table, PRODUCTS_INSERT, error)) == NULL)
		return products_finish(st, STORE_ERROR, error);
	sqlite3_bind_int64(s, 1, group_id);
	store_bind_text(s, 2, p->title);
	store_bind_text(s, 3, p->kind);
	store_bind_text(s, 4, p->description);
	store_bind_text(s, 5, p->link);
	store_bind_text(s, 6, date_valid(&on) ? "published" : "draft");
	store_bind_date(s, 7, &on);
	store_bind_id(s, 8, who->person_id);
	store_bind_date(s, 9, &today);
	ret = store_insert_audited(st, who, s, "product", p->title, id, error);
	return products_finish(st, ret == 0 ? 0 : STORE_ERROR, error);
}

/* The group of product id: 1 with *group_id and status, or a negative store_result. */
static int
products_facts(struct store *st, int64_t id, int64_t *group_id, char *status, size_t size,
    char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_products_table, PRODUCTS_FACTS, error);
	int rc;

	if (s == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*group_id = sqlite3_column_int64(s, 0);
		snprintf(status, size, "%s", (const char *)sqlite3_column_text(s, 1));
	}
	store_done(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return store_refuse(error, STORE_NOT_FOUND, "%s",
		    _("That product no longer exists."));
	return store_fail(st, rc, _("reading a product"), error);
}

/* May who change product id? 0, or a negative store_result. */
static int
products_may_change(struct store *st, const struct actor *who, int64_t id, char **error)
{
	char status[16];
	int64_t group_id = 0;
	int ret = products_facts(st, id, &group_id, status, sizeof status, error);

	if (ret < 0)
		return ret;
	if (!products_may_edit(st, who, group_id))
		return store_refuse(error, STORE_DENIED, "%s",
		    _(access_reason(ACCESS_PRODUCT_EDIT)));
	return 0;
}

#define PRODUCTS_CONFLICT \
	_("Someone else changed this product meanwhile; it was reloaded. Make your change again.")

int
store_product_update(struct store *st, const struct actor *who, int64_t id, int version,
    const struct product_in *p, char **error)
{
	struct date on;
	sqlite3_stmt *s;
	int ret;

	if ((ret = products_validate(p, &on, error)) != 0)
		return ret;
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = products_may_change(st, who, id, error)) != 0)
		return products_finish(st, ret, error);
	if ((s = store_stmt(st, &store_products_table, PRODUCTS_UPDATE, error)) == NULL)
		return products_finish(st, STORE_ERROR, error);
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, version);
	store_bind_text(s, 3, p->title);
	store_bind_text(s, 4, p->kind);
	store_bind_text(s, 5, p->description);
	store_bind_text(s, 6, p->link);
	store_bind_text(s, 7, date_valid(&on) ? "published" : "draft");
	store_bind_date(s, 8, &on);
	ret = store_update_versioned(st, who, s, "product", id, "update", p->title,
	    PRODUCTS_CONFLICT, error);
	return products_finish(st, ret, error);
}

/* "Title → published", allocated, or NULL. */
static char *
products_status_summary(struct store *st, int64_t id, const char *status)
{
	sqlite3_stmt *s = store_stmt(st, &store_products_table, PRODUCTS_STATUS_SUMMARY, NULL);

	if (s == NULL)
		return NULL;
	sqlite3_bind_int64(s, 1, id);
	store_bind_text(s, 2, status);
	return store_summary(s);
}

int
store_product_set_status(struct store *st, const struct actor *who, int64_t id, int version,
    const char *status, char **error)
{
	struct date today = date_today();
	char *summary;
	sqlite3_stmt *s;
	int ret;

	if (status == NULL || (strcmp(status, "draft") != 0 && strcmp(status, "published") != 0))
		return store_refuse(error, STORE_INVALID, _("'%s' is not a status of a product."),
		    status != NULL ? status : "");
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = products_may_change(st, who, id, error)) != 0)
		return products_finish(st, ret, error);
	summary = products_status_summary(st, id, status);
	if ((s = store_stmt(st, &store_products_table, PRODUCTS_SET_STATUS, error)) == NULL) {
		free(summary);
		return products_finish(st, STORE_ERROR, error);
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, version);
	store_bind_text(s, 3, status);
	store_bind_date(s, 4, &today);
	ret = store_update_versioned(st, who, s, "product", id, status, summary,
	    PRODUCTS_CONFLICT, error);
	free(summary);
	return products_finish(st, ret, error);
}

int
store_product_get(struct store *st, const struct actor *who, int64_t id,
    struct product_detail *out, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_products_table, PRODUCTS_GET, error);
	int rc;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return STORE_ERROR;
	if (actor_is_visitor(who))
		return store_refuse(error, STORE_DENIED, "%s",
		    _("Only people known in the network can see its products."));
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->group_id = sqlite3_column_int64(s, 1);
		out->group_name = store_column_dup(s, 2);
		out->theme = store_column_dup(s, 3);
		out->title = store_column_dup(s, 4);
		out->kind = store_column_dup(s, 5);
		out->description = store_column_dup(s, 6);
		out->link = store_column_dup(s, 7);
		out->status = store_column_dup(s, 8);
		out->published_on = store_column_dup(s, 9);
		out->added_on = store_column_dup(s, 10);
		out->added_by = store_column_dup(s, 11);
		out->version = sqlite3_column_int(s, 12);
	}
	store_done(s);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, _("reading a product"), error);
	out->may_edit = products_may_edit(st, who, out->group_id);
	if (!out->may_edit && strcmp(out->status, "published") != 0) {
		store_product_detail_clear(out);
		return 0;
	}
	return 1;
}

void
store_product_detail_clear(struct product_detail *d)
{
	if (d == NULL)
		return;
	free(d->group_name);
	free(d->theme);
	free(d->title);
	free(d->kind);
	free(d->description);
	free(d->link);
	free(d->status);
	free(d->published_on);
	free(d->added_on);
	free(d->added_by);
	memset(d, 0, sizeof *d);
}

/* Step a statement of product rows into cb; 0 or -1. */
static int
products_rows(struct store *st, sqlite3_stmt *s, store_product_cb cb, void *arg, char **error)
{
	struct product_row r;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.group_id = sqlite3_column_int64(s, 1);
		r.title = (const char *)sqlite3_column_text(s, 2);
		r.kind = (const char *)sqlite3_column_text(s, 3);
		r.status = (const char *)sqlite3_column_text(s, 4);
		r.published_on = (const char *)sqlite3_column_text(s, 5);
		r.group_name = (const char *)sqlite3_column_text(s, 6);
		r.theme = (const char *)sqlite3_column_text(s, 7);
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading products"), error);
	return 0;
}

int
store_group_products(struct store *st, const struct actor *who, int64_t group_id, int limit,
    store_product_cb cb, void *arg, int *total, char **error)
{
	bool drafts;
	sqlite3_stmt *s;
	int rc;

	if (total != NULL)
		*total = 0;
	if (actor_is_visitor(who))
		return store_refuse(error, STORE_DENIED, "%s",
		    _("Only people known in the network can see its products."));
	drafts = products_may_edit(st, who, group_id);
	if (total != NULL) {
		if ((s = store_stmt(st, &store_products_table, PRODUCTS_GROUP_COUNT, error)) == NULL)
			return STORE_ERROR;
		sqlite3_bind_int64(s, 1, group_id);
		sqlite3_bind_int(s, 2, drafts);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			*total = sqlite3_column_int(s, 0);
		store_done(s);
		if (rc != SQLITE_ROW)
			return store_fail(st, rc, _("reading products"), error);
	}
	if ((s = store_stmt(st, &store_products_table, PRODUCTS_GROUP, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, group_id);
	sqlite3_bind_int(s, 2, drafts);
	sqlite3_bind_int(s, 3, limit > 0 ? limit : -1);
	return products_rows(st, s, cb, arg, error);
}

/* A date far beyond every stored one, and one before all. */
#define PRODUCTS_DAY_MAX "9999-12-31"
#define PRODUCTS_DAY_MIN "0000-01-01"

/*
 * Bind the range of a page: the school year's days (or every day), narrowed
 * at the anchor's end to the anchor, with the id bound there.
 */
static void
products_bind_page(sqlite3_stmt *s, const struct product_filter *f,
    const struct product_anchor *a, bool inclusive, bool forward)
{
	char first[DATE_ISO_LEN] = PRODUCTS_DAY_MIN, last[DATE_ISO_LEN] = PRODUCTS_DAY_MAX;
	struct date d0, d1, in;
	int64_t id = forward ? INT64_MAX : INT64_MIN;

	if (f != NULL && f->school_year > 0) {
		in = (struct date){ f->school_year, 9, 1 };
		date_school_year(&in, &d0, &d1);
		date_format_iso(&d0, first);
		date_format_iso(&d1, last);
	}
	if (a != NULL && a->published_on != NULL) {
		if (forward && strcmp(a->published_on, last) <= 0) {
			snprintf(last, sizeof last, "%s", a->published_on);
			id = a->id + (inclusive ? 1 : 0);
		} else if (!forward && strcmp(a->published_on, first) >= 0) {
			snprintf(first, sizeof first, "%s", a->published_on);
			id = a->id - (inclusive ? 1 : 0);
		}
	}
	sqlite3_bind_text(s, 1, first, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, last, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, id);
}

int
store_products_page(struct store *st, const struct actor *who,
    const struct product_filter *f, const struct product_anchor *anchor, bool inclusive,
    bool forward, int limit, store_product_cb cb, void *arg, char **error)
{
	sqlite3_stmt *s;
	char *match;

	if (actor_is_visitor(who))
		return store_refuse(error, STORE_DENIED, "%s",
		    _("Only people known in the network can see its products."));
	s = store_stmt(st, &store_products_table, forward ? PRODUCTS_PAGE_FWD :
	    PRODUCTS_PAGE_BACK, error);
	if (s == NULL)
		return STORE_ERROR;
	products_bind_page(s, f, anchor, inclusive, forward);
	if (f != NULL) {
		store_bind_text(s, 4, f->kind);
		store_bind_id(s, 5, f->theme_id);
		match = store_fts_query(f->search);
		store_bind_text(s, 6, match);
		free(match);
	}
	sqlite3_bind_int(s, 7, limit > 0 ? limit : -1);
	return products_rows(st, s, cb, arg, error);
}

/* text as a LIKE pattern for its prefix: %, _ and \ escaped; allocated. */
static char *
products_like_prefix(const char *text)
{
	char *out = xmalloc(strlen(text) * 2 + 2), *w = out;

	for (; *text != '\0'; text++) {
		if (*text == '%' || *text == '_' || *text == '\\')
			*w++ = '\\';
		*w++ = *text;
	}
	*w++ = '%';
	*w = '\0';
	return out;
}

int
store_product_lookup(struct store *st, const struct actor *who, int64_t group_id,
    const char *text, int64_t *id, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_products_table, PRODUCTS_LOOKUP, error);
	int64_t ids[3];
	bool exact = false;
	char *like;
	int rc, n = 0;

	*id = 0;
	if (s == NULL)
		return STORE_ERROR;
	if (text == NULL || *text == '\0')
		return store_refuse(error, STORE_INVALID, "%s", _("Name a product."));
	like = products_like_prefix(text);
	sqlite3_bind_int64(s, 1, group_id);
	sqlite3_bind_text(s, 2, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 3, products_may_edit(st, who, group_id));
	sqlite3_bind_text(s, 4, like, -1, SQLITE_TRANSIENT);
	free(like);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n < 3) {
		if (n == 0)
			exact = sqlite3_column_int(s, 1) != 0;
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	store_done(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return store_fail(st, rc, _("reading products"), error);
	if (n == 1 || (n > 1 && exact)) {
		*id = ids[0];
		return 1;
	}
	if (n == 0)
		store_refuse(error, STORE_INVALID, _("The group has no product called '%s'."), text);
	else
		store_refuse(error, STORE_INVALID,
		    _("Several products of the group start with '%s'; type more of the title."),
		    text);
	return 0;
}

/* ---- the programme of the knowledge-sharing day ---- */

/* A network-wide meeting as a slot needs it. */
struct products_meeting {
	struct date day;
	int start_min, end_min;
	char title[128];
};

/* The meeting a slot goes in: 0, or a negative store_result (a group's meeting is INVALID). */
static int
products_meeting(struct store *st, int64_t meeting_id, struct products_meeting *m,
    char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_products_table, SLOTS_MEETING, error);
	struct date end_day = { 0, 0, 0 };
	bool group = false, cancelled = false, bad = false;
	int rc;

	if (s == NULL)
		return STORE_ERROR;
	memset(m, 0, sizeof *m);
	sqlite3_bind_int64(s, 1, meeting_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		group = sqlite3_column_type(s, 0) != SQLITE_NULL;
		cancelled = strcmp((const char *)sqlite3_column_text(s, 1), "cancelled") == 0;
		bad = datetime_parse_iso((const char *)sqlite3_column_text(s, 2), &m->day,
		    &m->start_min) != 0 ||
		    datetime_parse_iso((const char *)sqlite3_column_text(s, 3), &end_day,
		    &m->end_min) != 0;
		/* ends on a later day: the slots may run to midnight */
		if (!bad && date_compare(&end_day, &m->day) != 0)
			m->end_min = 24 * 60;
		snprintf(m->title, sizeof m->title, "%s", sqlite3_column_type(s, 4) != SQLITE_NULL ?
		    (const char *)sqlite3_column_text(s, 4) : "");
	}
	store_done(s);
	if (rc == SQLITE_DONE)
		return store_refuse(error, STORE_NOT_FOUND, "%s", _("That meeting no longer exists."));
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, _("reading a meeting"), error);
	if (group)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("Only a network-wide meeting has a programme of presentations."));
	if (cancelled)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("The meeting is cancelled; it has no programme."));
	if (bad)
		return store_refuse(error, STORE_INVALID, "%s", _("The meeting has no valid times."));
	return 0;
}

/* Does a statement bound by the caller give a row? 1, 0, or -1 (error set). */
static int
products_exists(struct store *st, sqlite3_stmt *s, char **error)
{
	int rc = sqlite3_step(s);

	store_done(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(st, rc, _("reading the programme"), error);
}

/* The product of a slot: of the group and published. 0 or a negative store_result. */
static int
products_slot_product(struct store *st, int64_t group_id, int64_t product_id, char **error)
{
	char status[16];
	int64_t of = 0;
	int ret;

	if (product_id == 0)
		return 0;
	if ((ret = products_facts(st, product_id, &of, status, sizeof status, error)) < 0)
		return ret;
	if (of != group_id)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("That product belongs to another group."));
	if (strcmp(status, "published") != 0)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("Only a published product can be presented; publish it first."));
	return 0;
}

/* The slot's time and room against the meeting and the other slots. */
static int
products_slot_fits(struct store *st, int64_t meeting_id, int64_t slot_id,
    const struct slot_in *in, const char *from, const char *to,
    const struct products_meeting *m, char **error)
{
	sqlite3_stmt *s;
	char a[16], b[16], *other;
	int rc;

	if (in->start_min < 0 || in->end_min > 24 * 60 || in->end_min <= in->start_min)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("A slot ends after it starts."));
	if (in->start_min < m->start_min || in->end_min > m->end_min) {
		snprintf(a, sizeof a, "%02d:%02d", m->start_min / 60, m->start_min % 60);
		snprintf(b, sizeof b, "%02d:%02d", m->end_min / 60, m->end_min % 60);
		return store_refuse(error, STORE_INVALID,
		    _("The slot lies outside the meeting's time (%s–%s)."), a, b);
	}
	if ((s = store_stmt(st, &store_products_table, SLOTS_SAME_GROUP, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, meeting_id);
	sqlite3_bind_int64(s, 2, in->group_id);
	store_bind_id(s, 3, slot_id);
	if ((rc = products_exists(st, s, error)) != 0)
		return rc < 0 ? STORE_ERROR : store_refuse(error, STORE_INVALID, "%s",
		    _("This group already has a slot in the programme; change that one instead."));
	if (in->room == NULL || in->room[0] == '\0')
		return 0;
	if ((s = store_stmt(st, &store_products_table, SLOTS_ROOM_OVERLAP, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, meeting_id);
	store_bind_id(s, 2, slot_id);
	store_bind_text(s, 3, in->room);
	sqlite3_bind_text(s, 4, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, to, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		other = xasprintf(_("%s already presents in %s from %.5s to %.5s."),
		    (const char *)sqlite3_column_text(s, 0), in->room,
		    (const char *)sqlite3_column_text(s, 1) + 11,
		    (const char *)sqlite3_column_text(s, 2) + 11);
		store_done(s);
		rc = store_refuse(error, STORE_INVALID, "%s", other);
		free(other);
		return rc;
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading the programme"), error);
	return 0;
}

/*
 * Every rule of a slot, inside the caller's transaction: who, the meeting,
 * the group, the product, the time, the group's one slot, the room. Fills
 * from/to ("YYYY-MM-DDTHH:MM") and the audit summary. 0 or a store_result.
 */
static int
products_slot_check(struct store *st, const struct actor *who, int64_t meeting_id,
    int64_t slot_id, const struct slot_in *in, char *from, char *to, char **summary,
    char **error)
{
	struct products_meeting m;
	char status[16], name[256];
	const char *why;
	int ret;

	if (!access_allows(who, ACCESS_PROGRAMME_EDIT, NULL))
		return store_refuse(error, STORE_DENIED, "%s",
		    _(access_reason(ACCESS_PROGRAMME_EDIT)));
	if ((ret = products_meeting(st, meeting_id, &m, error)) != 0)
		return ret;
	if ((why = validate_line(in->room, false, PRODUCTS_ROOM_MAX)) != NULL)
		return store_refuse_field(error, _("room"), why, PRODUCTS_ROOM_MAX);
	if ((ret = products_group(st, in->group_id, status, sizeof status, name, sizeof name,
	    error)) < 0)
		return ret;
	if (strcmp(status, "forming") == 0)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("The group is still forming; only active or closed groups present."));
	if ((ret = products_slot_product(st, in->group_id, in->product_id, error)) != 0)
		return ret;
	datetime_format_iso(&m.day, in->start_min, from);
	datetime_format_iso(&m.day, in->end_min, to);
	if ((ret = products_slot_fits(st, meeting_id, slot_id, in, from, to, &m, error)) != 0)
		return ret;
	*summary = xasprintf("%s → %s %.5s", name, m.title, from + 11);
	return 0;
}

int
store_slot_add(struct store *st, const struct actor *who, int64_t meeting_id,
    const struct slot_in *in, int64_t *id, char **error)
{
	char from[DATETIME_ISO_LEN], to[DATETIME_ISO_LEN], *summary = NULL;
	sqlite3_stmt *s;
	int ret;

	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	ret = products_slot_check(st, who, meeting_id, 0, in, from, to, &summary, error);
	if (ret != 0) {
		store_rollback(st);
		return ret;
	}
	if ((s = store_stmt(st, &store_products_table, SLOTS_INSERT, error)) == NULL) {
		store_rollback(st);
		free(summary);
		return STORE_ERROR;
	}
	sqlite3_bind_int64(s, 1, meeting_id);
	sqlite3_bind_int64(s, 2, in->group_id);
	store_bind_id(s, 3, in->product_id);
	sqlite3_bind_text(s, 4, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, to, -1, SQLITE_TRANSIENT);
	store_bind_text(s, 6, in->room);
	ret = store_insert_audited(st, who, s, "programme_slot", summary, id, error);
	free(summary);
	if (ret != 0)
		return STORE_ERROR;	/* rolled back */
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
}

/* The meeting of slot id: 1 with *meeting_id, or a negative store_result. */
static int
products_slot_facts(struct store *st, int64_t id, int64_t *meeting_id, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_products_table, SLOTS_FACTS, error);
	int rc;

	if (s == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*meeting_id = sqlite3_column_int64(s, 0);
	store_done(s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return store_refuse(error, STORE_NOT_FOUND, "%s",
		    _("That slot is no longer in the programme."));
	return store_fail(st, rc, _("reading the programme"), error);
}

#define PRODUCTS_SLOT_CONFLICT \
	_("Someone else changed this slot meanwhile; it was reloaded. Make your change again.")

int
store_slot_update(struct store *st, const struct actor *who, int64_t slot_id, int version,
    const struct slot_in *in, char **error)
{
	char from[DATETIME_ISO_LEN], to[DATETIME_ISO_LEN], *summary = NULL;
	int64_t meeting_id = 0;
	sqlite3_stmt *s;
	int ret;

	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = products_slot_facts(st, slot_id, &meeting_id, error)) < 0 ||
	    (ret = products_slot_check(st, who, meeting_id, slot_id, in, from, to, &summary,
	    error)) != 0) {
		store_rollback(st);
		return ret;
	}
	if ((s = store_stmt(st, &store_products_table, SLOTS_UPDATE, error)) == NULL) {
		store_rollback(st);
		free(summary);
		return STORE_ERROR;
	}
	sqlite3_bind_int64(s, 1, slot_id);
	sqlite3_bind_int(s, 2, version);
	sqlite3_bind_int64(s, 3, in->group_id);
	store_bind_id(s, 4, in->product_id);
	sqlite3_bind_text(s, 5, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 6, to, -1, SQLITE_TRANSIENT);
	store_bind_text(s, 7, in->room);
	ret = store_update_versioned(st, who, s, "programme_slot", slot_id, "update", summary,
	    PRODUCTS_SLOT_CONFLICT, error);
	free(summary);
	if (ret != 0)
		return ret;	/* rolled back */
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
}

/* The audit summary of slot id ("Group → Meeting HH:MM"), allocated, or NULL. */
static char *
products_slot_summary(struct store *st, int64_t id)
{
	sqlite3_stmt *s = store_stmt(st, &store_products_table, SLOTS_SUMMARY, NULL);

	if (s == NULL)
		return NULL;
	sqlite3_bind_int64(s, 1, id);
	return store_summary(s);
}

int
store_slot_remove(struct store *st, const struct actor *who, int64_t slot_id, int version,
    char **error)
{
	int64_t meeting_id = 0;
	sqlite3_stmt *s;
	char *summary;
	int ret;

	if (!access_allows(who, ACCESS_PROGRAMME_EDIT, NULL))
		return store_refuse(error, STORE_DENIED, "%s",
		    _(access_reason(ACCESS_PROGRAMME_EDIT)));
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = products_slot_facts(st, slot_id, &meeting_id, error)) < 0)
		return products_finish(st, ret, error);
	summary = products_slot_summary(st, slot_id);
	if ((s = store_stmt(st, &store_products_table, SLOTS_DELETE, error)) == NULL) {
		free(summary);
		return products_finish(st, STORE_ERROR, error);
	}
	sqlite3_bind_int64(s, 1, slot_id);
	sqlite3_bind_int(s, 2, version);
	ret = store_update_versioned(st, who, s, "programme_slot", slot_id, "delete", summary,
	    PRODUCTS_SLOT_CONFLICT, error);
	free(summary);
	return products_finish(st, ret, error);
}

int
store_programme_each(struct store *st, const struct actor *who, int64_t meeting_id,
    store_slot_cb cb, void *arg, char **error)
{
	sqlite3_stmt *s;
	struct slot_row r;
	int rc;

	if (actor_is_visitor(who))
		return store_refuse(error, STORE_DENIED, "%s",
		    _("Only people known in the network can see the programme."));
	if ((s = store_stmt(st, &store_products_table, SLOTS_EACH, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, meeting_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.meeting_id = sqlite3_column_int64(s, 1);
		r.group_id = sqlite3_column_int64(s, 2);
		r.product_id = sqlite3_column_int64(s, 3);
		r.starts_at = (const char *)sqlite3_column_text(s, 4);
		r.ends_at = (const char *)sqlite3_column_text(s, 5);
		r.room = (const char *)sqlite3_column_text(s, 6);
		r.group_name = (const char *)sqlite3_column_text(s, 7);
		r.product_title = (const char *)sqlite3_column_text(s, 8);
		r.product_kind = (const char *)sqlite3_column_text(s, 9);
		r.leads = (const char *)sqlite3_column_text(s, 10);
		r.version = sqlite3_column_int(s, 11);
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading the programme"), error);
	return 0;
}

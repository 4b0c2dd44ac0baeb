/*
 * store_people.c — organisations and people.
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

enum {
	PEOPLE_ORG_INSERT,
	PEOPLE_PERSON_INSERT,
	PEOPLE_BY_LOGIN,
	PEOPLE_LOOKUP,
	PEOPLE_ID_BY_LOGIN,
	PEOPLE_PAGE_FIRST,
	PEOPLE_PAGE_AFTER,
	PEOPLE_PAGE_LAST,
	PEOPLE_PAGE_BEFORE,
	PEOPLE_ORG_PAGE_FIRST,
	PEOPLE_ORG_PAGE_AFTER,
	PEOPLE_ORG_PAGE_LAST,
	PEOPLE_ORG_PAGE_BEFORE,
	PEOPLE_HIT_PAGE_FIRST,
	PEOPLE_HIT_PAGE_AFTER,
	PEOPLE_HIT_PAGE_LAST,
	PEOPLE_HIT_PAGE_BEFORE,
	PEOPLE_FTS_PAGE_FIRST,
	PEOPLE_FTS_PAGE_AFTER,
	PEOPLE_FTS_PAGE_LAST,
	PEOPLE_FTS_PAGE_BEFORE,
	PEOPLE_HITS,
	PEOPLE_ID_RANGE,
	PEOPLE_GET,
	PEOPLE_EMAIL_OWNER,
	PEOPLE_LOGIN_OWNER,
	PEOPLE_UPDATE,
	PEOPLE_DELETE,
	PEOPLE_SET_ACTIVE,
	PEOPLE_ERASE,
	PEOPLE_ERASE_INTEREST,
	PEOPLE_ERASE_ATTENDANCE,
	PEOPLE_ERASE_AUDIT_LOGIN,
	PEOPLE_ERASE_AUDIT_SELF,
	PEOPLE_ERASE_AUDIT_INTEREST,
	PEOPLE_ERASE_AUDIT_MEMBERSHIP,
	PEOPLE_ERASE_FTS,
	PEOPLE_GROUPS,
	PEOPLE_THEMES,
	PEOPLE_ORGS_FIRST,
	PEOPLE_ORGS_AFTER,
	PEOPLE_ORGS_LAST,
	PEOPLE_ORGS_BEFORE,
	PEOPLE_ORG_BY_NAME,
	PEOPLE_ORG_KIND,
	PEOPLE_ORG_UPDATE,
	PEOPLE__COUNT
};

/*
 * A page of people: ?1 today, ?2 inactive ones too, ?3 organisation, ?4 the
 * search (FTS5), ?5/?6 the anchor's name and id, ?7 = 1 takes the anchor too,
 * ?8 the limit. FROM and MATCH differ between the ways below.
 */
#define PEOPLE_PAGE_SQL(FROM, ORG, MATCH, CMP, DIR) \
	"SELECT p.id AS id, p.name AS name, o.name, p.function, p.email, " \
	"(SELECT count(*) FROM membership m WHERE m.person_id = p.id AND m.role <> 'follower' " \
	" AND m.start_on <= ?1 AND (m.end_on IS NULL OR m.end_on >= ?1)), p.active " \
	FROM " LEFT JOIN organisation o ON o.id = p.organisation_id " \
	"WHERE p.erased = 0 AND (?2 = 1 OR p.active = 1) " \
	ORG MATCH \
	CMP " ORDER BY p.name COLLATE NOCASE " DIR ", p.id " DIR " LIMIT ?8"
#define PEOPLE_PAGE_ORG(ORG, CMP, DIR) PEOPLE_PAGE_SQL("FROM person p", ORG, \
	"AND (?4 IS NULL OR p.id IN (SELECT rowid FROM person_fts WHERE person_fts MATCH ?4)) ", \
	CMP, DIR)
/*
 * A search of everyone takes one of two ways by how many people match
 * (people_hits counts them into a bitmap first). Many (a letter or two: "v"
 * matches 86 000 of 200 000 people by names, addresses and schools): walk the
 * names in order and keep those in the bitmap (person_hit), a page is full
 * after a few dozen rows. Few: read the matches from the search index and
 * sort them by name. Both cost what they read; the one way for both (the
 * page statements above) first gathers every match and then walks the names,
 * which costs both.
 */
#define PEOPLE_HIT_PAGE(CMP, DIR) PEOPLE_PAGE_SQL("FROM person p", "AND ?3 IS NULL ", \
	"AND ?4 IS NOT NULL AND person_hit(p.id) ", CMP, DIR)
#define PEOPLE_HIT_SCAN_OK "/* scan ok: a broad search walks names in order until LIMIT " \
	"match, one in PEOPLE_BROAD_FRACTION at least */ "
/* the few: sorted bare, then the page's rows get their school and group count */
#define PEOPLE_FTS_SORTED(CMP, DIR) \
	"SELECT p.id AS id, p.name AS name, p.organisation_id AS org_id, p.function AS function, " \
	"p.email AS email, p.active AS active FROM (SELECT rowid AS hit FROM person_fts " \
	"WHERE person_fts MATCH ?4) f CROSS JOIN person p ON p.id = f.hit " \
	"WHERE p.erased = 0 AND (?2 = 1 OR p.active = 1) AND ?3 IS NULL " \
	CMP " ORDER BY p.name COLLATE NOCASE " DIR ", p.id " DIR " LIMIT ?8"
#define PEOPLE_FTS_PAGE(CMP, DIR) \
	"SELECT q.id AS id, q.name AS name, o.name, q.function, q.email, " \
	"(SELECT count(*) FROM membership m WHERE m.person_id = q.id AND m.role <> 'follower' " \
	" AND m.start_on <= ?1 AND (m.end_on IS NULL OR m.end_on >= ?1)), q.active " \
	"FROM (" PEOPLE_FTS_SORTED(CMP, DIR) ") q LEFT JOIN organisation o ON o.id = q.org_id " \
	"ORDER BY q.name COLLATE NOCASE " DIR ", q.id " DIR
/*
 * The first and last page walk person_name in order and stop after LIMIT
 * rows; one organisation's people are read through person_organisation_name
 * instead (migration 7), so that its 40 people are not sought among 200 000.
 */
#define PEOPLE_SCAN_OK "/* scan ok: a first or last page, in name order up to LIMIT */ "
#define PEOPLE_ORGS_SCAN_OK "/* scan ok: organisations in name order up to LIMIT */ "
#define PEOPLE_PAGE(CMP, DIR) PEOPLE_PAGE_ORG("AND ?3 IS NULL ", CMP, DIR)
#define PEOPLE_ORG_PAGE(CMP, DIR) PEOPLE_PAGE_ORG("AND p.organisation_id = ?3 ", CMP, DIR)
#define PEOPLE_AFTER "AND p.name >= ?5 COLLATE NOCASE " \
	"AND (p.name > ?5 COLLATE NOCASE OR p.id > ?6 - ?7)"
#define PEOPLE_BEFORE "AND p.name <= ?5 COLLATE NOCASE " \
	"AND (p.name < ?5 COLLATE NOCASE OR p.id < ?6 + ?7)"

#define PEOPLE_ORGS(CMP, DIR) \
	"SELECT o.id AS id, o.name AS name, o.kind, b.name, o.parent_id, " \
	"(SELECT count(*) FROM person p WHERE p.organisation_id = o.id AND p.active = 1), " \
	"o.version FROM organisation o LEFT JOIN organisation b ON b.id = o.parent_id " \
	"WHERE (?1 IS NULL OR instr(lower(o.name), lower(?1)) > 0) " \
	CMP " ORDER BY o.name COLLATE NOCASE " DIR ", o.id " DIR " LIMIT ?5"
#define PEOPLE_ORGS_AFTER_SQL "AND o.name >= ?2 COLLATE NOCASE " \
	"AND (o.name > ?2 COLLATE NOCASE OR o.id > ?3 - ?4)"
#define PEOPLE_ORGS_BEFORE_SQL "AND o.name <= ?2 COLLATE NOCASE " \
	"AND (o.name < ?2 COLLATE NOCASE OR o.id < ?3 + ?4)"

static const char *const people_sql[PEOPLE__COUNT] = {
	[PEOPLE_ORG_INSERT] =
	    "INSERT INTO organisation (name, kind, parent_id, region) VALUES (?1, ?2, ?3, ?4)",
	[PEOPLE_PERSON_INSERT] =
	    "/* scan ok: the plan lists SQLite's foreign-key child scans, which run only "
	    "while deferred violations are outstanding, never here */ "
	    "INSERT INTO person (name, email, organisation_id, function, login, coordinator) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[PEOPLE_BY_LOGIN] =
	    "SELECT id, name, coordinator FROM person "
	    "WHERE login = ?1 AND active = 1 AND erased = 0",
	[PEOPLE_ID_BY_LOGIN] = "SELECT id FROM person WHERE login = ?1",
	[PEOPLE_LOOKUP] =
	    "SELECT id, name FROM person WHERE (login = ?1 OR email = ?1) "
	    "AND active = 1 AND erased = 0",
	[PEOPLE_PAGE_FIRST] = PEOPLE_SCAN_OK PEOPLE_PAGE("", "ASC"),
	[PEOPLE_PAGE_AFTER] = PEOPLE_PAGE(PEOPLE_AFTER, "ASC"),
	[PEOPLE_PAGE_LAST] = PEOPLE_SCAN_OK "SELECT * FROM (" PEOPLE_PAGE("", "DESC")
	    ") ORDER BY name COLLATE NOCASE, id",
	[PEOPLE_PAGE_BEFORE] = "SELECT * FROM (" PEOPLE_PAGE(PEOPLE_BEFORE, "DESC")
	    ") ORDER BY name COLLATE NOCASE, id",
	[PEOPLE_ORG_PAGE_FIRST] = PEOPLE_ORG_PAGE("", "ASC"),
	[PEOPLE_ORG_PAGE_AFTER] = PEOPLE_ORG_PAGE(PEOPLE_AFTER, "ASC"),
	[PEOPLE_ORG_PAGE_LAST] = "SELECT * FROM (" PEOPLE_ORG_PAGE("", "DESC")
	    ") ORDER BY name COLLATE NOCASE, id",
	[PEOPLE_ORG_PAGE_BEFORE] = "SELECT * FROM (" PEOPLE_ORG_PAGE(PEOPLE_BEFORE, "DESC")
	    ") ORDER BY name COLLATE NOCASE, id",
	[PEOPLE_HIT_PAGE_FIRST] = PEOPLE_HIT_SCAN_OK PEOPLE_HIT_PAGE("", "ASC"),
	[PEOPLE_HIT_PAGE_AFTER] = PEOPLE_HIT_SCAN_OK PEOPLE_HIT_PAGE(PEOPLE_AFTER, "ASC"),
	[PEOPLE_HIT_PAGE_LAST] = PEOPLE_HIT_SCAN_OK "SELECT * FROM (" PEOPLE_HIT_PAGE("", "DESC")
	    ") ORDER BY name COLLATE NOCASE, id",
	[PEOPLE_HIT_PAGE_BEFORE] = PEOPLE_HIT_SCAN_OK "SELECT * FROM ("
	    PEOPLE_HIT_PAGE(PEOPLE_BEFORE, "DESC") ") ORDER BY name COLLATE NOCASE, id",
	[PEOPLE_FTS_PAGE_FIRST] = PEOPLE_FTS_PAGE("", "ASC"),
	[PEOPLE_FTS_PAGE_AFTER] = PEOPLE_FTS_PAGE(PEOPLE_AFTER, "ASC"),
	[PEOPLE_FTS_PAGE_LAST] = "SELECT * FROM (" PEOPLE_FTS_PAGE("", "DESC")
	    ") ORDER BY name COLLATE NOCASE, id",
	[PEOPLE_FTS_PAGE_BEFORE] = "SELECT * FROM (" PEOPLE_FTS_PAGE(PEOPLE_BEFORE, "DESC")
	    ") ORDER BY name COLLATE NOCASE, id",
	[PEOPLE_HITS] = "SELECT rowid FROM person_fts WHERE person_fts MATCH ?1",
	/* two subqueries: each reads one end of the table (min and max together would scan) */
	[PEOPLE_ID_RANGE] = "SELECT (SELECT min(id) FROM person), (SELECT max(id) FROM person)",
	[PEOPLE_GET] =
	    "SELECT p.id, p.name, p.email, p.function, p.login, p.organisation_id, o.name, "
	    "p.coordinator, p.active, p.erased, p.version FROM person p "
	    "LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ?1",
	[PEOPLE_EMAIL_OWNER] = "SELECT name FROM person WHERE email = ?1 AND id <> ?2",
	[PEOPLE_LOGIN_OWNER] = "SELECT name FROM person WHERE login = ?1 AND id <> ?2",
	[PEOPLE_UPDATE] =
	    "UPDATE person SET name = ?3, email = ?4, organisation_id = ?5, function = ?6, "
	    "login = ?7, version = version + 1 WHERE id = ?1 AND version = ?2 AND erased = 0",
	[PEOPLE_DELETE] = "/* scan ok: the foreign keys look for history; deleting is rare */ "
	    "DELETE FROM person WHERE id = ?1 AND version = ?2",
	[PEOPLE_SET_ACTIVE] =
	    "UPDATE person SET active = ?3, version = version + 1 "
	    "WHERE id = ?1 AND version = ?2 AND erased = 0",
	[PEOPLE_ERASE] =
	    "UPDATE person SET name = '#' || id, email = NULL, login = NULL, function = NULL, "
	    "organisation_id = NULL, settings = NULL, coordinator = 0, active = 0, erased = 1, "
	    "version = version + 1 WHERE id = ?1 AND version = ?2 AND erased = 0",
	[PEOPLE_ERASE_INTEREST] = "UPDATE interest SET remark = NULL WHERE person_id = ?1",
	[PEOPLE_ERASE_ATTENDANCE] = "UPDATE attendance SET remark = NULL WHERE person_id = ?1",
	[PEOPLE_ERASE_AUDIT_LOGIN] = "UPDATE audit SET login = NULL WHERE person_id = ?1",
	/* the log's rows about the person: their own, and "NAME → …" of their
	 * registrations and memberships (whatever name they had then) */
	[PEOPLE_ERASE_AUDIT_SELF] =
	    "UPDATE audit SET summary = ?2 WHERE entity = 'person' AND entity_id = ?1",
	[PEOPLE_ERASE_AUDIT_INTEREST] =
	    "UPDATE audit SET summary = ?2 || substr(summary, instr(summary, ' → ')) "
	    "WHERE entity = 'interest' AND entity_id = ?1 AND instr(summary, ' → ') > 0",
	/* merge the search index, so the erased name leaves its segments too */
	[PEOPLE_ERASE_FTS] = "INSERT INTO person_fts(person_fts) VALUES ('optimize')",
	[PEOPLE_ERASE_AUDIT_MEMBERSHIP] =
	    "UPDATE audit SET summary = ?2 || substr(summary, instr(summary, ' → ')) "
	    "WHERE entity = 'membership' AND entity_id IN "
	    "(SELECT id FROM membership WHERE person_id = ?1) AND instr(summary, ' → ') > 0",
	[PEOPLE_GROUPS] =
	    "SELECT m.id, g.id, g.name, m.role, m.start_on, m.end_on FROM membership m "
	    "JOIN grp g ON g.id = m.group_id WHERE m.person_id = ?1 "
	    "ORDER BY (m.end_on IS NOT NULL AND m.end_on < ?2), m.start_on DESC, g.name",
	[PEOPLE_THEMES] =
	    "SELECT t.id, t.title, t.status, i.registered_on FROM interest i "
	    "JOIN theme t ON t.id = i.theme_id WHERE i.person_id = ?1 "
	    "ORDER BY i.registered_on DESC, t.title",
	/* the organisations: a first or last page in name order; a typed name is a
	 * substring test, over 5 000 organisations at national scale */
	[PEOPLE_ORGS_FIRST] = PEOPLE_ORGS_SCAN_OK PEOPLE_ORGS("", "ASC"),
	[PEOPLE_ORGS_AFTER] = PEOPLE_ORGS(PEOPLE_ORGS_AFTER_SQL, "ASC"),
	[PEOPLE_ORGS_LAST] = PEOPLE_ORGS_SCAN_OK "SELECT * FROM (" PEOPLE_ORGS("", "DESC")
	    ") ORDER BY name COLLATE NOCASE, id",
	[PEOPLE_ORGS_BEFORE] = "SELECT * FROM (" PEOPLE_ORGS(PEOPLE_ORGS_BEFORE_SQL, "DESC")
	    ") ORDER BY name COLLATE NOCASE, id",
	[PEOPLE_ORG_BY_NAME] =
	    "SELECT id FROM organisation WHERE name = ?1 COLLATE NOCASE AND id <> ?2 "
	    "ORDER BY id LIMIT 1",
	[PEOPLE_ORG_KIND] = "SELECT kind FROM organisation WHERE id = ?1",
	[PEOPLE_ORG_UPDATE] =
	    "UPDATE organisation SET name = ?3, kind = ?4, parent_id = ?5, "
	    "region = coalesce(?6, region), "
	    "version = version + 1 WHERE id = ?1 AND version = ?2",
};

const struct store_sql_table store_people_table = {
	STORE_MOD_PEOPLE, people_sql, PEOPLE__COUNT
};

static const char *const people_org_kinds[] = {
	[ORG_SCHOOL] = "school", [ORG_BOARD] = "board", [ORG_INSTITUTE] = "institute",
	[ORG_MUNICIPALITY] = "municipality", [ORG_OTHER] = "other",
};

int
store_org_insert(struct store *st, const struct actor *who, const struct org_new *o,
    int64_t *id, char **error)
{
	sqlite3_stmt *s;

	if (store_writable(st, error) != 0)
		return -1;
	s = store_stmt(st, &store_people_table, PEOPLE_ORG_INSERT, error);
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, o->name);
	sqlite3_bind_text(s, 2, people_org_kinds[o->kind], -1, SQLITE_STATIC);
	store_bind_id(s, 3, o->parent_id);
	store_bind_text(s, 4, o->region);
	return store_insert_audited(st, who, s, "organisation", o->name, id, error);
}

int
store_person_insert(struct store *st, const struct actor *who, const struct person_new *p,
    int64_t *id, char **error)
{
	sqlite3_stmt *s;

	if (store_writable(st, error) != 0)
		return -1;
	s = store_stmt(st, &store_people_table, PEOPLE_PERSON_INSERT, error);
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, p->name);
	store_bind_text(s, 2, p->email);
	store_bind_id(s, 3, p->organisation_id);
	store_bind_text(s, 4, p->function);
	store_bind_text(s, 5, p->login);
	sqlite3_bind_int(s, 6, p->coordinator ? 1 : 0);
	return store_insert_audited(st, who, s, "person", p->name, id, error);
}

int
store_actor_by_login(struct store *st, const char *login, struct actor **out, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_people_table, PEOPLE_BY_LOGIN, error);
	int rc, ret = 0;

	*out = NULL;
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, login);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*out = actor_new(sqlite3_column_int64(s, 0), login,
		    (const char *)sqlite3_column_text(s, 1), sqlite3_column_int(s, 2) != 0);
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, _("looking up who you are"), error);
	}
	store_done(s);
	return ret;
}

int
store_person_lookup(struct store *st, const char *login_or_email, int64_t *id, char **name,
    char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_people_table, PEOPLE_LOOKUP, error);
	int rc, ret = 0;

	*id = 0;
	*name = NULL;
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, login_or_email);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		*name = xstrdup((const char *)sqlite3_column_text(s, 1));
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, _("looking up a person"), error);
	}
	store_done(s);
	return ret;
}

int
store_person_id_by_login(struct store *st, const char *login, int64_t *id, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_people_table, PEOPLE_ID_BY_LOGIN, error);
	int rc, ret = 0;

	*id = 0;
	if (s == NULL)
		return -1;
	store_bind_text(s, 1, login);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, _("looking up a person"), error);
	}
	store_done(s);
	return ret;
}

static int people_exec_id(struct store *st, int idx, int64_t id, char **error);

/* ---- the directory ---- */

/* Visitors see nobody: 0 when who may look, else STORE_DENIED. */
static int
people_may_view(const struct actor *who, char **error)
{
	if (access_allows(who, ACCESS_PEOPLE_VIEW, NULL))
		return 0;
	return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_PEOPLE_VIEW)));
}

/*
 * The matches of the last search of everyone, one bit per person id, and
 * what they were counted on: a page down or the reading ahead of the same
 * search uses them again until the data changes.
 */
struct people_hits {
	char *match;			/* the FTS5 query */
	long long data_version;		/* others' commits (PRAGMA data_version) */
	long long changes;		/* our own (sqlite3_total_changes) */
	unsigned char *bits;		/* bit id - min_id; NULL: no bitmap (below) */
	int64_t min_id, max_id;		/* the people's ids then */
	uint64_t span;			/* max_id - min_id + 1 */
	int64_t n;			/* people matched */
	int way;			/* tests: store_people_search_way */
};

/*
 * The most ids a bitmap spans (2 MiB). The store numbers people from 1 up;
 * ids set by hand far apart (a merged or edited file) get no bitmap, and the
 * search reads the index first.
 */
#define PEOPLE_BITMAP_SPAN ((uint64_t)1 << 24)

/*
 * A search is broad when at least one person in this many matches: walking
 * the names then reads at most LIMIT × this many index entries, each a few
 * bytes in order, where the other way reads one row from anywhere a match.
 */
#define PEOPLE_BROAD_FRACTION 1000

/* person_hit(id): is id among the matches of the current search? */
static void
people_hit_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct people_hits *h = ((struct store *)sqlite3_user_data(ctx))->hits;
	int64_t id = sqlite3_value_int64(argv[0]);
	uint64_t bit;

	(void)argc;
	if (h == NULL || h->bits == NULL || id < h->min_id || id > h->max_id) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	bit = (uint64_t)id - (uint64_t)h->min_id;
	sqlite3_result_int(ctx, (h->bits[bit >> 3] >> (bit & 7) & 1) != 0);
}

/* A bit per id of the people's span, or none when they lie too far apart. */
static void
people_hits_span(struct people_hits *h, sqlite3_stmt *range)
{
	bool none = sqlite3_column_type(range, 0) == SQLITE_NULL;	/* before any conversion */

	free(h->bits);
	h->bits = NULL;
	h->min_id = sqlite3_column_int64(range, 0);
	h->max_id = sqlite3_column_int64(range, 1);
	/* unsigned: the difference of any two ids fits */
	h->span = none ? 0 : (uint64_t)h->max_id - (uint64_t)h->min_id + 1;
	if (h->span > 0 && h->span <= PEOPLE_BITMAP_SPAN)
		h->bits = xcalloc((size_t)(h->span >> 3) + 1, 1);
}

int
store_people_register(struct store *st)
{
	return sqlite3_create_function(st->db, "person_hit", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY,
	    st, people_hit_fn, NULL, NULL);
}

void
store_people_hits_free(struct store *st)
{
	if (st->hits == NULL)
		return;
	free(st->hits->match);
	free(st->hits->bits);
	free(st->hits);
	st->hits = NULL;
}

void
store_people_hits_forget(struct store *st)
{
	if (st->hits == NULL)
		return;
	free(st->hits->match);
	st->hits->match = NULL;
}

void
store_people_search_way(struct store *st, int way)
{
	if (st->hits == NULL)
		st->hits = xcalloc(1, sizeof *st->hits);
	st->hits->way = way;
	free(st->hits->match);
	st->hits->match = NULL;
}

/*
 * Count the people match finds into st->hits (unless they are still there):
 * their number, -1 on error; without a bitmap (h->bits NULL) they are not
 * counted and the number is 0.
 */
static int64_t
people_hits(struct store *st, const char *match, char **error)
{
	struct people_hits *h;
	long long version = store_data_version(st);
	long long changes = sqlite3_total_changes(st->db);
	sqlite3_stmt *s;
	uint64_t bit;
	int64_t id;
	int rc;

	if (st->hits == NULL)
		st->hits = xcalloc(1, sizeof *st->hits);
	h = st->hits;
	if (h->match != NULL && strcmp(h->match, match) == 0 && version >= 0 &&
	    h->data_version == version && h->changes == changes)
		return h->n;
	free(h->match);
	h->match = NULL;
	if ((s = store_stmt(st, &store_people_table, PEOPLE_ID_RANGE, error)) == NULL)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		people_hits_span(h, s);
	store_done(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc, _("reading people"), error);
	h->n = 0;
	if (h->bits != NULL) {
		if ((s = store_stmt(st, &store_people_table, PEOPLE_HITS, error)) == NULL)
			return -1;
		sqlite3_bind_text(s, 1, match, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			id = sqlite3_column_int64(s, 0);
			if (id < h->min_id || id > h->max_id)
				continue;
			bit = (uint64_t)id - (uint64_t)h->min_id;
			h->bits[bit >> 3] |= (unsigned char)(1u << (bit & 7));
			h->n++;
		}
		store_done(s);
		if (rc != SQLITE_DONE)
			return store_fail(st, rc, _("reading people"), error);
	}
	h->match = xstrdup(match);
	h->data_version = version;
	h->changes = changes;
	return h->n;
}

int
store_people_page(struct store *st, const struct actor *who, const struct people_filter *f,
    const struct date *today, const char *anchor_name, int64_t anchor_id, bool inclusive,
    bool forward, int limit, store_person_cb cb, void *arg, char **error)
{
	int idx = forward ? (anchor_name != NULL ? PEOPLE_PAGE_AFTER : PEOPLE_PAGE_FIRST) :
	    (anchor_name != NULL ? PEOPLE_PAGE_BEFORE : PEOPLE_PAGE_LAST);
	struct person_row r;
	sqlite3_stmt *s;
	char *match;
	int64_t n;
	int rc, way;

	if ((rc = people_may_view(who, error)) != 0)
		return rc;
	match = store_fts_query(f != NULL ? f->search : NULL);
	if (f != NULL && f->organisation_id != 0) {
		/* the same four pages of one organisation, through its own index */
		idx += PEOPLE_ORG_PAGE_FIRST - PEOPLE_PAGE_FIRST;
	} else if (match != NULL) {
		/* a search of everyone: walk the names, or sort the few matches */
		if ((n = people_hits(st, match, error)) < 0) {
			free(match);
			return STORE_ERROR;
		}
		way = st->hits->way;
		if (st->hits->bits != NULL && (way == 1 ||
		    (way == 0 && (uint64_t)n * PEOPLE_BROAD_FRACTION >= st->hits->span)))
			idx += PEOPLE_HIT_PAGE_FIRST - PEOPLE_PAGE_FIRST;
		else
			idx += PEOPLE_FTS_PAGE_FIRST - PEOPLE_PAGE_FIRST;
	}
	if ((s = store_stmt(st, &store_people_table, idx, error)) == NULL) {
		free(match);
		return STORE_ERROR;
	}
	store_bind_date(s, 1, today);
	sqlite3_bind_int(s, 2, f != NULL && f->inactive ? 1 : 0);
	store_bind_id(s, 3, f != NULL ? f->organisation_id : 0);
	store_bind_text(s, 4, match);
	free(match);
	if (anchor_name != NULL) {
		sqlite3_bind_text(s, 5, anchor_name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 6, anchor_id);
	}
	sqlite3_bind_int(s, 7, inclusive ? 1 : 0);
	sqlite3_bind_int(s, 8, limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.name = (const char *)sqlite3_column_text(s, 1);
		r.organisation = (const char *)sqlite3_column_text(s, 2);
		r.function = (const char *)sqlite3_column_text(s, 3);
		r.email = (const char *)sqlite3_column_text(s, 4);
		r.groups = sqlite3_column_int(s, 5);
		r.active = sqlite3_column_int(s, 6) != 0;
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading people"), error);
	return 0;
}

int
store_person_get(struct store *st, const struct actor *who, int64_t id,
    struct person_detail *out, char **error)
{
	sqlite3_stmt *s;
	int rc, ret = 0;

	memset(out, 0, sizeof *out);
	if ((rc = people_may_view(who, error)) != 0)
		return rc;
	if ((s = store_stmt(st, &store_people_table, PEOPLE_GET, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->name = store_column_dup(s, 1);
		out->email = store_column_dup(s, 2);
		out->function = store_column_dup(s, 3);
		out->login = store_column_dup(s, 4);
		out->organisation_id = sqlite3_column_int64(s, 5);
		out->organisation = store_column_dup(s, 6);
		out->coordinator = sqlite3_column_int(s, 7) != 0;
		out->active = sqlite3_column_int(s, 8) != 0;
		out->erased = sqlite3_column_int(s, 9) != 0;
		out->version = sqlite3_column_int(s, 10);
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, _("reading a person"), error);
	}
	store_done(s);
	return ret;
}

void
store_person_detail_clear(struct person_detail *d)
{
	if (d == NULL)
		return;
	free(d->name);
	free(d->email);
	free(d->function);
	free(d->login);
	free(d->organisation);
	memset(d, 0, sizeof *d);
}

/* The name of another person holding value in the column of statement idx
 * (allocated), or NULL. */
static char *
people_owner(struct store *st, int idx, const char *value, int64_t except)
{
	sqlite3_stmt *s;

	if (value == NULL || *value == '\0')
		return NULL;
	if ((s = store_stmt(st, &store_people_table, idx, NULL)) == NULL)
		return NULL;
	sqlite3_bind_text(s, 1, value, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, except);
	return store_summary(s);
}

/* Check the fields of a person (inside the caller's transaction): 0 or STORE_INVALID. */
static int
people_validate(struct store *st, int64_t id, const char *name, const char *email,
    const char *login, char **error)
{
	const char *why;
	char *owner;

	if ((why = validate_line(name, true, VALIDATE_TITLE_MAX)) != NULL)
		return store_refuse_field(error, _("name"), why, VALIDATE_TITLE_MAX);
	if (email != NULL && *email != '\0' && (why = validate_email(email)) != NULL)
		return store_refuse(error, STORE_INVALID, "%s: %s", _("email"), _(why));
	if (login != NULL && *login != '\0' &&
	    (why = validate_line(login, false, 64)) != NULL)
		return store_refuse_field(error, _("login"), why, 64);
	if ((owner = people_owner(st, PEOPLE_EMAIL_OWNER, email, id)) != NULL) {
		store_refuse(error, STORE_INVALID, _("email: %s already has this address."),
		    owner[0] == '#' ? _("an erased person") : owner);
		free(owner);
		return STORE_INVALID;
	}
	if ((owner = people_owner(st, PEOPLE_LOGIN_OWNER, login, id)) != NULL) {
		store_refuse(error, STORE_INVALID, _("login: %s already has this login."),
		    owner[0] == '#' ? _("an erased person") : owner);
		free(owner);
		return STORE_INVALID;
	}
	return 0;
}

int
store_person_add(struct store *st, const struct actor *who, const struct person_new *p,
    int64_t *id, char **error)
{
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (!access_allows(who, ACCESS_PERSON_ADD, NULL))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_PERSON_ADD)));
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = people_validate(st, 0, p->name, p->email, p->login, error)) != 0) {
		store_rollback(st);
		return ret;
	}
	if (store_person_insert(st, who, p, id, error) != 0) {
		store_rollback(st);
		return STORE_ERROR;
	}
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
}

/* Run a versioned UPDATE of a person, audited. */
static int
people_versioned(struct store *st, const struct actor *who, sqlite3_stmt *s, int64_t id,
    const char *action, const char *summary, char **error)
{
	return store_update_versioned(st, who, s, "person", id, action, summary,
	    _("Someone else changed this person meanwhile; it was reloaded. "
	    "Make your change again."), error);
}

/* Would saving d change the person's login? */
static bool
people_login_changes(struct store *st, const struct person_detail *d)
{
	sqlite3_stmt *s = store_stmt(st, &store_people_table, PEOPLE_GET, NULL);
	const char *have;
	bool changes = true;

	if (s == NULL)
		return true;
	sqlite3_bind_int64(s, 1, d->id);
	if (sqlite3_step(s) == SQLITE_ROW) {
		have = (const char *)sqlite3_column_text(s, 4);
		if (have == NULL || *have == '\0')
			changes = d->login != NULL && *d->login != '\0';
		else
			changes = d->login == NULL || strcmp(have, d->login) != 0;
	}
	store_done(s);
	return changes;
}

int
store_person_update(struct store *st, const struct actor *who, const struct person_detail *d,
    char **error)
{
	struct access_ctx ctx = { .owner_id = d->id };
	sqlite3_stmt *s;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (!access_allows(who, ACCESS_PERSON_EDIT, &ctx))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_PERSON_EDIT)));
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	/* a login is who someone is: only a coordinator gives or changes one */
	if (!who->coordinator && people_login_changes(st, d)) {
		ret = store_refuse(error, STORE_DENIED, "%s",
		    _("Only a coordinator can change a login."));
		goto out;
	}
	if ((ret = people_validate(st, d->id, d->name, d->email, d->login, error)) != 0)
		goto out;
	if ((s = store_stmt(st, &store_people_table, PEOPLE_UPDATE, error)) == NULL) {
		ret = STORE_ERROR;
		goto out;
	}
	sqlite3_bind_int64(s, 1, d->id);
	sqlite3_bind_int(s, 2, d->version);
	store_bind_text(s, 3, d->name);
	store_bind_text(s, 4, d->email);
	store_bind_id(s, 5, d->organisation_id);
	store_bind_text(s, 6, d->function);
	store_bind_text(s, 7, d->login);
	if ((ret = people_versioned(st, who, s, d->id, "update", d->name, error)) != 0)
		goto out;
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
out:
	store_rollback(st);
	return ret;
}

/* The name of person id for an audit summary (allocated), or NULL. */
static char *
people_name(struct store *st, int64_t id)
{
	sqlite3_stmt *s = store_stmt(st, &store_people_table, PEOPLE_GET, NULL);
	char *name = NULL;

	if (s == NULL)
		return NULL;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		name = store_column_dup(s, 1);
	store_done(s);
	return name;
}

int
store_person_remove(struct store *st, const struct actor *who, int64_t id, int version,
    char **error)
{
	sqlite3_stmt *s;
	char *name;
	int rc, ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (!access_allows(who, ACCESS_PERSON_REMOVE, NULL))
		return store_refuse(error, STORE_DENIED, "%s",
		    _(access_reason(ACCESS_PERSON_REMOVE)));
	if (who->person_id == id)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("You cannot deactivate yourself."));
	if ((name = people_name(st, id)) == NULL)
		return store_refuse(error, STORE_NOT_FOUND, "%s", _("That person no longer exists."));
	if (store_begin(st, error) != 0) {
		free(name);
		return STORE_ERROR;
	}
	/* Anyone with history is kept: the foreign keys refuse the delete. */
	if ((s = store_stmt(st, &store_people_table, PEOPLE_DELETE, error)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, version);
	rc = sqlite3_step(s);
	store_done(s);
	if (rc == SQLITE_DONE && sqlite3_changes(st->db) == 1) {
		if (store_audit(st, who, "delete", "person", id, name, error) != 0 ||
		    people_exec_id(st, PEOPLE_ERASE_FTS, id, error) != 0)
			goto fail;
		ret = 1;
	} else if (rc == SQLITE_DONE) {
		store_rollback(st);
		free(name);
		return store_refuse(error, STORE_CONFLICT, "%s",
		    _("Someone else changed this person meanwhile; it was reloaded. "
		    "Make your change again."));
	} else if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		if ((s = store_stmt(st, &store_people_table, PEOPLE_SET_ACTIVE, error)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int(s, 2, version);
		sqlite3_bind_int(s, 3, 0);
		if ((ret = people_versioned(st, who, s, id, "deactivate", name, error)) != 0) {
			store_rollback(st);
			free(name);
			return ret;
		}
		ret = 2;
	} else {
		store_fail(st, rc, _("removing a person"), error);
		goto fail;
	}
	free(name);
	return store_commit(st, error) == 0 ? ret : STORE_ERROR;
fail:
	store_rollback(st);
	free(name);
	return STORE_ERROR;
}

int
store_person_reactivate(struct store *st, const struct actor *who, int64_t id, int version,
    char **error)
{
	sqlite3_stmt *s;
	char *name;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (!access_allows(who, ACCESS_PERSON_REMOVE, NULL))
		return store_refuse(error, STORE_DENIED, "%s",
		    _(access_reason(ACCESS_PERSON_REMOVE)));
	name = people_name(st, id);
	if ((s = store_stmt(st, &store_people_table, PEOPLE_SET_ACTIVE, error)) == NULL) {
		free(name);
		return STORE_ERROR;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, version);
	sqlite3_bind_int(s, 3, 1);
	ret = people_versioned(st, who, s, id, "reactivate", name, error);
	free(name);
	return ret;
}

/* Run statement idx with person id bound as ?1, inside the caller's transaction. */
static int
people_exec_id(struct store *st, int idx, int64_t id, char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_people_table, idx, error);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return store_exec_stmt(st, s, _("erasing a person"), error);
}

int
store_person_erase(struct store *st, const struct actor *who, int64_t id, int version,
    char **error)
{
	static const int scrub[] = {
		PEOPLE_ERASE_AUDIT_SELF, PEOPLE_ERASE_AUDIT_INTEREST, PEOPLE_ERASE_AUDIT_MEMBERSHIP,
		PEOPLE_ERASE_FTS
	};
	char anon[32];
	sqlite3_stmt *s;
	char *name;
	size_t i;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (!access_allows(who, ACCESS_PERSON_REMOVE, NULL))
		return store_refuse(error, STORE_DENIED, "%s",
		    _(access_reason(ACCESS_PERSON_REMOVE)));
	if (who->person_id == id)
		return store_refuse(error, STORE_INVALID, "%s", _("You cannot erase yourself."));
	if ((name = people_name(st, id)) == NULL)
		return store_refuse(error, STORE_NOT_FOUND, "%s", _("That person no longer exists."));
	snprintf(anon, sizeof anon, "#%lld", (long long)id);
	if (store_begin(st, error) != 0) {
		free(name);
		return STORE_ERROR;
	}
	if ((s = store_stmt(st, &store_people_table, PEOPLE_ERASE, error)) == NULL)
		goto fail;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, version);
	/* the audit row of the erasure names the number, never the name */
	if ((ret = people_versioned(st, who, s, id, "erase", anon, error)) != 0) {
		store_rollback(st);
		free(name);
		return ret;
	}
	if (people_exec_id(st, PEOPLE_ERASE_INTEREST, id, error) != 0 ||
	    people_exec_id(st, PEOPLE_ERASE_ATTENDANCE, id, error) != 0 ||
	    people_exec_id(st, PEOPLE_ERASE_AUDIT_LOGIN, id, error) != 0)
		goto fail;
	for (i = 0; i < sizeof scrub / sizeof scrub[0]; i++) {
		if ((s = store_stmt(st, &store_people_table, scrub[i], error)) == NULL)
			goto fail;
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_text(s, 2, anon, -1, SQLITE_TRANSIENT);
		if (store_exec_stmt(st, s, _("erasing a person"), error) != 0)
			goto fail;
	}
	free(name);
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
fail:
	store_rollback(st);
	free(name);
	return STORE_ERROR;
}

int
store_person_groups(struct store *st, const struct actor *who, int64_t person_id,
    store_person_group_cb cb, void *arg, char **error)
{
	struct date today = date_today();
	struct person_group_row r;
	sqlite3_stmt *s;
	int rc;

	if ((rc = people_may_view(who, error)) != 0)
		return rc;
	if ((s = store_stmt(st, &store_people_table, PEOPLE_GROUPS, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, person_id);
	store_bind_date(s, 2, &today);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.membership_id = sqlite3_column_int64(s, 0);
		r.group_id = sqlite3_column_int64(s, 1);
		r.group_name = (const char *)sqlite3_column_text(s, 2);
		r.role = (const char *)sqlite3_column_text(s, 3);
		r.start_on = (const char *)sqlite3_column_text(s, 4);
		r.end_on = (const char *)sqlite3_column_text(s, 5);
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading memberships"), error);
	return 0;
}

int
store_person_themes(struct store *st, const struct actor *who, int64_t person_id,
    store_person_theme_cb cb, void *arg, char **error)
{
	struct person_theme_row r;
	sqlite3_stmt *s;
	int rc;

	if ((rc = people_may_view(who, error)) != 0)
		return rc;
	if ((s = store_stmt(st, &store_people_table, PEOPLE_THEMES, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, person_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.theme_id = sqlite3_column_int64(s, 0);
		r.title = (const char *)sqlite3_column_text(s, 1);
		r.status = (const char *)sqlite3_column_text(s, 2);
		r.registered_on = (const char *)sqlite3_column_text(s, 3);
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading registrations"), error);
	return 0;
}

static int
people_add_minutes(const struct hours_row *row, void *arg)
{
	*(long *)arg += row->credited;
	return 0;
}

/* The sum of the hours statement (store_hours.c): the rules are core/hours.c's alone. */
int
store_person_minutes(struct store *st, const struct actor *who, int64_t person_id,
    const struct date *first, const struct date *last, long *minutes, char **error)
{
	int rc;

	*minutes = 0;
	if ((rc = people_may_view(who, error)) != 0)
		return rc;
	/* someone's hours in total are theirs and the coordinators' business */
	if (who->person_id != person_id && !who->coordinator)
		return store_refuse(error, STORE_DENIED, "%s",
		    _("Only the person themself or a coordinator can see their hours."));
	return store_hours_each(st, who, person_id, 0, first, last, people_add_minutes, minutes,
	    error);
}

/* ---- organisations ---- */

int
store_orgs_page(struct store *st, const struct actor *who, const char *search,
    const char *anchor_name, int64_t anchor_id, bool inclusive, bool forward, int limit,
    store_org_cb cb, void *arg, char **error)
{
	int idx = forward ? (anchor_name != NULL ? PEOPLE_ORGS_AFTER : PEOPLE_ORGS_FIRST) :
	    (anchor_name != NULL ? PEOPLE_ORGS_BEFORE : PEOPLE_ORGS_LAST);
	struct org_row r;
	sqlite3_stmt *s;
	int rc;

	if ((rc = people_may_view(who, error)) != 0)
		return rc;
	if ((s = store_stmt(st, &store_people_table, idx, error)) == NULL)
		return STORE_ERROR;
	store_bind_text(s, 1, search);
	if (anchor_name != NULL) {
		sqlite3_bind_text(s, 2, anchor_name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 3, anchor_id);
	}
	sqlite3_bind_int(s, 4, inclusive ? 1 : 0);
	sqlite3_bind_int(s, 5, limit);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.name = (const char *)sqlite3_column_text(s, 1);
		r.kind = (const char *)sqlite3_column_text(s, 2);
		r.parent = (const char *)sqlite3_column_text(s, 3);
		r.parent_id = sqlite3_column_int64(s, 4);
		r.people = sqlite3_column_int(s, 5);
		r.version = sqlite3_column_int(s, 6);
		if (cb(&r, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc, _("reading organisations"), error);
	return 0;
}

/* The organisation named name other than except: 1 with *id, 0, -1. */
static int
people_org_named(struct store *st, const char *name, int64_t except, int64_t *id,
    char **error)
{
	sqlite3_stmt *s = store_stmt(st, &store_people_table, PEOPLE_ORG_BY_NAME, error);
	int rc, ret = 0;

	*id = 0;
	if (s == NULL)
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, except);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, _("looking up an organisation"), error);
	}
	store_done(s);
	return ret;
}

int
store_org_by_name(struct store *st, const char *name, int64_t *id, char **error)
{
	return people_org_named(st, name, 0, id, error);
}

/* Check an organisation (inside the caller's transaction): 0 or a store_result. */
static int
people_org_validate(struct store *st, int64_t id, const struct org_new *o, char **error)
{
	sqlite3_stmt *s;
	const char *why;
	int64_t other;
	int rc;

	if ((why = validate_line(o->name, true, VALIDATE_TITLE_MAX)) != NULL)
		return store_refuse_field(error, _("name"), why, VALIDATE_TITLE_MAX);
	if ((rc = people_org_named(st, o->name, id, &other, error)) != 0)
		return rc < 0 ? STORE_ERROR : store_refuse(error, STORE_INVALID, "%s",
		    _("name: another organisation already has this name."));
	if (o->parent_id == 0)
		return 0;
	if (o->kind != ORG_SCHOOL)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("board: only a school belongs to a board."));
	if (o->parent_id == id)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("board: an organisation cannot be its own board."));
	if ((s = store_stmt(st, &store_people_table, PEOPLE_ORG_KIND, error)) == NULL)
		return STORE_ERROR;
	sqlite3_bind_int64(s, 1, o->parent_id);
	rc = sqlite3_step(s);
	rc = rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(s, 0), "board") == 0;
	store_done(s);
	if (!rc)
		return store_refuse(error, STORE_INVALID, "%s",
		    _("board: a school's board must be an organisation of the kind board."));
	return 0;
}

int
store_org_add(struct store *st, const struct actor *who, const struct org_new *o,
    int64_t *id, char **error)
{
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (!access_allows(who, ACCESS_ORG_EDIT, NULL))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_ORG_EDIT)));
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = people_org_validate(st, 0, o, error)) != 0) {
		store_rollback(st);
		return ret;
	}
	if (store_org_insert(st, who, o, id, error) != 0) {
		store_rollback(st);
		return STORE_ERROR;
	}
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
}

int
store_org_update(struct store *st, const struct actor *who, int64_t id, int version,
    const struct org_new *o, char **error)
{
	sqlite3_stmt *s;
	int ret;

	if (store_writable(st, error) != 0)
		return STORE_ERROR;
	if (!access_allows(who, ACCESS_ORG_EDIT, NULL))
		return store_refuse(error, STORE_DENIED, "%s", _(access_reason(ACCESS_ORG_EDIT)));
	if (store_begin(st, error) != 0)
		return STORE_ERROR;
	if ((ret = people_org_validate(st, id, o, error)) != 0)
		goto out;
	if ((s = store_stmt(st, &store_people_table, PEOPLE_ORG_UPDATE, error)) == NULL) {
		ret = STORE_ERROR;
		goto out;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, version);
	store_bind_text(s, 3, o->name);
	sqlite3_bind_text(s, 4, people_org_kinds[o->kind], -1, SQLITE_STATIC);
	store_bind_id(s, 5, o->parent_id);
	store_bind_text(s, 6, o->region);
	ret = store_update_versioned(st, who, s, "organisation", id, "update", o->name,
	    _("Someone else changed this organisation meanwhile; it was reloaded. "
	    "Make your change again."), error);
	if (ret != 0)
		goto out;
	return store_commit(st, error) == 0 ? 0 : STORE_ERROR;
out:
	store_rollback(st);
	return ret;
}

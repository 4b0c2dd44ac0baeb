/*
 * store_migrate.c — the schema, one migration per version.
 *
 * Each step runs in its own BEGIN IMMEDIATE … COMMIT and sets user_version.
 * A shipped step is never edited: change the schema by adding a step.
 * schema.md beside this file explains the tables and the time format.
 */
#include "autoconf.h"

#include <stdlib.h>

#include "core/i18n.h"
#include "core/xmalloc.h"
#include "store/store_private.h"

struct store_migration {
	int version;
	const char *sql;
};

static const struct store_migration store_migrations[] = {
	{ 1,
	"PRAGMA application_id = 1280197972;\n"	/* 0x4c4e4554 "LNET" */

	"CREATE TABLE organisation (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('school','board','institute','municipality','other')),\n"
	"  parent_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,\n"
	"  region TEXT,\n"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),\n"
	"  version INTEGER NOT NULL DEFAULT 1\n"
	");\n"
	"CREATE INDEX organisation_name ON organisation(name COLLATE NOCASE);\n"
	"CREATE INDEX organisation_parent ON organisation(parent_id);\n"

	"CREATE TABLE person (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),\n"
	"  email TEXT COLLATE NOCASE,\n"
	"  organisation_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,\n"
	"  function TEXT,\n"
	"  login TEXT,\n"
	"  coordinator INTEGER NOT NULL DEFAULT 0 CHECK (coordinator IN (0,1)),\n"
	"  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),\n"
	"  erased INTEGER NOT NULL DEFAULT 0 CHECK (erased IN (0,1)),\n"
	"  settings TEXT,\n"
	"  version INTEGER NOT NULL DEFAULT 1\n"
	");\n"
	"CREATE UNIQUE INDEX person_email ON person(email) WHERE email IS NOT NULL;\n"
	"CREATE UNIQUE INDEX person_login ON person(login) WHERE login IS NOT NULL;\n"
	"CREATE INDEX person_name ON person(name COLLATE NOCASE, id);\n"
	"CREATE INDEX person_organisation ON person(organisation_id);\n"

	"CREATE TABLE theme (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),\n"
	"  description TEXT,\n"
	"  proposer_id INTEGER REFERENCES person(id),\n"
	"  proposed_on TEXT NOT NULL,\n"
	"  group_type TEXT NOT NULL,\n"
	"  orientation TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'proposed'\n"
	"    CHECK (status IN ('proposed','gathering','formed','archived')),\n"
	"  version INTEGER NOT NULL DEFAULT 1\n"
	");\n"
	"CREATE INDEX theme_title ON theme(title COLLATE NOCASE, id);\n"
	"CREATE INDEX theme_status ON theme(status, title COLLATE NOCASE);\n"

	"CREATE TABLE interest (\n"
	"  theme_id INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,\n"
	"  person_id INTEGER NOT NULL REFERENCES person(id),\n"
	"  registered_on TEXT NOT NULL,\n"
	"  manager_agreed INTEGER NOT NULL DEFAULT 0 CHECK (manager_agreed IN (0,1)),\n"
	"  remark TEXT,\n"
	"  PRIMARY KEY (theme_id, person_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX interest_person ON interest(person_id);\n"

	"CREATE TABLE grp (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),\n"
	"  type TEXT NOT NULL,\n"
	"  theme_id INTEGER REFERENCES theme(id),\n"
	"  question TEXT,\n"
	"  orientation TEXT,\n"
	"  start_on TEXT NOT NULL,\n"
	"  planned_end_on TEXT,\n"
	"  rhythm TEXT,\n"
	"  hours_norm INTEGER NOT NULL DEFAULT 0 CHECK (hours_norm >= 0),\n"
	"  status TEXT NOT NULL DEFAULT 'forming' CHECK (status IN ('forming','active','closed')),\n"
	"  proposal_ref TEXT,\n"
	"  members_may_post INTEGER NOT NULL DEFAULT 0,\n"
	"  open_to_followers INTEGER NOT NULL DEFAULT 1,\n"
	"  version INTEGER NOT NULL DEFAULT 1,\n"
	"  CHECK (planned_end_on IS NULL OR planned_end_on >= start_on)\n"
	");\n"
	"CREATE INDEX grp_name ON grp(name COLLATE NOCASE, id);\n"
	"CREATE INDEX grp_theme ON grp(theme_id);\n"
	"CREATE INDEX grp_status ON grp(status, name COLLATE NOCASE);\n"

	"CREATE TABLE membership (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  group_id INTEGER NOT NULL REFERENCES grp(id) ON DELETE CASCADE,\n"
	"  person_id INTEGER NOT NULL REFERENCES person(id),\n"
	"  role TEXT NOT NULL CHECK (role IN ('lead','member','expert','follower')),\n"
	"  start_on TEXT NOT NULL,\n"
	"  end_on TEXT,\n"
	"  CHECK (end_on IS NULL OR end_on >= start_on)\n"
	");\n"
	"CREATE INDEX membership_group ON membership(group_id, start_on, end_on);\n"
	"CREATE INDEX membership_person ON membership(person_id, start_on, end_on);\n"

	"CREATE TABLE meeting (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  group_id INTEGER REFERENCES grp(id) ON DELETE CASCADE,\n"
	"  title TEXT,\n"
	"  starts_at TEXT NOT NULL,\n"
	"  ends_at TEXT NOT NULL,\n"
	"  place TEXT,\n"
	"  agenda TEXT,\n"
	"  working_form TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','cancelled')),\n"
	"  series_id INTEGER,\n"
	"  version INTEGER NOT NULL DEFAULT 1,\n"
	"  CHECK (ends_at > starts_at)\n"
	");\n"
	"CREATE INDEX meeting_start ON meeting(starts_at);\n"
	"CREATE INDEX meeting_group ON meeting(group_id, starts_at);\n"
	"CREATE INDEX meeting_series ON meeting(series_id) WHERE series_id IS NOT NULL;\n"

	"CREATE TABLE poll (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  group_id INTEGER NOT NULL REFERENCES grp(id) ON DELETE CASCADE,\n"
	"  title TEXT NOT NULL,\n"
	"  created_by INTEGER REFERENCES person(id),\n"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),\n"
	"  meeting_id INTEGER REFERENCES meeting(id) ON DELETE SET NULL\n"
	");\n"
	"CREATE INDEX poll_group ON poll(group_id, status);\n"
	"CREATE TABLE poll_slot (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  poll_id INTEGER NOT NULL REFERENCES poll(id) ON DELETE CASCADE,\n"
	"  starts_at TEXT NOT NULL,\n"
	"  ends_at TEXT NOT NULL\n"
	");\n"
	"CREATE INDEX poll_slot_poll ON poll_slot(poll_id, starts_at);\n"
	"CREATE TABLE poll_answer (\n"
	"  slot_id INTEGER NOT NULL REFERENCES poll_slot(id) ON DELETE CASCADE,\n"
	"  person_id INTEGER NOT NULL REFERENCES person(id),\n"
	"  answer TEXT NOT NULL CHECK (answer IN ('yes','maybe','no')),\n"
	"  PRIMARY KEY (slot_id, person_id)\n"
	") WITHOUT ROWID;\n"

	"CREATE TABLE attendance (\n"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,\n"
	"  person_id INTEGER NOT NULL REFERENCES person(id),\n"
	"  status TEXT NOT NULL CHECK (status IN ('present','late','excused','absent')),\n"
	"  minutes INTEGER CHECK (minutes IS NULL OR minutes >= 0),\n"
	"  remark TEXT,\n"
	"  planned INTEGER NOT NULL DEFAULT 0 CHECK (planned IN (0,1)),\n"
	"  PRIMARY KEY (meeting_id, person_id)\n"
	") WITHOUT ROWID;\n"
	"CREATE INDEX attendance_person ON attendance(person_id, meeting_id);\n"

	"CREATE TABLE note (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  meeting_id INTEGER NOT NULL UNIQUE REFERENCES meeting(id) ON DELETE CASCADE,\n"
	"  method TEXT NOT NULL,\n"
	"  contributor_id INTEGER REFERENCES person(id),\n"
	"  chair_id INTEGER REFERENCES person(id),\n"
	"  minute_taker_id INTEGER REFERENCES person(id),\n"
	"  next_contributor_id INTEGER REFERENCES person(id),\n"
	"  next_chair_id INTEGER REFERENCES person(id),\n"
	"  author_id INTEGER REFERENCES person(id),\n"
	"  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','final')),\n"
	"  updated_at TEXT NOT NULL,\n"
	"  version INTEGER NOT NULL DEFAULT 1\n"
	");\n"
	"CREATE TABLE note_section (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  note_id INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  phase TEXT NOT NULL,\n"
	"  body TEXT NOT NULL DEFAULT '',\n"
	"  privacy TEXT NOT NULL DEFAULT 'group' CHECK (privacy IN ('group','author','contributor')),\n"
	"  author_id INTEGER REFERENCES person(id),\n"
	"  UNIQUE (note_id, position)\n"
	");\n"
	"CREATE TABLE agreement (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  note_id INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,\n"
	"  what TEXT NOT NULL,\n"
	"  owner_id INTEGER REFERENCES person(id),\n"
	"  due_on TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'open'\n"
	"    CHECK (status IN ('open','done','continued','dropped')),\n"
	"  remark TEXT,\n"
	"  reviewed_in_note_id INTEGER REFERENCES note(id) ON DELETE SET NULL\n"
	");\n"
	"CREATE INDEX agreement_note ON agreement(note_id);\n"
	"CREATE INDEX agreement_owner ON agreement(owner_id, status, due_on);\n"

	"CREATE TABLE update_post (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  group_id INTEGER NOT NULL REFERENCES grp(id) ON DELETE CASCADE,\n"
	"  author_id INTEGER REFERENCES person(id),\n"
	"  posted_at TEXT NOT NULL,\n"
	"  title TEXT NOT NULL,\n"
	"  body TEXT NOT NULL DEFAULT ''\n"
	");\n"
	"CREATE INDEX update_post_group ON update_post(group_id, posted_at);\n"
	"CREATE TABLE update_read (\n"
	"  post_id INTEGER NOT NULL REFERENCES update_post(id) ON DELETE CASCADE,\n"
	"  person_id INTEGER NOT NULL REFERENCES person(id),\n"
	"  PRIMARY KEY (person_id, post_id)\n"
	") WITHOUT ROWID;\n"

	"CREATE TABLE product (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  group_id INTEGER NOT NULL REFERENCES grp(id) ON DELETE CASCADE,\n"
	"  title TEXT NOT NULL,\n"
	"  kind TEXT NOT NULL CHECK (kind IN ('guide','professional','lessons','policy','research','other')),\n"
	"  description TEXT,\n"
	"  link TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published')),\n"
	"  published_on TEXT,\n"
	"  version INTEGER NOT NULL DEFAULT 1\n"
	");\n"
	"CREATE INDEX product_group ON product(group_id);\n"
	"CREATE INDEX product_kind ON product(kind, published_on);\n"

	"CREATE TABLE budget_request (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  group_id INTEGER NOT NULL REFERENCES grp(id) ON DELETE CASCADE,\n"
	"  requested_by INTEGER REFERENCES person(id),\n"
	"  requested_on TEXT NOT NULL,\n"
	"  purpose TEXT NOT NULL,\n"
	"  specialist TEXT,\n"
	"  cost_cents INTEGER NOT NULL CHECK (cost_cents >= 0),\n"
	"  needed_on TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','approved','declined')),\n"
	"  decided_by INTEGER REFERENCES person(id),\n"
	"  decided_on TEXT,\n"
	"  remark TEXT,\n"
	"  version INTEGER NOT NULL DEFAULT 1\n"
	");\n"
	"CREATE INDEX budget_request_status ON budget_request(status, requested_on);\n"
	"CREATE INDEX budget_request_group ON budget_request(group_id);\n"

	"CREATE TABLE scan (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  group_id INTEGER NOT NULL REFERENCES grp(id) ON DELETE CASCADE,\n"
	"  filled_on TEXT NOT NULL,\n"
	"  filled_by INTEGER REFERENCES person(id)\n"
	");\n"
	"CREATE INDEX scan_group ON scan(group_id, filled_on);\n"
	"CREATE TABLE scan_score (\n"
	"  scan_id INTEGER NOT NULL REFERENCES scan(id) ON DELETE CASCADE,\n"
	"  factor TEXT NOT NULL,\n"
	"  score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),\n"
	"  PRIMARY KEY (scan_id, factor)\n"
	") WITHOUT ROWID;\n"

	"CREATE TABLE audit (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  at TEXT NOT NULL,\n"
	"  person_id INTEGER,\n"
	"  login TEXT,\n"
	"  action TEXT NOT NULL,\n"
	"  entity TEXT NOT NULL,\n"
	"  entity_id INTEGER\n"
	");\n"
	"CREATE INDEX audit_entity ON audit(entity, entity_id);\n"
	"CREATE INDEX audit_at ON audit(at);\n"
	},
	{ 2,
	/* The catalogue sorts by interest and status, and searches as you type. */
	"ALTER TABLE theme ADD COLUMN interest_count INTEGER NOT NULL DEFAULT 0;\n"
	"ALTER TABLE theme ADD COLUMN status_rank INTEGER GENERATED ALWAYS AS (\n"
	"  CASE status WHEN 'gathering' THEN 1 WHEN 'proposed' THEN 2\n"
	"  WHEN 'formed' THEN 3 ELSE 4 END) VIRTUAL;\n"
	"UPDATE theme SET interest_count =\n"
	"  (SELECT count(*) FROM interest i WHERE i.theme_id = theme.id);\n"
	"CREATE TRIGGER interest_count_insert AFTER INSERT ON interest BEGIN\n"
	"  UPDATE theme SET interest_count = interest_count + 1 WHERE id = NEW.theme_id;\n"
	"END;\n"
	"CREATE TRIGGER interest_count_delete AFTER DELETE ON interest BEGIN\n"
	"  UPDATE theme SET interest_count = interest_count - 1 WHERE id = OLD.theme_id;\n"
	"END;\n"
	"CREATE INDEX theme_by_status ON theme(status_rank, title COLLATE NOCASE, id);\n"
	"CREATE INDEX theme_by_interest ON theme(-interest_count, title COLLATE NOCASE, id);\n"
	"CREATE INDEX theme_proposer ON theme(proposer_id);\n"

	"CREATE VIRTUAL TABLE theme_fts USING fts5(title, description, content='theme',\n"
	"  content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='2 3');\n"
	"INSERT INTO theme_fts(theme_fts) VALUES ('rebuild');\n"
	"CREATE TRIGGER theme_fts_insert AFTER INSERT ON theme BEGIN\n"
	"  INSERT INTO theme_fts(rowid, title, description)\n"
	"  VALUES (NEW.id, NEW.title, NEW.description);\n"
	"END;\n"
	"CREATE TRIGGER theme_fts_delete AFTER DELETE ON theme BEGIN\n"
	"  INSERT INTO theme_fts(theme_fts, rowid, title, description)\n"
	"  VALUES ('delete', OLD.id, OLD.title, OLD.description);\n"
	"END;\n"
	"CREATE TRIGGER theme_fts_update AFTER UPDATE OF title, description ON theme BEGIN\n"
	"  INSERT INTO theme_fts(theme_fts, rowid, title, description)\n"
	"  VALUES ('delete', OLD.id, OLD.title, OLD.description);\n"
	"  INSERT INTO theme_fts(rowid, title, description)\n"
	"  VALUES (NEW.id, NEW.title, NEW.description);\n"
	"END;\n"

	"CREATE VIRTUAL TABLE grp_fts USING fts5(name, content='grp', content_rowid='id',\n"
	"  tokenize='unicode61 remove_diacritics 2', prefix='2 3');\n"
	"INSERT INTO grp_fts(grp_fts) VALUES ('rebuild');\n"
	"CREATE TRIGGER grp_fts_insert AFTER INSERT ON grp BEGIN\n"
	"  INSERT INTO grp_fts(rowid, name) VALUES (NEW.id, NEW.name);\n"
	"END;\n"
	"CREATE TRIGGER grp_fts_delete AFTER DELETE ON grp BEGIN\n"
	"  INSERT INTO grp_fts(grp_fts, rowid, name) VALUES ('delete', OLD.id, OLD.name);\n"
	"END;\n"
	"CREATE TRIGGER grp_fts_update AFTER UPDATE OF name ON grp BEGIN\n"
	"  INSERT INTO grp_fts(grp_fts, rowid, name) VALUES ('delete', OLD.id, OLD.name);\n"
	"  INSERT INTO grp_fts(rowid, name) VALUES (NEW.id, NEW.name);\n"
	"END;\n"
	"CREATE INDEX grp_type ON grp(type, name COLLATE NOCASE);\n"
	"CREATE INDEX membership_lead ON membership(group_id, role) WHERE role = 'lead';\n"
	},
	{ 3,
	/* The audit log says what changed in words, and lists by person and by kind. */
	"ALTER TABLE audit ADD COLUMN summary TEXT;\n"
	"CREATE INDEX audit_person ON audit(person_id, at);\n"
	"CREATE INDEX audit_entity_at ON audit(entity, at);\n"
	},
	{ 4,
	/*
	 * The groups list asks, per visible group, for its members, leads, next
	 * meeting and hours held: covering indexes answer that without touching
	 * the meeting and membership rows (make bench: page down at national scale
	 * went from 2.6 ms to under the 2 ms budget). They replace narrower ones.
	 */
	"CREATE INDEX meeting_group_cover ON meeting(group_id, starts_at, status, ends_at);\n"
	"DROP INDEX meeting_group;\n"
	"CREATE INDEX membership_group_cover ON membership(group_id, start_on, end_on, role, "
	"person_id);\n"
	"DROP INDEX membership_group;\n"
	},
	{ 5,
	/*
	 * The people directory: search as you type on name, email and
	 * organisation (an FTS5 table of its own, kept by triggers; erased
	 * people are left out), and the organisations list by kind.
	 */
	"CREATE VIRTUAL TABLE person_fts USING fts5(name, email, organisation,\n"
	"  tokenize='unicode61 remove_diacritics 2', prefix='2 3');\n"
	"INSERT INTO person_fts(rowid, name, email, organisation)\n"
	"  SELECT p.id, p.name, p.email, o.name FROM person p\n"
	"  LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.erased = 0;\n"
	"CREATE TRIGGER person_fts_insert AFTER INSERT ON person WHEN NEW.erased = 0 BEGIN\n"
	"  INSERT INTO person_fts(rowid, name, email, organisation) VALUES (NEW.id, NEW.name,\n"
	"    NEW.email, (SELECT name FROM organisation WHERE id = NEW.organisation_id));\n"
	"END;\n"
	"CREATE TRIGGER person_fts_delete AFTER DELETE ON person BEGIN\n"
	"  DELETE FROM person_fts WHERE rowid = OLD.id;\n"
	"END;\n"
	"CREATE TRIGGER person_fts_update AFTER UPDATE OF name, email, organisation_id, erased\n"
	"  ON person BEGIN\n"
	"  DELETE FROM person_fts WHERE rowid = OLD.id;\n"
	"  INSERT INTO person_fts(rowid, name, email, organisation) SELECT NEW.id, NEW.name,\n"
	"    NEW.email, (SELECT name FROM organisation WHERE id = NEW.organisation_id)\n"
	"    WHERE NEW.erased = 0;\n"
	"END;\n"
	"CREATE TRIGGER person_fts_organisation AFTER UPDATE OF name ON organisation BEGIN\n"
	"  UPDATE person_fts SET organisation = NEW.name\n"
	"    WHERE rowid IN (SELECT id FROM person WHERE organisation_id = NEW.id);\n"
	"END;\n"
	"CREATE INDEX organisation_kind ON organisation(kind, name COLLATE NOCASE);\n"
	},
	{ 6,
	/*
	 * Intervision notes: a person's drafts, and the agreements a note
	 * reviewed. (No full-text index over the sections: a search walks the
	 * reader's own sections, see store_note_search.)
	 */
	"CREATE INDEX note_author ON note(author_id, status);\n"
	"CREATE INDEX agreement_reviewed ON agreement(reviewed_in_note_id)\n"
	"  WHERE reviewed_in_note_id IS NOT NULL;\n"
	},
	{ 7,
	/*
	 * The calendar: how many meetings (and how many of them cancelled) start
	 * on each day, kept by triggers, so that a month of the whole network
	 * says "+N more" per day without counting 40 000 index entries.
	 */
	"CREATE TABLE meeting_day (\n"
	"  day TEXT PRIMARY KEY,\n"
	"  meetings INTEGER NOT NULL,\n"
	"  cancelled INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n"
	"INSERT INTO meeting_day (day, meetings, cancelled)\n"
	"  SELECT substr(starts_at, 1, 10), count(*), sum(status = 'cancelled') FROM meeting\n"
	"  GROUP BY substr(starts_at, 1, 10);\n"
	"CREATE TRIGGER meeting_day_insert AFTER INSERT ON meeting BEGIN\n"
	"  INSERT INTO meeting_day (day, meetings, cancelled)\n"
	"    VALUES (substr(NEW.starts_at, 1, 10), 1, NEW.status = 'cancelled')\n"
	"    ON CONFLICT (day) DO UPDATE SET meetings = meetings + 1,\n"
	"    cancelled = cancelled + (NEW.status = 'cancelled');\n"
	"END;\n"
	"CREATE TRIGGER meeting_day_delete AFTER DELETE ON meeting BEGIN\n"
	"  UPDATE meeting_day SET meetings = meetings - 1,\n"
	"    cancelled = cancelled - (OLD.status = 'cancelled')\n"
	"    WHERE day = substr(OLD.starts_at, 1, 10);\n"
	"END;\n"
	"CREATE TRIGGER meeting_day_update AFTER UPDATE OF starts_at, status ON meeting\n"
	"  WHEN OLD.starts_at IS NOT NEW.starts_at OR OLD.status IS NOT NEW.status BEGIN\n"
	"  UPDATE meeting_day SET meetings = meetings - 1,\n"
	"    cancelled = cancelled - (OLD.status = 'cancelled')\n"
	"    WHERE day = substr(OLD.starts_at, 1, 10);\n"
	"  INSERT INTO meeting_day (day, meetings, cancelled)\n"
	"    VALUES (substr(NEW.starts_at, 1, 10), 1, NEW.status = 'cancelled')\n"
	"    ON CONFLICT (day) DO UPDATE SET meetings = meetings + 1,\n"
	"    cancelled = cancelled + (NEW.status = 'cancelled');\n"
	"END;\n"
	/* one organisation's people in name order (People, filtered by organisation) */
	"CREATE INDEX person_organisation_name ON person(organisation_id, name COLLATE NOCASE, id);\n"
	"DROP INDEX person_organisation;\n"
	},
	{ 8,
	/*
	 * Group life (#9): followers and read marks of updates, a remark per
	 * scan score, products searchable network-wide (an FTS5 table of their
	 * own, kept by triggers), the presentation slots of the knowledge-sharing
	 * day, and the indexes behind the new lists.
	 */
	"ALTER TABLE update_post ADD COLUMN version INTEGER NOT NULL DEFAULT 1;\n"
	"CREATE INDEX update_post_author ON update_post(author_id);\n"
	"CREATE INDEX update_read_post ON update_read(post_id);\n"
	"ALTER TABLE scan_score ADD COLUMN remark TEXT;\n"
	"CREATE INDEX scan_person ON scan(filled_by);\n"
	"ALTER TABLE product ADD COLUMN added_by INTEGER REFERENCES person(id);\n"
	"ALTER TABLE product ADD COLUMN added_on TEXT;\n"
	"CREATE INDEX product_published ON product(status, published_on);\n"
	"CREATE INDEX product_person ON product(added_by);\n"
	"CREATE VIRTUAL TABLE product_fts USING fts5(title, description,\n"
	"  tokenize='unicode61 remove_diacritics 2', prefix='2 3');\n"
	"INSERT INTO product_fts(rowid, title, description)\n"
	"  SELECT id, title, coalesce(description, '') FROM product;\n"
	"CREATE TRIGGER product_fts_insert AFTER INSERT ON product BEGIN\n"
	"  INSERT INTO product_fts(rowid, title, description)\n"
	"    VALUES (NEW.id, NEW.title, coalesce(NEW.description, ''));\n"
	"END;\n"
	"CREATE TRIGGER product_fts_delete AFTER DELETE ON product BEGIN\n"
	"  DELETE FROM product_fts WHERE rowid = OLD.id;\n"
	"END;\n"
	"CREATE TRIGGER product_fts_update AFTER UPDATE OF title, description ON product BEGIN\n"
	"  DELETE FROM product_fts WHERE rowid = OLD.id;\n"
	"  INSERT INTO product_fts(rowid, title, description)\n"
	"    VALUES (NEW.id, NEW.title, coalesce(NEW.description, ''));\n"
	"END;\n"
	"CREATE INDEX budget_request_person ON budget_request(requested_by);\n"
	"CREATE INDEX budget_request_decider ON budget_request(decided_by);\n"
	"CREATE TABLE programme_slot (\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,\n"
	"  group_id INTEGER NOT NULL REFERENCES grp(id) ON DELETE CASCADE,\n"
	"  product_id INTEGER REFERENCES product(id) ON DELETE SET NULL,\n"
	"  starts_at TEXT NOT NULL,\n"
	"  ends_at TEXT NOT NULL CHECK (ends_at > starts_at),\n"
	"  room TEXT,\n"
	"  version INTEGER NOT NULL DEFAULT 1,\n"
	"  UNIQUE (meeting_id, group_id)\n"
	");\n"
	"CREATE INDEX programme_slot_meeting ON programme_slot(meeting_id, starts_at);\n"
	"CREATE INDEX programme_slot_group ON programme_slot(group_id);\n"
	"CREATE INDEX programme_slot_product ON programme_slot(product_id);\n"
	},
	{ 9,
	/*
	 * The coordinators' overview counts each group's open follow-up
	 * agreements past their date: the open ones by due date, so that the
	 * done, continued and dropped ones (most of them, in a running network)
	 * are never read.
	 */
	"CREATE INDEX agreement_open_due ON agreement(due_on, note_id) WHERE status = 'open';\n"
	},
	{ 10,
	/*
	 * The people's search index gains a prefix index of one letter: a
	 * search of everyone counts its matches first (store_people.c), and
	 * "v" matches 86 000 of 200 000 people; without it FTS5 merges the
	 * lists of every word starting with v (9 ms at national scale; with
	 * it, one list: 4 ms). The index is built again from the people, as
	 * its triggers would (erased people left out); nothing else changes.
	 */
	"DROP TABLE person_fts;\n"
	"CREATE VIRTUAL TABLE person_fts USING fts5(name, email, organisation,\n"
	"  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');\n"
	"INSERT INTO person_fts(rowid, name, email, organisation)\n"
	"  SELECT p.id, p.name, p.email, o.name FROM person p\n"
	"  LEFT JOIN organisation o ON o.id = p.organisation_id WHERE p.erased = 0;\n"
	},
};

#define STORE_N_MIGRATIONS (sizeof store_migrations / sizeof store_migrations[0])

/* user_version as the file has it now, inside the caller's transaction. */
static int
store_migrate_current(struct store *st)
{
	sqlite3_stmt *s;
	int v = -1;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* Run one migration in its own immediate transaction. */
static int
store_migrate_step(struct store *st, const struct store_migration *m, char **error)
{
	char *sql;
	int rc;

	rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, _("upgrading the database"), error);
	if (store_migrate_current(st) >= m->version) {
		/* Another session upgraded the file while we waited. */
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
		return 0;
	}
	rc = sqlite3_exec(st->db, m->sql, NULL, NULL, NULL);
	if (rc == SQLITE_OK) {
		/* PRAGMA takes no parameters; the version is our own constant. */
		sql = xasprintf("PRAGMA user_version = %d", m->version);
		rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
		free(sql);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return store_fail(st, rc, _("upgrading the database"), error);
	}
	return 0;
}

int
store_migrate(struct store *st, int from_version, char **error)
{
	size_t i;

	for (i = 0; i < STORE_N_MIGRATIONS; i++) {
		if (store_migrations[i].version <= from_version)
			continue;
		if (store_migrate_step(st, &store_migrations[i], error) != 0)
			return -1;
	}
	return 0;
}

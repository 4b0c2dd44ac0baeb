/*
 * roster_export.h — a roster written out for people and programs: text for
 * printing, CSV (RFC 4180, header row, formula cells neutralised), vCard 4.0
 * (one card per person) and a plain address list for a mail client's BCC.
 *
 * The callers (the roster command and the group page) fetch the rows from
 * the store and give the labels; nothing here reads the database.
 */
#ifndef LEERNET_CORE_ROSTER_EXPORT_H
#define LEERNET_CORE_ROSTER_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum roster_format { ROSTER_FORMAT_TEXT, ROSTER_FORMAT_CSV, ROSTER_FORMAT_VCARD,
	ROSTER_FORMAT_EMAILS };

/* One person on the roster; strings borrowed, NULL allowed except name and role. */
struct roster_entry {
	const char *name;
	const char *organisation;
	const char *function;		/* the key as stored */
	const char *function_label;	/* for people: the config's label, else NULL */
	const char *email;
	const char *role;		/* lead, member, expert, follower */
	const char *role_label;		/* for people */
	const char *start_on, *end_on;	/* ISO dates; end_on NULL = open */
	const char *since;		/* start_on as the reader writes dates */
	const char *uid;		/* a stable id for vCard, may be NULL */
};

/* "text", "csv", "vcard" or "emails" into *out; false when unknown. */
bool roster_format_parse(const char *name, enum roster_format *out);

/*
 * Write the entries to out. title heads the text form (e.g. the group and
 * the date) and is left out of the others. The address list has one address
 * per line, each once, people without an address skipped. Returns 0, or -1
 * when writing failed.
 */
int roster_write(FILE *out, enum roster_format format, const char *title,
    const struct roster_entry *e, size_t n);

#endif

/*
 * agenda_ics.h — meetings as an iCalendar file (RFC 5545, through
 * src/ical/ics.h), for `leernet agenda --format ics` and the calendar
 * screen's export.
 *
 * Each event's UID is "meeting-ID@NETWORK.leernet", the same in every
 * export, and its SEQUENCE goes up with each change of the meeting, so that
 * importing a later export updates a calendar program instead of doubling
 * it. DTSTAMP is today (the injectable clock) at midnight UTC: an export is
 * then the same all day, and tests with LEERNET_TODAY get exact output.
 */
#ifndef LEERNET_CLI_AGENDA_ICS_H
#define LEERNET_CLI_AGENDA_ICS_H

#include <stddef.h>
#include <stdio.h>

#include "cli/app.h"
#include "store/store.h"

struct agenda_ics {
	FILE *out;
	const char *network;		/* the config's network name, for the UIDs */
	struct ics_writer *ics;		/* opened with the first event (or at the end) */
	char *uid_domain;		/* "NETWORK.leernet" */
	char *error;			/* of the writer, allocated */
	size_t rows;
};

/* Start an export to out (the calendar itself starts with the first event). */
void agenda_ics_init(struct agenda_ics *a, FILE *out, const char *network);
/* One meeting as an event; non-zero (a->error set) stops the range. */
int agenda_ics_row(struct agenda_ics *a, const struct calendar_row *r);
/* End the calendar; 0, or -1 with a->error. */
int agenda_ics_finish(struct agenda_ics *a);
/* Release what a holds (after a failure: no END line is written). */
void agenda_ics_clear(struct agenda_ics *a);

/*
 * The meetings of q into a new file at path (0644; an existing file is never
 * overwritten), *n the number written. 0, or -1 with an allocated message in
 * *error; the file is removed again after a failure.
 */
int agenda_ics_write_file(struct app *app, const struct calendar_query *q, const char *path,
    size_t *n, char **error);

#endif

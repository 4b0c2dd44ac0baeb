/*
 * ics.h — iCalendar (RFC 5545) export: a VCALENDAR of VEVENTs written one
 * event at a time, so that half a million meetings never sit in memory.
 *
 * The file is built with libical (src/ical/ is the only place that includes
 * it); nothing of libical shows in this header. Times are the network's
 * local wall-clock time, written with TZID=Europe/Amsterdam; the calendar
 * carries its own VTIMEZONE for that zone (CET/CEST, the EU rules), built
 * here rather than read from the system's tzdata, so the output is the same
 * on every machine. Lines end in CRLF and are folded at 75 octets.
 *
 * Usage: ics_writer_open, ics_writer_add for each event, ics_writer_close.
 * Errors return -1 (NULL for open) with an owned message in *error when
 * error is not NULL; the writer is still to be closed after a failed add.
 */
#ifndef LEERNET_ICAL_ICS_H
#define LEERNET_ICAL_ICS_H

#include <stdbool.h>
#include <stdio.h>

/* The time zone of every DTSTART/DTEND and of the VTIMEZONE. */
#define ICS_TZID "Europe/Amsterdam"

/* One event; all strings borrowed, UTF-8. */
struct ics_event {
	const char *uid;		/* required; stable across exports */
	const char *summary;		/* required */
	const char *location;		/* NULL or "": none */
	const char *description;	/* NULL or "": none; may hold newlines */
	const char *starts_at;		/* "YYYY-MM-DDTHH:MM", local wall-clock time */
	const char *ends_at;		/* the same form, not before starts_at */
	bool cancelled;			/* STATUS:CANCELLED, else STATUS:CONFIRMED */
	int sequence;			/* SEQUENCE, >= 0 */
};

struct ics_writer;

/*
 * Start a calendar on out (borrowed; not closed): writes the VCALENDAR's
 * properties (VERSION, PRODID, CALSCALE, METHOD:PUBLISH, X-WR-TIMEZONE) and
 * the VTIMEZONE. prodid is e.g. "-//leernet//leernet 1.0//NL"; dtstamp_utc
 * ("YYYYMMDDTHHMMSSZ") becomes every event's DTSTAMP. NULL on error.
 */
struct ics_writer *ics_writer_open(FILE *out, const char *prodid, const char *dtstamp_utc,
    char **error);

/* Write one VEVENT. 0, or -1 for an invalid event or a write error. */
int ics_writer_add(struct ics_writer *w, const struct ics_event *ev, char **error);

/*
 * Write END:VCALENDAR, flush out and release w (NULL accepted: 0). 0, or -1
 * when anything written since open failed to reach out.
 */
int ics_writer_close(struct ics_writer *w, char **error);

/* Release w without finishing the calendar (after a failure); NULL accepted. */
void ics_writer_free(struct ics_writer *w);

/* Events written so far (not counting refused ones). */
unsigned long ics_writer_count(const struct ics_writer *w);

#endif

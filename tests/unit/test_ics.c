/*
 * test_ics.c — the iCalendar writer: bad input first, then a whole calendar
 * byte for byte, the VTIMEZONE, wall-clock times across the DST changes of
 * 2027, cancelled events, escaping, folding at 75 octets without cutting
 * UTF-8, stable output, and a round trip through libical's parser.
 */
#include "autoconf.h"

#include <check.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ical/ics.h"
#include "suites.h"

#define TEST_ICS_PRODID "-//leernet//test//NL"
#define TEST_ICS_STAMP "20261123T000000Z"

/* The expected head of every calendar: its properties and the VTIMEZONE. */
static const char test_ics_head[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//leernet//test//NL\r\n"
    "CALSCALE:GREGORIAN\r\n"
    "METHOD:PUBLISH\r\n"
    "X-WR-TIMEZONE:Europe/Amsterdam\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Amsterdam\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:19700329T020000\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "TZNAME:CEST\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:19701025T030000\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:CET\r\n"
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

/* A long agenda with every character TEXT escapes, and much UTF-8. */
static const char test_ics_agenda[] =
    "Agenda:\n"
    "1. Opening, koffie; thee\n"
    "2. Map C:\\leernet\\verslagen\n"
    "3. Ĳsselmeer-excursie: Zoë, Đorđe en Çağla — één lange regel met "
    "ééééééééééééééééééééééééééééééééééééééééééééééééé en “aanhalingstekens”";

static const struct ics_event test_ics_events[] = {
	{ "meeting-1@demo.leernet", "PLG Rust in de klas", "Lokaal 2.14", NULL,
	  "2027-03-28T10:00", "2027-03-28T12:30", false, 0 },
	{ "meeting-2@demo.leernet", "Netwerkdag, najaar; plenair", NULL, test_ics_agenda,
	  "2027-10-31T10:00", "2027-10-31T16:00", false, 2 },
	{ "meeting-3@demo.leernet", "Werkgroep Techniek", "Bibliotheek", "Vervalt\r\nwegens ziekte",
	  "2027-01-12T13:30", "2027-01-12T16:30", true, 1 },
};
#define TEST_ICS_N (sizeof test_ics_events / sizeof test_ics_events[0])

/* Write n events to a memory stream; the text is owned by the caller. */
static char *
test_ics_write(const struct ics_event *ev, size_t n)
{
	struct ics_writer *w;
	char *buf = NULL, *error = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	w = ics_writer_open(f, TEST_ICS_PRODID, TEST_ICS_STAMP, &error);
	ck_assert_ptr_nonnull(w);
	ck_assert_ptr_null(error);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(ics_writer_add(w, &ev[i], &error), 0);
		ck_assert_ptr_null(error);
	}
	ck_assert_uint_eq(ics_writer_count(w), n);
	ck_assert_int_eq(ics_writer_close(w, &error), 0);
	ck_assert_ptr_null(error);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_uint_eq(strlen(buf), len);
	return buf;
}

/* How often needle occurs in hay. */
static int
test_ics_count(const char *hay, const char *needle)
{
	int n = 0;

	for (hay = strstr(hay, needle); hay != NULL; hay = strstr(hay + 1, needle))
		n++;
	return n;
}

/* The text with folded lines joined again (RFC 5545 3.1). */
static char *
test_ics_unfold(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;

	ck_assert_ptr_nonnull(out);
	while (*text != '\0') {
		if (text[0] == '\r' && text[1] == '\n' && (text[2] == ' ' || text[2] == '\t'))
			text += 3;
		else
			*o++ = *text++;
	}
	*o = '\0';
	return out;
}

/* Is s[0..len) whole UTF-8 (no sequence cut at either end)? */
static bool
test_ics_utf8(const unsigned char *s, size_t len)
{
	size_t i = 0, k, more;

	while (i < len) {
		if (s[i] < 0x80)
			more = 0;
		else if ((s[i] & 0xe0) == 0xc0)
			more = 1;
		else if ((s[i] & 0xf0) == 0xe0)
			more = 2;
		else if ((s[i] & 0xf8) == 0xf0)
			more = 3;
		else
			return false;
		if (i + more >= len)
			return false;
		for (k = 1; k <= more; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
		}
		i += more + 1;
	}
	return true;
}

START_TEST(test_bad_input)
{
	struct ics_event ev = test_ics_events[0];
	struct ics_writer *w;
	char *buf = NULL, *error = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_null(ics_writer_open(NULL, TEST_ICS_PRODID, TEST_ICS_STAMP, NULL));
	ck_assert_ptr_null(ics_writer_open(f, "", TEST_ICS_STAMP, NULL));
	ck_assert_ptr_null(ics_writer_open(f, TEST_ICS_PRODID, "2026-11-23T00:00", &error));
	ck_assert_ptr_nonnull(error);
	free(error);
	ck_assert_ptr_null(ics_writer_open(f, TEST_ICS_PRODID, "20261123T000000", NULL));
	ck_assert_ptr_null(ics_writer_open(f, TEST_ICS_PRODID, "20260231T000000Z", NULL));
	ck_assert_int_eq(ics_writer_add(NULL, &ev, NULL), -1);
	ck_assert_int_eq(ics_writer_close(NULL, NULL), 0);
	w = ics_writer_open(f, TEST_ICS_PRODID, TEST_ICS_STAMP, &error);
	ck_assert_ptr_nonnull(w);
	ck_assert_int_eq(ics_writer_add(w, NULL, NULL), -1);
	ev.uid = NULL;
	ck_assert_int_eq(ics_writer_add(w, &ev, &error), -1);
	ck_assert_ptr_nonnull(error);
	free(error);
	ev = test_ics_events[0];
	ev.summary = "";
	ck_assert_int_eq(ics_writer_add(w, &ev, NULL), -1);
	ev = test_ics_events[0];
	ev.starts_at = "28-03-2027 10:00";
	ck_assert_int_eq(ics_writer_add(w, &ev, NULL), -1);
	ev.starts_at = "2027-02-30T10:00";
	ck_assert_int_eq(ics_writer_add(w, &ev, NULL), -1);
	ev.starts_at = "2027-03-28T25:00";
	ck_assert_int_eq(ics_writer_add(w, &ev, NULL), -1);
	ev.starts_at = "2027-03-28T13:00";	/* after its end */
	ck_assert_int_eq(ics_writer_add(w, &ev, &error), -1);
	ck_assert_ptr_nonnull(error);
	free(error);
	ev = test_ics_events[0];
	ev.sequence = -1;
	ck_assert_int_eq(ics_writer_add(w, &ev, NULL), -1);
	ck_assert_uint_eq(ics_writer_count(w), 0);
	ck_assert_int_eq(ics_writer_close(w, &error), 0);
	ck_assert_ptr_null(error);
	fclose(f);
	/* refused events leave nothing behind: a calendar without events */
	ck_assert_uint_eq(len, strlen(test_ics_head) + strlen("END:VCALENDAR\r\n"));
	ck_assert_int_eq(strncmp(buf, test_ics_head, strlen(test_ics_head)), 0);
	free(buf);
}
END_TEST

START_TEST(test_exact_calendar)
{
	char *buf = test_ics_write(test_ics_events, 1);
	char *want = malloc(sizeof test_ics_head + 400);

	ck_assert_ptr_nonnull(want);
	strcpy(want, test_ics_head);
	strcat(want,
	    "BEGIN:VEVENT\r\n"
	    "UID:meeting-1@demo.leernet\r\n"
	    "DTSTAMP:20261123T000000Z\r\n"
	    "DTSTART;TZID=Europe/Amsterdam:20270328T100000\r\n"
	    "DTEND;TZID=Europe/Amsterdam:20270328T123000\r\n"
	    "SUMMARY:PLG Rust in de klas\r\n"
	    "LOCATION:Lokaal 2.14\r\n"
	    "SEQUENCE:0\r\n"
	    "STATUS:CONFIRMED\r\n"
	    "END:VEVENT\r\n"
	    "END:VCALENDAR\r\n");
	ck_assert_str_eq(buf, want);
	free(want);
	free(buf);
}
END_TEST

START_TEST(test_timezone_and_dst)
{
	char *buf = test_ics_write(test_ics_events, TEST_ICS_N);

	ck_assert_int_eq(test_ics_count(buf, "BEGIN:VTIMEZONE\r\n"), 1);
	ck_assert_int_eq(test_ics_count(buf, "TZID:Europe/Amsterdam\r\n"), 1);
	ck_assert(strstr(buf, "END:VTIMEZONE") < strstr(buf, "BEGIN:VEVENT"));
	/* the day CEST starts and the day it ends: 10:00 stays 10:00, no UTC */
	ck_assert_ptr_nonnull(strstr(buf, "\r\nDTSTART;TZID=Europe/Amsterdam:20270328T100000\r\n"));
	ck_assert_ptr_nonnull(strstr(buf, "\r\nDTEND;TZID=Europe/Amsterdam:20270328T123000\r\n"));
	ck_assert_ptr_nonnull(strstr(buf, "\r\nDTSTART;TZID=Europe/Amsterdam:20271031T100000\r\n"));
	ck_assert_ptr_nonnull(strstr(buf, "\r\nDTEND;TZID=Europe/Amsterdam:20271031T160000\r\n"));
	ck_assert_int_eq(test_ics_count(buf, "\r\nDTSTART;TZID=Europe/Amsterdam:"), (int)TEST_ICS_N);
	ck_assert_int_eq(test_ics_count(buf, "\r\nDTEND;TZID=Europe/Amsterdam:"), (int)TEST_ICS_N);
	ck_assert_ptr_null(strstr(buf, "00Z\r\nDTEND"));
	ck_assert_int_eq(test_ics_count(buf, "Z\r\n"), (int)TEST_ICS_N);	/* DTSTAMPs only */
	ck_assert_int_eq(test_ics_count(buf, "\r\nDTSTAMP:20261123T000000Z\r\n"), (int)TEST_ICS_N);
	free(buf);
}
END_TEST

START_TEST(test_status_and_sequence)
{
	char *buf = test_ics_write(test_ics_events, TEST_ICS_N);

	ck_assert_int_eq(test_ics_count(buf, "\r\nSTATUS:CONFIRMED\r\n"), 2);
	ck_assert_int_eq(test_ics_count(buf, "\r\nSTATUS:CANCELLED\r\n"), 1);
	ck_assert_ptr_nonnull(strstr(buf, "\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n"));
	ck_assert_ptr_nonnull(strstr(buf, "\r\nSEQUENCE:2\r\n"));
	/* a CR of a CRLF in the text is not written */
	ck_assert_ptr_nonnull(strstr(buf, "\r\nDESCRIPTION:Vervalt\\nwegens ziekte\r\n"));
	free(buf);
}
END_TEST

START_TEST(test_escaping)
{
	char *buf = test_ics_write(test_ics_events, TEST_ICS_N);
	char *flat = test_ics_unfold(buf);

	ck_assert_ptr_nonnull(strstr(flat, "\r\nSUMMARY:Netwerkdag\\, najaar\\; plenair\r\n"));
	ck_assert_ptr_nonnull(strstr(flat,
	    "\r\nDESCRIPTION:Agenda:\\n1. Opening\\, koffie\\; thee\\n"
	    "2. Map C:\\\\leernet\\\\verslagen\\n3. Ĳsselmeer-excursie: Zoë\\, Đorđe en "
	    "Çağla — één lange regel met ééééééééééééééééééééééééééééééééééééééééééééééééé "
	    "en “aanhalingstekens”\r\n"));
	free(flat);
	free(buf);
}
END_TEST

START_TEST(test_folding)
{
	char *buf = test_ics_write(test_ics_events, TEST_ICS_N);
	const char *line = buf, *end;
	int folded = 0;

	while (*line != '\0') {
		end = strstr(line, "\r\n");
		ck_assert_ptr_nonnull(end);
		ck_assert_ptr_null(memchr(line, '\n', (size_t)(end - line)));
		ck_assert_ptr_null(memchr(line, '\r', (size_t)(end - line)));
		ck_assert_int_le(end - line, 75);
		if (*line == ' ') {
			folded++;
			ck_assert(test_ics_utf8((const unsigned char *)line + 1,
			    (size_t)(end - line - 1)));
		} else {
			ck_assert(test_ics_utf8((const unsigned char *)line, (size_t)(end - line)));
		}
		line = end + 2;
	}
	ck_assert_int_ge(folded, 3);	/* the long agenda is folded */
	free(buf);
}
END_TEST

START_TEST(test_stable)
{
	char *a = test_ics_write(test_ics_events, TEST_ICS_N);
	char *b = test_ics_write(test_ics_events, TEST_ICS_N);

	ck_assert_str_eq(a, b);
	ck_assert_int_eq(test_ics_count(a, "\r\nUID:meeting-2@demo.leernet\r\n"), 1);
	free(a);
	free(b);
}
END_TEST

/* 10:00 local on day of the calendar's zone, in UTC; hour and minute as HHMM. */
static int
test_ics_utc_hhmm(icalcomponent *vtz, int year, int month, int day)
{
	icaltimezone *zone = icaltimezone_new();
	struct icaltimetype t = icaltime_null_time();

	ck_assert_int_ne(icaltimezone_set_component(zone, icalcomponent_new_clone(vtz)), 0);
	t.year = year;
	t.month = month;
	t.day = day;
	t.hour = 10;
	icaltimezone_convert_time(&t, zone, icaltimezone_get_utc_timezone());
	icaltimezone_free(zone, 1);
	ck_assert_int_eq(t.day, day);
	return t.hour * 100 + t.minute;
}

START_TEST(test_reparse)
{
	char *buf = test_ics_write(test_ics_events, TEST_ICS_N);
	icalcomponent *cal = icalparser_parse_string(buf), *ev, *vtz;
	icalproperty *p;
	icalparameter *tzid;
	size_t n = 0;

	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VTIMEZONE_COMPONENT), 1);
	ck_assert_int_eq(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT),
	    (int)TEST_ICS_N);
	ck_assert_int_eq(icalcomponent_count_errors(cal), 0);
	vtz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	/* the zone itself: CEST on 28 March 2027 at 10:00, CET on 31 October */
	ck_assert_int_eq(test_ics_utc_hhmm(vtz, 2027, 3, 28), 800);
	ck_assert_int_eq(test_ics_utc_hhmm(vtz, 2027, 10, 31), 900);
	ck_assert_int_eq(test_ics_utc_hhmm(vtz, 2027, 3, 27), 900);
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev != NULL;
	    ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT), n++) {
		const struct ics_event *want = &test_ics_events[n];

		ck_assert_uint_lt(n, TEST_ICS_N);
		ck_assert_str_eq(icalcomponent_get_uid(ev), want->uid);
		ck_assert_str_eq(icalcomponent_get_summary(ev), want->summary);
		if (want->description != NULL && strchr(want->description, '\r') == NULL)
			ck_assert_str_eq(icalcomponent_get_description(ev), want->description);
		ck_assert_int_eq(icalcomponent_get_status(ev), want->cancelled ?
		    ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED);
		ck_assert_int_eq(icalcomponent_get_sequence(ev), want->sequence);
		p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
		ck_assert_ptr_nonnull(p);
		tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
		ck_assert_ptr_nonnull(tzid);
		ck_assert_str_eq(icalparameter_get_tzid(tzid), "Europe/Amsterdam");
		ck_assert_int_eq(icalproperty_get_dtstart(p).hour,
		    atoi(want->starts_at + 11));
	}
	ck_assert_uint_eq(n, TEST_ICS_N);
	icalcomponent_free(cal);
	free(buf);
}
END_TEST

START_TEST(test_write_error)
{
	struct ics_writer *w;
	char *error = NULL;
	FILE *f = fopen("/dev/full", "w");
	int ret;

	if (f == NULL)
		return;	/* no /dev/full here */
	w = ics_writer_open(f, TEST_ICS_PRODID, TEST_ICS_STAMP, NULL);
	ck_assert_ptr_nonnull(w);
	(void)ics_writer_add(w, &test_ics_events[1], NULL);
	ret = ics_writer_close(w, &error);
	ck_assert_int_eq(ret, -1);
	ck_assert_ptr_nonnull(error);
	free(error);
	fclose(f);
}
END_TEST

Suite *
suite_ics(void)
{
	Suite *s = suite_create("ics");
	TCase *tc = tcase_create("writer");

	tcase_add_test(tc, test_bad_input);
	tcase_add_test(tc, test_exact_calendar);
	tcase_add_test(tc, test_timezone_and_dst);
	tcase_add_test(tc, test_status_and_sequence);
	tcase_add_test(tc, test_escaping);
	tcase_add_test(tc, test_folding);
	tcase_add_test(tc, test_stable);
	tcase_add_test(tc, test_reparse);
	tcase_add_test(tc, test_write_error);
	suite_add_tcase(s, tc);
	return s;
}

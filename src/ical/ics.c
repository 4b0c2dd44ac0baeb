/*
 * ics.c — the iCalendar writer of ics.h, on libical.
 *
 * libical builds and serializes every component (escaping of TEXT values,
 * folding at 75 octets, CRLF). To stream, the VCALENDAR with its properties
 * and VTIMEZONE is serialized once without its closing line; then each
 * VEVENT is built, serialized on its own and freed; close writes the
 * END:VCALENDAR line. Only one event is ever in memory.
 *
 * The VTIMEZONE is made here from the EU rules (last Sunday of March 02:00
 * CET → CEST, last Sunday of October 03:00 CEST → CET) instead of libical's
 * built-in zones, which read /usr/share/zoneinfo: output must not depend on
 * the machine's tzdata. Event times carry that zone, so libical writes
 * TZID=Europe/Amsterdam and never converts them to UTC.
 */
#include "autoconf.h"

#include <dlfcn.h>
#include <libical/ical.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ical/ics.h"

/*
 * libical — and through it ICU and the C++ runtime, some 40 MB of shared
 * libraries — is loaded when the first iCalendar file is written, not when
 * leernet starts: linked into the program, the loader mapped and relocated
 * them at every start, which made the time to the first screen several
 * milliseconds longer (DESIGN.md §7). Its functions are called through
 * pointers typed from libical's own declarations.
 */
#define ICS_FUNCTIONS(F) \
	F(icalcomponent_add_component) \
	F(icalcomponent_add_property) \
	F(icalcomponent_as_ical_string_r) \
	F(icalcomponent_free) \
	F(icalcomponent_get_first_property) \
	F(icalcomponent_new_vcalendar) \
	F(icalcomponent_new_vevent) \
	F(icalcomponent_new_vtimezone) \
	F(icalcomponent_new_xdaylight) \
	F(icalcomponent_new_xstandard) \
	F(icalcomponent_remove_property) \
	F(icalcomponent_set_dtend) \
	F(icalcomponent_set_dtstart) \
	F(icalerror_set_errors_are_fatal) \
	F(icalmemory_free_buffer) \
	F(icalproperty_as_ical_string_r) \
	F(icalproperty_free) \
	F(icalproperty_get_value) \
	F(icalproperty_new_calscale) \
	F(icalproperty_new_description) \
	F(icalproperty_new_dtstamp) \
	F(icalproperty_new_dtstart) \
	F(icalproperty_new_location) \
	F(icalproperty_new_method) \
	F(icalproperty_new_prodid) \
	F(icalproperty_new_rrule) \
	F(icalproperty_new_sequence) \
	F(icalproperty_new_status) \
	F(icalproperty_new_summary) \
	F(icalproperty_new_tzid) \
	F(icalproperty_new_tzname) \
	F(icalproperty_new_tzoffsetfrom) \
	F(icalproperty_new_tzoffsetto) \
	F(icalproperty_new_uid) \
	F(icalproperty_new_version) \
	F(icalproperty_new_x) \
	F(icalproperty_set_value) \
	F(icalproperty_set_x_name) \
	F(icalrecurrencetype_from_string) \
	F(icaltime_compare) \
	F(icaltime_days_in_month) \
	F(icaltime_from_string) \
	F(icaltime_is_null_time) \
	F(icaltime_is_utc) \
	F(icaltime_null_time) \
	F(icaltime_set_timezone) \
	F(icaltimezone_free) \
	F(icaltimezone_new) \
	F(icaltimezone_set_component) \
	F(icalvalue_get_datetime) \
	F(icalvalue_get_integer) \
	F(icalvalue_get_status) \
	F(icalvalue_get_text) \
	F(icalvalue_isa) \
	F(icalvalue_new_datetime) \
	F(icalvalue_set_datetime) \
	F(icalvalue_set_integer) \
	F(icalvalue_set_status) \
	F(icalvalue_set_text)

static struct {
	bool tried, loaded;
#define ICS_POINTER(name) __typeof__(name) *p_##name;
	ICS_FUNCTIONS(ICS_POINTER)
#undef ICS_POINTER
} ics_lib;

/* Load libical once; false (with *error) when it is missing. */
static bool
ics_load(char **error)
{
	static const char *const sonames[] = { "libical.so.3", "libical.so" };
	void *h = NULL;
	size_t i;

	if (!ics_lib.tried) {
		ics_lib.tried = true;
		for (i = 0; h == NULL && i < sizeof sonames / sizeof sonames[0]; i++)
			h = dlopen(sonames[i], RTLD_NOW | RTLD_LOCAL);
		ics_lib.loaded = h != NULL;
#define ICS_SYMBOL(name) \
		if (ics_lib.loaded && \
		    (*(void **)&ics_lib.p_##name = dlsym(h, #name)) == NULL) \
			ics_lib.loaded = false;
		ICS_FUNCTIONS(ICS_SYMBOL)
#undef ICS_SYMBOL
	}
	if (!ics_lib.loaded && error != NULL)
		*error = xstrdup(_("iCalendar: the libical library (libical3) is not installed"));
	return ics_lib.loaded;
}

/* From here on every libical call goes through the pointers. */
#define icalcomponent_add_component (*ics_lib.p_icalcomponent_add_component)
#define icalcomponent_add_property (*ics_lib.p_icalcomponent_add_property)
#define icalcomponent_as_ical_string_r (*ics_lib.p_icalcomponent_as_ical_string_r)
#define icalcomponent_free (*ics_lib.p_icalcomponent_free)
#define icalcomponent_get_first_property (*ics_lib.p_icalcomponent_get_first_property)
#define icalcomponent_new_vcalendar (*ics_lib.p_icalcomponent_new_vcalendar)
#define icalcomponent_new_vevent (*ics_lib.p_icalcomponent_new_vevent)
#define icalcomponent_new_vtimezone (*ics_lib.p_icalcomponent_new_vtimezone)
#define icalcomponent_new_xdaylight (*ics_lib.p_icalcomponent_new_xdaylight)
#define icalcomponent_new_xstandard (*ics_lib.p_icalcomponent_new_xstandard)
#define icalcomponent_remove_property (*ics_lib.p_icalcomponent_remove_property)
#define icalcomponent_set_dtend (*ics_lib.p_icalcomponent_set_dtend)
#define icalcomponent_set_dtstart (*ics_lib.p_icalcomponent_set_dtstart)
#define icalerror_set_errors_are_fatal (*ics_lib.p_icalerror_set_errors_are_fatal)
#define icalmemory_free_buffer (*ics_lib.p_icalmemory_free_buffer)
#define icalproperty_as_ical_string_r (*ics_lib.p_icalproperty_as_ical_string_r)
#define icalproperty_free (*ics_lib.p_icalproperty_free)
#define icalproperty_get_value (*ics_lib.p_icalproperty_get_value)
#define icalproperty_new_calscale (*ics_lib.p_icalproperty_new_calscale)
#define icalproperty_new_description (*ics_lib.p_icalproperty_new_description)
#define icalproperty_new_dtstamp (*ics_lib.p_icalproperty_new_dtstamp)
#define icalproperty_new_dtstart (*ics_lib.p_icalproperty_new_dtstart)
#define icalproperty_new_location (*ics_lib.p_icalproperty_new_location)
#define icalproperty_new_method (*ics_lib.p_icalproperty_new_method)
#define icalproperty_new_prodid (*ics_lib.p_icalproperty_new_prodid)
#define icalproperty_new_rrule (*ics_lib.p_icalproperty_new_rrule)
#define icalproperty_new_sequence (*ics_lib.p_icalproperty_new_sequence)
#define icalproperty_new_status (*ics_lib.p_icalproperty_new_status)
#define icalproperty_new_summary (*ics_lib.p_icalproperty_new_summary)
#define icalproperty_new_tzid (*ics_lib.p_icalproperty_new_tzid)
#define icalproperty_new_tzname (*ics_lib.p_icalproperty_new_tzname)
#define icalproperty_new_tzoffsetfrom (*ics_lib.p_icalproperty_new_tzoffsetfrom)
#define icalproperty_new_tzoffsetto (*ics_lib.p_icalproperty_new_tzoffsetto)
#define icalproperty_new_uid (*ics_lib.p_icalproperty_new_uid)
#define icalproperty_new_version (*ics_lib.p_icalproperty_new_version)
#define icalproperty_new_x (*ics_lib.p_icalproperty_new_x)
#define icalproperty_set_value (*ics_lib.p_icalproperty_set_value)
#define icalproperty_set_x_name (*ics_lib.p_icalproperty_set_x_name)
#define icalrecurrencetype_from_string (*ics_lib.p_icalrecurrencetype_from_string)
#define icaltime_compare (*ics_lib.p_icaltime_compare)
#define icaltime_days_in_month (*ics_lib.p_icaltime_days_in_month)
#define icaltime_from_string (*ics_lib.p_icaltime_from_string)
#define icaltime_is_null_time (*ics_lib.p_icaltime_is_null_time)
#define icaltime_is_utc (*ics_lib.p_icaltime_is_utc)
#define icaltime_null_time (*ics_lib.p_icaltime_null_time)
#define icaltime_set_timezone (*ics_lib.p_icaltime_set_timezone)
#define icaltimezone_free (*ics_lib.p_icaltimezone_free)
#define icaltimezone_new (*ics_lib.p_icaltimezone_new)
#define icaltimezone_set_component (*ics_lib.p_icaltimezone_set_component)
#define icalvalue_get_datetime (*ics_lib.p_icalvalue_get_datetime)
#define icalvalue_get_integer (*ics_lib.p_icalvalue_get_integer)
#define icalvalue_get_status (*ics_lib.p_icalvalue_get_status)
#define icalvalue_get_text (*ics_lib.p_icalvalue_get_text)
#define icalvalue_isa (*ics_lib.p_icalvalue_isa)
#define icalvalue_new_datetime (*ics_lib.p_icalvalue_new_datetime)
#define icalvalue_set_datetime (*ics_lib.p_icalvalue_set_datetime)
#define icalvalue_set_integer (*ics_lib.p_icalvalue_set_integer)
#define icalvalue_set_status (*ics_lib.p_icalvalue_set_status)
#define icalvalue_set_text (*ics_lib.p_icalvalue_set_text)

/* The properties of a VEVENT, in the order written. */
enum { ICS_UID, ICS_DTSTAMP, ICS_DTSTART, ICS_DTEND, ICS_SUMMARY, ICS_LOCATION,
	ICS_DESCRIPTION, ICS_SEQUENCE, ICS_STATUS, ICS_NPROP };

struct ics_writer {
	FILE *out;
	icaltimezone *zone;		/* our Europe/Amsterdam, owns its VTIMEZONE */
	struct icaltimetype dtstamp;	/* UTC */
	unsigned long count;
	bool failed;			/* a write to out failed */
	/* the one VEVENT, reused for every event (NULL before the first) */
	icalcomponent *vevent;
	/* its properties in order (enum below); LOCATION and DESCRIPTION are
	 * in vevent when has_…, SEQUENCE and STATUS once shaped */
	icalproperty *prop[ICS_NPROP];
	char *line[ICS_NPROP];			/* libical's serialization of prop[i] */
	size_t line_len[ICS_NPROP];
	bool stale[ICS_NPROP];			/* line[i] is not that of prop[i]'s value */
	bool has_location, has_description, shaped;
	char *ev_begin, *ev_end;	/* BEGIN:VEVENT and END:VEVENT lines */
	char *buf;			/* one event's text */
	size_t buf_len, buf_size;
};

static const char ics_end[] = "END:VCALENDAR\r\n";

/* Set *error (when wanted) to an owned copy of msg; returns -1. */
static int
ics_fail(char **error, const char *msg)
{
	if (error != NULL)
		*error = xstrdup(msg);
	return -1;
}

/* One observance (STANDARD or DAYLIGHT) of the zone, from 1970 on. */
static icalcomponent *
ics_observance(icalcomponent *obs, const char *dtstart, int from, int to, const char *name,
    const char *rrule)
{
	icalcomponent_add_property(obs, icalproperty_new_dtstart(icaltime_from_string(dtstart)));
	icalcomponent_add_property(obs, icalproperty_new_tzoffsetfrom(from));
	icalcomponent_add_property(obs, icalproperty_new_tzoffsetto(to));
	icalcomponent_add_property(obs, icalproperty_new_tzname(name));
	icalcomponent_add_property(obs, icalproperty_new_rrule(icalrecurrencetype_from_string(
	    rrule)));
	return obs;
}

/* The VTIMEZONE of Europe/Amsterdam; owned by the caller. */
static icalcomponent *
ics_vtimezone(void)
{
	icalcomponent *tz = icalcomponent_new_vtimezone();

	icalcomponent_add_property(tz, icalproperty_new_tzid(ICS_TZID));
	icalcomponent_add_component(tz, ics_observance(icalcomponent_new_xdaylight(),
	    "19700329T020000", 3600, 7200, "CEST", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
	icalcomponent_add_component(tz, ics_observance(icalcomponent_new_xstandard(),
	    "19701025T030000", 7200, 3600, "CET", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
	return tz;
}

/* "YYYYMMDDTHHMMSSZ" into a UTC time; 0 or -1. */
static int
ics_parse_stamp(const char *s, struct icaltimetype *out)
{
	int y, mo, d, h, mi, se, n = 0;

	if (s == NULL || strlen(s) != 16 ||
	    sscanf(s, "%4d%2d%2dT%2d%2d%2dZ%n", &y, &mo, &d, &h, &mi, &se, &n) != 6 || n != 16)
		return -1;
	if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > icaltime_days_in_month(mo, y) ||
	    h > 23 || mi > 59 || se > 60)
		return -1;
	*out = icaltime_from_string(s);
	return icaltime_is_null_time(*out) || !icaltime_is_utc(*out) ? -1 : 0;
}

/* "YYYY-MM-DDTHH:MM" into a time in w's zone; 0 or -1. */
static int
ics_parse_local(const struct ics_writer *w, const char *s, struct icaltimetype *out)
{
	struct date d;
	int minutes;

	if (s == NULL || strlen(s) != 16 || datetime_parse_iso(s, &d, &minutes) != 0)
		return -1;
	*out = icaltime_null_time();
	out->year = d.year;
	out->month = d.month;
	out->day = d.day;
	out->hour = minutes / 60;
	out->minute = minutes % 60;
	*out = icaltime_set_timezone(out, w->zone);
	return 0;
}

/* Write text to w's stream, remembering a failure. */
static void
ics_put(struct ics_writer *w, const char *text, size_t len)
{
	if (!w->failed && fwrite(text, 1, len, w->out) != len)
		w->failed = true;
}

/* Serialize c to w's stream; with head, all but the closing END:VCALENDAR. */
static void
ics_put_component(struct ics_writer *w, icalcomponent *c, bool head)
{
	char *text = icalcomponent_as_ical_string_r(c);
	size_t len;

	if (text == NULL) {
		w->failed = true;
		return;
	}
	len = strlen(text);
	if (head && len >= sizeof ics_end - 1 &&
	    strcmp(text + len - (sizeof ics_end - 1), ics_end) == 0)
		len -= sizeof ics_end - 1;
	ics_put(w, text, len);
	icalmemory_free_buffer(text);
}

/* The calendar's head: its properties and the VTIMEZONE. */
static void
ics_write_head(struct ics_writer *w, const char *prodid)
{
	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalproperty *x = icalproperty_new_x(ICS_TZID);

	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid(prodid));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	icalproperty_set_x_name(x, "X-WR-TIMEZONE");
	icalcomponent_add_property(cal, x);
	icalcomponent_add_component(cal, ics_vtimezone());
	ics_put_component(w, cal, true);
	icalcomponent_free(cal);
}

struct ics_writer *
ics_writer_open(FILE *out, const char *prodid, const char *dtstamp_utc, char **error)
{
	struct ics_writer *w;
	struct icaltimetype stamp;

	if (error != NULL)
		*error = NULL;
	if (!ics_load(error))
		return NULL;
	/* report errors, never abort: without tzdata, finding UTC sets one */
	icalerror_set_errors_are_fatal(0);
	if (out == NULL || prodid == NULL || *prodid == '\0') {
		ics_fail(error, _("iCalendar: no output or no PRODID"));
		return NULL;
	}
	if (ics_parse_stamp(dtstamp_utc, &stamp) != 0) {
		ics_fail(error, _("iCalendar: the time stamp is not YYYYMMDDTHHMMSSZ"));
		return NULL;
	}
	w = xcalloc(1, sizeof *w);
	w->out = out;
	w->dtstamp = stamp;
	w->zone = icaltimezone_new();
	if (w->zone == NULL || icaltimezone_set_component(w->zone, ics_vtimezone()) == 0) {
		ics_fail(error, _("iCalendar: cannot set up the time zone"));
		if (w->zone != NULL)
			icaltimezone_free(w->zone, 1);
		free(w);
		return NULL;
	}
	ics_write_head(w, prodid);
	return w;
}

/* Is s set and not empty? */
static bool
ics_set(const char *s)
{
	return s != NULL && *s != '\0';
}

/*
 * A TEXT value as RFC 5545 allows it: no control characters but tab and
 * newline (a CR of a CRLF is dropped, others become spaces). text itself
 * when it is fine, else a cleaned copy, also left in *buf for the caller to
 * free (*buf is NULL otherwise).
 */
static const char *
ics_text(const char *text, char **buf)
{
	const unsigned char *s;
	char *o;

	*buf = NULL;
	for (s = (const unsigned char *)text; *s != '\0'; s++) {
		if ((*s < 0x20 && *s != '\t' && *s != '\n') || *s == 0x7f)
			break;
	}
	if (*s == '\0')
		return text;
	o = *buf = xmalloc(strlen(text) + 1);
	for (s = (const unsigned char *)text; *s != '\0'; s++) {
		if (*s == '\r' && s[1] == '\n')
			continue;
		*o++ = (*s < 0x20 && *s != '\t' && *s != '\n') || *s == 0x7f ? ' ' : (char)*s;
	}
	*o = '\0';
	return *buf;
}

/*
 * The writer's one VEVENT, made on the first event and reused for all: each
 * event only sets the values of its properties in place (no new properties,
 * values or parameters), and LOCATION/DESCRIPTION are taken out or put back
 * only when their presence changes.
 *
 * Serializing a component is its BEGIN line, the serialization of each of
 * its properties in order, and its END line (icalcomponent_as_ical_string_r).
 * The writer does the same with libical's own pieces: the BEGIN and END
 * lines from serializing the empty VEVENT once, and each property's
 * icalproperty_as_ical_string_r, kept until its value changes. So every
 * byte is still libical's, but DTSTAMP, SEQUENCE, STATUS and a repeated
 * SUMMARY/LOCATION/DESCRIPTION are not serialized again for every event.
 */
/* 0, or -1 when libical failed. */
static int
ics_vevent_init(struct ics_writer *w)
{
	icalcomponent *e = icalcomponent_new_vevent();
	struct icaltimetype t = icaltime_null_time();
	char *text, *eol;
	int i;

	if (e == NULL)
		return -1;
	/* BEGIN:VEVENT and END:VEVENT, as libical writes them */
	text = icalcomponent_as_ical_string_r(e);
	if (text == NULL || strncmp(text, "BEGIN:", 6) != 0 ||
	    (eol = strstr(text, "\r\n")) == NULL) {
		icalmemory_free_buffer(text);
		icalcomponent_free(e);
		return -1;
	}
	w->ev_begin = xstrndup(text, (size_t)(eol + 2 - text));
	w->ev_end = xstrdup(eol + 2);
	icalmemory_free_buffer(text);

	t.year = 1970;
	t.month = t.day = 1;
	t = icaltime_set_timezone(&t, w->zone);
	w->prop[ICS_UID] = icalproperty_new_uid("-");
	icalcomponent_add_property(e, w->prop[ICS_UID]);
	w->prop[ICS_DTSTAMP] = icalproperty_new_dtstamp(w->dtstamp);
	icalcomponent_add_property(e, w->prop[ICS_DTSTAMP]);
	/* these add TZID=Europe/Amsterdam from the zone of the time; later
	 * times keep that zone, so the parameter stays as it is */
	icalcomponent_set_dtstart(e, t);
	icalcomponent_set_dtend(e, t);
	w->prop[ICS_DTSTART] = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY);
	w->prop[ICS_DTEND] = icalcomponent_get_first_property(e, ICAL_DTEND_PROPERTY);
	w->prop[ICS_SUMMARY] = icalproperty_new_summary("-");
	icalcomponent_add_property(e, w->prop[ICS_SUMMARY]);
	/* made now, put in by ics_vevent_shape */
	w->prop[ICS_LOCATION] = icalproperty_new_location("-");
	w->prop[ICS_DESCRIPTION] = icalproperty_new_description("-");
	w->prop[ICS_SEQUENCE] = icalproperty_new_sequence(0);
	w->prop[ICS_STATUS] = icalproperty_new_status(ICAL_STATUS_CONFIRMED);
	w->vevent = e;
	w->has_location = w->has_description = w->shaped = false;
	for (i = 0; i < ICS_NPROP; i++) {
		if (w->prop[i] == NULL)
			return -1;	/* freed by ics_writer_free */
		w->stale[i] = true;
	}
	return 0;
}

/*
 * Give the VEVENT the optional properties wanted, keeping the order UID,
 * DTSTAMP, DTSTART, DTEND, SUMMARY, [LOCATION], [DESCRIPTION], SEQUENCE,
 * STATUS: what follows SUMMARY is taken out and put back in order.
 */
static void
ics_vevent_shape(struct ics_writer *w, bool location, bool description)
{
	icalcomponent *e = w->vevent;

	if (w->shaped && location == w->has_location && description == w->has_description)
		return;
	if (w->shaped) {
		if (w->has_location)
			icalcomponent_remove_property(e, w->prop[ICS_LOCATION]);
		if (w->has_description)
			icalcomponent_remove_property(e, w->prop[ICS_DESCRIPTION]);
		icalcomponent_remove_property(e, w->prop[ICS_SEQUENCE]);
		icalcomponent_remove_property(e, w->prop[ICS_STATUS]);
	}
	if (location)
		icalcomponent_add_property(e, w->prop[ICS_LOCATION]);
	if (description)
		icalcomponent_add_property(e, w->prop[ICS_DESCRIPTION]);
	icalcomponent_add_property(e, w->prop[ICS_SEQUENCE]);
	icalcomponent_add_property(e, w->prop[ICS_STATUS]);
	w->has_location = location;
	w->has_description = description;
	w->shaped = true;
}

/* Set the TEXT value of property i to text (cleaned by ics_text), in place. */
static void
ics_set_text(struct ics_writer *w, int i, const char *text)
{
	icalvalue *v = icalproperty_get_value(w->prop[i]);
	const char *old = icalvalue_get_text(v);
	char *buf;

	text = ics_text(text, &buf);
	if (old == NULL || strcmp(old, text) != 0) {
		icalvalue_set_text(v, text);
		w->stale[i] = true;
	}
	free(buf);
}

/* Set the DATE-TIME value of property i to t, in place (its TZID stays). */
static void
ics_set_time(struct ics_writer *w, int i, struct icaltimetype t)
{
	icalproperty *p = w->prop[i];
	icalvalue *v = icalproperty_get_value(p);

	if (icalvalue_isa(v) != ICAL_DATETIME_VALUE) {
		icalproperty_set_value(p, icalvalue_new_datetime(t));
		w->stale[i] = true;
	} else if (icaltime_compare(icalvalue_get_datetime(v), t) != 0) {
		icalvalue_set_datetime(v, t);
		w->stale[i] = true;
	}
}

/* Set the VEVENT to ev with start and end in w's zone. */
static void
ics_vevent_set(struct ics_writer *w, const struct ics_event *ev, struct icaltimetype start,
    struct icaltimetype end)
{
	bool location = ics_set(ev->location), description = ics_set(ev->description);
	icalproperty_status status = ev->cancelled ? ICAL_STATUS_CANCELLED :
	    ICAL_STATUS_CONFIRMED;
	icalvalue *v;

	ics_vevent_shape(w, location, description);
	ics_set_text(w, ICS_UID, ev->uid);
	ics_set_time(w, ICS_DTSTART, start);
	ics_set_time(w, ICS_DTEND, end);
	ics_set_text(w, ICS_SUMMARY, ev->summary);
	if (location)
		ics_set_text(w, ICS_LOCATION, ev->location);
	if (description)
		ics_set_text(w, ICS_DESCRIPTION, ev->description);
	v = icalproperty_get_value(w->prop[ICS_SEQUENCE]);
	if (icalvalue_get_integer(v) != ev->sequence) {
		icalvalue_set_integer(v, ev->sequence);
		w->stale[ICS_SEQUENCE] = true;
	}
	v = icalproperty_get_value(w->prop[ICS_STATUS]);
	if (icalvalue_get_status(v) != status) {
		icalvalue_set_status(v, status);
		w->stale[ICS_STATUS] = true;
	}
}

/* Append len bytes of text to w's event buffer. */
static void
ics_buf_add(struct ics_writer *w, const char *text, size_t len)
{
	if (w->buf_len + len > w->buf_size) {
		while (w->buf_len + len > w->buf_size)
			w->buf_size = w->buf_size != 0 ? w->buf_size * 2 : 4096;
		w->buf = xrealloc(w->buf, w->buf_size);
	}
	memcpy(w->buf + w->buf_len, text, len);
	w->buf_len += len;
}

/* Serialize the VEVENT (as icalcomponent_as_ical_string_r would) to out. */
static void
ics_vevent_put(struct ics_writer *w)
{
	int i;

	w->buf_len = 0;
	ics_buf_add(w, w->ev_begin, strlen(w->ev_begin));
	for (i = 0; i < ICS_NPROP; i++) {
		if ((i == ICS_LOCATION && !w->has_location) ||
		    (i == ICS_DESCRIPTION && !w->has_description))
			continue;
		if (w->stale[i]) {
			icalmemory_free_buffer(w->line[i]);
			w->line[i] = icalproperty_as_ical_string_r(w->prop[i]);
			if (w->line[i] == NULL) {
				w->failed = true;
				return;
			}
			w->line_len[i] = strlen(w->line[i]);
			w->stale[i] = false;
		}
		ics_buf_add(w, w->line[i], w->line_len[i]);
	}
	ics_buf_add(w, w->ev_end, strlen(w->ev_end));
	ics_put(w, w->buf, w->buf_len);
}

int
ics_writer_add(struct ics_writer *w, const struct ics_event *ev, char **error)
{
	struct icaltimetype start, end;

	if (error != NULL)
		*error = NULL;
	if (w == NULL || ev == NULL)
		return ics_fail(error, _("iCalendar: no event"));
	if (!ics_set(ev->uid) || !ics_set(ev->summary))
		return ics_fail(error, _("iCalendar: an event needs a UID and a summary"));
	if (ev->sequence < 0)
		return ics_fail(error, _("iCalendar: the sequence number is negative"));
	if (ics_parse_local(w, ev->starts_at, &start) != 0 ||
	    ics_parse_local(w, ev->ends_at, &end) != 0)
		return ics_fail(error, _("iCalendar: a start or end is not YYYY-MM-DDTHH:MM"));
	if (icaltime_compare(end, start) < 0)
		return ics_fail(error, _("iCalendar: an event ends before it starts"));
	if (w->vevent == NULL && ics_vevent_init(w) != 0)
		w->failed = true;
	if (!w->failed) {
		ics_vevent_set(w, ev, start, end);
		ics_vevent_put(w);
	}
	if (w->failed)
		return ics_fail(error, _("iCalendar: cannot write the output"));
	w->count++;
	return 0;
}

int
ics_writer_close(struct ics_writer *w, char **error)
{
	bool failed;

	if (error != NULL)
		*error = NULL;
	if (w == NULL)
		return 0;
	ics_put(w, ics_end, sizeof ics_end - 1);
	failed = w->failed || fflush(w->out) != 0 || ferror(w->out);
	ics_writer_free(w);
	return failed ? ics_fail(error, _("iCalendar: cannot write the output")) : 0;
}

void
ics_writer_free(struct ics_writer *w)
{
	int i;

	if (w == NULL)
		return;
	if (w->vevent != NULL) {
		/* the optional properties not in the VEVENT are still ours */
		if (!w->has_location && w->prop[ICS_LOCATION] != NULL)
			icalproperty_free(w->prop[ICS_LOCATION]);
		if (!w->has_description && w->prop[ICS_DESCRIPTION] != NULL)
			icalproperty_free(w->prop[ICS_DESCRIPTION]);
		if (!w->shaped) {
			if (w->prop[ICS_SEQUENCE] != NULL)
				icalproperty_free(w->prop[ICS_SEQUENCE]);
			if (w->prop[ICS_STATUS] != NULL)
				icalproperty_free(w->prop[ICS_STATUS]);
		}
		icalcomponent_free(w->vevent);
	}
	for (i = 0; i < ICS_NPROP; i++)
		icalmemory_free_buffer(w->line[i]);
	free(w->ev_begin);
	free(w->ev_end);
	free(w->buf);
	icaltimezone_free(w->zone, 1);
	free(w);
}

unsigned long
ics_writer_count(const struct ics_writer *w)
{
	return w != NULL ? w->count : 0;
}

/*
 * health.c — the health of a group (#9): terms, the rules of a scan, and
 * the signals of the coordinators' overview with their weak rules (one
 * table, health_rules[], documented in leernet(1)).
 */
#include "autoconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/health.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xmalloc.h"

/*
 * When a signal is weak: below (worse when lower) or at least (worse when
 * higher) the limit. Percentages in %, the scan average × 10.
 */
static const struct {
	const char *key;
	const char *title;
	const char *rule;
	bool lower_is_worse;
	int limit;
} health_rules[HEALTH__SIGNALS] = {
	[HEALTH_MEETINGS] = { "meetings", N_("Meetings"),
	    /* xgettext:no-c-format */
	    N_("below 60% of the meetings expected so far"), true, 60 },
	[HEALTH_ATTENDANCE] = { "attendance", N_("Attendance"),
	    /* xgettext:no-c-format */
	    N_("below 70% present or late"), true, 70 },
	[HEALTH_HOURS] = { "hours", N_("Hours"),
	    /* xgettext:no-c-format */
	    N_("below 60% of the norm so far"), true, 60 },
	[HEALTH_OVERDUE] = { "overdue", N_("Overdue"), N_("any open agreement past its date"),
	    false, 1 },
	[HEALTH_UPDATE] = { "update", N_("Months since update"), N_("more than 2 months without an update"),
	    false, 3 },
	[HEALTH_LEFT] = { "left", N_("Left"), N_("2 or more members left this school year"),
	    false, 2 },
	[HEALTH_SCAN] = { "scan", N_("Scan"), N_("the latest scan averages below 3"), true, 30 },
};

void
health_term_of(const struct date *d, struct health_term *t)
{
	struct date first, last;

	t->year = date_school_year(d, &first, &last);
	if (d->month >= 8 || d->month == 1) {
		t->half = 1;
		t->first = first;
		t->last = (struct date){ t->year + 1, 1, 31 };
	} else {
		t->half = 2;
		t->first = (struct date){ t->year + 1, 2, 1 };
		t->last = last;
	}
}

char *
health_term_label(const struct health_term *t, char *buf)
{
	snprintf(buf, HEALTH_TERM_LABEL_LEN, "%04d-%04d %s", t->year % 10000,
	    (t->year + 1) % 10000, t->half == 1 ? "I" : "II");
	return buf;
}

bool
health_same_term(const struct date *a, const struct date *b)
{
	struct health_term ta, tb;

	health_term_of(a, &ta);
	health_term_of(b, &tb);
	return ta.year == tb.year && ta.half == tb.half;
}

enum health_scan_check
health_scan_check(const char *const *factors, size_t n_factors,
    const struct health_score *scores, size_t n, size_t *bad)
{
	size_t i, j;

	*bad = 0;
	if (n == 0)
		return HEALTH_SCAN_EMPTY;
	for (i = 0; i < n; i++) {
		*bad = i;
		for (j = 0; j < n_factors; j++) {
			if (scores[i].factor != NULL && strcmp(scores[i].factor, factors[j]) == 0)
				break;
		}
		if (j == n_factors)
			return HEALTH_SCAN_UNKNOWN_FACTOR;
		for (j = 0; j < i; j++) {
			if (strcmp(scores[i].factor, scores[j].factor) == 0)
				return HEALTH_SCAN_DUPLICATE;
		}
		if (scores[i].score < HEALTH_SCORE_MIN || scores[i].score > HEALTH_SCORE_MAX)
			return HEALTH_SCAN_RANGE;
		if (scores[i].remark != NULL && text_width(scores[i].remark) > HEALTH_REMARK_MAX)
			return HEALTH_SCAN_REMARK;
	}
	/* every factor scored: n distinct known factors */
	for (j = 0; j < n_factors; j++) {
		for (i = 0; i < n; i++) {
			if (strcmp(scores[i].factor, factors[j]) == 0)
				break;
		}
		if (i == n) {
			*bad = j;
			return HEALTH_SCAN_MISSING;
		}
	}
	return HEALTH_SCAN_OK;
}

const char *
health_scan_message(enum health_scan_check c)
{
	switch (c) {
	case HEALTH_SCAN_OK: return "%s";
	case HEALTH_SCAN_EMPTY: return N_("A scan needs a score for every success factor%s.");
	case HEALTH_SCAN_UNKNOWN_FACTOR:
		return N_("\"%s\" is not a success factor of this network.");
	case HEALTH_SCAN_DUPLICATE: return N_("The success factor \"%s\" is scored twice.");
	case HEALTH_SCAN_RANGE: return N_("The score of \"%s\" must be 1 to 5.");
	case HEALTH_SCAN_REMARK: return N_("The remark on \"%s\" is too long (500 characters at "
	    "most).");
	case HEALTH_SCAN_MISSING: return N_("The success factor \"%s\" has no score yet.");
	}
	return "%s";
}

char *
health_score_bar(int score, char *buf, size_t size)
{
	size_t len;
	int i;

	if (score < HEALTH_SCORE_MIN || score > HEALTH_SCORE_MAX) {
		snprintf(buf, size, "-");
		return buf;
	}
	len = (size_t)snprintf(buf, size, "%d ", score);
	for (i = 1; i <= HEALTH_SCORE_MAX && len + 4 <= size; i++) {
		memcpy(buf + len, i <= score ? "\u25a0" : "\u25a1", 3);
		len += 3;
		buf[len] = '\0';
	}
	return buf;
}

const char *
health_trend(int earlier, int later)
{
	if (earlier < HEALTH_SCORE_MIN || later < HEALTH_SCORE_MIN)
		return "";
	if (later > earlier)
		return "\u2191";
	return later < earlier ? "\u2193" : "=";
}

/* a / b rounded half up, for a, b >= 0, b > 0. */
static long
health_div(long a, long b)
{
	return (2 * a + b) / (2 * b);
}

/* Whole months from a to b (0 when b is not after a). */
static int
health_months(const struct date *a, const struct date *b)
{
	int m = (b->year - a->year) * 12 + (b->month - a->month);

	if (b->day < a->day)
		m--;
	return m < 0 ? 0 : m;
}

/*
 * The part of the school year the group has run: days from A = max(start,
 * 1 August) to today (*so_far) over A .. min(planned end, 31 July) (*span),
 * both inclusive; 0/0 when it has not started or ended before this year.
 */
static void
health_prorate(const struct health_facts *f, const struct date *today, long *so_far,
    long *span)
{
	struct date first, last, a, b, upto;

	date_school_year(today, &first, &last);
	a = date_compare(&f->start_on, &first) > 0 ? f->start_on : first;
	b = last;
	if (f->planned_end_on.year != 0 && date_compare(&f->planned_end_on, &last) < 0)
		b = f->planned_end_on;
	upto = date_compare(today, &b) < 0 ? *today : b;
	*so_far = *span = 0;
	if (date_compare(&b, &a) < 0 || date_compare(&upto, &a) < 0)
		return;
	*span = date_to_days(&b) - date_to_days(&a) + 1;
	*so_far = date_to_days(&upto) - date_to_days(&a) + 1;
}

static void
health_set(struct health_signals *out, enum health_signal s, long value)
{
	out->known[s] = true;
	out->value[s] = value > 1000000 ? 1000000 : (int)value;
	if (health_rules[s].lower_is_worse)
		out->weak[s] = out->value[s] < health_rules[s].limit;
	else
		out->weak[s] = out->value[s] >= health_rules[s].limit;
	if (out->weak[s])
		out->weak_count++;
}

void
health_compute(const struct health_facts *f, const struct date *today,
    struct health_signals *out)
{
	long so_far, span;

	memset(out, 0, sizeof *out);
	health_prorate(f, today, &so_far, &span);
	out->held = f->held;
	if (span > 0) {
		out->expected_x10 = (int)health_div((long)f->expected_meetings * 10 * so_far, span);
		out->norm_minutes = health_div((long)f->hours_norm * 60 * so_far, span);
	}
	if (out->expected_x10 > 0)
		health_set(out, HEALTH_MEETINGS, health_div((long)f->held * 1000,
		    out->expected_x10));
	if (f->att_recorded > 0)
		health_set(out, HEALTH_ATTENDANCE, health_div((long)f->att_present * 100,
		    f->att_recorded));
	if (f->members > 0) {
		out->avg_minutes = health_div(f->member_minutes, f->members);
		if (out->norm_minutes > 0)
			health_set(out, HEALTH_HOURS, health_div(f->member_minutes * 100,
			    (long)f->members * out->norm_minutes));
	}
	health_set(out, HEALTH_OVERDUE, f->overdue);
	out->never_updated = f->last_update.year == 0;
	health_set(out, HEALTH_UPDATE, health_months(out->never_updated ? &f->start_on :
	    &f->last_update, today));
	health_set(out, HEALTH_LEFT, f->left);
	if (f->scan_n > 0) {
		health_set(out, HEALTH_SCAN, health_div((long)f->scan_sum * 10, f->scan_n));
		health_term_of(&f->scan_on, &out->scan_term);
	}
}

const char *
health_signal_key(enum health_signal s)
{
	return s >= 0 && s < HEALTH__SIGNALS ? health_rules[s].key : "";
}

const char *
health_signal_title(enum health_signal s)
{
	return s >= 0 && s < HEALTH__SIGNALS ? health_rules[s].title : "";
}

const char *
health_signal_rule(enum health_signal s)
{
	return s >= 0 && s < HEALTH__SIGNALS ? health_rules[s].rule : "";
}

char *
health_signal_format(const struct health_signals *sig, enum health_signal s,
    char decimal, char *buf, size_t size)
{
	int v;

	if (s < 0 || s >= HEALTH__SIGNALS || !sig->known[s]) {
		snprintf(buf, size, "-");
		return buf;
	}
	v = sig->value[s];
	switch (s) {
	case HEALTH_MEETINGS:
		snprintf(buf, size, "%d/%ld", sig->held, health_div(sig->expected_x10, 10));
		break;
	case HEALTH_ATTENDANCE:
	case HEALTH_HOURS:
		snprintf(buf, size, "%d%%", v);
		break;
	case HEALTH_UPDATE:
		if (sig->never_updated)
			snprintf(buf, size, "%s", _("never"));
		else
			snprintf(buf, size, "%d", v);
		break;
	case HEALTH_SCAN:
		snprintf(buf, size, "%d%c%d", v / 10, decimal, v % 10);
		break;
	default:
		snprintf(buf, size, "%d", v);
		break;
	}
	return buf;
}

bool
health_sort_parse(const char *key, int *out)
{
	int s;

	if (key == NULL)
		return false;
	for (s = 0; s < HEALTH_SORT__COUNT; s++) {
		if (strcmp(key, health_sort_key(s)) == 0) {
			*out = s;
			return true;
		}
	}
	return false;
}

const char *
health_sort_key(int sort)
{
	if (sort == HEALTH_SORT_NAME)
		return "name";
	if (sort == HEALTH_SORT_WEAK)
		return "weak";
	return health_signal_key((enum health_signal)(sort - HEALTH_SORT_SIGNAL));
}

static int health_sort_by;

static int
health_cmp_rank(const struct health_row *a, const struct health_row *b)
{
	return (a->name_rank > b->name_rank) - (a->name_rank < b->name_rank);
}

/* Worst first for the signal sorted by; unknown values last; then by name. */
static int
health_cmp(const void *pa, const void *pb)
{
	const struct health_row *a = pa, *b = pb;
	enum health_signal s;
	int d;

	if (health_sort_by == HEALTH_SORT_WEAK) {
		d = b->sig.weak_count - a->sig.weak_count;
		return d != 0 ? d : health_cmp_rank(a, b);
	}
	if (health_sort_by < HEALTH_SORT_SIGNAL)
		return health_cmp_rank(a, b);
	s = (enum health_signal)(health_sort_by - HEALTH_SORT_SIGNAL);
	if (a->sig.known[s] != b->sig.known[s])
		return a->sig.known[s] ? -1 : 1;
	d = (a->sig.value[s] > b->sig.value[s]) - (a->sig.value[s] < b->sig.value[s]);
	if (!health_rules[s].lower_is_worse)
		d = -d;
	return d != 0 ? d : health_cmp_rank(a, b);
}

void
health_sort(struct health_row *rows, size_t n, int sort)
{
	health_sort_by = sort >= 0 && sort < HEALTH_SORT__COUNT ? sort : HEALTH_SORT_NAME;
	if (n > 1)
		qsort(rows, n, sizeof *rows, health_cmp);
}

void
health_rows_free(struct health_row *rows, size_t n)
{
	size_t i;

	for (i = 0; rows != NULL && i < n; i++) {
		free(rows[i].name);
		free(rows[i].type);
	}
	free(rows);
}

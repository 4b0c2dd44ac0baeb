/*
 * health.h — the health of a group (#9): the term a scan belongs to, the
 * rules of a scan's scores, and the signals of the coordinators' overview
 * with the rule that makes each one weak.
 *
 * Plain rules, no storage: the store counts meetings, attendance, hours,
 * agreements, updates and departures per group and hands them over as a
 * struct health_facts; health_compute() turns them into signals. The
 * thresholds live in one table in health.c (and in leernet(1)).
 */
#ifndef LEERNET_CORE_HEALTH_H
#define LEERNET_CORE_HEALTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

#define HEALTH_SCORE_MIN 1
#define HEALTH_SCORE_MAX 5
#define HEALTH_REMARK_MAX 500	/* characters of a score's remark */

/*
 * A term: half a school year, 1 August – 31 January (I) and 1 February –
 * 31 July (II). A group fills in one scan per term.
 */
struct health_term {
	int year;		/* the school year's first calendar year (2026: 2026-2027) */
	int half;		/* 1 or 2 */
	struct date first, last;
};

#define HEALTH_TERM_LABEL_LEN 16	/* "2026-2027 II" and its NUL */

/* The term that contains d. */
void health_term_of(const struct date *d, struct health_term *t);
/* "2026-2027 I" / "2026-2027 II" into buf (HEALTH_TERM_LABEL_LEN bytes); returns buf. */
char *health_term_label(const struct health_term *t, char *buf);
/* Do a and b fall in the same term? */
bool health_same_term(const struct date *a, const struct date *b);

/* One score of a scan as filled in; strings borrowed. */
struct health_score {
	const char *factor;	/* a success factor key from the config */
	int score;		/* HEALTH_SCORE_MIN .. HEALTH_SCORE_MAX */
	const char *remark;	/* may be NULL or empty */
};

enum health_scan_check {
	HEALTH_SCAN_OK,
	HEALTH_SCAN_EMPTY,		/* no scores at all */
	HEALTH_SCAN_UNKNOWN_FACTOR,	/* scores[*bad].factor is not a factor */
	HEALTH_SCAN_DUPLICATE,		/* scores[*bad].factor is scored twice */
	HEALTH_SCAN_RANGE,		/* scores[*bad].score is not 1..5 */
	HEALTH_SCAN_REMARK,		/* scores[*bad].remark is too long */
	HEALTH_SCAN_MISSING		/* factors[*bad] is not scored */
};

/*
 * Check a scan against the config's success factors (keys, n_factors):
 * every factor scored exactly once, 1..5, and nothing else. Returns the
 * first problem and its index in *bad (into scores, or into factors for
 * HEALTH_SCAN_MISSING).
 */
enum health_scan_check health_scan_check(const char *const *factors, size_t n_factors,
    const struct health_score *scores, size_t n, size_t *bad);
/* The problem as an English sentence for _(), with one %s for the factor. */
const char *health_scan_message(enum health_scan_check c);

/* "4 ■■■■□" into buf (at least 24 bytes); "-" for a score outside 1..5. Returns buf. */
char *health_score_bar(int score, char *buf, size_t size);
/* The trend from an earlier score to a later one: "↑", "↓", "=", or "" without an earlier. */
const char *health_trend(int earlier, int later);

/* The signals, in the overview's column order. */
enum health_signal {
	HEALTH_MEETINGS,	/* held against the expected number so far, % */
	HEALTH_ATTENDANCE,	/* present or late of the attendance recorded, % */
	HEALTH_HOURS,		/* members' average hours against the prorated norm, % */
	HEALTH_OVERDUE,		/* open follow-up agreements past their due date */
	HEALTH_UPDATE,		/* whole months since the last update */
	HEALTH_LEFT,		/* members who left this school year */
	HEALTH_SCAN,		/* the latest scan's average × 10 */
	HEALTH__SIGNALS
};

/* What the store counted for one group in this school year up to today. */
struct health_facts {
	struct date start_on;
	struct date planned_end_on;	/* year 0: none */
	int expected_meetings;		/* a school year (the group type's) */
	int hours_norm;			/* hours a school year (the group's, else its type's) */
	int held;			/* held meetings from 1 August to today */
	int att_recorded;		/* attendance rows of those meetings */
	int att_present;		/* … present or late */
	int members;			/* lead, member or expert today */
	long member_minutes;		/* credited to them at those meetings */
	int overdue;			/* open agreements due before today */
	struct date last_update;	/* year 0: never */
	int left;			/* left this school year, not back */
	int scan_sum, scan_n;		/* the latest scan: sum and number of scores */
	struct date scan_on;		/* its date (scan_n 0: no scan) */
};

struct health_signals {
	int value[HEALTH__SIGNALS];
	bool known[HEALTH__SIGNALS];	/* false: nothing to measure yet (shown "-") */
	bool weak[HEALTH__SIGNALS];
	int weak_count;
	int held;			/* meetings held (facts.held) */
	int expected_x10;		/* meetings expected so far, × 10 */
	long norm_minutes;		/* the norm prorated to today, minutes */
	long avg_minutes;		/* members' average, minutes */
	bool never_updated;		/* HEALTH_UPDATE counts from the start */
	struct health_term scan_term;
};

/*
 * The signals of a group on today in its school year (1 August – 31 July).
 * Expectations (meetings, the hours norm) are prorated over the part of the
 * school year the group runs: from max(start, 1 August) to today, over
 * max(start, 1 August) .. min(planned end, 31 July).
 */
void health_compute(const struct health_facts *f, const struct date *today,
    struct health_signals *out);

/* A stable key ("meetings", "attendance", …) and an English column title for N_(). */
const char *health_signal_key(enum health_signal s);
const char *health_signal_title(enum health_signal s);
/* The weak rule in words, English for _() ("below 60%"). */
const char *health_signal_rule(enum health_signal s);
/*
 * A signal for people into buf: "3/5" (held/expected so far), "85%", "2", "never", "3.4" (decimal
 * is the separator), "-" when not known. Returns buf.
 */
char *health_signal_format(const struct health_signals *sig, enum health_signal s,
    char decimal, char *buf, size_t size);

/* One group of the overview; name and type owned (health_rows_free). */
struct health_row {
	int64_t id;
	char *name;
	char *type;		/* the config's key */
	int name_rank;		/* its place by name (the store's order) */
	struct health_facts facts;
	struct health_signals sig;
};

enum health_sort {
	HEALTH_SORT_NAME,
	HEALTH_SORT_WEAK,	/* most weak signals first */
	HEALTH_SORT_SIGNAL	/* + an enum health_signal: worst first */
};
#define HEALTH_SORT__COUNT (HEALTH_SORT_SIGNAL + HEALTH__SIGNALS)

/* "name", "weak", or a signal key into *out; false when unknown. */
bool health_sort_parse(const char *key, int *out);
const char *health_sort_key(int sort);
/* Sort rows in place: sort is HEALTH_SORT_NAME, _WEAK or _SIGNAL + a signal;
 * ties and unknown values go by name. */
void health_sort(struct health_row *rows, size_t n, int sort);
void health_rows_free(struct health_row *rows, size_t n);

#endif

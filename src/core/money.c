/*
 * money.c — money in whole cents: parse what people type ("1.250,50",
 * "1250.50", "€ 1 250,5"), format it as "€ 1.250,50" or "1250.50", and add
 * it up with overflow checks. Integers only: nothing is ever rounded.
 */
#include "autoconf.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/i18n.h"
#include "core/money.h"

#define MONEY_GROUPS_MAX 16	/* digit runs in one amount; more is not an amount */

static const char money_euro[] = "\xe2\x82\xac";	/* € */
static const char money_minus[] = "\xe2\x88\x92";	/* − (U+2212) */

/* The ways one character can separate digits. */
enum money_sep {
	MONEY_SEP_POINT,
	MONEY_SEP_COMMA,
	MONEY_SEP_SPACE		/* ' ', U+00A0, U+202F */
};

/* An amount split into digit runs and the separators between them. */
struct money_parts {
	const char *run[MONEY_GROUPS_MAX];
	size_t len[MONEY_GROUPS_MAX];
	enum money_sep sep[MONEY_GROUPS_MAX];	/* sep[i] follows run[i] */
	size_t n;				/* runs */
	bool whole;				/* ended in ",-" */
};

static const char *const money_why_empty = N_("type an amount in euros, such as 1.250,50");
static const char *const money_why_garbage =
    N_("not an amount in euros: type it as 1.250,50 or 1250.50");
static const char *const money_why_negative = N_("an amount cannot be negative");
static const char *const money_why_decimals =
    N_("at most two decimals: amounts are in whole cents");
static const char *const money_why_thousands =
    N_("a thousands separator is misplaced: group the digits by three, as in 1.250.000");
static const char *const money_why_too_much = N_("too much: at most € 10.000.000");

static int
money_refuse(const char **why, const char *reason)
{
	if (why != NULL)
		*why = reason;
	return -1;
}

static bool
money_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The length of a separator at s (0 when there is none) and its kind. */
static size_t
money_sep_at(const char *s, size_t left, enum money_sep *kind)
{
	if (*s == '.' || *s == ',' || *s == ' ') {
		*kind = *s == '.' ? MONEY_SEP_POINT : *s == ',' ? MONEY_SEP_COMMA : MONEY_SEP_SPACE;
		return 1;
	}
	*kind = MONEY_SEP_SPACE;
	if (left >= 2 && memcmp(s, "\xc2\xa0", 2) == 0)
		return 2;
	if (left >= 3 && memcmp(s, "\xe2\x80\xaf", 3) == 0)
		return 3;
	return 0;
}

/* Trim spaces around [*s, *e) (ASCII spaces and tabs). */
static void
money_trim(const char **s, const char **e)
{
	while (*s < *e && (**s == ' ' || **s == '\t'))
		(*s)++;
	while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\t'))
		(*e)--;
}

/* Does [s, e) start with a minus sign? */
static bool
money_negative(const char *s, const char *e)
{
	size_t n = (size_t)(e - s);

	return (n >= 1 && *s == '-') || (n >= 3 && memcmp(s, money_minus, 3) == 0);
}

/* Take off one currency mark ("€", "EUR") before or after the amount. */
static void
money_strip_currency(const char **s, const char **e)
{
	size_t n = (size_t)(*e - *s);

	if (n >= 3 && memcmp(*s, money_euro, 3) == 0)
		*s += 3;
	else if (n >= 3 && strncasecmp(*s, "EUR", 3) == 0)
		*s += 3;
	else if (n >= 3 && memcmp(*e - 3, money_euro, 3) == 0)
		*e -= 3;
	else if (n >= 3 && strncasecmp(*e - 3, "EUR", 3) == 0)
		*e -= 3;
	money_trim(s, e);
}

/* Split [s, e) into digit runs and single separators; -1 when it is no amount. */
static int
money_split(const char *s, const char *e, struct money_parts *p)
{
	enum money_sep kind;
	size_t k;

	memset(p, 0, sizeof *p);
	if ((size_t)(e - s) >= 2 && e[-1] == '-' && (e[-2] == ',' || e[-2] == '.')) {
		p->whole = true;
		e -= 2;
	}
	while (s < e) {
		if (!money_digit(*s) || p->n == MONEY_GROUPS_MAX)
			return -1;
		p->run[p->n] = s;
		while (s < e && money_digit(*s))
			s++;
		p->len[p->n] = (size_t)(s - p->run[p->n]);
		if (s == e) {
			p->n++;
			return 0;
		}
		if ((k = money_sep_at(s, (size_t)(e - s), &kind)) == 0)
			return -1;
		p->sep[p->n++] = kind;
		s += k;
		if (s == e)
			return -1;	/* a separator with nothing after it */
	}
	return -1;
}

/* How many separators of kind the parts have. */
static size_t
money_count(const struct money_parts *p, enum money_sep kind)
{
	size_t i, n = 0;

	for (i = 0; i + 1 < p->n; i++)
		n += p->sep[i] == kind;
	return n;
}

/*
 * Is the last separator the decimal one? A comma is, unless there are
 * several; a point is, unless there are several, or it is the only
 * separator and reads as a Dutch thousands point ("1.250").
 */
static bool
money_has_decimals(const struct money_parts *p)
{
	enum money_sep last;

	if (p->n < 2)
		return false;
	last = p->sep[p->n - 2];
	if (last == MONEY_SEP_SPACE)
		return false;
	if (money_count(p, last) > 1)
		return false;
	if (last == MONEY_SEP_POINT && p->n == 2 && p->len[1] == 3 && p->len[0] <= 3 &&
	    p->run[0][0] != '0')
		return false;
	return true;
}

/* Check the thousands grouping of the first runs (all but a fraction). */
static int
money_check_groups(const struct money_parts *p, size_t runs, const char **why)
{
	size_t i;

	if (runs < 2)
		return 0;
	for (i = 0; i + 1 < runs; i++) {
		if (p->sep[i] != p->sep[0])
			return money_refuse(why, money_why_thousands);
	}
	if (p->len[0] > 3 || p->run[0][0] == '0')
		return money_refuse(why, money_why_thousands);
	for (i = 1; i < runs; i++) {
		if (p->len[i] != 3)
			return money_refuse(why, money_why_thousands);
	}
	return 0;
}

int
money_parse(const char *text, int64_t *cents, const char **why)
{
	struct money_parts p;
	const char *s, *e;
	int64_t euros = 0, frac = 0;
	size_t runs, i, j;
	bool decimals;

	if (text == NULL)
		return money_refuse(why, money_why_empty);
	s = text;
	e = text + strlen(text);
	money_trim(&s, &e);
	if (money_negative(s, e))
		return money_refuse(why, money_why_negative);
	money_strip_currency(&s, &e);
	if (s == e)
		return money_refuse(why, money_why_empty);
	if (money_negative(s, e))
		return money_refuse(why, money_why_negative);
	if (money_split(s, e, &p) != 0 || p.n == 0)
		return money_refuse(why, money_why_garbage);
	decimals = money_has_decimals(&p);
	if (decimals && p.whole)
		return money_refuse(why, money_why_garbage);
	runs = decimals ? p.n - 1 : p.n;
	if (decimals && p.len[p.n - 1] > 2)
		return money_refuse(why, money_why_decimals);
	if (money_check_groups(&p, runs, why) != 0)
		return -1;
	for (i = 0; i < runs; i++) {
		for (j = 0; j < p.len[i]; j++) {
			euros = euros * 10 + (p.run[i][j] - '0');
			if (euros > MONEY_MAX_CENTS / 100)
				return money_refuse(why, money_why_too_much);
		}
	}
	if (decimals) {
		frac = p.run[p.n - 1][0] - '0';
		frac = frac * 10 + (p.len[p.n - 1] == 2 ? p.run[p.n - 1][1] - '0' : 0);
	}
	if (euros * 100 + frac > MONEY_MAX_CENTS)
		return money_refuse(why, money_why_too_much);
	*cents = euros * 100 + frac;
	return 0;
}

/* The magnitude of cents as "1.250,50" (with group and decimal characters). */
static void
money_digits(int64_t cents, char group, char decimal, char *buf, size_t size)
{
	uint64_t v = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	uint64_t euros = v / 100;
	char rev[40];
	size_t n = 0, i, k = 0;

	do {
		if (n > 0 && n % 3 == 0 && group != '\0')
			rev[k++] = group;
		rev[k++] = (char)('0' + euros % 10);
		euros /= 10;
		n++;
	} while (euros > 0);
	for (i = 0; i < k && i + 1 < size; i++)
		buf[i] = rev[k - 1 - i];
	if (size > 0)
		buf[i < size ? i : size - 1] = '\0';
	snprintf(buf + strlen(buf), size - strlen(buf), "%c%02u", decimal, (unsigned)(v % 100));
}

char *
money_format(int64_t cents, char *buf, size_t size)
{
	char digits[MONEY_TEXT_LEN];

	money_digits(cents, '.', ',', digits, sizeof digits);
	snprintf(buf, size, "%s %s%s", money_euro, cents < 0 ? "-" : "", digits);
	return buf;
}

char *
money_format_plain(int64_t cents, char *buf, size_t size)
{
	char digits[MONEY_TEXT_LEN];

	money_digits(cents, '.', ',', digits, sizeof digits);
	snprintf(buf, size, "%s%s", cents < 0 ? "-" : "", digits);
	return buf;
}

char *
money_format_csv(int64_t cents, char *buf, size_t size)
{
	char digits[MONEY_TEXT_LEN];

	money_digits(cents, '\0', '.', digits, sizeof digits);
	snprintf(buf, size, "%s%s", cents < 0 ? "-" : "", digits);
	return buf;
}

int
money_add(int64_t a, int64_t b, int64_t *sum)
{
	if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b))
		return -1;
	*sum = a + b;
	return 0;
}

/*
 * money.h — money in whole cents (int64_t), never floating point: parsing
 * what people type ("1.250,50", "1250.50", "€ 1 250,5"), showing it the
 * Dutch way ("€ 1.250,50") or for a spreadsheet ("1250.50"), and adding it
 * up with overflow checks (#9: budget requests).
 */
#ifndef LEERNET_CORE_MONEY_H
#define LEERNET_CORE_MONEY_H

#include <stddef.h>
#include <stdint.h>

/* The largest amount accepted: € 10.000.000,00. */
#define MONEY_MAX_CENTS INT64_C(1000000000)
/* Room for any formatted amount of int64_t cents and its NUL. */
#define MONEY_TEXT_LEN 40

/*
 * Parse an amount in euros as typed: digits with an optional decimal comma
 * or point and one or two decimals (one decimal is tens of cents: "1250,5"
 * is € 1.250,50); thousands grouped by '.', ' ' (also a no-break space) or,
 * when the decimal separator is a point, ','; an optional "€" or "EUR"
 * before or after it; ",-" for whole euros ("1.250,-"). A single point
 * followed by exactly three digits is a thousands separator ("1.250" is
 * € 1.250,00), as a Dutch speaker means it. Surrounding spaces are ignored.
 *
 * Refused: empty text, a negative amount, more than two decimals, anything
 * that is not an amount, misplaced thousands separators and amounts over
 * MONEY_MAX_CENTS. Returns 0 with *cents, or -1 with *why (when not NULL):
 * a static English sentence to translate (no conversions). Nothing is rounded.
 */
int money_parse(const char *text, int64_t *cents, const char **why);

/* "€ 1.250,50" ("€ -5,00" for a negative amount) into buf; returns buf. */
char *money_format(int64_t cents, char *buf, size_t size);
/* "1.250,50" (no euro sign), for a form field to edit; returns buf. */
char *money_format_plain(int64_t cents, char *buf, size_t size);
/* "1250.50" ("-5.00"), for CSV; returns buf. */
char *money_format_csv(int64_t cents, char *buf, size_t size);

/* *sum = a + b: 0, or -1 (and *sum untouched) when it does not fit in int64_t. */
int money_add(int64_t a, int64_t b, int64_t *sum);

#endif

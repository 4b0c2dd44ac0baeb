/* test_csvread.c — the CSV reader: quotes, separators, line ends, line numbers, faults. */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "core/xmalloc.h"
#include "suites.h"

#define NOT_CLOSED "a quoted field is not closed"
#define AFTER_QUOTE "text after a closing quote"
#define TOO_LONG "a field is longer than 64 KiB"

/*
 * Read all of data with separator sep (0 = detect) and compare with want:
 * one string per record, "<line>:" then the fields joined by '|', or
 * "<line>!<message>" for a malformed record. want ends with NULL.
 */
static void
test_csvread_expect(const char *data, size_t len, char sep, const char *const *want)
{
	struct csv_reader *r = csv_reader_new(data, len, sep);
	char **f, got[512];
	const char *err;
	size_t n, i, k = 0;
	long line;
	int rc;

	while ((rc = csv_reader_next(r, &f, &n, &line, &err)) != 0) {
		int off = snprintf(got, sizeof got, "%ld%c", line, rc == 1 ? ':' : '!');

		if (rc == -1) {
			ck_assert_ptr_null(f);
			ck_assert_uint_eq(n, 0);
			snprintf(got + off, sizeof got - (size_t)off, "%s", err);
		}
		for (i = 0; rc == 1 && i < n; i++)
			off += snprintf(got + off, sizeof got - (size_t)off, "%s%s", i ? "|" : "", f[i]);
		ck_assert_msg(want[k] != NULL, "record %zu too many: %s", k, got);
		ck_assert_str_eq(got, want[k]);
		k++;
	}
	ck_assert_ptr_null(f);
	ck_assert_uint_eq(n, 0);
	ck_assert_msg(want[k] == NULL, "record %zu missing: %s", k, want[k]);
	/* the end stays the end */
	ck_assert_int_eq(csv_reader_next(r, &f, &n, NULL, NULL), 0);
	csv_reader_free(r);
}

#define EXPECT(data, sep, ...) do { \
	const char *const want_[] = { __VA_ARGS__, NULL }; \
	test_csvread_expect((data), sizeof(data) - 1, (sep), want_); \
} while (0)

START_TEST(test_empty_and_null)
{
	struct csv_reader *r = csv_reader_new(NULL, 0, 0);
	char **f = (char **)1;
	size_t n = 9;
	long line = 0;

	ck_assert_int_eq(csv_reader_sep(r), ',');
	ck_assert_int_eq(csv_reader_next(r, &f, &n, &line, NULL), 0);
	ck_assert_ptr_null(f);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(line, 1);
	csv_reader_free(r);
	csv_reader_free(NULL);
	r = csv_reader_new("\r\n\n\r", 4, 0);
	ck_assert_int_eq(csv_reader_next(r, &f, &n, &line, NULL), 0);
	ck_assert_int_eq(line, 4);
	csv_reader_free(r);
	EXPECT("\xef\xbb\xbf", 0, NULL);
}
END_TEST

START_TEST(test_plain)
{
	EXPECT("id,title,status\r\n1,Rekenen,open\r\n", 0,
	    "1:id|title|status", "2:1|Rekenen|open");
	/* the last record needs no line end */
	EXPECT("a,b\nc,d", 0, "1:a|b", "2:c|d");
	/* one field, and UTF-8 passes through */
	EXPECT("Zoë van Ĳsselstein\n", ',', "1:Zoë van Ĳsselstein");
	/* a quote inside an unquoted field is kept */
	EXPECT("5\" floppy,x\n", ',', "1:5\" floppy|x");
}
END_TEST

START_TEST(test_quotes)
{
	EXPECT("\"say \"\"hi\"\"\",x,\"\",\"\"\"\"\n", ',', "1:say \"hi\"|x||\"");
	EXPECT("\"a,b\",\"c;d\"\n", ',', "1:a,b|c;d");
	EXPECT("\"a;b\";\"c,d\"\n", ';', "1:a;b|c,d");
	/* a quoted field at the very end, and an empty quoted one */
	EXPECT("x,\"end\"", ',', "1:x|end");
	EXPECT("\"\"", ',', "1:");
}
END_TEST

START_TEST(test_embedded_newlines)
{
	struct csv_reader *r;
	char **f;
	size_t n;
	long line;

	EXPECT("\"two\nlines\",\"three\r\nline\rend\"\nnext,x\n", ',',
	    "1:two\nlines|three\r\nline\rend", "5:next|x");
	EXPECT("id,note\n1,\"one\r\ntwo\nthree\"\n2,x\n\n3,\"\n\"\n4,y", 0,
	    "1:id|note", "2:1|one\r\ntwo\nthree", "5:2|x", "7:3|\n", "9:4|y");
	/* the field holds its newline exactly */
	r = csv_reader_new("\"a\nb\",c", 7, 0);
	ck_assert_int_eq(csv_reader_next(r, &f, &n, &line, NULL), 1);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(f[0], "a\nb");
	ck_assert_uint_eq(strlen(f[0]), 3);
	ck_assert_str_eq(f[1], "c");
	ck_assert_int_eq(line, 1);
	csv_reader_free(r);
}
END_TEST

START_TEST(test_bom)
{
	struct csv_reader *r;
	char **f;
	size_t n;

	EXPECT("\xef\xbb\xbfnaam;email\nAnna;a@x.nl\n", 0, "1:naam|email", "2:Anna|a@x.nl");
	/* only at the start: later it is data */
	EXPECT("a\n\xef\xbb\xbf" "b\n", 0, "1:a", "2:\xef\xbb\xbf" "b");
	/* a BOM before a quoted first field */
	r = csv_reader_new("\xef\xbb\xbf\"id\",x", 9, 0);
	ck_assert_int_eq(csv_reader_next(r, &f, &n, NULL, NULL), 1);
	ck_assert_str_eq(f[0], "id");
	ck_assert_uint_eq(n, 2);
	csv_reader_free(r);
}
END_TEST

/* The separator detected for data. */
static char
test_csvread_sep(const char *data)
{
	struct csv_reader *r = csv_reader_new(data, strlen(data), 0);
	char sep = csv_reader_sep(r);

	csv_reader_free(r);
	return sep;
}

START_TEST(test_separator_detection)
{
	ck_assert_int_eq(test_csvread_sep("a;b,c;d\n"), ';');
	ck_assert_int_eq(test_csvread_sep("a,b;c,d\n"), ',');
	ck_assert_int_eq(test_csvread_sep("a;b,c\n"), ',');	/* a tie is ',' */
	ck_assert_int_eq(test_csvread_sep("naam\n"), ',');
	ck_assert_int_eq(test_csvread_sep("naam;email\n"), ';');
	/* only the first record counts */
	ck_assert_int_eq(test_csvread_sep("a;b\nc,d,e,f\n"), ';');
	/* separators inside quotes do not count, even across lines */
	ck_assert_int_eq(test_csvread_sep("\"x,y,z\";b\n"), ';');
	ck_assert_int_eq(test_csvread_sep("\"x;y\n;z\",b\n"), ',');
	/* leading empty lines are passed over; a BOM too */
	ck_assert_int_eq(test_csvread_sep("\r\n\na;b\n"), ';');
	ck_assert_int_eq(test_csvread_sep("\xef\xbb\xbf" "a;b\n"), ';');
	/* a given separator is used as it is */
	EXPECT("a;b,c\n", ';', "1:a|b,c");
	EXPECT("a;b;c,d\n", ',', "1:a;b;c|d");
	EXPECT("a\tb\n", '\t', "1:a|b");
	EXPECT("naam;functie;email\nAnna de Vries;\"leerkracht; groep 5\";a@x.nl\n", 0,
	    "1:naam|functie|email", "2:Anna de Vries|leerkracht; groep 5|a@x.nl");
}
END_TEST

START_TEST(test_trailing_empty_fields)
{
	struct csv_reader *r = csv_reader_new("a;b;\n;;\n", 8, 0);
	char **f;
	size_t n;

	ck_assert_int_eq(csv_reader_sep(r), ';');
	ck_assert_int_eq(csv_reader_next(r, &f, &n, NULL, NULL), 1);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(f[2], "");
	ck_assert_int_eq(csv_reader_next(r, &f, &n, NULL, NULL), 1);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(f[0], "");
	ck_assert_str_eq(f[1], "");
	ck_assert_str_eq(f[2], "");
	ck_assert_int_eq(csv_reader_next(r, &f, &n, NULL, NULL), 0);
	csv_reader_free(r);
	EXPECT("a,\"\",\n", ',', "1:a||");
	EXPECT("x,", ',', "1:x|");
}
END_TEST

START_TEST(test_line_ends)
{
	EXPECT("a,b\r\nc,d\ne,f\rg,h", 0, "1:a|b", "2:c|d", "3:e|f", "4:g|h");
	/* empty lines are skipped but counted, whatever their line end */
	EXPECT("a\n\n\r\n\rb\r\n\r\n", 0, "1:a", "5:b");
	EXPECT("\n\na,b\n", 0, "3:a|b");
	/* a lone CR ends an unquoted field and its record */
	EXPECT("a\rb,c\r", 0, "1:a", "2:b|c");
	/* a line of spaces is not empty */
	EXPECT("a\n \nb\n", 0, "1:a", "2: ", "3:b");
}
END_TEST

START_TEST(test_not_closed)
{
	EXPECT("a,b\n\"open,c\nd\n", 0, "1:a|b", "2!" NOT_CLOSED);
	EXPECT("\"", 0, "1!" NOT_CLOSED);
	EXPECT("x,\"ab\"\"", 0, "1!" NOT_CLOSED);
	/* the line is where the record starts, not where the input ends */
	EXPECT("h\n\n\"a\nb\nc", 0, "1:h", "3!" NOT_CLOSED);
}
END_TEST

START_TEST(test_after_quote)
{
	/* the bad record is refused, the next one is read */
	EXPECT("\"a\"b,c\nd,e\n", 0, "1!" AFTER_QUOTE, "2:d|e");
	EXPECT("x,\"a\" ,b\ny\n", 0, "1!" AFTER_QUOTE, "2:y");
	EXPECT("\"a\"\"b\"c;\"d\ne\"\nf;g\n", ';', "1!" AFTER_QUOTE, "3:f|g");
	/* one bad record among good ones */
	EXPECT("1,2\n\"3\"x,4\n5,6\n", 0, "1:1|2", "2!" AFTER_QUOTE, "3:5|6");
}
END_TEST

START_TEST(test_field_too_long)
{
	size_t max = CSV_READER_FIELD_MAX;
	char *data = xmalloc(2 * max + 64), *p = data;
	struct csv_reader *r;
	const char *err = NULL;
	char **f;
	size_t n;
	long line;

	ck_assert_uint_eq(max, 65536);
	/* exactly 64 KiB is fine, plain and quoted; one byte more is not */
	memset(p, 'x', max);
	p += max;
	*p++ = ',';
	*p++ = '"';
	memset(p, 'y', max - 1);
	p += max - 1;
	memcpy(p, "\"\"\"\n", 4);
	p += 4;
	memcpy(p, "ok\n", 3);
	p += 3;
	r = csv_reader_new(data, (size_t)(p - data), ',');
	ck_assert_int_eq(csv_reader_next(r, &f, &n, &line, &err), 1);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(strlen(f[0]), max);
	ck_assert_uint_eq(strlen(f[1]), max);
	ck_assert_int_eq(f[1][max - 1], '"');
	ck_assert_int_eq(csv_reader_next(r, &f, &n, &line, &err), 1);
	ck_assert_str_eq(f[0], "ok");
	ck_assert_int_eq(line, 2);
	csv_reader_free(r);

	p = data;
	memcpy(p, "a\n\"", 3);
	p += 3;
	memset(p, 'z', max + 1);
	p += max + 1;
	memcpy(p, "\nz\",b\nnext\n", 11);
	p += 11;
	r = csv_reader_new(data, (size_t)(p - data), ',');
	ck_assert_int_eq(csv_reader_next(r, &f, &n, &line, &err), 1);
	ck_assert_int_eq(csv_reader_next(r, &f, &n, &line, &err), -1);
	ck_assert_str_eq(err, TOO_LONG);
	ck_assert_int_eq(line, 2);
	ck_assert_ptr_null(f);
	/* the reader goes on after the whole bad record */
	ck_assert_int_eq(csv_reader_next(r, &f, &n, &line, &err), 1);
	ck_assert_str_eq(f[0], "next");
	ck_assert_int_eq(line, 4);
	ck_assert_int_eq(csv_reader_next(r, &f, &n, &line, &err), 0);
	csv_reader_free(r);
	free(data);
}
END_TEST

START_TEST(test_many_fields)
{
	size_t cols = 5000, i, n;
	char *data = xmalloc(cols * 8 + 1), *p = data, **f;
	struct csv_reader *r;

	for (i = 0; i < cols; i++)
		p += sprintf(p, "%s%zu", i ? ";" : "", i);
	*p++ = '\n';
	r = csv_reader_new(data, (size_t)(p - data), 0);
	ck_assert_int_eq(csv_reader_sep(r), ';');
	ck_assert_int_eq(csv_reader_next(r, &f, &n, NULL, NULL), 1);
	ck_assert_uint_eq(n, cols);
	ck_assert_str_eq(f[0], "0");
	ck_assert_str_eq(f[4321], "4321");
	ck_assert_str_eq(f[cols - 1], "4999");
	csv_reader_free(r);
	free(data);
}
END_TEST

START_TEST(test_200000_rows)
{
	size_t rows = 200000, i, n, total = 0;
	char *data = xmalloc(rows * 80), *p = data, **f;
	struct csv_reader *r;
	long line = 0;
	int rc;

	p += sprintf(p, "id;naam;email;organisatie;functie;opmerking\r\n");
	for (i = 1; i < rows; i++)
		p += sprintf(p, "%zu;Naam %zu;n%zu@example.nl;\"School; %zu\";leerkracht;\r\n",
		    i, i, i, i % 97);
	r = csv_reader_new(data, (size_t)(p - data), 0);
	while ((rc = csv_reader_next(r, &f, &n, &line, NULL)) == 1) {
		ck_assert_uint_eq(n, 6);
		total++;
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(total, rows);
	ck_assert_int_eq(line, 200001);
	csv_reader_free(r);
	free(data);
}
END_TEST

Suite *
suite_csvread(void)
{
	Suite *s = suite_create("csvread");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_empty_and_null);
	tcase_add_test(tc, test_plain);
	tcase_add_test(tc, test_quotes);
	tcase_add_test(tc, test_embedded_newlines);
	tcase_add_test(tc, test_bom);
	tcase_add_test(tc, test_separator_detection);
	tcase_add_test(tc, test_trailing_empty_fields);
	tcase_add_test(tc, test_line_ends);
	tcase_add_test(tc, test_not_closed);
	tcase_add_test(tc, test_after_quote);
	tcase_add_test(tc, test_field_too_long);
	tcase_add_test(tc, test_many_fields);
	tcase_add_test(tc, test_200000_rows);
	suite_add_tcase(s, tc);
	return s;
}

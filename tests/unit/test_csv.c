/* test_csv.c — the CSV writer: quoting, CRLF, UTF-8 and formula neutralisation. */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csv.h"
#include "suites.h"

/* The bytes of one row of fields written in buffer mode, compared exactly. */
static void
test_csv_expect(const char *const *fields, size_t n, const char *want)
{
	struct csv *c = csv_new(NULL, ',');
	size_t len;
	const char *got;

	csv_row(c, fields, n);
	got = csv_data(c, &len);
	ck_assert_uint_eq(len, strlen(want));
	ck_assert_mem_eq(got, want, len);
	ck_assert_int_eq(csv_status(c), 0);
	csv_free(c);
}

START_TEST(test_empty_and_null)
{
	struct csv *c = csv_new(NULL, ',');
	const char *const two[] = { NULL, "" };
	size_t len = 99;

	ck_assert_str_eq(csv_data(c, &len), "");
	ck_assert_uint_eq(len, 0);
	csv_free(c);
	csv_free(NULL);
	test_csv_expect(two, 2, ",\r\n");
}
END_TEST

START_TEST(test_plain)
{
	const char *const f[] = { "id", "title", "status" };

	test_csv_expect(f, 3, "id,title,status\r\n");
}
END_TEST

START_TEST(test_quoting)
{
	const char *const f[] = { "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "\"" };

	test_csv_expect(f, 5,
	    "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\"\"\"\"\r\n");
}
END_TEST

START_TEST(test_utf8_passes_through)
{
	const char *const f[] = { "Zoë van Ĳsselstein", "Đorđević, Milan", "✓" };

	test_csv_expect(f, 3,
	    "Zo\xc3\xab van \xc4\xb2sselstein,\"\xc4\x90or\xc4\x91\x65vi\xc4\x87, Milan\","
	    "\xe2\x9c\x93\r\n");
}
END_TEST

START_TEST(test_formulas_neutralised)
{
	const char *const f[] = { "=SUM(A1:A9)", "+31 6", "-5", "@cmd", "\tx", "\rx", "a=b" };

	test_csv_expect(f, 7,
	    "'=SUM(A1:A9),'+31 6,'-5,'@cmd,'\tx,\"'\rx\",a=b\r\n");
}
END_TEST

START_TEST(test_formula_and_quotes)
{
	const char *const f[] = { "=HYPERLINK(\"http://x\",\"y\")" };

	test_csv_expect(f, 1, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
}
END_TEST

START_TEST(test_numbers_and_rows)
{
	struct csv *c = csv_new(NULL, ',');
	const char *want = "-3,0,9223372036854775807\r\nx\r\n";

	csv_field_int(c, -3);
	csv_field_int(c, 0);
	csv_field_int(c, 9223372036854775807LL);
	csv_row_end(c);
	csv_field(c, "x");
	csv_row_end(c);
	ck_assert_str_eq(csv_data(c, NULL), want);
	csv_free(c);
}
END_TEST

START_TEST(test_other_separator)
{
	struct csv *c = csv_new(NULL, ';');

	csv_field(c, "a,b");
	csv_field(c, "c;d");
	csv_row_end(c);
	ck_assert_str_eq(csv_data(c, NULL), "a,b;\"c;d\"\r\n");
	csv_free(c);
}
END_TEST

START_TEST(test_growing_buffer)
{
	struct csv *c = csv_new(NULL, ',');
	size_t len, i;
	const char *got;

	for (i = 0; i < 1000; i++)
		csv_field(c, "abcdefghij");
	csv_row_end(c);
	got = csv_data(c, &len);
	ck_assert_uint_eq(len, 1000 * 11 + 1);
	ck_assert_mem_eq(got + len - 12, "abcdefghij\r\n", 12);
	csv_free(c);
}
END_TEST

START_TEST(test_stream)
{
	char *mem = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&mem, &size);
	struct csv *c;
	const char *const f[] = { "x y", "=1", "\"" };

	ck_assert_ptr_nonnull(fp);
	c = csv_new(fp, ',');
	csv_row(c, f, 3);
	ck_assert_str_eq(csv_data(c, NULL), "");
	ck_assert_int_eq(csv_status(c), 0);
	csv_free(c);
	ck_assert_int_eq(fclose(fp), 0);
	ck_assert_uint_eq(size, strlen("x y,'=1,\"\"\"\"\r\n"));
	ck_assert_str_eq(mem, "x y,'=1,\"\"\"\"\r\n");
	free(mem);
}
END_TEST

START_TEST(test_stream_failure)
{
	FILE *fp = fopen("/dev/full", "w");
	struct csv *c;
	int i;

	if (fp == NULL)
		return;
	setvbuf(fp, NULL, _IONBF, 0);
	c = csv_new(fp, ',');
	for (i = 0; i < 10; i++)
		csv_field(c, "data");
	csv_row_end(c);
	ck_assert_int_eq(csv_status(c), -1);
	csv_free(c);
	fclose(fp);
}
END_TEST

Suite *
suite_csv(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_empty_and_null);
	tcase_add_test(tc, test_plain);
	tcase_add_test(tc, test_quoting);
	tcase_add_test(tc, test_utf8_passes_through);
	tcase_add_test(tc, test_formulas_neutralised);
	tcase_add_test(tc, test_formula_and_quotes);
	tcase_add_test(tc, test_numbers_and_rows);
	tcase_add_test(tc, test_other_separator);
	tcase_add_test(tc, test_growing_buffer);
	tcase_add_test(tc, test_stream);
	tcase_add_test(tc, test_stream_failure);
	suite_add_tcase(s, tc);
	return s;
}

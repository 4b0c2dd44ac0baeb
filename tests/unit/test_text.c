/* test_text.c — display widths and fitting of UTF-8 text. */
#include "autoconf.h"

#include <check.h>
#include <locale.h>
#include <string.h>

#include "core/text.h"
#include "suites.h"

static void
text_setup(void)
{
	setlocale(LC_CTYPE, "C.UTF-8");
}

START_TEST(test_width)
{
	ck_assert_int_eq(text_width(""), 0);
	ck_assert_int_eq(text_width("abc"), 3);
	ck_assert_int_eq(text_width("Zoë van Ĳsselstein"), 18);
	ck_assert_int_eq(text_width("Đorđević"), 8);
	ck_assert_int_eq(text_width("Çelik"), 5);
	ck_assert_int_eq(text_width("李伟"), 4);
	ck_assert_int_eq(text_width("a\xffz"), 3);	/* invalid byte: one column */
}
END_TEST

START_TEST(test_fit)
{
	char buf[64];

	ck_assert_int_eq(text_fit("Zoë van Ĳsselstein", 20, 1, buf, sizeof buf), 20);
	ck_assert_str_eq(buf, "Zoë van Ĳsselstein  ");
	ck_assert_int_eq(text_fit("Zoë van Ĳsselstein", 8, 0, buf, sizeof buf), 8);
	ck_assert_str_eq(buf, "Zoë van…");
	/* a wide character never straddles the edge */
	ck_assert_int_eq(text_fit("李伟李伟", 4, 1, buf, sizeof buf), 4);
	ck_assert_str_eq(buf, "李… ");
	ck_assert_int_eq(text_fit("tab\there", 8, 0, buf, sizeof buf), 8);
	ck_assert_str_eq(buf, "tab?here");
	ck_assert_int_eq(text_fit("abc", 0, 1, buf, sizeof buf), 0);
	ck_assert_str_eq(buf, "");
	ck_assert_int_eq(text_fit("a\xffz", 3, 0, buf, sizeof buf), 3);
	ck_assert_str_eq(buf, "a?z");
}
END_TEST

START_TEST(test_valid)
{
	ck_assert(text_valid_utf8("Zoë"));
	ck_assert(!text_valid_utf8("Zo\xeb"));
	ck_assert(!text_valid_utf8("\xc0\xaf"));	/* overlong */
	ck_assert(!text_valid_utf8("\xed\xa0\x80"));	/* surrogate */
	ck_assert_uint_eq(text_char_len("ë"), 2);
	ck_assert_uint_eq(text_char_len(""), 0);
}
END_TEST

Suite *
suite_text(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, text_setup, NULL);
	tcase_add_test(tc, test_width);
	tcase_add_test(tc, test_fit);
	tcase_add_test(tc, test_valid);
	suite_add_tcase(s, tc);
	return s;
}

/* test_text.c — display widths and fitting of UTF-8 text. */
#include "autoconf.h"

#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/textmatch.h"
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

/* Typed words against a text: prefixes of words, case and accents folded. */
START_TEST(test_match)
{
	const char *t = "De inbrenger: Zoë\nvertelt over Leerlingen en ĳsbeer-oefeningen.";
	size_t at = 0, len = 0;

	ck_assert(textmatch(t, "zoe", &at, &len));
	ck_assert_int_eq((int)at, (int)(strstr(t, "Zoë") - t));
	ck_assert_int_eq((int)len, (int)strlen("Zoë"));
	ck_assert(textmatch(t, "ZOË", NULL, NULL));
	ck_assert(textmatch(t, "leerl", NULL, NULL));
	ck_assert(textmatch(t, "leerl inbr", &at, NULL));
	ck_assert_int_eq((int)at, 3);			/* the first word found */
	/* the Dutch ĳ is one letter or two, as typed */
	ck_assert(textmatch(t, "ijsbeer", NULL, NULL));
	ck_assert(textmatch(t, "ĳsb", NULL, NULL));
	ck_assert(textmatch("ijsbeer", "ĳs", NULL, NULL));
	ck_assert(textmatch("IJsselstein", "ĳssel", NULL, NULL));
	ck_assert(!textmatch(t, "isbeer", NULL, NULL));
	ck_assert(!textmatch(t, "brenger", NULL, NULL));	/* inside a word: no */
	ck_assert(!textmatch(t, "leerl kat", NULL, NULL));	/* every word must be found */
	ck_assert(!textmatch(t, "", NULL, NULL));
	ck_assert(!textmatch(t, " , ", NULL, NULL));
	ck_assert(!textmatch(NULL, "de", NULL, NULL));
	ck_assert(textmatch(t, "oefen", NULL, NULL));	/* after a hyphen */
}
END_TEST

START_TEST(test_snippet)
{
	const char *t = "Eerst.\nDaarna vertelt de inbrenger over leerlingen die zich terugtrekken "
	    "bij groepswerk en wat de collega's daarvan merken in de les.";
	size_t at, len;
	char *s;

	ck_assert(textmatch(t, "leer", &at, &len));
	s = textmatch_snippet(t, at, len, 40);
	ck_assert_msg(strstr(s, "[leerlingen]") != NULL, "%s", s);
	ck_assert_msg(strchr(s, '\n') == NULL, "%s", s);
	ck_assert_msg(strncmp(s, "…", strlen("…")) == 0, "cut at the start: %s", s);
	ck_assert_msg(strcmp(s + strlen(s) - strlen("…"), "…") == 0, "cut at the end: %s", s);
	free(s);
	s = textmatch_snippet("kort", 0, 4, 40);
	ck_assert_str_eq(s, "[kort]");
	free(s);
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
	tcase_add_test(tc, test_match);
	tcase_add_test(tc, test_snippet);
	suite_add_tcase(s, tc);
	return s;
}

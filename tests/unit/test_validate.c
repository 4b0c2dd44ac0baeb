/*
 * test_validate.c — checks on typed text: required, control characters,
 * length, UTF-8; email addresses.
 */
#include "autoconf.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/validate.h"
#include "core/xmalloc.h"
#include "suites.h"

#define REQUIRED "this field is required"
#define TOO_LONG "too long: at most %d characters"
#define CONTROL "contains a control character"
#define ONE_LINE "must be a single line"
#define NOT_UTF8 "not valid text: contains bytes that are not UTF-8"
#define E_AT "an email address needs one @"
#define E_SPACE "an email address cannot contain spaces"
#define E_CONTROL "an email address cannot contain control characters"
#define E_LONG "an email address is at most 254 bytes long"
#define E_LOCAL_EMPTY "the part before @ is empty"
#define E_LOCAL_LONG "the part before @ is longer than 64 bytes"
#define E_LOCAL_DOT "the part before @ cannot start or end with a dot"
#define E_LOCAL_DOTS "the part before @ cannot have two dots in a row"
#define E_LOCAL_CHAR "the part before @ contains a character that is not allowed"
#define E_DOMAIN "the part after @ is not a domain name"
#define E_TLD "the part after @ does not end in a top-level domain such as .nl"

/* n copies of the UTF-8 character c. */
static char *
validate_repeat(const char *c, int n)
{
	size_t len = strlen(c);
	char *s = xmalloc(len * (size_t)n + 1);
	int i;

	for (i = 0; i < n; i++)
		memcpy(s + len * (size_t)i, c, len);
	s[len * (size_t)n] = '\0';
	return s;
}

START_TEST(test_null_and_empty)
{
	ck_assert_ptr_null(validate_line(NULL, false, 10));
	ck_assert_ptr_null(validate_line("", false, 10));
	ck_assert_ptr_null(validate_text(NULL, false, 10));
	ck_assert_str_eq(validate_line(NULL, true, 10), REQUIRED);
	ck_assert_str_eq(validate_line("", true, 10), REQUIRED);
	ck_assert_str_eq(validate_line("   ", true, 10), REQUIRED);
	ck_assert_str_eq(validate_text(" \n\t \n", true, 10), REQUIRED);
	ck_assert_ptr_null(validate_line("  x ", true, 10));
	ck_assert_ptr_null(validate_line("0", true, 1));
	/* messages are static: the same pointer every time */
	ck_assert_ptr_eq(validate_line("", true, 0), validate_text(NULL, true, 0));
	ck_assert_int_eq(validate_chars(NULL), 0);
	ck_assert_int_eq(validate_chars(""), 0);
}
END_TEST

START_TEST(test_control)
{
	ck_assert_str_eq(validate_line("a\nb", false, 0), ONE_LINE);
	ck_assert_str_eq(validate_line("a\rb", false, 0), ONE_LINE);
	ck_assert_str_eq(validate_line("a\tb", false, 0), CONTROL);
	ck_assert_str_eq(validate_line("bell\a", false, 0), CONTROL);
	ck_assert_str_eq(validate_line("\x1b[31mred", false, 0), CONTROL);
	ck_assert_str_eq(validate_line("del\x7f", false, 0), CONTROL);
	ck_assert_str_eq(validate_line("c1\xc2\x85", false, 0), CONTROL);	/* U+0085 */
	ck_assert_ptr_null(validate_line("nbsp\xc2\xa0ok", false, 0));	/* U+00A0 is text */
	ck_assert_ptr_null(validate_text("one\ntwo\tthree", false, 0));
	ck_assert_str_eq(validate_text("crlf\r\n", false, 0), CONTROL);
	ck_assert_str_eq(validate_text("\x1b[2J", false, 0), CONTROL);
	ck_assert_str_eq(validate_text("x\xc2\x9b", false, 0), CONTROL);
	/* a control character is reported even in an otherwise blank required field */
	ck_assert_str_eq(validate_line(" \x01 ", true, 0), CONTROL);
}
END_TEST

START_TEST(test_utf8)
{
	ck_assert_ptr_null(validate_line("Zoë van Ĳsselstein, Đorđević, 李伟", true, 40));
	ck_assert_str_eq(validate_line("Zo\xeb", false, 0), NOT_UTF8);	/* Latin-1 ë */
	ck_assert_str_eq(validate_line("\xc0\xaf", false, 0), NOT_UTF8);	/* overlong */
	ck_assert_str_eq(validate_line("\xed\xa0\x80", false, 0), NOT_UTF8);	/* surrogate */
	ck_assert_str_eq(validate_text("ok\n\xff", false, 0), NOT_UTF8);
	ck_assert_str_eq(validate_line("\xe2\x82", true, 0), NOT_UTF8);	/* cut short */
	ck_assert_int_eq(validate_chars("Zoë"), 3);
	ck_assert_int_eq(validate_chars("李伟"), 2);
	ck_assert_int_eq(validate_chars("\xf0\x9f\x98\x80"), 1);
	ck_assert_int_eq(validate_chars("a\xffz"), 3);	/* an invalid byte counts one */
}
END_TEST

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
/* Format a message as callers do: max_chars is the one argument. */
static void
validate_format(char *buf, size_t size, const char *msg, int max)
{
	snprintf(buf, size, msg, max);
}
#pragma GCC diagnostic pop

START_TEST(test_length)
{
	char *s = validate_repeat("ë", 200), *t = validate_repeat("李", 201);
	char buf[128];

	ck_assert_ptr_null(validate_line(s, true, 200));	/* characters, not bytes */
	ck_assert_str_eq(validate_line(s, true, 199), TOO_LONG);
	ck_assert_str_eq(validate_line(t, true, 200), TOO_LONG);
	ck_assert_ptr_null(validate_line(t, true, 0));	/* no limit */
	ck_assert_ptr_null(validate_line(t, true, -1));
	validate_format(buf, sizeof buf, validate_line(t, true, 200), 200);
	ck_assert_str_eq(buf, "too long: at most 200 characters");
	/* the messages without %d ignore the argument */
	validate_format(buf, sizeof buf, validate_line("", true, 200), 200);
	ck_assert_str_eq(buf, REQUIRED);
	free(s);
	free(t);
}
END_TEST

START_TEST(test_paste_10000)
{
	char *s = validate_repeat("a", 10000), *t = validate_repeat("ë\n", 5000);

	ck_assert_int_eq(validate_chars(s), 10000);
	ck_assert_str_eq(validate_text(s, false, VALIDATE_TEXT_MAX), TOO_LONG);
	ck_assert_str_eq(validate_line(s, false, VALIDATE_TITLE_MAX), TOO_LONG);
	ck_assert_ptr_null(validate_text(s, false, 10000));
	ck_assert_str_eq(validate_text(t, false, VALIDATE_TEXT_MAX), TOO_LONG);
	ck_assert_ptr_null(validate_text(t, false, 10000));
	ck_assert_str_eq(validate_line(t, false, 10000), ONE_LINE);
	s[VALIDATE_TEXT_MAX] = '\0';
	ck_assert_ptr_null(validate_text(s, true, VALIDATE_TEXT_MAX));
	free(s);
	free(t);
}
END_TEST

START_TEST(test_email_good)
{
	static const char *const good[] = {
		"anna@example.nl",
		"anna.de.vries@school.example.nl",
		"a@b.co",
		"o'brien+tag@example.com",
		"!#$%&'*+/=?^_`{|}~-@example.org",
		"UPPER@EXAMPLE.NL",
		"x@m\xc3\xbcller.de",			/* müller.de */
		"zo\xc3\xab@example.nl",			/* zoë */
		"a@xn--mller-kva.de",
		"a@1-2.nl",
		"a@b-c.d-e.example",
		"a@example.\xc3\xbc\xc3\xbc",			/* two-letter TLD in UTF-8 */
	};
	size_t i;

	for (i = 0; i < sizeof good / sizeof good[0]; i++)
		ck_assert_msg(validate_email(good[i]) == NULL, "%s: %s", good[i],
		    validate_email(good[i]));
}
END_TEST

START_TEST(test_email_bad)
{
	static const struct {
		const char *s, *msg;
	} bad[] = {
		{ NULL, REQUIRED },
		{ "", REQUIRED },
		{ "anna", E_AT },
		{ "anna.example.nl", E_AT },
		{ "a@b@example.nl", E_AT },
		{ "anna@@example.nl", E_AT },
		{ "anna @example.nl", E_SPACE },
		{ " anna@example.nl", E_SPACE },
		{ "anna@example.nl ", E_SPACE },
		{ "anna\xc2\xa0@example.nl", E_SPACE },		/* no-break space */
		{ "anna@example.nl\n", E_CONTROL },
		{ "an\tna@example.nl", E_CONTROL },
		{ "anna@exa\x7fmple.nl", E_CONTROL },
		{ "anna\xc2\x85@example.nl", E_CONTROL },		/* U+0085 */
		{ "zo\xeb@example.nl", NOT_UTF8 },			/* Latin-1 */
		{ "@example.nl", E_LOCAL_EMPTY },
		{ ".anna@example.nl", E_LOCAL_DOT },
		{ "anna.@example.nl", E_LOCAL_DOT },
		{ "an..na@example.nl", E_LOCAL_DOTS },
		{ "an(na)@example.nl", E_LOCAL_CHAR },
		{ "a,b@example.nl", E_LOCAL_CHAR },
		{ "\"anna\"@example.nl", E_LOCAL_CHAR },
		{ "a\\b@example.nl", E_LOCAL_CHAR },
		{ "a<b>@example.nl", E_LOCAL_CHAR },
		{ "anna@", E_DOMAIN },
		{ "anna@localhost", E_DOMAIN },
		{ "anna@.example.nl", E_DOMAIN },
		{ "anna@example..nl", E_DOMAIN },
		{ "anna@example.nl.", E_DOMAIN },
		{ "anna@-example.nl", E_DOMAIN },
		{ "anna@example-.nl", E_DOMAIN },
		{ "anna@example.-nl", E_DOMAIN },
		{ "anna@exa_mple.nl", E_DOMAIN },
		{ "anna@exa+mple.nl", E_DOMAIN },
		{ "anna@[192.168.0.1]", E_DOMAIN },
		{ "anna@example.n", E_TLD },
		{ "anna@example.\xc3\xbc", E_TLD },		/* one character, two bytes */
	};
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *got = validate_email(bad[i].s);

		ck_assert_msg(got != NULL && strcmp(got, bad[i].msg) == 0,
		    "%zu %s: got \"%s\", want \"%s\"", i, bad[i].s ? bad[i].s : "(null)",
		    got ? got : "(null)", bad[i].msg);
	}
}
END_TEST

START_TEST(test_email_lengths)
{
	char *local = validate_repeat("a", 64), *l63 = validate_repeat("b", 63);
	char *l61 = validate_repeat("c", 61), *s;

	s = xasprintf("%s@example.nl", local);
	ck_assert_ptr_null(validate_email(s));
	free(s);
	s = xasprintf("%sa@example.nl", local);
	ck_assert_str_eq(validate_email(s), E_LOCAL_LONG);
	free(s);
	/* 64 + 1 + 63 + 1 + 63 + 1 + 61 = 254 bytes: the most there may be */
	s = xasprintf("%s@%s.%s.%s", local, l63, l63, l61);
	ck_assert_uint_eq(strlen(s), 254);
	ck_assert_ptr_null(validate_email(s));
	free(s);
	s = xasprintf("%s@%s.%s.%sc", local, l63, l63, l61);
	ck_assert_uint_eq(strlen(s), 255);
	ck_assert_str_eq(validate_email(s), E_LONG);
	free(s);
	free(local);
	free(l63);
	free(l61);
}
END_TEST

START_TEST(test_email_normalise)
{
	char *s;

	ck_assert_ptr_null(email_normalise(NULL));
	s = email_normalise("  Anna.De.Vries@School.EXAMPLE.nl \t\r\n");
	ck_assert_str_eq(s, "Anna.De.Vries@school.example.nl");
	free(s);
	s = email_normalise("");
	ck_assert_str_eq(s, "");
	free(s);
	s = email_normalise(" \t ");
	ck_assert_str_eq(s, "");
	free(s);
	s = email_normalise("NO-AT-SIGN ");
	ck_assert_str_eq(s, "NO-AT-SIGN");
	free(s);
	/* only the part after the last @, and only ASCII */
	s = email_normalise("A@B@EXAMPLE.NL");
	ck_assert_str_eq(s, "A@B@example.nl");
	free(s);
	s = email_normalise("Zo\xc3\xab@M\xc3\x9cLLER.De");
	ck_assert_str_eq(s, "Zo\xc3\xab@m\xc3\x9cller.de");
	free(s);
	/* what normalising gives is then valid */
	s = email_normalise(" Piet@Example.NL ");
	ck_assert_ptr_null(validate_email(s));
	free(s);
}
END_TEST

Suite *
suite_validate(void)
{
	Suite *s = suite_create("validate");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_null_and_empty);
	tcase_add_test(tc, test_control);
	tcase_add_test(tc, test_utf8);
	tcase_add_test(tc, test_length);
	tcase_add_test(tc, test_paste_10000);
	tcase_add_test(tc, test_email_good);
	tcase_add_test(tc, test_email_bad);
	tcase_add_test(tc, test_email_lengths);
	tcase_add_test(tc, test_email_normalise);
	suite_add_tcase(s, tc);
	return s;
}

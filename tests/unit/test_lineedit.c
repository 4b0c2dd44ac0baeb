/* test_lineedit.c — the UTF-8 edit buffer: cursor, columns, cleaning, cap, undo, lines. */
#include "autoconf.h"

#include <check.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/lineedit.h"
#include "core/xmalloc.h"
#include "suites.h"

static void
lineedit_setup(void)
{
	setlocale(LC_CTYPE, "C.UTF-8");
}

/* A new buffer holding text, cursor at its end. */
static struct lineedit *
lineedit_with(bool multiline, const char *text)
{
	struct lineedit *le = lineedit_new(multiline);

	lineedit_set(le, text);
	return le;
}

/* Type s one character at a time, as keys arrive; returns how many were refused. */
static int
lineedit_type(struct lineedit *le, const char *s)
{
	char one[5];
	int refused = 0;
	size_t n;

	for (; *s != '\0'; s += n) {
		n = 1;
		while ((s[n] & 0xc0) == 0x80)
			n++;
		memcpy(one, s, n);
		one[n] = '\0';
		if (lineedit_insert(le, one) != 0)
			refused++;
	}
	return refused;
}

START_TEST(test_empty)
{
	struct lineedit *le = lineedit_new(false);
	size_t len = 99;

	lineedit_free(NULL);
	ck_assert_str_eq(lineedit_text(le), "");
	ck_assert_uint_eq(lineedit_cursor(le), 0);
	ck_assert_int_eq(lineedit_chars(le), 0);
	ck_assert(!lineedit_left(le));
	ck_assert(!lineedit_right(le));
	ck_assert(!lineedit_backspace(le));
	ck_assert(!lineedit_delete(le));
	ck_assert(!lineedit_word_left(le));
	ck_assert(!lineedit_word_right(le));
	ck_assert(!lineedit_up(le));
	ck_assert(!lineedit_down(le));
	ck_assert_int_eq(lineedit_undo(le), -1);
	ck_assert_uint_eq(lineedit_lines(le), 1);
	ck_assert_ptr_nonnull(lineedit_line(le, 0, &len));
	ck_assert_uint_eq(len, 0);
	ck_assert_ptr_null(lineedit_line(le, 1, &len));
	ck_assert_int_eq(lineedit_insert(le, NULL), 0);
	ck_assert_int_eq(lineedit_insert(le, ""), 0);
	lineedit_set(le, NULL);
	ck_assert_str_eq(lineedit_text(le), "");
	lineedit_free(le);
}
END_TEST

START_TEST(test_multibyte_cursor)
{
	struct lineedit *le = lineedit_with(false, "Zoë");

	ck_assert_uint_eq(lineedit_cursor(le), 4);
	ck_assert_int_eq(lineedit_chars(le), 3);
	ck_assert_int_eq(lineedit_cursor_column(le), 3);
	ck_assert(lineedit_left(le));
	ck_assert_uint_eq(lineedit_cursor(le), 2);	/* before ë, not inside it */
	ck_assert_int_eq(lineedit_cursor_column(le), 2);
	ck_assert(lineedit_left(le));
	ck_assert_uint_eq(lineedit_cursor(le), 1);
	ck_assert(lineedit_right(le));
	ck_assert(lineedit_right(le));
	ck_assert_uint_eq(lineedit_cursor(le), 4);
	ck_assert(!lineedit_right(le));
	ck_assert(lineedit_home(le));
	ck_assert_uint_eq(lineedit_cursor(le), 0);
	ck_assert(!lineedit_home(le));
	ck_assert(lineedit_end(le));
	ck_assert_uint_eq(lineedit_cursor(le), 4);
	/* a four-byte character */
	lineedit_set(le, "a\xf0\x9f\x98\x80z");
	ck_assert(lineedit_left(le));
	ck_assert(lineedit_left(le));
	ck_assert_uint_eq(lineedit_cursor(le), 1);
	ck_assert(lineedit_right(le));
	ck_assert_uint_eq(lineedit_cursor(le), 5);
	lineedit_free(le);
}
END_TEST

START_TEST(test_wide_columns)
{
	struct lineedit *le = lineedit_with(false, "a李b");

	ck_assert_int_eq(lineedit_cursor_column(le), 4);
	ck_assert(lineedit_left(le));
	ck_assert_int_eq(lineedit_cursor_column(le), 3);
	ck_assert(lineedit_left(le));
	ck_assert_int_eq(lineedit_cursor_column(le), 1);
	ck_assert_uint_eq(lineedit_cursor(le), 1);
	lineedit_set(le, "Ĳssel 李伟");
	ck_assert_int_eq(lineedit_cursor_column(le), 10);
	ck_assert_int_eq(lineedit_chars(le), 8);
	lineedit_free(le);
}
END_TEST

START_TEST(test_insert_middle)
{
	struct lineedit *le = lineedit_with(false, "Zë");

	ck_assert(lineedit_home(le));
	ck_assert(lineedit_right(le));
	ck_assert_int_eq(lineedit_insert(le, "o"), 0);
	ck_assert_str_eq(lineedit_text(le), "Zoë");
	ck_assert_uint_eq(lineedit_cursor(le), 2);
	ck_assert_int_eq(lineedit_insert_char(le, 0x132), 0);	/* Ĳ */
	ck_assert_str_eq(lineedit_text(le), "ZoĲë");
	ck_assert_int_eq(lineedit_insert_char(le, 0x674e), 0);	/* 李 */
	ck_assert_int_eq(lineedit_insert_char(le, 0x1f600), 0);
	ck_assert_str_eq(lineedit_text(le), "ZoĲ李\xf0\x9f\x98\x80ë");
	ck_assert_int_eq(lineedit_chars(le), 6);
	/* not characters: nothing happens */
	ck_assert_int_eq(lineedit_insert_char(le, 0xd800), 0);
	ck_assert_int_eq(lineedit_insert_char(le, 0x110000), 0);
	ck_assert_int_eq(lineedit_insert_char(le, 0), 0);
	ck_assert_int_eq(lineedit_chars(le), 6);
	lineedit_free(le);
}
END_TEST

START_TEST(test_backspace_delete)
{
	struct lineedit *le = lineedit_with(false, "Zoë");

	ck_assert(lineedit_backspace(le));
	ck_assert_str_eq(lineedit_text(le), "Zo");
	ck_assert_int_eq(lineedit_chars(le), 2);
	ck_assert(lineedit_home(le));
	ck_assert(!lineedit_backspace(le));
	ck_assert(lineedit_delete(le));
	ck_assert_str_eq(lineedit_text(le), "o");
	/* "ë" as e + combining diaeresis: the arrows skip the mark, backspace takes it alone */
	lineedit_set(le, "e\xcc\x88x");
	ck_assert(lineedit_left(le));
	ck_assert_uint_eq(lineedit_cursor(le), 3);
	ck_assert(lineedit_left(le));
	ck_assert_uint_eq(lineedit_cursor(le), 0);
	ck_assert(lineedit_right(le));
	ck_assert_uint_eq(lineedit_cursor(le), 3);
	ck_assert(lineedit_backspace(le));
	ck_assert_str_eq(lineedit_text(le), "ex");
	lineedit_set(le, "e\xcc\x88x");
	ck_assert(lineedit_home(le));
	ck_assert(lineedit_delete(le));
	ck_assert_str_eq(lineedit_text(le), "x");
	ck_assert_int_eq(lineedit_chars(le), 1);
	ck_assert(lineedit_end(le));
	ck_assert(!lineedit_delete(le));
	lineedit_free(le);
}
END_TEST

START_TEST(test_clean_single_line)
{
	struct lineedit *le = lineedit_new(false);

	ck_assert_int_eq(lineedit_insert(le, "a\r\nb\nc\td\x01" "e\x7f\x1b[31m"), 0);
	ck_assert_str_eq(lineedit_text(le), "a b c de[31m");
	lineedit_set(le, "x\xffy\xc2\x85z");	/* an invalid byte and a C1 control */
	ck_assert_str_eq(lineedit_text(le), "x\xef\xbf\xbdyz");
	ck_assert_int_eq(lineedit_chars(le), 4);
	lineedit_set(le, "one\ntwo");
	ck_assert_str_eq(lineedit_text(le), "one two");
	ck_assert_uint_eq(lineedit_lines(le), 1);
	lineedit_set_width(le, 3);	/* single-line buffers never wrap */
	ck_assert_uint_eq(lineedit_lines(le), 1);
	lineedit_free(le);
}
END_TEST

START_TEST(test_clean_multi_line)
{
	struct lineedit *le = lineedit_new(true);

	ck_assert_int_eq(lineedit_insert(le, "a\r\nb\rc\td\x01"), 0);
	ck_assert_str_eq(lineedit_text(le), "a\nb\nc\td");
	ck_assert_uint_eq(lineedit_lines(le), 3);
	ck_assert_uint_eq(lineedit_line_of_cursor(le), 2);
	ck_assert_int_eq(lineedit_cursor_column(le), 3);
	lineedit_free(le);
}
END_TEST

START_TEST(test_paste_newlines)
{
	struct lineedit *le = lineedit_with(false, "Name: ");

	/* a paste arrives as characters in a row (a newline as \r), or as one string */
	ck_assert_int_eq(lineedit_type(le, "Zoë\rvan Ĳsselstein"), 0);
	ck_assert_str_eq(lineedit_text(le), "Name: Zoë van Ĳsselstein");
	lineedit_set(le, "");
	ck_assert_int_eq(lineedit_insert(le, "line one\nline two\n"), 0);
	ck_assert_str_eq(lineedit_text(le), "line one line two ");
	lineedit_free(le);
}
END_TEST

START_TEST(test_max)
{
	struct lineedit *le = lineedit_new(false);

	lineedit_set_max(le, 5);
	ck_assert_int_eq(lineedit_max(le), 5);
	ck_assert_int_eq(lineedit_insert(le, "abcdef"), -1);
	ck_assert_str_eq(lineedit_text(le), "");	/* refused whole */
	ck_assert_int_eq(lineedit_insert(le, "abc"), 0);
	ck_assert_int_eq(lineedit_insert(le, "dë"), 0);	/* characters, not bytes */
	ck_assert_int_eq(lineedit_insert(le, "f"), -1);
	ck_assert_int_eq(lineedit_insert_char(le, 'f'), -1);
	ck_assert_str_eq(lineedit_text(le), "abcdë");
	ck_assert_int_eq(lineedit_chars(le), 5);
	/* dropped characters do not count */
	ck_assert_int_eq(lineedit_insert(le, "\x01"), 0);
	ck_assert(lineedit_backspace(le));
	ck_assert_int_eq(lineedit_insert(le, "\x01z\x02"), 0);
	ck_assert_str_eq(lineedit_text(le), "abcdz");
	/* set keeps a longer text whole; then only shortening is possible */
	lineedit_set(le, "far too long");
	ck_assert_str_eq(lineedit_text(le), "far too long");
	ck_assert_int_eq(lineedit_insert(le, "!"), -1);
	ck_assert(lineedit_backspace(le));
	ck_assert_str_eq(lineedit_text(le), "far too lon");
	lineedit_set_max(le, 0);
	ck_assert_int_eq(lineedit_insert(le, "g!"), 0);
	ck_assert_str_eq(lineedit_text(le), "far too long!");
	lineedit_free(le);
}
END_TEST

START_TEST(test_paste_10000)
{
	struct lineedit *le = lineedit_new(true);
	char *big = xmalloc(20001);
	int i;

	for (i = 0; i < 10000; i++)
		memcpy(big + 2 * i, "ë", 2);
	big[20000] = '\0';
	lineedit_set_max(le, 4000);
	ck_assert_int_eq(lineedit_insert(le, "ok "), 0);
	ck_assert_int_eq(lineedit_insert(le, big), -1);
	ck_assert_str_eq(lineedit_text(le), "ok ");
	ck_assert_int_eq(lineedit_chars(le), 3);
	/* the same paste typed key by key stops at the cap */
	ck_assert_int_eq(lineedit_type(le, big), 10000 - 3997);
	ck_assert_int_eq(lineedit_chars(le), 4000);
	ck_assert_uint_eq(strlen(lineedit_text(le)), 3 + 2 * 3997);
	/* without a cap it all goes in */
	lineedit_set(le, NULL);
	lineedit_set_max(le, 0);
	ck_assert_int_eq(lineedit_insert(le, big), 0);
	ck_assert_int_eq(lineedit_chars(le), 10000);
	ck_assert_int_eq(lineedit_cursor_column(le), 10000);
	free(big);
	lineedit_free(le);
}
END_TEST

START_TEST(test_undo)
{
	struct lineedit *le = lineedit_new(false);

	ck_assert_int_eq(lineedit_type(le, "abc"), 0);
	ck_assert_int_eq(lineedit_undo(le), 0);	/* typed characters: one change */
	ck_assert_str_eq(lineedit_text(le), "");
	ck_assert_uint_eq(lineedit_cursor(le), 0);
	ck_assert_int_eq(lineedit_undo(le), 0);	/* undo again: redo */
	ck_assert_str_eq(lineedit_text(le), "abc");
	ck_assert_uint_eq(lineedit_cursor(le), 3);
	/* a move ends the run */
	lineedit_set(le, "ab");
	ck_assert_int_eq(lineedit_undo(le), -1);	/* set forgets */
	ck_assert(lineedit_left(le));
	ck_assert_int_eq(lineedit_type(le, "xy"), 0);
	ck_assert_str_eq(lineedit_text(le), "axyb");
	ck_assert_int_eq(lineedit_undo(le), 0);
	ck_assert_str_eq(lineedit_text(le), "ab");
	ck_assert_uint_eq(lineedit_cursor(le), 1);
	/* backspaces in a row are one change; typing after them another */
	lineedit_set(le, "Zoë!");
	ck_assert(lineedit_backspace(le));
	ck_assert(lineedit_backspace(le));
	ck_assert_int_eq(lineedit_type(le, "e"), 0);
	ck_assert_str_eq(lineedit_text(le), "Zoe");
	ck_assert_int_eq(lineedit_undo(le), 0);
	ck_assert_str_eq(lineedit_text(le), "Zo");
	lineedit_set(le, "Zoë!");
	ck_assert(lineedit_backspace(le));
	ck_assert(lineedit_backspace(le));
	ck_assert_int_eq(lineedit_undo(le), 0);
	ck_assert_str_eq(lineedit_text(le), "Zoë!");
	ck_assert_int_eq(lineedit_chars(le), 4);
	/* a pasted text is a change of its own */
	lineedit_set(le, "");
	ck_assert_int_eq(lineedit_insert(le, "foo "), 0);
	ck_assert_int_eq(lineedit_insert(le, "bar"), 0);
	ck_assert_int_eq(lineedit_undo(le), 0);
	ck_assert_str_eq(lineedit_text(le), "foo ");
	/* a refused insert changes nothing, not even the undo state */
	lineedit_set_max(le, 4);
	ck_assert_int_eq(lineedit_insert(le, "x"), -1);
	ck_assert_int_eq(lineedit_undo(le), 0);
	ck_assert_str_eq(lineedit_text(le), "foo bar");
	lineedit_free(le);
}
END_TEST

START_TEST(test_words)
{
	struct lineedit *le = lineedit_with(false, "Zoë van  Ĳsselstein");

	ck_assert(lineedit_home(le));
	ck_assert(lineedit_word_right(le));
	ck_assert_uint_eq(lineedit_cursor(le), 5);	/* "Zoë " is five bytes */
	ck_assert(lineedit_word_right(le));
	ck_assert_uint_eq(lineedit_cursor(le), 10);
	ck_assert(lineedit_word_right(le));
	ck_assert_uint_eq(lineedit_cursor(le), strlen("Zoë van  Ĳsselstein"));
	ck_assert(!lineedit_word_right(le));
	ck_assert(lineedit_word_left(le));
	ck_assert_uint_eq(lineedit_cursor(le), 10);
	ck_assert(lineedit_left(le));
	ck_assert(lineedit_word_left(le));
	ck_assert_uint_eq(lineedit_cursor(le), 5);
	ck_assert(lineedit_word_left(le));
	ck_assert_uint_eq(lineedit_cursor(le), 0);
	ck_assert(!lineedit_word_left(le));
	lineedit_free(le);
}
END_TEST

START_TEST(test_up_down)
{
	struct lineedit *le = lineedit_with(true, "abc\nde\nfghij");
	const char *line;
	size_t len;

	ck_assert_uint_eq(lineedit_lines(le), 3);
	line = lineedit_line(le, 1, &len);
	ck_assert_uint_eq(len, 2);
	ck_assert(strncmp(line, "de", 2) == 0);
	ck_assert_uint_eq(lineedit_line_of_cursor(le), 2);
	ck_assert_int_eq(lineedit_cursor_column(le), 5);
	ck_assert(!lineedit_down(le));
	ck_assert(lineedit_up(le));
	ck_assert_uint_eq(lineedit_line_of_cursor(le), 1);
	ck_assert_int_eq(lineedit_cursor_column(le), 2);	/* end of the shorter line */
	ck_assert(lineedit_up(le));
	ck_assert_int_eq(lineedit_cursor_column(le), 3);
	ck_assert_uint_eq(lineedit_cursor(le), 3);
	ck_assert(!lineedit_up(le));
	ck_assert(lineedit_down(le));
	ck_assert(lineedit_down(le));
	ck_assert_int_eq(lineedit_cursor_column(le), 5);	/* the column was kept */
	/* a move sideways forgets the kept column */
	ck_assert(lineedit_home(le));
	ck_assert(lineedit_right(le));
	ck_assert(lineedit_up(le));
	ck_assert_int_eq(lineedit_cursor_column(le), 1);
	ck_assert_uint_eq(lineedit_cursor(le), 5);
	/* home and end stay on the line */
	ck_assert(lineedit_end(le));
	ck_assert_uint_eq(lineedit_cursor(le), 6);
	ck_assert(lineedit_home(le));
	ck_assert_uint_eq(lineedit_cursor(le), 4);
	/* display columns, not bytes or characters */
	lineedit_set(le, "李李李\nabcdef");
	ck_assert(lineedit_home(le));
	ck_assert(lineedit_right(le));
	ck_assert(lineedit_right(le));
	ck_assert(lineedit_right(le));
	ck_assert(lineedit_up(le));
	ck_assert_int_eq(lineedit_cursor_column(le), 2);	/* not inside the second 李 */
	ck_assert_uint_eq(lineedit_cursor(le), 3);
	ck_assert(lineedit_down(le));
	ck_assert_int_eq(lineedit_cursor_column(le), 3);
	/* an empty last line after a final newline */
	lineedit_set(le, "x\n");
	ck_assert_uint_eq(lineedit_lines(le), 2);
	ck_assert_uint_eq(lineedit_line_of_cursor(le), 1);
	ck_assert_int_eq(lineedit_cursor_column(le), 0);
	lineedit_free(le);
}
END_TEST

START_TEST(test_wrap)
{
	struct lineedit *le = lineedit_with(true, "the quick brown fox");
	const char *line;
	size_t len;

	lineedit_set_width(le, 10);
	ck_assert_uint_eq(lineedit_lines(le), 2);
	line = lineedit_line(le, 0, &len);
	ck_assert_uint_eq(len, 10);
	ck_assert(strncmp(line, "the quick ", len) == 0);
	line = lineedit_line(le, 1, &len);
	ck_assert_uint_eq(len, 9);
	ck_assert(strncmp(line, "brown fox", len) == 0);
	ck_assert_uint_eq(lineedit_line_of_cursor(le), 1);
	ck_assert_int_eq(lineedit_cursor_column(le), 9);
	ck_assert(lineedit_up(le));
	ck_assert_uint_eq(lineedit_line_of_cursor(le), 0);
	ck_assert_int_eq(lineedit_cursor_column(le), 9);	/* before the space at the wrap */
	ck_assert(lineedit_home(le));
	ck_assert(lineedit_end(le));
	ck_assert_uint_eq(lineedit_cursor(le), 9);
	ck_assert(lineedit_right(le));
	ck_assert_uint_eq(lineedit_line_of_cursor(le), 1);	/* the wrap point is on the next line */
	ck_assert_int_eq(lineedit_cursor_column(le), 0);
	/* a word longer than the width is cut */
	lineedit_set_width(le, 5);
	lineedit_set(le, "abcdefghijklmnop");
	ck_assert_uint_eq(lineedit_lines(le), 4);
	line = lineedit_line(le, 3, &len);
	ck_assert_uint_eq(len, 1);
	ck_assert_int_eq(line[0], 'p');
	/* wide characters never straddle the edge */
	lineedit_set(le, "李李李");
	ck_assert_uint_eq(lineedit_lines(le), 2);
	lineedit_line(le, 0, &len);
	ck_assert_uint_eq(len, 6);
	/* typing updates the lines */
	lineedit_set(le, "abcd");
	ck_assert_uint_eq(lineedit_lines(le), 1);
	ck_assert_int_eq(lineedit_insert(le, "ef"), 0);
	ck_assert_uint_eq(lineedit_lines(le), 2);
	ck_assert_uint_eq(lineedit_line_of_cursor(le), 1);
	lineedit_set_width(le, 0);
	ck_assert_uint_eq(lineedit_lines(le), 1);
	lineedit_free(le);
}
END_TEST

Suite *
suite_lineedit(void)
{
	Suite *s = suite_create("lineedit");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, lineedit_setup, NULL);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_multibyte_cursor);
	tcase_add_test(tc, test_wide_columns);
	tcase_add_test(tc, test_insert_middle);
	tcase_add_test(tc, test_backspace_delete);
	tcase_add_test(tc, test_clean_single_line);
	tcase_add_test(tc, test_clean_multi_line);
	tcase_add_test(tc, test_paste_newlines);
	tcase_add_test(tc, test_max);
	tcase_add_test(tc, test_paste_10000);
	tcase_add_test(tc, test_undo);
	tcase_add_test(tc, test_words);
	tcase_add_test(tc, test_up_down);
	tcase_add_test(tc, test_wrap);
	suite_add_tcase(s, tc);
	return s;
}

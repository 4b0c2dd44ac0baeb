/*
 * lineedit.h — a UTF-8 edit buffer for one line or a few lines of text.
 *
 * The buffer always holds valid UTF-8: what comes in is cleaned (invalid
 * bytes become U+FFFD; in single-line mode newlines and tabs become spaces;
 * other control characters are dropped). The cursor is a byte offset that
 * never splits a character. Lines are the text's own lines, or, in
 * multi-line mode with a width set, the rows it wraps to at that width.
 * Columns are display columns (core/text.h), so "李" counts two.
 *
 * One level of undo: the state before the last change, where a run of typed
 * characters (or of backspaces, or of deletes) with no movement in between
 * is one change.
 */
#ifndef LEERNET_CORE_LINEEDIT_H
#define LEERNET_CORE_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

struct lineedit;

/* A new, empty buffer; multiline allows newlines and tabs. Never NULL. */
struct lineedit *lineedit_new(bool multiline);
/* Release le; NULL is accepted. */
void lineedit_free(struct lineedit *le);

/*
 * Replace the text (copied and cleaned; NULL = empty), put the cursor at its
 * end and forget the undo state. The length cap does not apply: text longer
 * than the cap is kept whole, so that nothing stored is cut off unseen.
 */
void lineedit_set(struct lineedit *le, const char *text);
/* The current text, owned by le; valid until the next change. Never NULL. */
const char *lineedit_text(const struct lineedit *le);
/* Characters (code points) in the text. */
int lineedit_chars(const struct lineedit *le);

/* Cap the length at max_chars characters; 0 = no cap (the default). */
void lineedit_set_max(struct lineedit *le, int max_chars);
int lineedit_max(const struct lineedit *le);

/*
 * Insert UTF-8 s at the cursor: one typed character or a pasted text. Returns
 * 0 (also when cleaning left nothing to insert), or -1 when the result would
 * pass the cap: then nothing is inserted.
 */
int lineedit_insert(struct lineedit *le, const char *s);
/* Insert one character given as a Unicode code point; as lineedit_insert. */
int lineedit_insert_char(struct lineedit *le, unsigned long cp);

/* Delete the character before / at the cursor; false when there is none. */
bool lineedit_backspace(struct lineedit *le);
bool lineedit_delete(struct lineedit *le);

/*
 * Cursor movement; each returns false when the cursor could not move.
 * Left/right go by character (a base character and the combining marks
 * after it count as one); home/end go to the start/end of the cursor's line;
 * word_left goes to the start of the word before the cursor and word_right
 * to the start of the next word (words are separated by white space);
 * up/down go to the previous/next line at the same display column, kept
 * over a run of up/down moves through shorter lines.
 */
bool lineedit_left(struct lineedit *le);
bool lineedit_right(struct lineedit *le);
bool lineedit_home(struct lineedit *le);
bool lineedit_end(struct lineedit *le);
bool lineedit_word_left(struct lineedit *le);
bool lineedit_word_right(struct lineedit *le);
bool lineedit_up(struct lineedit *le);
bool lineedit_down(struct lineedit *le);

/* The cursor as a byte offset into lineedit_text(). */
size_t lineedit_cursor(const struct lineedit *le);
/* Display columns before the cursor on its line. */
int lineedit_cursor_column(struct lineedit *le);
/* The line the cursor is on, from 0. */
size_t lineedit_line_of_cursor(struct lineedit *le);

/*
 * Multi-line mode only: wrap lines longer than cols display columns at word
 * boundaries (a space that does not fit stays at the end of its row; a word
 * longer than a row is cut). 0 = no wrapping (the default). Single-line
 * buffers ignore this: they are always one line.
 */
void lineedit_set_width(struct lineedit *le, int cols);
/* Number of lines (at least 1). */
size_t lineedit_lines(struct lineedit *le);
/*
 * Line i (from 0): returns its first byte within lineedit_text() and sets
 * *len to its length in bytes, without the newline. NULL when i is past the
 * last line.
 */
const char *lineedit_line(struct lineedit *le, size_t i, size_t *len);

/*
 * Restore the state before the last change. Returns 0, or -1 when there is
 * nothing to undo. Undoing again redoes (one level, like vi).
 */
int lineedit_undo(struct lineedit *le);

#endif

/* lineedit.c — a UTF-8 edit buffer with a cursor, wrapped lines and one undo. */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>

#include "core/lineedit.h"
#include "core/text.h"
#include "core/xmalloc.h"

#define LINEEDIT_REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD for invalid bytes */

/* The kinds of change; a run of the same kind is one change for undo. */
enum lineedit_op {
	LINEEDIT_OP_NONE,
	LINEEDIT_OP_TYPE,
	LINEEDIT_OP_BACKSPACE,
	LINEEDIT_OP_DELETE,
	LINEEDIT_OP_PASTE
};

struct lineedit {
	bool multiline;
	char *buf;		/* NUL-terminated, valid UTF-8 */
	size_t len, size;	/* bytes used (without the NUL) and allocated */
	size_t cursor;		/* byte offset, on a character boundary */
	int chars;		/* code points in buf */
	int max;		/* cap in characters, 0 = none */
	int width;		/* wrap width in columns, 0 = none */
	int goal;		/* column kept by up/down, -1 = none */
	size_t *rows;		/* the first byte of each line */
	size_t n_rows, rows_size;
	bool rows_valid;
	char *undo_text;	/* the text before the last change, NULL = none */
	size_t undo_cursor;
	enum lineedit_op last;	/* the kind of the last change */
};

/* C0 controls, DEL and C1 controls: never kept as they are. */
static bool
lineedit_is_control(const unsigned char *p, size_t n)
{
	if (n == 1)
		return p[0] < 0x20 || p[0] == 0x7f;
	return n == 2 && p[0] == 0xc2 && p[1] < 0xa0;
}

/* A copy of s that is fit for the buffer; *chars receives its characters. */
static char *
lineedit_clean(bool multiline, const char *s, int *chars)
{
	char *out = xmalloc(strlen(s) * 3 + 1);
	const unsigned char *p;
	size_t used = 0, n;

	*chars = 0;
	for (; (n = text_char_len(s)) > 0; s += n) {
		p = (const unsigned char *)s;
		if (n == 1 && p[0] >= 0x80) {
			memcpy(out + used, LINEEDIT_REPLACEMENT, 3);
			used += 3;
		} else if (p[0] == '\r' && p[1] == '\n') {
			continue;	/* the \n that follows stands for both */
		} else if (p[0] == '\r' || p[0] == '\n' || p[0] == '\t') {
			out[used++] = !multiline ? ' ' : p[0] == '\t' ? '\t' : '\n';
		} else if (lineedit_is_control(p, n)) {
			continue;
		} else {
			memcpy(out + used, s, n);
			used += n;
		}
		(*chars)++;
	}
	out[used] = '\0';
	return out;
}

/* Characters in the bytes from .. to of s. */
static int
lineedit_count(const char *s, size_t from, size_t to)
{
	int chars = 0;
	size_t n;

	while (from < to && (n = text_char_len(s + from)) > 0) {
		from += n;
		chars++;
	}
	return chars;
}

/* Display columns of the bytes from .. to of the buffer. */
static int
lineedit_span_width(const struct lineedit *le, size_t from, size_t to)
{
	int cols = 0;
	size_t n;

	while (from < to && (n = text_char_len(le->buf + from)) > 0) {
		cols += text_char_columns(le->buf + from, n);
		from += n;
	}
	return cols;
}

/* The start of the character before offset at. */
static size_t
lineedit_prev(const struct lineedit *le, size_t at)
{
	size_t p = at;

	if (at == 0)
		return 0;
	do
		p--;
	while (p > 0 && at - p < 4 && ((unsigned char)le->buf[p] & 0xc0) == 0x80);
	return text_char_len(le->buf + p) == at - p ? p : at - 1;
}

/* The start of the character after the one at offset at. */
static size_t
lineedit_next(const struct lineedit *le, size_t at)
{
	return at + text_char_len(le->buf + at);
}

/* Is the character at offset at a combining mark (no width of its own)? */
static bool
lineedit_is_mark(const struct lineedit *le, size_t at)
{
	size_t n = text_char_len(le->buf + at);

	if (n == 0 || lineedit_is_control((const unsigned char *)le->buf + at, n))
		return false;
	return text_char_columns(le->buf + at, n) == 0;
}

static bool
lineedit_is_space(const struct lineedit *le, size_t at)
{
	char c = le->buf[at];

	return c == ' ' || c == '\t' || c == '\n';
}

struct lineedit *
lineedit_new(bool multiline)
{
	struct lineedit *le = xcalloc(1, sizeof *le);

	le->multiline = multiline;
	le->buf = xstrdup("");
	le->size = 1;
	le->goal = -1;
	return le;
}

void
lineedit_free(struct lineedit *le)
{
	if (le == NULL)
		return;
	free(le->buf);
	free(le->rows);
	free(le->undo_text);
	free(le);
}

void
lineedit_set(struct lineedit *le, const char *text)
{
	int chars;
	char *clean = lineedit_clean(le->multiline, text != NULL ? text : "", &chars);

	free(le->buf);
	le->buf = clean;
	le->len = strlen(clean);
	le->size = le->len + 1;
	le->chars = chars;
	le->cursor = le->len;
	free(le->undo_text);
	le->undo_text = NULL;
	le->last = LINEEDIT_OP_NONE;
	le->goal = -1;
	le->rows_valid = false;
}

const char *
lineedit_text(const struct lineedit *le)
{
	return le->buf;
}

int
lineedit_chars(const struct lineedit *le)
{
	return le->chars;
}

void
lineedit_set_max(struct lineedit *le, int max_chars)
{
	le->max = max_chars > 0 ? max_chars : 0;
}

int
lineedit_max(const struct lineedit *le)
{
	return le->max;
}

/* Remember the state before a change, unless the change continues a run. */
static void
lineedit_change(struct lineedit *le, enum lineedit_op op)
{
	if (op == LINEEDIT_OP_PASTE || op != le->last || le->undo_text == NULL) {
		free(le->undo_text);
		le->undo_text = xstrdup(le->buf);
		le->undo_cursor = le->cursor;
	}
	le->last = op;
	le->goal = -1;
	le->rows_valid = false;
}

/* Make room for extra more bytes. */
static void
lineedit_reserve(struct lineedit *le, size_t extra)
{
	size_t size = le->size;

	if (le->len + extra + 1 <= size)
		return;
	while (size < le->len + extra + 1)
		size *= 2;
	le->buf = xrealloc(le->buf, size);
	le->size = size;
}

int
lineedit_insert(struct lineedit *le, const char *s)
{
	int chars, ret = 0;
	char *clean = lineedit_clean(le->multiline, s != NULL ? s : "", &chars);
	size_t n = strlen(clean);

	if (n == 0)
		goto out;
	if (le->max > 0 && le->chars + chars > le->max) {
		ret = -1;
		goto out;
	}
	lineedit_change(le, chars == 1 ? LINEEDIT_OP_TYPE : LINEEDIT_OP_PASTE);
	lineedit_reserve(le, n);
	memmove(le->buf + le->cursor + n, le->buf + le->cursor, le->len - le->cursor + 1);
	memcpy(le->buf + le->cursor, clean, n);
	le->len += n;
	le->cursor += n;
	le->chars += chars;
out:
	free(clean);
	return ret;
}

int
lineedit_insert_char(struct lineedit *le, unsigned long cp)
{
	char s[5] = { 0 };

	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	if (cp < 0x80) {
		s[0] = (char)cp;
	} else if (cp < 0x800) {
		s[0] = (char)(0xc0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		s[0] = (char)(0xe0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f));
	} else {
		s[0] = (char)(0xf0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[3] = (char)(0x80 | (cp & 0x3f));
	}
	return lineedit_insert(le, s);
}

/* Remove the bytes from .. to and leave the cursor there. */
static void
lineedit_cut(struct lineedit *le, size_t from, size_t to)
{
	le->chars -= lineedit_count(le->buf, from, to);
	memmove(le->buf + from, le->buf + to, le->len - to + 1);
	le->len -= to - from;
	le->cursor = from;
}

bool
lineedit_backspace(struct lineedit *le)
{
	if (le->cursor == 0)
		return false;
	lineedit_change(le, LINEEDIT_OP_BACKSPACE);
	lineedit_cut(le, lineedit_prev(le, le->cursor), le->cursor);
	return true;
}

bool
lineedit_delete(struct lineedit *le)
{
	size_t end;

	if (le->cursor >= le->len)
		return false;
	end = lineedit_next(le, le->cursor);
	while (end < le->len && lineedit_is_mark(le, end))
		end = lineedit_next(le, end);
	lineedit_change(le, LINEEDIT_OP_DELETE);
	lineedit_cut(le, le->cursor, end);
	return true;
}

/* Put the cursor at offset to; a move ends a run of changes. */
static bool
lineedit_move(struct lineedit *le, size_t to)
{
	le->last = LINEEDIT_OP_NONE;
	le->goal = -1;
	if (to == le->cursor)
		return false;
	le->cursor = to;
	return true;
}

bool
lineedit_left(struct lineedit *le)
{
	size_t p = lineedit_prev(le, le->cursor);

	while (p > 0 && lineedit_is_mark(le, p))
		p = lineedit_prev(le, p);
	return lineedit_move(le, p);
}

bool
lineedit_right(struct lineedit *le)
{
	size_t p = lineedit_next(le, le->cursor);

	while (p < le->len && lineedit_is_mark(le, p))
		p = lineedit_next(le, p);
	return lineedit_move(le, p);
}

bool
lineedit_word_left(struct lineedit *le)
{
	size_t p = le->cursor;

	while (p > 0 && lineedit_is_space(le, lineedit_prev(le, p)))
		p = lineedit_prev(le, p);
	while (p > 0 && !lineedit_is_space(le, lineedit_prev(le, p)))
		p = lineedit_prev(le, p);
	return lineedit_move(le, p);
}

bool
lineedit_word_right(struct lineedit *le)
{
	size_t p = le->cursor;

	while (p < le->len && !lineedit_is_space(le, p))
		p = lineedit_next(le, p);
	while (p < le->len && lineedit_is_space(le, p))
		p = lineedit_next(le, p);
	return lineedit_move(le, p);
}

size_t
lineedit_cursor(const struct lineedit *le)
{
	return le->cursor;
}

void
lineedit_set_width(struct lineedit *le, int cols)
{
	if (cols < 0)
		cols = 0;
	if (cols != le->width)
		le->rows_valid = false;
	le->width = cols;
}

static void
lineedit_row_push(struct lineedit *le, size_t start)
{
	if (le->n_rows == le->rows_size) {
		le->rows_size = le->rows_size ? le->rows_size * 2 : 16;
		le->rows = xreallocarray(le->rows, le->rows_size, sizeof *le->rows);
	}
	le->rows[le->n_rows++] = start;
}

/* Split the text into lines: at newlines, and at the wrap width when set. */
static void
lineedit_layout(struct lineedit *le)
{
	size_t pos = 0, start = 0, brk = 0, n;
	int cols = 0, w, width = le->width;
	char c;

	if (le->rows_valid)
		return;
	le->rows_valid = true;
	le->n_rows = 0;
	lineedit_row_push(le, 0);
	while (le->multiline && pos < le->len) {
		c = le->buf[pos];
		n = text_char_len(le->buf + pos);
		w = text_char_columns(le->buf + pos, n);
		if (c == '\n' || (width > 0 && cols + w > width && pos > start)) {
			if (c == '\n' || c == ' ')
				pos += n;	/* a space that does not fit hangs at the end */
			start = c == '\n' || c == ' ' || brk <= start ? pos : brk;
			lineedit_row_push(le, start);
			cols = lineedit_span_width(le, start, pos);
			brk = 0;
			continue;
		}
		if (c == ' ' || c == '\t')
			brk = pos + n;
		cols += w;
		pos += n;
	}
}

/* The line that offset off is on: a wrap point belongs to the next line. */
static size_t
lineedit_row_of(struct lineedit *le, size_t off)
{
	size_t lo = 0, hi = le->n_rows - 1, mid;

	while (lo < hi) {
		mid = (lo + hi + 1) / 2;
		if (le->rows[mid] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* Is line i cut by wrapping (rather than by a newline or the end)? */
static bool
lineedit_row_wrapped(const struct lineedit *le, size_t i)
{
	return i + 1 < le->n_rows && le->buf[le->rows[i + 1] - 1] != '\n';
}

/* The end of line i, without its newline. */
static size_t
lineedit_row_end(const struct lineedit *le, size_t i)
{
	if (i + 1 >= le->n_rows)
		return le->len;
	return lineedit_row_wrapped(le, i) ? le->rows[i + 1] : le->rows[i + 1] - 1;
}

/* The last cursor position that shows on line i. */
static size_t
lineedit_row_last(const struct lineedit *le, size_t i)
{
	size_t end = lineedit_row_end(le, i);

	if (lineedit_row_wrapped(le, i) && end > le->rows[i])
		end = lineedit_prev(le, end);
	return end;
}

/* The offset on line row nearest to, but not past, display column goal. */
static size_t
lineedit_at_column(const struct lineedit *le, size_t row, int goal)
{
	size_t pos = le->rows[row], last = lineedit_row_last(le, row), n;
	int cols = 0, w;

	while (pos < last) {
		n = text_char_len(le->buf + pos);
		w = text_char_columns(le->buf + pos, n);
		if (cols + w > goal)
			break;
		cols += w;
		pos += n;
	}
	while (pos < last && lineedit_is_mark(le, pos))
		pos = lineedit_next(le, pos);
	return pos;
}

size_t
lineedit_lines(struct lineedit *le)
{
	lineedit_layout(le);
	return le->n_rows;
}

const char *
lineedit_line(struct lineedit *le, size_t i, size_t *len)
{
	lineedit_layout(le);
	if (i >= le->n_rows)
		return NULL;
	*len = lineedit_row_end(le, i) - le->rows[i];
	return le->buf + le->rows[i];
}

size_t
lineedit_line_of_cursor(struct lineedit *le)
{
	lineedit_layout(le);
	return lineedit_row_of(le, le->cursor);
}

int
lineedit_cursor_column(struct lineedit *le)
{
	size_t row = lineedit_line_of_cursor(le);

	return lineedit_span_width(le, le->rows[row], le->cursor);
}

bool
lineedit_home(struct lineedit *le)
{
	size_t row = lineedit_line_of_cursor(le);

	return lineedit_move(le, le->rows[row]);
}

bool
lineedit_end(struct lineedit *le)
{
	return lineedit_move(le, lineedit_row_last(le, lineedit_line_of_cursor(le)));
}

/* Go to line row at the kept column. */
static bool
lineedit_vertical(struct lineedit *le, size_t row)
{
	int goal = le->goal >= 0 ? le->goal : lineedit_cursor_column(le);

	le->cursor = lineedit_at_column(le, row, goal);
	le->last = LINEEDIT_OP_NONE;
	le->goal = goal;
	return true;
}

bool
lineedit_up(struct lineedit *le)
{
	size_t row = lineedit_line_of_cursor(le);

	return row > 0 && lineedit_vertical(le, row - 1);
}

bool
lineedit_down(struct lineedit *le)
{
	size_t row = lineedit_line_of_cursor(le);

	return row + 1 < le->n_rows && lineedit_vertical(le, row + 1);
}

int
lineedit_undo(struct lineedit *le)
{
	char *text = le->buf;
	size_t cursor = le->cursor;

	if (le->undo_text == NULL)
		return -1;
	le->buf = le->undo_text;
	le->len = strlen(le->buf);
	le->size = le->len + 1;
	le->cursor = le->undo_cursor;
	le->chars = lineedit_count(le->buf, 0, le->len);
	le->undo_text = text;
	le->undo_cursor = cursor;
	le->last = LINEEDIT_OP_NONE;
	le->goal = -1;
	le->rows_valid = false;
	return 0;
}

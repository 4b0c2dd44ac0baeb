/*
 * form.c — the form widget: labelled fields, one per row, edited in place.
 *
 * Text fields keep their text in a core/lineedit.h buffer; the form adds the
 * layout (a label column, the value to its right, an error row under a field
 * that has one), scrolling, the keys, and the checks it can make by itself
 * on submit (core/validate.h, core/date.h, whole numbers).
 */
#include "autoconf.h"

#include <ctype.h>
#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lineedit.h"
#include "core/text.h"
#include "core/validate.h"
#include "core/xmalloc.h"
#include "ui/form.h"
#include "ui/widgets.h"

#define FORM_LABEL_MAX 22	/* columns of the label column at most */
#define FORM_TEXT_ROWS 4	/* rows a FORM_TEXT shows */
#define FORM_SHORT_MAX 20	/* characters of a date, time or number */
#define FORM_KEY_ESC 27
#define FORM_KEY_CTRL(c) ((c) & 0x1f)
#define FORM_KEY_UNDO_ALT 0x1f	/* C-_ (C-/ in many terminals), when C-z suspends */

struct form_slot {
	struct form_field *field;	/* owned */
	int text_top;			/* FORM_TEXT: the first line shown */
	int scroll;			/* one-line text: the first column shown */
};

struct form {
	struct form_slot *slots;
	size_t n, size;
	size_t focus;		/* the focused field */
	size_t item;		/* FORM_CHECKS: the item under the cursor */
	int top;		/* the first form row shown */
	struct ui *ui;		/* the interface, known from the first draw */
};

/* Where the form is drawn: its screen rows and its two columns. */
struct form_geom {
	struct ui *ui;
	int top, height;
	int label_w;
	int value_x, value_w;
};

static bool
form_kind_text(enum form_kind kind)
{
	return kind == FORM_LINE || kind == FORM_TEXT || kind == FORM_DATE ||
	    kind == FORM_TIME || kind == FORM_NUMBER;
}

struct form *
form_new(void)
{
	return xcalloc(1, sizeof(struct form));
}

static void
form_field_free(struct form_field *fld)
{
	size_t i;

	for (i = 0; i < fld->n_items; i++) {
		free(fld->items[i].key);
		free(fld->items[i].label);
	}
	free(fld->items);
	free(fld->label);
	free(fld->error);
	lineedit_free(fld->edit);
	free(fld);
}

void
form_free(struct form *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++)
		form_field_free(f->slots[i].field);
	free(f->slots);
	free(f);
}

struct form_field *
form_add(struct form *f, enum form_kind kind, const char *label, bool required)
{
	struct form_field *fld = xcalloc(1, sizeof *fld);

	fld->kind = kind;
	fld->label = xstrdup(label != NULL ? label : "");
	fld->required = required;
	if (form_kind_text(kind))
		fld->edit = lineedit_new(kind == FORM_TEXT);
	if (f->n == f->size) {
		f->size = f->size ? f->size * 2 : 8;
		f->slots = xreallocarray(f->slots, f->size, sizeof *f->slots);
	}
	f->slots[f->n++] = (struct form_slot){ fld, 0, 0 };
	return fld;
}

void
form_set_text(struct form_field *fld, const char *text)
{
	if (fld->edit != NULL)
		lineedit_set(fld->edit, text);
}

const char *
form_text(const struct form_field *fld)
{
	return fld->edit != NULL ? lineedit_text(fld->edit) : "";
}

void
form_add_item(struct form_field *fld, const char *key, const char *label, bool on)
{
	struct form_item *it;

	fld->items = xreallocarray(fld->items, fld->n_items + 1, sizeof *fld->items);
	it = &fld->items[fld->n_items];
	it->key = xstrdup(key != NULL ? key : "");
	it->label = xstrdup(label != NULL ? label : "");
	it->on = on;
	if (fld->kind == FORM_CHOICE && on)
		fld->choice = (int)fld->n_items;
	fld->n_items++;
}

const char *
form_choice(const struct form_field *fld)
{
	if (fld->kind != FORM_CHOICE || fld->choice < 0 || (size_t)fld->choice >= fld->n_items)
		return NULL;
	return fld->items[fld->choice].key;
}

/* The field's text without surrounding spaces, in buf; -1 when empty or too long. */
static int
form_trimmed(const struct form_field *fld, char *buf, size_t size)
{
	const char *s = form_text(fld), *e;
	size_t n;

	while (*s == ' ')
		s++;
	e = s + strlen(s);
	while (e > s && e[-1] == ' ')
		e--;
	n = (size_t)(e - s);
	if (n == 0 || n >= size)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return 0;
}

int
form_date(const struct form_field *fld, struct date *out)
{
	char buf[64];

	if (form_trimmed(fld, buf, sizeof buf) != 0)
		return -1;
	return date_parse(buf, out);
}

int
form_time(const struct form_field *fld, int *minutes)
{
	char buf[64];

	if (form_trimmed(fld, buf, sizeof buf) != 0)
		return -1;
	return time_parse(buf, minutes);
}

int
form_number(const struct form_field *fld, int *out)
{
	char buf[64], *end;
	long v;

	if (form_trimmed(fld, buf, sizeof buf) != 0)
		return -1;
	errno = 0;
	v = strtol(buf, &end, 10);
	if (end == buf || *end != '\0' || errno != 0 || v < INT_MIN || v > INT_MAX)
		return -1;
	*out = (int)v;
	return 0;
}

void
form_error(struct form_field *fld, const char *fmt, ...)
{
	va_list ap, copy;
	int n;

	free(fld->error);
	fld->error = NULL;
	if (fmt == NULL)
		return;
	va_start(ap, fmt);
	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n >= 0) {
		fld->error = xmalloc((size_t)n + 1);
		vsnprintf(fld->error, (size_t)n + 1, fmt, ap);
	}
	va_end(ap);
}

void
form_focus(struct form *f, struct form_field *fld)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		if (f->slots[i].field == fld) {
			f->focus = i;
			f->item = 0;
			return;
		}
	}
}

bool
form_has_errors(const struct form *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		if (f->slots[i].field->error != NULL)
			return true;
	}
	return false;
}

bool
form_focus_error(struct form *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		if (f->slots[i].field->error != NULL) {
			form_focus(f, f->slots[i].field);
			return true;
		}
	}
	return false;
}

const char *
form_hints(void)
{
	return _("Tab next field  Space choose  F2 save  Esc cancel");
}

/* ---- drawing ---- */

/* Rows a field takes, with its error row. */
static int
form_field_rows(const struct form_field *fld)
{
	int rows = 1;

	if (fld->kind == FORM_TEXT)
		rows = FORM_TEXT_ROWS;
	else if (fld->kind == FORM_CHECKS && fld->n_items > 0)
		rows = (int)fld->n_items;
	return rows + (fld->error != NULL);
}

/* The label column: the longest label with its " *", within FORM_LABEL_MAX or COLS / 3. */
static void
form_geometry(struct form *f, struct ui *ui, int top, int height, struct form_geom *g)
{
	const struct form_field *fld;
	size_t i;
	int w, max;

	g->ui = ui;
	g->top = top;
	g->height = height;
	g->label_w = 0;
	for (i = 0; i < f->n; i++) {
		fld = f->slots[i].field;
		w = text_width(fld->label) + (fld->required ? 2 : 0);
		if (w > g->label_w)
			g->label_w = w;
	}
	max = COLS / 3 < FORM_LABEL_MAX ? COLS / 3 : FORM_LABEL_MAX;
	if (g->label_w > max)
		g->label_w = max > 8 ? max : 8;
	g->value_x = 2 + g->label_w + 2;
	g->value_w = COLS - g->value_x - 2;
	if (g->value_w < 4)
		g->value_w = 4;
	for (i = 0; i < f->n; i++) {
		if (f->slots[i].field->kind == FORM_TEXT)
			lineedit_set_width(f->slots[i].field->edit, g->value_w - 1);
	}
}

/* Keep a text field's cursor within its visible lines or columns. */
static void
form_scroll_field(struct form_slot *sl, const struct form_geom *g)
{
	struct lineedit *le = sl->field->edit;
	int row, lines, col;

	if (sl->field->kind == FORM_TEXT) {
		row = (int)lineedit_line_of_cursor(le);
		lines = (int)lineedit_lines(le);
		if (sl->text_top > lines - FORM_TEXT_ROWS)
			sl->text_top = lines > FORM_TEXT_ROWS ? lines - FORM_TEXT_ROWS : 0;
		if (row < sl->text_top)
			sl->text_top = row;
		if (row >= sl->text_top + FORM_TEXT_ROWS)
			sl->text_top = row - FORM_TEXT_ROWS + 1;
		return;
	}
	col = lineedit_cursor_column(le);
	if (text_width(lineedit_text(le)) < g->value_w)
		sl->scroll = 0;
	if (col < sl->scroll)
		sl->scroll = col;
	if (col >= sl->scroll + g->value_w)
		sl->scroll = col - g->value_w + 1;
}

/* The row of the cursor within the focused field. */
static int
form_cursor_row(const struct form *f, const struct form_slot *sl)
{
	if (sl->field->kind == FORM_TEXT)
		return (int)lineedit_line_of_cursor(sl->field->edit) - sl->text_top;
	if (sl->field->kind == FORM_CHECKS)
		return (int)f->item;
	return 0;
}

/* Scroll the form so that the focused field, or at least its cursor, shows. */
static void
form_scroll(struct form *f, const struct form_geom *g)
{
	struct form_slot *sl;
	int total = 0, fy = 0, fh, cy;
	size_t i;

	if (f->n == 0)
		return;
	sl = &f->slots[f->focus];
	if (form_kind_text(sl->field->kind))
		form_scroll_field(sl, g);
	for (i = 0; i < f->n; i++) {
		if (i == f->focus)
			fy = total;
		total += form_field_rows(f->slots[i].field);
	}
	if (f->top > total - g->height)
		f->top = total > g->height ? total - g->height : 0;
	fh = form_field_rows(sl->field);
	cy = fy + form_cursor_row(f, sl);
	if (fy + fh > f->top + g->height)
		f->top = fy + fh - g->height;
	if (fy < f->top)
		f->top = fy;
	if (cy >= f->top + g->height)
		f->top = cy - g->height + 1;
	if (cy < f->top)
		f->top = cy;
}

/* The screen row of form row r, or -1 when it is scrolled out of sight. */
static int
form_screen_row(const struct form *f, const struct form_geom *g, int r)
{
	if (r < f->top || r >= f->top + g->height)
		return -1;
	return g->top + r - f->top;
}

/*
 * Draw n bytes of s at (y, x) in width columns, starting at display column
 * from, padded with spaces; tabs show as spaces.
 */
static void
form_draw_span(int y, int x, int width, const char *s, size_t n, int from, int attr)
{
	char *buf = xmalloc(n + (size_t)width + 8);
	size_t i = 0, used = 0, cl;
	int col = 0, out = 0, w;

	while (i < n && (cl = text_char_len(s + i)) > 0) {
		w = text_char_columns(s + i, cl);
		if (col >= from && out + w > width)
			break;
		if (col >= from && (unsigned char)s[i] < 0x20) {
			buf[used++] = ' ';
			out += w;
		} else if (col >= from) {
			memcpy(buf + used, s + i, cl);
			used += cl;
			out += w;
		}
		for (; col < from && col + w > from && out < col + w - from; out++)
			buf[used++] = ' ';	/* the visible half of a cut wide character */
		col += w;
		i += cl;
	}
	for (; out < width; out++)
		buf[used++] = ' ';
	buf[used] = '\0';
	attron(attr);
	mvaddstr(y, x, buf);
	attroff(attr);
	free(buf);
}

/* The label, bold when focused, with " *" when required. */
static void
form_draw_label(const struct form_geom *g, const struct form_field *fld, int y, bool focused)
{
	int star = fld->required ? 2 : 0, w = text_width(fld->label);
	int attr = focused ? A_BOLD : A_NORMAL;

	if (w > g->label_w - star)
		w = g->label_w - star;
	if (focused)
		widget_text(y, 0, 1, "\xe2\x80\xba", A_BOLD);	/* › */
	widget_text(y, 2, w, fld->label, attr);
	if (fld->required)
		widget_text(y, 2 + w, 2, " *", attr);
}

/* A hint shown in an empty date, time or number field. */
static char *
form_placeholder(const struct form_field *fld)
{
	switch (fld->kind) {
	case FORM_DATE:
		return xstrdup(_("dd-mm-yyyy"));
	case FORM_TIME:
		return xstrdup(_("hh:mm"));
	case FORM_NUMBER:
		if (fld->min != 0 || fld->max != 0)
			return xasprintf("%d\xe2\x80\x93%d", fld->min, fld->max);	/* – */
		return NULL;
	default:
		return NULL;
	}
}

/* A one-line text field; sets the cursor position when focused. */
static void
form_draw_line(const struct form_geom *g, struct form_slot *sl, int y, bool focused,
    int *cy, int *cx)
{
	struct lineedit *le = sl->field->edit;
	const char *text = lineedit_text(le);
	char *ph = *text == '\0' ? form_placeholder(sl->field) : NULL;
	int from = focused ? sl->scroll : 0;

	if (ph != NULL)
		widget_text(y, g->value_x, g->value_w, ph, ui_attr(g->ui, UI_COLOUR_DIM) | A_UNDERLINE);
	else
		form_draw_span(y, g->value_x, g->value_w, text, strlen(text), from, A_UNDERLINE);
	free(ph);
	if (focused) {
		*cy = y;
		*cx = g->value_x + lineedit_cursor_column(le) - from;
	}
}

/* The lines of a FORM_TEXT from its first shown line; marks more above and below. */
static void
form_draw_text(const struct form *f, const struct form_geom *g, struct form_slot *sl, int r0,
    bool focused, int *cy, int *cx)
{
	struct lineedit *le = sl->field->edit;
	int r, y, lines = (int)lineedit_lines(le), dim = ui_attr(g->ui, UI_COLOUR_DIM);
	const char *line;
	size_t len;

	if (sl->text_top > lines - 1)
		sl->text_top = lines - 1;
	for (r = 0; r < FORM_TEXT_ROWS; r++) {
		if ((y = form_screen_row(f, g, r0 + r)) < 0)
			continue;
		line = lineedit_line(le, (size_t)(sl->text_top + r), &len);
		form_draw_span(y, g->value_x, g->value_w, line != NULL ? line : "",
		    line != NULL ? len : 0, 0, A_UNDERLINE);
		if (r == 0 && sl->text_top > 0)
			widget_text(y, g->value_x - 2, 1, "\xe2\x86\x91", dim);	/* ↑ */
		if (r == FORM_TEXT_ROWS - 1 && sl->text_top + FORM_TEXT_ROWS < lines)
			widget_text(y, g->value_x - 2, 1, "\xe2\x86\x93", dim);	/* ↓ */
	}
	r = (int)lineedit_line_of_cursor(le) - sl->text_top;
	if (focused && r >= 0 && r < FORM_TEXT_ROWS) {
		*cy = form_screen_row(f, g, r0 + r);
		*cx = g->value_x + lineedit_cursor_column(le);
	}
}

/* Text at the value column, as wide as it is (within the column). */
static void
form_draw_value(const struct form_geom *g, int y, const char *s, int attr)
{
	int w = text_width(s);

	widget_text(y, g->value_x, w < g->value_w ? w : g->value_w, s, attr);
}

static void
form_draw_choice(const struct form_geom *g, const struct form_field *fld, int y, bool focused)
{
	const char *label = form_choice(fld) != NULL ? fld->items[fld->choice].label : "";
	char *s = xasprintf("\xe2\x80\xb9 %s \xe2\x80\xba", label);	/* ‹ label › */

	form_draw_value(g, y, s, focused ? ui_attr(g->ui, UI_COLOUR_SELECTED) : (int)A_NORMAL);
	free(s);
}

static void
form_draw_checks(const struct form *f, const struct form_geom *g,
    const struct form_field *fld, int r0, bool focused)
{
	size_t i;
	int y, attr;
	char *s;

	if (fld->n_items == 0 && (y = form_screen_row(f, g, r0)) >= 0)
		form_draw_value(g, y, "\xe2\x80\x94", ui_attr(g->ui, UI_COLOUR_DIM));	/* — */
	for (i = 0; i < fld->n_items; i++) {
		if ((y = form_screen_row(f, g, r0 + (int)i)) < 0)
			continue;
		attr = focused && i == f->item ? ui_attr(g->ui, UI_COLOUR_SELECTED) : (int)A_NORMAL;
		s = xasprintf("[%c] %s", fld->items[i].on ? 'x' : ' ', fld->items[i].label);
		form_draw_value(g, y, s, attr);
		free(s);
	}
}

static void
form_draw_bool(const struct form_geom *g, const struct form_field *fld, int y, bool focused)
{
	char *s = xasprintf("[%c] %s", fld->choice ? 'x' : ' ', fld->choice ? _("yes") : _("no"));

	form_draw_value(g, y, s, focused ? ui_attr(g->ui, UI_COLOUR_SELECTED) : (int)A_NORMAL);
	free(s);
}

/* Draw field i from form row r0 on; *cy, *cx receive its cursor when it has one. */
static void
form_draw_field(struct form *f, const struct form_geom *g, size_t i, int r0, int *cy, int *cx)
{
	struct form_slot *sl = &f->slots[i];
	struct form_field *fld = sl->field;
	bool focused = i == f->focus;
	int y = form_screen_row(f, g, r0), rows = form_field_rows(fld) - (fld->error != NULL);

	if (y >= 0)
		form_draw_label(g, fld, y, focused);
	if (fld->kind == FORM_TEXT)
		form_draw_text(f, g, sl, r0, focused, cy, cx);
	else if (fld->kind == FORM_CHECKS)
		form_draw_checks(f, g, fld, r0, focused);
	else if (y < 0)
		;	/* scrolled out of sight */
	else if (fld->kind == FORM_CHOICE)
		form_draw_choice(g, fld, y, focused);
	else if (fld->kind == FORM_BOOL)
		form_draw_bool(g, fld, y, focused);
	else
		form_draw_line(g, sl, y, focused, cy, cx);
	if (fld->error != NULL && (y = form_screen_row(f, g, r0 + rows)) >= 0)
		widget_text(y, g->value_x, g->value_w, fld->error, ui_attr(g->ui, UI_COLOUR_ERROR));
}

void
form_draw(struct form *f, struct ui *ui, int top, int height)
{
	struct form_geom g;
	int r = 0, cy = -1, cx = 0, dim = ui_attr(ui, UI_COLOUR_DIM);
	size_t i;

	f->ui = ui;
	if (height <= 0)
		return;
	form_geometry(f, ui, top, height, &g);
	form_scroll(f, &g);
	for (i = 0; i < f->n; i++) {
		form_draw_field(f, &g, i, r, &cy, &cx);
		r += form_field_rows(f->slots[i].field);
	}
	if (f->top > 0)
		widget_text(top, COLS - 1, 1, "\xe2\x86\x91", dim);	/* ↑ */
	if (r > f->top + height)
		widget_text(top + height - 1, COLS - 1, 1, "\xe2\x86\x93", dim);	/* ↓ */
	if (cy >= 0) {
		curs_set(1);
		move(cy, cx);
	} else {
		curs_set(0);
	}
}

/* ---- keys ---- */

static bool
form_printable(int code)
{
	return code >= 0x20 && code != 0x7f && !(code >= 0x80 && code < 0xa0) && code <= 0x10ffff;
}

/* The cap of a text field in characters. */
static int
form_max_chars(const struct form_field *fld)
{
	if (fld->kind != FORM_LINE && fld->kind != FORM_TEXT)
		return FORM_SHORT_MAX;
	return fld->max_chars > 0 ? fld->max_chars : VALIDATE_TEXT_MAX;
}

/* Insert into a text field, saying so at the field when it would be too long. */
static void
form_edit_insert(struct form_field *fld, const char *s, unsigned long cp)
{
	int max = form_max_chars(fld), rc;

	lineedit_set_max(fld->edit, max);
	rc = s != NULL ? lineedit_insert(fld->edit, s) : lineedit_insert_char(fld->edit, cp);
	if (rc != 0)
		form_error(fld, _("too long: at most %d characters"), max);
	else
		form_error(fld, NULL);
}

void
form_insert(struct form *f, const char *text)
{
	struct form_field *fld;

	if (f->n == 0)
		return;
	fld = f->slots[f->focus].field;
	if (fld->edit != NULL)
		form_edit_insert(fld, text, 0);
}

/* The code of a curses key known by its terminfo name (e.g. "kLFT5"), or -1. */
static int
form_named_key(const char *name)
{
	const char *seq = tigetstr(name);
	int k;

	if (seq == NULL || seq == (const char *)-1)
		return -1;
	k = key_defined(seq);
	return k > 0 ? KEYS_FN(k) : -1;
}

/* Ctrl- or Alt-Left/Right move by word. */
static bool
form_key_word(struct lineedit *le, int code)
{
	static int keys[4] = { -2, -2, -2, -2 };

	if (keys[0] == -2) {
		keys[0] = form_named_key("kLFT5");
		keys[1] = form_named_key("kLFT3");
		keys[2] = form_named_key("kRIT5");
		keys[3] = form_named_key("kRIT3");
	}
	if (code == keys[0] || code == keys[1])
		lineedit_word_left(le);
	else if (code == keys[2] || code == keys[3])
		lineedit_word_right(le);
	else
		return false;
	return true;
}

/* Keys of the text fields: movement, deletion, undo and typing. */
static void
form_key_edit(struct form_field *fld, int code)
{
	struct lineedit *le = fld->edit;
	bool changed = false;

	if (form_key_word(le, code))
		return;
	switch (code) {
	case KEYS_FN(KEY_LEFT): lineedit_left(le); break;
	case KEYS_FN(KEY_RIGHT): lineedit_right(le); break;
	case KEYS_FN(KEY_HOME): case FORM_KEY_CTRL('a'): lineedit_home(le); break;
	case KEYS_FN(KEY_END): case FORM_KEY_CTRL('e'): lineedit_end(le); break;
	case KEYS_FN(KEY_BACKSPACE): case 0x7f: case FORM_KEY_CTRL('h'):
		changed = lineedit_backspace(le);
		break;
	case KEYS_FN(KEY_DC): changed = lineedit_delete(le); break;
	case FORM_KEY_CTRL('u'):	/* erase the line up to the cursor */
		while (lineedit_cursor_column(le) > 0 && lineedit_backspace(le))
			changed = true;
		break;
	case FORM_KEY_CTRL('z'): case FORM_KEY_UNDO_ALT: changed = lineedit_undo(le) == 0; break;
	default:
		if (form_printable(code))
			form_edit_insert(fld, NULL, (unsigned long)code);
		break;
	}
	if (changed)
		form_error(fld, NULL);
}

/* The next item after the chosen one whose label starts with letter code. */
static int
form_choice_letter(const struct form_field *fld, int code)
{
	int n = (int)fld->n_items, i, c;

	if (code >= 0x80)
		return fld->choice;
	for (i = 1; i <= n; i++) {
		c = (fld->choice + i) % n;
		if (tolower((unsigned char)fld->items[c].label[0]) == tolower(code))
			return c;
	}
	return fld->choice;
}

/* Left/Right, Space or a first letter choose another item. */
static void
form_key_choice(struct form_field *fld, int code)
{
	int n = (int)fld->n_items, c = fld->choice;

	if (n == 0)
		return;
	if (c < 0 || c >= n)
		c = fld->choice = 0;
	if (code == KEYS_FN(KEY_LEFT))
		c = (c + n - 1) % n;
	else if (code == KEYS_FN(KEY_RIGHT) || code == ' ')
		c = (c + 1) % n;
	else if (form_printable(code))
		c = form_choice_letter(fld, code);
	if (c != fld->choice) {
		fld->choice = c;
		form_error(fld, NULL);
	}
}

/* Space toggles a checklist item or a yes/no field; Left/Right too for yes/no. */
static void
form_key_toggle(struct form *f, struct form_field *fld, int code)
{
	bool arrow = code == KEYS_FN(KEY_LEFT) || code == KEYS_FN(KEY_RIGHT);

	if (fld->kind == FORM_CHECKS && code == ' ' && f->item < fld->n_items) {
		fld->items[f->item].on = !fld->items[f->item].on;
		form_error(fld, NULL);
	} else if (fld->kind == FORM_BOOL && (code == ' ' || arrow)) {
		fld->choice = !fld->choice;
		form_error(fld, NULL);
	}
}

/* Focus the next field; from the last, wrap to the first when wrap. */
static void
form_next(struct form *f, bool wrap)
{
	if (f->focus + 1 < f->n)
		f->focus++;
	else if (wrap)
		f->focus = 0;
	f->item = 0;
}

/* Focus the previous field; from below, a checklist is entered at its last item. */
static void
form_prev(struct form *f, bool wrap, bool from_below)
{
	struct form_field *fld;

	if (f->focus > 0)
		f->focus--;
	else if (wrap)
		f->focus = f->n - 1;
	fld = f->slots[f->focus].field;
	f->item = from_below && fld->kind == FORM_CHECKS && fld->n_items > 0 ?
	    fld->n_items - 1 : 0;
}

/* Tab, Shift-Tab, Up and Down: within a text or checklist first, else between fields. */
static bool
form_key_move(struct form *f, struct form_field *fld, int code)
{
	if (code == '\t') {
		form_next(f, true);
	} else if (code == KEYS_FN(KEY_BTAB)) {
		form_prev(f, true, false);
	} else if (code == KEYS_FN(KEY_DOWN)) {
		if (fld->kind == FORM_TEXT && lineedit_down(fld->edit))
			return true;
		if (fld->kind == FORM_CHECKS && f->item + 1 < fld->n_items)
			f->item++;
		else
			form_next(f, false);
	} else if (code == KEYS_FN(KEY_UP)) {
		if (fld->kind == FORM_TEXT && lineedit_up(fld->edit))
			return true;
		if (fld->kind == FORM_CHECKS && f->item > 0)
			f->item--;
		else
			form_prev(f, false, true);
	} else {
		return false;
	}
	return true;
}

/* Is a field's text empty but for spaces? */
static bool
form_blank(const struct form_field *fld)
{
	const char *s = form_text(fld);

	while (*s == ' ')
		s++;
	return *s == '\0';
}

/* The core/validate.h verdict on a field's text, or the required rule of a choice. */
static const char *
form_why(const struct form_field *fld)
{
	switch (fld->kind) {
	case FORM_LINE:
		return validate_line(form_text(fld), fld->required, form_max_chars(fld));
	case FORM_TEXT:
		return validate_text(form_text(fld), fld->required, form_max_chars(fld));
	case FORM_DATE:
	case FORM_TIME:
	case FORM_NUMBER:
		return validate_line(form_text(fld), fld->required, FORM_SHORT_MAX);
	case FORM_CHOICE:
		return fld->required && form_choice(fld) == NULL ? N_("this field is required") : NULL;
	case FORM_CHECKS:
	case FORM_BOOL:
		break;
	}
	return NULL;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
/* Set a validate.h message as the error: only "too long" has a %d, the maximum. */
static void
form_error_why(struct form_field *fld, const char *why)
{
	form_error(fld, _(why), form_max_chars(fld));
}
#pragma GCC diagnostic pop

static bool
form_any_on(const struct form_field *fld)
{
	size_t i;

	for (i = 0; i < fld->n_items; i++) {
		if (fld->items[i].on)
			return true;
	}
	return false;
}

/* A number that is filled in must be whole and, when a range is set, within it. */
static void
form_check_number(struct form_field *fld)
{
	bool ranged = fld->min != 0 || fld->max != 0;
	int v;

	if (form_number(fld, &v) == 0 && (!ranged || (v >= fld->min && v <= fld->max)))
		return;
	if (ranged)
		form_error(fld, _("enter a whole number from %d to %d"), fld->min, fld->max);
	else
		form_error(fld, "%s", _("not a whole number"));
}

/* Check one field by itself: required, length, and a date, time or number. */
static void
form_check(struct form_field *fld)
{
	const char *why = form_why(fld);
	struct date d;
	int minutes;

	form_error(fld, NULL);
	if (why != NULL)
		form_error_why(fld, why);
	else if (fld->kind == FORM_CHECKS && fld->required && !form_any_on(fld))
		form_error(fld, "%s", _("choose at least one"));
	else if (!form_kind_text(fld->kind) || form_blank(fld))
		return;
	else if (fld->kind == FORM_DATE && form_date(fld, &d) != 0)
		form_error(fld, "%s", _("not a date: use dd-mm-yyyy"));
	else if (fld->kind == FORM_TIME && form_time(fld, &minutes) != 0)
		form_error(fld, "%s", _("not a time: use hh:mm"));
	else if (fld->kind == FORM_NUMBER)
		form_check_number(fld);
}

/* Check every field; on an error focus the first one and keep editing. */
static enum form_result
form_submit(struct form *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		form_check(f->slots[i].field);
	return form_focus_error(f) ? FORM_CONTINUE : FORM_SUBMIT;
}

/* Enter: a new line in a FORM_TEXT; else the next field, or submit from the last. */
static enum form_result
form_enter(struct form *f, struct form_field *fld)
{
	if (fld->kind == FORM_TEXT)
		form_edit_insert(fld, "\n", 0);
	else if (f->focus + 1 == f->n)
		return form_submit(f);
	else
		form_next(f, false);
	return FORM_CONTINUE;
}

/* The full-screen editor has closed: the field takes its text when it was kept. */
static void
form_editor_done(struct ui *ui, const char *text, bool saved, void *arg)
{
	struct form_field *fld = arg;

	(void)ui;
	if (!saved)
		return;
	lineedit_set(fld->edit, text);
	form_error(fld, NULL);
}

/* C-x or F4 in a FORM_TEXT: edit it full-screen (scr_editor.c); the form stays below. */
static bool
form_key_editor(struct form *f, struct form_field *fld, int code)
{
	if (fld->kind != FORM_TEXT || f->ui == NULL ||
	    (code != FORM_KEY_CTRL('x') && code != KEYS_FN(KEY_F(4))))
		return false;
	scr_editor_push(f->ui, N_("Edit text"), fld->label, form_text(fld), form_max_chars(fld),
	    NULL, form_editor_done, fld, NULL);
	return true;
}

enum form_result
form_key(struct form *f, int code)
{
	struct form_field *fld;

	if (code == FORM_KEY_ESC)
		return FORM_CANCEL;
	if (code == KEYS_FN(KEY_F(2)) || code == FORM_KEY_CTRL('s'))
		return form_submit(f);
	if (f->n == 0)
		return FORM_CONTINUE;
	fld = f->slots[f->focus].field;
	if (form_key_editor(f, fld, code))
		return FORM_CONTINUE;
	if (form_key_move(f, fld, code))
		return FORM_CONTINUE;
	if (code == '\r' || code == '\n' || code == KEYS_FN(KEY_ENTER))
		return form_enter(f, fld);
	if (fld->kind == FORM_CHOICE)
		form_key_choice(fld, code);
	else if (fld->kind == FORM_CHECKS || fld->kind == FORM_BOOL)
		form_key_toggle(f, fld, code);
	else
		form_key_edit(fld, code);
	return FORM_CONTINUE;
}

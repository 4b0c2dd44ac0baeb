/*
 * form.h — the form widget: labelled fields that people type into.
 *
 * A form owns its fields and their values. Text is UTF-8 and edited with
 * core/lineedit.h (cursor by character, wide characters, paste, undo).
 * The form checks what it can know by itself on submit — required, length,
 * a valid date (dd-mm-jjjj or ISO), time (HH:MM) or whole number — and shows
 * each error at its field; the screen that owns the form checks the rest
 * (rules, the store) and sets field errors the same way. Nothing typed is
 * ever thrown away by a failed submit.
 */
#ifndef LEERNET_UI_FORM_H
#define LEERNET_UI_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "core/date.h"
#include "ui/ui_private.h"

enum form_kind {
	FORM_LINE,	/* one line of text */
	FORM_TEXT,	/* several lines (Enter inserts a newline; shown in 4 rows) */
	FORM_DATE,	/* a date */
	FORM_TIME,	/* a time of day */
	FORM_NUMBER,	/* a whole number within min..max */
	FORM_CHOICE,	/* one of items (Left/Right or Space cycle) */
	FORM_CHECKS,	/* any of items (a checklist; Space toggles) */
	FORM_BOOL	/* yes/no (Space toggles) */
};

struct form_item {
	char *key;	/* owned; the stored key */
	char *label;	/* owned; shown, already translated */
	bool on;	/* FORM_CHECKS: ticked */
};

struct form_field {
	enum form_kind kind;
	char *label;		/* owned, already translated */
	bool required;
	int max_chars;		/* LINE/TEXT; 0 = VALIDATE_TEXT_MAX */
	int min, max;		/* NUMBER */
	struct lineedit *edit;	/* LINE/TEXT/DATE/TIME/NUMBER */
	struct form_item *items;	/* CHOICE/CHECKS */
	size_t n_items;
	int choice;		/* CHOICE: index into items; BOOL: 0/1 */
	char *error;		/* owned; shown under the field, NULL = none */
};

enum form_result {
	FORM_CONTINUE,		/* keep editing */
	FORM_SUBMIT,		/* the user asked to save and the form's own checks passed */
	FORM_CANCEL		/* the user asked to leave */
};

struct form;

struct form *form_new(void);
void form_free(struct form *f);

/* Add a field; label is copied. Returns the field, owned by the form. */
struct form_field *form_add(struct form *f, enum form_kind kind, const char *label,
    bool required);
/* Set a text field's value (copied); NULL = empty. */
void form_set_text(struct form_field *fld, const char *text);
/* The current text of a field (owned by the field; valid until the next edit). */
const char *form_text(const struct form_field *fld);
/* Add an item to a CHOICE or CHECKS field (key and label copied). */
void form_add_item(struct form_field *fld, const char *key, const char *label, bool on);
/* The chosen key of a CHOICE field, or NULL. */
const char *form_choice(const struct form_field *fld);
/* Parsed values of DATE / TIME / NUMBER fields after a FORM_SUBMIT; 0 or -1 if empty. */
int form_date(const struct form_field *fld, struct date *out);
int form_time(const struct form_field *fld, int *minutes);
int form_number(const struct form_field *fld, int *out);
/* Set (copy) or clear (NULL) a field's error; printf-style. */
void form_error(struct form_field *fld, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Move the cursor to a field (e.g. the first with an error). */
void form_focus(struct form *f, struct form_field *fld);
/* True when any field has an error. */
bool form_has_errors(const struct form *f);
/* Focus the first field that has an error; false when none has. */
bool form_focus_error(struct form *f);
/*
 * Insert UTF-8 text into the focused text field as if typed (cleaned as in
 * core/lineedit.h; refused whole, with a "too long" error, past the cap).
 * For a newline or tab that arrives inside a paste. Other fields ignore it.
 */
void form_insert(struct form *f, const char *text);

/* Draw into rows top .. top+height-1 of stdscr, scrolling to the focused field. */
void form_draw(struct form *f, struct ui *ui, int top, int height);

/*
 * Handle one raw key code (a character, or KEYS_FN(curses key)). Tab/Down
 * and Shift-Tab/Up move between fields (Up/Down move lines inside a FORM_TEXT),
 * Enter moves on (and on the last field submits), F2 or C-s submits, Esc
 * cancels, C-z undoes the last change of the focused text field.
 * In text fields also: Left/Right, Home/End (C-a/C-e), Ctrl- or Alt-Left/Right
 * by word, Backspace, Delete, C-u (erase to the start of the line), and C-_ as a
 * second undo key (under cbreak()
 * the terminal keeps C-z for suspend and C-s for flow control).
 */
enum form_result form_key(struct form *f, int code);

/* The hint bar text of a form: "Tab next  F2 save  Esc cancel", translated. */
const char *form_hints(void);

#endif

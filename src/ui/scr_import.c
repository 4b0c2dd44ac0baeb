/*
 * scr_import.c — the People screen's I: people from a CSV file, checked
 * before anything is written (coordinators).
 *
 * A form asks for the file and whether bad rows are skipped. F2 reads the
 * file (a regular file of at most 64 MiB; cli/people_import_file.h, shared
 * with "leernet people import") and runs the import as a dry run. The check
 * screen then shows what the import would do (added, updated, unchanged,
 * organisations added), the notes on the file and its bad rows with their
 * lines (the first IMPORT_BAD_SHOWN). F2 or Enter imports for real and goes
 * back to the People list; Esc goes back to the form, with nothing written
 * and the form as typed. A bad row stops everything unless "Skip bad rows"
 * is ticked. Over a restricted SSH login no file a user names is read: the
 * key explains that instead.
 * Widgets: form; text view, hint bar. Actions: list movement, open (Enter).
 * Store: store_people_import (dry run, then for real; one transaction each).
 */
#include "autoconf.h"

#include <curses.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/people_import_file.h"
#include "core/access.h"
#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ui/widgets.h"

#define IMPORT_BAD_SHOWN 200	/* bad rows listed; the rest are counted */

/* The form's title; the check screen knows the form below it by this pointer. */
static const char *const import_title = N_("Import people");

/* The form's fields (owned by the form). */
struct import_form {
	struct form_field *path_f, *skip_f;
};

/* What the check screen shows: the file as checked and the dry run's totals. */
struct import_check {
	char *path;
	bool skip_bad;
	struct import_parsed parsed;
	struct import_totals totals;	/* of the dry run */
	char *problem;			/* why nothing can be imported, or NULL */
	int top, total, height;		/* the text view's scroll */
};

static void
import_check_data_free(struct import_check *c)
{
	if (c == NULL)
		return;
	free(c->path);
	people_import_free(&c->parsed);
	free(c->problem);
	free(c);
}

/* Only a regular file is read (a pipe could keep the screen waiting): 0, or -1 with *error. */
static int
import_regular(const char *path, char **error)
{
	struct stat sb;

	if (stat(path, &sb) != 0) {
		*error = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		*error = xasprintf(_("cannot read %s: %s"), path, _("it is not a regular file"));
		return -1;
	}
	return 0;
}

/* The import as a dry run, unless bad rows or an empty file stop it (c->problem). */
static void
import_dry_run(struct ui *ui, struct import_check *c)
{
	struct import_person_in *in;
	char *error = NULL;

	if (c->parsed.n_bad > 0 && !c->skip_bad) {
		c->problem = xasprintf(P_("%zu row is bad, so nothing can be imported. Tick "
		    "\"Skip bad rows\" in the form to import the good rows.",
		    "%zu rows are bad, so nothing can be imported. Tick "
		    "\"Skip bad rows\" in the form to import the good rows.", c->parsed.n_bad),
		    c->parsed.n_bad);
		return;
	}
	if (c->parsed.n_rows == 0) {
		c->problem = xstrdup(_("The file holds nobody to import."));
		return;
	}
	in = people_import_file_rows(&c->parsed);
	if (store_people_import(ui->app->st, ui->app->who, in, c->parsed.n_rows, true,
	    &c->totals, &error) != 0) {
		c->problem = xasprintf(_("Nothing can be imported: %s"),
		    error != NULL ? error : _("the database failed"));
		free(error);
	}
	free(in);
}

/* ---- the check screen ---- */

/* What the import would do, or why it cannot, and the key that goes on. */
static void
import_build_summary(struct ui *ui, const struct import_check *c, struct widget_lines *l)
{
	char *totals, *text;

	if (c->problem != NULL) {
		widget_lines_wrap(l, 1, ui_attr(ui, UI_COLOUR_ERROR), c->problem);
		widget_lines_wrap(l, 1, A_NORMAL,
		    _("Esc goes back to the form; nothing was written."));
		return;
	}
	totals = people_import_file_totals(&c->totals);
	text = xasprintf(_("Checked, nothing written yet: %s."), totals);
	widget_lines_wrap(l, 1, A_NORMAL, text);
	free(text);
	free(totals);
	if (c->parsed.n_bad > 0)
		widget_lines_add(l, 1, A_NORMAL, P_("%zu bad row will be skipped.",
		    "%zu bad rows will be skipped.", c->parsed.n_bad), c->parsed.n_bad);
	widget_lines_wrap(l, 1, A_BOLD, _("Press F2 or Enter to import; Esc goes back to the "
	    "form without writing anything."));
}

/* The notes on the file and the first IMPORT_BAD_SHOWN bad rows, "line N: reason". */
static void
import_build_rows(const struct import_check *c, struct widget_lines *l)
{
	size_t i, shown = c->parsed.n_bad < IMPORT_BAD_SHOWN ? c->parsed.n_bad :
	    IMPORT_BAD_SHOWN;
	char *text;

	if (c->parsed.n_notes > 0) {
		widget_lines_add(l, 0, A_NORMAL, "%s", "");
		widget_lines_add(l, 1, A_BOLD, "%s", _("Notes"));
	}
	for (i = 0; i < c->parsed.n_notes; i++) {
		text = people_import_note_text(&c->parsed.notes[i]);
		widget_lines_wrap(l, 2, A_NORMAL, text);
		free(text);
	}
	if (c->parsed.n_bad > 0) {
		widget_lines_add(l, 0, A_NORMAL, "%s", "");
		widget_lines_add(l, 1, A_BOLD, P_("Bad row (%zu)", "Bad rows (%zu)",
		    c->parsed.n_bad), c->parsed.n_bad);
	}
	for (i = 0; i < shown; i++) {
		text = people_import_bad_text(&c->parsed.bad[i]);
		widget_lines_add(l, 2, A_NORMAL, _("line %ld: %s"), c->parsed.bad[i].line, text);
		free(text);
	}
	if (c->parsed.n_bad > shown)
		widget_lines_add(l, 2, A_NORMAL, P_("… and %zu more", "… and %zu more",
		    c->parsed.n_bad - shown), c->parsed.n_bad - shown);
}

static void
import_check_draw(struct ui *ui, struct screen *s, int top, int height)
{
	struct import_check *c = s->data;
	struct widget_lines l;

	memset(&l, 0, sizeof l);
	l.width = COLS - 2;
	widget_lines_add(&l, 1, A_BOLD, _("File: %s"), c->path);
	widget_lines_add(&l, 0, A_NORMAL, "%s", "");
	import_build_summary(ui, c, &l);
	import_build_rows(c, &l);
	c->total = l.n;
	c->height = height;
	widget_lines_draw(&l, &c->top, top, height);
	widget_lines_clear(&l);
}

/* After the import: off the check screen and the form below it, back to the list. */
static void
import_close(struct ui *ui)
{
	screen_pop(ui);
	if (screen_top(ui)->title == import_title)
		screen_pop(ui);
}

/* F2 or Enter: import for real, or say why not. */
static void
import_run(struct ui *ui, struct import_check *c)
{
	struct import_person_in *in;
	struct import_totals t;
	char *error = NULL, *totals, *skipped;
	int ret;

	if (c->problem != NULL) {
		ui_message(ui, true, "%s",
		    _("Nothing can be imported; Esc goes back to the form."));
		return;
	}
	in = people_import_file_rows(&c->parsed);
	ret = store_people_import(ui->app->st, ui->app->who, in, c->parsed.n_rows, false, &t,
	    &error);
	free(in);
	if (ret != 0) {
		ui_message(ui, true, _("Nothing was imported: %s"),
		    error != NULL ? error : _("the database failed"));
		free(error);
		return;
	}
	totals = people_import_file_totals(&t);
	skipped = c->parsed.n_bad == 0 ? xstrdup("") : xasprintf(P_("; %zu bad row skipped",
	    "; %zu bad rows skipped", c->parsed.n_bad), c->parsed.n_bad);
	import_close(ui);	/* frees c */
	ui_message(ui, false, _("Imported: %s%s."), totals, skipped);
	free(totals);
	free(skipped);
}

static bool
import_check_on_key(struct ui *ui, struct screen *s, int code)
{
	if (code != KEYS_FN(KEY_F(2)))
		return false;
	import_run(ui, s->data);
	return true;
}

static bool
import_check_on_action(struct ui *ui, struct screen *s, enum ui_action a)
{
	struct import_check *c = s->data;

	if (a == UI_ACTION_OPEN) {
		import_run(ui, c);
		return true;
	}
	return widget_lines_scroll(&c->top, c->total, c->height, a);
}

static const char *
import_check_hint_text(struct ui *ui, struct screen *s)
{
	const struct import_check *c = s->data;

	(void)ui;
	return c->problem != NULL ? _("Esc back to the form  Up/Down scroll") :
	    _("F2 or Enter import  Esc back (nothing is written)  Up/Down scroll");
}

static void
import_check_free(struct screen *s)
{
	import_check_data_free(s->data);
}

static const struct screen_ops import_check_ops = {
	.name = N_("Import people: check"),
	.draw = import_check_draw,
	.on_key = import_check_on_key,
	.on_action = import_check_on_action,
	.hint_text = import_check_hint_text,
	.free = import_check_free,
};

/* ---- the form ---- */

/*
 * F2 in the form: read and check the file, dry-run the import and show the
 * check screen above the form, which stays (returning non-zero) so that Esc
 * comes back to it as typed. An unreadable file is an error at its field.
 */
static int
import_submit(struct ui *ui, struct form *f, void *arg)
{
	struct import_form *x = arg;
	struct import_check *c = xcalloc(1, sizeof *c);
	char *error = NULL;

	(void)f;
	c->path = widget_path(form_text(x->path_f));
	c->skip_bad = x->skip_f->choice != 0;
	if (import_regular(c->path, &error) != 0 ||
	    people_import_file_read(ui->app, c->path, PEOPLE_IMPORT_FILE_MAX, &c->parsed,
	    &error) != PEOPLE_IMPORT_FILE_OK) {
		form_error(x->path_f, "%s", error != NULL ? error : "?");
		free(error);
		import_check_data_free(c);
		return -1;
	}
	form_error(x->path_f, NULL);
	import_dry_run(ui, c);
	screen_push(ui, &import_check_ops, c);	/* frees c when it cannot */
	return -1;
}

void
scr_import_push(struct ui *ui)
{
	struct import_form *x;
	struct form *f;
	int depth = ui->depth;

	if (!access_allows(ui->app->who, ACCESS_PEOPLE_IMPORT, NULL)) {
		ui_message(ui, true, "%s", _(access_reason(ACCESS_PEOPLE_IMPORT)));
		return;
	}
	if (store_read_only(ui->app->st)) {
		ui_message(ui, true, "%s", _("The database is open read-only; nothing can be "
		    "changed."));
		return;
	}
	if (ui->app->opt.restricted) {
		ui_message(ui, true, "%s", _("Over this SSH login no files are read; ask a "
		    "coordinator to import on the command line."));
		return;
	}
	x = xcalloc(1, sizeof *x);
	f = form_new();
	x->path_f = form_add(f, FORM_LINE, _("CSV file"), true);
	x->skip_f = form_add(f, FORM_BOOL, _("Skip bad rows"), false);
	scr_form_push(ui, import_title, f, import_submit, x, free);
	if (ui->depth > depth)
		ui_message(ui, false, "%s", _("The header row names the columns; F2 checks "
		    "the file before anything is written."));
}

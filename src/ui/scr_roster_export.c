/*
 * scr_roster_export.c — the group page's E: write the roster shown (on its
 * date) to a file as text, CSV, vCard or an address list.
 *
 * The file is new and private (0600); an existing file is never
 * overwritten. Over a restricted SSH login nothing is written to the
 * service account's files: the key explains that instead.
 * Store: store_roster_export (members and leads of the group, coordinators).
 */
#include "autoconf.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/roster_list.h"
#include "core/i18n.h"
#include "core/xmalloc.h"
#include "ui/form.h"
#include "ui/screen.h"
#include "ui/ui_private.h"
#include "ui/widgets.h"

struct roster_export {
	int64_t group_id;
	char *group_name;
	struct date on;
	struct form_field *format_f, *path_f;
};

static const char *const roster_export_ext[] = {
	[ROSTER_FORMAT_TEXT] = "txt", [ROSTER_FORMAT_CSV] = "csv",
	[ROSTER_FORMAT_VCARD] = "vcf", [ROSTER_FORMAT_EMAILS] = "txt",
};

static void
roster_export_free(void *arg)
{
	struct roster_export *x = arg;

	free(x->group_name);
	free(x);
}

/* "$HOME/roster-NAME-DATE.EXT", NAME cut to plain lower-case letters and digits. */
static char *
roster_export_default(const struct roster_export *x, enum roster_format format)
{
	const char *home = getenv("HOME"), *s;
	char slug[41], iso[DATE_ISO_LEN];
	size_t n = 0;

	for (s = x->group_name; *s != '\0' && n < sizeof slug - 1; s++) {
		if (isalnum((unsigned char)*s) && (unsigned char)*s < 0x80)
			slug[n++] = (char)tolower((unsigned char)*s);
		else if (n > 0 && slug[n - 1] != '-')
			slug[n++] = '-';
	}
	while (n > 0 && slug[n - 1] == '-')
		n--;
	slug[n] = '\0';
	return xasprintf("%s%sroster-%s-%s.%s", home != NULL && *home != '\0' ? home : ".",
	    "/", slug, date_format_iso(&x->on, iso), roster_export_ext[format]);
}

static int
roster_export_submit(struct ui *ui, struct form *f, void *arg)
{
	struct roster_export *x = arg;
	enum roster_format format = ROSTER_FORMAT_CSV;
	struct roster_list l;
	char *path, *error = NULL, *title, day[DATE_ISO_LEN];
	int ret;

	(void)f;
	roster_format_parse(form_choice(x->format_f), &format);
	path = form_text(x->path_f)[0] != '\0' ? widget_path(form_text(x->path_f)) :
	    roster_export_default(x, format);
	if ((ret = roster_list_fetch(ui->app, x->group_id, &x->on, &l, &error)) != 0) {
		ui_message(ui, true, "%s", error != NULL ? error : "?");
		free(error);
		free(path);
		return 0;
	}
	title = xasprintf(_("%s — roster on %s"), x->group_name, date_format_nl(&x->on, day));
	ret = roster_list_write_file(&l, format, title, path, &error);
	if (ret != 0) {
		form_error(x->path_f, "%s", error != NULL ? error : "?");
		free(error);
	} else {
		ui_message(ui, false, P_("%zu person written to %s.", "%zu people written to %s.",
		    l.n), l.n, path);
	}
	free(title);
	free(path);
	roster_list_free(&l);
	return ret != 0 ? -1 : 0;
}

void
scr_roster_export_push(struct ui *ui, int64_t group_id, const char *group_name,
    const struct date *on)
{
	static const char *const formats[][2] = {
		{ "csv", N_("CSV (spreadsheet)") }, { "vcard", N_("vCard (address book)") },
		{ "emails", N_("addresses for BCC") }, { "text", N_("text for printing") },
	};
	struct roster_export *x;
	struct form *f;
	size_t i;

	if (ui->app->opt.restricted) {
		ui_message(ui, true, "%s", _("Over this SSH login nothing is written to files; "
		    "ask a coordinator for the roster."));
		return;
	}
	x = xcalloc(1, sizeof *x);
	x->group_id = group_id;
	x->group_name = xstrdup(group_name);
	x->on = *on;
	f = form_new();
	x->format_f = form_add(f, FORM_CHOICE, _("Format"), true);
	for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
		form_add_item(x->format_f, formats[i][0], _(formats[i][1]), false);
	x->path_f = form_add(f, FORM_LINE, _("File (empty: ~/roster-GROUP-DATE)"), false);
	scr_form_push(ui, N_("Export the roster"), f, roster_export_submit, x, roster_export_free);
}

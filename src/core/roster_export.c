/* roster_export.c — rosters as text, CSV, vCard 4.0 and address lists. */
#include "autoconf.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/csv.h"
#include "core/i18n.h"
#include "core/roster_export.h"
#include "core/text.h"
#include "core/vcard.h"

bool
roster_format_parse(const char *name, enum roster_format *out)
{
	static const char *const names[] = {
		[ROSTER_FORMAT_TEXT] = "text", [ROSTER_FORMAT_CSV] = "csv",
		[ROSTER_FORMAT_VCARD] = "vcard", [ROSTER_FORMAT_EMAILS] = "emails",
	};
	size_t i;

	for (i = 0; name != NULL && i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(name, names[i]) == 0) {
			*out = (enum roster_format)i;
			return true;
		}
	}
	return false;
}

/* One line of the text form. */
static void
roster_text_line(FILE *out, const struct roster_entry *e)
{
	char name[256], role[96], org[256];

	text_fit(e->name, 30, 1, name, sizeof name);
	text_fit(e->role_label != NULL ? e->role_label : e->role, 12, 1, role, sizeof role);
	text_fit(e->organisation != NULL ? e->organisation : "", 30, 1, org, sizeof org);
	fprintf(out, "%s  %s  %s  %s\n", name, role, org,
	    e->since != NULL ? e->since : e->start_on);
}

/* Text: a title, the members (name, role, organisation, since), then the
 * followers apart: they follow the news and do not count as members. */
static void
roster_text(FILE *out, const char *title, const struct roster_entry *e, size_t n)
{
	size_t i, members = 0;

	if (title != NULL)
		fprintf(out, "%s\n\n", title);
	for (i = 0; i < n; i++) {
		if (strcmp(e[i].role, "follower") != 0) {
			roster_text_line(out, &e[i]);
			members++;
		}
	}
	if (members < n)
		fprintf(out, "\n%s\n", _("Followers (not counted as members):"));
	for (i = 0; i < n; i++) {
		if (strcmp(e[i].role, "follower") == 0)
			roster_text_line(out, &e[i]);
	}
	fprintf(out, "\n");
	fprintf(out, P_("%zu member", "%zu members", members), members);
	if (members < n)
		fprintf(out, P_(", %zu follower", ", %zu followers", n - members), n - members);
	fprintf(out, "\n");
}

/* CSV: the raw keys and ISO dates, for programs. */
static void
roster_csv(FILE *out, const struct roster_entry *e, size_t n)
{
	static const char *const header[] = {
		"name", "email", "organisation", "function", "role", "start_on", "end_on"
	};
	struct csv *c = csv_new(out, ',');
	size_t i;

	csv_row(c, header, sizeof header / sizeof header[0]);
	for (i = 0; i < n; i++) {
		const char *row[] = { e[i].name, e[i].email, e[i].organisation, e[i].function,
			e[i].role, e[i].start_on, e[i].end_on };

		csv_row(c, row, sizeof row / sizeof row[0]);
	}
	csv_free(c);
}

static void
roster_vcard(FILE *out, const struct roster_entry *e, size_t n)
{
	char *buf = NULL;
	size_t len = 0, i;

	for (i = 0; i < n; i++) {
		struct vcard_person p = { e[i].name, e[i].email, e[i].organisation,
			e[i].function_label != NULL ? e[i].function_label : e[i].function,
			e[i].role_label != NULL ? e[i].role_label : e[i].role, e[i].uid };

		vcard_append(&buf, &len, &p);
	}
	if (len > 0)
		fwrite(buf, 1, len, out);
	free(buf);
}

/* Has an earlier entry the same address (ignoring case)? */
static bool
roster_seen(const struct roster_entry *e, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++) {
		if (e[j].email != NULL && strcasecmp(e[j].email, e[i].email) == 0)
			return true;
	}
	return false;
}

static void
roster_emails(FILE *out, const struct roster_entry *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (e[i].email != NULL && *e[i].email != '\0' && !roster_seen(e, i))
			fprintf(out, "%s\n", e[i].email);
	}
}

int
roster_write(FILE *out, enum roster_format format, const char *title,
    const struct roster_entry *e, size_t n)
{
	switch (format) {
	case ROSTER_FORMAT_CSV: roster_csv(out, e, n); break;
	case ROSTER_FORMAT_VCARD: roster_vcard(out, e, n); break;
	case ROSTER_FORMAT_EMAILS: roster_emails(out, e, n); break;
	default: roster_text(out, title, e, n); break;
	}
	return ferror(out) ? -1 : 0;
}

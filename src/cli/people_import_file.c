/*
 * people_import_file.c — a CSV file of people into memory and through the
 * checks of core/people_import.c, for the command and the People screen.
 *
 * The whole file is read first (the parser wants it in one piece); a limit
 * stops a file that is too large before it fills the memory: a regular
 * file by its size, anything else (standard input, a pipe) after the limit
 * plus one byte.
 */
#include "autoconf.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/people_import_file.h"
#include "core/i18n.h"
#include "core/xmalloc.h"

/*
 * Read f into *data (owned, also after an error) and *len, reading at most
 * limit bytes. 0 at the end of the file, 1 when limit bytes came and there
 * may be more, -1 with errno set on a read error.
 */
static int
people_import_file_slurp(FILE *f, size_t limit, char **data, size_t *len)
{
	size_t cap = limit < (1 << 16) ? limit : (1 << 16), n;

	*data = xmalloc(cap > 0 ? cap : 1);
	*len = 0;
	for (;;) {
		if (*len >= limit)
			return 1;
		if (*len == cap) {
			cap = cap > limit / 2 ? limit : cap * 2;
			*data = xrealloc(*data, cap);
		}
		n = fread(*data + *len, 1, cap - *len, f);
		*len += n;
		if (n == 0)
			break;
	}
	return ferror(f) ? -1 : 0;
}

/* "cannot read FILE: it is larger than N MiB" into *error. */
static int
people_import_file_too_large(const char *path, size_t max, char **error)
{
	char *why = xasprintf(_("it is larger than %zu MiB"), (max + (1 << 20) - 1) >> 20);

	*error = xasprintf(_("cannot read %s: %s"), path, why);
	free(why);
	return PEOPLE_IMPORT_FILE_UNREADABLE;
}

/* The whole of path into *data and *len, or a people_import_file_result with *error. */
static int
people_import_file_load(const char *path, size_t max, char **data, size_t *len, char **error)
{
	bool in = strcmp(path, "-") == 0;
	FILE *f = in ? stdin : fopen(path, "rb");
	struct stat sb;
	int ret, saved;

	*data = NULL;
	*len = 0;
	if (f == NULL) {
		*error = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
		return PEOPLE_IMPORT_FILE_UNREADABLE;
	}
	if (max > 0 && fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (uintmax_t)sb.st_size > (uintmax_t)max) {
		if (!in)
			fclose(f);
		return people_import_file_too_large(path, max, error);
	}
	errno = 0;
	ret = people_import_file_slurp(f, max > 0 ? max + 1 : SIZE_MAX, data, len);
	saved = errno;
	if (!in)
		fclose(f);
	if (ret > 0)
		return people_import_file_too_large(path, max, error);
	if (ret < 0) {
		*error = xasprintf(_("cannot read %s: %s"), path,
		    strerror(saved != 0 ? saved : EIO));
		return PEOPLE_IMPORT_FILE_UNREADABLE;
	}
	return PEOPLE_IMPORT_FILE_OK;
}

/* Check data with the configuration's functions (keys and labels). */
static int
people_import_file_parse(const struct app *app, const char *path, const char *data,
    size_t len, struct import_parsed *out, char **error)
{
	const struct config_items *items = &app->cfg->functions;
	const char **keys = xreallocarray(NULL, items->n + 1, sizeof *keys);
	const char **labels = xreallocarray(NULL, items->n + 1, sizeof *labels);
	struct import_functions fn = { keys, labels, items->n };
	char *fatal = NULL;
	size_t i;
	int ret;

	for (i = 0; i < items->n; i++) {
		keys[i] = items->v[i].key;
		labels[i] = items->v[i].label;
	}
	ret = people_import_parse(data, len, &fn, out, &fatal);
	free(keys);
	free(labels);
	if (ret != 0) {
		*error = xasprintf("%s: %s", path, fatal != NULL ? fatal : "?");
		free(fatal);
		return PEOPLE_IMPORT_FILE_UNUSABLE;
	}
	return PEOPLE_IMPORT_FILE_OK;
}

int
people_import_file_read(const struct app *app, const char *path, size_t max,
    struct import_parsed *out, char **error)
{
	char *data;
	size_t len;
	int ret;

	*error = NULL;
	ret = people_import_file_load(path, max, &data, &len, error);
	if (ret == PEOPLE_IMPORT_FILE_OK)
		ret = people_import_file_parse(app, path, data, len, out, error);
	free(data);
	return ret;
}

struct import_person_in *
people_import_file_rows(const struct import_parsed *parsed)
{
	struct import_person_in *in = xreallocarray(NULL, parsed->n_rows + 1, sizeof *in);
	size_t i;

	for (i = 0; i < parsed->n_rows; i++) {
		const struct import_row *r = &parsed->rows[i];

		in[i] = (struct import_person_in){ .name = r->name, .email = r->email,
		    .organisation = r->organisation, .function = r->function, .login = r->login,
		    .line = r->line };
	}
	return in;
}

char *
people_import_file_totals(const struct import_totals *t)
{
	char *added = xasprintf(P_("%ld added", "%ld added", t->added), t->added);
	char *updated = xasprintf(P_("%ld updated", "%ld updated", t->updated), t->updated);
	char *unchanged = xasprintf(P_("%ld unchanged", "%ld unchanged", t->unchanged),
	    t->unchanged);
	char *orgs = xasprintf(P_("%ld organisation added", "%ld organisations added",
	    t->organisations_added), t->organisations_added);
	char *all = xasprintf("%s, %s, %s, %s", added, updated, unchanged, orgs);

	free(added);
	free(updated);
	free(unchanged);
	free(orgs);
	return all;
}

/*
 * people_import_file.h — a CSV file of people read into memory and checked
 * (core/people_import.h) with the functions of the configuration: what
 * "leernet people import" and the People screen's import (I) share.
 */
#ifndef LEERNET_CLI_PEOPLE_IMPORT_FILE_H
#define LEERNET_CLI_PEOPLE_IMPORT_FILE_H

#include <stddef.h>

#include "cli/app.h"
#include "core/people_import.h"

/* The largest file the People screen reads (64 MiB). */
#define PEOPLE_IMPORT_FILE_MAX ((size_t)64 << 20)

enum people_import_file_result {
	PEOPLE_IMPORT_FILE_OK = 0,
	PEOPLE_IMPORT_FILE_UNREADABLE = -1,	/* cannot be read, or is too large */
	PEOPLE_IMPORT_FILE_UNUSABLE = -2	/* not a list of people at all */
};

/*
 * Read path ("-" is standard input), at most max bytes (0: no limit), and
 * parse it with the functions of app's configuration into *out, which the
 * caller releases with people_import_free also after an error. Bad rows are
 * no error: they are in out->bad. Returns PEOPLE_IMPORT_FILE_OK, or a
 * negative people_import_file_result with *error an owned, translated
 * message naming the file ("cannot read FILE: reason", "FILE: reason").
 */
int people_import_file_read(const struct app *app, const char *path, size_t max,
    struct import_parsed *out, char **error);

/*
 * The good rows of parsed as store_people_import takes them: an owned array
 * of parsed->n_rows (at least one) entries whose strings are borrowed from
 * parsed.
 */
struct import_person_in *people_import_file_rows(const struct import_parsed *parsed);

/* "N added, M updated, K unchanged, J organisations added", translated; owned. */
char *people_import_file_totals(const struct import_totals *t);

#endif

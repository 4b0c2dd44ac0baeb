/*
 * people_import.h — a CSV file of people, checked row by row before anything
 * reaches the store ("leernet people import", the People screen).
 *
 * The first record is a header mapped by name: case and the characters
 * ' ', '-' and '_' do not matter, Dutch or English ("Naam", "E-mailadres",
 * "first_name", ...). A name column, or else first name and last name
 * columns (with an optional prefix, "tussenvoegsel"), is required; email,
 * organisation, function and login are optional; other columns are ignored
 * and reported once as a note. Separator, BOM, quotes and line ends are
 * those of the CSV reader (csv.h). Values are trimmed; an empty value is
 * absent (NULL). Records whose fields are all empty are skipped.
 *
 * A row is bad when its name is missing or not one line of at most
 * VALIDATE_TITLE_MAX characters, its email is not valid, an earlier good row
 * has the same email (ignoring ASCII case), its number of fields differs
 * from the header's, another value is not valid text, or the record is
 * malformed CSV. The good rows keep the file's order. Emails come out
 * normalised (email_normalise); a function that matches the key or label of
 * a known function (ignoring ASCII case) comes out as its key, other text
 * as typed. Linear in the size of the input, apart from one sort of the
 * emails.
 */
#ifndef LEERNET_CORE_PEOPLE_IMPORT_H
#define LEERNET_CORE_PEOPLE_IMPORT_H

#include <stddef.h>

/* The known functions: keys[i] is labelled labels[i] (both borrowed). */
struct import_functions {
	const char *const *keys;
	const char *const *labels;
	size_t n;
};

/* One good row; strings owned by the struct import_parsed, NULL when absent. */
struct import_row {
	char *name;		/* never NULL */
	char *email;
	char *organisation;
	char *function;
	char *login;
	long line;		/* the line where the record starts (1-based) */
};

/*
 * One bad row. column and reason are static English for _(): reason is a
 * printf format with no conversion or one %d, which is arg.
 * people_import_bad_text puts it together.
 */
struct import_bad {
	long line;		/* the line where the record starts */
	const char *column;	/* "name", "email", ... or NULL */
	const char *reason;
	int arg;
};

/* A remark on the file as a whole: reason is static English for _() with one %s, arg. */
struct import_note {
	const char *reason;
	char *arg;		/* owned: a column name as typed */
};

/* What people_import_parse found; owns all it points to. */
struct import_parsed {
	struct import_row *rows;
	size_t n_rows;
	struct import_bad *bad;	/* in line order */
	size_t n_bad;
	struct import_note *notes;
	size_t n_notes;
	char sep;		/* the separator that was used */
};

/*
 * Parse len bytes at data (NULL accepted when len is 0) into *out, which the
 * caller releases with people_import_free also after an error. fn may be
 * NULL (no known functions). Returns 0, or -1 when the file cannot be read
 * as a list of people at all (empty, a malformed or unusable header), with
 * *fatal an owned, translated message.
 */
int people_import_parse(const char *data, size_t len, const struct import_functions *fn,
    struct import_parsed *out, char **fatal);

/* Release what out holds and zero it; NULL accepted. */
void people_import_free(struct import_parsed *out);

/* The translated "column: reason" of a bad row (without its line). Owned by the caller. */
char *people_import_bad_text(const struct import_bad *b);
/* The translated text of a note. Owned by the caller. */
char *people_import_note_text(const struct import_note *n);

#endif

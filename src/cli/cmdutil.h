/*
 * cmdutil.h — what the commands share: their options, output formats,
 * naming a theme, group or person, and exit statuses for store results.
 *
 * Exit statuses (app.h): 64 when the command line is wrong (unknown option,
 * missing value, a value outside its list); 65 when the data is refused (an
 * unknown or ambiguous THEME/GROUP, an unknown person, a date that does not
 * exist, a rule, access); 74 when the database fails. Every function here
 * that returns a status has already printed why.
 */
#ifndef LEERNET_CLI_CMDUTIL_H
#define LEERNET_CLI_CMDUTIL_H

#include <stdint.h>

#include "cli/app.h"
#include "core/date.h"

enum cmdutil_format {
	CMDUTIL_TEXT,
	CMDUTIL_CSV
};

/* Start parsing a command's options with getopt_long: resets glibc's getopt. */
void cmdutil_getopt_reset(void);

/* A usage error of command: the message, then its usage line. APP_EX_USAGE. */
int cmdutil_usage(const char *command, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Report what getopt_long returned for a bad option (c is '?' or ':'). */
int cmdutil_bad_option(const char *command, int c, char **argv);

/* --format text|csv into *out; APP_EX_OK or APP_EX_USAGE. */
int cmdutil_format(const char *command, const char *arg, enum cmdutil_format *out);
/* Is key a group type of the config / an orientation? APP_EX_OK or APP_EX_USAGE. */
int cmdutil_group_type(struct app *app, const char *command, const char *key);
int cmdutil_orientation(struct app *app, const char *command, const char *key);

/* A typed date (dd-mm-jjjj or ISO) of option; APP_EX_OK or APP_EX_DATAERR. */
int cmdutil_date(const char *option, const char *text, struct date *out);
/* A stored date "YYYY-MM-DD…" shown as the config says (nl or iso), into buf. */
const char *cmdutil_show_date(const struct app *app, const char *iso, char *buf, size_t size);

/*
 * Resolve THEME or GROUP as typed. APP_EX_OK with *id (and an owned *name
 * when name is not NULL); APP_EX_DATAERR after listing the close matches,
 * one per line; APP_EX_IOERR.
 */
int cmdutil_theme(struct app *app, const char *text, int64_t *id, char **name);
int cmdutil_group(struct app *app, const char *text, int64_t *id, char **name);
/* A person by login or email: APP_EX_OK with *id and owned *name, or a status. */
int cmdutil_person(struct app *app, const char *login, int64_t *id, char **name);

/* The person of --person (login or email) or, when login is NULL, the acting
 * person; a visitor is refused (65). As cmdutil_person. */
int cmdutil_person_or_self(struct app *app, const char *login, int64_t *id, char **name);

/* Print the store's message (freed) for a negative store result: 74 for a
 * database failure, 65 for a refusal. */
int cmdutil_store_fail(int ret, char *error);

#endif

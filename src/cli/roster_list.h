/*
 * roster_list.h — a group's roster fetched for export, with the labels of
 * the configuration: what "leernet roster" and the group page's export
 * (E) both write with core/roster_export.h.
 */
#ifndef LEERNET_CLI_ROSTER_LIST_H
#define LEERNET_CLI_ROSTER_LIST_H

#include "cli/app.h"
#include "core/roster_export.h"

struct roster_list {
	struct roster_entry *e;	/* strings owned */
	size_t n, cap;
	const struct app *app;
};

/*
 * The roster of group_id on day on, for who may export it
 * (store_roster_export): 0, or a negative store_result with *error.
 */
int roster_list_fetch(const struct app *app, int64_t group_id, const struct date *on,
    struct roster_list *out, char **error);
void roster_list_free(struct roster_list *l);

/*
 * Write the list to a new private file (0600, never over an existing one).
 * 0, or -1 with an allocated *error for the user.
 */
int roster_list_write_file(const struct roster_list *l, enum roster_format format,
    const char *title, const char *path, char **error);

#endif

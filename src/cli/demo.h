/*
 * demo.h — fill a database with the demo network from data/demo/.
 */
#ifndef LEERNET_CLI_DEMO_H
#define LEERNET_CLI_DEMO_H

#include "config/config.h"
#include "store/store.h"

/*
 * Load the demo files from dir into st (an empty, current database) in one
 * transaction, with dates relative to today's school year. Returns 0, or -1
 * with *error naming file and line.
 */
int demo_load(struct store *st, const struct config *cfg, const char *dir, char **error);

#endif

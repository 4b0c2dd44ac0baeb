/*
 * store_updates.c — updates and followers (#9). (Being written.)
 */
#include "autoconf.h"

#include "store/store_private.h"

enum {
	UPDATES__COUNT
};

static const char *const updates_sql[UPDATES__COUNT + 1] = { NULL };

const struct store_sql_table store_updates_table = {
	STORE_MOD_UPDATES, updates_sql, UPDATES__COUNT
};

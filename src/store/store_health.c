/*
 * store_health.c — the health scan and the signals of the coordinators' overview (#9). (Being written.)
 */
#include "autoconf.h"

#include "store/store_private.h"

enum {
	HEALTH__COUNT
};

static const char *const health_sql[HEALTH__COUNT + 1] = { NULL };

const struct store_sql_table store_health_table = {
	STORE_MOD_HEALTH, health_sql, HEALTH__COUNT
};

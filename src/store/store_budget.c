/*
 * store_budget.c — budget requests (#9). (Being written.)
 */
#include "autoconf.h"

#include "store/store_private.h"

enum {
	BUDGET__COUNT
};

static const char *const budget_sql[BUDGET__COUNT + 1] = { NULL };

const struct store_sql_table store_budget_table = {
	STORE_MOD_BUDGET, budget_sql, BUDGET__COUNT
};

/*
 * store_products.c — products and the knowledge-sharing day programme (#9). (Being written.)
 */
#include "autoconf.h"

#include "store/store_private.h"

enum {
	PRODUCTS__COUNT
};

static const char *const products_sql[PRODUCTS__COUNT + 1] = { NULL };

const struct store_sql_table store_products_table = {
	STORE_MOD_PRODUCTS, products_sql, PRODUCTS__COUNT
};

/* test_products.c — products and the knowledge-sharing day programme (#9). (Being written.) */
#include "autoconf.h"

#include <check.h>

#include "suites.h"

Suite *
suite_products(void)
{
	return suite_create("products");
}

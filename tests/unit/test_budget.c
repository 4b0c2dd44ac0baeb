/* test_budget.c — budget requests (#9). (Being written.) */
#include "autoconf.h"

#include <check.h>

#include "suites.h"

Suite *
suite_budget(void)
{
	return suite_create("budget");
}

/* test_health.c — the health scan and the signals of the coordinators' overview (#9). (Being written.) */
#include "autoconf.h"

#include <check.h>

#include "suites.h"

Suite *
suite_health(void)
{
	return suite_create("health");
}

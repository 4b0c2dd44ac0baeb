/* test_updates.c — updates and followers (#9). (Being written.) */
#include "autoconf.h"

#include <check.h>

#include "suites.h"

Suite *
suite_updates(void)
{
	return suite_create("updates");
}

/* money.c — money in whole cents: parse "1.250,50" / "1250.50", format "€ 1.250,50" (#9). (Being written.) */
#include "autoconf.h"

#include "core/money.h"

typedef int money_unused;

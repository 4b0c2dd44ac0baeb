/* health.c — the health signals of a group, and which are weak (#9). (Being written.) */
#include "autoconf.h"

#include "core/health.h"

typedef int health_unused;

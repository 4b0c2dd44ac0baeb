/* health.h — the health signals of a group, and which are weak (#9). (Being written.) */
#ifndef LEERNET_CORE_HEALTH_H
#define LEERNET_CORE_HEALTH_H

#endif

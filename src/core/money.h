/* money.h — money in whole cents: parse "1.250,50" / "1250.50", format "€ 1.250,50" (#9). (Being written.) */
#ifndef LEERNET_CORE_MONEY_H
#define LEERNET_CORE_MONEY_H

#endif

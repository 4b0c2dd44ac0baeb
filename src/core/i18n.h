/*
 * i18n.h — message translation. gettext lives in glibc, so core may use it.
 * _() translates now; N_() marks a string for the catalogue only.
 */
#ifndef LEERNET_CORE_I18N_H
#define LEERNET_CORE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)
/* The singular or plural form for n. */
#define P_(s, p, n) ngettext(s, p, (unsigned long)(n))

#endif

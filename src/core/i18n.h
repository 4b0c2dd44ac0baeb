/*
 * i18n.h — message translation. gettext lives in glibc, so core may use it.
 * _() translates now; N_() marks a string for the catalogue only.
 */
#ifndef LEERNET_CORE_I18N_H
#define LEERNET_CORE_I18N_H

#include <libintl.h>
#include <string.h>

#define _(s) gettext(s)
#define N_(s) (s)
/* The singular or plural form for n. */
#define P_(s, p, n) ngettext(s, p, (unsigned long)(n))
/*
 * s in a context, for a word whose translation differs by use: the status
 * "open" is "open" in Dutch, the action "open" is "openen". Both are string
 * literals. NC_() only marks: a table holds the context id, which i18n_ctx()
 * translates (it also takes a plain msgid).
 */
#define C_(ctx, s) i18n_ctx(ctx "\004" s)
#define NC_(ctx, s) (ctx "\004" s)

static inline const char *
i18n_ctx(const char *id)
{
	const char *t = gettext(id), *eot;

	if (t != id)
		return t;
	eot = strchr(id, '\004');
	return eot != NULL ? eot + 1 : id;
}

#endif

/*
 * scr_products.c — products and the knowledge-sharing day (#9). (Being
 * written.)
 */
#include "autoconf.h"

#include "core/i18n.h"
#include "ui/group_life.h"

void
life_products_section(struct ui *ui, const struct group_detail *d,
    const struct access_ctx *ctx, struct widget_lines *l)
{
	(void)ui, (void)d, (void)ctx, (void)l;
}

void
scr_products_push(struct ui *ui, int64_t group_id)
{
	(void)group_id;
	ui_message(ui, true, "%s", _("Not available yet."));
}

void
life_programme_section(struct ui *ui, int64_t meeting_id, struct widget_lines *l)
{
	(void)ui, (void)meeting_id, (void)l;
}

void
scr_programme_push(struct ui *ui, int64_t meeting_id)
{
	(void)meeting_id;
	ui_message(ui, true, "%s", _("Not available yet."));
}

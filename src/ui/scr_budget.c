/*
 * scr_budget.c — budget requests (#9). (Being written.)
 */
#include "autoconf.h"

#include "core/i18n.h"
#include "ui/group_life.h"

void
life_budget_section(struct ui *ui, const struct group_detail *d,
    const struct access_ctx *ctx, struct widget_lines *l)
{
	(void)ui, (void)d, (void)ctx, (void)l;
}

void
scr_budget_push(struct ui *ui, int64_t group_id)
{
	(void)group_id;
	ui_message(ui, true, "%s", _("Not available yet."));
}

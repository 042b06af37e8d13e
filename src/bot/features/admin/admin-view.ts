import type { ApplyResult } from "../../../delivery/notices.js";
import type { BotContext } from "../../context.js";
import type { AdminViewCtx } from "../../views/admin-view.js";

/** The organizer view context of an update. */
export function adminView(ctx: BotContext): AdminViewCtx {
  return { t: ctx.t, lang: ctx.lang, catalog: ctx.deps.catalog, now: ctx.deps.clock() };
}

/** The line saying a change was applied and how many notices went to the outbox (HTML). */
export function appliedText(ctx: Pick<BotContext, "t">, r: ApplyResult): string {
  return r.notices ? ctx.t("admin.applied", { count: r.notices }) : ctx.t("admin.applied_quiet");
}

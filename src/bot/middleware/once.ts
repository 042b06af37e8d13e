import type { MiddlewareFn } from "grammy";
import { claimUpdate } from "../../store/handled-updates.js";
import type { BotContext, BotDeps } from "../context.js";

/**
 * Handles each Telegram update once: its update_id is claimed in SQLite before anything else runs, and an
 * update claimed already — a webhook re-delivery after a timeout, the same update reaching a second process
 * — is skipped. When the claim cannot be written (a full disk) the update is handled anyway: answering
 * matters more than the rare duplicate. Wall-clock time ages the claims (see HANDLED_UPDATES_KEEP_MS).
 */
export function oncePerUpdate(deps: Pick<BotDeps, "db" | "logger">): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    let first = true;
    try {
      first = claimUpdate(deps.db, id, Date.now());
    } catch (err) {
      deps.logger.error({ err, update_id: id }, "could not record an update as handled; handling it anyway");
    }
    if (!first) {
      deps.logger.info({ update_id: id }, "update handled already: skipped");
      return;
    }
    await next();
  };
}

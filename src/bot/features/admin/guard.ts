import type { Context } from "grammy";
import { Composer } from "../../composer.js";
import type { AppFlavor, BotContext } from "../../context.js";
import { plain } from "../../views/view.js";

/** The organizers' commands; nobody but the conference's organizers and the owners (ADMIN_IDS) reaches them. */
export const ADMIN_COMMANDS = [
  "broadcast",
  "move",
  "cancel",
  "restore",
  "reload",
  "source",
  "stats",
  "audit",
  "moderation",
  "invite",
  "moderator",
  "feedback",
  "room",
] as const;

/** Every organizer button's callback_data starts with this. */
export const ADMIN_PREFIX = "adm:";

/**
 * Whether the update comes from an organizer of the conference it acts on: one of its `organizers`, or a
 * deployment owner (ADMIN_IDS). The organizers of one conference cannot touch another.
 */
export function isAdmin(ctx: Pick<Context, "from"> & Pick<AppFlavor, "deps">): boolean {
  const id = ctx.from?.id;
  return id !== undefined && ctx.deps.conferences.isOrganizer(id, ctx.deps.conference.id);
}

/**
 * Stops everyone but organizers at the door: an organizer command or a (forged or forwarded) organizer button
 * from anyone else gets a polite refusal and is logged; nothing else happens. Organizers pass on, but only
 * in their private chat with the bot (elsewhere they are asked to write privately). Other updates pass.
 */
export function adminGuard(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command([...ADMIN_COMMANDS], async (ctx, next) => {
    if (!isAdmin(ctx)) {
      ctx.deps.logger.warn(
        { user: ctx.from?.id, command: ctx.message?.text.split(/\s/)[0] },
        "organizer command refused",
      );
      await ctx.reply(ctx.t("admin.refused"));
      return;
    }
    if (ctx.chat.type !== "private") {
      await ctx.reply(ctx.t("admin.private_only"));
      return;
    }
    await next();
  });
  composer.callbackQuery(new RegExp(`^${ADMIN_PREFIX}`), async (ctx, next) => {
    if (!isAdmin(ctx) || ctx.chat?.type !== "private") {
      ctx.deps.logger.warn({ user: ctx.from.id, data: ctx.callbackQuery.data }, "organizer button refused");
      await ctx.answerCallbackQuery({ text: plain(ctx, "admin.refused"), show_alert: true });
      return;
    }
    await next();
  });
  return composer;
}

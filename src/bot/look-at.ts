import { setUserConference } from "../store/users.js";
import type { BotContext, BotDeps } from "./context.js";

/**
 * Makes `target` the conference the user looks at, stored for their next updates and used for the rest of
 * this one. Follows and reminders of every conference carry on whichever one they look at.
 */
export function lookAt(ctx: BotContext, target: BotDeps): void {
  if (ctx.user) {
    setUserConference(ctx.deps.db, ctx.user.id, target.conference.id, ctx.deps.clock());
    ctx.user = { ...ctx.user, conference: target.conference.id };
  }
  ctx.deps = target;
}

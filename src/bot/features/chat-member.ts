import { dropPendingForUser } from "../../store/outbox.js";
import { markUserBlocked } from "../../store/users.js";
import { Composer } from "../composer.js";
import type { BotContext } from "../context.js";

/**
 * my_chat_member in private chats: when a user blocks the bot (status `kicked`) they are marked unreachable
 * at once and everything still queued for them is dropped, so the dispatcher does not even try. Unblocking
 * (status `member`) needs nothing here: the attach middleware records every update from a user as "reachable".
 */
export function chatMemberFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").on("my_chat_member", (ctx) => {
    const { db, clock, logger } = ctx.deps;
    const status = ctx.myChatMember.new_chat_member.status;
    const userId = ctx.myChatMember.from.id;
    if (status === "kicked") {
      db.transaction(() => {
        const now = clock();
        markUserBlocked(db, userId, now);
        dropPendingForUser(db, userId, "user-blocked", now);
      })();
      logger.info({ user: userId }, "user blocked the bot");
    } else if (status === "member") {
      logger.info({ user: userId }, "user unblocked the bot");
    }
  });
  return composer;
}

import { createConversation } from "@grammyjs/conversations";
import { type Api, GrammyError } from "grammy";
import {
  type BroadcastMessage,
  finishBroadcast,
  setProgressShown,
  unfinishedBroadcasts,
} from "../../../delivery/broadcasts.js";
import { getUser, languageOf } from "../../../store/users.js";
import { onAction } from "../../callback-data.js";
import { textAfterCommand } from "../../command-text.js";
import { Composer } from "../../composer.js";
import type { BotContext, BotDeps, ConversationContext } from "../../context.js";
import { fixedT } from "../../i18n.js";
import { HTML, isNotModified } from "../../respond.js";
import { broadcastProgressText, broadcastSummaryText } from "../../views/admin.js";
import { plain } from "../../views/view.js";
import { BROADCAST_CONVERSATION, broadcastConversation } from "./broadcast-dialogue.js";

export { BROADCAST_CONVERSATION, CONVERSATIONS_VERSION } from "./broadcast-dialogue.js";

/** /broadcast [text]: starts the dialogue; text after the command (with its formatting) skips the first step. */
export function broadcastFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(
    createConversation<BotContext, ConversationContext>(broadcastConversation, BROADCAST_CONVERSATION),
  );
  composer.command("broadcast", async (ctx) => {
    const { text, entities } = textAfterCommand(ctx.message?.text ?? "", ctx.message?.entities);
    const initial: BroadcastMessage | undefined = text.trim()
      ? { text, entities: entities as unknown as Record<string, unknown>[] }
      : undefined;
    await ctx.conversation.exit(BROADCAST_CONVERSATION);
    await ctx.conversation.enter(BROADCAST_CONVERSATION, initial);
  });
  // A button of a dialogue that is no longer running (finished, or lost in a restart).
  onAction(composer, "broadcast", (ctx) => ({ text: plain(ctx, "admin.expired") }));
  return composer;
}

/**
 * Keeps each running broadcast's progress message up to date ("Sent 1,240 / 5,000 ▓▓▓▓░░░░ · 3 blocked") by
 * editing it in place, and when nothing is pending any more marks the broadcast finished and queues the
 * organizer's summary. Everything it needs is in the database, so after a restart it picks up where it was.
 */
export class BroadcastProgress {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly api: Api,
    private readonly deps: BotDeps,
  ) {}

  /** Updates every unfinished broadcast once. */
  async tick(): Promise<void> {
    const { db, i18n, clock, logger } = this.deps;
    for (const b of unfinishedBroadcasts(db)) {
      const admin = getUser(db, b.adminId);
      const lang = admin ? languageOf(admin) : "en";
      const t = fixedT(i18n, lang);
      const text = broadcastProgressText(t, lang, b);
      if (b.progressChatId !== null && b.progressMessageId !== null && text !== b.progressText) {
        try {
          await this.api.editMessageText(b.progressChatId, b.progressMessageId, text, HTML);
        } catch (e) {
          if (!isNotModified(e)) {
            logger.warn(
              { broadcast: b.id, err: e instanceof GrammyError ? e.description : String(e) },
              "progress edit failed",
            );
            // A flood wait: leave the text unrecorded and try again on a later tick.
            if (e instanceof GrammyError && e.error_code === 429) continue;
          }
        }
        setProgressShown(db, b.id, text);
      }
      if (b.pending === 0) {
        const chatId = b.progressChatId ?? admin?.chatId ?? b.adminId;
        if (
          finishBroadcast(
            db,
            b.id,
            { chatId, userId: b.adminId, html: broadcastSummaryText(t, lang, b) },
            clock(),
          )
        )
          logger.info(
            { broadcast: b.id, sent: b.sent, blocked: b.blocked, failed: b.failed },
            "broadcast finished",
          );
      }
    }
  }

  /**
   * Ticks every `intervalMs` (editing a message more often than every few seconds invites flood waits), while
   * `active()` says so: only the process holding the dispatch lease edits progress messages.
   */
  start(intervalMs = 3000, active: () => boolean = () => true): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running || !active()) return;
      this.running = this.tick()
        .catch((err: unknown) => this.deps.logger.error({ err }, "broadcast progress tick failed"))
        .finally(() => {
          this.running = undefined;
        });
    }, intervalMs);
  }

  /** Stops ticking and waits for a tick in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}

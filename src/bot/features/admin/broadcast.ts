import { type Conversation, createConversation } from "@grammyjs/conversations";
import { type Api, Composer, GrammyError, InlineKeyboard } from "grammy";
import type { MessageEntity } from "grammy/types";
import {
  type Audience,
  audienceRecipients,
  type BroadcastMessage,
  broadcastPace,
  createBroadcast,
  finishBroadcast,
  setProgressShown,
  unfinishedBroadcasts,
} from "../../../delivery/broadcasts.js";
import { resolveSession } from "../../../programme/edit.js";
import { LANGS, type Lang } from "../../../programme/model.js";
import { recordAudit } from "../../../store/audit.js";
import { getUser, languageOf } from "../../../store/users.js";
import { textAfterCommand } from "../../command-text.js";
import type { BotContext, BotDeps, ConversationContext } from "../../context.js";
import { fixedT } from "../../i18n.js";
import { HTML, isNotModified } from "../../respond.js";
import {
  broadcastPaceText,
  broadcastProgressText,
  broadcastSummaryText,
  formatCount,
} from "../../views/admin.js";
import { buttonLabel } from "../../views/format.js";
import { plain } from "../../views/view.js";
import { searchSessionIds } from "./find-session.js";
import { ADMIN_PREFIX } from "./guard.js";

/** The conversation's id (ctx.conversation.enter). */
export const BROADCAST_CONVERSATION = "broadcast";

/**
 * The version of the stored dialogue state (src/bot/conversation-storage.ts). A dialogue is replayed from its
 * stored log on every update, across restarts too: bump this whenever the steps of {@link broadcastConversation}
 * (its waits, Bot API calls and `external` calls, in order) change, so that dialogues begun by an older build
 * are dropped instead of replayed wrongly.
 */
export const CONVERSATIONS_VERSION = 1;

const BC = `${ADMIN_PREFIX}bc:`;
const CB = {
  cancel: `${BC}no`,
  send: `${BC}go`,
  all: `${BC}all`,
  session: `${BC}ses`,
  lang: (lang: Lang) => `${BC}l:${lang}`,
  /** A session by its short key: ids may be guids too long for callback data. */
  pick: (key: number) => `${BC}s:${key}`,
};

type BroadcastConversation = Conversation<BotContext, ConversationContext>;

/** Waits for the organizer's next update. Undefined means "cancel"; another command ends the dialogue and runs. */
async function nextUpdate(conversation: BroadcastConversation, ctx: ConversationContext) {
  const u = await conversation.wait();
  const data = u.callbackQuery?.data;
  // Buttons of other messages (a session card, an older preview) work as usual while the dialogue waits.
  if (data !== undefined && !data.startsWith(BC)) await conversation.skip({ next: true });
  if (data !== undefined) await u.answerCallbackQuery().catch(() => undefined);
  const text = u.message?.text;
  if (data === CB.cancel || text === "/cancel") {
    if (data)
      await u.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
    await ctx.reply(ctx.t("admin.broadcast.cancelled"));
    return undefined;
  }
  if (text?.startsWith("/")) {
    await ctx.reply(ctx.t("admin.broadcast.interrupted"));
    await conversation.halt({ next: true });
  }
  return u;
}

function describeAudience(ctx: ConversationContext, audience: Audience, title?: string): string {
  if (audience.kind === "all") return ctx.t("admin.broadcast.audience_all");
  if (audience.kind === "lang") return ctx.t(`admin.broadcast.audience_${audience.lang}`);
  return ctx.t("admin.broadcast.audience_session", { title: title ?? audience.sessionId });
}

/**
 * The /broadcast dialogue: the message (formatting kept as entities) → the audience (everyone, a session's
 * subscribers found by search, or one language) → a preview with the number of recipients → send or cancel.
 * Sending records the broadcast and queues one outbox row per recipient in one transaction; the progress
 * message it posts is then kept up to date by {@link BroadcastProgress}. Database work runs in
 * `conversation.external`, so replays repeat none of it.
 */
export async function broadcastConversation(
  conversation: BroadcastConversation,
  ctx: ConversationContext,
  initial?: BroadcastMessage,
): Promise<void> {
  const cancelButton = () => new InlineKeyboard().text(plain(ctx, "admin.button.cancel"), CB.cancel);

  // 1. The message.
  let message = initial?.text.trim() ? initial : undefined;
  if (!message) await ctx.reply(ctx.t("admin.broadcast.ask"), { ...HTML, reply_markup: cancelButton() });
  while (!message) {
    const u = await nextUpdate(conversation, ctx);
    if (!u) return;
    const m = u.message;
    if (m?.text)
      message = { text: m.text, entities: (m.entities ?? []) as unknown as Record<string, unknown>[] };
    else await ctx.reply(ctx.t("admin.broadcast.text_only"));
  }

  // 2. The audience.
  const counts = await conversation.external((outside) => ({
    all: audienceRecipients(outside.deps.db, { kind: "all" }).length,
    en: audienceRecipients(outside.deps.db, { kind: "lang", lang: "en" }).length,
    ru: audienceRecipients(outside.deps.db, { kind: "lang", lang: "ru" }).length,
  }));
  const audienceKeyboard = new InlineKeyboard()
    .text(plain(ctx, "admin.broadcast.all", { n: formatCount(counts.all, ctx.lang) }), CB.all)
    .row()
    .text(plain(ctx, "admin.broadcast.session"), CB.session)
    .row();
  for (const lang of LANGS)
    audienceKeyboard.text(
      plain(ctx, `admin.broadcast.lang_${lang}`, { n: formatCount(counts[lang], ctx.lang) }),
      CB.lang(lang),
    );
  audienceKeyboard.row().text(plain(ctx, "admin.button.cancel"), CB.cancel);
  await ctx.reply(ctx.t("admin.broadcast.audience"), { ...HTML, reply_markup: audienceKeyboard });

  let audience: Audience | undefined;
  let sessionTitle: string | undefined;
  let askingSession = false;
  while (!audience) {
    const u = await nextUpdate(conversation, ctx);
    if (!u) return;
    const data = u.callbackQuery?.data;
    const text = u.message?.text;
    if (data === CB.all) audience = { kind: "all" };
    else if (data?.startsWith(`${BC}l:`)) {
      const lang = LANGS.find((l) => data === CB.lang(l));
      if (lang) audience = { kind: "lang", lang };
    } else if (data === CB.session) {
      askingSession = true;
      await ctx.reply(ctx.t("admin.broadcast.ask_session"), { ...HTML, reply_markup: cancelButton() });
    } else if (data?.startsWith(`${BC}s:`)) {
      const key = Number(data.slice(`${BC}s:`.length));
      const picked = await conversation.external((outside) => {
        const s = outside.deps.catalog.sessionByKey(key);
        return s && { id: s.id, title: outside.deps.catalog.text(s.title, outside.lang) };
      });
      if (picked !== undefined) {
        audience = { kind: "session", sessionId: picked.id };
        sessionTitle = picked.title;
      }
    } else if (text && askingSession) {
      const found = await conversation.external((outside) => {
        const catalog = outside.deps.catalog;
        const match = resolveSession(catalog.programme, text, (q) => searchSessionIds(catalog, q));
        const sessions =
          match.kind === "one" ? [match.session] : match.kind === "many" ? match.candidates : [];
        return sessions.map((s) => ({
          id: s.id,
          key: outside.deps.catalog.sessionKey(s.id),
          title: outside.deps.catalog.text(s.title, outside.lang),
        }));
      });
      const [only] = found;
      if (found.length === 1 && only) {
        audience = { kind: "session", sessionId: only.id };
        sessionTitle = only.title;
      } else if (!found.length) {
        await ctx.reply(ctx.t("admin.broadcast.no_session", { query: text }), HTML);
      } else {
        const kb = new InlineKeyboard();
        for (const s of found) kb.text(buttonLabel(s.title), CB.pick(s.key)).row();
        kb.text(plain(ctx, "admin.button.cancel"), CB.cancel);
        await ctx.reply(ctx.t("admin.broadcast.pick_session"), { ...HTML, reply_markup: kb });
      }
    } else {
      await ctx.reply(ctx.t("admin.broadcast.use_buttons"));
    }
    if (audience && data)
      await u.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
  }

  // 3. The preview, with the number of recipients.
  const chosen = audience;
  const { total, pace } = await conversation.external((outside) => {
    const { db, config } = outside.deps;
    const n = audienceRecipients(db, chosen).length;
    const rates = config.PAID_BROADCAST
      ? { rate: config.SEND_RATE, paidRate: config.PAID_SEND_RATE }
      : { rate: config.SEND_RATE };
    return { total: n, pace: broadcastPace(n, rates) };
  });
  if (!total) {
    await ctx.reply(ctx.t("admin.broadcast.nobody"));
    return;
  }
  await ctx.reply(message.text, {
    entities: message.entities as unknown as MessageEntity[],
    link_preview_options: { is_disabled: true },
  });
  const confirm = new InlineKeyboard()
    .text(plain(ctx, "admin.broadcast.send_button", { n: formatCount(total, ctx.lang) }), CB.send)
    .text(plain(ctx, "admin.button.cancel"), CB.cancel);
  await ctx.reply(
    ctx.t("admin.broadcast.preview", {
      count: total,
      n: formatCount(total, ctx.lang),
      audience: describeAudience(ctx, chosen, sessionTitle),
      pace: broadcastPaceText(ctx.t, ctx.lang, pace),
    }),
    { ...HTML, reply_markup: confirm },
  );
  for (;;) {
    const u = await nextUpdate(conversation, ctx);
    if (!u) return;
    if (u.callbackQuery?.data === CB.send) {
      await u.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined);
      break;
    }
    await ctx.reply(ctx.t("admin.broadcast.use_buttons"));
  }

  // 4. Send: the progress message first, so the broadcast row can name it from the start.
  const progress = await ctx.reply(
    ctx.t("admin.broadcast.starting", { count: total, n: formatCount(total, ctx.lang) }),
    HTML,
  );
  const adminId = ctx.from?.id ?? 0;
  const final = message;
  const created = await conversation.external((outside) => {
    const { db, clock } = outside.deps;
    return db.transaction(() => {
      const now = clock();
      const b = createBroadcast(db, {
        adminId,
        audience: chosen,
        message: final,
        progress: { chatId: progress.chat.id, messageId: progress.message_id },
        now,
      });
      recordAudit(db, {
        at: now,
        adminId,
        action: "broadcast",
        details: {
          broadcast: b.id,
          audience: chosen,
          total: b.total,
          summary: `#${b.id} → ${chosen.kind === "all" ? "all" : chosen.kind === "lang" ? chosen.lang : chosen.sessionId} (${b.total})`,
        },
      });
      return b;
    })();
  });
  await conversation.external((outside) => {
    outside.deps.logger.info(
      { admin: adminId, broadcast: created.id, total: created.total },
      "broadcast queued",
    );
  });
}

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
  composer.callbackQuery(new RegExp(`^${BC}`), async (ctx) => {
    await ctx.answerCallbackQuery({ text: plain(ctx, "admin.expired") });
  });
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

import type { Conversation } from "@grammyjs/conversations";
import type { InlineKeyboardButton, MessageEntity } from "grammy/types";
import {
  type Audience,
  audienceRecipients,
  type BroadcastMessage,
  broadcastPace,
  createBroadcast,
  withSignature,
} from "../../../delivery/broadcasts.js";
import { LANGS } from "../../../programme/model.js";
import { recordAudit } from "../../../store/audit.js";
import { actionOf, type BroadcastStep } from "../../callback-data.js";
import type { BotContext, ConversationContext } from "../../context.js";
import { HTML } from "../../respond.js";
import { broadcastPaceText, formatCount, sessionPlace, shortWhen } from "../../views/admin.js";
import { broadcastSignatures } from "../../views/broadcast-signature.js";
import { actionButton, plain } from "../../views/view.js";
import { matchingSessions } from "./find-session.js";

/** The conversation's id (ctx.conversation.enter). */
export const BROADCAST_CONVERSATION = "broadcast";

/**
 * The version of the stored dialogue state (src/bot/conversation-storage.ts). A dialogue is replayed from its
 * stored log on every update, across restarts too: bump this whenever the steps of {@link broadcastConversation}
 * (its waits, Bot API calls and `external` calls, in order) change, so that dialogues begun by an older build
 * are dropped instead of replayed wrongly.
 */
export const CONVERSATIONS_VERSION = 3;

/** How many sessions one page of matches shows. */
export const MATCHES_PAGE = 6;

type BroadcastConversation = Conversation<BotContext, ConversationContext>;
type Keyboard = InlineKeyboardButton[][];

/** A button of the dialogue, through the one callback codec. */
const button = (label: string, choice: BroadcastStep): InlineKeyboardButton =>
  actionButton(label, { type: "broadcast", choice });

/**
 * Takes the buttons away from the message whose button was pressed, keeping what was chosen under its text
 * ("👥 Who gets it?" then "✓ 👥 Everyone (12)"), so the dialogue's history reads as it went.
 */
async function settle(u: ConversationContext): Promise<void> {
  const q = u.callbackQuery;
  const m = q?.message;
  const pressed = m?.reply_markup?.inline_keyboard
    .flat()
    .find((b) => "callback_data" in b && b.callback_data === q?.data);
  const none = { reply_markup: { inline_keyboard: [] } };
  if (!m || !("text" in m) || !m.text || !pressed)
    return void (await u.editMessageReplyMarkup(none).catch(() => undefined));
  const entities = m.entities ? { entities: m.entities } : {};
  await u.editMessageText(`${m.text}\n\n✓ ${pressed.text}`, { ...entities, ...none }).catch(() => undefined);
}

/**
 * Waits for the organizer's next update and decodes its button once. Undefined means "cancel"; another
 * command ends the dialogue and runs; buttons of other messages work as usual meanwhile.
 */
async function nextUpdate(conversation: BroadcastConversation, ctx: ConversationContext) {
  const u = await conversation.wait();
  const data = u.callbackQuery?.data;
  const action = actionOf(u.callbackQuery);
  if (data !== undefined && action?.type !== "broadcast") await conversation.skip({ next: true });
  if (data !== undefined) await u.answerCallbackQuery().catch(() => undefined);
  const choice = action?.type === "broadcast" ? action.choice : undefined;
  const text = u.message?.text;
  if (choice?.step === "cancel" || text === "/cancel") {
    if (data) await settle(u);
    await ctx.reply(ctx.t("admin.broadcast.cancelled"));
    return undefined;
  }
  if (text?.startsWith("/")) {
    await ctx.reply(ctx.t("admin.broadcast.interrupted"));
    await conversation.halt({ next: true });
  }
  return { u, choice, text };
}

/** The kind of session as Russian says it after «за» («за докладом», «за пунктом программы»: lunch is no talk). */
const nounOf = (ctx: ConversationContext, kind: string | undefined) =>
  ctx.t(`kind_after_za.${kind ?? "talk"}`);

function describeAudience(
  ctx: ConversationContext,
  audience: Audience,
  title?: string,
  kind?: string,
): string {
  if (audience.kind === "all") return ctx.t("admin.broadcast.audience_all");
  if (audience.kind === "everyone") return ctx.t("admin.broadcast.audience_everyone");
  if (audience.kind === "lang") return ctx.t(`admin.broadcast.audience_${audience.lang}`);
  return ctx.t("admin.broadcast.audience_session", {
    title: title ?? audience.sessionId,
    noun: nounOf(ctx, kind),
  });
}

/** A session an organizer may broadcast to: what the list shows of it, and how many follow it. */
interface SessionMatch {
  key: number;
  id: string;
  title: string;
  kind: string;
  place: string;
  time: string;
  followers: number;
}

/** One page of the sessions matching the organizer's words, each with its followers, and its buttons (HTML). */
function matchesView(
  ctx: ConversationContext,
  query: string,
  matches: readonly SessionMatch[],
  page: number,
): { text: string; keyboard: Keyboard } {
  const pages = Math.max(1, Math.ceil(matches.length / MATCHES_PAGE));
  const at = Math.min(Math.max(0, page), pages - 1);
  const shown = matches.slice(at * MATCHES_PAGE, (at + 1) * MATCHES_PAGE);
  const n = (x: number) => formatCount(x, ctx.lang);
  const lines = [
    ctx.t("admin.broadcast.pick_session", { query, count: matches.length, n: n(matches.length) }),
    ...shown.map((m) =>
      ctx.t("admin.broadcast.match", {
        title: m.title,
        place: m.place,
        count: m.followers,
        n: n(m.followers),
      }),
    ),
  ];
  if (pages > 1) lines.push(plain(ctx, "nav.page", { page: at + 1, pages }));
  const keyboard: Keyboard = shown.map((m) => [
    button(plain(ctx, "admin.broadcast.match_button", { title: m.title, time: m.time, n: n(m.followers) }), {
      step: "pick",
      key: m.key,
    }),
  ]);
  const nav: InlineKeyboardButton[] = [];
  if (at > 0) nav.push(button(plain(ctx, "nav.prev"), { step: "page", page: at - 1 }));
  if (at < pages - 1) nav.push(button(plain(ctx, "nav.next"), { step: "page", page: at + 1 }));
  if (nav.length) keyboard.push(nav);
  keyboard.push([
    button(plain(ctx, "admin.broadcast.back"), { step: "back" }),
    button(plain(ctx, "admin.broadcast.dont_send"), { step: "cancel" }),
  ]);
  return { text: lines.join("\n"), keyboard };
}

/**
 * The /broadcast dialogue: the message (formatting kept as entities) → the audience (everyone, one language,
 * or the followers of a session found by its title, a speaker or search: every match is listed, paged, with
 * how many follow it) → a preview with the number of recipients → send or cancel. An audience with nobody in
 * it leads back to the choice of audience, the message kept. Sending records the broadcast and queues one
 * outbox row per recipient in one transaction; the progress message it posts is then kept up to date by
 * BroadcastProgress. Database work runs in `conversation.external`, so replays repeat none of it.
 */
export async function broadcastConversation(
  conversation: BroadcastConversation,
  ctx: ConversationContext,
  initial?: BroadcastMessage,
): Promise<void> {
  const cancelButton = () => button(plain(ctx, "admin.broadcast.dont_send"), { step: "cancel" });
  const backRow = () => [button(plain(ctx, "admin.broadcast.back"), { step: "back" }), cancelButton()];

  // 1. The message.
  let message = initial?.text.trim() ? initial : undefined;
  if (!message)
    await ctx.reply(ctx.t("admin.broadcast.ask"), {
      ...HTML,
      reply_markup: { inline_keyboard: [[cancelButton()]] },
    });
  while (!message) {
    const next = await nextUpdate(conversation, ctx);
    if (!next) return;
    const m = next.u.message;
    if (m?.text)
      message = { text: m.text, entities: (m.entities ?? []) as unknown as Record<string, unknown>[] };
    else await ctx.reply(ctx.t("admin.broadcast.text_only"));
  }

  // 2. The audience: asked again, the message kept, whenever the one chosen has nobody in it. "Everyone" and
  // a language are the attendees of the organizer's current conference.
  const conference = await conversation.external((outside) => ({
    id: outside.deps.conference.id,
    isDefault: outside.deps.conference.isDefault,
  }));
  const showAudiences = async (intro?: string) => {
    const counts = await conversation.external((outside) => ({
      all: audienceRecipients(outside.deps.db, { kind: "all", conference }).length,
      en: audienceRecipients(outside.deps.db, { kind: "lang", lang: "en", conference }).length,
      ru: audienceRecipients(outside.deps.db, { kind: "lang", lang: "ru", conference }).length,
      // Only the deployment's owners write to everyone, and only when there is more than one conference.
      everyone:
        outside.deps.conferences.size > 1 && outside.deps.conferences.isOwner(outside.from?.id ?? 0)
          ? audienceRecipients(outside.deps.db, { kind: "everyone" }).length
          : undefined,
    }));
    const n = (x: number) => formatCount(x, ctx.lang);
    const keyboard: Keyboard = [
      [button(plain(ctx, "admin.broadcast.all", { n: n(counts.all) }), { step: "all" })],
      ...(counts.everyone === undefined
        ? []
        : [
            [button(plain(ctx, "admin.broadcast.everyone", { n: n(counts.everyone) }), { step: "everyone" })],
          ]),
      [button(plain(ctx, "admin.broadcast.session"), { step: "session" })],
      LANGS.map((lang) =>
        button(plain(ctx, `admin.broadcast.lang_${lang}`, { n: n(counts[lang]) }), { step: "lang", lang }),
      ),
      [cancelButton()],
    ];
    const text = [intro, ctx.t("admin.broadcast.audience")].filter(Boolean).join("\n\n");
    await ctx.reply(text, { ...HTML, reply_markup: { inline_keyboard: keyboard } });
  };
  await showAudiences();

  const recipients = (audience: Audience) =>
    conversation.external((outside) => audienceRecipients(outside.deps.db, audience).length);
  let chosen: { audience: Audience; title?: string; kind?: string } | undefined;
  let askingSession = false;
  let query = "";
  let matches: SessionMatch[] = [];
  /** A session's followers as the audience, unless nobody follows it: then back to the audiences. */
  const takeSession = async (m: SessionMatch) => {
    const audience: Audience = { kind: "session", sessionId: m.id };
    if (await recipients(audience)) return { audience, title: m.title, kind: m.kind };
    askingSession = false;
    await showAudiences(
      ctx.t("admin.broadcast.nobody_follows", { title: m.title, noun: nounOf(ctx, m.kind) }),
    );
    return undefined;
  };
  while (!chosen) {
    const next = await nextUpdate(conversation, ctx);
    if (!next) return;
    const { u, choice, text } = next;
    const owner = await conversation.external((outside) =>
      outside.deps.conferences.isOwner(outside.from?.id ?? 0),
    );
    if (choice?.step === "all" || choice?.step === "lang" || (choice?.step === "everyone" && owner)) {
      const audience: Audience =
        choice.step === "all"
          ? { kind: "all", conference }
          : choice.step === "everyone"
            ? { kind: "everyone" }
            : { kind: "lang", lang: choice.lang, conference };
      if (await recipients(audience)) chosen = { audience };
      else await showAudiences(ctx.t("admin.broadcast.nobody"));
    } else if (choice?.step === "session") {
      askingSession = true;
      await ctx.reply(ctx.t("admin.broadcast.ask_session"), {
        ...HTML,
        reply_markup: { inline_keyboard: [backRow()] },
      });
    } else if (choice?.step === "back") {
      askingSession = false;
      await settle(u);
      await showAudiences();
    } else if (choice?.step === "page") {
      const view = matchesView(ctx, query, matches, choice.page);
      await u
        .editMessageText(view.text, { ...HTML, reply_markup: { inline_keyboard: view.keyboard } })
        .catch(() => undefined);
    } else if (choice?.step === "pick") {
      const picked = matches.find((m) => m.key === choice.key);
      if (picked) chosen = await takeSession(picked);
      else await ctx.reply(ctx.t("admin.broadcast.use_buttons"));
    } else if (text && askingSession) {
      query = text;
      const lang = ctx.lang;
      matches = await conversation.external((outside) => {
        const { catalog, db, clock } = outside.deps;
        const v = { t: outside.t, lang, catalog, now: clock() };
        return matchingSessions(catalog, text).map((s) => ({
          key: catalog.sessionKey(s.id),
          id: s.id,
          title: catalog.text(s.title, lang),
          kind: s.kind,
          place: sessionPlace(v, s),
          time: shortWhen({ catalog, lang }, s.start),
          followers: audienceRecipients(db, { kind: "session", sessionId: s.id }).length,
        }));
      });
      const [only] = matches;
      if (!only)
        await ctx.reply(ctx.t("admin.broadcast.no_session", { query: text }), {
          ...HTML,
          reply_markup: { inline_keyboard: [backRow()] },
        });
      else if (matches.length === 1) chosen = await takeSession(only);
      else {
        const view = matchesView(ctx, query, matches, 0);
        await ctx.reply(view.text, { ...HTML, reply_markup: { inline_keyboard: view.keyboard } });
      }
    } else {
      await ctx.reply(ctx.t("admin.broadcast.use_buttons"));
    }
    if (chosen && u.callbackQuery) await settle(u);
  }

  // 3. The preview, with the number of recipients.
  const { audience, title, kind } = chosen;
  const { total, pace, signatures } = await conversation.external((outside) => {
    const { db, config } = outside.deps;
    const count = audienceRecipients(db, audience).length;
    const rates = config.PAID_BROADCAST
      ? { rate: config.SEND_RATE, paidRate: config.PAID_SEND_RATE }
      : { rate: config.SEND_RATE };
    return {
      total: count,
      pace: broadcastPace(count, rates),
      signatures: broadcastSignatures(outside.deps, audience),
    };
  });
  // The copy as its readers get it: with the line naming the conference, in a deployment of several.
  const copy = withSignature(message, signatures?.[ctx.lang]);
  await ctx.reply(copy.text, {
    entities: copy.entities as unknown as MessageEntity[],
    link_preview_options: { is_disabled: true },
  });
  const sendRow = [
    button(plain(ctx, "admin.broadcast.send_button", { n: formatCount(total, ctx.lang) }), { step: "send" }),
    cancelButton(),
  ];
  await ctx.reply(
    ctx.t("admin.broadcast.preview", {
      count: total,
      n: formatCount(total, ctx.lang),
      audience: describeAudience(ctx, audience, title, kind),
      pace: broadcastPaceText(ctx.t, ctx.lang, pace),
    }),
    { ...HTML, reply_markup: { inline_keyboard: [sendRow] } },
  );
  for (;;) {
    const next = await nextUpdate(conversation, ctx);
    if (!next) return;
    if (next.choice?.step === "send") {
      await settle(next.u);
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
        audience,
        message: final,
        ...(signatures ? { signatures } : {}),
        progress: { chatId: progress.chat.id, messageId: progress.message_id },
        now,
      });
      recordAudit(db, {
        at: now,
        adminId,
        action: "broadcast",
        details: {
          broadcast: b.id,
          audience,
          total: b.total,
          summary: `#${b.id} → ${audience.kind === "all" || audience.kind === "everyone" ? audience.kind : audience.kind === "lang" ? audience.lang : audience.sessionId} (${b.total})`,
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

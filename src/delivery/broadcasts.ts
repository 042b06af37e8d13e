import type { Lang } from "../programme/model.js";
import {
  type BroadcastRecord,
  insertBroadcast,
  markBroadcastFinished,
  readBroadcast,
  setBroadcastProgressText,
  unfinishedBroadcastRecords,
} from "../store/broadcasts.js";
import type { Db } from "../store/db.js";
import { broadcastOutcomes, enqueue, type NewOutboxRow } from "../store/outbox.js";
import { followersOf } from "../store/subscriptions.js";
import { attendeesOf, reachableUsers, seriesNewsUsers, userExists } from "../store/users.js";
import type { OutboxPayload } from "./messages.js";

/**
 * Who a broadcast goes to: a conference's attendees (`all`, or those of one language), the subscribers of one
 * session, or (the deployment's owners) everyone who ever used the bot and still wants news of the series.
 * A conference's attendees are those looking at it (users who chose none look at the default) and those
 * following any of its sessions; an audience without `conference` (recorded before there were several) is
 * everyone.
 */
export type Audience =
  | { kind: "all"; conference?: AudienceConference }
  | { kind: "session"; sessionId: string }
  | { kind: "lang"; lang: Lang; conference?: AudienceConference }
  | { kind: "everyone" };

/** The conference an audience belongs to, and whether it is the deployment's default. */
export interface AudienceConference {
  id: string;
  isDefault: boolean;
}

/** A broadcast message exactly as the organizer wrote it: its text and Telegram MessageEntity objects. */
export interface BroadcastMessage {
  text: string;
  entities: Record<string, unknown>[];
}

/** Telegram's longest message, in UTF-16 units (as entity offsets count). */
const MAX_MESSAGE = 4096;

/**
 * A broadcast message with a line after it (the conference it comes from, in a deployment of several): the
 * line's entities moved past the message's text; the message alone when both would not fit one message.
 */
export function withSignature(
  message: BroadcastMessage,
  signature: BroadcastMessage | undefined,
): BroadcastMessage {
  if (!signature) return message;
  const gap = "\n\n";
  const shift = message.text.length + gap.length;
  if (shift + signature.text.length > MAX_MESSAGE) return message;
  return {
    text: message.text + gap + signature.text,
    entities: [
      ...message.entities,
      ...signature.entities.map((e) => ({ ...e, offset: (e.offset as number) + shift })),
    ],
  };
}

/** A reachable user a message can go to. */
export interface Recipient {
  userId: number;
  chatId: number;
}

/** Every reachable user in an audience, by user id. */
export function audienceRecipients(db: Db, audience: Audience): Recipient[] {
  if (audience.kind === "session") return followersOf(db, audience.sessionId);
  if (audience.kind === "everyone") return seriesNewsUsers(db);
  const attending =
    audience.conference && new Set(attendeesOf(db, audience.conference.id, audience.conference.isDefault));
  return reachableUsers(db)
    .filter(
      (u) =>
        (audience.kind === "all" || u.language === audience.lang) && (!attending || attending.has(u.userId)),
    )
    .map((u) => ({ userId: u.userId, chatId: u.chatId }));
}

/** What Telegram charges per message sent with allow_paid_broadcast, in Stars (Bot API: 0.1 ⭐). */
export const PAID_STARS_PER_MESSAGE = 0.1;

/** How a broadcast of `total` messages will go: its rate, about how long it takes, and its cost if paid. */
export interface BroadcastPace {
  rate: number;
  seconds: number;
  paid: boolean;
  /** Stars for the whole broadcast (paid broadcasts only). */
  stars?: number;
}

/** The pace of a broadcast of `total` at `rate` messages a second, or at `paidRate` for Stars when given. */
export function broadcastPace(
  total: number,
  { rate, paidRate }: { rate: number; paidRate?: number },
): BroadcastPace {
  const r = paidRate ?? rate;
  return {
    rate: r,
    seconds: Math.ceil(total / r),
    paid: paidRate !== undefined,
    ...(paidRate === undefined ? {} : { stars: Math.round(total * PAID_STARS_PER_MESSAGE * 10) / 10 }),
  };
}

/** The outbox key of one broadcast message: at most one per broadcast and user, whatever happens. */
export function broadcastKey(broadcastId: number, userId: number): string {
  return `broadcast:${broadcastId}:${userId}`;
}

/** The outbox key of the summary sent to the organizer when a broadcast finishes. */
export function broadcastSummaryKey(broadcastId: number): string {
  return `broadcast-summary:${broadcastId}`;
}

/**
 * Records a broadcast and queues one outbox row per recipient, in one transaction: after a crash either
 * nothing was queued or everything was, and the dispatcher then sends each row at most once.
 */
export function createBroadcast(
  db: Db,
  b: {
    adminId: number;
    audience: Audience;
    message: BroadcastMessage;
    /**
     * Per language, a line each recipient gets after the message in theirs (the conference it comes from, in
     * a deployment of several; see {@link withSignature}).
     */
    signatures?: Partial<Record<Lang, BroadcastMessage>>;
    progress?: { chatId: number; messageId: number };
    now: number;
  },
): { id: number; total: number } {
  return db.transaction(() => {
    const recipients = audienceRecipients(db, b.audience);
    const id = insertBroadcast(db, {
      adminId: b.adminId,
      audience: JSON.stringify(b.audience),
      message: JSON.stringify(b.message),
      total: recipients.length,
      progressChatId: b.progress?.chatId ?? null,
      progressMessageId: b.progress?.messageId ?? null,
      createdAt: b.now,
    });
    const payloadOf = (message: BroadcastMessage): OutboxPayload => ({
      type: "message",
      text: message.text,
      ...(message.entities.length ? { entities: message.entities } : {}),
    });
    const plain = payloadOf(b.message);
    const { signatures } = b;
    // One payload per language (rows share it), each recipient's by the language they read the bot in.
    const signed = new Map<Lang, OutboxPayload>();
    const languages = signatures && new Map(reachableUsers(db).map((u) => [u.userId, u.language]));
    const payloadFor = (userId: number): OutboxPayload => {
      const lang = languages?.get(userId);
      if (!signatures || !lang) return plain;
      let payload = signed.get(lang);
      if (!payload) {
        payload = payloadOf(withSignature(b.message, signatures[lang]));
        signed.set(lang, payload);
      }
      return payload;
    };
    const rows: NewOutboxRow[] = recipients.map((r) => ({
      kind: "broadcast",
      dedupeKey: broadcastKey(id, r.userId),
      userId: r.userId,
      chatId: r.chatId,
      payload: payloadFor(r.userId),
      notBefore: b.now,
      broadcastId: id,
    }));
    enqueue(db, rows, b.now);
    return { id, total: recipients.length };
  })();
}

/** Where a broadcast stands: its rows by outcome, and the organizer's progress message. */
export interface BroadcastState {
  id: number;
  adminId: number;
  audience: Audience;
  total: number;
  sent: number;
  /** Users who had blocked the bot by the time their message was due. */
  blocked: number;
  /** Messages Telegram refused or that failed after every retry. */
  failed: number;
  dropped: number;
  pending: number;
  progressChatId: number | null;
  progressMessageId: number | null;
  progressText: string | null;
  createdAt: number;
  finishedAt: number | null;
}

function stateOf(db: Db, r: BroadcastRecord): BroadcastState {
  // Outcomes of pruned rows live on in the outbox history, so an old broadcast still adds up.
  const counts = broadcastOutcomes(db, r.id);
  return {
    id: r.id,
    adminId: r.adminId,
    audience: JSON.parse(r.audience) as Audience,
    total: r.total,
    sent: counts.sent,
    blocked: counts.blocked,
    failed: counts.failed,
    dropped: counts.dropped,
    pending: counts.pending,
    progressChatId: r.progressChatId,
    progressMessageId: r.progressMessageId,
    progressText: r.progressText,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
  };
}

/** One broadcast's state, or undefined when there is no such broadcast. */
export function getBroadcast(db: Db, id: number): BroadcastState | undefined {
  const r = readBroadcast(db, id);
  return r && stateOf(db, r);
}

/** Broadcasts still going (after a restart: the ones whose progress message must be picked up again). */
export function unfinishedBroadcasts(db: Db): BroadcastState[] {
  return unfinishedBroadcastRecords(db).map((r) => stateOf(db, r));
}

/** Remembers the progress text last shown, so an unchanged one is not edited in again. */
export function setProgressShown(db: Db, id: number, text: string): void {
  setBroadcastProgressText(db, id, text);
}

/**
 * Marks a broadcast finished and, in the same transaction, queues the organizer's summary (rendered by the
 * caller) through the outbox, so it is sent exactly once. Returns false when it was already finished.
 */
export function finishBroadcast(
  db: Db,
  id: number,
  summary: { chatId: number; userId: number; html: string },
  now: number,
): boolean {
  return db.transaction(() => {
    if (!markBroadcastFinished(db, id, now)) return false;
    // The organizer may never have written to the bot in private; the outbox needs a users row to refer to.
    if (userExists(db, summary.userId))
      enqueue(
        db,
        [
          {
            kind: "broadcast",
            dedupeKey: broadcastSummaryKey(id),
            userId: summary.userId,
            chatId: summary.chatId,
            payload: { type: "message", text: summary.html, parseMode: "HTML" },
            notBefore: now,
          },
        ],
        now,
      );
    return true;
  })();
}

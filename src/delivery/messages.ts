/** One inline button of an outgoing message: either a callback button or a URL button. */
export interface OutgoingButton {
  text: string;
  callbackData?: string;
  url?: string;
}

/** A message ready to go to Telegram, described without grammY so src/delivery stays transport-free. */
export interface OutgoingMessage {
  chatId: number;
  text: string;
  parseMode?: "HTML";
  /** Telegram MessageEntity objects (instead of parseMode), e.g. a broadcast exactly as the organizer wrote it. */
  entities?: readonly Record<string, unknown>[];
  buttons?: OutgoingButton[][];
  /** Send with `allow_paid_broadcast` (PAID_BROADCAST=1): past the free limits, for Stars. */
  paid?: boolean;
}

/** A reminder, rendered at send time in the user's language from the session as it is then. */
export interface ReminderPayload {
  type: "reminder";
  sessionId: string;
  /** The session start the reminder was planned for (a moved session gets a new row). */
  startMs: number;
}

/** A message composed at enqueue time (e.g. already localized by the organizer's code). */
export interface MessagePayload {
  type: "message";
  text: string;
  parseMode?: "HTML";
  entities?: readonly Record<string, unknown>[];
  buttons?: OutgoingButton[][];
}

/** A named view rendered at send time by the bot's renderer (see src/bot/views/outbox.ts), with its parameters. */
export interface ViewPayload {
  type: "view";
  view: string;
  params: Record<string, unknown>;
}

/** What an outbox row asks to be sent; stored as JSON in `outbox.payload`. */
export type OutboxPayload = ReminderPayload | MessagePayload | ViewPayload;

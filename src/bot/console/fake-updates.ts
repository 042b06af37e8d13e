/**
 * The one builder of updates from local users, as Telegram builds them: a text (with its bot_command entity),
 * a button press on a message, an inline query. The console, the feature tests and the benchmark all feed the
 * bot through it, so they exercise the same shapes. Texts are recorded in the {@link LocalTelegram} as the
 * user's messages, so message ids interleave with the bot's as in a real chat.
 */
import type { Update } from "grammy/types";
import type { LocalMessage, LocalTelegram } from "./local-telegram.js";

/** A Telegram user playing in a local chat. */
export interface LocalUser {
  id: number;
  first_name: string;
  language_code?: string;
}

const COMMAND = /^\/[A-Za-z0-9_]+(?:@\w+)?/;

/** Builds numbered updates for local users; ids keep counting for the builder's lifetime. */
export class UpdateFactory {
  private updateId = 0;
  private queryId = 0;

  constructor(private readonly telegram: LocalTelegram) {}

  private from(u: LocalUser) {
    return { id: u.id, is_bot: false as const, first_name: u.first_name, language_code: u.language_code };
  }

  /** The user writes `text` in their private chat with the bot. */
  text(user: LocalUser, text: string): Update {
    const m = this.telegram.userMessage(user.id, text);
    const command = COMMAND.exec(text);
    return {
      update_id: ++this.updateId,
      message: {
        message_id: m.messageId,
        date: Math.floor(m.date / 1000),
        chat: { id: user.id, type: "private", first_name: user.first_name },
        from: this.from(user),
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      },
    };
  }

  /** The user presses a button carrying `data`, on `message` (absent: a button whose message is gone). */
  press(user: LocalUser, data: string, message?: LocalMessage): Update {
    return {
      update_id: ++this.updateId,
      callback_query: {
        id: `q${++this.queryId}`,
        from: this.from(user),
        chat_instance: `ci${user.id}`,
        ...(message ? { message: this.telegram.toTelegram(message, user) } : {}),
        data,
      },
    };
  }

  /** The user types "@bot query" in a chat of `chatType`. */
  inline(user: LocalUser, query: string, chatType: "sender" | "private" = "sender"): Update {
    return {
      update_id: ++this.updateId,
      inline_query: {
        id: `iq${++this.queryId}`,
        from: this.from(user),
        query,
        offset: "",
        chat_type: chatType,
      },
    };
  }

  /** Any other update, numbered in sequence. */
  raw(update: Omit<Update, "update_id">): Update {
    return { update_id: ++this.updateId, ...update } as Update;
  }
}

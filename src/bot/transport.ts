import { Api, GrammyError, HttpError } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { SendResult, Transport } from "../delivery/dispatcher.js";
import type { OutgoingButton, OutgoingMessage } from "../delivery/messages.js";

/**
 * A raw Bot API client for the outbox dispatcher: no auto-retry (the bot's own `bot.api` has one), so the
 * dispatcher sees every 429 itself and keeps the global pace, and a bounded request timeout.
 */
export function createDispatchApi(token: string, apiRoot?: string): Api {
  return new Api(token, { ...(apiRoot ? { apiRoot } : {}), timeoutSeconds: 30 });
}

/** An outgoing message's buttons as Telegram's inline keyboard. */
export function toInlineKeyboard(buttons: readonly OutgoingButton[][]): InlineKeyboardButton[][] {
  return buttons.map((row) =>
    row.map(
      (b): InlineKeyboardButton =>
        b.url ? { text: b.text, url: b.url } : { text: b.text, callback_data: b.callbackData ?? "x" },
    ),
  );
}

/** Telegram's inline keyboard as outgoing buttons (callback and URL buttons; others are left out). */
export function fromInlineKeyboard(keyboard: readonly InlineKeyboardButton[][]): OutgoingButton[][] {
  return keyboard
    .map((row) =>
      row.flatMap((b): OutgoingButton[] => {
        if ("callback_data" in b) return [{ text: b.text, callbackData: b.callback_data }];
        if ("url" in b) return [{ text: b.text, url: b.url }];
        return [];
      }),
    )
    .filter((row) => row.length > 0);
}

/**
 * What a failed Bot API call means for the outbox: 429 → retry after `retry_after` (a flood wait),
 * 403 → the user blocked the bot (or deleted their account), 5xx and network errors → retry with backoff,
 * any other error (400 …) → this message failed for good.
 */
export function toSendResult(err: unknown): SendResult {
  if (err instanceof GrammyError) {
    const error = `${err.error_code}: ${err.description}`;
    if (err.error_code === 429)
      return {
        ok: false,
        kind: "retry",
        flood: true,
        afterMs: (err.parameters.retry_after ?? 1) * 1000,
        error,
      };
    if (err.error_code === 403) return { ok: false, kind: "blocked", error };
    if (err.error_code >= 500) return { ok: false, kind: "retry", error };
    return { ok: false, kind: "failed", error };
  }
  if (err instanceof HttpError) return { ok: false, kind: "retry", error: `network: ${err.message}` };
  return { ok: false, kind: "retry", error: err instanceof Error ? err.message : String(err) };
}

/** The dispatcher's transport over the Bot API: one sendMessage per outgoing message (paid ones for Stars). */
export function createApiTransport(api: Api): Transport {
  return {
    async send(message: OutgoingMessage): Promise<SendResult> {
      try {
        await api.sendMessage(message.chatId, message.text, {
          ...(message.parseMode ? { parse_mode: message.parseMode } : {}),
          ...(message.entities ? { entities: message.entities as never } : {}),
          link_preview_options: { is_disabled: true },
          ...(message.paid ? { allow_paid_broadcast: true } : {}),
          ...(message.buttons?.length
            ? { reply_markup: { inline_keyboard: toInlineKeyboard(message.buttons) } }
            : {}),
        });
        return { ok: true };
      } catch (err) {
        return toSendResult(err);
      }
    },
  };
}

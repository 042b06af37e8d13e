/**
 * The local console: the same bot (handlers, database, programme) chatting in a terminal. Each line typed
 * is an update from a local user fed through `bot.handleUpdate`; the bot's outgoing calls never leave the
 * process (a {@link LocalTelegram} answers them) and its messages print as plain text with numbered buttons.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Bot } from "grammy";
import type { InlineQueryResult, Update } from "grammy/types";
import type { BotContext } from "../context.js";
import { type LocalUser, UpdateFactory } from "./fake-updates.js";
import type { LocalCall, LocalMessage, LocalTelegram } from "./local-telegram.js";
import { type ConsoleButton, renderMessage } from "./render.js";

/** The local user the console speaks as. */
export type ConsoleUser = LocalUser;

/** What the console needs: the bot (its API already routed to `telegram`), the streams, and who types. */
export interface ConsoleOptions {
  bot: Bot<BotContext>;
  telegram: LocalTelegram;
  input: Readable;
  output: Writable;
  user: ConsoleUser;
  /** Shows a prompt (a terminal); otherwise each input line is echoed so the transcript reads as a chat. */
  interactive: boolean;
  /** Lines printed after the banner (the demo clock, organizer mode, where the log goes). */
  greeting?: string[];
  /** The address that opens a Mini App button's URL in an ordinary browser, signed for the console user. */
  webAppLink?: (url: string) => string;
}

/** The console's first lines: what this is and how to run the bot on Telegram instead. */
export function consoleBanner(botUsername: string): string[] {
  return [
    "confbot — local console. This is the bot itself, with its database and programme, chatting in your terminal;",
    "nothing is sent to Telegram.",
    `Type a message (anything is a search; /start, /help, /schedule, /now …), #N to press button N of the latest`,
    `buttons, #mN for the menu's button N, "@${botUsername} flask" for inline mode, Ctrl-D to quit.`,
    "To run it on Telegram: get a token from @BotFather, then BOT_TOKEN=<token> npm start",
    "",
  ];
}

type Choice = ConsoleButton | { kind: "inline"; label: string; result: InlineQueryResult };

/** Runs the console until the input ends; resolves once the last line's update is handled. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { bot, telegram, output, user } = options;
  const print = (lines: string[]) => output.write(`${lines.join("\n")}\n`);
  const username = bot.botInfo.username;
  let choices: Choice[] = [];
  // The reply keyboard stays under the chat until another replaces it, as in Telegram.
  let menu: ConsoleButton[] = [];

  const show = (m: LocalMessage, edited: boolean) => {
    const rendered = renderMessage(m, { edited });
    print(rendered.lines);
    if (rendered.menu) menu = rendered.buttons;
    else if (rendered.buttons.length) choices = rendered.buttons;
  };

  telegram.onCall((call: LocalCall) => {
    if (call.error) {
      if (!/message is not modified/.test(call.error))
        print([`(Telegram would refuse ${call.method}: ${call.error})`]);
      return;
    }
    switch (call.method) {
      case "sendMessage":
      case "sendDocument":
      case "sendPhoto":
      case "sendVenue":
        if (call.message) show(call.message, false);
        break;
      case "editMessageText":
      case "editMessageReplyMarkup":
        if (call.message) show(call.message, true);
        break;
      case "deleteMessage":
        print(["(the bot deleted a message)"]);
        break;
      case "answerCallbackQuery":
        if (typeof call.payload.text === "string" && call.payload.text) print([`  ⓘ ${call.payload.text}`]);
        break;
      case "answerInlineQuery": {
        const results = (call.payload.results ?? []) as InlineQueryResult[];
        if (!results.length) {
          print(["── inline results ──", "(none)"]);
          break;
        }
        choices = results.map((result) => ({
          kind: "inline",
          label: "title" in result ? String(result.title) : result.id,
          result,
        }));
        print([
          "── inline results (#N posts one to the chat) ──",
          ...choices.map((c, i) => {
            const r = (c as { result: InlineQueryResult }).result;
            const description = "description" in r && r.description ? ` — ${r.description}` : "";
            return `  [#${i + 1}] ${c.label}${description}`;
          }),
        ]);
        break;
      }
    }
  });

  const updates = new UpdateFactory(telegram);
  const handle = (update: Update) => bot.handleUpdate(update);
  const sendText = (text: string) => handle(updates.text(user, text));

  const press = async (n: number, fromMenu: boolean) => {
    const choice = fromMenu ? menu[n - 1] : choices[n - 1];
    if (!choice) {
      const hint = menu.length && !fromMenu ? ` — the menu's buttons are #m1–#m${menu.length}` : "";
      return print([`(there is no button #${fromMenu ? "m" : ""}${n}${hint})`]);
    }
    switch (choice.kind) {
      case "callback": {
        const m = telegram.message(choice.chatId, choice.messageId);
        if (!m) return print(["(that message is gone)"]);
        return handle(updates.press(user, choice.data, m));
      }
      case "url": {
        const deepLink = new RegExp(`^https://t\\.me/${username}\\?start=([A-Za-z0-9_-]{1,64})$`).exec(
          choice.url,
        );
        if (deepLink) return sendText(`/start ${deepLink[1]}`);
        return print([`(this button opens ${choice.url})`]);
      }
      case "webapp":
        return print([
          options.webAppLink
            ? `(the Mini App — open it in a browser: ${options.webAppLink(choice.url)} )`
            : `(this button opens the Mini App at ${choice.url})`,
        ]);
      case "text":
        return sendText(choice.label);
      case "inline": {
        const r = choice.result;
        const content = "input_message_content" in r ? r.input_message_content : undefined;
        const text = content && "message_text" in content ? content.message_text : choice.label;
        const m = telegram.userMessage(user.id, text);
        Object.assign(m, {
          parseMode: content && "parse_mode" in content ? content.parse_mode : undefined,
          replyMarkup: r.reply_markup,
        });
        const rendered = renderMessage(m);
        rendered.lines[0] = `── you, via @${username} ──`;
        print(rendered.lines);
        if (rendered.buttons.length) choices = rendered.buttons;
        return;
      }
      case "other":
        return print(["(that kind of button does nothing in the console)"]);
    }
  };

  print([...consoleBanner(username), ...(options.greeting?.length ? [...options.greeting, ""] : [])]);
  const rl = createInterface({ input: options.input, terminal: false });
  const prompt = () => options.interactive && output.write("you › ");
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (!options.interactive && line) print([`you › ${line}`]);
    const button = /^#(m?)(\d{1,3})$/i.exec(line);
    const inline = new RegExp(`^@${username}(?:\\s+(.*))?$`, "i").exec(line);
    if (button) await press(Number(button[2]), button[1] !== "");
    else if (inline) await handle(updates.inline(user, (inline[1] ?? "").trim(), "private"));
    else if (line) await sendText(line);
    prompt();
  }
  if (options.interactive) output.write("\n");
}

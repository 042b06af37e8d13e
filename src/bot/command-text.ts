import type { MessageEntity } from "grammy/types";

/**
 * The text after a command (`/broadcast Hello *world*`) with its entities shifted to match, so the
 * organizer's formatting survives; the bot_command entity and leading whitespace are dropped.
 * Offsets are UTF-16 code units, like JavaScript string indices.
 */
export function textAfterCommand(
  text: string,
  entities: readonly MessageEntity[] = [],
): { text: string; entities: MessageEntity[] } {
  const command = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  let start = command ? command.length : (/^\/\S*/.exec(text)?.[0].length ?? 0);
  while (start < text.length && /\s/.test(text[start] ?? "")) start++;
  const rest = text.slice(start);
  const shifted = entities.flatMap((e) => {
    if (e === command) return [];
    const from = Math.max(e.offset, start);
    const to = e.offset + e.length;
    if (to <= from) return [];
    return [{ ...e, offset: from - start, length: to - from }];
  });
  return { text: rest, entities: shifted };
}

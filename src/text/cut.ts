/**
 * The first `maxChars` characters (code points) of `text`, trimmed. Only the head of the text is ever looked
 * at, so the cost does not grow with what a user (or a forged update) sends: cut before any per-character work.
 */
export function cutText(text: string, maxChars: number): string {
  // A code point is at most two UTF-16 units; room for leading whitespace that trimming removes.
  const head = text.length > maxChars * 4 ? text.slice(0, maxChars * 4) : text;
  const trimmed = head.trim();
  return trimmed.length <= maxChars ? trimmed : Array.from(trimmed).slice(0, maxChars).join("").trimEnd();
}

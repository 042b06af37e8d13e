/**
 * Telegram's HTML parse mode, read the way Telegram reads it: the supported tags, balanced; `&lt; &gt; &amp;
 * &quot;` and numeric entities; every other `<` or `&` an error. Used by the local console (to print replies
 * as plain text) and by tests (a reply Telegram would reject fails there too).
 */

const TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "a",
  "code",
  "pre",
  "tg-spoiler",
  "span",
  "blockquote",
  "tg-emoji",
]);
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** What Telegram would make of an HTML text: its plain text, or why it would refuse it. */
export type ParsedHtml =
  | { ok: true; text: string; readable: string; length: number }
  | { ok: false; error: string };

function decodeEntity(entity: string): string | undefined {
  const named = NAMED[entity];
  if (named) return named;
  const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(entity);
  if (!m) return undefined;
  const code = m[1] ? Number.parseInt(m[1], 16) : Number(m[2]);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** Decodes the entities of an attribute value or text run; undefined when one is not valid. */
function decode(s: string): string | undefined {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const amp = s.indexOf("&", i);
    if (amp < 0) return out + s.slice(i);
    out += s.slice(i, amp);
    const semi = s.indexOf(";", amp);
    const value = semi < 0 ? undefined : decodeEntity(s.slice(amp + 1, semi));
    if (value === undefined) return undefined;
    out += value;
    i = semi + 1;
  }
  return out;
}

/**
 * Parses Telegram HTML. `text` is what the recipient reads; `readable` also shows link targets
 * ("text (https://…)") for a terminal; `length` counts UTF-16 code units like Telegram's limits do.
 */
export function parseTelegramHtml(html: string): ParsedHtml {
  const stack: { tag: string; href?: string; start: number }[] = [];
  let text = "";
  let readable = "";
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    const run = html.slice(i, lt < 0 ? html.length : lt);
    if (run.includes(">"))
      return { ok: false, error: "Bad Request: can't parse entities: unexpected end tag" };
    const decoded = decode(run);
    if (decoded === undefined)
      return {
        ok: false,
        error: `Bad Request: can't parse entities: invalid entity near "${run.slice(0, 20)}"`,
      };
    text += decoded;
    readable += decoded;
    if (lt < 0) break;
    const gt = html.indexOf(">", lt);
    if (gt < 0) return { ok: false, error: "Bad Request: can't parse entities: unclosed start tag" };
    const m = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>$/.exec(html.slice(lt, gt + 1));
    if (!m)
      return {
        ok: false,
        error: `Bad Request: can't parse entities: unsupported tag "${html.slice(lt, gt + 1)}"`,
      };
    const [, closing, tag = "", attrs = ""] = m;
    if (!TAGS.has(tag))
      return { ok: false, error: `Bad Request: can't parse entities: unsupported start tag "${tag}"` };
    if (closing) {
      const open = stack.pop();
      if (!open || open.tag !== tag)
        return {
          ok: false,
          error: `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${open?.tag ?? tag}"`,
        };
      if (open.href && text.slice(open.start) !== open.href) readable += ` (${open.href})`;
    } else {
      const href = /href="([^"]*)"/.exec(attrs)?.[1];
      stack.push({ tag, href: href === undefined ? undefined : decode(href), start: text.length });
    }
    i = gt + 1;
  }
  const open = stack.pop();
  if (open)
    return {
      ok: false,
      error: `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${open.tag}"`,
    };
  return { ok: true, text, readable, length: text.length };
}

/** Plain text of an HTML message for reading in a terminal (the HTML itself when it does not parse). */
export function htmlToReadable(html: string): string {
  const parsed = parseTelegramHtml(html);
  return parsed.ok ? parsed.readable : html;
}

/**
 * Published texts (HTML, Markdown, entity-laden plain text) → plain text that keeps its meaning in a chat:
 * paragraphs separated by a blank line, list items as "• " lines, links as "label (url)", code kept.
 */
import { decodeHTML } from "entities";
import { parseDocument } from "htmlparser2";
import MarkdownIt from "markdown-it";

type ChildNode = ReturnType<typeof parseDocument>["children"][number];
type Element = Extract<ChildNode, { attribs: unknown }>;

/** What a text was written in, as far as the loader could tell. */
export type MarkupKind = "html" | "markdown" | "plain";

/** A text converted to plain text, and what it was written in. */
export interface PlainText {
  text: string;
  markup: MarkupKind;
  /** The source text held HTML character references (`&amp;`, `&#8217;`) that had to be decoded. */
  charRefs: boolean;
}

// HTML tags published abstracts actually use; anything else in angle brackets (`<https://…>`, `<3`) is text.
const HTML_TAGS = new Set(
  "a abbr b big blockquote br center cite code dd del details dfn div dl dt em font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strike strong sub summary sup table tbody td tfoot th thead tr tt u ul var".split(
    " ",
  ),
);
const BLOCK_TAGS = new Set(
  "blockquote center details div dl dd dt h1 h2 h3 h4 h5 h6 hr ol p pre summary table ul tr".split(" "),
);

const markdown = new MarkdownIt({ html: true, breaks: true, linkify: false });

/** Signs of Markdown: links, emphasis, inline code, headings, list items, quotes, fences, autolinks. */
function looksLikeMarkdown(s: string): boolean {
  return (
    /\[[^\]\n]+\]\([^)\s]+\)/.test(s) ||
    /(^|[\s(])(\*\*|__)\S[^\n]*?\S?\2(?=$|[\s.,;:!?)])/m.test(s) ||
    /(^|\s)`[^`\n]+`/.test(s) ||
    /^#{1,6} \S/m.test(s) ||
    /^\s{0,3}[-*+] \S[^\n]*\n\s{0,3}[-*+] \S/m.test(s) ||
    /^```/m.test(s) ||
    /<https?:\/\/[^\s>]+>/.test(s)
  );
}

/** Whether a parsed text holds real HTML elements (not `<https://…>` or a stray `<`). */
function hasHtmlTags(nodes: ChildNode[]): boolean {
  return nodes.some((n) => n.type === "tag" && (HTML_TAGS.has(n.name) || hasHtmlTags(n.children)));
}

/**
 * Removes the indentation a pretty-printing exporter added to continuation lines (39C3's abstracts are
 * indented like the XML around them), which Markdown would otherwise read as code blocks.
 */
function dedent(s: string): string {
  const lines = s.split("\n");
  const rest = lines.slice(1).filter((l) => l.trim());
  const indent = Math.min(...rest.map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0));
  if (!rest.length || !Number.isFinite(indent) || indent === 0) return s;
  return [
    lines[0],
    ...lines.slice(1).map((l) => l.slice(Math.min(indent, /^[ \t]*/.exec(l)?.[0].length ?? 0))),
  ].join("\n");
}

/** Collapses runs of blank lines and trailing spaces; trims the whole. */
function tidy(s: string): string {
  return s
    .split("\n")
    .map((l) => l.replace(/[ \t\u00a0]+$/g, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function linkText(label: string, href: string | undefined, baseUrl: string | undefined): string {
  const text = label.trim();
  if (!href || href.startsWith("#") || href.startsWith("javascript:")) return text;
  let url = href.trim();
  if (url.startsWith("mailto:")) url = url.slice(7);
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    try {
      url = new URL(url, baseUrl).href;
    } catch {
      return text; // relative link and no base to resolve it against
    }
  }
  const bare = (u: string) => u.replace(/^https?:\/\//, "").replace(/\/$/, "");
  if (!text || bare(text) === bare(url)) return url;
  return `${text} (${url})`;
}

/** Renders a DOM as plain text; whitespace collapses except inside <pre>. */
function renderNodes(nodes: ChildNode[], baseUrl: string | undefined): string {
  const out: string[] = [];
  const block = () => out.push("\n\n");
  const renderInline = (children: ChildNode[], pre: boolean): string => {
    const saved = out.length;
    walk(children, pre, "");
    return out.splice(saved).join("");
  };
  const walk = (children: ChildNode[], pre: boolean, listIndent: string): void => {
    for (const n of children) {
      if (n.type === "text") {
        out.push(pre ? n.data : n.data.replace(/\s+/g, " "));
        continue;
      }
      if (n.type !== "tag" && n.type !== "script" && n.type !== "style") continue;
      const el = n as Element;
      if (el.name === "script" || el.name === "style") continue;
      switch (el.name) {
        case "br":
          out.push("\n");
          break;
        case "hr":
          block();
          break;
        case "a":
          out.push(linkText(renderInline(el.children, pre), el.attribs.href, baseUrl));
          break;
        case "img":
          if (el.attribs.alt) out.push(el.attribs.alt);
          break;
        case "ul":
        case "ol": {
          block();
          let i = 0;
          for (const li of el.children) {
            if (li.type !== "tag") continue;
            if (li.name !== "li") {
              walk([li], pre, `${listIndent}  `);
              continue;
            }
            i++;
            const marker = el.name === "ol" ? `${i}. ` : "• ";
            // A loose list wraps items in <p>: the item's own paragraphs stay on its following lines.
            const body = tidy(renderNodes(li.children, baseUrl)).replace(/\n+/g, `\n${listIndent}  `);
            out.push(`\n${listIndent}${marker}${body}`);
          }
          block();
          break;
        }
        case "li":
          out.push(`\n${listIndent}• ${renderInline(el.children, pre).trim()}`);
          break;
        case "pre":
          block();
          out.push(renderInline(el.children, true).replace(/^\n+|\n+$/g, ""));
          block();
          break;
        case "td":
        case "th":
          out.push(`${renderInline(el.children, pre).trim()} `);
          break;
        default:
          if (BLOCK_TAGS.has(el.name)) {
            block();
            walk(el.children, pre, listIndent);
            block();
          } else walk(el.children, pre, listIndent);
      }
    }
  };
  walk(nodes, false, "");
  return out
    .join("")
    .split("\n")
    .map((l) => l.replace(/^ (?! )/, ""))
    .join("\n");
}

/** Turns HTML into plain text; `baseUrl` resolves relative links (dropped when there is none). */
export function htmlToText(html: string, baseUrl?: string): string {
  return tidy(renderNodes(parseDocument(html).children, baseUrl));
}

/**
 * A published abstract or description as plain text. HTML (also when it arrived escaped and the XML parser
 * unescaped it) is rendered; Markdown is rendered through markdown-it; plain text keeps its lines, with
 * character references decoded.
 */
export function toPlainText(source: string | undefined, baseUrl?: string): PlainText {
  const raw = (source ?? "").replace(/\r\n?/g, "\n");
  const charRefs = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});/i.test(raw);
  if (!raw.trim()) return { text: "", markup: "plain", charRefs: false };
  if (raw.includes("<")) {
    // `<https://…>` is an autolink, not an element; escaped, the HTML parser keeps it as text.
    const doc = parseDocument(raw.replace(/<(https?:\/\/[^\s<>]+)>/g, "&lt;$1&gt;"));
    if (hasHtmlTags(doc.children))
      return { text: tidy(renderNodes(doc.children, baseUrl)), markup: "html", charRefs };
  }
  const s = dedent(raw);
  if (looksLikeMarkdown(s))
    return { text: htmlToText(markdown.render(s), baseUrl), markup: "markdown", charRefs };
  return { text: tidy(charRefs ? decodeHTML(s) : s), markup: "plain", charRefs };
}

/**
 * A title or a name as published: entities decoded, whitespace collapsed, nothing else touched (FOSDEM's
 * "Will somebody *please*…" keeps its asterisks).
 */
export function plainLine(source: string | undefined): string {
  const s = source ?? "";
  return (s.includes("&") ? decodeHTML(s) : s).replace(/\s+/g, " ").trim();
}

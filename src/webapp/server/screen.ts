import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { i18n, TFunction } from "i18next";
import QRCode from "qrcode";
import { createI18n, fixedT } from "../../bot/i18n.js";
import type { Lang, Session } from "../../programme/model.js";
import { listQuestions } from "../../store/questions.js";
import { verifyScreenSignature } from "../screen-link.js";
import { scoped, type WebappDeps } from "./deps.js";
import { sendJson } from "./http-util.js";

/**
 * The room's screen (`GET /screen/<session key>/<signature>`): a projector page of a session's approved
 * questions, the most voted first and biggest, updating every few seconds from `…/questions.json`, with a QR
 * code that opens the bot on "Ask a question" for the session. Read-only, reached by a signed link only (a
 * wrong signature is a plain 404), in the conference's language; every attendee text is escaped, and the
 * page runs no script but its own (a nonce in its Content-Security-Policy).
 */

/** At most this many questions on the screen. */
export const SCREEN_QUESTIONS = 30;
/** How often the page asks for the questions again (ms). */
export const SCREEN_POLL_MS = 3000;

/** A question as the screen shows it. */
export interface ScreenQuestion {
  id: number;
  text: string;
  votes: number;
  answered: boolean;
}

/** What `questions.json` answers. */
export interface ScreenPayload {
  questions: ScreenQuestion[];
}

let translations: i18n | undefined;
/** The page's words in the conference's language (English unless it is Russian). */
function wordsFor(deps: WebappDeps): { lang: Lang; t: TFunction } {
  translations ??= createI18n();
  const lang: Lang = deps.catalog.programme.conference.languages[0] === "ru" ? "ru" : "en";
  return { lang, t: fixedT(translations, lang) };
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
/** Text made safe for HTML content and attribute values. */
export function escapeAttr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** The session a screen URL names, when its signature is right. */
function screenSession(deps: WebappDeps, key: string, signature: string): Session | undefined {
  if (!deps.screenKey || !/^[1-9][0-9]{0,9}$/.test(key) || !/^[A-Za-z0-9_-]{22}$/.test(signature))
    return undefined;
  const session = deps.catalog.sessionByKey(Number(key));
  return session && verifyScreenSignature(deps.screenKey, session.id, signature) ? session : undefined;
}

/** The session's approved questions for the screen. */
export function screenQuestions(deps: Pick<WebappDeps, "db">, session: Session): ScreenPayload {
  return {
    questions: listQuestions(deps.db, session.id, { limit: SCREEN_QUESTIONS }).map((q) => ({
      id: q.id,
      text: q.text,
      votes: q.votes,
      answered: q.answeredAt !== null,
    })),
  };
}

const qrMemo = new Map<string, string>();
/** The QR code of a link as inline SVG (made once per link). */
async function qrSvg(link: string): Promise<string> {
  let svg = qrMemo.get(link);
  if (!svg) {
    svg = await QRCode.toString(link, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    qrMemo.set(link, svg);
  }
  return svg;
}

/** One question's list item (the script renders the same markup from JSON). */
function itemHtml(q: ScreenQuestion, t: TFunction): string {
  const answered = q.answered
    ? `<span class="answered">✓ ${escapeAttr(t("questions.screen_answered"))}</span>`
    : "";
  return `<li${q.answered ? ' class="done"' : ""}><span class="votes">${q.votes}</span><span class="text">${escapeAttr(q.text)}${answered}</span></li>`;
}

const SCRIPT = `
const list = document.getElementById("questions");
const empty = document.getElementById("empty");
const answeredWord = list.dataset.answered;
async function refresh() {
  try {
    const r = await fetch(location.pathname.replace(/\\/$/, "") + "/questions.json", { cache: "no-store" });
    if (!r.ok) return;
    const { questions } = await r.json();
    list.replaceChildren(...questions.map((q) => {
      const li = document.createElement("li");
      if (q.answered) li.className = "done";
      const votes = document.createElement("span");
      votes.className = "votes";
      votes.textContent = String(q.votes);
      const text = document.createElement("span");
      text.className = "text";
      text.textContent = q.text;
      if (q.answered) {
        const tag = document.createElement("span");
        tag.className = "answered";
        tag.textContent = "✓ " + answeredWord;
        text.append(tag);
      }
      li.append(votes, text);
      return li;
    }));
    empty.hidden = questions.length > 0;
  } catch {}
}
setInterval(refresh, ${SCREEN_POLL_MS});
`;

const STYLE = `
*{box-sizing:border-box}html,body{margin:0;height:100%}
body{background:#0f1720;color:#f4f6f8;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;display:grid;grid-template-columns:1fr 24vw;gap:3vw;padding:3vw}
header h1{font-size:3.2vw;line-height:1.15;margin:0 0 .4em}header p{font-size:1.6vw;color:#9fb0c0;margin:0 0 1.5em}
ol{list-style:none;margin:0;padding:0}
li{display:flex;gap:1.2vw;align-items:baseline;padding:.5em 0;border-bottom:1px solid #243240;font-size:1.9vw;line-height:1.25}
li:nth-child(1){font-size:3.4vw}li:nth-child(2){font-size:2.8vw}li:nth-child(3){font-size:2.3vw}
.votes{min-width:2.6em;text-align:center;background:#2563eb;border-radius:.6em;padding:.1em .4em;font-weight:700;flex:none}
.text{overflow-wrap:anywhere}.done{opacity:.55}.answered{margin-left:.6em;font-size:.6em;color:#7ee2a8;white-space:nowrap}
#empty{font-size:2.4vw;color:#9fb0c0}
aside{text-align:center;align-self:start;position:sticky;top:3vw}
aside .qr{background:#fff;border-radius:1vw;padding:1vw}aside svg{width:100%;height:auto;display:block}
aside p{font-size:1.6vw;margin:.8em 0 0}
`;

/**
 * Serves `/screen/<key>/<signature>` (the page) and `/screen/<key>/<signature>/questions.json` (its data);
 * anything else under /screen, and a wrong signature, is 404.
 */
export async function serveScreen(
  all: WebappDeps,
  req: IncomingMessage,
  res: ServerResponse,
  key: string,
  signature: string,
  json: boolean,
): Promise<void> {
  // The screen of a session of any conference of the deployment, within that conference.
  const deps = (/^[1-9][0-9]{0,9}$/.test(key) && scoped(all, { sessionKey: Number(key) })) || all;
  const session = screenSession(deps, key, signature);
  if (!session) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
    return;
  }
  if (json) {
    sendJson(res, 200, screenQuestions(deps, session));
    return;
  }
  const { lang, t } = wordsFor(deps);
  const catalog = deps.catalog;
  const title = catalog.text(session.title, lang);
  const speakers = catalog.speakersOf(session).map((s) => catalog.text(s.name, lang));
  const room = catalog.roomName(session.room, lang);
  const { questions } = screenQuestions(deps, session);
  const bot = deps.botUsername;
  const askLink = bot ? `https://t.me/${bot}?start=q_${key}` : undefined;
  const qr = askLink ? await qrSvg(askLink) : "";
  const nonce = randomBytes(16).toString("base64");
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeAttr(`${t("questions.screen_title")} — ${title}`)}</title>
<style>${STYLE}</style></head>
<body><main><header><h1>${escapeAttr(title)}</h1><p>${escapeAttr([speakers.join(", "), room ?? ""].filter(Boolean).join(" · "))}</p></header>
<p id="empty"${questions.length ? " hidden" : ""}>${escapeAttr(t("questions.screen_empty"))}</p>
<ol id="questions" data-answered="${escapeAttr(t("questions.screen_answered"))}">${questions.map((q) => itemHtml(q, t)).join("")}</ol></main>
${askLink ? `<aside><div class="qr">${qr}</div><p>${escapeAttr(t("questions.screen_scan"))}</p></aside>` : "<aside></aside>"}
<script nonce="${nonce}">${SCRIPT}</script></body></html>`;
  const body = Buffer.from(html, "utf8");
  res.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "content-length": String(body.length),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

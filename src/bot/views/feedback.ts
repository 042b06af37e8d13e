import type { CrowdedSession } from "../../delivery/capacity.js";
import type { RatingSummary } from "../../store/ratings.js";
import { type AdminViewCtx, formatCount } from "./admin.js";
import { escapeHtml, formatDay, formatTimeRange, truncate } from "./format.js";
import type { OutboxView } from "./outbox.js";
import { starsText } from "./rating.js";
import { actionButton, type View } from "./view.js";

/** A /feedback page is cut at about this many characters (Telegram's limit is 4,096). */
const PAGE_CHARS = 3500;
/** Comments shown per session in the chat; every one is in `cli feedback export`. */
export const CHAT_COMMENTS = 10;
/** A comment is shortened to this many characters in the chat. */
const COMMENT_CHARS = 300;

/** A mean of stars with one decimal in the organizer's language: 4.3 / 4,3. */
function formatMean(mean: number, lang: AdminViewCtx["lang"]): string {
  return new Intl.NumberFormat(lang === "ru" ? "ru-RU" : "en-US", {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(mean);
}

/** One session's block of the report: title, count and mean, the distribution, the comments (HTML, escaped). */
function sessionBlock(v: AdminViewCtx, s: RatingSummary, n: number): string {
  const session = v.catalog.session(s.sessionId);
  const title = session ? v.catalog.text(session.title, v.lang) : s.sessionId;
  const when = session
    ? `${formatDay(session.start, v.catalog.timezone, v.lang, v.now)}, ${formatTimeRange(session.start, session.end, v.catalog.timezone, v.lang)}`
    : "";
  const lines = [
    v.t("rating.report.session", {
      n,
      title: truncate(title, 120),
      when,
      mean: formatMean(s.mean, v.lang),
      ratings: v.t("rating.report.ratings", { count: s.count }),
    }),
    `<code>${[5, 4, 3, 2, 1].map((k) => `${k}★ ${s.distribution[k - 1]}`).join(" · ")}</code>`,
  ];
  for (const c of s.comments.slice(-CHAT_COMMENTS))
    lines.push(
      `💬 ${escapeHtml(truncate(c.text.replace(/\s+/g, " "), COMMENT_CHARS))} <i>${starsText(c.stars)}</i>`,
    );
  if (s.comments.length > CHAT_COMMENTS)
    lines.push(v.t("rating.report.more_comments", { count: s.comments.length - CHAT_COMMENTS }));
  return lines.join("\n");
}

/** The report's pages: whole session blocks, as many as fit a message each. */
export function feedbackPages(v: AdminViewCtx, summaries: readonly RatingSummary[]): string[] {
  const pages: string[] = [];
  let page = "";
  summaries.forEach((s, i) => {
    const block = sessionBlock(v, s, i + 1);
    if (page && page.length + block.length + 2 > PAGE_CHARS) {
      pages.push(page);
      page = "";
    }
    page = page ? `${page}\n\n${block}` : block;
  });
  if (page) pages.push(page);
  return pages;
}

/**
 * /feedback: the sessions by number of ratings, then mean, each with its distribution and comments, one page
 * at a time with buttons to page through (HTML; every comment escaped).
 */
export function feedbackView(v: AdminViewCtx, summaries: readonly RatingSummary[], page: number): View {
  const total = summaries.reduce((sum, s) => sum + s.count, 0);
  if (!summaries.length)
    return { text: `${v.t("rating.report.title")}\n\n${v.t("rating.report.none")}`, keyboard: [] };
  const pages = feedbackPages(v, summaries);
  const at = Math.min(Math.max(0, page), pages.length - 1);
  const head = v.t("rating.report.summary", {
    ratings: formatCount(total, v.lang),
    sessions: formatCount(summaries.length, v.lang),
  });
  const nav = [];
  if (at > 0) nav.push(actionButton("«", { type: "feedback", page: at - 1 }));
  if (pages.length > 1) nav.push(actionButton(`${at + 1} / ${pages.length}`, { type: "noop" }));
  if (at < pages.length - 1) nav.push(actionButton("»", { type: "feedback", page: at + 1 }));
  return {
    text: `${v.t("rating.report.title")}\n${head}\n\n${pages[at] ?? ""}`,
    keyboard: nav.length ? [nav] : [],
  };
}

/** /stats' lines on rooms that may overflow: each crowded session with its followers and room capacity. */
export function crowdedLines(v: AdminViewCtx, crowded: readonly CrowdedSession[], percent: number): string[] {
  if (!crowded.length) return [];
  const lines = ["", v.t("capacity.stats_title", { percent })];
  for (const c of crowded.slice(0, 15)) {
    const session = v.catalog.session(c.sessionId);
    lines.push(
      v.t("capacity.stats_line", {
        title: truncate(session ? v.catalog.text(session.title, v.lang) : c.sessionId, 60),
        room: v.catalog.roomName(c.roomId, v.lang) ?? c.roomId,
        followers: formatCount(c.followers, v.lang),
        capacity: formatCount(c.capacity, v.lang),
        percent: c.percent,
      }),
    );
  }
  if (crowded.length > 15) lines.push(v.t("capacity.stats_more", { count: crowded.length - 15 }));
  return lines;
}

/** The organizers' notice that a session's followers passed its room's share (CAPACITY_VIEW). */
export const capacityAlertView: OutboxView = (ctx, params) => {
  const id = typeof params.sessionId === "string" ? params.sessionId : undefined;
  const session = id === undefined ? undefined : ctx.deps.catalog.session(id);
  if (!session) return undefined;
  const { catalog } = ctx.deps;
  const num = (x: unknown) => formatCount(typeof x === "number" ? x : 0, ctx.lang);
  return {
    text: ctx.t("capacity.alert", {
      title: truncate(catalog.text(session.title, ctx.lang), 200),
      room: catalog.roomName(session.room, ctx.lang) ?? "",
      when: `${formatDay(session.start, catalog.timezone, ctx.lang, ctx.deps.clock())}, ${formatTimeRange(session.start, session.end, catalog.timezone, ctx.lang)}`,
      followers: num(params.followers),
      capacity: num(params.capacity),
      percent: typeof params.percent === "number" ? params.percent : 0,
    }),
    keyboard: [],
  };
};

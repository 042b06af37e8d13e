import type { InlineKeyboardButton } from "grammy/types";
import type { Session, Speaker } from "../../programme/model.js";
import type { SearchResult } from "../../search/index.js";
import { translateAround } from "../i18n.js";
import { topicsAside } from "./examples.js";
import { escapeHtml, fitLines, formatWhen, truncate } from "./format.js";
import { actionButton, memoText, pick, plain, star, type View, type ViewCtx } from "./view.js";

/** Results shown per page. */
export const RESULTS_PAGE_SIZE = 6;
/** At most this many results are kept for paging. */
export const MAX_RESULTS = 60;

/** A search hit resolved against the catalog. */
export type Hit = { kind: "session"; session: Session } | { kind: "speaker"; speaker: Speaker };

/** Resolves search results to the sessions and speakers they name, dropping any the catalog no longer has. */
export function resolveHits(ctx: ViewCtx, results: readonly SearchResult[]): Hit[] {
  const catalog = ctx.deps.catalog;
  return results.flatMap((r): Hit[] => {
    if (r.kind === "speaker") {
      const speaker = catalog.speaker(r.id);
      return speaker ? [{ kind: "speaker", speaker }] : [];
    }
    const session = catalog.session(r.id);
    return session ? [{ kind: "session", session }] : [];
  });
}

/** How a query is echoed back: one line, shortened, escaped. */
export function echoQuery(query: string): string {
  return escapeHtml(truncate(query.replace(/\s+/g, " ").trim(), 40));
}

function hitLines(ctx: ViewCtx, n: number, hit: Hit): string {
  const id = hit.kind === "speaker" ? hit.speaker.id : hit.session.id;
  const mark = hit.kind === "session" ? star(ctx, hit.session.id) : "";
  return `${n}. ${mark}${memoText(ctx, `hit|${hit.kind}|${id}`, () => hitText(ctx, hit))}`;
}

/** A result's lines without its number: what it is, and who, when and where (or the affiliation). */
function hitText(ctx: ViewCtx, hit: Hit): string {
  const { lang } = ctx;
  const catalog = ctx.deps.catalog;
  if (hit.kind === "speaker") {
    const aff = pick(ctx, hit.speaker.affiliation);
    const head = `👤 <b>${escapeHtml(truncate(pick(ctx, hit.speaker.name), 100))}</b>`;
    return aff ? `${head}\n    <i>${escapeHtml(truncate(aff, 100))}</i>` : head;
  }
  const s = hit.session;
  const title = escapeHtml(truncate(pick(ctx, s.title), 120));
  const head = s.cancelled ? `<s>${title}</s> ${ctx.t("card.cancelled_short")}` : `<b>${title}</b>`;
  const names = catalog.speakersOf(s).map((sp) => pick(ctx, sp.name));
  const when = formatWhen(s.start, catalog.timezone, lang, ctx.deps.clock());
  const room = catalog.roomName(s.room, lang);
  const details = [names.length ? truncate(names.join(", "), 60) : undefined, when, room].filter(
    Boolean,
  ) as string[];
  return `${head}\n    ${escapeHtml(details.join(" · "))}`;
}

/**
 * "Nothing found" with a hint, and below it, apart, the weak matches offered as "did you mean" (each a button
 * to its card): not results, so the answer stays "nothing found".
 */
export function nothingFoundView(ctx: ViewCtx, query: string, weak: readonly Hit[] = []): View {
  const text = translateAround(
    ctx.t,
    "search.nothing",
    { topics: topicsAside(ctx) },
    "query",
    echoQuery(query),
  );
  if (!weak.length) return { text, keyboard: [] };
  const keyboard = weak.map((hit) => [
    hit.kind === "speaker"
      ? actionButton(`👤 ${pick(ctx, hit.speaker.name)}`, {
          type: "speaker",
          key: ctx.deps.catalog.speakerKey(hit.speaker.id),
        })
      : actionButton(`${star(ctx, hit.session.id)}${pick(ctx, hit.session.title)}`, {
          type: "session",
          key: ctx.deps.catalog.sessionKey(hit.session.id),
          page: 0,
        }),
  ]);
  return { text: `${text}\n\n${ctx.t("search.did_you_mean")}`, keyboard };
}

/**
 * One page of search results: a numbered list with a button per session or speaker (whose cards lead back
 * here), and paging. `key` names the query in callback_data.
 */
export function resultsView(
  ctx: ViewCtx,
  query: string,
  hits: readonly Hit[],
  page: number,
  key: string,
): View {
  const pages = Math.max(1, Math.ceil(hits.length / RESULTS_PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const first = p * RESULTS_PAGE_SIZE;
  const shown = hits.slice(first, first + RESULTS_PAGE_SIZE);
  // The query changes every time: translated around it, the rest of the header is remembered per count.
  const header = translateAround(ctx.t, "search.found", { count: hits.length }, "query", echoQuery(query));
  const lines = [pages > 1 ? `${header} ${ctx.t("nav.page", { page: p + 1, pages })}` : header, ""];
  const keyboard: InlineKeyboardButton[][] = [];
  const origin = { to: "results", page: p, key } as const;
  shown.forEach((hit, i) => {
    const n = first + i + 1;
    lines.push(hitLines(ctx, n, hit));
    keyboard.push([
      hit.kind === "speaker"
        ? actionButton(`${n}. 👤 ${pick(ctx, hit.speaker.name)}`, {
            type: "speaker",
            key: ctx.deps.catalog.speakerKey(hit.speaker.id),
            origin,
          })
        : actionButton(`${n}. ${star(ctx, hit.session.id)}${pick(ctx, hit.session.title)}`, {
            type: "session",
            key: ctx.deps.catalog.sessionKey(hit.session.id),
            page: 0,
            origin,
          }),
    ]);
  });
  if (pages > 1) {
    const nav: InlineKeyboardButton[] = [];
    if (p > 0) nav.push(actionButton(plain(ctx, "nav.prev"), { type: "results", page: p - 1, key }));
    nav.push(actionButton(`${p + 1}/${pages}`, { type: "noop" }));
    if (p < pages - 1) nav.push(actionButton(plain(ctx, "nav.next"), { type: "results", page: p + 1, key }));
    keyboard.push(nav);
  }
  return { text: fitLines(lines), keyboard };
}

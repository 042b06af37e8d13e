import type { InlineKeyboardButton } from "grammy/types";
import type { Speaker } from "../../programme/model.js";
import type { Origin } from "../callback-data.js";
import { escapeHtml, fitLines, formatTimeRange, safeUrl, truncate } from "./format.js";
import { otherEditions, withElsewhere } from "./series.js";
import { actionButton, memoText, pick, plain, star, starKey, type View, type ViewCtx } from "./view.js";

/** Bios longer than this are shortened on the card. */
export const MAX_BIO_CHARS = 1500;
/** At most this many of a speaker's sessions get a button (the card lists them all, as far as they fit). */
export const MAX_SESSION_BUTTONS = 20;

/** A speaker card: name, affiliation, link, bio and their sessions, a button per session and "Back". */
export function speakerCard(ctx: ViewCtx, speaker: Speaker, origin?: Origin): View {
  const catalog = ctx.deps.catalog;
  const sessions = catalog.sessionsOf(speaker.id);
  const keyboard: InlineKeyboardButton[][] = sessions.slice(0, MAX_SESSION_BUTTONS).map((s) => [
    actionButton(star(ctx, s.id) + pick(ctx, s.title), {
      type: "session",
      key: catalog.sessionKey(s.id),
      page: 0,
      origin: { to: "speaker", index: Math.max(0, s.speakers.indexOf(speaker.id)) },
    }),
  ]);
  if (origin?.to === "results") {
    keyboard.push([
      actionButton(plain(ctx, "nav.back_results"), { type: "results", page: origin.page, key: origin.key }),
    ]);
  } else if (origin?.to === "session") {
    const s = sessions[origin.index];
    if (s)
      keyboard.push([
        actionButton(plain(ctx, "nav.back_to", { name: pick(ctx, s.title) }), {
          type: "session",
          key: catalog.sessionKey(s.id),
          page: 0,
          origin: { to: "speaker", index: Math.max(0, s.speakers.indexOf(speaker.id)) },
        }),
      ]);
  }
  const stars = starKey(
    ctx,
    sessions.map((s) => s.id),
  );
  const card = {
    text: memoText(ctx, `speaker|${speaker.id}${stars}`, () => speakerText(ctx, speaker)),
    keyboard,
  };
  // The same person's talks at the other editions of the series, by name across scripts and spellings.
  return withElsewhere(ctx, card, otherEditions(ctx, speaker), "conference.at_edition");
}

/** The HTML text of a speaker card. */
function speakerText(ctx: ViewCtx, speaker: Speaker): string {
  const { t, lang } = ctx;
  const catalog = ctx.deps.catalog;
  const lines = [t("speaker.name", { name: truncate(pick(ctx, speaker.name), 200) })];
  const affiliation = pick(ctx, speaker.affiliation);
  if (affiliation) lines.push(t("speaker.affiliation", { affiliation: truncate(affiliation, 300) }));
  const url = safeUrl(speaker.url);
  if (url && url.length <= 500)
    lines.push(`🔗 <a href="${escapeHtml(url)}">${escapeHtml(truncate(url, 80))}</a>`);
  const bio = pick(ctx, speaker.bio).trim();
  if (bio) lines.push("", escapeHtml(truncate(bio, MAX_BIO_CHARS)));
  const sessions = catalog.sessionsOf(speaker.id);
  if (sessions.length) {
    lines.push("", t("speaker.sessions"));
    for (const s of sessions) {
      const when = formatTimeRange(s.start, s.end, catalog.timezone, lang, ctx.deps.clock());
      lines.push(
        t(s.cancelled ? "speaker.session_cancelled" : "speaker.session", {
          when,
          title: star(ctx, s.id) + truncate(pick(ctx, s.title), 120),
        }),
      );
    }
  }
  return fitLines(lines);
}

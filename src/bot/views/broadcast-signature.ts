import type { Audience, BroadcastMessage } from "../../delivery/broadcasts.js";
import { LANGS, type Lang } from "../../programme/model.js";
import type { BotDeps } from "../context.js";
import { conferenceName } from "./conference.js";

/** A year ending a conference's name ("PyCon Russia 2016", "FOSDEM '26"): its edition, not its series. */
const EDITION = /(?:[\s,–-]+(?:19|20)\d{2}|\s+'\d{2})$/u;

/**
 * The series a conference belongs to, as its attendees know it: its name without the year ("PyCon Russia") when
 * another conference of the deployment bears the same, else its own name ("FOSDEM 2026" among FOSDEM 2026,
 * 38C3 and the PyCon Russia editions): a series of one edition is that edition.
 */
export function seriesName(deps: BotDeps, lang: Lang): string {
  const own = conferenceName(deps, lang);
  const series = own.replace(EDITION, "").trim();
  if (!series || series === own) return own;
  const siblings = deps.conferences
    .all()
    .filter((d) => d.conference.id !== deps.conference.id)
    .some((d) => conferenceName(d, lang).replace(EDITION, "").trim() === series);
  return siblings ? series : own;
}

/**
 * Per language, the line a broadcast carries after the organizer's message in a deployment of several
 * conferences, where its readers may be looking at another one: the conference it comes from ("🎟 PyCon
 * Russia 2016") for its attendees or a session's followers, the sender's series ("📣 From the organizers of
 * PyCon Russia") for everyone who ever used the bot. None in a deployment of one. The name is bold, as an
 * entity: broadcasts are sent with the organizer's own entities, not HTML.
 */
export function broadcastSignatures(
  deps: BotDeps,
  audience: Audience,
): Partial<Record<Lang, BroadcastMessage>> | undefined {
  if (deps.conferences.size < 2) return undefined;
  const out: Partial<Record<Lang, BroadcastMessage>> = {};
  for (const lang of LANGS) {
    const t = deps.i18n.getFixedT(lang);
    const everyone = audience.kind === "everyone";
    const name = everyone ? seriesName(deps, lang) : conferenceName(deps, lang);
    // Rendered around a stand-in, so the name's place is known whatever the language puts before it.
    const [before = "", after = ""] = t(
      everyone ? "broadcast_signature.series" : "broadcast_signature.conference",
      {
        name: "\u0000",
        interpolation: { escapeValue: false },
      },
    ).split("\u0000");
    out[lang] = {
      text: before + name + after,
      entities: [{ type: "bold", offset: before.length, length: name.length }],
    };
  }
  return out;
}

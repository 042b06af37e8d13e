/** Maps a source's free-text event type ("maintrack", "Vortrag", "Lightning Talk", "lunch") onto a kind. */
import type { SessionKind } from "../model.js";

// Tested in order: the first rule whose pattern matches the type (or, for ceremonies and breaks, the title) wins.
const TYPE_RULES: [SessionKind, RegExp][] = [
  ["keynote", /keynote/i],
  ["lightning", /lightning|blitz/i],
  ["workshop", /workshop|hands[- ]on|tutorial|\blab\b|werkstatt|bastel|hackathon/i],
  ["panel", /panel|podium|diskussion|discussion|round ?table|debat/i],
  [
    "meetup",
    /meet-?up|\bbof\b|birds of a feather|treffen|gathering|self[- ]organi[sz]ed|assembly|stammtisch/i,
  ],
  [
    "meal",
    /\b(lunch|dinner|breakfast|brunch|meal)\b|mittag|abendessen|frühstück|buffet|repas|déjeuner|обед|ужин|завтрак|фуршет/i,
  ],
  ["break", /\bbreak\b|pause|coffee|kaffee|\btea\b|changeover|intermission|перерыв|кофе/i],
];
const CEREMONY = /ceremony|zeremonie/i;
const OPENING = /\bopening\b|eröffnung|welcome|begrüßung|ouverture|открытие|приветствие/i;
const CLOSING = /\bclosing\b|abschluss|closing|clôture|farewell|закрытие/i;
const ADMIN =
  /registration|check-in|anmeldung|inscription|doors open|einlass|room changeover|setup|teardown|регистрация/i;
const TALK = /talk|lecture|vortrag|presentation|maintrack|devroom|session|conférence|exposé|speech/i;

/** The kind of a session from its source type, title and whether it has speakers. */
export function kindOf(type: string | undefined, title: string, hasSpeakers: boolean): SessionKind {
  const t = type?.trim() ?? "";
  if (CEREMONY.test(t) || (!t && !hasSpeakers) || /^(opening|closing|открытие|закрытие)/i.test(title)) {
    if (OPENING.test(title)) return "opening";
    if (CLOSING.test(title)) return "closing";
  }
  for (const [kind, re] of TYPE_RULES) if (t && re.test(t)) return kind;
  if (!hasSpeakers) {
    // Breaks and meals are often typed "other" or not at all; their titles say what they are.
    for (const [kind, re] of TYPE_RULES.slice(-2)) if (re.test(title)) return kind;
  }
  if (t && TALK.test(t)) return "talk";
  if (CEREMONY.test(t) || (!hasSpeakers && ADMIN.test(title))) return "other";
  // Calendars without types or speakers (JRES) are mostly talks; attendees should be able to follow them.
  return "talk";
}

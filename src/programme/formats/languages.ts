/** Content languages: what a source writes in its language fields, as ISO 639-1 codes. */
const NAMES: Record<string, string> = {
  english: "en",
  englisch: "en",
  german: "de",
  deutsch: "de",
  french: "fr",
  français: "fr",
  francais: "fr",
  russian: "ru",
  русский: "ru",
  spanish: "es",
  español: "es",
  italian: "it",
  dutch: "nl",
  czech: "cs",
  polish: "pl",
};

/** "de, en" → ["de", "en"]; "en-US" → ["en"]; "English" → ["en"]; anything unrecognisable is left out. */
export function parseLanguages(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const out: string[] = [];
  for (const part of raw.split(/[,;/|]+|\s+(?:and|und|&)\s+/)) {
    const p = part.trim().toLowerCase();
    if (!p) continue;
    const code = NAMES[p] ?? /^([a-z]{2})(?:[-_][a-z0-9]+)?$/.exec(p)?.[1];
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/**
 * The conference's content languages from its sessions' languages, the most used first (first seen wins
 * ties); `fallback` when no session names one.
 */
export function conferenceLanguages(perSession: string[][], fallback: string): string[] {
  const counts = new Map<string, number>();
  for (const langs of perSession) for (const l of langs) counts.set(l, (counts.get(l) ?? 0) + 1);
  if (!counts.size) return [fallback];
  // Array#sort is stable, and a Map iterates in insertion order: ties stay first-seen first.
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l);
}

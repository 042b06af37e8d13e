import { chooseConference, configuredConferences } from "../conferences/config.js";
import { loadConfig } from "../config.js";
import { readScheduleFile } from "../programme/formats/index.js";
import type { Programme } from "../programme/model.js";
import { buildSearchIndex, type SearchIndex, type SearchResult } from "../search/index.js";

const usage =
  "usage: search [--limit N] [--conference ID] QUERY... | search --jsonl [--limit N] [--conference ID]  (the default conference's programme file)";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function describe(r: SearchResult, programme: Programme): string {
  if (r.kind === "speaker") {
    const p = programme.speakers.find((s) => s.id === r.id);
    const where = p?.affiliation ? ` (${p.affiliation.en})` : "";
    return `${r.name}${where}`;
  }
  const s = programme.sessions.find((x) => x.id === r.id);
  const names = (s?.speakers ?? []).map((id) => programme.speakers.find((p) => p.id === id)?.name.en ?? id);
  return `${r.title}${names.length ? ` — ${names.join(", ")}` : ""}`;
}

/** A result as a JSON line shows it. */
function shown(r: SearchResult) {
  return r.kind === "speaker"
    ? { kind: r.kind, id: r.id, name: r.name, score: r.score }
    : { kind: r.kind, id: r.id, title: r.title, score: r.score };
}

function jsonLine(query: string, index: SearchIndex, limit: number): string {
  const results = index.search(query, { limit }).map(shown);
  if (results.length) return JSON.stringify({ query, results });
  // Weak matches stay out of `results`: "nothing found" is still the answer; they are only offered.
  const didYouMean = (index.didYouMean?.(query) ?? []).map(shown);
  return JSON.stringify(didYouMean.length ? { query, results, didYouMean } : { query, results });
}

/**
 * `search QUERY` prints readable results; `search --jsonl` answers one JSON line per stdin line, in order:
 * `{"query": …, "results": [{kind, id, title | name, score}, …]}`, best first, empty when nothing is found —
 * then with `"didYouMean": [...]` beside it when a weak match may be offered.
 */
export async function searchCommand(args: string[]): Promise<number> {
  let limit = 10;
  let jsonl = false;
  let conferenceId: string | undefined;
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--jsonl") jsonl = true;
    else if (a === "--limit") limit = Number(args[++i]);
    else if (a === "--conference") conferenceId = args[++i];
    else words.push(a);
  }
  if (!Number.isInteger(limit) || limit < 1 || (!jsonl && !words.join("").trim())) {
    console.error(usage);
    return 2;
  }
  const conference = chooseConference(configuredConferences(loadConfig()), conferenceId);
  if (conference.source.kind !== "file") {
    console.error(`search: conference ${conference.id} follows a URL; search reads a programme file`);
    return 2;
  }
  const { programme } = readScheduleFile(conference.source.path, {
    ...(conference.timezone ? { timezone: conference.timezone } : {}),
  });
  const index = buildSearchIndex(programme);

  if (jsonl) {
    const lines = (await readStdin()).split(/\r?\n/);
    if (lines[lines.length - 1] === "") lines.pop();
    process.stdout.write(lines.map((q) => `${jsonLine(q, index, limit)}\n`).join(""));
    return 0;
  }

  const query = words.join(" ");
  const results = index.search(query, { limit });
  if (!results.length) {
    console.log(`Nothing found for “${query}”.`);
    const weak = index.didYouMean?.(query) ?? [];
    if (weak.length) console.log(`Did you mean: ${weak.map((r) => describe(r, programme)).join("; ")}?`);
    return 0;
  }
  for (const [i, r] of results.entries())
    console.log(
      `${String(i + 1).padStart(2)}. ${r.score.toFixed(2)}  ${r.kind.padEnd(8)}  ${describe(r, programme)}`,
    );
  return 0;
}

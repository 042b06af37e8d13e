/**
 * hit@1 of a search function on a query set in the shared scorer's format (query, acceptable first results,
 * category), judged the way ../shared/eval/score-search.mjs judges the CLI's answers.
 */
import { existsSync, readFileSync } from "node:fs";
import type { SearchResult } from "../src/search/index.js";

/** One line of a query set. */
export interface EvalCase {
  query: string;
  accept: string[];
  category: string;
}

const norm = (s: string | undefined) =>
  String(s ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, " ")
    .trim();

/** Reads a query set; an absent file gives no cases. */
export function readEvalSet(file: string): EvalCase[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => {
      const [query = "", accept = "", category = "other"] = l.split("\t");
      return { query, accept: accept.split("|"), category };
    });
}

/** Where a session result belongs: its track's and room's names, for the TRACK: and ROOM: codes. */
export type PlaceOf = (result: SearchResult) => { track?: string; room?: string } | undefined;

/**
 * Whether a search's answer passes a case: its first result is acceptable, or it is empty for NONE. Besides the
 * shared scorer's T: and S:, our own sets use TRACK:text and ROOM:text (a session whose track's or room's name
 * contains text, judged through `placeOf`) and KIND:kind (a session of that kind).
 */
export function passes(c: EvalCase, results: SearchResult[], placeOf?: PlaceOf): boolean {
  if (c.accept[0] === "NONE") return results.length === 0;
  const first = results[0];
  if (!first) return false;
  return c.accept.some((want) => {
    const [code = "", ...rest] = want.split(":");
    const text = norm(rest.join(":"));
    const session = first.kind !== "speaker";
    if (code === "T") return session && norm(first.title).includes(text);
    if (code === "S") return !session && norm(first.name).includes(text);
    if (code === "TRACK") return session && norm(placeOf?.(first)?.track).includes(text);
    if (code === "ROOM") return session && norm(placeOf?.(first)?.room).includes(text);
    if (code === "KIND") return first.kind === rest.join(":");
    return false;
  });
}

/** The cases a search passes, and the queries it fails. */
export function hitAt1(
  cases: EvalCase[],
  search: (q: string) => SearchResult[],
): { ok: number; failed: string[] } {
  const failed = cases.filter((c) => !passes(c, search(c.query))).map((c) => c.query);
  return { ok: cases.length - failed.length, failed };
}

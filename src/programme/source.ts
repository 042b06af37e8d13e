import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { ProgrammeError, unreadable } from "./errors.js";
import { type FetchLimits, fetchSource } from "./fetch-source.js";
import { parseSchedule } from "./formats/index.js";
import { checkFileSize } from "./formats/limits.js";
import type { ParsedSchedule } from "./model.js";

/** Where the programme comes from: a file organizers edit, or a schedule published at a URL. */
export type ProgrammeSource = { kind: "file"; path: string } | { kind: "url"; url: string };

/** A location as typed (a CLI argument, PROGRAMME_PATH or PROGRAMME_URL): http(s) URLs are URLs, the rest files. */
export function sourceOf(location: string): ProgrammeSource {
  return /^https?:\/\//i.test(location) ? { kind: "url", url: location } : { kind: "file", path: location };
}

/** The source the configuration names: PROGRAMME_URL when set, else PROGRAMME_PATH. */
export function configuredSource(config: {
  PROGRAMME_PATH: string;
  PROGRAMME_URL?: string;
}): ProgrammeSource {
  return config.PROGRAMME_URL
    ? { kind: "url", url: config.PROGRAMME_URL }
    : { kind: "file", path: config.PROGRAMME_PATH };
}

/** The source as people read it: the path or the URL. */
export function sourceName(source: ProgrammeSource): string {
  return source.kind === "url" ? source.url : source.path;
}

/** The fetch limits the configuration sets. */
export function fetchLimits(config: {
  PROGRAMME_FETCH_TIMEOUT: number;
  PROGRAMME_MAX_MB: number;
}): FetchLimits {
  return {
    timeoutMs: config.PROGRAMME_FETCH_TIMEOUT * 1000,
    maxBytes: config.PROGRAMME_MAX_MB * 1024 * 1024,
  };
}

/** A short fingerprint of a source's bytes: equal contents are the same version. */
export function contentHash(body: string | Uint8Array): string {
  return createHash("sha256").update(body).digest("base64url").slice(0, 22);
}

/**
 * Parses a source into a programme, whatever its format (recognised from the content: canonical YAML/JSON,
 * frab XML, c3voc JSON, iCalendar); a source that is no programme throws a ProgrammeError naming `name` and
 * every problem. Bytes rather than text, so a loader can mend what a decoder would have spoilt.
 */
export function parseSourceText(body: string | Uint8Array, name: string, timezone?: string): ParsedSchedule {
  return parseSchedule(body, { source: name, ...(timezone ? { timezone } : {}) });
}

/** Reads a source whole: the file, or the URL fetched unconditionally (the CLI's check, load, export). */
export async function readSource(source: ProgrammeSource, limits: FetchLimits): Promise<Buffer> {
  if (source.kind === "url") {
    const r = await fetchSource(source.url, {}, limits);
    if (r.status !== "ok")
      throw new ProgrammeError(source.url, [{ path: "", message: "a schedule, got 304" }]);
    return r.body;
  }
  let size: number;
  try {
    size = statSync(source.path).size;
  } catch (e) {
    throw new ProgrammeError(source.path, [unreadable(e)]);
  }
  checkFileSize(source.path, size, limits.maxBytes);
  try {
    return readFileSync(source.path);
  } catch (e) {
    throw new ProgrammeError(source.path, [unreadable(e)]);
  }
}

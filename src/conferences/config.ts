/**
 * The conferences of a deployment: `CONFERENCES=conferences.yaml`, a YAML list of
 * `{ id, programme, organizers, default, timezone, poll }` (programme: a file path relative to the YAML file,
 * or an http(s) URL). Without it, PROGRAMME_PATH or PROGRAMME_URL make a deployment of one (conference
 * `main`), and with neither the committed PyCon Russia series (data/pycon-ru.conferences.yaml) is served.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import type { Config } from "../config.js";
import { normaliseZone } from "../programme/formats/time.js";
import { type ProgrammeSource, sourceOf } from "../programme/source.js";
import { SOLE_CONFERENCE } from "../store/conferences.js";

/** The series configuration served when neither CONFERENCES nor PROGRAMME_PATH / PROGRAMME_URL is set. */
export const DEFAULT_SERIES = "data/pycon-ru.conferences.yaml";

/** One configured conference. */
export interface ConferenceSpec {
  /** Short and stable: deep links (`?start=c_<id>`) and the database name it. */
  id: string;
  source: ProgrammeSource;
  /** Telegram ids of its organizers (the deployment's owners, ADMIN_IDS, may act on every conference). */
  organizers: number[];
  /** The conference new users look at. */
  isDefault: boolean;
  /** The timezone of a source with local clock times only (as PROGRAMME_TIMEZONE). */
  timezone?: string;
  /** Seconds between fetches of a URL source (as PROGRAMME_POLL). */
  poll?: number;
}

/** A conference id: lower-case letters, digits and dashes, as deep links carry it. */
export const CONFERENCE_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

const entry = z.strictObject({
  id: z
    .string({ message: "an id is required (letters, digits and dashes, e.g. pycon-ru-2014)" })
    .regex(CONFERENCE_ID, "must be 1–40 lower-case letters, digits and dashes, e.g. pycon-ru-2014"),
  programme: z
    .string({ message: "a programme file (relative to this file) or an http(s) URL is required" })
    .min(1, "a programme file (relative to this file) or an http(s) URL is required"),
  organizers: z
    .array(
      z
        .number({ message: "must be Telegram user ids (whole numbers)" })
        .int("must be Telegram user ids (whole numbers)")
        .positive("must be Telegram user ids (positive)")
        .refine(Number.isSafeInteger, "must be Telegram user ids"),
      { message: "must be a list of Telegram user ids" },
    )
    .default([]),
  default: z.boolean({ message: "must be true or false" }).default(false),
  timezone: z
    .string()
    .refine((tz) => normaliseZone(tz) !== undefined, "must be an IANA timezone such as Europe/Moscow")
    .transform((tz) => normaliseZone(tz) ?? tz)
    .optional(),
  poll: z.number({ message: "must be seconds" }).int().positive("must be seconds, more than 0").optional(),
});

/** A configuration file that cannot be used; the message names the file, the entry and the field. */
export class ConferencesConfigError extends Error {
  override name = "ConferencesConfigError";
}

/** Reads and validates a conferences file. Paths of programmes are resolved against the file's directory. */
export function readConferencesFile(file: string): ConferenceSpec[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new ConferencesConfigError(`${file}: cannot read it (${(e as Error).message})`);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (e) {
    throw new ConferencesConfigError(`${file}: not YAML (${(e as Error).message})`);
  }
  return conferenceSpecs(data, file);
}

/** Validates a parsed conferences list (`file` names it in errors and anchors relative paths). */
export function conferenceSpecs(data: unknown, file: string): ConferenceSpec[] {
  if (!Array.isArray(data) || data.length === 0)
    throw new ConferencesConfigError(
      `${file}: expected a list of conferences (- id: …, programme: …), got ${Array.isArray(data) ? "an empty list" : typeof data}`,
    );
  const problems: string[] = [];
  const specs: ConferenceSpec[] = [];
  data.forEach((raw, i) => {
    const name = `entry ${i + 1}${raw && typeof raw === "object" && "id" in raw ? ` (${String(raw.id)})` : ""}`;
    const r = entry.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues)
        problems.push(`${file}: ${name}: ${issue.path.join(".") || "(entry)"}: ${issue.message}`);
      return;
    }
    const e = r.data;
    const source = sourceOf(e.programme);
    specs.push({
      id: e.id,
      source: source.kind === "file" ? { kind: "file", path: resolve(dirname(file), source.path) } : source,
      organizers: e.organizers,
      isDefault: e.default,
      ...(e.timezone ? { timezone: e.timezone } : {}),
      ...(e.poll ? { poll: e.poll } : {}),
    });
  });
  const seen = new Set<string>();
  for (const s of specs) {
    if (seen.has(s.id)) problems.push(`${file}: id: ${s.id} is listed twice`);
    seen.add(s.id);
  }
  const defaults = specs.filter((s) => s.isDefault);
  if (!problems.length && specs.length > 1 && defaults.length !== 1)
    problems.push(
      `${file}: default: exactly one conference must say default: true (the one new users see), got ${defaults.length ? defaults.map((d) => d.id).join(", ") : "none"}`,
    );
  if (problems.length) throw new ConferencesConfigError(problems.join("\n"));
  // One conference alone is the default.
  if (specs.length === 1 && specs[0]) specs[0].isDefault = true;
  // The default first: the first conference a database registers keeps its source's ids.
  return [...specs.filter((s) => s.isDefault), ...specs.filter((s) => !s.isDefault)];
}

/**
 * The deployment's conferences from its configuration: the CONFERENCES file; else PROGRAMME_URL or
 * PROGRAMME_PATH as conference `main`; else the committed series.
 */
export function configuredConferences(
  config: Pick<
    Config,
    "CONFERENCES" | "PROGRAMME_PATH" | "PROGRAMME_URL" | "PROGRAMME_TIMEZONE" | "PROGRAMME_POLL"
  >,
): ConferenceSpec[] {
  if (config.CONFERENCES) return readConferencesFile(config.CONFERENCES);
  const location = config.PROGRAMME_URL ?? config.PROGRAMME_PATH;
  if (!location) return readConferencesFile(DEFAULT_SERIES);
  return [
    {
      id: SOLE_CONFERENCE,
      source: sourceOf(location),
      organizers: [],
      isDefault: true,
      ...(config.PROGRAMME_TIMEZONE ? { timezone: config.PROGRAMME_TIMEZONE } : {}),
      poll: config.PROGRAMME_POLL,
    },
  ];
}

/** The conference `id` names (the default when `id` is undefined); an unknown id throws, listing the known. */
export function chooseConference(specs: readonly ConferenceSpec[], id?: string): ConferenceSpec {
  const found =
    id === undefined ? (specs.find((s) => s.isDefault) ?? specs[0]) : specs.find((s) => s.id === id);
  if (!found)
    throw new ConferencesConfigError(
      `--conference ${id}: no such conference; the configuration has ${specs.map((s) => s.id).join(", ")}`,
    );
  return found;
}

import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import type { z } from "zod";
import {
  expectedKey,
  formatPath,
  type Problem,
  ProgrammeError,
  type ProgrammeIssue,
  placeAt,
  unreadable,
} from "./errors.js";
import type { Programme } from "./model.js";
import { programmeSchema } from "./schema.js";

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = doc;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** The problem of a zod issue in words any language can give (see Problem); undefined when it has none. */
function problemOf(i: z.core.$ZodIssue, got: unknown, message: string): Problem | undefined {
  const params = (i as { params?: { problem?: Problem } }).params;
  if (i.code === "custom" && params?.problem) return params.problem;
  if (i.code === "invalid_key")
    return { code: "expected", values: { what: "lang", got: String(i.path.at(-1)) } };
  if (i.code === "unrecognized_keys")
    return { code: "unknown-fields", values: { fields: i.keys.join(", ") } };
  if (got === undefined) return { code: "missing" };
  if (i.code === "invalid_type")
    return { code: "expected-type", values: { type: i.expected, got: describe(got) } };
  if (i.code === "invalid_value")
    return { code: "one-of", values: { options: i.values.map(String).join(", "), got: describe(got) } };
  if ((i.code === "too_small" || i.code === "too_big") && i.origin === "number")
    return {
      code: i.code === "too_small" ? "at-least" : "at-most",
      values: { limit: Number(i.code === "too_small" ? i.minimum : i.maximum) },
    };
  const what = expectedKey(i.message) ?? expectedKey(message.replace(/^expected /, ""));
  return what && { code: "expected", values: { what, got: describe(got) } };
}

/**
 * The issues of a failed validation of `doc` as a programme: each with its path, its English message, its
 * problem in words any language can give and the session (speaker, room) it is in, named as the file has it.
 */
export function programmeIssues(issues: readonly z.core.$ZodIssue[], doc: unknown): ProgrammeIssue[] {
  return issues.map((i) => {
    const got = valueAt(doc, i.path);
    let message: string;
    if (i.code === "invalid_key")
      message = `expected an ISO 639-1 language code (two lowercase letters), got "${String(i.path.at(-1))}"`;
    else if (i.code === "unrecognized_keys")
      message = `no fields other than the known ones, got ${i.keys.join(", ")}`;
    else {
      const expected =
        i.code === "invalid_type"
          ? `expected ${i.expected}`
          : i.message.replace(/^Invalid [a-z ]+: /, "").replace(/^(?!expected )/, "expected ");
      const crossCheck = i.code === "custom" && i.params?.consistency === true;
      message = `${expected}${crossCheck ? "" : `, got ${describe(got)}`}`;
    }
    const problem = problemOf(i, got, message);
    const place = placeAt(doc, i.path);
    return {
      path: formatPath(i.path),
      message,
      ...(problem ? { problem } : {}),
      ...(place ? { place } : {}),
    };
  });
}

/** Validates an already parsed document (YAML or JSON) as a programme; throws a ProgrammeError listing every problem. */
export function validateProgramme(doc: unknown, file: string): Programme {
  const result = programmeSchema.safeParse(doc);
  if (result.success) return result.data as Programme;
  throw new ProgrammeError(file, programmeIssues(result.error.issues, doc));
}

/** A YAML parser's message without the position it appends (" at line 3, column 5:"), which the path gives. */
function yamlMessage(message: string): string {
  return (message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?\s*$/, "").replace(/:\s*$/, "");
}

/** Parses programme text (YAML, or JSON, which is YAML too) and validates it. */
export function parseProgramme(text: string, file: string): Programme {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    throw new ProgrammeError(
      file,
      doc.errors.map((e) => {
        const line = e.linePos?.[0]?.line ?? 0;
        const column = e.linePos?.[0]?.col ?? 0;
        return {
          path: `line ${line || "?"}`,
          message: yamlMessage(e.message),
          problem: { code: "yaml", values: { yaml: e.code, line, column } },
        };
      }),
    );
  }
  return validateProgramme(doc.toJS(), file);
}

/** Reads and validates a programme file; every problem is reported at once, nothing is half-read. */
export function readProgrammeFile(file: string): Programme {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new ProgrammeError(file, [unreadable(e)]);
  }
  return parseProgramme(text, file);
}

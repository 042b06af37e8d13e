import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { formatPath, ProgrammeError, type ProgrammeIssue } from "./errors.js";
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

/** Validates an already parsed document (YAML or JSON) as a programme; throws a ProgrammeError listing every problem. */
export function validateProgramme(doc: unknown, file: string): Programme {
  const result = programmeSchema.safeParse(doc);
  if (result.success) return result.data as Programme;
  const issues: ProgrammeIssue[] = result.error.issues.map((i) => {
    if (i.code === "invalid_key")
      return {
        path: formatPath(i.path),
        message: `expected an ISO 639-1 language code (two lowercase letters), got "${String(i.path.at(-1))}"`,
      };
    if (i.code === "unrecognized_keys")
      return {
        path: formatPath(i.path),
        message: `no fields other than the known ones, got ${i.keys.join(", ")}`,
      };
    const message =
      i.code === "invalid_type"
        ? `expected ${i.expected}`
        : i.message.replace(/^Invalid [a-z ]+: /, "").replace(/^(?!expected )/, "expected ");
    const crossCheck = i.code === "custom" && i.params?.consistency === true;
    const got = crossCheck ? "" : `, got ${describe(valueAt(doc, i.path))}`;
    return { path: formatPath(i.path), message: `${message}${got}` };
  });
  throw new ProgrammeError(file, issues);
}

/** Parses programme text (YAML, or JSON, which is YAML too) and validates it. */
export function parseProgramme(text: string, file: string): Programme {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) {
    throw new ProgrammeError(
      file,
      doc.errors.map((e) => ({
        path: `line ${e.linePos?.[0]?.line ?? "?"}`,
        message: e.message.split("\n")[0] ?? "",
      })),
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
    throw new ProgrammeError(file, [{ path: "", message: `a readable file (${(e as Error).message})` }]);
  }
  return parseProgramme(text, file);
}

import { DateTime } from "luxon";
import type {
  IssuePlace,
  Problem,
  ProblemValue,
  ProgrammeError,
  ProgrammeIssue,
} from "../../programme/errors.js";
import type { Programme, SourceWarning } from "../../programme/model.js";
import type { AdminViewCtx } from "./admin-view.js";
import { escapeHtml, formatTimeRange } from "./format.js";

/** Problems whose words say what clashes, so the field adds nothing. */
const CLASHES = ["room-taken", "speaker-busy"];

const isInstant = (s: string | undefined): s is string =>
  !!s && DateTime.fromISO(s, { setZone: true }).isValid;

/**
 * A place in the organizer's words: a session as «Title» (Tue 26 Feb, 17:10–18:10), a speaker, room or
 * track by its name — never `sessions[34]` (HTML).
 */
export function placeText(v: AdminViewCtx, p: IssuePlace): string {
  const name = v.catalog.text(p.name, v.lang) || p.id || "";
  if (p.kind !== "session") return v.t(`admin.place.${p.kind}`, { name });
  const when =
    isInstant(p.start) && isInstant(p.end)
      ? formatTimeRange(p.start, p.end, v.catalog.timezone, v.lang, v.now)
      : undefined;
  return when ? v.t("admin.place.session_at", { name, when }) : v.t("admin.place.session", { name });
}

/** A problem's values as its wording needs them, as HTML: places named, expectations and types worded. */
function wordedValues(
  v: AdminViewCtx,
  values: Record<string, ProblemValue>,
): Record<string, string | number> {
  const name = (p: IssuePlace) => escapeHtml(v.catalog.text(p.name, v.lang) || (p.id ?? ""));
  const out: Record<string, string | number> = {};
  for (const [k, value] of Object.entries(values)) {
    if (Array.isArray(value)) out[k] = value.map(name).join(", ");
    else if (typeof value === "object") out[k] = value.kind === "session" ? placeText(v, value) : name(value);
    else out[k] = typeof value === "string" ? escapeHtml(value) : value;
  }
  if (typeof values.what === "string") out.what = v.t(`admin.expected.${values.what}`);
  if (typeof values.type === "string")
    out.type = v.t(`admin.type.${values.type}`, { defaultValue: escapeHtml(values.type) });
  if (typeof values.yaml === "string")
    out.yaml = v.t(`admin.yaml.${values.yaml}`, { defaultValue: v.t("admin.yaml.other") });
  return out;
}

/** A problem in the organizer's language; the English message when it has no words of its own (HTML). */
function problemText(v: AdminViewCtx, issue: ProgrammeIssue, problem: Problem | undefined): string {
  if (!problem) return v.t("admin.issue.english", { message: issue.message });
  const values = wordedValues(v, problem.values ?? {});
  const key = `admin.issue.${problem.code}`;
  return v.t(key, { ...values, defaultValue: v.t("admin.issue.english", { message: issue.message }) });
}

/** Where a problem is: the place and its field, a YAML line, or the path when it is in the conference block. */
function whereText(
  v: AdminViewCtx,
  issue: ProgrammeIssue,
  place: IssuePlace | undefined,
  subject?: string,
): string {
  const field = place?.field && v.t(`admin.field.${place.field}`, { defaultValue: place.field });
  // The header names the session an edit changes; a clash's own words name the room or the speaker.
  if (place && place.id === subject) return CLASHES.includes(issue.problem?.code ?? "") ? "" : (field ?? "");
  if (place) return [placeText(v, place), field].filter(Boolean).join(" · ");
  if (issue.problem?.code === "yaml") return "";
  return issue.path ? `<code>${issue.path.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</code>` : "";
}

/**
 * One line per problem of a programme: "• «Scaling» (Tue 26 Feb, 11:00–12:00) · room: Hall B is taken then by
 * «Advanced Flask patterns» (…)". With `subject` (the session an edit changes) lines about it leave it
 * unnamed, and a clash found on the other session is told from the subject's side (HTML).
 */
export function problemLines(v: AdminViewCtx, e: ProgrammeError, subject?: string): string[] {
  return e.issues.map((issue) => {
    let place = issue.place;
    let problem = issue.problem;
    const other = problem?.values?.other;
    if (
      subject &&
      place &&
      other &&
      !Array.isArray(other) &&
      typeof other === "object" &&
      other.id === subject
    ) {
      // The clash was reported on the session already there: say it from the moved one's side.
      problem = {
        ...problem,
        values: { ...problem?.values, other: { ...place, field: undefined } as IssuePlace },
      } as Problem;
      place = { ...other, ...(place.field ? { field: place.field } : {}) };
    }
    const where = whereText(v, issue, place, subject);
    const what = problemText(v, issue, problem);
    return where ? v.t("admin.issue.line", { where, what }) : v.t("admin.issue.bare", { what });
  });
}

/**
 * One line per warning about a programme that loads (an offset other than the timezone's…), in the
 * organizer's language where the warning has words of its own, with its session named by title and time (HTML).
 */
export function warningLines(
  v: AdminViewCtx,
  programme: Programme,
  warnings: readonly SourceWarning[],
): string[] {
  return warnings.map((w) => {
    const s = w.session ? programme.sessions.find((x) => x.id === w.session) : undefined;
    const place = s ? placeText(v, { kind: "session", name: s.title, start: s.start, end: s.end }) : "";
    const values = Object.fromEntries(Object.entries(w.values ?? {}).map(([k, x]) => [k, escapeHtml(x)]));
    if (values.field) values.field = v.t(`admin.field.${values.field}`, { defaultValue: values.field });
    const what = v.t(`admin.warning.${w.code}`, {
      ...values,
      place,
      defaultValue: escapeHtml(w.message),
    });
    return v.t("admin.issue.bare", { what });
  });
}

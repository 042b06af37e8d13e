import type { ProgrammeDiff } from "./diff.js";
import type { Session, Text } from "./model.js";

/** A text for the log: its first non-empty language. */
function plainText(t: Text | undefined): string {
  return Object.values(t ?? {}).find((v) => v.trim()) ?? "-";
}

/** How one field of a session reads in the log. */
function fieldValue(s: Session, field: keyof Session): string {
  const v = s[field];
  if (v === undefined || (Array.isArray(v) && !v.length)) return "-";
  if (field === "links") return (s.links ?? []).map((l) => l.url).join(", ");
  if (Array.isArray(v)) return v.join(", ");
  if (typeof v === "object") return `"${plainText(v as Text)}"`;
  return String(v);
}

/** `title.ru: "old" → "new"` for each language whose text changed. */
function textChange(field: string, before: Text | undefined, after: Text | undefined): string {
  const langs = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return langs
    .filter((l) => before?.[l] !== after?.[l])
    .map((l) => `${field}.${l}: ${quoted(before?.[l])} → ${quoted(after?.[l])}`)
    .join("; ");
}

const quoted = (s: string | undefined) => (s === undefined ? "-" : `"${s}"`);

/** A plain-text account of a diff for logs and the CLI (attendee notices are rendered by the bot, localized). */
export function describeDiff(diff: ProgrammeDiff): string {
  const lines: string[] = [];
  for (const s of diff.added) lines.push(`+ ${s.id}  ${s.start}  ${s.room ?? "-"}  ${plainText(s.title)}`);
  for (const s of diff.removed) lines.push(`- ${s.id}  ${plainText(s.title)}`);
  for (const c of diff.changed) {
    const parts = c.fields.map((f) => {
      if (f === "cancelled") return c.after.cancelled ? "cancelled" : "restored";
      if (f === "abstract" || f === "audience") return f;
      if (f === "title" || f === "subtitle") return textChange(f, c.before[f], c.after[f]);
      return `${f}: ${fieldValue(c.before, f)} → ${fieldValue(c.after, f)}`;
    });
    lines.push(`~ ${c.id}  ${parts.join("; ")}`);
  }
  const summary = `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`;
  return lines.length ? `${lines.join("\n")}\n${summary}` : `no changes (${summary})`;
}

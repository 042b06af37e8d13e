import type { ProgrammeDiff } from "./diff.js";

/** A plain-text account of a diff for logs and the CLI (attendee notices are rendered by the bot, localized). */
export function describeDiff(diff: ProgrammeDiff): string {
  const lines: string[] = [];
  for (const s of diff.added) lines.push(`+ ${s.id}  ${s.start}  ${s.room ?? "-"}  ${s.title.en}`);
  for (const s of diff.removed) lines.push(`- ${s.id}  ${s.title.en}`);
  for (const c of diff.changed) {
    const parts = c.fields.map((f) => {
      if (f === "start" || f === "end" || f === "room")
        return `${f}: ${c.before[f] ?? "-"} → ${c.after[f] ?? "-"}`;
      if (f === "cancelled") return c.after.cancelled ? "cancelled" : "restored";
      if (f === "title") return `title: "${c.before.title.en}" → "${c.after.title.en}"`;
      return f;
    });
    lines.push(`~ ${c.id}  ${parts.join("; ")}`);
  }
  const summary = `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`;
  return lines.length ? `${lines.join("\n")}\n${summary}` : `no changes (${summary})`;
}

/** Warnings about an imported schedule, grouped by code and counted, for `programme check` and the logs. */
import type { SourceWarning } from "../model.js";

/** One group of warnings: its code, how many, and the messages in the source's order. */
export interface WarningGroup {
  code: string;
  count: number;
  messages: string[];
}

/** Groups warnings by code, the largest group first (first seen wins ties). */
export function groupWarnings(warnings: readonly SourceWarning[]): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const w of warnings) {
    const g = groups.get(w.code) ?? { code: w.code, count: 0, messages: [] };
    g.count++;
    g.messages.push(w.message);
    groups.set(w.code, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/** Counts by code (`{ "no-speakers": 19, … }`), for a log line. */
export function countWarnings(warnings: readonly SourceWarning[]): Record<string, number> {
  return Object.fromEntries(groupWarnings(warnings).map((g) => [g.code, g.count]));
}

/**
 * The groups as text lines: "  no-speakers ×19" then up to `examples` messages of each, and how many more.
 * `examples: Infinity` lists every message.
 */
export function formatWarnings(warnings: readonly SourceWarning[], examples = 3): string[] {
  const lines: string[] = [];
  for (const g of groupWarnings(warnings)) {
    lines.push(`  ${g.code} ×${g.count}`);
    for (const m of g.messages.slice(0, examples)) lines.push(`    ${m}`);
    if (g.count > examples) lines.push(`    … and ${g.count - examples} more (--all lists them)`);
  }
  return lines;
}

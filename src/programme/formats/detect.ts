/** Which format a schedule is in, from its content (an extension can be wrong or missing). */
import type { ParsedSchedule } from "../model.js";

/** The format of a schedule's text; canonical YAML is the fallback for anything else. */
export function detectFormat(text: string): ParsedSchedule["format"] {
  const head = text.replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("<")) return "frab-xml";
  if (/^BEGIN:VCALENDAR/i.test(head)) return "ical";
  if (head.startsWith("{")) {
    try {
      const doc = JSON.parse(head) as Record<string, unknown>;
      const schedule = doc.schedule as Record<string, unknown> | undefined;
      if (schedule && typeof schedule === "object" && "conference" in schedule) return "c3voc-json";
    } catch {
      // Broken JSON: a c3voc schedule (even a truncated one) names "schedule" first; the c3voc reader then
      // reports the JSON error. Anything else goes to the canonical reader (YAML is a superset of JSON).
      if (/^\{\s*("\$schema"\s*:\s*"[^"]*"\s*,\s*)?"schedule"\s*:/.test(head)) return "c3voc-json";
    }
  }
  return "canonical";
}

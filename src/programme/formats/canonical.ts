/** The canonical YAML/JSON that organizers edit by hand: strict, every error at once, no warnings. */
import type { ParsedSchedule } from "../model.js";
import { parseProgramme } from "../read.js";

/** Parses and validates the canonical form; throws a ProgrammeError listing every problem. */
export function parseCanonical(text: string, source: string): ParsedSchedule {
  return { format: "canonical", programme: parseProgramme(text, source), warnings: [] };
}

/** The canonical YAML/JSON that organizers edit by hand: strict, every error at once; warned of odd offsets. */
import type { ParsedSchedule } from "../model.js";
import { parseProgramme } from "../read.js";
import { checkOffsets } from "./checks.js";

/**
 * Parses and validates the canonical form; throws a ProgrammeError listing every problem. A valid file may
 * still warn: a time whose UTC offset is not the conference timezone's at that date.
 */
export function parseCanonical(text: string, source: string): ParsedSchedule {
  const programme = parseProgramme(text, source);
  return { format: "canonical", programme, warnings: checkOffsets(programme) };
}

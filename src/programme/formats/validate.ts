/** The last gate of every imported schedule: the model's schema for imported programmes. */
import { ProgrammeError } from "../errors.js";
import type { Programme } from "../model.js";
import { programmeIssues } from "../read.js";
import { importedProgrammeSchema } from "../schema.js";

/**
 * Checks a programme built from a source against the schema (fields and references; clashes are the
 * source's and only warned about). Throws a ProgrammeError listing every problem.
 */
export function validateImported(p: Programme, source: string): Programme {
  const result = importedProgrammeSchema.safeParse(p);
  if (result.success) return result.data;
  throw new ProgrammeError(source, programmeIssues(result.error.issues.slice(0, 50), p));
}

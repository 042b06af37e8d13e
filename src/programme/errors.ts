/** One problem found in a programme file: where it is and what was expected there. */
export interface ProgrammeIssue {
  /** Path inside the document, e.g. `sessions[3].start`. */
  path: string;
  message: string;
}

/** Thrown when a programme file cannot be used; lists every problem at once. */
export class ProgrammeError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ProgrammeIssue[],
  ) {
    super(
      `${file}: ${issues.length} problem(s)\n${issues.map((i) => `  ${file}: ${i.path || "(root)"}: ${i.message}`).join("\n")}`,
    );
    this.name = "ProgrammeError";
  }
}

/** Formats a path array as `sessions[3].start`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
    .join("");
}

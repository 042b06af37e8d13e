/**
 * Other names of technologies, the way people type them: jargon no dictionary lists. Each alias looks for the
 * name the programme uses, and only where the programme holds it as a name (see candidates.ts).
 */
const ALIAS_LINES = `
golang, го = go
postgres, pg = postgresql
js = javascript
ts = typescript
py = python
`;

/** Alias → the name it stands for. */
export const ALIASES: ReadonlyMap<string, string> = new Map(
  ALIAS_LINES.split("\n")
    .filter((line) => line.includes("="))
    .flatMap((line) => {
      const [aliases = "", name = ""] = line.split("=").map((s) => s.trim());
      return aliases.split(",").map((a) => [a.trim(), name] as const);
    }),
);

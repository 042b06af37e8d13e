/**
 * No import circles in src/ or webapp/: a module never imports, directly or through others, a module that
 * imports it (type-only imports included — they tie the files together just the same for a reader).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "dist" ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** The relative imports of every file, resolved to files. */
function importGraph(roots: string[]): Map<string, string[]> {
  const files = roots.flatMap((r) => sources(r)).map((f) => resolve(f));
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  const spec =
    /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s+["'](\.[^"']+)["']|import\(\s*["'](\.[^"']+)["']\s*\)/g;
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const deps: string[] = [];
    for (const m of text.matchAll(spec)) {
      const target = resolve(dirname(file), (m[1] ?? m[2]) as string);
      const candidates = [
        target.replace(/\.js$/, ".ts"),
        target.replace(/\.js$/, ".tsx"),
        `${target}.ts`,
        `${target}.tsx`,
        join(target, "index.ts"),
      ];
      const found = candidates.find((c) => known.has(c));
      if (found) deps.push(found);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** Every circle found by a depth-first walk, each as the files around it. */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const dep of graph.get(file) ?? []) {
      if (state.get(dep) === "open") found.push([...stack.slice(stack.indexOf(dep)), dep]);
      else if (!state.has(dep)) visit(dep);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe("imports", () => {
  it("form no circles", () => {
    const root = resolve(".");
    const found = circles(importGraph(["src", "webapp/src"])).map((c) =>
      c.map((f) => relative(root, f)).join(" → "),
    );
    expect(found).toEqual([]);
  });

  it("the check finds a circle when there is one", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
    ]);
    expect(circles(graph)).toEqual([["a", "b", "c", "a"]]);
  });
});

/**
 * The container image's runtime stage, without a container engine: the COPY lines of the Dockerfile's last
 * stage are read, the build stage's outputs made here (the bundle by scripts/build.mjs, the Mini App by the
 * test run's global setup, better-sqlite3 from node_modules), and exactly those files assembled in a folder
 * with no node_modules above it. The bot must run from it — a console search answered — and the files must be
 * the lean set: no TypeScript, esbuild, tsx or Vite, no source map, no sources. Without BOT_TOKEN and without
 * any input (a detached container), it must say that BOT_TOKEN is needed and exit non-zero.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** One COPY of the runtime stage: from the build context, or from the build stage's /app. */
interface Copy {
  from?: string;
  sources: string[];
  dest: string;
}

/** The COPY lines of the Dockerfile's last stage. */
function runtimeCopies(dockerfile: string): Copy[] {
  const lines = dockerfile.replace(/\\\n/g, " ").split("\n");
  const last = lines.findLastIndex((l) => /^FROM\s/i.test(l));
  return lines.slice(last).flatMap((line) => {
    const m = /^COPY\s+(?:--from=(\S+)\s+)?(.+)$/i.exec(line.trim());
    if (!m) return [];
    const parts = (m[2] as string).split(/\s+/);
    return [{ from: m[1], sources: parts.slice(0, -1), dest: parts.at(-1) as string }];
  });
}

const BUILD = `var/test-image-${process.pid}`;
let app: string;

/** Where a source of the build stage is in this tree: its outputs are built here, its modules installed. */
function buildStagePath(source: string): string {
  const path = source.replace(/^\/app\//, "");
  return path.startsWith("dist/") ? join(BUILD, path.slice("dist/".length)) : path;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { env: { ...process.env, BUILD_OUTDIR: BUILD } });
  app = join(mkdtempSync(join(tmpdir(), "confbot-image-")), "app");
  const copies = runtimeCopies(readFileSync("Dockerfile", "utf8"));
  expect(copies.length).toBeGreaterThan(3);
  for (const copy of copies) {
    for (const source of copy.sources) {
      const from = copy.from ? buildStagePath(source) : source;
      const dest = join(app, copy.dest.replace(/^\.\//, ""));
      // COPY dir ./x copies the dir's contents into x; COPY file ./x/y writes the file as y.
      const target = copy.dest.endsWith("/") ? join(dest, source.split("/").at(-1) as string) : dest;
      mkdirSync(dirname(target), { recursive: true });
      cpSync(from, target, { recursive: true });
    }
  }
}, 120_000);

afterAll(() => {
  rmSync(BUILD, { recursive: true, force: true });
  if (app) rmSync(dirname(app), { recursive: true, force: true });
});

describe("the image's runtime stage", () => {
  it("holds the bundle and the runtime modules only", () => {
    const files = filesUnder(app).map((f) => f.slice(app.length + 1));
    const modules = new Set(files.filter((f) => f.startsWith("node_modules/")).map((f) => f.split("/")[1]));
    expect([...modules].sort()).toEqual(["better-sqlite3", "bindings", "file-uri-to-path"]);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(files.filter((f) => f.startsWith("src/") || f.startsWith("scripts/"))).toEqual([]);
    expect(files).toContain("dist/main.js");
    expect(files).toContain("dist/bot.cjs");
    expect(files).toContain("dist/bot.cjs.cache");
    expect(files).toContain("webapp/dist/index.html");
    const size = files.reduce((n, f) => n + statSync(join(app, f)).size, 0);
    console.info(`runtime files: ${files.length}, ${(size / 1024 / 1024).toFixed(1)} MB`);
  });

  it("runs the bot from those files: a console search is answered", () => {
    const data = mkdtempSync(join(tmpdir(), "confbot-image-data-"));
    try {
      const run = spawnSync(
        process.execPath,
        ["--max-semi-space-size=1", "--heap-growing-percent=30", "dist/main.js"],
        {
          cwd: app,
          input: "flask\n",
          env: {
            PATH: process.env.PATH,
            NODE_ENV: "production",
            DATABASE_PATH: join(data, "confbot.sqlite"),
            PROGRAMME_PATH: "data/pycon-ru-2013.yaml",
            LOG_LEVEL: "warn",
          },
          encoding: "utf8",
          timeout: 60_000,
        },
      );
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout).toMatch(/Flask/);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 90_000);

  it("without BOT_TOKEN and without input (docker run -d) says BOT_TOKEN is needed and exits non-zero", () => {
    const data = mkdtempSync(join(tmpdir(), "confbot-image-data-"));
    try {
      const run = spawnSync(process.execPath, ["dist/main.js"], {
        cwd: app,
        stdio: ["ignore", "pipe", "pipe"],
        env: {
          PATH: process.env.PATH,
          DATABASE_PATH: join(data, "confbot.sqlite"),
          PROGRAMME_PATH: "data/pycon-ru-2013.yaml",
        },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("confbot: BOT_TOKEN is not set.");
      expect(existsSync(join(app, "node_modules", "typescript"))).toBe(false);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 90_000);
});

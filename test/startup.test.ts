import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadStartupProgramme } from "../src/startup.js";
import { openDatabase } from "../src/store/db.js";
import { attendeeProgramme } from "./support/attendee-programme.js";
import { tempDir } from "./support/tmp.js";

function setup() {
  const dir = tempDir();
  const logs: { level: number; msg: string; problems?: string[] }[] = [];
  const logger = pino({ level: "info" }, { write: (l: string) => logs.push(JSON.parse(l)) });
  const db = openDatabase(join(dir, "db.sqlite"));
  const file = join(dir, "programme.yaml");
  return { dir, logs, logger, db, file };
}

describe("loading the programme at start-up", () => {
  it("loads the file into the database and serves it", () => {
    const { db, file, logger, logs } = setup();
    writeFileSync(file, stringify(attendeeProgramme()));
    const loaded = loadStartupProgramme(db, file, logger, 0);
    expect(loaded?.programme.sessions.map((s) => s.id)).toContain("flask-patterns");
    expect(loaded?.diff?.added.length).toBe(loaded?.programme.sessions.length);
    expect(logs.map((l) => l.msg)).toEqual(["programme loaded"]);
  });

  it("falls back to the stored programme when the file is broken, logging the problems", () => {
    const { db, file, logger, logs } = setup();
    writeFileSync(file, stringify(attendeeProgramme()));
    loadStartupProgramme(db, file, logger, 0);
    writeFileSync(file, "conference: [not, a, conference]\nsessions: 3\n");
    const loaded = loadStartupProgramme(db, file, logger, 0);
    expect(loaded?.programme.sessions.map((s) => s.id)).toContain("flask-patterns");
    expect(loaded?.diff).toBeUndefined();
    const error = logs.find((l) => l.level === 50);
    expect(error?.msg).toContain("serving the programme already in the database");
    expect(error?.problems?.length).toBeGreaterThan(0);
  });

  it("gives up when the file is broken and the database has nothing", () => {
    const { db, file, logger, logs } = setup();
    expect(loadStartupProgramme(db, file, logger, 0)).toBeUndefined();
    expect(logs.find((l) => l.level === 50)?.msg).toBe("programme file is broken");
  });
});

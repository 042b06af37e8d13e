import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { attendeeProgramme } from "../test/support/attendee-programme.js";
import { tempDir } from "../test/support/tmp.js";
import { ProgrammeService } from "./programme/service.js";
import { loadStartupProgramme } from "./startup.js";
import { openDatabase } from "./store/db.js";
import { subscribe } from "./store/subscriptions.js";
import { touchUser } from "./store/users.js";

function setup() {
  const dir = tempDir();
  const logs: { level: number; msg: string; problems?: string[] }[] = [];
  const logger = pino({ level: "info" }, { write: (l: string) => logs.push(JSON.parse(l)) });
  const db = openDatabase(join(dir, "db.sqlite"));
  const file = join(dir, "programme.yaml");
  const service = new ProgrammeService({ db, clock: () => 0, defaultMinutes: 10 });
  const load = () => loadStartupProgramme(service, { kind: "file", path: file }, logger);
  return { dir, logs, logger, db, file, load };
}

describe("loading the programme at start-up", () => {
  it("loads the file into the database and serves it", async () => {
    const { file, load, logs } = setup();
    writeFileSync(file, stringify(attendeeProgramme()));
    const loaded = await load();
    expect(loaded?.programme.sessions.map((s) => s.id)).toContain("flask-patterns");
    expect(loaded?.diff?.added.length).toBe(loaded?.programme.sessions.length);
    expect(logs.map((l) => l.msg)).toEqual(["programme loaded"]);
  });

  it("tells subscribers about edits made to the file while the bot was down", async () => {
    const { db, file, load } = setup();
    const programme = attendeeProgramme();
    writeFileSync(file, stringify(programme));
    await load();
    for (const id of [1, 2]) touchUser(db, { id, chatId: id }, 0);
    subscribe(db, 1, "flask-patterns", 0);
    subscribe(db, 2, "async-io", 0);

    const flask = programme.sessions.find((s) => s.id === "flask-patterns");
    if (!flask) throw new Error("fixture");
    flask.room = "hall-b";
    flask.start = "2030-03-01T16:40:00+05:00";
    flask.end = "2030-03-01T17:40:00+05:00";
    writeFileSync(file, stringify(programme));
    const loaded = await load();

    expect(loaded?.diff?.changed.map((c) => c.id)).toEqual(["flask-patterns"]);
    const notices = db.prepare("SELECT user_id FROM outbox WHERE kind = 'notice'").all();
    expect(notices).toEqual([{ user_id: 1 }]);
  });

  it("does not parse a file unchanged since it was stored, and still loads it once it changes", async () => {
    const { db, file, load, logs } = setup();
    const programme = attendeeProgramme();
    writeFileSync(file, stringify(programme));
    await load();
    logs.length = 0;

    const again = await load();
    expect(logs.map((l) => l.msg)).toEqual(["programme file unchanged; serving the stored version"]);
    expect(again?.diff).toBeUndefined();
    expect(again?.programme.sessions.map((s) => s.id)).toContain("flask-patterns");
    const versions = () => db.prepare("SELECT COUNT(*) FROM programme_versions").pluck().get();
    expect(versions()).toBe(1);

    logs.length = 0;
    const flask = programme.sessions.find((s) => s.id === "flask-patterns");
    if (!flask) throw new Error("fixture");
    flask.title = { en: "Flask patterns, revised" };
    writeFileSync(file, stringify(programme));
    const changed = await load();
    expect(logs.map((l) => l.msg)).toEqual(["programme loaded"]);
    expect(changed?.diff?.changed.map((c) => c.id)).toEqual(["flask-patterns"]);
    expect(versions()).toBe(2);
  });

  it("parses the file again when the database holds a programme from elsewhere since", async () => {
    const { db, dir, file, load, logs } = setup();
    const programme = attendeeProgramme();
    writeFileSync(file, stringify(programme));
    await load();
    // Another file loaded beside the bot (the CLI): restarting with the first one brings it back.
    const other = join(dir, "other.yaml");
    writeFileSync(other, stringify({ ...programme, sessions: programme.sessions.slice(1) }));
    const service = new ProgrammeService({ db, clock: () => 0, defaultMinutes: 10 });
    await loadStartupProgramme(service, { kind: "file", path: other }, pino({ level: "silent" }));
    logs.length = 0;

    const back = await load();
    expect(logs.map((l) => l.msg)).toEqual(["programme loaded"]);
    expect(back?.diff?.added.map((s) => s.id)).toEqual([programme.sessions[0]?.id]);
  });

  it("falls back to the stored programme when the file is broken, logging the problems", async () => {
    const { file, load, logs } = setup();
    writeFileSync(file, stringify(attendeeProgramme()));
    await load();
    writeFileSync(file, "conference: [not, a, conference]\nsessions: 3\n");
    const loaded = await load();
    expect(loaded?.programme.sessions.map((s) => s.id)).toContain("flask-patterns");
    expect(loaded?.diff).toBeUndefined();
    const error = logs.find((l) => l.level === 50);
    expect(error?.msg).toContain("serving the programme already in the database");
    expect(error?.problems?.length).toBeGreaterThan(0);
  });

  it("gives up when the file is broken and the database has nothing", async () => {
    const { load, logs } = setup();
    expect(await load()).toBeUndefined();
    expect(logs.find((l) => l.level === 50)?.msg).toBe("programme file is broken");
  });

  it("serves the stored programme when the file fails in any way, a parser's own crash included", async () => {
    const { file, load, logs } = setup();
    writeFileSync(file, stringify(attendeeProgramme()));
    const first = await load();
    // A YAML alias bomb: the parser throws a ReferenceError of its own, not a programme problem.
    const lines = ["a0: &a0 [lol, lol]"];
    for (let i = 1; i <= 30; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
    writeFileSync(file, `${lines.join("\n")}\nconference: *a30\n`);
    const loaded = await load();
    expect(loaded?.programme.sessions.length).toBe(first?.programme.sessions.length);
    const last = logs.at(-1);
    expect(last?.msg).toBe("programme file is broken; serving the programme already in the database");
    expect(last?.problems?.[0]).toMatch(/ReferenceError: Excessive alias count/);
  });
});

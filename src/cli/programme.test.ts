import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { runCli } from "../../test/support/cli.js";
import { REAL_DIR } from "../../test/support/real-schedules.js";
import { tempDir } from "../../test/support/tmp.js";
import { canonicalProgramme } from "../programme/canonical.js";
import { parseProgramme, readProgrammeFile } from "../programme/read.js";
import { indexKey } from "../search/index-cache.js";
import { openDatabase } from "../store/db.js";
import { readProgramme } from "../store/programme-store.js";
import { readIndexSnapshot } from "../store/search-index.js";

/** With no configuration the CLI acts on the committed series' default edition. */
const DEFAULT_EDITION = "pycon-ru-2013";

const SHIPPED = "data/pycon-ru-2013.yaml";

describe("cli programme", () => {
  it("exports the shipped programme; export → load → export is an identity", () => {
    const dir = tempDir();
    const first = runCli(["programme", "export", "--json"]);
    expect(first.status, first.stderr).toBe(0);
    const json = JSON.parse(first.stdout);
    expect(Object.keys(json)).toEqual(["conference", "sessions", "speakers"]);
    const file = join(dir, "exported.json");
    writeFileSync(file, first.stdout);

    const env = { DATABASE_PATH: join(dir, "db.sqlite") };
    const load = runCli(["programme", "load", file], { env });
    expect(load.status, load.stderr).toBe(0);
    expect(load.stdout).toMatch(/added/);
    const again = runCli(["programme", "load", file], { env });
    expect(again.stdout).toMatch(/no changes/);

    const db = openDatabase(env.DATABASE_PATH);
    const stored = readProgramme(db, DEFAULT_EDITION);
    // The load left the search index's snapshot for the bot, under the key the bot will look for.
    expect(stored && readIndexSnapshot(db, indexKey(stored), DEFAULT_EDITION)).toBeDefined();
    db.close();
    writeFileSync(join(dir, "stored.json"), JSON.stringify(stored, null, 2));
    const second = runCli(["programme", "export", "--json", join(dir, "stored.json")]);
    expect(second.stdout).toBe(first.stdout);
  });

  it("acts on the series' default edition unless --conference names another, and refuses an unknown one", () => {
    const name = (args: string[]) => {
      const r = runCli(["programme", "export", "--json", ...args]);
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout).conference.name.en as string;
    };
    expect(name([])).toBe("PyCon Russia 2013");
    expect(name(["--conference", "pycon-ru-2019"])).toBe("PyCon Russia 2019");
    // The search reads the same programme: a 2019 talk's title finds it in 2019, not in 2013.
    const y2019 = JSON.parse(
      runCli(["programme", "export", "--json", "--conference", "pycon-ru-2019"]).stdout,
    );
    const talk = (y2019.sessions as { kind: string; title: { en?: string; ru?: string } }[]).find(
      (s) => s.kind === "talk" && s.title.en,
    );
    const title = talk?.title.en ?? "";
    // Whether the first result is that talk.
    const first = (args: string[]) =>
      runCli(["search", "--limit", "1", ...args, title])
        .stdout.split("\n")
        .some((line) => /^\s*1\./.test(line) && line.includes(title));
    expect(first(["--conference", "pycon-ru-2019"])).toBe(true);
    expect(first([])).toBe(false);
    const unknown = runCli(["programme", "export", "--json", "--conference", "pycon-ru-2030"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim()).toBe(
      "--conference pycon-ru-2030: no such conference; the configuration has pycon-ru-2013, pycon-ru-2014, " +
        "pycon-ru-2015, pycon-ru-2016, pycon-ru-2017, pycon-ru-2018, pycon-ru-2019",
    );
  });

  it("exports the canonical YAML, which reads back as the same programme", () => {
    const yaml = runCli(["programme", "export", "--yaml"]);
    expect(yaml.status, yaml.stderr).toBe(0);
    expect(yaml.stdout).toMatch(/^conference:\n {2}name:\n {4}ru: PyCon Russia 2013\n/);
    expect(yaml.stdout).toContain("languages:\n    - ru\n    - en\n");
    const shipped = canonicalProgramme(readProgrammeFile(SHIPPED));
    const exported = parseProgramme(yaml.stdout, "exported.yaml");
    expect(exported).toEqual(shipped);
    expect(JSON.stringify(canonicalProgramme(exported))).toBe(JSON.stringify(shipped));
  });

  it("refuses a broken field naming file and path, and leaves the database as it was", () => {
    const dir = tempDir();
    const env = { DATABASE_PATH: join(dir, "db.sqlite") };
    expect(runCli(["programme", "load", SHIPPED], { env }).status).toBe(0);

    const doc = parseDocument(readFileSync(SHIPPED, "utf8"));
    doc.setIn(["sessions", 3, "start"], "next tuesday");
    doc.setIn(["speakers", 0, "url"], 42);
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, doc.toString());

    const check = runCli(["programme", "check", broken]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(
      `${broken}: sessions[3].start: expected an ISO 8601 date-time with UTC offset, got "next tuesday"`,
    );
    expect(check.stderr).toContain(`${broken}: speakers[0].url:`);

    const db = openDatabase(env.DATABASE_PATH);
    const before = JSON.stringify(readProgramme(db, DEFAULT_EDITION));
    const load = runCli(["programme", "load", broken], { env });
    expect(load.status).toBe(1);
    expect(load.stderr).toContain("sessions[3].start");
    expect(JSON.stringify(readProgramme(db, DEFAULT_EDITION))).toBe(before);
    db.close();
  });

  it("checks the shipped file and explains usage errors", () => {
    const ok = runCli(["programme", "check"]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/28 talks, workshops and ceremonies/);
    expect(runCli(["programme", "frobnicate"]).status).toBe(2);
    const missing = runCli(["programme", "check", "no/such/file.yaml"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no/such/file.yaml");
  });
});

describe("cli programme, published schedules", () => {
  const real = (file: string) => join(REAL_DIR, file);

  it("checks any format, listing its warnings grouped and counted", () => {
    const r = runCli(["programme", "check", real("36c3-merged.voc.frab.xml")]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ok \(frab-xml\) — 1351 sessions/);
    expect(r.stdout).toMatch(/^ {2}duplicate-guid ×3$/m);
    expect(r.stdout).toMatch(/^ {2}speaker-id-split ×\d+$/m);
    expect(r.stdout).toContain("(--all lists them)");
    const all = runCli(["programme", "check", "--all", real("36c3-merged.voc.frab.xml")]);
    expect(all.stdout).not.toContain("(--all lists them)");
  });

  it("needs --timezone (or PROGRAMME_TIMEZONE) for local clock times only", () => {
    const file = real("fosdem-2020.pentabarf.xml");
    const refused = runCli(["programme", "check", file]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/PROGRAMME_TIMEZONE.*--timezone/);
    const given = runCli(["programme", "check", "--timezone", "Europe/Brussels", file]);
    expect(given.status, given.stderr).toBe(0);
    expect(given.stdout).toContain("times in Europe/Brussels");
    const env = runCli(["programme", "check", file], { env: { PROGRAMME_TIMEZONE: "Europe/Brussels" } });
    expect(env.status, env.stderr).toBe(0);
  });

  it("exports a published schedule as canonical YAML that loads as it is", () => {
    const dir = tempDir();
    const yaml = runCli(["programme", "export", "--yaml", real("denog16.pretalx.frab.xml")]);
    expect(yaml.status, yaml.stderr).toBe(0);
    const file = join(dir, "denog16.yaml");
    writeFileSync(file, yaml.stdout);
    const check = runCli(["programme", "check", file]);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/ok \(canonical\) — 35 sessions/);
    const load = runCli(["programme", "load", real("denog16.pretalx.frab.xml")], {
      env: { DATABASE_PATH: join(dir, "db.sqlite") },
    });
    expect(load.status, load.stderr).toBe(0);
    const db = openDatabase(join(dir, "db.sqlite"));
    expect(readProgramme(db, DEFAULT_EDITION)?.sessions).toHaveLength(35);
    db.close();
  });
});

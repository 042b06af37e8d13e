import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../test/support/tmp.js";
import { loadConfig } from "../config.js";
import {
  ConferencesConfigError,
  chooseConference,
  configuredConferences,
  DEFAULT_SERIES,
  readConferencesFile,
} from "./config.js";

function file(text: string): string {
  const path = join(tempDir(), "conferences.yaml");
  writeFileSync(path, text);
  return path;
}

describe("conferences configuration", () => {
  it("reads a list of conferences, programme paths relative to the file, the default first", () => {
    const path = file(`
- id: jug-spring
  programme: programmes/spring.yaml
  organizers: [111, 222]
- id: jug-autumn
  programme: https://example.org/autumn.xml
  default: true
  timezone: Europe/Moscow
  poll: 60
`);
    expect(readConferencesFile(path)).toEqual([
      {
        id: "jug-autumn",
        source: { kind: "url", url: "https://example.org/autumn.xml" },
        organizers: [],
        isDefault: true,
        timezone: "Europe/Moscow",
        poll: 60,
      },
      {
        id: "jug-spring",
        source: { kind: "file", path: join(path, "..", "programmes/spring.yaml") },
        organizers: [111, 222],
        isDefault: false,
      },
    ]);
  });

  it("names the file, the entry and the field of every problem", () => {
    const path = file(`
- id: Bad Id
  programme: a.yaml
- id: ok
  organizers: [12, "x"]
  colour: red
- id: ok
  programme: b.yaml
  timezone: Mars/Olympus
`);
    const error = (() => {
      try {
        readConferencesFile(path);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(ConferencesConfigError);
    const lines = error?.message.split("\n") ?? [];
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${path}: entry 1 \\(Bad Id\\): id: must be 1–40 lower-case`)),
        `${path}: entry 2 (ok): programme: a programme file (relative to this file) or an http(s) URL is required`,
        expect.stringMatching(
          new RegExp(`^${path}: entry 2 \\(ok\\): organizers.1: must be Telegram user ids`),
        ),
        expect.stringMatching(new RegExp(`^${path}: entry 2 \\(ok\\): \\(entry\\): .*colour`)),
        expect.stringMatching(new RegExp(`^${path}: entry 3 \\(ok\\): timezone: must be an IANA timezone`)),
      ]),
    );
  });

  it("wants exactly one default among several, unique ids, and a list", () => {
    expect(() =>
      readConferencesFile(file("- {id: a, programme: a.yaml}\n- {id: b, programme: b.yaml}\n")),
    ).toThrow(/default: exactly one conference must say default: true .* got none/);
    expect(() =>
      readConferencesFile(
        file("- {id: a, programme: a.yaml, default: true}\n- {id: a, programme: b.yaml}\n"),
      ),
    ).toThrow(/id: a is listed twice/);
    expect(() => readConferencesFile(file("id: a\n"))).toThrow(/expected a list of conferences/);
    expect(() => readConferencesFile(join(tempDir(), "none.yaml"))).toThrow(/none\.yaml: cannot read it/);
    // One conference alone is the default.
    expect(readConferencesFile(file("- {id: a, programme: a.yaml}\n"))[0]?.isDefault).toBe(true);
  });

  it("makes PROGRAMME_PATH or PROGRAMME_URL alone a deployment of one, and serves the committed series without either", () => {
    expect(
      configuredConferences(loadConfig({ PROGRAMME_PATH: "x.yaml", PROGRAMME_TIMEZONE: "Europe/Moscow" })),
    ).toEqual([
      {
        id: "main",
        source: { kind: "file", path: "x.yaml" },
        organizers: [],
        isDefault: true,
        timezone: "Europe/Moscow",
        poll: 300,
      },
    ]);
    expect(
      configuredConferences(loadConfig({ PROGRAMME_URL: "https://example.org/s.xml" }))[0]?.source,
    ).toEqual({
      kind: "url",
      url: "https://example.org/s.xml",
    });
    const series = configuredConferences(loadConfig({}));
    expect(series).toEqual(readConferencesFile(DEFAULT_SERIES));
    expect(series[0]).toMatchObject({ id: "pycon-ru-2013", isDefault: true });
    expect(chooseConference(series).id).toBe("pycon-ru-2013");
    expect(() => chooseConference(series, "nope")).toThrow(
      /--conference nope: no such conference; the configuration has pycon-ru-2013/,
    );
  });

  it("refuses CONFERENCES beside PROGRAMME_PATH", () => {
    expect(() => loadConfig({ CONFERENCES: "c.yaml", PROGRAMME_PATH: "x.yaml" })).toThrow(
      /CONFERENCES: the conferences file names each conference's programme/,
    );
  });
});

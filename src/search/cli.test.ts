import { describe, expect, it } from "vitest";
import { runCli } from "../../test/support/cli.js";

const env = { PROGRAMME_PATH: "data/pycon-ru-2013.yaml" };

describe("search CLI", () => {
  it("answers one JSON line per stdin line, in order, empty results for nothing found", () => {
    const queries = ["advanced flask", "Ронахер", "", "kubernetes", "ещктфвщ"];
    const run = runCli(["search", "--jsonl"], { input: `${queries.join("\n")}\n`, env });
    expect(run.status, run.stderr).toBe(0);
    const answers = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => a.query)).toEqual(queries);
    expect(answers[0].results[0]).toMatchObject({
      kind: "talk",
      id: "advanced-flask-patterns",
      title: "Advanced Flask patterns",
    });
    expect(typeof answers[0].results[0].score).toBe("number");
    expect(answers[1].results[0]).toMatchObject({
      kind: "speaker",
      id: "armin-ronacher",
      name: "Armin Ronacher",
    });
    expect(answers[1].results[0]).not.toHaveProperty("title");
    expect(answers[2].results).toEqual([]);
    expect(answers[3].results).toEqual([]);
    expect(answers[4].results[0]?.title).toMatch(/Tornado/);
  });

  it("prints readable results for a query given as arguments, and says when nothing is found", () => {
    const found = runCli(["search", "celery"], { env });
    expect(found.status, found.stderr).toBe(0);
    expect(found.stdout).toMatch(/1\. .*Celery for internal API in SOA infrastructure — Roman Imankulov/);
    const none = runCli(["search", "блокчейн"], { env });
    expect(none.stdout).toMatch(/Nothing found/);
  });

  it("refuses to run without a query", () => {
    expect(runCli(["search"], { env }).status).toBe(2);
  });
});

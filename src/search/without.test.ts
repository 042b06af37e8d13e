import { describe, expect, it } from "vitest";
import { talksProgramme } from "../../test/support/programme-fixture.js";
import { buildSearchIndex } from "./index.js";
import { lessWords, withoutNouns } from "./without.js";

describe("a thing named by what it goes without", () => {
  it("takes the word after the preposition, function words between them skipped", () => {
    expect(withoutNouns("функции в облаке без своих серверов")).toEqual(["серверов"]);
    expect(withoutNouns("login without a password")).toEqual(["password"]);
    expect(withoutNouns("Netzwerk ohne Kabel")).toEqual(["kabel"]);
    expect(withoutNouns("серверы и облака")).toEqual([]);
    expect(withoutNouns("без")).toEqual([]);
  });

  it("makes -less words of a Latin word's lemmas, not of a Cyrillic one", () => {
    expect(lessWords("servers")).toContain("serverless");
    expect(lessWords("password")).toEqual(["passwordless"]);
    expect(lessWords("серверов")).toEqual([]);
  });

  const index = buildSearchIndex(
    talksProgramme([
      ["sls", "Going serverless on a budget", "Functions, queues and their bills."],
      ["pw", "Passwordless login for everyone", "Keys and tokens instead of secrets."],
      ["srv", "Racking your own servers", "Cables, power and noise."],
      ["maps", "Maps of the city", "Tiles, layers and routing."],
    ]),
  );
  const first = (query: string) => index.search(query)[0]?.title;

  it("finds the -less word through the noun's translation, beside the query's other words", () => {
    expect(first("функции без своих серверов")).toBe("Going serverless on a budget");
    expect(first("без пароля")).toBe("Passwordless login for everyone");
    expect(first("login without passwords")).toBe("Passwordless login for everyone");
  });

  it("leaves the noun's own talks to a query without the preposition", () => {
    expect(first("свои серверы")).toBe("Racking your own servers");
  });
});

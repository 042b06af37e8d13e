import { describe, expect, it } from "vitest";
import { createHarness } from "../../../test/support/bot-harness.js";
import { smallProgramme } from "../../../test/support/programme-fixture.js";
import { inYear } from "../../../test/support/series.js";
import type { BotDeps } from "../context.js";
import { broadcastSignatures, seriesName } from "./broadcast-signature.js";

/** A deployment of conferences by id and English name (the Russian one: "«name»"). */
function deployment(names: Record<string, string>) {
  const conferences = Object.entries(names).map(([id, name], i) => {
    const p = inYear(smallProgramme(), 2016 + i, name);
    return { id, programme: { ...p, conference: { ...p.conference, name: { en: name, ru: `«${name}»` } } } };
  });
  const h = createHarness({ conferences });
  return (id: string) => h.deps.conferences.get(id) as BotDeps;
}

describe("the line naming a broadcast's conference", () => {
  it("names the series without its year when another edition shares it, else the conference itself", () => {
    const at = deployment({
      p16: "PyCon Russia 2016",
      p17: "PyCon Russia 2017",
      fosdem: "FOSDEM 2026",
      ccc: "38C3",
      jug: "JPoint '19",
    });
    expect(seriesName(at("p16"), "en")).toBe("PyCon Russia");
    expect(seriesName(at("p17"), "ru")).toBe("«PyCon Russia 2017»");
    expect(seriesName(at("fosdem"), "en")).toBe("FOSDEM 2026");
    expect(seriesName(at("ccc"), "en")).toBe("38C3");
    expect(seriesName(at("jug"), "en")).toBe("JPoint '19");
  });

  it("says the conference to its attendees and a session's followers, the series to everyone, bold", () => {
    const at = deployment({ p16: "PyCon Russia 2016", p17: "PyCon Russia 2017" });
    const attendees = broadcastSignatures(at("p16"), {
      kind: "all",
      conference: { id: "p16", isDefault: false },
    });
    expect(attendees?.en).toEqual({
      text: "🎟 PyCon Russia 2016",
      entities: [{ type: "bold", offset: 3, length: 17 }],
    });
    expect(broadcastSignatures(at("p16"), { kind: "session", sessionId: "x" })?.ru?.text).toBe(
      "🎟 «PyCon Russia 2016»",
    );
    const everyone = broadcastSignatures(at("p17"), { kind: "everyone" });
    expect(everyone?.en).toEqual({
      text: "📣 From the organizers of PyCon Russia",
      entities: [{ type: "bold", offset: 26, length: 12 }],
    });
    expect(everyone?.ru?.text).toBe("📣 От организаторов «PyCon Russia 2017»");
  });

  it("is not there in a deployment of one conference", () => {
    const at = deployment({ only: "PyCon Russia 2016" });
    expect(broadcastSignatures(at("only"), { kind: "everyone" })).toBeUndefined();
    expect(broadcastSignatures(at("only"), { kind: "all" })).toBeUndefined();
  });
});

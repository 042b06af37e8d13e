import { describe, expect, it } from "vitest";
import type { ProgrammeService } from "../programme/service.js";
import type { ConferenceSpec } from "./config.js";
import { Conferences, type ConferenceView } from "./registry.js";

/** A conference as the registry sees it: its id, organizers and prefix (no programme needed here). */
function view(id: string, organizers: number[], isDefault = false): ConferenceView {
  return {
    conference: { id, organizers, isDefault } as unknown as ConferenceSpec,
    programmeService: { prefix: isDefault ? "" : `${id}:` } as unknown as ProgrammeService,
    catalog: { session: () => undefined, sessionByKey: () => undefined, speakerByKey: () => undefined },
  };
}

describe("the conferences of a deployment", () => {
  it("knows who organizes a conference, who organizes any, and that owners organize them all", () => {
    const conferences = new Conferences([view("a", [1], true), view("b", [2, 3])], [9]);
    expect(conferences.isOrganizer(1, "a")).toBe(true);
    expect(conferences.isOrganizer(1, "b")).toBe(false);
    expect(conferences.isOrganizer(9, "b")).toBe(true);
    for (const id of [1, 2, 3, 9]) expect(conferences.organizesAny(id), String(id)).toBe(true);
    for (const id of [4, 10, 0]) expect(conferences.organizesAny(id), String(id)).toBe(false);
    expect(new Conferences([view("a", [], true)], []).organizesAny(1)).toBe(false);
  });
});

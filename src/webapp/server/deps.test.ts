import { afterEach, describe, expect, it } from "vitest";
import { textOf } from "../../../test/support/bot-harness.js";
import { startSeriesWebapp, tma } from "../../../test/support/webapp.js";
import { setUserConference } from "../../store/users.js";
import type { ApiMe, ApiProgramme } from "../api-types.js";
import type { WebappServer } from "./server.js";

const NOW = Date.parse("2030-03-01T09:00:00+05:00");
const ann = { id: 8001, first_name: "Ann", language_code: "en" };
const bob = { id: 8002, first_name: "Bob", language_code: "en" };

let server: WebappServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The Mini App's server over a deployment of three conferences, scoped as main.ts scopes it. */
async function series() {
  const started = await startSeriesWebapp(NOW);
  server = started.server;
  const call = (path: string, user = ann, method = "GET") =>
    fetch(`${started.base}${path}`, { method, headers: { authorization: tma(user, NOW) } });
  return { h: started.h, base: started.base, call };
}

describe("the Mini App in a deployment of several conferences", () => {
  it("acts within the user's current conference, or the one asked for, and refuses one it does not serve", async () => {
    const { h, call } = await series();
    const name = async (path: string, user = ann) =>
      ((await (await call(path, user)).json()) as ApiProgramme).conference.name;
    expect(await name("/api/programme")).toBe("TestConf & Co");
    expect(await name("/api/programme?conference=spring")).toBe("SpringConf");
    expect((await call("/api/programme?conference=nowhere")).status).toBe(404);
    // Following a session of another conference, asked for by its conference.
    expect((await call("/api/follow/spring:caching?conference=spring", ann, "PUT")).status).toBe(200);
    expect((await call("/api/follow/spring:caching", ann, "PUT")).status).toBe(404);
    const me = async (path: string, user = ann) => (await (await call(path, user)).json()) as ApiMe;
    expect((await me("/api/me")).following).toEqual([]);
    expect((await me("/api/me?conference=spring")).following).toEqual(["spring:caching"]);
    // Init data says who: Bob sees none of Ann's follows.
    expect((await me("/api/me?conference=spring", bob)).following).toEqual([]);
    // The user's current conference is the Mini App's.
    setUserConference(h.deps.db, ann.id, "spring", NOW);
    expect(await name("/api/programme")).toBe("SpringConf");
    expect((await me("/api/me")).following).toEqual(["spring:caching"]);
  });

  it("gives a calendar feed of the user's follows at every conference, whichever one they look at", async () => {
    const { h, base, call } = await series();
    await call("/api/follow/spring:caching?conference=spring", ann, "PUT");
    await call("/api/follow/flask-patterns", ann, "PUT");
    const { calendarUrl } = (await (await call("/api/me")).json()) as ApiMe;
    const feed = async () => (await fetch(`${base}${new URL(calendarUrl ?? "").pathname}`)).text();
    for (const conference of ["testconf", "spring"]) {
      setUserConference(h.deps.db, ann.id, conference, NOW);
      const ics = await feed();
      expect(ics).toContain("UID:flask-patterns@confbot");
      expect(ics).toContain("UID:spring:caching@confbot");
      expect(ics).toContain("SUMMARY:Distributed caching — Bob Ray");
      // The event of the conference looked at opens the Mini App; the other's, its card in the bot.
      const urls = [...ics.matchAll(/^URL:(.*)$/gm)].map((m) => m[1]);
      expect(urls).toHaveLength(2);
      expect(urls.filter((u) => u?.includes("?startapp=s"))).toHaveLength(1);
      expect(urls.filter((u) => /\?start=s_\d+\r?$/.test(u ?? ""))).toHaveLength(1);
    }
    // Bob follows nothing: his feed has no events.
    const bobs = (await (await call("/api/me", bob)).json()) as ApiMe;
    expect(await (await fetch(`${base}${new URL(bobs.calendarUrl ?? "").pathname}`)).text()).not.toContain(
      "BEGIN:VEVENT",
    );
  });

  it("tells the agenda the user's follows at the other conferences, and unfollows one there", async () => {
    const { h, call } = await series();
    const me = async (path: string, user = ann) => (await (await call(path, user)).json()) as ApiMe;
    await call("/api/follow/spring:caching?conference=spring", ann, "PUT");
    await call("/api/follow/flask-patterns", ann, "PUT");
    await call("/api/follow/old:async-io?conference=old", ann, "PUT");
    // Looking at TestConf & Co: SpringConf (running) before the 2020 edition (past), each with its zone.
    expect((await me("/api/me")).elsewhere).toEqual([
      {
        conference: { id: "spring", name: "SpringConf", timezone: "Asia/Yekaterinburg" },
        sessions: [
          {
            id: "spring:caching",
            title: "Distributed caching",
            start: Date.parse("2030-03-01T10:00:00+05:00"),
            end: Date.parse("2030-03-01T10:40:00+05:00"),
            room: "Hall B",
            link: `https://t.me/confbot_test_bot?start=s_${h.deps.conferences.get("spring")?.catalog.sessionKey("spring:caching")}`,
          },
        ],
      },
      {
        conference: { id: "old", name: "TestConf 2020", timezone: "Asia/Yekaterinburg" },
        sessions: [expect.objectContaining({ id: "old:async-io", title: "Asynchronous IO" })],
      },
    ]);
    // Its link opens the session's card in the bot, though the user looks at TestConf & Co.
    const link = (await me("/api/me")).elsewhere?.[0]?.sessions[0]?.link ?? "";
    await h.send(ann, `/start ${new URL(link).searchParams.get("start")}`);
    expect(textOf(h.last(ann))).toContain("Distributed caching");
    expect(textOf(h.last(ann))).toContain("🕒 Fri 1 Mar, 10:00–10:40");
    // Looking at SpringConf, TestConf & Co is elsewhere; in Russian, Russian titles.
    setUserConference(h.deps.db, ann.id, "spring", NOW);
    const there = await me("/api/me?conference=spring");
    expect(there.elsewhere?.map((g) => g.conference.id)).toEqual(["testconf", "old"]);
    const ru = { ...ann, language_code: "ru" };
    expect((await me("/api/me", ru)).elsewhere?.[0]?.sessions[0]?.title).toBe("Продвинутые паттерны Flask");
    // Unfollowing a session of another conference goes to that conference.
    expect((await call("/api/follow/old:async-io?conference=old", ann, "DELETE")).status).toBe(200);
    expect((await me("/api/me")).elsewhere?.map((g) => g.conference.id)).toEqual(["testconf"]);
    // Bob's follows are his own.
    expect((await me("/api/me", bob)).elsewhere).toEqual([]);
  });
});

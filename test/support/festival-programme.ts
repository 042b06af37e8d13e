import type { Programme, Session, Speaker } from "../../src/programme/model.js";

/**
 * A FOSDEM-size programme, English only: two days in Brussels, 30 rooms, each hosting one of 20 tracks
 * (track i in rooms i and i + 20), a 30-minute talk every half hour from 09:00 to 18:00 in every room — 1,080
 * sessions — with guid ids, a speaker each, a URL and a video link.
 */
export function festivalProgramme(): Programme {
  const rooms = Array.from({ length: 30 }, (_, i) => ({
    id: `r${i}`,
    name: { en: `Room ${String.fromCharCode(65 + (i % 26))}${i}` },
  }));
  const tracks = Array.from({ length: 20 }, (_, i) => ({ id: `t${i}`, name: { en: `Track ${i} devroom` } }));
  const days = ["2031-02-01", "2031-02-02"];
  const sessions: Session[] = [];
  const speakers: Speaker[] = [];
  days.forEach((day, d) => {
    for (let slot = 0; slot < 18; slot++) {
      const start = Date.parse(`${day}T09:00:00+01:00`) + slot * 30 * 60_000;
      rooms.forEach((room, r) => {
        const n = sessions.length;
        const id = `${d}${String(slot).padStart(2, "0")}${String(r).padStart(2, "0")}-aaaa-4bbb-8ccc-${String(n).padStart(12, "0")}`;
        speakers.push({ id: `p${n}`, name: { en: `Speaker ${n}` } });
        sessions.push({
          id,
          kind: "talk",
          title: { en: `Talk ${n} in ${room.name.en} at slot ${slot}` },
          abstract: { en: `Abstract of talk ${n}.` },
          start: new Date(start).toISOString(),
          end: new Date(start + 25 * 60_000).toISOString(),
          room: room.id,
          track: `t${r % 20}`,
          languages: ["en"],
          speakers: [`p${n}`],
          url: `https://fosdem.example.org/event/${n}`,
          links: [
            { url: `https://video.example.org/${n}.webm`, title: "Video recording (WebM)", kind: "video" },
          ],
        });
      });
    }
  });
  return {
    conference: {
      name: { en: "FestConf" },
      timezone: "Europe/Brussels",
      languages: ["en"],
      days,
      rooms,
      tracks,
    },
    sessions,
    speakers,
  };
}

/**
 * A 38C3-like night: Berlin, days that change at 06:00, a session at 01:30 on the night after the first day,
 * one in the morning, one the evening before, in German and English.
 */
export function nightProgramme(): Programme {
  const talk = (id: string, title: string, start: string, end: string, room: string): Session => ({
    id,
    kind: "talk",
    title: { en: title },
    abstract: {},
    start,
    end,
    room,
    track: "art",
    languages: ["de", "en"],
    speakers: [],
  });
  return {
    conference: {
      name: { en: "NightCongress" },
      timezone: "Europe/Berlin",
      languages: ["en"],
      dayChange: "06:00",
      days: ["2031-12-27", "2031-12-28"],
      rooms: [
        { id: "saal-1", name: { en: "Saal 1" } },
        { id: "saal-gluehweiss", name: { en: "Saal GLITCH" } },
      ],
      tracks: [{ id: "art", name: { en: "Art & Beauty" }, color: "#ff00aa" }],
    },
    sessions: [
      talk("evening", "Evening keynote", "2031-12-27T20:00:00+01:00", "2031-12-27T21:00:00+01:00", "saal-1"),
      talk(
        "night-owl",
        "Night owl hacking",
        "2031-12-28T01:00:00+01:00",
        "2031-12-28T02:30:00+01:00",
        "saal-gluehweiss",
      ),
      talk("morning", "Morning talk", "2031-12-28T11:00:00+01:00", "2031-12-28T12:00:00+01:00", "saal-1"),
    ],
    speakers: [],
  };
}

import type { Programme, Session } from "../../src/programme/model.js";

const LONG_ABSTRACT = Array.from(
  { length: 14 },
  (_, i) =>
    `Part ${i + 1}: event loops, <futures> & coroutines, with "quotes" and a look at how the loop schedules callbacks.`,
).join(" ");

/** Eight short talks with "Python" in the title, in two rooms, so that a search has several pages. */
function pythonTalks(): Session[] {
  const starts = ["11:20", "12:00", "12:40", "13:20"];
  const ends = ["12:00", "12:40", "13:20", "14:00"];
  return starts.flatMap((start, slot) =>
    (["hall-a", "hall-b"] as const).map((room, r) => {
      const n = slot * 2 + r + 1;
      return {
        id: `python-tricks-${n}`,
        kind: "talk" as const,
        title: { en: `Python tricks ${n}`, ru: `Трюки Python ${n}` },
        abstract: { en: `Trick number ${n}.`, ru: `Трюк номер ${n}.` },
        start: `2030-03-01T${start}:00+05:00`,
        end: `2030-03-01T${ends[slot]}:00+05:00`,
        room,
        speakers: n === 1 ? ["pat-obrien"] : [],
      };
    }),
  );
}

/**
 * The programme the attendee feature tests run against: two days, two rooms, breaks, a long abstract, a
 * cancelled talk, a two-speaker talk, many "Python" talks (paging), and names that need HTML escaping.
 */
export function attendeeProgramme(): Programme {
  return {
    conference: {
      name: { en: "TestConf & Co", ru: "ТестКонф & Ко" },
      timezone: "Asia/Yekaterinburg",
      languages: ["en", "ru"],
      tracks: [],
      city: { en: "Yekaterinburg", ru: "Екатеринбург" },
      days: ["2030-03-01", "2030-03-02"],
      rooms: [
        { id: "hall-a", name: { en: "Hall A", ru: "Зал A" } },
        { id: "hall-b", name: { en: "Hall B", ru: "Зал B" } },
      ],
    },
    sessions: [
      {
        id: "registration",
        kind: "break",
        title: { en: "Registration", ru: "Регистрация" },
        abstract: { en: "", ru: "" },
        start: "2030-03-01T09:00:00+05:00",
        end: "2030-03-01T10:00:00+05:00",
        speakers: [],
      },
      {
        id: "flask-patterns",
        kind: "talk",
        title: { en: "Advanced Flask patterns", ru: "Продвинутые паттерны Flask" },
        abstract: {
          en: "Patterns for large Flask applications.",
          ru: "Паттерны для больших приложений на Flask.",
        },
        audience: { en: "Flask users", ru: "Те, кто пишет на Flask" },
        start: "2030-03-01T10:00:00+05:00",
        end: "2030-03-01T11:00:00+05:00",
        room: "hall-a",
        speakers: ["armin-ronacher"],
      },
      {
        id: "async-io",
        kind: "talk",
        title: { en: "Inside asynchronous code", ru: "Внутри асинхронного кода" },
        abstract: { en: LONG_ABSTRACT, ru: LONG_ABSTRACT },
        start: "2030-03-01T10:00:00+05:00",
        end: "2030-03-01T10:40:00+05:00",
        room: "hall-b",
        speakers: ["ann-lee", "bob-ray"],
      },
      {
        id: "coffee",
        kind: "break",
        title: { en: "Coffee break", ru: "Кофе-брейк" },
        abstract: { en: "", ru: "" },
        start: "2030-03-01T11:00:00+05:00",
        end: "2030-03-01T11:20:00+05:00",
        speakers: [],
      },
      ...pythonTalks(),
      {
        id: "legacy-code",
        kind: "talk",
        title: { en: "Legacy code rescue", ru: "Спасение легаси-кода" },
        abstract: { en: "Was going to be about legacy code.", ru: "Должен был быть про легаси." },
        start: "2030-03-01T16:00:00+05:00",
        end: "2030-03-01T16:40:00+05:00",
        room: "hall-a",
        speakers: ["bob-ray"],
        cancelled: true,
      },
      {
        id: "future-keynote",
        kind: "keynote",
        title: { en: "The future of web frameworks", ru: "Будущее веб-фреймворков" },
        abstract: { en: "Where frameworks go next.", ru: "Куда идут фреймворки." },
        start: "2030-03-02T10:00:00+05:00",
        end: "2030-03-02T11:00:00+05:00",
        room: "hall-a",
        speakers: ["armin-ronacher"],
      },
      {
        id: "testing-workshop",
        kind: "workshop",
        title: { en: "Testing workshop", ru: "Мастер-класс по тестированию" },
        abstract: { en: "Hands-on testing.", ru: "Тестирование на практике." },
        start: "2030-03-02T11:00:00+05:00",
        end: "2030-03-02T13:00:00+05:00",
        room: "hall-b",
        speakers: ["ann-lee"],
      },
    ],
    speakers: [
      {
        id: "armin-ronacher",
        name: { en: "Armin Ronacher", ru: "Армин Ронахер" },
        affiliation: { en: "Pocoo", ru: "Pocoo" },
        bio: { en: "Author of Flask and Jinja2.", ru: "Автор Flask и Jinja2." },
        url: "http://lucumr.pocoo.org/",
      },
      { id: "ann-lee", name: { en: "Ann Lee", ru: "Энн Ли" }, affiliation: { en: "Yandex", ru: "Яндекс" } },
      {
        id: "bob-ray",
        name: { en: "Bob Ray", ru: "Боб Рэй" },
        bio: { en: "Likes <tags> & ampersands.", ru: "Любит <теги> & амперсанды." },
      },
      { id: "pat-obrien", name: { en: "Pat O'Brien <dev> & Co", ru: "Пэт О'Брайен <dev> & Ко" } },
    ],
  };
}

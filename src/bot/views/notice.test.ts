import { describe, expect, it } from "vitest";
import { attendeeProgramme } from "../../../test/support/attendee-programme.js";
import { createHarness, testUser } from "../../../test/support/bot-harness.js";
import { moscowSpring } from "../../../test/support/series.js";
import { enqueueChangeNotices, NOTICE_VIEW, type NoticeParams, snapshot } from "../../delivery/notices.js";
import { PROMPT_VIEW } from "../../delivery/prompts.js";
import type { Session } from "../../programme/model.js";
import { ANSWERED_VIEW } from "../../questions/service.js";
import { enqueue, findByKey, type OutboxRow } from "../../store/outbox.js";
import { addQuestion, markAnswered } from "../../store/questions.js";
import { subscribe } from "../../store/subscriptions.js";
import { noticeView } from "./notice.js";
import { createOutboxRenderer } from "./outbox.js";
import { answeredNoticeView } from "./questions.js";
import { ratingPromptOutboxView } from "./rating.js";

/** A session moved two hours later. */
function moved(s: Session): NoticeParams {
  const later = (iso: string) => new Date(Date.parse(iso) + 2 * 3_600_000).toISOString();
  return {
    sessionId: s.id,
    before: snapshot(s),
    after: { ...snapshot(s), start: later(s.start), end: later(s.end) },
  };
}

describe("change notices in a deployment of several conferences", () => {
  it("tells each change under its conference's name, in its zone and rooms, also when one notice combines two", async () => {
    for (const [lang, expected] of [
      [
        "en",
        [
          "🔄 <b>The programme changed</b> — sessions you follow:",
          "",
          "🎟 <b>TestConf &amp; Co</b>",
          "• <b>Advanced Flask patterns</b> — was Fri 1 Mar, 10:00, Hall A; now Fri 1 Mar, 12:00, Hall A",
          "",
          "🎟 <b>SpringConf</b>",
          "• <b>Distributed caching</b> — was Fri 1 Mar, 08:00, Red hall; now Fri 1 Mar, 10:00, Red hall",
        ],
      ],
      [
        "ru",
        [
          "🔄 <b>Программа изменилась</b> — ваши доклады:",
          "",
          "🎟 <b>ТестКонф &amp; Ко</b>",
          "• <b>Продвинутые паттерны Flask</b> — было пт, 1 марта, 10:00, Зал A; теперь пт, 1 марта, 12:00, Зал A",
          "",
          "🎟 <b>SpringConf</b>",
          "• <b>Распределённое кэширование</b> — было пт, 1 марта, 08:00, Красный зал; теперь пт, 1 марта, 10:00, Красный зал",
        ],
      ],
    ] as const) {
      const h = createHarness({
        conferences: [
          { id: "testconf", programme: attendeeProgramme() },
          { id: "spring", programme: moscowSpring() },
        ],
        now: "2030-02-20T10:00:00+05:00",
      });
      const user = testUser(lang);
      await h.send(user, "/start");
      const now = h.deps.clock();
      for (const id of ["flask-patterns", "spring:caching"]) subscribe(h.deps.db, user.id, id, now);
      const sessionAt = (conference: string, id: string) =>
        h.deps.conferences.get(conference)?.catalog.session(id) as Session;
      const changes = [
        moved(sessionAt("testconf", "flask-patterns")),
        moved(sessionAt("spring", "spring:caching")),
      ];
      const render = createOutboxRenderer(h.deps, { [NOTICE_VIEW]: noticeView });
      // Each conference's change makes its own notice, named and worded within its conference.
      for (const change of changes) enqueueChangeNotices(h.deps.db, [change], now);
      const pending = h.deps.db
        .prepare(
          "SELECT dedupe_key AS k FROM outbox WHERE kind = 'notice' AND status = 'pending' ORDER BY id",
        )
        .all() as { k: string }[];
      const texts = pending.map(({ k }) => {
        const row = findByKey(h.deps.db, k);
        return row && render(row, now)?.text;
      });
      expect(texts).toEqual(
        lang === "en"
          ? [
              "🎟 <b>TestConf &amp; Co</b>\n🔄 <b>Changed:</b> Advanced Flask patterns — was Fri 1 Mar, 10:00, Hall A; now Fri 1 Mar, 12:00, Hall A",
              "🎟 <b>SpringConf</b>\n🔄 <b>Changed:</b> Distributed caching — was Fri 1 Mar, 08:00, Red hall; now Fri 1 Mar, 10:00, Red hall",
            ]
          : [
              "🎟 <b>ТестКонф &amp; Ко</b>\n🔄 <b>Изменения в программе:</b> Продвинутые паттерны Flask — было: пт, 1 марта, 10:00, Зал A; теперь: пт, 1 марта, 12:00, Зал A",
              "🎟 <b>SpringConf</b>\n🔄 <b>Изменения в программе:</b> Распределённое кэширование — было: пт, 1 марта, 08:00, Красный зал; теперь: пт, 1 марта, 10:00, Красный зал",
            ],
      );
      // One notice that lists changes of both (as an earlier build queued them, inline): each under its name.
      enqueue(
        h.deps.db,
        [
          {
            kind: "notice",
            dedupeKey: "notice:both",
            userId: user.id,
            chatId: user.id,
            sessionId: null,
            payload: { type: "view", view: NOTICE_VIEW, params: { changes } },
            notBefore: now,
            expiresAt: now + 86_400_000,
          },
        ],
        now,
      );
      const notice = findByKey(h.deps.db, "notice:both");
      const message = notice && render(notice, now);
      expect(message?.text.split("\n")).toEqual(expected);
      // Each "Open" button opens its session at its own conference.
      const keys = message?.buttons?.flat().map((b) => b.callbackData);
      expect(keys).toEqual([
        `s:${h.deps.conferences.get("testconf")?.catalog.sessionKey("flask-patterns")}:n`,
        `s:${h.deps.conferences.get("spring")?.catalog.sessionKey("spring:caching")}:n`,
      ]);
    }
  });
});

describe("reminders, rating prompts and question notices in a deployment of several conferences", () => {
  it("name the session's conference and read it in its zone and rooms, whichever conference the user looks at", async () => {
    const h = createHarness({
      conferences: [
        { id: "testconf", programme: attendeeProgramme() },
        { id: "spring", programme: moscowSpring() },
      ],
      now: "2030-03-01T09:50:00+05:00",
    });
    const render = createOutboxRenderer(h.deps, { [NOTICE_VIEW]: noticeView });
    const startMs = Date.parse("2030-03-01T10:00:00+05:00");
    for (const [lang, expected] of [
      [
        "en",
        "⏰ In 10 minutes: <b>Distributed caching</b> — Bob Ray, Red hall, 08:00–08:40\n🎟 <b>SpringConf</b>",
      ],
      [
        "ru",
        "⏰ Через 10 минут: <b>Распределённое кэширование</b> — Боб Рэй, Красный зал, 08:00–08:40\n🎟 <b>SpringConf</b>",
      ],
    ] as const) {
      const user = testUser(lang);
      await h.send(user, "/start");
      const message = render(
        {
          id: 1,
          kind: "reminder",
          dedupeKey: "r",
          userId: user.id,
          chatId: user.id,
          sessionId: "spring:caching",
          payload: { type: "reminder", sessionId: "spring:caching", startMs },
        } as OutboxRow,
        h.deps.clock(),
      );
      expect(message?.text).toBe(expected);
    }
    // The rating prompt after it, too.
    const user = testUser("en");
    await h.send(user, "/start");
    const prompt = createOutboxRenderer(h.deps, { [PROMPT_VIEW]: ratingPromptOutboxView })(
      {
        id: 2,
        kind: "prompt",
        dedupeKey: "p",
        userId: user.id,
        chatId: user.id,
        sessionId: "spring:caching",
        payload: { type: "view", view: PROMPT_VIEW, params: { sessionId: "spring:caching" } },
      } as unknown as OutboxRow,
      h.deps.clock(),
    );
    expect(prompt?.text).toMatch(/^🎤 How was “Distributed caching”\?[\s\S]*\n🎟 <b>SpringConf<\/b>$/);
    // And the notice that the speaker answered one's question.
    const { id } = addQuestion(h.deps.db, {
      sessionId: "spring:caching",
      userId: user.id,
      text: "Which eviction policy?",
      status: "approved",
      source: "test:1",
      now: h.deps.clock(),
    });
    markAnswered(h.deps.db, id, h.deps.clock());
    const answered = createOutboxRenderer(h.deps, { [ANSWERED_VIEW]: answeredNoticeView })(
      {
        id: 3,
        kind: "notice",
        dedupeKey: `answered:${id}`,
        userId: user.id,
        chatId: user.id,
        sessionId: "spring:caching",
        payload: { type: "view", view: ANSWERED_VIEW, params: { questionId: id } },
      } as unknown as OutboxRow,
      h.deps.clock(),
    );
    expect(answered?.text).toBe(
      "💬 The speaker of “Distributed caching” has answered your question:\n<i>Which eviction policy?</i>\n🎟 <b>SpringConf</b>",
    );
  });
});

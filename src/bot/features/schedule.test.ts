import { describe, expect, it } from "vitest";
import {
  createHarness,
  labelsOf,
  newUserSends,
  testUser,
  textOf,
} from "../../../test/support/bot-harness.js";

describe("/schedule", () => {
  it("offers the days, then a day's sessions by time and room", async () => {
    const { h, user, reply: picker } = await newUserSends("/schedule");
    expect(textOf(picker)).toContain("Pick a day");
    expect(labelsOf(picker)).toEqual(["Fri 1 Mar", "Sat 2 Mar"]);
    await h.press(user, picker, "Fri 1 Mar");
    const day = h.last(user);
    expect(day.messageId).toBe(picker.messageId);
    const text = textOf(day);
    expect(text).toContain("Fri 1 Mar");
    expect(text).toContain("09:00–10:00\n☕ Registration");
    // Sessions starting together are listed by room; different ends are shown per line.
    expect(text).toContain(
      "10:00\n• Hall A · Advanced Flask patterns — Armin Ronacher (–11:00)\n• Hall B · Inside asynchronous code — Ann Lee, Bob Ray (–10:40)",
    );
    expect(text).toContain("• Hall A · Legacy code rescue — Bob Ray (cancelled)");
    expect(text.indexOf("Registration")).toBeLessThan(text.indexOf("Python tricks 8"));
    const labels = labelsOf(day);
    expect(labels).toContain("10:00 Advanced Flask patterns");
    expect(labels).not.toContain("09:00 Registration");
    expect(labels).toContain("· Fri 1 Mar ·");
  });

  it("opens a session from the day, and Back returns to that day", async () => {
    const { h, user, reply } = await newUserSends("/schedule");
    await h.press(user, reply, "Sat 2 Mar");
    const day = h.last(user);
    await h.press(user, day, "Testing workshop");
    expect(textOf(h.last(user))).toContain("Workshop");
    await h.press(user, h.last(user), "◀ Sat 2 Mar");
    expect(h.last(user).text).toBe(day.text);
  });

  it("treats a day that does not exist as outdated", async () => {
    const h = createHarness();
    const user = testUser();
    const calls = await h.pressData(user, "d:7");
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(calls[0]?.payload.text).toContain("outdated");
  });
});

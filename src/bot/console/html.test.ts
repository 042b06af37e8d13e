import { describe, expect, it } from "vitest";
import { htmlToReadable, parseTelegramHtml } from "./html.js";

describe("Telegram HTML", () => {
  it("reads tags and entities as Telegram does", () => {
    const parsed = parseTelegramHtml(
      '<b>Hi</b> &lt;you&gt; &amp; &quot;me&quot; &#39;x&#x2F;y&#39; <a href="https://a.b/?q=1&amp;r=2">link</a>',
    );
    expect(parsed).toMatchObject({ ok: true, text: `Hi <you> & "me" 'x/y' link` });
    expect(htmlToReadable('<a href="https://a.b/">site</a>')).toBe("site (https://a.b/)");
    expect(htmlToReadable('<a href="https://a.b/">https://a.b/</a>')).toBe("https://a.b/");
  });

  it("refuses what Telegram refuses", () => {
    for (const bad of [
      "<b>open",
      "a < b",
      "x & y",
      "<p>para</p>",
      "</b>",
      "<b><i>x</b></i>",
      "&nbsp;",
      "1 > 0",
    ])
      expect(parseTelegramHtml(bad).ok, bad).toBe(false);
  });

  it("counts length in UTF-16 units after parsing", () => {
    expect(parseTelegramHtml("<b>🎉</b>&amp;")).toMatchObject({ ok: true, length: 3 });
  });
});

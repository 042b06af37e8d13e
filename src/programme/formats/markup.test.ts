import { describe, expect, it } from "vitest";
import { htmlToText, plainLine, toPlainText } from "./markup.js";

describe("toPlainText", () => {
  it("renders HTML as paragraphs, bullet lists, links with their URLs and code", () => {
    const html =
      '<p>First <b>bold</b> para.</p><ul><li>one</li><li>two <a href="https://x.org/a">docs</a></li></ul><p>Run <code>make &amp;&amp; make install</code>.</p><h2>Next</h2><p><a href="https://x.org">https://x.org</a></p>';
    const r = toPlainText(html);
    expect(r.markup).toBe("html");
    expect(r.text).toBe(
      "First bold para.\n\n• one\n• two docs (https://x.org/a)\n\nRun make && make install.\n\nNext\n\nhttps://x.org",
    );
  });

  it("numbers ordered lists, keeps line breaks and <pre> as written, and drops scripts", () => {
    const r = toPlainText(
      "<ol><li>a</li><li>b</li></ol>x<br>y<pre>  indented\n  code</pre><script>alert(1)</script>",
    );
    expect(r.text).toBe("1. a\n2. b\n\nx\ny\n\n  indented\n  code");
  });

  it("keeps a loose list's item on its marker's line", () => {
    expect(toPlainText("<ol><li><p>First</p><p>more</p></li><li><p>Second</p></li></ol>").text).toBe(
      "1. First\n  more\n2. Second",
    );
  });

  it("resolves relative links against a base, and keeps only the label without one", () => {
    expect(toPlainText('<p><a href="/programme/x">Breakfast</a></p>', "http://lca.example.org").text).toBe(
      "Breakfast (http://lca.example.org/programme/x)",
    );
    expect(toPlainText('<p><a href="/programme/x">Breakfast</a></p>').text).toBe("Breakfast");
  });

  it("renders Markdown (links, emphasis, lists) and takes <https://…> for a link, not a tag", () => {
    const md =
      "Intro with [a link](https://e.org) and **bold**.\n\n- item one\n- item two\n\nSee <https://e.org/x>";
    const r = toPlainText(md);
    expect(r.markup).toBe("markdown");
    expect(r.text).toBe(
      "Intro with a link (https://e.org) and bold.\n\n• item one\n• item two\n\nSee https://e.org/x",
    );
  });

  it("does not read a pretty-printer's indentation as a code block", () => {
    const r = toPlainText(
      "First paragraph with [x](https://e.org).\n\n                    Second paragraph.",
    );
    expect(r.text).toBe("First paragraph with x (https://e.org).\n\nSecond paragraph.");
  });

  it("keeps plain text's lines and decodes character references", () => {
    const r = toPlainText("it&#8217;s &amp; more\r\nnext line\r\n\r\n\r\n\r\nlast");
    expect(r).toEqual({ text: "it’s & more\nnext line\n\nlast", markup: "plain", charRefs: true });
    expect(toPlainText("I <3 C <4").markup).toBe("plain");
    expect(toPlainText(undefined).text).toBe("");
  });
});

describe("plainLine", () => {
  it("keeps a title as published, entities decoded and whitespace collapsed", () => {
    expect(plainLine("Will somebody *please* think of the __children__?")).toBe(
      "Will somebody *please* think of the __children__?",
    );
    expect(plainLine("  Rock &amp; Roll\n  tonight ")).toBe("Rock & Roll tonight");
  });
});

describe("htmlToText", () => {
  it("gives tables one row a line", () => {
    expect(htmlToText("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")).toBe("a b\n\nc");
  });
});

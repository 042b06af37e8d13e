import { describe, expect, it } from "vitest";
import { guessLanguage } from "./guess-language.js";

describe("guessLanguage", () => {
  it("recognises clear texts", () => {
    expect(guessLanguage("In this talk we will show how the kernel schedules work for you")).toBe("en");
    expect(
      guessLanguage("Wie reagieren wir auf die Klimakrise? Und wie auf andere Krisen, zum Beispiel Corona?"),
    ).toBe("de");
    expect(
      guessLanguage(
        "Les interdépendances du monde numérique commencent par les territoires et leur histoire",
      ),
    ).toBe("fr");
    expect(guessLanguage("Мы расскажем, как это работает и что с этим делать")).toBe("ru");
  });

  it("says nothing when the text is too short or mixed", () => {
    expect(guessLanguage("Opening")).toBeUndefined();
    expect(guessLanguage("")).toBeUndefined();
    expect(guessLanguage("der the die and das of")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { otherNameForms } from "./given-names.js";
import { romanizationKey } from "./translit.js";

/** Whether `a`'s other forms hold `b` (compared as romanization keys, as the search looks them up). */
const reaches = (a: string, b: string) => otherNameForms(a).includes(romanizationKey(b.toLowerCase()));

describe("other forms of a Russian given name", () => {
  it("reach a full name's short forms and a short form's full names, in any romanization and script", () => {
    expect(reaches("Grigory", "Grisha")).toBe(true);
    expect(reaches("Grigorij", "Гриша")).toBe(true);
    expect(reaches("grisha", "Григорий")).toBe(true);
    expect(reaches("Nadja", "Nadezhda")).toBe(true);
    expect(reaches("Wlad", "Vladislav")).toBe(true);
    expect(reaches("Wlad", "Владимир")).toBe(true);
    expect(reaches("Саша", "Aleksandra")).toBe(true);
  });

  it("reach the English form of a full name, -er for a final р included", () => {
    expect(reaches("Andrew", "Андрей")).toBe(true);
    expect(reaches("Андрей", "Andrew")).toBe(true);
    expect(reaches("Alexander", "Aleksandr")).toBe(true);
    expect(reaches("Aleksandr", "Alexander")).toBe(true);
    expect(reaches("Peter", "Петя")).toBe(true);
    expect(reaches("Mihail", "Mike")).toBe(true);
    expect(reaches("Lisa", "Elizabeth")).toBe(true);
    expect(reaches("Lisa", "Елизавета")).toBe(true);
  });

  it("do not reach another short form of the same full name, nor the name itself", () => {
    expect(reaches("Слава", "Влад")).toBe(false);
    expect(reaches("Grisha", "Grisha")).toBe(false);
    expect(otherNameForms("Grigory")).not.toContain(romanizationKey("grigory"));
  });

  it("are none for a word that is no listed given name", () => {
    expect(otherNameForms("kostiuk")).toEqual([]);
    expect(otherNameForms("python")).toEqual([]);
    expect(otherNameForms("42")).toEqual([]);
  });
});

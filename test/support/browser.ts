/**
 * Headless Chromium for the Mini App's browser tests: Debian's /usr/bin/chromium driven by playwright-core,
 * one browser per test file with a fresh profile (--user-data-dir, which playwright takes as a persistent
 * context's directory), phone-sized, and screenshots kept under var/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** Where screenshots go (gitignored), for a person to look at. */
export const SCREENSHOTS = fileURLToPath(new URL("../../var/screenshots/", import.meta.url));

/** Telegram's own light and dark themes, as a client passes them in tgWebAppThemeParams. */
export const THEMES = {
  light: {
    bg_color: "#ffffff",
    text_color: "#000000",
    hint_color: "#999999",
    link_color: "#2481cc",
    button_color: "#2481cc",
    button_text_color: "#ffffff",
    secondary_bg_color: "#efeff3",
    section_separator_color: "#e7e7e7",
  },
  dark: {
    bg_color: "#212121",
    text_color: "#ffffff",
    hint_color: "#aaaaaa",
    link_color: "#8774e1",
    button_color: "#8774e1",
    button_text_color: "#ffffff",
    secondary_bg_color: "#0f0f0f",
    section_separator_color: "#3a3a3a",
  },
} as const;

/** A running browser and its throwaway profile. */
export interface TestBrowser {
  context: BrowserContext;
  /** A new tab (its own sessionStorage, where the app keeps its launch parameters). */
  page(): Promise<Page>;
  close(): Promise<void>;
}

/** Starts headless Chromium with a fresh profile and a phone's screen. */
export async function startBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "confbot-chromium-"));
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 390, height: 780 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  return {
    context,
    page: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A tiny local stand-in for Telegram's telegram-web-app.js (which would come from Telegram's CDN): the launch
 * parameters Telegram puts in the URL's fragment (tgWebAppData, tgWebAppThemeParams, tgWebAppStartParam), and
 * the documented postEvent bridge (mobile: TelegramWebviewProxy; desktop: external.notify; web: postMessage to
 * the parent frame) for the back button, haptics, links and theme changes.
 */

/** Telegram's theme colours (snake_case keys as Telegram sends them). */
export type ThemeParams = Partial<Record<string, string>>;

/** What the app was launched with. */
export interface LaunchParams {
  /** The signed init data, sent to our API verbatim; "" when the page was not opened from Telegram. */
  initData: string;
  theme: ThemeParams;
  startParam?: string;
  /** The language of the Telegram user, when known. */
  languageCode?: string;
  platform: string;
}

const STORAGE_KEY = "confbot.launch";

type Bridge = {
  TelegramWebviewProxy?: { postEvent(type: string, data: string): void };
  external?: { notify?: (data: string) => void };
  Telegram?: { WebView?: { receiveEvent?: (type: string, data: unknown) => void } };
  TelegramGameProxy?: { receiveEvent?: (type: string, data: unknown) => void };
  TelegramGameProxy_receiveEvent?: (type: string, data: unknown) => void;
};
const bridge = window as unknown as Bridge;

/** Reads the launch parameters from the fragment (kept for reloads, which Telegram serves without them). */
export function readLaunchParams(): LaunchParams {
  const hash = new URLSearchParams(location.hash.slice(1));
  let raw: Record<string, string> = {};
  if (hash.has("tgWebAppData")) {
    raw = Object.fromEntries(hash);
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(raw));
    } catch {
      // Storage may be off; the app then works for this load only.
    }
  } else {
    try {
      raw = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "{}") as Record<string, string>;
    } catch {
      raw = {};
    }
  }
  const initData = raw.tgWebAppData ?? "";
  const data = new URLSearchParams(initData);
  let theme: ThemeParams = {};
  try {
    theme = JSON.parse(raw.tgWebAppThemeParams ?? "{}") as ThemeParams;
  } catch {
    theme = {};
  }
  let languageCode: string | undefined;
  try {
    languageCode = (JSON.parse(data.get("user") ?? "{}") as { language_code?: string }).language_code;
  } catch {
    languageCode = undefined;
  }
  const startParam =
    data.get("start_param") ??
    raw.tgWebAppStartParam ??
    new URLSearchParams(location.search).get("startapp") ??
    undefined;
  return {
    initData,
    theme,
    startParam: startParam || undefined,
    languageCode,
    platform: raw.tgWebAppPlatform ?? "unknown",
  };
}

/** Whether a Telegram client is around to receive events. */
export function inTelegram(): boolean {
  return Boolean(
    bridge.TelegramWebviewProxy || typeof bridge.external?.notify === "function" || window.parent !== window,
  );
}

/** Sends a Mini App event to the Telegram client (nothing happens in an ordinary browser). */
export function postEvent(type: string, data: Record<string, unknown> = {}): void {
  try {
    if (bridge.TelegramWebviewProxy) bridge.TelegramWebviewProxy.postEvent(type, JSON.stringify(data));
    else if (typeof bridge.external?.notify === "function")
      bridge.external.notify(JSON.stringify({ eventType: type, eventData: data }));
    else if (window.parent !== window)
      window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data }), "*");
  } catch {
    // A client that refuses an event leaves the app working.
  }
}

const listeners = new Map<string, Set<(data: unknown) => void>>();

function receive(type: string, data: unknown): void {
  for (const f of listeners.get(type) ?? []) f(data);
}

/** Listens to an event from the client ("back_button_pressed", "theme_changed"…); returns the unsubscriber. */
export function onEvent(type: string, f: (data: unknown) => void): () => void {
  let set = listeners.get(type);
  if (!set) {
    set = new Set();
    listeners.set(type, set);
  }
  set.add(f);
  return () => set.delete(f);
}

/** Installs the receivers Telegram's clients call (native ones call globals, the web client posts messages). */
export function installBridge(): void {
  bridge.Telegram = { ...bridge.Telegram, WebView: { ...bridge.Telegram?.WebView, receiveEvent: receive } };
  bridge.TelegramGameProxy = { receiveEvent: receive };
  bridge.TelegramGameProxy_receiveEvent = receive;
  window.addEventListener("message", (e) => {
    if (typeof e.data !== "string") return;
    try {
      const m = JSON.parse(e.data) as { eventType?: string; eventData?: unknown };
      if (m.eventType) receive(m.eventType, m.eventData);
    } catch {
      // Not a Telegram event.
    }
  });
}

/** Shows or hides Telegram's back button. */
export function setBackButton(visible: boolean): void {
  postEvent("web_app_setup_back_button", { is_visible: visible });
}

/** A light tap (selection), an impact, or a success/warning/error buzz. */
export function haptic(kind: "selection" | "light" | "medium" | "success" | "warning" | "error"): void {
  if (kind === "selection") postEvent("web_app_trigger_haptic_feedback", { type: "selection_change" });
  else if (kind === "light" || kind === "medium")
    postEvent("web_app_trigger_haptic_feedback", { type: "impact", impact_style: kind });
  else postEvent("web_app_trigger_haptic_feedback", { type: "notification", notification_type: kind });
}

/** Opens an outside link: through Telegram (its in-app browser) when there, else a new tab. */
export function openLink(url: string): void {
  if (inTelegram()) {
    if (/^https:\/\/t\.me\//.test(url))
      postEvent("web_app_open_tg_link", { path_full: url.slice("https://t.me".length) });
    else postEvent("web_app_open_link", { url });
  } else window.open(url, "_blank", "noopener");
}

/** Relative luminance of a #rrggbb colour (0 black … 1 white). */
function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = Number.parseInt(c as string, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Applies Telegram's theme as CSS variables (--tg-theme-bg-color…) and a light/dark scheme; without theme
 * colours (an ordinary browser) the stylesheet's own light and dark palettes follow the system.
 */
export function applyTheme(theme: ThemeParams): void {
  const root = document.documentElement;
  for (const [key, value] of Object.entries(theme))
    if (value && /^#[0-9a-f]{3,8}$/i.test(value))
      root.style.setProperty(`--tg-theme-${key.replace(/_/g, "-")}`, value);
  const bg = theme.bg_color;
  const scheme = bg
    ? luminance(bg) < 0.4
      ? "dark"
      : "light"
    : matchMedia("(prefers-color-scheme: dark)").matches
      ? "dark"
      : "light";
  root.dataset.scheme = scheme;
  root.style.colorScheme = scheme;
}

/**
 * Links into the Mini App. The `startapp` parameter of links that open it at a session
 * (t.me/<bot>?startapp=<param>): Telegram allows only [A-Za-z0-9_-] there, up to 512 characters, while
 * session ids may hold ".:~", so the id travels as base64url behind an "s" (64 characters become 87).
 */

/** The `startapp` parameter that opens a session. */
export function sessionStartParam(sessionId: string): string {
  return `s${Buffer.from(sessionId, "utf8").toString("base64url")}`;
}

/** The session id a `startapp` parameter names; undefined when it is not one of ours. */
export function sessionOfStartParam(param: string | undefined): string | undefined {
  if (!param || !/^s[A-Za-z0-9_-]{1,510}$/.test(param)) return undefined;
  const id = Buffer.from(param.slice(1), "base64url").toString("utf8");
  return sessionStartParam(id) === param ? id : undefined;
}

/** A t.me link that opens the bot's Mini App, at a session when given its parameter. */
export function startAppLink(botUsername: string, param?: string): string {
  return `https://t.me/${botUsername}${param ? `?startapp=${param}` : "?startapp"}`;
}

/** The Mini App's URL under the public base URL, opening at a session when given its `startapp` parameter. */
export function appUrl(publicUrl: string, startParam?: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/app/${startParam ? `?startapp=${startParam}` : ""}`;
}

/**
 * The app's URL with launch parameters in its fragment the way Telegram passes them (`tgWebAppData` and
 * friends), so that it opens in an ordinary browser as it would in Telegram.
 */
export function browserLaunchUrl(url: string, initData: string, theme?: Record<string, string>): string {
  const params = new URLSearchParams({
    tgWebAppData: initData,
    tgWebAppVersion: "8.0",
    tgWebAppPlatform: "web",
  });
  if (theme) params.set("tgWebAppThemeParams", JSON.stringify(theme));
  return `${url}#${params.toString()}`;
}

/** Links of a session (video, slides, feedback, chat) from what a source publishes. */
import type { SessionLink } from "../model.js";

/** What a link is, from its URL and title ("Video recording (mp4)", "Submit feedback", matrix.to…). */
export function linkKind(url: string, title: string, type?: string): NonNullable<SessionLink["kind"]> {
  const s = `${type ?? ""} ${title} ${url}`.toLowerCase();
  if (/feedback/.test(s)) return "feedback";
  if (/chat|matrix\.to|#\/room\/|element\.io|irc:|mattermost|rocket/.test(s)) return "chat";
  if (/slides|folien|\.pdf\b|\.pptx?\b|\.odp\b|speakerdeck|slideshare/.test(s)) return "slides";
  if (
    /video|recording|stream|\.mp4\b|\.webm\b|\.mkv\b|youtube|youtu\.be|vimeo|media\.ccc\.de|peertube/.test(s)
  )
    return "video";
  return "other";
}

/**
 * A link with an absolute http(s) URL, resolved against `base` when relative; undefined when there is no
 * usable URL.
 */
export function makeLink(href: string | undefined, title: string | undefined, base?: string, type?: string) {
  const raw = href?.trim();
  if (!raw) return undefined;
  let url: string;
  try {
    // An absolute URL stays as published (no punycode, no added slash); a relative one is resolved.
    const parsed = new URL(raw, base);
    url = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : parsed.href;
  } catch {
    return undefined;
  }
  if (!/^https?:/.test(url)) return undefined;
  const label = title?.replace(/\s+/g, " ").trim() || url;
  return { url, title: label, kind: linkKind(url, label, type) } satisfies SessionLink;
}

/** Links without repeats of the same URL, in the source's order. */
export function uniqueLinks(links: (SessionLink | undefined)[]): SessionLink[] {
  const seen = new Set<string>();
  const out: SessionLink[] = [];
  for (const l of links) {
    if (!l || seen.has(l.url)) continue;
    seen.add(l.url);
    out.push(l);
  }
  return out;
}

/**
 * One day as a grid: rooms as columns in the programme's order, time going down, a "now" line, sessions
 * coloured by track and followed ones starred; the room headers and the time column stick. Only what is in
 * (or near) the viewport is rendered, so a FOSDEM day (~70 rooms, ~500 events) stays cheap on a phone.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ApiLang, ApiSession } from "../../src/webapp/api-types.js";
import { time } from "./format.js";
import type { Model } from "./model.js";
import { speakerNames } from "./model.js";

/** Pixels per minute of the grid. */
const PPM = 2;
const HEADER_H = 40;
const TIME_W = 46;
const MIN_COL_W = 150;
const HOUR = 3600_000;

/** What the grid shows of the programme. */
export interface Filters {
  track: string;
  room: string;
  language: string;
}

interface Placed {
  s: ApiSession;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The day's layout: columns, the time range, and every session's box. */
/**
 * How many lines of title a box of `h` pixels holds (12 px text, line height 1.2) under its time (when not a
 * short box) and above its speakers (when shown): the title is clamped there, ending in "…", whatever the
 * box's height, instead of a fixed count that spills out of short boxes and wastes tall ones.
 */
function titleLines(h: number, hasSpeakers: boolean): number {
  const chrome = 6 + (h < 40 ? 0 : 12.6) + (h >= 70 && hasSpeakers ? 15.2 : 0);
  return Math.max(1, Math.floor((h - chrome) / 14.4));
}

export function layoutDay(m: Model, day: string, f: Filters, colW: number) {
  const ofDay = m.p.sessions.filter((s) => s.day === day);
  const shown = ofDay.filter(
    (s) =>
      (!f.track || s.track === f.track) &&
      (!f.room || s.room === f.room) &&
      (!f.language || (s.languages ?? []).includes(f.language)),
  );
  const used = new Set(shown.map((s) => s.room));
  const columns = m.p.rooms.filter((r) => used.has(r.id));
  const colOf = new Map(columns.map((r, i) => [r.id, i]));
  const origin = m.p.days.find((d) => d.date === day)?.origin ?? 0;
  const first = Math.min(...ofDay.map((s) => s.start));
  const last = Math.max(...ofDay.map((s) => s.end));
  const top = ofDay.length ? origin + Math.floor((first - origin) / HOUR) * HOUR : origin;
  const bottom = ofDay.length ? origin + Math.ceil((last - origin) / HOUR) * HOUR : origin + HOUR;
  const y = (ms: number) => ((ms - top) / 60_000) * PPM;
  const placed: Placed[] = [];
  // Sessions of one room that overlap share its column side by side (sources do double-book rooms).
  const byRoom = new Map<number, ApiSession[]>();
  const spanning: ApiSession[] = [];
  for (const s of shown) {
    const c = s.room === undefined ? undefined : colOf.get(s.room);
    if (c === undefined) spanning.push(s);
    else byRoom.set(c, [...(byRoom.get(c) ?? []), s]);
  }
  for (const [c, list] of byRoom) {
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    let cluster: { s: ApiSession; lane: number }[] = [];
    let clusterEnd = -Infinity;
    const flush = () => {
      const lanes = Math.max(1, ...cluster.map((e) => e.lane + 1));
      for (const e of cluster)
        placed.push({
          s: e.s,
          x: c * colW + (e.lane * colW) / lanes,
          y: y(e.s.start),
          w: colW / lanes,
          h: Math.max(18, y(e.s.end) - y(e.s.start)),
        });
      cluster = [];
    };
    for (const s of list) {
      if (s.start >= clusterEnd) {
        flush();
        clusterEnd = -Infinity;
      }
      const laneEnds = new Map<number, number>();
      for (const e of cluster) laneEnds.set(e.lane, Math.max(laneEnds.get(e.lane) ?? 0, e.s.end));
      let lane = 0;
      while ((laneEnds.get(lane) ?? -Infinity) > s.start) lane++;
      cluster.push({ s, lane });
      clusterEnd = Math.max(clusterEnd, s.end);
    }
    flush();
  }
  // Entries of no room (a lunch for everyone) span every column.
  for (const s of spanning)
    placed.push({
      s,
      x: 0,
      y: y(s.start),
      w: Math.max(1, columns.length) * colW,
      h: Math.max(18, y(s.end) - y(s.start)),
    });
  return { columns, placed, top, bottom, height: y(bottom), y, empty: shown.length === 0 };
}

/** The grid of one day. */
export function Grid(props: {
  m: Model;
  day: string;
  filters: Filters;
  following: ReadonlySet<string>;
  now: number;
  lang: ApiLang;
  emptyText: string;
  nowLabel: string;
  onOpen: (id: string) => void;
}) {
  const { m, day, filters, following, now, lang } = props;
  const tz = m.p.conference.timezone;
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ left: 0, top: 0, width: 400, height: 700 });
  const count = useMemo(() => layoutDay(m, day, filters, MIN_COL_W).columns.length, [m, day, filters]);
  const colW = Math.max(MIN_COL_W, Math.floor((view.width - TIME_W) / Math.max(1, count)));
  const layout = useMemo(() => layoutDay(m, day, filters, colW), [m, day, filters, colW]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setView({ left: el.scrollLeft, top: el.scrollTop, width: el.clientWidth, height: el.clientHeight });
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    el.addEventListener("scroll", onScroll, { passive: true });
    const ro = new ResizeObserver(onScroll);
    ro.observe(el);
    return () => {
      el.removeEventListener("scroll", onScroll);
      ro.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  // On a day change: to the "now" line when it is on this day, else to the top.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const inDay = now >= layout.top && now <= layout.bottom;
    el.scrollTo({ top: inDay ? Math.max(0, layout.y(now) - 60) : 0, left: 0 });
  }, [day]);

  const margin = 300;
  const visible = layout.placed.filter(
    (p) =>
      p.x + p.w >= view.left - margin &&
      p.x <= view.left + view.width + margin &&
      p.y + p.h >= view.top - HEADER_H - margin &&
      p.y <= view.top + view.height + margin,
  );
  const firstCol = Math.max(0, Math.floor((view.left - margin) / colW));
  const lastCol = Math.min(layout.columns.length - 1, Math.ceil((view.left + view.width + margin) / colW));
  const width = layout.columns.length * colW;
  const hours: number[] = [];
  for (let t = layout.top; t <= layout.bottom; t += HOUR) hours.push(t);
  const nowY = now >= layout.top && now <= layout.bottom ? layout.y(now) : undefined;

  if (layout.empty) return <p class="empty">{props.emptyText}</p>;
  return (
    <div class="grid" ref={scroller} data-testid="grid" style={{ "--ppm": PPM, "--hour": `${PPM * 60}px` }}>
      <div class="grid-head" style={{ width: TIME_W + width, height: HEADER_H }}>
        <div class="corner" style={{ width: TIME_W }} />
        <div class="rooms" style={{ width }}>
          {layout.columns.slice(firstCol, lastCol + 1).map((r, i) => (
            <div
              class="room"
              data-room={r.id}
              key={r.id}
              style={{ left: (firstCol + i) * colW, width: colW }}
              title={r.name}
            >
              {r.name}
            </div>
          ))}
        </div>
      </div>
      <div class="grid-body" style={{ width: TIME_W + width, height: layout.height }}>
        <div class="times" style={{ width: TIME_W, height: layout.height }}>
          {hours.map((t) => (
            <div class="hour" key={t} style={{ top: layout.y(t) }}>
              {time(t, lang, tz)}
            </div>
          ))}
          {nowY !== undefined && (
            <div class="now-mark" style={{ top: nowY }}>
              {time(now, lang, tz)}
            </div>
          )}
        </div>
        <div class="canvas" style={{ width, height: layout.height }}>
          {visible.map((p) => {
            const s = p.s;
            const track = s.track ? m.tracks.get(s.track) : undefined;
            const followed = following.has(s.id);
            const cls = [
              "session",
              s.followable ? "" : "minor",
              s.cancelled ? "cancelled" : "",
              followed ? "followed" : "",
              p.h < 40 ? "short" : "",
            ].join(" ");
            return (
              <button
                type="button"
                key={s.id}
                class={cls}
                data-session={s.id}
                data-track={s.track}
                style={{
                  left: p.x,
                  top: p.y,
                  width: p.w,
                  height: p.h,
                  "--c": track?.color ?? "var(--untracked)",
                  "--lines": titleLines(p.h, s.speakers.length > 0),
                }}
                onClick={() => props.onOpen(s.id)}
              >
                <span class="s-time">
                  {followed && "⭐ "}
                  {time(s.start, lang, tz)}
                </span>
                <span class="s-title">{s.title}</span>
                {p.h >= 70 && s.speakers.length > 0 && <span class="s-who">{speakerNames(m, s)}</span>}
              </button>
            );
          })}
          {nowY !== undefined && (
            <div class="now-line" style={{ top: nowY }} title={props.nowLabel} data-testid="now-line" />
          )}
        </div>
      </div>
    </div>
  );
}

/** A session's details: title, speakers, time, room, track, languages, abstract and links, with ⭐ / 🔔. */
import type { ComponentChildren } from "preact";
import type { ApiLang, ApiSession } from "../../src/webapp/api-types.js";
import { span, startDay } from "./format.js";
import { type Model, speakerNames } from "./model.js";
import type { T } from "./strings.js";
import { openLink } from "./telegram.js";

/** Plain text with blank-line paragraphs, "• " list lines and bare URLs made into links. */
export function RichText(props: { text: string }) {
  return (
    <div class="rich">
      {props.text
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((para, i) => (
          <p key={i}>
            {para.split(/(https?:\/\/[^\s)]+)/g).map((part, j) =>
              /^https?:\/\//.test(part) ? (
                <a
                  key={j}
                  href={part}
                  onClick={(e) => {
                    e.preventDefault();
                    openLink(part);
                  }}
                >
                  {part}
                </a>
              ) : (
                part
              ),
            )}
          </p>
        ))}
    </div>
  );
}

/** The details sheet. */
export function SessionView(props: {
  m: Model;
  s: ApiSession;
  lang: ApiLang;
  t: T;
  following: boolean;
  remind: boolean;
  reminderMinutes: number;
  /** Reminders are on at all (the bot's /settings). */
  reminders: boolean;
  onFollow: (on: boolean) => void;
  onRemind: (on: boolean) => void;
  onSpeaker: (id: string) => void;
  /** Set for the session's organizers, moderator and speakers: its questions with approve / hide / answered. */
  questions?: ComponentChildren;
}) {
  const { m, s, lang, t } = props;
  const tz = m.p.conference.timezone;
  const track = s.track ? m.tracks.get(s.track) : undefined;
  const room = s.room ? m.rooms.get(s.room)?.name : undefined;
  return (
    <article class="details" data-testid="session-details" data-session={s.id}>
      {track && (
        <span class="chip" style={{ "--c": track.color }}>
          {track.name}
        </span>
      )}
      <h1 class={s.cancelled ? "struck" : ""}>{s.title}</h1>
      {s.subtitle && <p class="subtitle">{s.subtitle}</p>}
      {s.cancelled && <p class="warn">❌ {t("cancelled")}</p>}
      <p class="meta">
        🕒 {startDay(s.start, lang, tz)}, {span(s.start, s.end, lang, tz)}
        {room && (
          <>
            <br />📍 {room}
          </>
        )}
        {s.languages?.length ? (
          <>
            <br />🗣 {s.languages.map((l) => l.toUpperCase()).join(", ")}
          </>
        ) : null}
      </p>
      {s.followable ? (
        <div class="toggles">
          <button
            type="button"
            class={props.following ? "toggle on" : "toggle"}
            aria-pressed={props.following}
            data-testid="follow"
            onClick={() => props.onFollow(!props.following)}
          >
            {props.following ? t("following") : t("follow")}
          </button>
          <button
            type="button"
            class={props.following && props.remind ? "toggle on" : "toggle"}
            aria-pressed={props.following && props.remind}
            data-testid="remind"
            disabled={!props.following}
            onClick={() => props.onRemind(!props.remind)}
          >
            {props.following && props.remind ? t("remind_on") : t("remind_off")}
          </button>
        </div>
      ) : (
        !s.cancelled && <p class="hint">{t("cannot_follow")}</p>
      )}
      {s.followable && (
        <p class="hint">
          {props.following
            ? props.remind
              ? props.reminders
                ? t("remind_note", { minutes: props.reminderMinutes })
                : t("reminders_off_note")
              : ""
            : t("remind_needs_follow")}
        </p>
      )}
      {s.speakers.length > 0 && (
        <section>
          <h2>{t("speakers")}</h2>
          <ul class="people">
            {s.speakers.map((id) => {
              const sp = m.speakers.get(id);
              return sp ? (
                <li key={id}>
                  <button type="button" class="link" onClick={() => props.onSpeaker(id)}>
                    {sp.name}
                  </button>
                  {sp.affiliation && <span class="aff"> · {sp.affiliation}</span>}
                </li>
              ) : null;
            })}
          </ul>
        </section>
      )}
      {props.questions}
      {s.abstract && <RichText text={s.abstract} />}
      {(s.links?.length || s.url) && (
        <section>
          <h2>{t("links")}</h2>
          <ul class="links">
            {[...(s.url ? [{ url: s.url, title: s.url }] : []), ...(s.links ?? [])].map((l) => (
              <li key={l.url}>
                <a
                  href={l.url}
                  onClick={(e) => {
                    e.preventDefault();
                    openLink(l.url);
                  }}
                >
                  {l.title || l.url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

/** A speaker: name, affiliation and their sessions. */
export function SpeakerView(props: {
  m: Model;
  id: string;
  lang: ApiLang;
  t: T;
  onOpen: (id: string) => void;
}) {
  const { m, lang, t } = props;
  const sp = m.speakers.get(props.id);
  if (!sp) return null;
  return (
    <article class="details" data-testid="speaker-details">
      <h1>{sp.name}</h1>
      {sp.affiliation && <p class="subtitle">{sp.affiliation}</p>}
      <h2>{t("speaker_sessions")}</h2>
      <SessionList m={m} list={m.bySpeaker.get(props.id) ?? []} lang={lang} onOpen={props.onOpen} />
    </article>
  );
}

/** Sessions as rows: day and time, title, room. */
export function SessionList(props: {
  m: Model;
  list: readonly ApiSession[];
  lang: ApiLang;
  following?: ReadonlySet<string>;
  onOpen: (id: string) => void;
}) {
  const { m, lang } = props;
  const tz = m.p.conference.timezone;
  return (
    <ul class="rows">
      {props.list.map((s) => {
        const track = s.track ? m.tracks.get(s.track) : undefined;
        return (
          <li key={s.id}>
            <button
              type="button"
              class="row"
              data-session={s.id}
              style={{ "--c": track?.color ?? "var(--neutral)" }}
              onClick={() => props.onOpen(s.id)}
            >
              <span class="r-time">
                {startDay(s.start, lang, tz)} {span(s.start, s.end, lang, tz)}
              </span>
              <span class={s.cancelled ? "r-title struck" : "r-title"}>
                {props.following?.has(s.id) ? "⭐ " : ""}
                {s.title}
              </span>
              {s.speakers.length > 0 && <span class="r-speakers">{speakerNames(m, s)}</span>}
              <span class="r-room">{s.room ? m.rooms.get(s.room)?.name : ""}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

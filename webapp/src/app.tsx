/**
 * The Mini App: the day grid, my agenda, search, and session details over them, in the user's language and
 * Telegram's theme, with Telegram's back button and haptics.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import type { ApiLang, ApiMe } from "../../src/webapp/api-types.js";
import { Agenda } from "./agenda.js";
import { type Client, client, Unauthorized } from "./api.js";
import { FilterSelect, type FilterSelectProps } from "./filter-select.js";
import { dayLabel } from "./format.js";
import { type Filters, Grid } from "./grid.js";
import { buildModel, dayAt, type Model } from "./model.js";
import { QuestionsPanel } from "./questions.js";
import { Search } from "./search.js";
import { SessionView, SpeakerView } from "./session.js";
import { langOf, type T, translator } from "./strings.js";
import { haptic, type LaunchParams, onEvent, setBackButton } from "./telegram.js";

type Tab = "grid" | "agenda" | "search";
type Screen = { kind: "session"; id: string } | { kind: "speaker"; id: string };
type State =
  | { status: "loading" }
  | { status: "unauthorized"; reason: string }
  | { status: "error"; message: string }
  | { status: "ready"; m: Model; me: ApiMe; clockOffset: number };

/** Marks the first rendered grid for the benchmark (performance.mark "grid-rendered"). */
function markRendered(): void {
  if (performance.getEntriesByName("grid-rendered").length) return;
  requestAnimationFrame(() => performance.mark("grid-rendered"));
}

/** The whole app for one launch. */
export function App(props: { launch: LaunchParams }) {
  const { launch } = props;
  const api = useMemo(() => client(launch.initData), [launch.initData]);
  const [state, setState] = useState<State>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  const fail = (e: unknown) => {
    if (e instanceof Unauthorized) setState({ status: "unauthorized", reason: e.reason });
    else setState({ status: "error", message: e instanceof Error ? e.message : String(e) });
    haptic("error");
  };

  useEffect(() => {
    Promise.all([api.programme(), api.me()]).then(
      ([p, me]) => setState({ status: "ready", m: buildModel(p), me, clockOffset: me.now - Date.now() }),
      fail,
    );
  }, [attempt]);

  const lang: ApiLang =
    state.status === "ready" ? state.me.user.lang : langOf(launch.languageCode ?? navigator.language);
  const t = translator(lang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  if (state.status === "loading") return <p class="center">{t("loading")}</p>;
  if (state.status === "unauthorized")
    return (
      <div class="center notice" data-testid="unauthorized" data-reason={state.reason}>
        <div class="big">🔒</div>
        <h1>{t("unauthorized_title")}</h1>
        <p>{t("unauthorized_text")}</p>
      </div>
    );
  if (state.status === "error")
    return (
      <div class="center notice" data-testid="error">
        <h1>{t("error_title")}</h1>
        <p class="hint">{state.message}</p>
        <button type="button" class="toggle on" onClick={() => setAttempt(attempt + 1)}>
          {t("error_retry")}
        </button>
      </div>
    );
  return (
    <Ready
      api={api}
      launch={launch}
      m={state.m}
      me={state.me}
      clockOffset={state.clockOffset}
      lang={lang}
      t={t}
      fail={fail}
    />
  );
}

function Ready(props: {
  api: Client;
  launch: LaunchParams;
  m: Model;
  me: ApiMe;
  clockOffset: number;
  lang: ApiLang;
  t: T;
  fail: (e: unknown) => void;
}) {
  const { api, m, lang, t } = props;
  const [me, setMe] = useState(props.me);
  const following = useMemo(() => new Set(me.following), [me]);
  const muted = useMemo(() => new Set(me.muted), [me]);
  const now = useNow(props.clockOffset);
  const start = props.launch.startParam;
  const startSession = start ? m.byStartParam.get(start) : undefined;
  const [tab, setTab] = useState<Tab>(start === "agenda" ? "agenda" : start === "search" ? "search" : "grid");
  const [stack, setStack] = useState<Screen[]>(
    startSession ? [{ kind: "session", id: startSession.id }] : [],
  );
  const [day, setDay] = useState(() => startSession?.day ?? dayAt(m, now) ?? m.p.days[0]?.date ?? "");
  const [filters, setFilters] = useState<Filters>({ track: "", room: "", language: "" });
  const [showFilters, setShowFilters] = useState(false);
  const [query, setQuery] = useState("");

  const top = stack[stack.length - 1];
  const back = () => {
    haptic("selection");
    if (stack.length) setStack(stack.slice(0, -1));
    else setTab("grid");
  };
  const canGoBack = stack.length > 0 || tab !== "grid";
  useEffect(() => setBackButton(canGoBack), [canGoBack]);
  useEffect(() => onEvent("back_button_pressed", back), [stack, tab]);
  useEffect(() => {
    // Browsers (the console's link): Escape goes back like Telegram's back button.
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && canGoBack && back();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [stack, tab]);
  useEffect(() => {
    if (tab === "grid" && !stack.length) markRendered();
  }, [tab, stack, day]);

  const open = (id: string) => {
    haptic("light");
    setStack([...stack, { kind: "session", id }]);
  };
  const openSpeaker = (id: string) => {
    haptic("light");
    setStack([...stack, { kind: "speaker", id }]);
  };
  const follow = (id: string, on: boolean) => {
    const before = me;
    setMe({ ...me, following: on ? [...me.following, id] : me.following.filter((f) => f !== id) });
    haptic(on ? "success" : "light");
    api.follow(id, on).then(setMe, (e) => {
      setMe(before);
      props.fail(e);
    });
  };
  // A session of another conference: gone from the list at once, then the app's own view asked for again.
  const unfollowElsewhere = (conference: string, id: string) => {
    const before = me;
    const elsewhere = (me.elsewhere ?? [])
      .map((g) =>
        g.conference.id === conference ? { ...g, sessions: g.sessions.filter((s) => s.id !== id) } : g,
      )
      .filter((g) => g.sessions.length > 0);
    setMe({ ...me, elsewhere });
    haptic("light");
    api
      .unfollowAt(conference, id)
      .then(() => api.me())
      .then(setMe, (e) => {
        setMe(before);
        props.fail(e);
      });
  };
  const remind = (id: string, on: boolean) => {
    const before = me;
    const rest = me.muted.filter((f) => f !== id);
    setMe({ ...me, muted: on ? rest : [...rest, id] });
    haptic(on ? "success" : "light");
    api.remind(id, on).then(setMe, (e) => {
      setMe(before);
      props.fail(e);
    });
  };

  const tracks = m.p.tracks;
  const dayRooms = m.p.rooms.filter((r) => m.p.sessions.some((s) => s.day === day && s.room === r.id));
  // The grid's filters: a track where the programme has tracks, the day's rooms, a language where it has several.
  const filterSelects: FilterSelectProps[] = [
    ...(tracks.length
      ? [
          {
            field: "track" as const,
            all: t("all_tracks"),
            options: tracks.map((tr) => ({ value: tr.id, label: tr.name })),
          },
        ]
      : []),
    { field: "room", all: t("all_rooms"), options: dayRooms.map((r) => ({ value: r.id, label: r.name })) },
    ...(m.p.languages.length > 1
      ? [
          {
            field: "language" as const,
            all: t("all_languages"),
            options: m.p.languages.map((l) => ({ value: l, label: l.toUpperCase() })),
          },
        ]
      : []),
  ];
  const activeFilters =
    Number(Boolean(filters.track)) + Number(Boolean(filters.room)) + Number(Boolean(filters.language));

  return (
    <div class="app">
      <header class="bar">
        <div class="title">{m.p.conference.name}</div>
        <div class="tabs" role="tablist">
          {(["grid", "agenda", "search"] as const).map((k) => (
            <button
              type="button"
              role="tab"
              key={k}
              aria-selected={tab === k && !top}
              class={tab === k ? "tab on" : "tab"}
              data-testid={`tab-${k}`}
              onClick={() => {
                haptic("selection");
                setStack([]);
                setTab(k);
              }}
            >
              {t(`tab_${k}`)}
              {k === "agenda" && me.following.length > 0 && <span class="badge">{me.following.length}</span>}
            </button>
          ))}
        </div>
        {tab === "grid" && !top && (
          <div class="days">
            {m.p.days.map((d) => (
              <button
                type="button"
                key={d.date}
                class={d.date === day ? "day on" : "day"}
                data-day={d.date}
                onClick={() => {
                  haptic("selection");
                  setDay(d.date);
                  setFilters({ ...filters, room: "" });
                }}
              >
                {dayLabel(d.date, lang)}
              </button>
            ))}
            <button
              type="button"
              class={activeFilters ? "day filter on" : "day filter"}
              data-testid="filters-toggle"
              onClick={() => setShowFilters(!showFilters)}
            >
              ⚙︎ {t("filters")}
              {activeFilters ? ` (${activeFilters})` : ""}
            </button>
          </div>
        )}
        {tab === "grid" && !top && showFilters && (
          <div class="filters" data-testid="filters">
            {filterSelects.map((f) => (
              <FilterSelect key={f.field} {...f} filters={filters} onChange={setFilters} />
            ))}
            {activeFilters > 0 && (
              <button
                type="button"
                class="small"
                onClick={() => setFilters({ track: "", room: "", language: "" })}
              >
                {t("reset_filters")}
              </button>
            )}
          </div>
        )}
      </header>
      <main class="content">
        {top?.kind === "session" && m.sessions.get(top.id) ? (
          <SessionView
            m={m}
            s={m.sessions.get(top.id) as NonNullable<ReturnType<typeof m.sessions.get>>}
            lang={lang}
            t={t}
            following={following.has(top.id)}
            remind={!muted.has(top.id)}
            reminderMinutes={me.reminderMinutes}
            reminders={me.reminders}
            onFollow={(on) => follow(top.id, on)}
            onRemind={(on) => remind(top.id, on)}
            onSpeaker={openSpeaker}
            questions={
              me.moderates?.all || me.moderates?.sessions.includes(top.id) ? (
                <QuestionsPanel api={api} sessionId={top.id} t={t} />
              ) : undefined
            }
          />
        ) : top?.kind === "speaker" ? (
          <SpeakerView m={m} id={top.id} lang={lang} t={t} onOpen={open} />
        ) : tab === "grid" ? (
          <Grid
            m={m}
            day={day}
            filters={filters}
            following={following}
            now={now}
            lang={lang}
            emptyText={t("no_sessions_day")}
            nowLabel={t("now")}
            onOpen={open}
          />
        ) : tab === "agenda" ? (
          <Agenda
            m={m}
            following={following}
            lang={lang}
            t={t}
            calendarUrl={me.calendarUrl}
            onOpen={open}
            elsewhere={me.elsewhere}
            onUnfollowElsewhere={unfollowElsewhere}
          />
        ) : (
          <Search
            m={m}
            api={api}
            lang={lang}
            t={t}
            following={following}
            query={query}
            setQuery={setQuery}
            onOpen={open}
            onSpeaker={openSpeaker}
            onError={props.fail}
          />
        )}
      </main>
    </div>
  );
}

/** The server's clock, ticking every 30 s (the "now" line). */
function useNow(offset: number): number {
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 30_000);
    return () => clearInterval(timer);
  }, [offset]);
  return now;
}

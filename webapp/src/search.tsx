/** Search with the bot's own engine (the API's /search): sessions and speakers, best first. */
import { useEffect, useRef, useState } from "preact/hooks";
import type { ApiLang, ApiSearch } from "../../src/webapp/api-types.js";
import type { Client } from "./api.js";
import type { Model } from "./model.js";
import { SessionList } from "./session.js";
import type { T } from "./strings.js";

/** The search view; `query` survives switching tabs. */
export function Search(props: {
  m: Model;
  api: Client;
  lang: ApiLang;
  t: T;
  following: ReadonlySet<string>;
  query: string;
  setQuery: (q: string) => void;
  onOpen: (id: string) => void;
  onSpeaker: (id: string) => void;
  onError: (e: unknown) => void;
}) {
  const { m, t, lang, query } = props;
  const [answer, setAnswer] = useState<ApiSearch | undefined>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    const q = query.trim();
    if (!q) return setAnswer(undefined);
    const timer = setTimeout(() => {
      props.api.search(q).then((a) => {
        // Only the answer to what is typed now counts.
        if (a.query === Array.from(q).slice(0, 200).join("")) setAnswer(a);
      }, props.onError);
    }, 180);
    return () => clearTimeout(timer);
  }, [query]);

  return (
    <div class="search" data-testid="search">
      <input
        ref={input}
        type="search"
        value={query}
        placeholder={t("search_placeholder")}
        onInput={(e) => props.setQuery((e.target as HTMLInputElement).value)}
        data-testid="search-input"
      />
      {!answer && <p class="hint">{t("search_hint")}</p>}
      {answer && answer.results.length === 0 && (
        <p class="empty" data-testid="search-nothing">
          {t("search_nothing", { query: answer.query })}
        </p>
      )}
      {answer && answer.results.length > 0 && (
        <ul class="results" data-testid="search-results">
          {answer.results.map((r) => {
            if (r.kind === "speaker") {
              const sp = m.speakers.get(r.id);
              return sp ? (
                <li key={`sp-${r.id}`} class="speaker-hit">
                  <button type="button" class="row" onClick={() => props.onSpeaker(r.id)}>
                    <span class="r-title">👤 {sp.name}</span>
                    <span class="r-room">{sp.affiliation ?? ""}</span>
                  </button>
                </li>
              ) : null;
            }
            const s = m.sessions.get(r.id);
            return s ? (
              <li key={r.id}>
                <SessionList m={m} list={[s]} lang={lang} following={props.following} onOpen={props.onOpen} />
              </li>
            ) : null;
          })}
        </ul>
      )}
    </div>
  );
}

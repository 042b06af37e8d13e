/** A session's questions for its organizers, moderator and speakers: approve, hide, mark answered; live. */
import { useEffect, useState } from "preact/hooks";
import type { ApiQuestions } from "../../src/webapp/api-types.js";
import type { Client } from "./api.js";
import type { T } from "./strings.js";
import { openLink } from "./telegram.js";

/** How often the list is read again while it is open (ms). */
const POLL_MS = 5000;

/** The moderation panel under a session's details (only shown to those who moderate it). */
export function QuestionsPanel(props: { api: Client; sessionId: string; t: T }) {
  const { api, sessionId, t } = props;
  const [data, setData] = useState<ApiQuestions | undefined>();
  const [failed, setFailed] = useState(false);
  const show = (d: ApiQuestions) => {
    setData(d);
    setFailed(false);
  };
  useEffect(() => {
    let live = true;
    const load = () =>
      api.questions(sessionId).then(
        (d) => {
          if (live) show(d);
        },
        () => {
          if (live) setFailed(true);
        },
      );
    void load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, sessionId]);
  const act = (question: number, action: "approve" | "hide" | "answer") =>
    api.moderate(sessionId, question, action).then(show, () => setFailed(true));
  if (!data) return failed ? <p class="warn">{t("q_failed")}</p> : null;
  return (
    <section class="questions" data-testid="questions">
      <h2>{t("q_title")}</h2>
      {data.moderated && <p class="hint">{t("q_moderated")}</p>}
      {failed && <p class="warn">{t("q_failed")}</p>}
      {data.questions.length === 0 && <p class="hint">{t("q_none")}</p>}
      <ol class="q-list">
        {data.questions.map((q) => (
          <li key={q.id} class={q.status === "pending" ? "q pending" : "q"} data-question={q.id}>
            <div class="q-text">{q.text}</div>
            <div class="q-meta">
              {t("q_votes", { count: q.votes })}
              {q.status === "pending" && ` · ${t("q_pending")}`}
              {q.answered && ` · ${t("q_answered")}`}
            </div>
            <div class="q-actions">
              {q.status === "pending" && (
                <button type="button" class="toggle" onClick={() => act(q.id, "approve")}>
                  {t("q_approve")}
                </button>
              )}
              <button type="button" class="toggle" onClick={() => act(q.id, "hide")}>
                {t("q_hide")}
              </button>
              {q.status === "approved" && !q.answered && (
                <button type="button" class="toggle" onClick={() => act(q.id, "answer")}>
                  {t("q_answer")}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
      {data.screenUrl && (
        <button type="button" class="link" onClick={() => openLink(data.screenUrl as string)}>
          {t("q_screen")}
        </button>
      )}
    </section>
  );
}

import type { Config } from "../config.js";
import { isContentKind, type Session } from "../programme/model.js";

/** The limits and the window of questions, from the configuration. */
export interface QuestionRules {
  /** Questions open this long before a session starts (ms)… */
  openBeforeMs: number;
  /** …and close this long after it ends (ms). */
  closeAfterMs: number;
  /** A question's longest length, in characters. */
  maxChars: number;
  /** How many questions one user may ask about one session. */
  perSession: number;
  /** How long one user waits between two questions (ms). */
  intervalMs: number;
}

/** The rules the configuration sets. */
export function questionRules(
  config: Pick<
    Config,
    | "QUESTIONS_OPEN_BEFORE"
    | "QUESTIONS_CLOSE_AFTER"
    | "QUESTION_MAX_CHARS"
    | "QUESTIONS_PER_SESSION"
    | "QUESTION_INTERVAL"
  >,
): QuestionRules {
  return {
    openBeforeMs: config.QUESTIONS_OPEN_BEFORE * 60_000,
    closeAfterMs: config.QUESTIONS_CLOSE_AFTER * 60_000,
    maxChars: config.QUESTION_MAX_CHARS,
    perSession: config.QUESTIONS_PER_SESSION,
    intervalMs: config.QUESTION_INTERVAL * 1000,
  };
}

/** Whether a session takes questions at all: content (talks, panels…), not cancelled. */
export function takesQuestions(session: Session): boolean {
  return isContentKind(session.kind) && !session.cancelled;
}

/** Whether questions to a session can be asked at `now`. */
export function questionsOpen(session: Session, now: number, rules: QuestionRules): boolean {
  if (!takesQuestions(session)) return false;
  return (
    now >= Date.parse(session.start) - rules.openBeforeMs &&
    now <= Date.parse(session.end) + rules.closeAfterMs
  );
}

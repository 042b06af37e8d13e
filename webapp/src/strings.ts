/** The app's interface texts in English and Russian; `{name}` placeholders, Russian plurals one/few/many. */
import type { ApiLang } from "../../src/webapp/api-types.js";

const en = {
  tab_grid: "Grid",
  tab_agenda: "My agenda",
  tab_search: "Search",
  loading: "Loading the programme…",
  filters: "Filters",
  all_tracks: "All tracks",
  all_rooms: "All rooms",
  all_languages: "All languages",
  reset_filters: "Reset",
  no_sessions_day: "Nothing on this day matches the filters.",
  now: "now",
  follow: "⭐ Follow",
  following: "⭐ Following",
  remind_on: "🔔 Remind me",
  remind_off: "🔕 No reminder",
  remind_note: "The bot reminds you {minutes} min before it starts.",
  remind_needs_follow: "Follow the session to get a reminder.",
  reminders_off_note: "Reminders are off altogether: the bot's /settings turns them on.",
  cannot_follow: "This entry cannot be followed.",
  cancelled: "Cancelled",
  speakers: "Speakers",
  links: "Links",
  room: "Room",
  track: "Track",
  languages: "Language",
  open_in_bot: "Open in the bot",
  back: "Back",
  agenda_empty: "You don't follow any session yet. Tap a session in the grid and press ⭐ Follow.",
  agenda_empty_here: "You follow no session of this conference yet: tap one in the grid and press ⭐ Follow.",
  elsewhere_title: "🎟 {name}",
  elsewhere_note: "You follow sessions at other conferences too; I remind you of them all.",
  unfollow: "Unfollow",
  overlaps_with: "⚠️ Overlaps with {titles}",
  quoted: "“{title}”",
  gap: "Free {from}–{to}",
  gap_offer_one: "{count} session runs then",
  gap_offer_other: "{count} sessions run then",
  gap_show: "Fill this gap",
  gap_hide: "Hide",
  calendar: "📅 Subscribe in my calendar",
  calendar_hint:
    "Add this address to your calendar app as a subscription: it always shows your sessions at their current times.",
  copy: "Copy",
  copied: "Copied",
  search_placeholder: "Talk, topic or speaker…",
  search_nothing: "Nothing found for “{query}”.",
  search_hint: "Typos, the wrong keyboard layout and Russian or English all work.",
  speaker_sessions: "Sessions",
  error_title: "Could not load the programme",
  error_retry: "Try again",
  unauthorized_title: "Please open this from the bot",
  unauthorized_text:
    "The grid shows your own sessions, so it needs Telegram to say who you are — and that sign-in is missing, invalid or has expired. Open the bot in Telegram and press “🗓 Open the grid” (or the menu button) again.",
  sessions_one: "{count} session",
  sessions_other: "{count} sessions",
  min: "{count} min",
  q_title: "Questions to the speaker",
  q_none: "No questions yet.",
  q_pending: "waiting",
  q_votes: "👍 {count}",
  q_answered: "✅ answered",
  q_approve: "✅ Approve",
  q_hide: "🙈 Hide",
  q_answer: "💬 Answered",
  q_screen: "📺 Open the room screen",
  q_moderated: "Moderation is on: questions show once approved.",
  q_failed: "Could not update the questions — try again.",
};

type Strings = typeof en;

const ru: Strings = {
  tab_grid: "Сетка",
  tab_agenda: "Мой план",
  tab_search: "Поиск",
  loading: "Загружаю программу…",
  filters: "Фильтры",
  all_tracks: "Все треки",
  all_rooms: "Все залы",
  all_languages: "Все языки",
  reset_filters: "Сбросить",
  no_sessions_day: "В этот день под фильтры ничего не подходит.",
  now: "сейчас",
  follow: "⭐ Следить",
  following: "⭐ Слежу",
  remind_on: "🔔 Напомнить",
  remind_off: "🔕 Без напоминания",
  remind_note: "Бот напомнит за {minutes} мин до начала.",
  remind_needs_follow: "Чтобы получить напоминание, следите за докладом.",
  reminders_off_note: "Все напоминания сейчас выключены; включить их можно в /settings у бота.",
  cannot_follow: "За этим пунктом программы следить нельзя.",
  cancelled: "Отменён",
  speakers: "Докладчики",
  links: "Ссылки",
  room: "Зал",
  track: "Трек",
  languages: "Язык",
  open_in_bot: "Открыть в боте",
  back: "Назад",
  agenda_empty: "Вы пока ни за чем не следите. Нажмите на доклад в сетке, а затем «⭐ Следить».",
  agenda_empty_here:
    "На этой конференции вы пока ни за чем не следите: нажмите на доклад в сетке, а затем «⭐ Следить».",
  elsewhere_title: "🎟 {name}",
  elsewhere_note: "Вы следите и за докладами других конференций — о них я тоже напомню.",
  unfollow: "Не следить",
  overlaps_with: "⚠️ Пересекается с {titles}",
  quoted: "«{title}»",
  gap: "Свободно {from}–{to}",
  gap_offer_one: "В это время идёт {count} доклад",
  gap_offer_few: "В это время идут {count} доклада",
  gap_offer_many: "В это время идут {count} докладов",
  gap_offer_other: "В это время идут {count} доклада",
  gap_show: "Чем занять окно",
  gap_hide: "Скрыть",
  calendar: "📅 Подписаться в календаре",
  calendar_hint:
    "Добавьте этот адрес в приложение календаря как подписку: в нём всегда ваши доклады в их актуальное время.",
  copy: "Скопировать",
  copied: "Скопировано",
  search_placeholder: "Доклад, тема или докладчик…",
  search_nothing: "По запросу «{query}» ничего не нашлось.",
  search_hint: "Опечатки, не та раскладка, русский или английский — всё подойдёт.",
  speaker_sessions: "Доклады",
  error_title: "Не удалось загрузить программу",
  error_retry: "Попробовать ещё раз",
  unauthorized_title: "Откройте сетку из бота",
  unauthorized_text:
    "В сетке видны ваши собственные доклады, поэтому Telegram должен подтвердить, кто вы, — а эти данные входа отсутствуют, неверны или устарели. Откройте бота в Telegram и снова нажмите «🗓 Открыть сетку» (или кнопку меню).",
  sessions_one: "{count} доклад",
  sessions_few: "{count} доклада",
  sessions_many: "{count} докладов",
  sessions_other: "{count} доклада",
  min: "{count} мин",
  q_title: "Вопросы докладчику",
  q_none: "Вопросов пока нет.",
  q_pending: "ждёт",
  q_votes: "👍 {count}",
  q_answered: "✅ отвечен",
  q_approve: "✅ Одобрить",
  q_hide: "🙈 Скрыть",
  q_answer: "💬 Отвечен",
  q_screen: "📺 Открыть экран для зала",
  q_moderated: "Модерация включена: вопросы появляются после одобрения.",
  q_failed: "Не удалось обновить вопросы — попробуйте ещё раз.",
} as Strings;

const tables: Record<ApiLang, Record<string, string>> = { en, ru };
const plurals: Record<ApiLang, Intl.PluralRules> = {
  en: new Intl.PluralRules("en"),
  ru: new Intl.PluralRules("ru"),
};

/** A translation function for one language. */
export type T = (key: string, vars?: Record<string, string | number>) => string;

/** The translation function of a language: `count` picks the plural form (`key_one`, `key_few`…). */
export function translator(lang: ApiLang): T {
  const table = tables[lang];
  return (key, vars = {}) => {
    let text = table[key];
    if (typeof vars.count === "number") {
      const form = plurals[lang].select(vars.count);
      text = table[`${key}_${form}`] ?? table[`${key}_other`] ?? text;
    }
    return (text ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ""));
  };
}

/** The interface language for a Telegram language code (ru* → Russian, anything else → English). */
export function langOf(code: string | undefined): ApiLang {
  return code?.toLowerCase().startsWith("ru") ? "ru" : "en";
}

/**
 * Words that name a kind of place in a programme rather than a topic: "rust devroom", "зал Janson", "Saal 1".
 * A query holding one asks for the sessions of a track or room.
 */
const PLACE_WORDS = new Set(
  (
    "devroom devrooms track tracks room rooms hall halls stage stages saal raum bühne buhne salle amphi " +
    "amphitheatre auditorium трек треки трека треке секция секции секцию зал зала зале залы аудитория аудитории " +
    "аудиторию комната комнате сцена сцене"
  ).split(/\s+/),
);

/** Whether a normalized query word names a kind of place (a track, a devroom, a room, a hall…). */
export function isPlaceWord(word: string): boolean {
  // Exact forms only: a stem would take "tracking" for "track".
  return PLACE_WORDS.has(word);
}

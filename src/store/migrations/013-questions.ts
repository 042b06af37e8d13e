import type { Migration } from "../migrate.js";

/**
 * Questions to the speaker: questions and their votes (one per question and user), the "next message is the
 * question" state, the moderation switch per conference, users stopped from asking, and speakers' (and
 * moderators') Telegram accounts with the one-time invitations that link them. A forgotten user's questions
 * and votes stay, with `user_id` NULL, so totals do not change (NULLs never collide in a UNIQUE index).
 */
export const questions: Migration = {
  version: 13,
  name: "questions",
  up: (db) =>
    db.exec(`
      CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions (id),
        -- The asker; NULL once they asked the bot to forget them.
        user_id INTEGER,
        text TEXT NOT NULL,
        -- 'pending' waits for a moderator; 'approved' is shown; 'hidden' was taken down by a moderator.
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'hidden')),
        -- The message it came from ('<chat>:<message_id>'), so a re-delivered update never asks twice.
        source TEXT UNIQUE,
        created_at INTEGER NOT NULL,
        answered_at INTEGER
      );
      CREATE INDEX questions_by_session ON questions (session_id, status, created_at);
      CREATE INDEX questions_by_user ON questions (user_id, created_at) WHERE user_id IS NOT NULL;
      CREATE TABLE question_votes (
        question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        -- NULL once the voter asked to be forgotten: the vote still counts.
        user_id INTEGER,
        created_at INTEGER NOT NULL,
        UNIQUE (question_id, user_id)
      );
      CREATE INDEX question_votes_by_user ON question_votes (user_id) WHERE user_id IS NOT NULL;
      -- A user who pressed "Ask a question": their next message is the question for this session.
      CREATE TABLE question_drafts (
        user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        session_id TEXT NOT NULL,
        started_at INTEGER NOT NULL
      );
      -- Moderation per conference (by its id, src/conferences).
      CREATE TABLE question_settings (
        conference TEXT PRIMARY KEY,
        moderated INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE question_bans (
        user_id INTEGER PRIMARY KEY,
        banned_by INTEGER NOT NULL,
        banned_at INTEGER NOT NULL
      );
      -- One-time invitations: the SHA-256 of the token only (the link is the secret), used once.
      CREATE TABLE question_invites (
        token_hash TEXT PRIMARY KEY,
        -- 'speaker' (target: a speaker id) or 'moderator' (target: a session id).
        role TEXT NOT NULL CHECK (role IN ('speaker', 'moderator')),
        target TEXT NOT NULL,
        created_by INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        used_by INTEGER,
        used_at INTEGER
      );
      -- Telegram accounts linked to a speaker or to a session as its moderator.
      CREATE TABLE question_roles (
        user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('speaker', 'moderator')),
        target TEXT NOT NULL,
        linked_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, role, target)
      );
      CREATE INDEX question_roles_by_target ON question_roles (role, target);
    `),
};

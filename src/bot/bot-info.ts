import type { UserFromGetMe } from "grammy/types";

/**
 * A bot identity for runs that never ask Telegram's `getMe` (console mode, tests, benchmarks): an inline-capable
 * bot with every optional capability off unless overridden.
 */
export function localBotInfo(
  identity: Pick<UserFromGetMe, "id" | "first_name" | "username"> & Partial<UserFromGetMe>,
): UserFromGetMe {
  return {
    is_bot: true,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: true,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
    ...identity,
  };
}

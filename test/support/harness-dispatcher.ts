import { createApiTransport } from "../../src/bot/transport.js";
import { createOutboxRenderer, type OutboxView } from "../../src/bot/views/outbox.js";
import { Dispatcher } from "../../src/delivery/dispatcher.js";
import { outboxHooks } from "../../src/delivery/outcomes.js";
import type { Harness } from "./bot-harness.js";

/**
 * A dispatcher over the harness's bot.api (answered by its in-memory Telegram), on the harness's clock: what
 * the outbox holds reaches the harness's chats when it is drained. `views` renders `{type: "view"}` payloads
 * (change notices…); `rate` is messages per second (1000 unless given).
 */
export function dispatcherOf(
  h: Harness,
  options: { views?: Record<string, OutboxView>; rate?: number } = {},
): Dispatcher {
  return new Dispatcher({
    db: h.deps.db,
    ...outboxHooks(h.deps.db),
    clock: h.deps.clock,
    logger: h.deps.logger,
    transport: createApiTransport(h.bot.api),
    render: createOutboxRenderer(h.deps, options.views),
    rate: options.rate ?? 1000,
    // Time only moves when the dispatcher waits: the test's clock is fake.
    sleep: async (ms) => h.setNow(new Date(h.deps.clock() + ms).toISOString()),
  });
}

import { Api, Context, Composer as GrammyComposer, type MiddlewareFn } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { Composer } from "./composer.js";

const me = { id: 1, is_bot: true, first_name: "bot", username: "bot" } as UserFromGetMe;
const api = new Api("1:test");
const from = { id: 7, is_bot: false, first_name: "A" };
const chat = { id: 7, type: "private" as const, first_name: "A" };

const text = (t: string): Update => ({
  update_id: 1,
  message: {
    message_id: 1,
    date: 0,
    chat,
    from,
    text: t,
    ...(t.startsWith("/")
      ? { entities: [{ type: "bot_command", offset: 0, length: t.split(" ")[0]?.length ?? 0 }] }
      : {}),
  },
});
const press = (data: string): Update => ({
  update_id: 2,
  callback_query: { id: "q", from, chat_instance: "c", data },
});

type Log = string[];
type C = Context & { log: Log };

/** The same tree of filters and middleware on either class: what each update reaches, in order. */
function tree(make: () => GrammyComposer<C>): GrammyComposer<C> {
  const root = make();
  root.use(async (ctx, next) => {
    ctx.log.push("first");
    await next();
    ctx.log.push("first after");
  });
  root.command("start", (ctx) => ctx.log.push("start"));
  root.on("callback_query:data", async (ctx, next) => {
    ctx.log.push(`press ${ctx.callbackQuery.data}`);
    if (ctx.callbackQuery.data === "pass") await next();
  });
  root
    .chatType("private")
    .filter(async (ctx) => ctx.message?.text !== "skip")
    .on("message:text", (ctx, next) => {
      ctx.log.push(`text ${ctx.message.text}`);
      return ctx.message.text === "on" ? next() : undefined;
    });
  root.branch(
    (ctx) => ctx.message?.text === "on",
    [
      (ctx, next) => {
        ctx.log.push("yes");
        return next();
      },
    ],
    (ctx) => {
      ctx.log.push("no");
    },
  );
  root.use((ctx) => ctx.log.push("last"));
  return root;
}

async function run(composer: GrammyComposer<C>, update: Update): Promise<Log> {
  const ctx = Object.assign(new Context(update, api, me), { log: [] as Log });
  await composer.middleware()(ctx as C, async () => {
    ctx.log.push("leaf");
  });
  return ctx.log;
}

describe("Composer", () => {
  it("runs every update through the same middleware, in the same order, as grammY's Composer", async () => {
    const updates = [text("/start"), text("hello"), text("on"), text("skip"), press("x"), press("pass")];
    for (const update of updates) {
      const ours = await run(
        tree(() => new Composer<C>()),
        update,
      );
      const grammys = await run(
        tree(() => new GrammyComposer<C>()),
        update,
      );
      expect(ours, JSON.stringify(update)).toEqual(grammys);
    }
    expect(
      await run(
        tree(() => new Composer<C>()),
        text("on"),
      ),
    ).toEqual(["first", "text on", "yes", "last", "first after"]);
  });

  it("keeps chained filters lean and sees middleware installed after the composer was", async () => {
    const root = new Composer<C>();
    const inner = root.chatType("private").on("message:text");
    expect(inner).toBeInstanceOf(Composer);
    inner.use((ctx) => ctx.log.push("added later"));
    expect(await run(root, text("hi"))).toEqual(["added later"]);
    expect(await run(root, press("x"))).toEqual(["leaf"]);
  });

  it("turns a throw anywhere into a rejection of the caller's next(), and refuses a second next()", async () => {
    const root = new Composer<C>();
    let caught: unknown;
    root.use(async (_ctx, next) => {
      try {
        await next();
      } catch (e) {
        caught = e;
      }
    });
    root.filter(
      () => {
        throw new Error("predicate");
      },
      () => undefined,
    );
    await run(root, text("a"));
    expect((caught as Error).message).toBe("predicate");

    const twice = new Composer<C>();
    const calls: Promise<void>[] = [];
    twice.use((_ctx, next) => {
      calls.push(next(), next());
      return calls[0];
    });
    twice.use(() => undefined);
    await run(twice, text("a"));
    await expect(calls[1]).rejects.toThrow("`next` already called before!");
  });

  it("passes an update nothing handles on, and a next() that returns a promise even after sync middleware", async () => {
    const sync: MiddlewareFn<C> = (ctx, next) => {
      ctx.log.push("sync");
      const p = next();
      expect(p).toBeInstanceOf(Promise);
      return p;
    };
    const root = new Composer<C>(sync, (ctx, next) => {
      ctx.log.push("plain");
      return next();
    });
    expect(await run(root, text("a"))).toEqual(["sync", "plain", "leaf"]);
    expect(await run(new Composer<C>(), text("a"))).toEqual(["leaf"]);
  });
});

import { Api, type Context, type MiddlewareFn } from "grammy";

/**
 * A conversation plugin. Inside a conversation the plugin builds each context's Api afresh from the token and
 * client options, so the transformers installed on `bot.api` — auto-retry, and the local Telegram of console
 * mode and the tests — would be lost. This gives the conversation's contexts an Api with those transformers
 * underneath the conversation's own (its replay interceptor stays outermost, so replays repeat no call).
 * `outer` is read on every update, so transformers installed after the bot was built count too.
 */
export function inheritApiTransformers<C extends Context>(outer: Api): MiddlewareFn<C> {
  return async (ctx, next) => {
    const inherited = outer.config.installedTransformers();
    if (inherited.length) {
      const own = ctx.api.config.installedTransformers();
      const api = new Api(ctx.api.token, ctx.api.options);
      api.config.use(...inherited, ...own);
      (ctx as { api: Api }).api = api;
    }
    await next();
  };
}

/** How long {@link waitUntil} waits, how often it looks, and what it says when it gives up. */
export interface WaitOptions {
  /** Gives up after this long (default 10 s). */
  timeoutMs?: number;
  /** Checks the condition this often (default 20 ms). */
  intervalMs?: number;
  /** Checked after the condition: a reason (such as "the bot exited") gives up at once. */
  abortIf?: () => string | undefined;
  /** Appended to the error on giving up, such as a process's output. */
  details?: () => string;
}

/**
 * Resolves once `condition()` holds, checking it now and then every `intervalMs`; rejects with
 * "timed out waiting for `what`" after `timeoutMs`, or at once when `abortIf` gives a reason.
 */
export async function waitUntil(
  condition: () => boolean,
  what: string,
  { timeoutMs = 10_000, intervalMs = 20, abortIf, details }: WaitOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const failure = (reason: string) =>
    new Error(`${reason} waiting for ${what}${details ? `\n${details()}` : ""}`);
  while (!condition()) {
    if (Date.now() > deadline) throw failure("timed out");
    const abort = abortIf?.();
    if (abort !== undefined) throw failure(`${abort} while`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

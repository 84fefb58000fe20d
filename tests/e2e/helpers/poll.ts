/**
 * Waiting for something the extension does on its own schedule (the content
 * script runs at document idle, then annotates), without fixed sleeps.
 */

/** Options for `pollUntil`. */
export interface PollOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Calls `read` until `done(value)` holds, then returns the value. On timeout
 * returns the last value read, so the test's assertion shows what was there
 * instead of a bare "timed out".
 */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 15_000, intervalMs = 200 }: PollOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    value = await read();
  }
  return value;
}

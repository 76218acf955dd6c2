/**
 * Server-Sent Events for live pages. A stream sends the full current state on every
 * (re)connection, then again whenever it changes: EventSource reconnects by itself after a
 * dropped phone or a server restart, and the first message it gets is always the whole truth.
 */
import { env } from "./env.server";

const encoder = new TextEncoder();

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: the compression middleware skips the response, so each event leaves at once.
  "Cache-Control": "no-cache, no-transform",
  // Proxies such as nginx must not buffer the stream either.
  "X-Accel-Buffering": "no",
} as const;

export interface LiveStateOptions<T> {
  /** Reads the full state from the database; null when it no longer exists (the stream ends). */
  load: () => Promise<T | null>;
  /** What counts as a change worth sending (defaults to the whole state). */
  signature?: (state: T) => string;
  /** The `id:` of an event, e.g. the database version. */
  id?: (state: T) => string;
  /** Subscribes to change notifications (every app process's); returns the unsubscribe function. */
  subscribe: (changed: () => void) => () => void;
  /**
   * A cheap database read (e.g. the version number) polled every `pollMs` (or LIVE_POLL_MS
   * when set, for every stream): catches any notification that was missed. Changes made in
   * another app process arrive through `subscribe` too, on PostgreSQL (app/change-feed.server.ts).
   */
  poll: () => Promise<unknown>;
  pollMs: number;
  /** After sending a state for which this is true, the stream ends (e.g. a session that has ended). */
  isFinal?: (state: T) => boolean;
}

/**
 * The poll interval: LIVE_POLL_MS overrides every stream's own (a deployment tuning its
 * database load, or a test proving that notifications alone deliver changes).
 */
function pollInterval(pollMs: number): number {
  return env().LIVE_POLL_MS ?? pollMs;
}

/**
 * A text/event-stream Response that pushes `load()`'s result as `event: state` whenever it
 * changes. Loads are coalesced: however many notifications arrive while one load runs, one more
 * load follows it, so a burst of 60 votes costs a handful of reads, not 60.
 */
export function liveStateStream<T>(request: Request, options: LiveStateOptions<T>): Response {
  let closed = false;
  const timers: ReturnType<typeof setInterval>[] = [];
  let unsubscribe: (() => void) | null = null;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const close = () => {
        if (closed) return;
        closed = true;
        for (const t of timers) clearInterval(t);
        unsubscribe?.();
        try {
          controller.close();
        } catch {
          /* already closed by the client */
        }
      };
      request.signal.addEventListener("abort", close, { once: true });

      let lastSignature = "";
      let loading = false;
      let again = false;
      const refresh = async () => {
        if (closed) return;
        if (loading) {
          again = true;
          return;
        }
        loading = true;
        try {
          do {
            again = false;
            const state = await options.load();
            if (closed) return;
            if (state === null) {
              write(`event: gone\ndata: {}\n\n`);
              close();
              return;
            }
            const signature = options.signature ? options.signature(state) : JSON.stringify(state);
            if (signature !== lastSignature) {
              lastSignature = signature;
              write(
                `${options.id ? `id: ${options.id(state)}\n` : ""}event: state\ndata: ${JSON.stringify(state)}\n\n`,
              );
            }
            if (options.isFinal?.(state)) {
              close();
              return;
            }
          } while (again && !closed);
        } catch (error) {
          console.error("Live update failed:", error);
        } finally {
          loading = false;
        }
      };

      // Reconnect after 1 s when the connection drops (the browser's default is 3 s).
      write("retry: 1000\n\n");
      unsubscribe = options.subscribe(() => void refresh());
      let lastPolled: unknown;
      timers.push(
        setInterval(() => {
          void options.poll().then(
            (value) => {
              if (value !== lastPolled) void refresh();
              lastPolled = value;
            },
            () => undefined,
          );
        }, pollInterval(options.pollMs)),
      );
      // A comment line every 15 s keeps proxies and phones from dropping an idle connection.
      timers.push(setInterval(() => write(": keep-alive\n\n"), 15_000));
      void refresh();
    },
    cancel() {
      closed = true;
      for (const t of timers) clearInterval(t);
      unsubscribe?.();
    },
  });
  return new Response(stream, { headers: SSE_HEADERS });
}

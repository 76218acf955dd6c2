/**
 * Change notifications between app processes: "something changed in topic X". Listeners in
 * this process hear a change at once; on PostgreSQL, every other app process on the same
 * database (and schema) hears it too, through LISTEN/NOTIFY on one connection per process.
 * On SQLite the app runs as one process (server.mjs refuses WEB_CONCURRENCY > 1), so the
 * notifications stay in process.
 *
 * A notification only says "read again": the state lives in the database, and a live stream
 * also polls it (app/sse.server.ts), so a notification lost while the listening connection
 * reconnects delays an update by one poll, never loses it.
 */
import crypto from "node:crypto";
import { EventEmitter } from "node:events";
import pg from "pg";
import { isPostgres } from "./db.server";
import { env } from "./env.server";

interface Feed {
  local: EventEmitter;
  /** This process: its own notifications come back from PostgreSQL and are skipped. */
  origin: string;
  client: pg.Client | null;
  channel: string | null;
  connecting: Promise<pg.Client | null> | null;
  retry: ReturnType<typeof setTimeout> | null;
  stopped: boolean;
}

declare global {
  var __changeFeed: Feed | undefined;
}

function feed(): Feed {
  if (!global.__changeFeed) {
    const local = new EventEmitter();
    // One listener per open projector or phone: hundreds are normal.
    local.setMaxListeners(0);
    global.__changeFeed = {
      local,
      origin: crypto.randomUUID(),
      client: null,
      channel: null,
      connecting: null,
      retry: null,
      stopped: false,
    };
  }
  return global.__changeFeed;
}

const shared = () => isPostgres(env().DATABASE_URL);

/**
 * The listening connection, opened once per process (and again after it drops). Its channel
 * is named after the connection's schema, so apps on other schemas of the same database (tests
 * run many side by side) do not hear each other.
 */
function connect(f: Feed): Promise<pg.Client | null> {
  if (f.client) return Promise.resolve(f.client);
  if (f.stopped) return Promise.resolve(null);
  f.connecting ??= (async () => {
    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    const drop = () => {
      if (f.client === client) f.client = null;
      void client.end().catch(() => undefined);
      if (!f.stopped && !f.retry) {
        f.retry = setTimeout(() => {
          f.retry = null;
          void connect(f);
        }, 1000);
        f.retry.unref();
      }
    };
    client.on("error", (error) => {
      console.error("Change feed: the listening connection failed, reconnecting:", error.message);
      drop();
    });
    client.on("end", drop);
    try {
      await client.connect();
      const { rows } = await client.query<{ schema: string }>("select current_schema() as schema");
      const channel = `wt_changes:${rows[0]?.schema ?? "public"}`;
      client.on("notification", (message) => {
        if (message.channel === channel && message.payload) receive(f, message.payload);
      });
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      f.channel = channel;
      f.client = client;
      return client;
    } catch (error) {
      console.error("Change feed: could not listen for changes:", (error as Error).message);
      drop();
      return null;
    } finally {
      f.connecting = null;
    }
  })();
  return f.connecting;
}

function receive(f: Feed, payload: string) {
  try {
    const message = JSON.parse(payload) as { o: string; t: string; p: unknown };
    if (message.o !== f.origin) f.local.emit(message.t, message.p);
  } catch {
    /* not ours */
  }
}

/**
 * Starts listening for other processes' changes (PostgreSQL only; a no-op on SQLite). Called
 * at start-up so that a process hears changes before its first stream opens; resolves once the
 * connection listens (or has failed, and retries in the background).
 */
export async function startChangeFeed(): Promise<void> {
  if (shared()) await connect(feed());
}

/** Closes the listening connection (tests and a graceful shutdown). */
export async function stopChangeFeed(): Promise<void> {
  const f = feed();
  f.stopped = true;
  if (f.retry) clearTimeout(f.retry);
  const client = f.client ?? (await f.connecting);
  f.client = null;
  await client?.end().catch(() => undefined);
}

/**
 * Calls `listener` with each change published to `topic`, by this process or (on PostgreSQL)
 * any other. Returns the unsubscribe function.
 *
 * @example
 * const off = onChange<WorkshopChange>(`workshop:${id}`, (change) => refresh());
 */
export function onChange<T>(topic: string, listener: (payload: T) => void): () => void {
  const f = feed();
  if (shared()) void connect(f);
  const handler = (payload: unknown) => listener(payload as T);
  f.local.on(topic, handler);
  return () => f.local.off(topic, handler);
}

/**
 * Tells every listener of `topic` that it changed: this process's at once, other processes'
 * through PostgreSQL's NOTIFY. Publish after the change is committed. `payload` must be
 * JSON-serialisable and small (NOTIFY takes under 8,000 bytes).
 */
export function publishChange(topic: string, payload: unknown): void {
  const f = feed();
  f.local.emit(topic, payload);
  if (!shared()) return;
  const message = JSON.stringify({ o: f.origin, t: topic, p: payload });
  void connect(f).then((client) =>
    client
      ?.query("select pg_notify($1, $2)", [f.channel, message])
      .catch((error: Error) => console.error("Change feed: could not notify:", error.message)),
  );
}

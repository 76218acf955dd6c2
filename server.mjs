// Production server: Express in front of the Remix build, with compression, security
// headers, long-lived caching of fingerprinted assets and a body-size limit. With
// WEB_CONCURRENCY=N (N > 1, PostgreSQL only) it runs N such servers as node:cluster workers
// sharing the port.
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { Transform } from "node:stream";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { superviseWorkers, webConcurrency } from "./server-cluster.mjs";

const MAX_BODY_BYTES = 256 * 1024;
const TOO_LARGE = "Request too large: the limit is 256 KB.";
// A body we stop reading is still read and discarded until the client stops sending (nothing
// for LINGER_IDLE_MS), or up to this much or this long, before its connection is destroyed
// (see closeAfterAnswer).
const LINGER_BYTES = 16 * 1024 * 1024;
const LINGER_MS = 2000;
const LINGER_IDLE_MS = 500;
// Behind a reverse proxy (TRUST_PROXY=1) the client is the last address X-Forwarded-For names;
// otherwise the header is ignored, since any client can write it.
const TRUST_PROXY = ["1", "true", "yes"].includes(String(process.env.TRUST_PROXY ?? "").toLowerCase());
// Form actions take url-encoded forms (what a <form> and Remix's fetchers send); the respondent
// API takes JSON (and the text/plain of a beacon).
const JSON_API = /^\/api\//;

const workers = webConcurrency(process.env);
if (cluster.isPrimary && workers > 1) {
  superviseWorkers(workers);
  // The primary serves nothing: it stops here, and only supervises the workers (each runs this
  // file from the top as a worker). It exits itself, once they have (superviseWorkers).
  await new Promise(() => {});
}

const build = await import("./build/index.js");

const app = express();
app.disable("x-powered-by");
if (TRUST_PROXY) app.set("trust proxy", 1);
// The respondent API's answers are acknowledgements of a few hundred bytes: compressing them
// cost more of the server's time than anything else per autosave (issue 19), and Remix's
// streamed responses carry no length for compression's own threshold to go by.
app.use(
  compression({
    filter: (req, res) => !(req.method === "POST" && JSON_API.test(req.path)) && compression.filter(req, res),
  }),
);

app.use((req, res, next) => {
  // When the request arrived, for the total of Server-Timing (app/entry.server.tsx).
  res.locals.requestStart = performance.now();
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      // SurveyJS and Recharts set inline styles.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (req.secure || req.headers["x-forwarded-proto"] === "https") {
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  // Oversized bodies are refused before anything reads them when they declare their length,
  // and counted as they stream otherwise (see remixRequest below).
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > MAX_BODY_BYTES) {
    closeAfterAnswer(req, res);
    res.status(413).type("text/plain").send(TOO_LARGE);
    return;
  }
  // Cross-site request forgery: a state-changing request must come from our own pages.
  // (Browsers send Origin on POST; non-browser clients without it are not a CSRF vector.)
  if (!["GET", "HEAD", "OPTIONS"].includes(req.method)) {
    const origin = req.headers.origin;
    const fetchSite = req.headers["sec-fetch-site"];
    let sameOrigin = true;
    if (origin) {
      try {
        sameOrigin = new URL(origin).host === req.headers.host;
      } catch {
        sameOrigin = false;
      }
    } else if (fetchSite) {
      sameOrigin = fetchSite === "same-origin" || fetchSite === "none";
    }
    if (!sameOrigin) {
      res.status(403).type("text/plain").send("This request came from another site and was refused.");
      return;
    }
  }
  // A form action sent anything but a url-encoded form (JSON, multipart, nothing) is refused
  // here: no route reads multipart, and a malformed body must not reach formData() as a 500.
  if (!["GET", "HEAD", "OPTIONS"].includes(req.method) && !JSON_API.test(req.path)) {
    const type = String(req.headers["content-type"] ?? "")
      .split(";")[0]
      .trim()
      .toLowerCase();
    if (type !== "application/x-www-form-urlencoded") {
      res.status(415).type("text/plain").send("This form accepts only application/x-www-form-urlencoded bodies.");
      return;
    }
  }
  // The address rate limits are keyed on; a client cannot set this header itself.
  req.headers["x-client-address"] = (TRUST_PROXY ? req.ip : req.socket.remoteAddress) ?? "unknown";
  next();
});

// Fingerprinted assets: precompressed at build time (scripts/precompress.mjs), cached for a year.
const BUILD_DIR = path.resolve("public/build");
app.use("/build", (req, res, next) => {
  if (!/\.(js|css)$/.test(req.path) || req.path.includes("..")) return next();
  const accepts = String(req.headers["accept-encoding"] ?? "");
  for (const [encoding, suffix] of [
    ["br", ".br"],
    ["gzip", ".gz"],
  ]) {
    if (!accepts.includes(encoding)) continue;
    const file = path.join(BUILD_DIR, req.path + suffix);
    if (!file.startsWith(BUILD_DIR) || !fs.existsSync(file)) continue;
    res.setHeader("Content-Encoding", encoding);
    res.setHeader("Vary", "Accept-Encoding");
    res.type(req.path.endsWith(".css") ? "text/css" : "application/javascript");
    return res.sendFile(file, { maxAge: "1y", immutable: true });
  }
  next();
});
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.get("/favicon.ico", (_req, res) =>
  res.type("image/svg+xml").sendFile("favicon.svg", { root: "public", maxAge: "1d" }),
);

/**
 * Prepares the answer to a request whose body will not be read to its end (too large, or
 * answered before the route read it). The answer says `Connection: close`, so a keep-alive
 * client sends nothing more on this connection. Node would destroy the socket as soon as the
 * answer is written, and with the client still sending, the unread bytes make the kernel reset
 * the connection: the client can lose the answer with it. So the close lingers, as web servers'
 * do: only the write side is closed (the client reads the answer, then the end), and what the
 * client still sends is read and thrown away until it stops (its body ends, or nothing comes
 * for LINGER_IDLE_MS), LINGER_BYTES more have come or LINGER_MS have passed; then the socket
 * is destroyed.
 */
function closeAfterAnswer(req, res) {
  const socket = req.socket;
  if (!res.headersSent) res.setHeader("Connection", "close");
  if (socket.lingering) return;
  socket.lingering = true;
  // What Node calls once a Connection: close answer is written: close the write side only.
  socket.destroySoon = () => {
    if (socket.writable) socket.end();
  };
  res.once("finish", () => {
    const startedAt = socket.bytesRead;
    let lastRead = startedAt;
    let lastReadAt = Date.now();
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      clearInterval(check);
      net.Socket.prototype.destroySoon.call(socket);
    };
    const timer = setTimeout(close, LINGER_MS);
    const check = setInterval(() => {
      const read = socket.bytesRead;
      if (read !== lastRead) [lastRead, lastReadAt] = [read, Date.now()];
      if (read - startedAt > LINGER_BYTES || Date.now() - lastReadAt >= LINGER_IDLE_MS) close();
    }, 25);
    socket.destroySoon();
    if (req.complete || socket.destroyed) return close();
    req.once("end", close);
    socket.once("end", close);
    socket.once("close", close);
    req.unpipe();
    req.on("data", () => undefined);
    req.resume();
  });
}

/**
 * The Remix request for an Express request, as @remix-run/express builds it, except that the
 * body is counted as it streams: past 256 KB the client gets a 413 at once and nothing more of
 * the body is used, whatever Content-Length said (or chunked encoding hid); the connection is
 * closed after a lingering close (closeAfterAnswer).
 */
function remixRequest(req, res) {
  const url = new URL(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`);
  let controller = new AbortController();
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  const init = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    let received = 0;
    const counter = new Transform({
      transform(chunk, _encoding, callback) {
        received += chunk.length;
        if (received <= MAX_BODY_BYTES) return callback(null, chunk);
        req.unpipe(counter);
        req.pause();
        if (!res.headersSent) {
          closeAfterAnswer(req, res);
          res.status(413).type("text/plain").send(TOO_LARGE);
        }
        callback(Object.assign(new Error(TOO_LARGE), { status: 413 }));
      },
    });
    req.pipe(counter);
    init.body = createReadableStreamFromReadable(counter);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

const handleRequest = createRequestHandler(build, process.env.NODE_ENV ?? "production");
app.all("*", async (req, res, next) => {
  try {
    const response = await handleRequest(remixRequest(req, res), {
      cspNonce: res.locals.cspNonce,
      requestStart: res.locals.requestStart,
    });
    // Already answered (413 while streaming): drop whatever the route made of the cut body.
    if (res.headersSent) return;
    // Answered before the whole body was read (a redirect to sign in, say): close after it.
    if (req.method !== "GET" && req.method !== "HEAD" && !req.complete) closeAfterAnswer(req, res);
    res.statusMessage = response.statusText;
    res.status(response.status);
    for (const [key, value] of response.headers.entries()) res.append(key, value);
    // Pages carry a per-request nonce, and signed-in pages and data requests carry private
    // data: nothing Remix renders is stored by a browser or a shared cache unless it says so.
    if (!response.headers.has("Cache-Control")) res.setHeader("Cache-Control", "private, no-store");
    if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
    if (response.body) await writeReadableStreamToWritable(response.body, res);
    else res.end();
  } catch (error) {
    if (res.headersSent) return;
    next(error);
  }
});

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  console.log(`Integration self-assessment ready on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

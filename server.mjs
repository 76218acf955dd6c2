// Production server: Express in front of the Remix build, with compression, security
// headers, long-lived caching of fingerprinted assets and a body-size limit.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

const MAX_BODY_BYTES = 256 * 1024;
const build = await import("./build/index.js");

const app = express();
app.disable("x-powered-by");
app.use(compression());

app.use((req, res, next) => {
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
  // Oversized bodies are refused before anything reads them.
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > MAX_BODY_BYTES) {
    res.status(413).type("text/plain").send("Request too large: the limit is 256 KB.");
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
  // The address rate limits are keyed on; a client cannot set this header itself.
  req.headers["x-client-address"] = req.socket.remoteAddress ?? "unknown";
  next();
});

// Fingerprinted assets: precompressed at build time (scripts/precompress.mjs), cached for a year.
const BUILD_DIR = path.resolve("public/build");
app.use("/build", (req, res, next) => {
  if (!/\.(js|css)$/.test(req.path) || req.path.includes("..")) return next();
  const accepts = String(req.headers["accept-encoding"] ?? "");
  for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
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
app.get("/favicon.ico", (_req, res) => res.type("image/svg+xml").sendFile("favicon.svg", { root: "public", maxAge: "1d" }));

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV ?? "production",
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const server = app.listen(port, host, () => {
  console.log(`Integration self-assessment ready on http://${host === "0.0.0.0" ? "localhost" : host}:${port}`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}

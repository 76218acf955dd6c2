import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./components/nonce";
import { runStartupJobs } from "./startup.server";

const ABORT_DELAY = 5_000;

void runStartupJobs();

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : undefined;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  const renderStart = performance.now();
  // The request's arrival (server.mjs), for the whole time at the server.
  const requestStart = typeof loadContext.requestStart === "number" ? loadContext.requestStart : null;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          // Server-Timing (issue 19): the loader's phases (a route's `headers`), the render,
          // and the total from the request's arrival to here (a page without Suspense is
          // wholly rendered by now; only its bytes remain to be sent).
          const at = performance.now();
          const timing = [`render;dur=${(at - renderStart).toFixed(1)}`];
          if (requestStart !== null) timing.push(`total;dur=${(at - requestStart).toFixed(1)}`);
          responseHeaders.append("Server-Timing", timing.join(", "));
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

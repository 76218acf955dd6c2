import { Scripts } from "@remix-run/react";
import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

/**
 * Remix's `<Scripts />`, with the app's code fetched and run only once the respondent starts to
 * use the page (or after a quiet spell) rather than as soon as the page arrives: for pages that are usable in plain HTML (the questionnaire's
 * start page and first section, `routes/s.$token._index.tsx`), so that on a slow phone the first
 * tap is not kept waiting while the code is evaluated and the page hydrated (issue 16).
 *
 * Remix's module preloads and its inline module script (which imports the modules and starts
 * hydration) are sent inert: the preloads without `rel`, the script as `type="text/plain"`. A few
 * lines of script (`START` below) turn the preloads on when the page's code is wanted, and once
 * the modules have arrived start the module script when the browser is next idle (a copy of it is
 * inserted and removed at once: a
 * module script runs once inserted, and nothing extra is left in the document for React to
 * hydrate). The server's HTML and the hydrated tree are the same.
 */
export function DeferredScripts({ nonce }: { nonce?: string }) {
  // Called as a function, not rendered, to change what it renders; its hooks are this component's.
  const scripts = Scripts({ nonce });
  return (
    <>
      {inert(scripts)}
      <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: START }} />
    </>
  );
}

const MARK = "data-deferred-module";
const PRELOAD = "data-deferred-preload";

/** Remix's module preloads and module script made inert (everything else as it was). */
function inert(node: ReactNode): ReactNode {
  if (!isValidElement(node)) return Array.isArray(node) ? Children.map(node, inert) : node;
  const element = node as ReactElement<{ type?: string; rel?: string; children?: ReactNode }>;
  if (element.type === "script" && element.props.type === "module")
    return cloneElement(element, { type: "text/plain", [MARK]: "" } as Record<string, unknown>);
  if (element.type === "link" && element.props.rel === "modulepreload")
    return cloneElement(element, { rel: undefined, [PRELOAD]: "" } as Record<string, unknown>);
  if (element.props.children === undefined) return element;
  return cloneElement(element, {}, Children.map(element.props.children, inert));
}

/**
 * When the page's code starts: once the respondent's first interaction with the page has done its
 * work (a tap or click released, a key released, a change; the download begins after the next
 * paint, so the tap that shows the first section is not kept waiting for it), or after a quiet
 * spell of `QUIET_MS` once the page has loaded, or at once (after `load`) when the page asks for
 * it by an element with `data-deferred-eager` (a page not usable without its code) or a
 * `window.__deferredEager` set by an inline script before (answers waiting on the device,
 * first-section.tsx). `window.__runDeferredScripts()` starts it from other inline scripts (a
 * "Next" pressed before the code has run, first-section.tsx).
 *
 * Started, it turns the modules' preloads on, one per task (each starts a request, which costs
 * the main thread ~10 ms on a slow phone: a tap in between is not kept waiting for them all);
 * once they have all arrived (or failed), it runs the module script when the browser is idle
 * (at most 2 s later).
 */
const QUIET_MS = 5000;
const INTERACTIONS = ["pointerup", "keyup", "change", "touchend"];
const START = `(function(){
var idle=window.requestIdleCallback||function(f){setTimeout(f,1)},begun=false,quiet;
var events=${JSON.stringify(INTERACTIONS)};
function run(){var s=document.querySelector("script[${MARK}]");if(!s||s.dataset.started)return;s.dataset.started="1";
var m=document.createElement("script");m.type="module";m.nonce=s.nonce;m.textContent=s.textContent;
document.body.appendChild(m);m.remove();}
function start(){if(begun)return;begun=true;clearTimeout(quiet);
events.forEach(function(e){removeEventListener(e,soon,true)});
var l=Array.prototype.slice.call(document.querySelectorAll("link[${PRELOAD}]")),n=l.length;
function one(){if(--n===0)idle(run,{timeout:2000})}
if(!n)return idle(run,{timeout:2000});
(function next(){var k=l.shift();if(!k)return;k.onload=k.onerror=one;k.rel="modulepreload";setTimeout(next,0)})();}
function soon(){if(!begun)requestAnimationFrame(function(){setTimeout(start,0)})}
window.__runDeferredScripts=start;
events.forEach(function(e){addEventListener(e,soon,{capture:true,passive:true})});
function loaded(){if(window.__deferredEager||document.querySelector("[data-deferred-eager]"))start();else quiet=setTimeout(start,${QUIET_MS})}
if(document.readyState==="complete")loaded();else addEventListener("load",loaded);
})();`;

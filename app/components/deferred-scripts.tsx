import { Scripts } from "@remix-run/react";
import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

/**
 * Remix's `<Scripts />`, with the app's code run once the page is shown and the browser is idle
 * rather than as soon as it arrives: for pages that are usable in plain HTML (the questionnaire's
 * start page and first section, `routes/s.$token._index.tsx`), so that on a slow phone the first
 * tap is not kept waiting while the code is evaluated and the page hydrated (issue 16).
 *
 * Remix's module preloads and its inline module script (which imports the modules and starts
 * hydration) are sent inert: the preloads without `rel`, the script as `type="text/plain"`. A few
 * lines of script then, after the `load` event (so the stylesheet has the connection to itself and
 * the page is painted sooner), turn the preloads on, and once the modules have arrived start the
 * module script when the browser is next idle (a copy of it is inserted and removed at once: a
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
 * After `load`: the modules' preloads; once they have all arrived (or failed), the module
 * script when the browser is idle (at most 2 s later).
 */
const START = `(function(){
var idle=window.requestIdleCallback||function(f){setTimeout(f,1)};
function run(){var s=document.querySelector("script[${MARK}]");if(!s||s.dataset.started)return;s.dataset.started="1";
var m=document.createElement("script");m.type="module";m.nonce=s.nonce;m.textContent=s.textContent;
document.body.appendChild(m);m.remove();}
function start(){var l=document.querySelectorAll("link[${PRELOAD}]"),n=l.length;
function one(){if(--n===0)idle(run,{timeout:2000})}
if(!n)return idle(run,{timeout:2000});
Array.prototype.forEach.call(l,function(k){k.onload=k.onerror=one;k.rel="modulepreload"});}
if(document.readyState==="complete")start();else addEventListener("load",start);
})();`;

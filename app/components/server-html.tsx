import { useRef, useState, type HTMLAttributes, type ReactNode } from "react";

/**
 * A block of static markup (tables of figures, long lists) that the browser keeps as the server
 * rendered it instead of React hydrating it element by element: for 400 areas the comparison's
 * tables are tens of thousands of elements with no behaviour, and hydrating them delayed every
 * chart on the page. On the first render in the browser, when the document already holds this
 * block (same `id`) rendered for the same `version` (e.g. the page's query), React is handed an
 * empty innerHTML and, as it does for such elements while hydrating, leaves the server's children
 * in place. Any other render (a client-side navigation, a new `version`) renders `children` as
 * usual, so the block never shows stale figures.
 */
export function ServerHtml({
  id,
  version,
  children,
  ...attributes
}: { id: string; version: string; children: ReactNode } & Omit<HTMLAttributes<HTMLDivElement>, "children" | "id">) {
  const [kept] = useState(() =>
    typeof document !== "undefined" && document.getElementById(id)?.getAttribute("data-version") === version
      ? version
      : null,
  );
  // Once the content has changed, the block is React's for good (even if the version comes back).
  const left = useRef(false);
  if (kept !== version) left.current = true;
  return kept !== null && !left.current ? (
    <div
      key="server"
      id={id}
      data-version={version}
      {...attributes}
      dangerouslySetInnerHTML={{ __html: "" }}
      suppressHydrationWarning
    />
  ) : (
    <div key="client" id={id} data-version={version} {...attributes}>
      {children}
    </div>
  );
}

import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getUser } from "./auth.server";
import { getDb } from "./db.server";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { useNonce } from "./components/nonce";
import appCss from "./styles/app.css";
import { isNationalViewer } from "./models/national.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) return { user: null };
  const db = await getDb();
  const grant = user.is_admin
    ? null
    : await db
        .selectFrom("commissioner_grants")
        .select("partnership_id")
        .where("user_id", "=", user.id)
        .executeTakeFirst();
  const nationalViewer = user.is_admin ? true : await isNationalViewer(db, user.id);
  return {
    user: {
      name: user.name,
      email: user.email,
      isAdmin: user.is_admin === 1,
      canCompare: user.is_admin === 1 || Boolean(grant),
      canSeeNational: nationalViewer,
    },
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  // Respondents (questionnaires, family voice, workshops joined by code) see a header without
  // sign-in or framework links: they mean nothing to a family answering on a phone.
  const respondent = useMatches().some((m) => (m.handle as { respondent?: boolean } | undefined)?.respondent);
  // A room's projector screen (workshops) is the page alone: no header, links or sign-out button.
  const screen = useMatches().some((m) => (m.handle as { screen?: boolean } | undefined)?.screen);
  if (screen) {
    return (
      <html lang="en-GB">
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <Meta />
          <Links />
        </head>
        <body className="screen-body">
          <main id="main">{children}</main>
          <ScrollRestoration nonce={nonce} />
          <Scripts nonce={nonce} />
        </body>
      </html>
    );
  }
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        <header className="site-header">
          <div className="container header-inner">
            {respondent ? (
              <span className="brand">
                Working Together <span>self-assessment</span>
              </span>
            ) : (
              <Link to="/" className="brand">
                Working Together <span>self-assessment</span>
              </Link>
            )}
            {respondent ? null : (
              <nav aria-label="Main">
                <ul>
                  <li>
                    <Link to="/framework">About the framework</Link>
                  </li>
                  {user ? (
                    <>
                      <li>
                        <Link to="/partnerships">Partnerships</Link>
                      </li>
                      {user.canCompare ? (
                        <li>
                          <Link to="/compare">Compare areas</Link>
                        </li>
                      ) : null}
                      {user.canSeeNational ? (
                        <li>
                          <Link to="/national">National view</Link>
                        </li>
                      ) : null}
                      <li>
                        <Form method="post" action="/sign-out">
                          <button type="submit" className="link-button">
                            Sign out
                          </button>
                        </Form>
                      </li>
                    </>
                  ) : (
                    <li>
                      <Link to="/sign-in">Sign in</Link>
                    </li>
                  )}
                </ul>
              </nav>
            )}
          </div>
        </header>
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <ul>
              <li>
                <Link to="/accessibility">Accessibility statement</Link>
              </li>
              <li>
                <Link to="/privacy">How we use your answers</Link>
              </li>
              {respondent ? null : (
                <li>
                  <Link to="/framework">About the framework</Link>
                </li>
              )}
            </ul>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

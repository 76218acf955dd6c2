import { data as withHeaders, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
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
import { DeferredScripts } from "./components/deferred-scripts";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { htmlLang, I18nProvider, LanguageSwitcher, useT } from "./components/i18n";
import { useNonce } from "./components/nonce";
import { DEFAULT_LANG, isLang, type Lang } from "./domain/language";
import { detectLang, langCookie } from "./language.server";
import appCss from "./styles/app.css";
import { isNationalViewer } from "./models/national.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appCss },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, fromUrl, remembered } = await detectLang(request);
  const result = await loadUser(request);
  // A language chosen in the address (the switcher, a link sent in Welsh) is remembered.
  if (fromUrl && remembered !== lang)
    return withHeaders({ ...result, lang }, { headers: { "Set-Cookie": await langCookie.serialize(lang) } });
  return { ...result, lang };
}

/** The root loader's data (the loader may return it with a Set-Cookie header). */
type RootData = Awaited<ReturnType<typeof loadUser>> & { lang: Lang };

async function loadUser(request: Request) {
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
  const data = useRouteLoaderData("root") as RootData | undefined;
  const lang = isLang(data?.lang) ? data.lang : DEFAULT_LANG;
  return (
    <I18nProvider lang={lang}>
      <Page>{children}</Page>
    </I18nProvider>
  );
}

function Page({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const { t, lang } = useT();
  const data = useRouteLoaderData("root") as RootData | undefined;
  const user = data?.user ?? null;
  // Respondents (questionnaires, family voice, workshops joined by code) see a header without
  // sign-in or framework links: they mean nothing to a family answering on a phone.
  const respondent = useMatches().some((m) => (m.handle as { respondent?: boolean } | undefined)?.respondent);
  // A room's projector screen (workshops) is the page alone: no header, links or sign-out button.
  const screen = useMatches().some((m) => (m.handle as { screen?: boolean } | undefined)?.screen);
  // A page usable in plain HTML (the questionnaire's start page and first section) runs the
  // app's code once it is shown and the browser is idle, so the first tap does not wait for it.
  const deferScripts = useMatches().some((m) => (m.handle as { deferScripts?: boolean } | undefined)?.deferScripts);
  if (screen) {
    return (
      <html lang={htmlLang(lang)}>
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
    <html lang={htmlLang(lang)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("shell.skip")}
        </a>
        <header className="site-header">
          <div className="container header-inner">
            {respondent ? (
              <span className="brand">
                {t("shell.brand")} <span>{t("shell.brandTag")}</span>
              </span>
            ) : (
              <Link to="/" className="brand">
                {t("shell.brand")} <span>{t("shell.brandTag")}</span>
              </Link>
            )}
            {respondent ? null : (
              <nav aria-label={t("shell.mainNav")}>
                <ul>
                  <li>
                    <Link to="/framework">{t("shell.framework")}</Link>
                  </li>
                  {user ? (
                    <>
                      <li>
                        <Link to="/partnerships">{t("shell.partnerships")}</Link>
                      </li>
                      {user.canCompare ? (
                        <li>
                          <Link to="/compare">{t("shell.compare")}</Link>
                        </li>
                      ) : null}
                      {user.canSeeNational ? (
                        <li>
                          <Link to="/national">{t("shell.national")}</Link>
                        </li>
                      ) : null}
                      <li>
                        <Form method="post" action="/sign-out">
                          <button type="submit" className="link-button">
                            {t("shell.signOut")}
                          </button>
                        </Form>
                      </li>
                    </>
                  ) : (
                    <li>
                      <Link to="/sign-in">{t("shell.signIn")}</Link>
                    </li>
                  )}
                </ul>
              </nav>
            )}
            <LanguageSwitcher />
          </div>
        </header>
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <ul>
              <li>
                <Link to="/accessibility">{t("shell.accessibility")}</Link>
              </li>
              <li>
                <Link to="/privacy">{t("shell.privacy")}</Link>
              </li>
              {respondent ? null : (
                <li>
                  <Link to="/framework">{t("shell.framework")}</Link>
                </li>
              )}
            </ul>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        {deferScripts ? <DeferredScripts nonce={nonce} /> : <Scripts nonce={nonce} />}
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

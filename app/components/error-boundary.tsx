import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "There is a problem with the request",
  403: "You do not have access to this page",
  404: "Page not found",
  409: "This cannot be done now",
  410: "This link is no longer open",
  413: "Too much was sent",
  429: "Too many attempts",
};

/** One error page for every route, with a message per status. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const title = TITLES[error.status] ?? "Sorry, there is a problem";
    const message = typeof error.data === "string" ? error.data : "";
    return (
      <div className="error-page">
        <h1>{title}</h1>
        {message ? <p>{message}</p> : null}
        <p>
          <Link to="/">Go to the home page</Link>
        </p>
      </div>
    );
  }
  console.error(error);
  return (
    <div className="error-page">
      <h1>Sorry, there is a problem with the service</h1>
      <p>Try again later. Your saved answers are safe.</p>
    </div>
  );
}

import type { MetaFunction } from "@remix-run/node";

/** A respondent's page: the minimal header (root.tsx). */
export const handle = { respondent: true };

export default function Done() {
  return (
    <div>
      <div className="success-panel" role="status">
        <h1>Answers submitted</h1>
        <p>Thank you for taking part.</p>
      </div>
      <h2>What happens next</h2>
      <p>
        When the round closes, the partnership will see the combined results of everyone who answered. No one sees your
        own answers, and results are only shown for groups of several people.
      </p>
      <p>You can now close this page.</p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Answers submitted" }];

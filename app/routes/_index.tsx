import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUser } from "../auth.server";
import { getDb } from "../db.server";
import { COMPONENTS, STAGES } from "../domain/framework";
import { demoAccounts, demoInvitations } from "../models/demo.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, db] = await Promise.all([getUser(request), getDb()]);
  const [demo, accounts] = await Promise.all([demoInvitations(db), demoAccounts(db)]);
  return { signedIn: Boolean(user), demo, accounts };
}

export default function Home() {
  const { signedIn, demo, accounts } = useLoaderData<typeof loader>();
  const professional = demo.find((d) => d.kind === "professional");
  const family = demo.find((d) => d.kind === "family");
  return (
    <div>
      <h1>How well do your children's services work together?</h1>
      <p className="lead">
        A self-assessment for children's services partnerships: social work, health, education, police, housing and the
        voluntary sector. Practitioners, managers and families answer evidence-based questions; you see where your
        partnership stands on {COMPONENTS.length} components of integration and a {STAGES.length}-stage continuum, at
        every level from national to team.
      </p>
      <div className="button-group">
        {signedIn ? (
          <Link to="/partnerships" className="button">
            Go to your partnerships
          </Link>
        ) : (
          <>
            <Link to="/sign-up" className="button">
              Create an account
            </Link>
            <Link to="/sign-in" className="button secondary">
              Sign in
            </Link>
          </>
        )}
      </div>
      {professional ? (
        <section aria-labelledby="demo-heading" className="panel">
          <h2 id="demo-heading">Try the demo</h2>
          <p>{professional.partnershipName} has an open round. Answer it as a respondent would:</p>
          <ul>
            <li>
              <Link to={`/s/${professional.token}`}>Open the demo questionnaire for professionals</Link>
            </li>
            {family ? (
              <li>
                <Link to={`/s/${family.token}`}>Open the demo family-voice questionnaire</Link>
              </li>
            ) : null}
          </ul>
          {accounts.length ? (
            <>
              <p>Or sign in to see the results as each role does:</p>
              <ul>
                {accounts.map((a) => (
                  <li key={a.email}>
                    The demo {a.role}: <strong>{a.email}</strong> with the password <strong>{a.password}</strong> (
                    <Link to={`/sign-in?redirectTo=${encodeURIComponent(a.to)}`}>sign in</Link>)
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <h2>What it measures</h2>
      <ul className="cards">
        <li className="card">
          <h3>13 components</h3>
          <p>
            From shared vision and leadership to information sharing, joint working and the participation of families.
          </p>
        </li>
        <li className="card">
          <h3>A continuum, not a ladder</h3>
          <p>Where services stand today, from co-existence to integration, and where the partnership wants to be.</p>
        </li>
        <li className="card">
          <h3>Every level</h3>
          <p>National, local authority, organisation and team: how leaders and front-line staff see the same things.</p>
        </li>
      </ul>
      <p>
        <Link to="/framework">Read about the framework and the evidence behind every question</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [
  { title: "Working Together: a self-assessment for children's services partnerships" },
];

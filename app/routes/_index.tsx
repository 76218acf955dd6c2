import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUser } from "../auth.server";
import { getDb } from "../db.server";
import { COMPONENTS, STAGES } from "../domain/framework";
import { metaT, useT } from "../components/i18n";
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
  const { t } = useT("site");
  return (
    <div>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.lead", { components: COMPONENTS.length, stages: STAGES.length })}</p>
      <div className="button-group">
        {signedIn ? (
          <Link to="/partnerships" className="button">
            {t("home.yourPartnerships")}
          </Link>
        ) : (
          <>
            <Link to="/sign-up" className="button">
              {t("home.createAccount")}
            </Link>
            <Link to="/sign-in" className="button secondary">
              {t("home.signIn")}
            </Link>
          </>
        )}
      </div>
      {professional ? (
        <section aria-labelledby="demo-heading" className="panel">
          <h2 id="demo-heading">{t("home.demo")}</h2>
          <p>{t("home.demoOpen", { partnership: professional.partnershipName })}</p>
          <ul>
            <li>
              <Link to={`/s/${professional.token}`}>{t("home.demoProfessional")}</Link>
            </li>
            {family ? (
              <li>
                <Link to={`/s/${family.token}`}>{t("home.demoFamily")}</Link>
              </li>
            ) : null}
          </ul>
          {accounts.length ? (
            <>
              <p>{t("home.demoRoles")}</p>
              <ul>
                {accounts.map((a) => (
                  <li key={a.email}>
                    {t("home.demoAccount", { role: t(`home.role.${a.role}`, { defaultValue: a.role }) })}{" "}
                    <strong>{a.email}</strong> {t("home.withPassword")} <strong>{a.password}</strong> (
                    <Link to={`/sign-in?redirectTo=${encodeURIComponent(a.to)}`}>{t("home.signInLink")}</Link>)
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <h2>{t("home.measures")}</h2>
      <ul className="cards">
        <li className="card">
          <h3>{t("home.components")}</h3>
          <p>{t("home.componentsBody")}</p>
        </li>
        <li className="card">
          <h3>{t("home.continuum")}</h3>
          <p>{t("home.continuumBody")}</p>
        </li>
        <li className="card">
          <h3>{t("home.levels")}</h3>
          <p>{t("home.levelsBody")}</p>
        </li>
      </ul>
      <p>
        <Link to="/framework">{t("home.about")}</Link>
      </p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "site")("home.meta") }];

import type { MetaFunction } from "@remix-run/node";

export default function Privacy() {
  return (
    <div>
      <h1>How we use your answers</h1>
      <h2>If you answer a questionnaire</h2>
      <ul>
        <li>We do not ask for your name, email address or any other detail that says who you are.</li>
        <li>We do not store your IP address or any other identifier of your device with your answers.</li>
        <li>
          We store: the level you work at, the kind of agency you work for (and, if you choose, which member agency),
          your answers, and when they were saved and submitted.
        </li>
        <li>
          To let you come back to your answers, your browser keeps a private random key in a cookie. We keep only a
          scrambled form of it, so our database alone cannot reopen your answers.
        </li>
        <li>
          No one in the partnership can see any one person's answers. Results are shown only for groups at least as
          large as the partnership's smallest group size (usually 5).
        </li>
        <li>
          Comments you write are seen only by the partnership's leads. Please do not name any child, family or
          colleague.
        </li>
      </ul>
      <h2>How long we keep answers</h2>
      <p>
        A partnership can set a retention period. After it, the individual answers and comments of closed rounds are
        deleted, and only the combined scores are kept.
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "How we use your answers" }];

import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { metaT, useT } from "../components/i18n";
import type { Translate } from "../domain/i18n";
import { requestT } from "../language.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ErrorSummary, TextField, fieldErrors, type FieldErrors } from "../components/forms";
import { getDb } from "../db.server";
import { JOIN_CODE_LENGTH, normaliseJoinCode } from "../domain/workshop";
import { findWorkshopByCode } from "../models/workshop.server";
import { clientKey, rateLimit } from "../access/rate-limit.server";
import { JOIN_CODE_MISSES } from "../access/workshop.server";

const codeSchema = (t: Translate) =>
  z.object({
    code: z
      .string()
      .trim()
      .min(1, t("code.missing"))
      .transform((value, ctx) => {
        const code = normaliseJoinCode(value);
        if (!code) {
          ctx.addIssue({
            code: z.ZodIssueCode.custom,
            message: t("code.invalid", { length: JOIN_CODE_LENGTH }),
          });
          return z.NEVER;
        }
        return code;
      }),
  });

/** A respondent's page: the minimal header (root.tsx). */
export const handle = { respondent: true };

export async function action({ request }: ActionFunctionArgs) {
  const t = await requestT(request, "workshop");
  const parsed = codeSchema(t).safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error.issues) }, { status: 400 });
  const workshop = await findWorkshopByCode(await getDb(), parsed.data.code);
  if (!workshop) {
    // Only wrong codes are counted and refused: a right code always gets through.
    const client = clientKey(request);
    if (!(await rateLimit(JOIN_CODE_MISSES.purpose, client, JOIN_CODE_MISSES.limit, JOIN_CODE_MISSES.windowMs)).ok) {
      return Response.json({ errors: { code: t("code.tooMany") } }, { status: 429 });
    }
    return Response.json({ errors: { code: t("code.unknown") } }, { status: 404 });
  }
  return redirect(`/join/${parsed.data.code}`);
}

export default function JoinWithCode() {
  const data = useActionData<{ errors: FieldErrors }>();
  const busy = useNavigation().state !== "idle";
  const { t } = useT("workshop");
  return (
    <div className="workshop-phone">
      <h1>{t("code.title")}</h1>
      <ErrorSummary errors={data?.errors} order={["code"]} />
      <Form method="post" noValidate>
        <TextField
          name="code"
          label={t("code.label")}
          hint={t("code.hint")}
          error={data?.errors.code}
          autoComplete="off"
          width="10rem"
        />
        <button type="submit" className="button" disabled={busy}>
          {t("code.continue")}
        </button>
      </Form>
      <p className="hint">{t("code.noAccount")}</p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "workshop")("code.title") }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

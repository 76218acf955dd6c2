import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
import { requireUser } from "../auth.server";
import { fieldErrors, type FieldErrors } from "../components/forms";
import { PartnershipForm, PartnershipSchema, readPartnershipForm } from "../components/partnership-form";
import { getDb } from "../db.server";
import { audit, createPartnership } from "../models/partnership.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = PartnershipSchema.safeParse(readPartnershipForm(await request.formData()));
  if (!parsed.success)
    return Response.json(
      { errors: fieldErrors(parsed.error.issues.map((i) => ({ ...i, path: i.path.slice(0, 1) }))) },
      { status: 400 },
    );
  const db = await getDb();
  const id = await db.transaction().execute(async (trx) => {
    const partnershipId = await createPartnership(trx, { ...parsed.data, leadUserId: user.id });
    await audit(trx, { userId: user.id, partnershipId, action: "partnership.created", detail: parsed.data.name });
    return partnershipId;
  });
  return redirect(`/partnerships/${id}`);
}

export default function NewPartnership() {
  const data = useActionData<{ errors: FieldErrors }>();
  const { t } = useT("staff");
  return (
    <div>
      <h1>{t("f.createTitle")}</h1>
      <PartnershipForm errors={data?.errors} submitLabel={t("f.create")} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "staff")("f.createTitle") }];

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { metaT, useT } from "../components/i18n";
import { requirePartnershipRole } from "../access/partnership.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { fieldErrors, type FieldErrors } from "../components/forms";
import { PartnershipForm, PartnershipSchema, readPartnershipForm } from "../components/partnership-form";
import { audit, listAgencies, updatePartnership } from "../models/partnership.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  const agencies = await listAgencies(db, partnership.id);
  return {
    values: {
      name: partnership.name,
      area: partnership.area,
      localAuthority: partnership.local_authority,
      agencies: agencies.map((a) => ({ id: a.id, name: a.name, type: a.agency_type })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, partnership, db } = await requirePartnershipRole(request, params.pid!, "lead");
  const parsed = PartnershipSchema.safeParse(readPartnershipForm(await request.formData()));
  if (!parsed.success)
    return Response.json(
      { errors: fieldErrors(parsed.error.issues.map((i) => ({ ...i, path: i.path.slice(0, 1) }))) },
      { status: 400 },
    );
  await db.transaction().execute(async (trx) => {
    await updatePartnership(trx, { id: partnership.id, ...parsed.data });
    await audit(trx, { userId: user.id, partnershipId: partnership.id, action: "partnership.updated" });
  });
  return redirect(`/partnerships/${partnership.id}`);
}

export default function EditPartnership() {
  const { values } = useLoaderData<typeof loader>();
  const data = useActionData<{ errors: FieldErrors }>();
  const { t } = useT("staff");
  return (
    <div>
      <h1>{t("f.editTitle")}</h1>
      <PartnershipForm values={values} errors={data?.errors} submitLabel={t("f.save")} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches, "staff")("f.editTitle") }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

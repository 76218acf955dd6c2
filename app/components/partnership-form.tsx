import { Form, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { useT } from "./i18n";
import { frameworkTerm } from "../domain/glossary";
import { AGENCY_TYPES, AGENCY_TYPE_KEYS } from "../domain/framework";
import { ErrorSummary, TextField, useServerText, type FieldErrors } from "./forms";

const MAX_AGENCIES = 20;

/** One schema for creating and editing a partnership; blank agency rows are ignored. */
export const PartnershipSchema = z.object({
  name: z.string().trim().min(1, "Enter the partnership's name").max(150, "Name must be 150 characters or fewer"),
  area: z
    .string()
    .trim()
    .min(1, "Enter the area the partnership covers")
    .max(150, "Area must be 150 characters or fewer"),
  localAuthority: z
    .string()
    .trim()
    .min(1, "Enter the local authority")
    .max(150, "Local authority must be 150 characters or fewer"),
  agencies: z
    .array(
      z.object({
        id: z.string().max(64).optional(),
        name: z.string().trim().max(150, "Agency name must be 150 characters or fewer"),
        type: z.enum(AGENCY_TYPE_KEYS, { errorMap: () => ({ message: "Choose the kind of agency" }) }),
      }),
    )
    .max(MAX_AGENCIES)
    .transform((rows) => rows.filter((r) => r.name.length > 0))
    .refine((rows) => rows.length >= 2, "Add at least two member agencies")
    .refine(
      (rows) => new Set(rows.map((r) => r.name.toLowerCase())).size === rows.length,
      "Each agency needs a different name",
    ),
});

/** Reads `agencies[0][name]`-style fields into rows. */
export function readPartnershipForm(form: FormData) {
  const rows: Record<string, string>[] = [];
  for (const [key, value] of form.entries()) {
    const match = /^agencies\[(\d+)\]\[(id|name|type)\]$/.exec(key);
    if (!match || typeof value !== "string") continue;
    const index = Number(match[1]);
    if (index >= MAX_AGENCIES) continue;
    (rows[index] ??= {})[match[2]!] = value;
  }
  return {
    name: form.get("name"),
    area: form.get("area"),
    localAuthority: form.get("localAuthority"),
    agencies: rows.filter(Boolean).map((r) => ({ ...r, id: r.id || undefined })),
  };
}

export function PartnershipForm({
  errors,
  values,
  submitLabel,
}: {
  errors?: FieldErrors;
  values?: {
    name: string;
    area: string;
    localAuthority: string;
    agencies: { id?: string; name: string; type: string }[];
  };
  submitLabel: string;
}) {
  const busy = useNavigation().state !== "idle";
  const { t, lang } = useT("staff");
  const serverText = useServerText();
  const rows = [
    ...(values?.agencies ?? []),
    ...Array.from({ length: Math.max(2, 8 - (values?.agencies.length ?? 0)) }, () => ({
      id: undefined,
      name: "",
      type: "",
    })),
  ];
  return (
    <>
      <ErrorSummary errors={errors} order={["name", "area", "localAuthority", "agencies"]} />
      <Form method="post" noValidate>
        <TextField name="name" label={t("f.name")} defaultValue={values?.name} error={errors?.name} />
        <TextField
          name="area"
          label={t("f.area")}
          hint={t("f.areaHint")}
          defaultValue={values?.area}
          error={errors?.area}
        />
        <TextField
          name="localAuthority"
          label={t("f.la")}
          defaultValue={values?.localAuthority}
          error={errors?.localAuthority}
        />
        <fieldset
          id="agencies"
          className={`field${errors?.agencies ? " has-error" : ""}`}
          aria-describedby="agencies-hint"
        >
          <legend>{t("f.agencies")}</legend>
          <p className="hint" id="agencies-hint">
            {t("f.agenciesHint")}
          </p>
          {errors?.agencies ? (
            <p className="error-message">
              <span className="visually-hidden">{t("common:form.error")}</span> {serverText(errors.agencies)}
            </p>
          ) : null}
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("r.scroll")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("f.agencyName")}</th>
                  <th scope="col">{t("f.kind")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <tr key={i}>
                    <td>
                      {row.id ? <input type="hidden" name={`agencies[${i}][id]`} value={row.id} /> : null}
                      <label className="visually-hidden" htmlFor={`agency-${i}-name`}>
                        {t("f.rowName", { n: i + 1 })}
                      </label>
                      <input
                        id={`agency-${i}-name`}
                        name={`agencies[${i}][name]`}
                        defaultValue={row.name}
                        style={{ width: "100%", font: "inherit", padding: "0.3rem", border: "2px solid #0b0c0c" }}
                      />
                    </td>
                    <td>
                      <label className="visually-hidden" htmlFor={`agency-${i}-type`}>
                        {t("f.rowKind", { n: i + 1 })}
                      </label>
                      <select
                        id={`agency-${i}-type`}
                        name={`agencies[${i}][type]`}
                        defaultValue={row.type || "other"}
                        style={{ font: "inherit", padding: "0.3rem", border: "2px solid #0b0c0c" }}
                      >
                        {AGENCY_TYPES.map((a) => (
                          <option key={a.key} value={a.key}>
                            {frameworkTerm("agency_type", a.key, lang)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("f.busy") : submitLabel}
        </button>
      </Form>
    </>
  );
}

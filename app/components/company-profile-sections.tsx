import { Form, Link } from "@remix-run/react";
import { communeLabel } from "~/components/commune-combobox";
import { ConfirmAction } from "~/components/confirm-action";
import { Field, FormErrors, RequiredFieldsNote } from "~/components/forms";
import { FormSubmit } from "~/components/form-submit";
import { DataTable } from "./data-table";
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "~/components/use-form";
import type { getCompanyProfile } from "~/models/company-profile.server";
import { HEADCOUNT_BRACKETS, labelOf } from "~/utils/domain";
import { formatDateTime } from "~/utils/format";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { formatSiret } from "~/utils/siret";
import { Section } from "./page";

// A company's profile read-only, and its head office and establishments
// (entreprise.$companyId.profil).

type Company = NonNullable<Awaited<ReturnType<typeof getCompanyProfile>>>;

/** What the profile page's action answers a refused post with. */
export type ProfileActionResult =
  | { intent: "profile" | "link-head-office"; result: SubmissionResult<string[]> }
  | { intent: "unlink-head-office" | "unknown"; error: string };

export function ProfileSummary({ company }: { company: Company }) {
  const rows: Array<[string, string]> = [
    ["Nom", company.name],
    ["SIRET", formatSiret(company.siret)],
    ["SIREN", company.siren],
    [
      "Code NAF / APE",
      company.nafCode ? `${company.nafCode} — ${company.nafLabel ?? ""}` : "Non renseigné",
    ],
    [
      "Tranche d'effectif",
      company.headcountBracket
        ? labelOf(HEADCOUNT_BRACKETS, company.headcountBracket)
        : "Non renseignée",
    ],
    ["Commune", company.commune ? communeLabel(company.commune) : "Non renseignée"],
    ["Site internet", company.website ?? "Non renseigné"],
    ["Page publique", company.publicPage ? "Oui" : "Non"],
  ];
  return (
    <Section id="identite" title="Identité">
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-semibold text-gray-800">{term}</dt>
            <dd className="break-words text-gray-900">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm text-gray-700">
        Mis à jour le {formatDateTime(company.updatedAt)}.
      </p>
    </Section>
  );
}

export function HeadOfficeSection({
  company,
  canEdit,
  actionData,
}: {
  company: Company;
  canEdit: boolean;
  actionData?: ProfileActionResult;
}) {
  const [form, fields] = useForm({
    id: "siege",
    lastResult:
      actionData?.intent === "link-head-office" && "result" in actionData
        ? actionData.result
        : undefined,
    constraint: REQUIRED_FIELDS.headOffice,
  });
  const unlinkError =
    actionData?.intent === "unlink-head-office" && "error" in actionData ? actionData.error : null;
  return (
    <Section id="siege-etablissements" title="Siège et établissements">
      {company.headOffice ? (
        <>
          <p className="mb-3">
            Cette entreprise est un établissement du siège{" "}
            <strong>{company.headOffice.name}</strong> (SIRET{" "}
            <span className="tabular-nums">{formatSiret(company.headOffice.siret)}</span>
            {company.headOffice.commune ? `, ${company.headOffice.commune.name}` : ""}).
          </p>
          {canEdit ? (
            <>
              <FormErrors errors={[unlinkError]} />
              <ConfirmAction
                label="Détacher du siège"
                title={`Détacher cet établissement du siège ${company.headOffice.name} ?`}
                confirmLabel="Détacher du siège"
                fields={{ intent: "unlink-head-office" }}
              >
                <p>Il pourra y être rattaché de nouveau ensuite.</p>
              </ConfirmAction>
            </>
          ) : null}
        </>
      ) : company.establishments.length > 0 ? (
        <DataTable
          caption={`Établissements rattachés à ${company.name}`}
          captionClassName="mb-2 text-left font-semibold"
          columns={["Établissement", "SIRET", "Commune"]}
        >
          {company.establishments.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.name}</th>
              <td className="whitespace-nowrap tabular-nums">{formatSiret(e.siret)}</td>
              <td>{e.commune?.name ?? "—"}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {!company.headOffice && company.establishments.length === 0 ? (
        <p className="mb-3 text-gray-700">
          Aucun établissement n&apos;est rattaché à cette entreprise, et elle n&apos;est rattachée à
          aucun siège.
        </p>
      ) : null}
      {canEdit && !company.headOffice ? (
        <p className="mt-3">
          <Link to={`/entreprise/${company.id}/groupe`}>
            Déclarations du groupe, rattacher ou détacher un établissement
          </Link>
        </p>
      ) : null}
      {canEdit && !company.headOffice && company.establishments.length === 0 ? (
        <Form method="post" {...getFormProps(form)} className="mt-4 max-w-xl">
          <input type="hidden" name="intent" value="link-head-office" />
          <h3 className="mb-2 font-semibold">Rattacher à un siège</h3>
          <RequiredFieldsNote />
          <Field
            label="SIRET du siège"
            help="Si votre entreprise est un établissement secondaire, indiquez le SIRET de son siège : il doit avoir le même SIREN (les 9 premiers chiffres) que le vôtre."
            errors={fields.headOfficeSiret.errors}
            inputProps={{
              ...getInputProps(fields.headOfficeSiret, { type: "text" }),
              inputMode: "numeric",
              autoComplete: "off",
              maxLength: 40,
            }}
          />
          <FormSubmit form={form} className="btn-secondary">
            Rattacher au siège
          </FormSubmit>
        </Form>
      ) : null}
    </Section>
  );
}

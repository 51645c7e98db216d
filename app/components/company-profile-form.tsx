import { lazy } from "react";
import { AfterHydration } from "~/components/after-hydration";
import { CommuneComboBox, communeLabel } from "~/components/commune-combobox";
import { ErrorList, Field, SelectField } from "~/components/forms";
import { FormSubmit, useSendingIntent } from "~/components/form-submit";
import { getInputProps, useForm, type SubmissionResult, IntentForm } from "~/components/use-form";
import type { getCompanyProfile } from "~/models/company-profile.server";
import type { NafOption } from "~/models/naf.server";
import { HEADCOUNT_BRACKETS } from "~/utils/domain";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { formatSiret, SIRET_LOCKED } from "~/utils/siret";
import { Section } from "./page";

// A company's identity as its people edit it (entreprise.$companyId.profil). Without JavaScript,
// the NAF code and the commune are typed; after hydration, they are searchable lists.

// Searchable NAF list, loaded after hydration (decision 017).
const NafComboBox = lazy(() => import("~/components/naf-combobox"));

type Company = NonNullable<Awaited<ReturnType<typeof getCompanyProfile>>>;

export function ProfileForm({
  company,
  nafOptions,
  clubDepartement,
  lastResult,
}: {
  company: Company;
  nafOptions: NafOption[];
  clubDepartement: string | null;
  lastResult?: SubmissionResult<string[]>;
}) {
  const saving = useSendingIntent("profile");
  const [form, fields] = useForm({
    id: "profil",
    lastResult,
    defaultValue: {
      name: company.name,
      siret: company.siret,
      nafCode: company.nafCode ?? "",
      headcountBracket: company.headcountBracket ?? "",
      communeCode: company.commune?.code ?? "",
      website: company.website ?? "",
      publicPage: company.publicPage ? "on" : undefined,
    },
    constraint: REQUIRED_FIELDS.companyProfile,
  });
  const nafErrors = fields.nafCode.errors;
  const communeErrors = fields.communeCode.errors;
  return (
    <Section id="identite" title="Identité">
      <IntentForm form={form} intent="profile">
        <div className="grid gap-x-6 md:grid-cols-2">
          <Field
            label="Nom de l'entreprise"
            errors={fields.name.errors}
            inputProps={{
              ...getInputProps(fields.name, { type: "text" }),
              autoComplete: "organization",
            }}
          />
          <Field
            label="SIRET"
            help={`SIREN : ${company.siren}. ${SIRET_LOCKED}`}
            errors={fields.siret.errors}
            inputProps={{
              id: "siret-lecture",
              type: "text",
              value: formatSiret(company.siret),
              readOnly: true,
            }}
          />
          <AfterHydration
            fallback={
              <Field
                label="Code NAF / APE"
                help={`Le code à 5 caractères, par exemple 49.41A${
                  company.nafCode
                    ? ` ; actuellement ${company.nafCode} — ${company.nafLabel ?? ""}`
                    : ""
                }.`}
                errors={nafErrors}
                inputProps={{ ...getInputProps(fields.nafCode, { type: "text" }), maxLength: 20 }}
              />
            }
          >
            <NafComboBox
              options={nafOptions}
              defaultCode={
                (fields.nafCode.initialValue as string | undefined) || company.nafCode || null
              }
              errors={nafErrors}
            />
          </AfterHydration>
          <SelectField
            label="Tranche d'effectif salarié"
            field={fields.headcountBracket}
            selectProps={{
              defaultValue: (fields.headcountBracket.initialValue as string | undefined) ?? "",
            }}
            options={[
              { value: "", label: "Non renseignée" },
              ...HEADCOUNT_BRACKETS.map((b) => ({ value: b.code, label: b.label })),
            ]}
          />
          <AfterHydration
            fallback={
              <Field
                label="Commune"
                help={`Le code INSEE de la commune (5 caractères)${
                  company.commune ? ` ; actuellement ${communeLabel(company.commune)}` : ""
                }.`}
                errors={communeErrors}
                inputProps={{
                  ...getInputProps(fields.communeCode, { type: "text" }),
                  maxLength: 10,
                }}
              />
            }
          >
            <CommuneComboBox
              initial={company.commune}
              preferredDepartement={clubDepartement}
              errors={communeErrors}
            />
          </AfterHydration>
          <Field
            label="Site internet (facultatif)"
            help="Par exemple www.entreprise.fr : « https:// » est ajouté s'il manque."
            errors={fields.website.errors}
            inputProps={{
              ...getInputProps(fields.website, { type: "text" }),
              inputMode: "url",
              autoComplete: "url",
              maxLength: 200,
            }}
          />
        </div>
        <div className="mb-4">
          <div className="flex items-start gap-3">
            <input
              {...getInputProps(fields.publicPage, { type: "checkbox" })}
              aria-describedby={`${fields.publicPage.id}-help`}
              className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
            />
            <label htmlFor={fields.publicPage.id} className="font-semibold">
              Page publique
            </label>
          </div>
          <p id={`${fields.publicPage.id}-help`} className="ml-8 text-sm text-gray-700">
            Cochez pour montrer à tous le nom de l&apos;entreprise, sa commune et ses engagements
            marqués « Public » ; sinon, seuls les membres de votre club les voient.
          </p>
          <ErrorList errors={fields.publicPage.errors} />
        </div>
        <FormSubmit form={form} disabled={saving}>
          {saving ? "Enregistrement…" : "Enregistrer le profil"}
        </FormSubmit>
      </IntentForm>
    </Section>
  );
}

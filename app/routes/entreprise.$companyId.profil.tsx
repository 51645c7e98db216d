import { getFormProps, getInputProps, useForm, type SubmissionResult } from "~/components/use-form";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { lazy } from "react";
import { AfterHydration } from "~/components/after-hydration";
import { CommuneComboBox, communeLabel } from "~/components/commune-combobox";
import { ConfirmAction } from "~/components/confirm-action";
import { ErrorList, Field, FormErrors, RequiredFieldsNote, SelectField } from "~/components/forms";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { PageHeader } from "~/components/page";
import { formatDateTime } from "~/utils/format";
import {
  CompanyProfileError,
  companyProfileSchema,
  getCompanyProfile,
  headOfficeLinkSchema,
  linkHeadOffice,
  unlinkHeadOffice,
  updateCompanyProfile,
} from "~/models/company-profile.server";
import { nafSubclasses, type NafOption } from "~/models/naf.server";
import { HEADCOUNT_BRACKETS, labelOf } from "~/utils/domain";
import { formatSiret, SIRET_LOCKED } from "~/utils/siret";
import { can, notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Profil — ${data?.company.name ?? "Entreprise"} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const companyId = params.companyId ?? "";
  const user = await requirePermission(request, { action: "company:read", companyId });
  const company = await getCompanyProfile(companyId);
  if (!company) notFound();
  const canEdit = await can(user, { action: "company:write", companyId });
  return {
    company,
    canEdit,
    // The NAF list only goes to those who may edit (about 730 sub-classes).
    nafOptions: canEdit ? nafSubclasses() : [],
    clubDepartement: company.memberships[0]?.club.departementCode ?? null,
  };
}

type ActionResult =
  | { intent: "profile" | "link-head-office"; result: SubmissionResult<string[]> }
  | { intent: "unlink-head-office" | "unknown"; error: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const companyId = params.companyId ?? "";
  const user = await requirePermission(request, { action: "company:write", companyId });
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const here = `/entreprise/${companyId}/profil`;

  if (intent === "profile") {
    const submission = parseWithZod(formData, { schema: companyProfileSchema });
    if (submission.status !== "success") {
      return data<ActionResult>({ intent, result: submission.reply() }, { status: 400 });
    }
    let changed: string[];
    try {
      changed = await updateCompanyProfile(user.id, companyId, submission.value);
    } catch (error) {
      if (!(error instanceof CompanyProfileError)) throw error;
      return data<ActionResult>(
        {
          intent,
          result: submission.reply(
            error.field
              ? { fieldErrors: { [error.field]: [error.message] } }
              : { formErrors: [error.message] },
          ),
        },
        { status: 400 },
      );
    }
    return redirectWithFlash(request, here, {
      kind: changed.length ? "success" : "info",
      message: changed.length ? "Profil enregistré." : "Aucune modification à enregistrer.",
    });
  }

  if (intent === "link-head-office") {
    const submission = parseWithZod(formData, { schema: headOfficeLinkSchema });
    if (submission.status !== "success") {
      return data<ActionResult>({ intent, result: submission.reply() }, { status: 400 });
    }
    try {
      const headOffice = await linkHeadOffice(user.id, companyId, submission.value.headOfficeSiret);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: `Votre entreprise est rattachée au siège ${headOffice.name}.`,
      });
    } catch (error) {
      if (!(error instanceof CompanyProfileError)) throw error;
      return data<ActionResult>(
        {
          intent,
          result: submission.reply({ fieldErrors: { headOfficeSiret: [error.message] } }),
        },
        { status: 400 },
      );
    }
  }

  if (intent === "unlink-head-office") {
    try {
      const headOffice = await unlinkHeadOffice(user.id, companyId);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: `Votre entreprise n'est plus rattachée au siège ${headOffice.name}.`,
      });
    } catch (error) {
      if (!(error instanceof CompanyProfileError)) throw error;
      return data<ActionResult>({ intent, error: error.message }, { status: 400 });
    }
  }

  return data<ActionResult>(
    { intent: "unknown", error: "Cette action n'existe pas sur cette page." },
    { status: 400 },
  );
}

// ---------------------------------------------------------------- helpers

// Searchable NAF list, loaded after hydration (decision 017).
const NafComboBox = lazy(() => import("~/components/naf-combobox"));

// ---------------------------------------------------------------- page

export default function CompanyProfilePage() {
  const { company, canEdit, nafOptions, clubDepartement } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  return (
    <>
      <PageHeader
        title="Profil de l'entreprise"
        intro={
          canEdit
            ? `Les informations de ${company.name} connues du club. Tenez-les à jour : elles servent aux chiffres par secteur, par taille et par territoire.`
            : `Les informations de ${company.name} (lecture seule).`
        }
      />
      {canEdit ? (
        <ProfileForm
          key={new Date(company.updatedAt).toISOString()}
          company={company}
          nafOptions={nafOptions}
          clubDepartement={clubDepartement}
          lastResult={actionData?.intent === "profile" ? actionData.result : undefined}
        />
      ) : (
        <ProfileSummary company={company} />
      )}
      {company.publicPage ? (
        <p className="mb-6">
          <Link to={`/entreprises/${company.id}`}>Voir la page publique de l&apos;entreprise</Link>
        </p>
      ) : null}
      <HeadOfficeSection company={company} canEdit={canEdit} actionData={actionData} />
    </>
  );
}

type Company = ReturnType<typeof useLoaderData<typeof loader>>["company"];

function ProfileSummary({ company }: { company: Company }) {
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
    <section aria-labelledby="identite" className="card mb-6">
      <h2 id="identite" className="mb-3 text-lg font-bold">
        Identité
      </h2>
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
    </section>
  );
}

function ProfileForm({
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
  const navigation = useNavigation();
  const saving =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "profile";
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
    <section aria-labelledby="identite" className="card mb-6">
      <h2 id="identite" className="mb-3 text-lg font-bold">
        Identité
      </h2>
      <Form method="post" {...getFormProps(form)}>
        <RequiredFieldsNote />
        <input type="hidden" name="intent" value="profile" />
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
            errors={fields.headcountBracket.errors}
            selectProps={{
              name: fields.headcountBracket.name,
              id: fields.headcountBracket.id,
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
        <FormErrors id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={saving}>
          {saving ? "Enregistrement…" : "Enregistrer le profil"}
        </button>
      </Form>
    </section>
  );
}

function HeadOfficeSection({
  company,
  canEdit,
  actionData,
}: {
  company: Company;
  canEdit: boolean;
  actionData?: ActionResult;
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
    <section aria-labelledby="siege-etablissements" className="card mb-6">
      <h2 id="siege-etablissements" className="mb-3 text-lg font-bold">
        Siège et établissements
      </h2>
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
        <TableScroll label={`Établissements rattachés à ${company.name}`}>
          <table className="table-basic">
            <caption className="mb-2 text-left font-semibold">
              Établissements rattachés à {company.name}
            </caption>
            <thead>
              <tr>
                <th scope="col">Établissement</th>
                <th scope="col">SIRET</th>
                <th scope="col">Commune</th>
              </tr>
            </thead>
            <tbody>
              {company.establishments.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.name}</th>
                  <td className="whitespace-nowrap tabular-nums">{formatSiret(e.siret)}</td>
                  <td>{e.commune?.name ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="mb-3 text-gray-700">
          Aucun établissement n&apos;est rattaché à cette entreprise, et elle n&apos;est rattachée à
          aucun siège.
        </p>
      )}
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
          <FormErrors id={form.errorId} errors={form.errors} />
          <button type="submit" className="btn-secondary">
            Rattacher au siège
          </button>
        </Form>
      ) : null}
    </section>
  );
}

import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ProfileForm } from "~/components/company-profile-form";
import {
  HeadOfficeSection,
  ProfileSummary,
  type ProfileActionResult,
} from "~/components/company-profile-sections";
import { PageHeader } from "~/components/page";
import {
  CompanyProfileError,
  companyProfileSchema,
  getCompanyProfile,
  updateCompanyProfile,
} from "~/models/company-profile.server";
import {
  headOfficeLinkSchema,
  linkHeadOffice,
  unlinkHeadOffice,
} from "~/models/company-head-office.server";
import { nafSubclasses } from "~/models/naf.server";
import { profileWithSirene, sireneSearchFor } from "~/models/sirene-view.server";
import { SireneSearch } from "~/components/sirene-search";
import { can, notFound } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { requireCompanyPage } from "~/utils/company-route.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Profil — ${data?.company.name ?? "Entreprise"} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:read");
  const company = await getCompanyProfile(companyId);
  if (!company) notFound();
  const canEdit = await can(user, { action: "company:write", companyId });
  // The SIRENE search (decision 028) only for those who may edit; a choice prefills the form.
  const sirene = canEdit
    ? await sireneSearchFor(new URL(request.url), user.id, "identite")
    : { view: null, chosen: null };
  return {
    company,
    formCompany: await profileWithSirene(company, sirene.chosen),
    sirene: sirene.view,
    canEdit,
    // The NAF list only goes to those who may edit (about 730 sub-classes).
    nafOptions: canEdit ? nafSubclasses() : [],
    clubDepartement: company.memberships[0]?.club.departementCode ?? null,
  };
}

type ActionResult = ProfileActionResult;

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:write");
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

export default function CompanyProfilePage() {
  const { company, formCompany, sirene, canEdit, nafOptions, clubDepartement } =
    useLoaderData<typeof loader>();
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
      {canEdit ? <SireneSearch view={sirene} initial={company.siret} /> : null}
      {canEdit ? (
        <ProfileForm
          key={`${new Date(company.updatedAt).toISOString()}${sirene?.source ? formCompany.name : ""}`}
          company={formCompany}
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

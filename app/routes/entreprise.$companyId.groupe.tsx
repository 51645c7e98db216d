import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CompanyGroupTable } from "~/components/company-group-table";
import { FormErrors } from "~/components/forms";
import { PageHeader } from "~/components/page";
import { YearSelector } from "~/components/year-selector";
import {
  detachEstablishment,
  getCompanyGroup,
  GroupError,
  linkEstablishment,
} from "~/models/company-group.server";
import { readForm } from "~/utils/forms.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";
import { parseYear, yearChoices } from "~/utils/years";

// A head office's group (issue 16 point 4, decision 028): its establishments' declarations side
// by side with a group total, linking and detaching establishments. Its own people only.

export const meta: MetaFunction = () => [{ title: "Groupe — siège et établissements — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const companyId = params.companyId ?? "";
  await requirePermission(request, { action: "company:group", companyId });
  const year = parseYear(new URL(request.url).searchParams.get("annee"));
  const group = await getCompanyGroup(companyId, year);
  if (!group) notFound();
  return { group, year, years: yearChoices() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const companyId = params.companyId ?? "";
  const user = await requirePermission(request, { action: "company:group", companyId });
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const here = `/entreprise/${companyId}/groupe`;
  try {
    if (intent === "detach") {
      const establishmentId = String(formData.get("establishmentId") ?? "").slice(0, 64);
      const detached = await detachEstablishment(user.id, companyId, establishmentId);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: `${detached.name} n'est plus rattaché à votre entreprise. Il garde son club et ses déclarations.`,
      });
    }
    if (intent === "link") {
      const siret = String(formData.get("siret") ?? "").slice(0, 40);
      const linked = await linkEstablishment(user, companyId, siret);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: `${linked.name} est rattaché à votre entreprise.`,
      });
    }
  } catch (error) {
    if (!(error instanceof GroupError)) throw error;
    return data({ error: error.message }, { status: error.status });
  }
  return data({ error: "Cette action n'existe pas sur cette page." }, { status: 400 });
}

export default function CompanyGroupPage() {
  const { group, year, years } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Siège et établissements"
        intro={`Les établissements rattachés à ${group.company.name} (SIREN ${group.company.siren}) gardent chacun leur club. Chaque déclaration compte une seule fois : pour l'établissement qui l'a faite, dans le club où il l'a faite.`}
      />
      {group.headOfficeName ? (
        <p className="card mb-6">
          Cette entreprise est un établissement du siège {group.headOfficeName} : le groupe se
          consulte depuis le siège.
        </p>
      ) : (
        <>
          <YearSelector year={year} years={years} className="mb-4 flex items-end gap-2" />
          <FormErrors errors={[actionData?.error]} />
          <CompanyGroupTable group={group} year={year} />
          <Form method="post" className="card mb-6 max-w-xl">
            <h2 className="mb-2 text-lg font-bold">Rattacher un établissement</h2>
            <input type="hidden" name="intent" value="link" />
            <label htmlFor="etablissement-siret" className="label">
              SIRET de l&apos;établissement
            </label>
            <p id="etablissement-aide" className="mb-1 text-sm text-gray-600">
              Un établissement de votre SIREN, déjà inscrit sur Engagés, dont vous faites partie de
              l&apos;équipe ; sinon, son équipe le rattache depuis son profil.
            </p>
            <input
              id="etablissement-siret"
              name="siret"
              inputMode="numeric"
              maxLength={20}
              aria-describedby="etablissement-aide"
              className="input mb-3"
            />
            <button type="submit" className="btn-primary">
              Rattacher
            </button>
          </Form>
        </>
      )}
    </>
  );
}

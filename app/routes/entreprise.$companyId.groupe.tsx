import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CompanyGroupTable } from "~/components/company-group-table";
import { Field, FormErrors } from "~/components/forms";
import { InviteForm } from "~/components/invite-form";
import { PageHeader, Section } from "~/components/page";
import { YearSelector } from "~/components/year-selector";
import {
  detachEstablishment,
  establishmentInvitationSchema,
  getCompanyGroup,
  GroupError,
  inviteEstablishment,
  linkEstablishment,
} from "~/models/company-group.server";
import { readForm } from "~/utils/forms.server";
import { notFound } from "~/utils/permissions.server";
import { QuotaExceeded, refusalStatus } from "~/utils/quotas.server";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { redirectWithFlash } from "~/utils/session.server";
import { parseYear, yearChoices } from "~/utils/years";
import { requireCompanyPage } from "~/utils/company-route.server";

// A head office's group (issue 16 point 4, decision 028): its establishments' declarations side
// by side with a group total; linking, inviting (one not yet on Engagés) and detaching
// establishments. Its own people only.

export const meta: MetaFunction = () => [{ title: "Groupe — siège et établissements — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "company:group");
  const year = parseYear(new URL(request.url).searchParams.get("annee"));
  const group = await getCompanyGroup(companyId, year);
  if (!group) notFound();
  return { group, year, years: yearChoices() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:group");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const here = `/entreprise/${companyId}/groupe`;
  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: establishmentInvitationSchema });
    if (submission.status !== "success") {
      return data({ result: submission.reply() }, { status: 400 });
    }
    try {
      const invited = await inviteEstablishment(user, companyId, submission.value);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: `${invited.name} est rattaché à votre entreprise ; invitation envoyée à ${invited.email}.`,
      });
    } catch (error) {
      if (!(error instanceof GroupError || error instanceof QuotaExceeded)) throw error;
      return data(
        { result: submission.reply({ formErrors: [error.message] }) },
        { status: error instanceof GroupError ? error.status : refusalStatus(error) },
      );
    }
  }
  try {
    if (intent === "detach") {
      const establishmentId = String(formData.get("establishmentId") ?? "").slice(0, 64);
      const detached = await detachEstablishment(user.id, companyId, establishmentId);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: detached.removed
          ? `${detached.name} est retiré du groupe ; son invitation n'est plus valable.`
          : `${detached.name} n'est plus rattaché à votre entreprise. Il garde son club et ses déclarations.`,
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
          <FormErrors errors={[actionData && "error" in actionData ? actionData.error : null]} />
          <CompanyGroupTable group={group} year={year} />
          <Form method="post" className="card mb-6 max-w-xl">
            <h2 className="mb-2 text-lg font-bold">Rattacher un établissement inscrit</h2>
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
          <Section
            id="inviter"
            title="Inviter un établissement pas encore inscrit"
            className="card mb-6 max-w-3xl"
          >
            <p className="mb-3 text-sm text-gray-600">
              Il est inscrit et rattaché à votre entreprise dès l&apos;envoi ; la personne invitée
              crée son compte et déclare pour lui. Le club de son territoire l&apos;ajoute ensuite
              par son SIRET.
            </p>
            <InviteForm
              lastResult={actionData && "result" in actionData ? actionData.result : null}
              constraint={REQUIRED_FIELDS.establishmentInvite}
              submitLabel="Inscrire et inviter"
            >
              {(fields) => (
                <div className="grid gap-x-4 sm:grid-cols-2">
                  <Field
                    label="SIRET de l'établissement"
                    field={fields.siret}
                    inputProps={{ inputMode: "numeric", maxLength: 20, autoComplete: "off" }}
                  />
                  <Field
                    label="Nom de l'établissement"
                    field={fields.establishmentName}
                    inputProps={{ maxLength: 120, autoComplete: "off" }}
                  />
                </div>
              )}
            </InviteForm>
          </Section>
        </>
      )}
    </>
  );
}

import { countOf, formatDate } from "~/utils/format";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormErrors, RequiredFieldsNote } from "~/components/forms";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { PageHeader, Section } from "~/components/page";
import {
  CompanyProfileError,
  changeCompanySiret,
  siretField,
} from "~/models/company-profile.server";
import { getCompanyTrustView } from "~/models/company.server";
import { InvitationError, inviteUser } from "~/models/invitation.server";
import { MEMBERSHIP_STATUS_LABELS, type MembershipStatus } from "~/utils/domain";
import { readForm } from "~/utils/forms.server";
import { requirePermission } from "~/utils/permissions.server";
import { QuotaExceeded } from "~/utils/quotas.server";
import { redirectWithFlash } from "~/utils/session.server";
import { normaliseSiret } from "~/utils/siret";
import { emailField, personNameField } from "~/utils/validation";

// The national operator's side of decision 013: correct a company's SIRET (the company cannot),
// and give a company with no people its first person when no club may.

export const meta: MetaFunction = () => [{ title: "Entreprises — Administration — Engagés" }];

// Exported for tests/required-field-lists.test.ts.
export const changeSiretSchema = /* @__PURE__ */ (() =>
  z.object({ companyId: z.string().min(1).max(64), siret: siretField }))();
export const inviteFirstSchema = /* @__PURE__ */ (() =>
  z.object({
    companyId: z.string().min(1).max(64),
    email: emailField,
    name: personNameField,
  }))();

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, { action: "admin" });
  const asked = normaliseSiret(new URL(request.url).searchParams.get("siret") ?? "").slice(0, 14);
  const company = asked ? await getCompanyTrustView(asked) : null;
  return { asked, company };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, { action: "admin" });
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const refuse = (error: string) => data({ intent, error }, { status: 400 });

  if (intent === "change-siret") {
    const submission = parseWithZod(formData, { schema: changeSiretSchema });
    if (submission.status !== "success") {
      return refuse(submission.error?.siret?.[0] ?? "Indiquez le nouveau SIRET.");
    }
    try {
      const changed = await changeCompanySiret(
        user.id,
        submission.value.companyId,
        submission.value.siret,
      );
      return redirectWithFlash(request, `/admin/entreprises?siret=${changed.after}`, {
        kind: "success",
        message: `Le SIRET de ${changed.name} est désormais ${changed.after} (il était ${changed.before}).`,
      });
    } catch (error) {
      if (error instanceof CompanyProfileError) return refuse(error.message);
      throw error;
    }
  }

  if (intent === "invite-first") {
    const submission = parseWithZod(formData, { schema: inviteFirstSchema });
    if (submission.status !== "success") {
      const errors = submission.error ?? {};
      return refuse(errors.email?.[0] ?? errors.name?.[0] ?? "Indiquez la personne à inviter.");
    }
    const { companyId, email, name } = submission.value;
    try {
      // canInvite lets the operator invite only into a company with no people yet.
      await inviteUser(user, { email, name, role: "COMPANY", companyId });
    } catch (error) {
      if (error instanceof QuotaExceeded) {
        return data({ intent, error: error.message }, { status: error.status });
      }
      if (error instanceof InvitationError) {
        return refuse(
          "Cette entreprise a déjà son équipe : ce sont ses membres qui invitent leurs collègues.",
        );
      }
      throw error;
    }
    return redirectWithFlash(request, new URL(request.url).pathname + new URL(request.url).search, {
      kind: "success",
      message: `Invitation envoyée à ${email}.`,
    });
  }
  return refuse("Cette action n'existe pas sur cette page.");
}

export default function AdminCompanies() {
  const { asked, company } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Entreprises"
        intro="Retrouvez une entreprise par son SIRET pour corriger ce numéro ou donner sa première personne à une entreprise qui n'a pas encore d'équipe."
      />
      <Form method="get" className="card mb-6 flex flex-wrap items-end gap-3">
        <Field
          label="SIRET"
          inputProps={{
            name: "siret",
            id: "siret-recherche",
            defaultValue: asked,
            inputMode: "numeric",
          }}
        />
        <button type="submit" className="btn-primary mb-4">
          Rechercher
        </button>
      </Form>
      <FormErrors errors={[actionData?.error ?? null]} />
      {asked && !company ? <p className="card">Aucune entreprise n&apos;a ce SIRET.</p> : null}
      {company ? (
        <Section
          id="fiche"
          title={
            <>
              {company.name} — SIRET <span className="tabular-nums">{company.siret}</span>
            </>
          }
          className="card"
          headingClassName="mb-2 text-lg font-bold"
        >
          <p className="mb-2">
            {company._count.roles === 0
              ? "Aucune personne n'agit encore pour cette entreprise."
              : `${countOf(company._count.roles, "personne")} ${company._count.roles > 1 ? "agissent" : "agit"} pour cette entreprise.`}
          </p>
          <ul className="mb-4 list-disc pl-5">
            {company.memberships.map((m, i) => (
              <li key={`${m.club.name}-${i}`}>
                {m.club.name} ({m.club.departementCode}) :{" "}
                {MEMBERSHIP_STATUS_LABELS[m.status as MembershipStatus] ?? m.status}, depuis le{" "}
                {formatDate(m.createdAt)}
                {i === 0 ? " — club qui l'a inscrite" : ""}
              </li>
            ))}
            {company.joinRequests.map((r) => (
              <li key={r.id}>{r.club.name} : demande d&apos;adhésion en attente</li>
            ))}
          </ul>
          <RequiredFieldsNote />
          <Form method="post" noValidate className="mb-4 flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="change-siret" />
            <input type="hidden" name="companyId" value={company.id} />
            <Field
              label="Nouveau SIRET"
              help="Refusé si une autre entreprise a déjà ce numéro. La modification est inscrite au journal."
              inputProps={{
                name: "siret",
                id: "nouveau-siret",
                inputMode: "numeric",
                required: REQUIRED_FIELDS.adminChangeSiret.siret?.required,
              }}
            />
            <button type="submit" className="btn-secondary mb-4">
              Corriger le SIRET
            </button>
          </Form>
          {company._count.roles === 0 ? (
            <Form method="post" noValidate className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="invite-first" />
              <input type="hidden" name="companyId" value={company.id} />
              <Field
                label="Adresse e-mail"
                inputProps={{
                  name: "email",
                  id: "premier-email",
                  type: "email",
                  required: REQUIRED_FIELDS.adminInviteFirst.email?.required,
                }}
              />
              <Field
                label="Nom et prénom"
                inputProps={{
                  name: "name",
                  id: "premier-nom",
                  required: REQUIRED_FIELDS.adminInviteFirst.name?.required,
                }}
              />
              <button type="submit" className="btn-secondary mb-4">
                Inviter sa première personne
              </button>
            </Form>
          ) : null}
        </Section>
      ) : null}
    </>
  );
}

import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { InviteForm } from "~/components/invite-form";
import { PendingInvitations } from "~/components/invitation-list";
import { PageHeader, dateFormat } from "~/components/page";
import { getCompanyHeader, listCompanyTeam } from "~/models/company.server";
import { inviteAndRedirect, listPendingInvitations } from "~/models/invitation.server";
import { can, notFound, requirePermission } from "~/utils/permissions.server";
import { inviteBaseSchema } from "~/utils/validation";

export const meta: MetaFunction = () => [{ title: "Mon équipe — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const companyId = params.companyId ?? "";
  const user = await requirePermission(request, { action: "company:read", companyId });
  const company = await getCompanyHeader(companyId);
  if (!company) notFound();
  const [team, invitations, canEdit] = await Promise.all([
    listCompanyTeam(companyId),
    listPendingInvitations({ companyId, roles: ["COMPANY"] }),
    can(user, { action: "company:write", companyId }),
  ]);
  return { company, team, invitations, canEdit };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const companyId = params.companyId ?? "";
  const user = await requirePermission(request, { action: "company:write", companyId });
  const submission = parseWithZod(await request.formData(), { schema: inviteBaseSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply() }, { status: 400 });
  }
  return inviteAndRedirect(
    request,
    user,
    submission,
    { ...submission.value, role: "COMPANY", companyId },
    `/entreprise/${companyId}/equipe`,
  );
}

export default function TeamPage() {
  const { company, team, invitations, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/entreprise/${company.id}`}>← Mon tableau de bord</Link>
      </p>
      <PageHeader title="Mon équipe" intro={`Les personnes qui déclarent pour ${company.name}.`} />
      <section aria-labelledby="membres" className="card mb-6">
        <h2 id="membres" className="mb-3 text-lg font-bold">
          Membres de l&apos;équipe
        </h2>
        <table className="table-basic">
          <caption className="sr-only">Membres de l&apos;équipe</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse e-mail</th>
              <th scope="col">Dernière connexion</th>
            </tr>
          </thead>
          <tbody>
            {team.map((m) => (
              <tr key={m.id}>
                <td>{m.user.name}</td>
                <td>{m.user.email}</td>
                <td>
                  {m.user.lastLoginAt ? dateFormat.format(new Date(m.user.lastLoginAt)) : "Jamais"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {canEdit ? (
        <section aria-labelledby="inviter" className="card mb-6">
          <h2 id="inviter" className="mb-3 text-lg font-bold">
            Inviter un ou une collègue
          </h2>
          <InviteForm schema={inviteBaseSchema} lastResult={actionData?.result} />
        </section>
      ) : null}
      <section aria-labelledby="attente" className="card">
        <h2 id="attente" className="mb-3 text-lg font-bold">
          Invitations en attente
        </h2>
        <PendingInvitations invitations={invitations} />
      </section>
    </>
  );
}

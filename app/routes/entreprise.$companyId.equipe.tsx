import type { ReactNode } from "react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmAction } from "~/components/confirm-action";
import { FormErrors } from "~/components/forms";
import { InviteForm } from "~/components/invite-form";
import { PageHeader, Section } from "~/components/page";
import { formatDate } from "~/utils/format";
import { spaceTitle } from "~/components/company-nav";
import { CompanyProfileError } from "~/models/company-profile.server";
import {
  leaveCompany,
  removeTeamMember,
  revokeCompanyInvitation,
} from "~/models/company-team.server";
import { getCompanyHeader, listCompanyTeam } from "~/models/company.server";
import { listPendingInvitations } from "~/models/invitation.server";
import { inviteAndRedirect } from "~/utils/invitation-form.server";
import {
  JoinRequestError,
  answerJoinRequest,
  listPendingJoinRequests,
} from "~/models/join-request.server";
import { can, notFound } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";
import { inviteBaseSchema } from "~/utils/validation";
import { readForm } from "~/utils/forms.server";
import { DataTable } from "~/components/data-table";
import { requireCompanyPage } from "~/utils/company-route.server";

export const meta: MetaFunction = ({ matches }) => [
  { title: `${spaceTitle(matches, "Mon équipe", "Équipe")} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:read");
  const company = await getCompanyHeader(companyId);
  if (!company) notFound();
  const [team, invitations, canEdit] = await Promise.all([
    listCompanyTeam(companyId),
    listPendingInvitations({ companyId, roles: ["COMPANY"] }),
    can(user, { action: "company:write", companyId }),
  ]);
  // Only the company's own people see and answer the clubs' requests.
  const joinRequests = canEdit ? await listPendingJoinRequests(companyId) : [];
  return { company, team, invitations, canEdit, joinRequests, currentUserId: user.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyPage(request, params, "company:write");
  const company = await getCompanyHeader(companyId);
  if (!company) notFound();
  const formData = await readForm(request);
  const intent = formData.get("intent") ?? "invite";
  const here = `/entreprise/${companyId}/equipe`;

  if (intent === "invite") {
    const submission = parseWithZod(formData, { schema: inviteBaseSchema });
    if (submission.status !== "success") {
      return data({ result: submission.reply(), error: null }, { status: 400 });
    }
    return inviteAndRedirect(
      request,
      user,
      submission,
      { ...submission.value, role: "COMPANY", companyId },
      here,
    );
  }

  const id = String(formData.get("id") ?? "").slice(0, 100);
  if (intent === "accept-join" || intent === "decline-join") {
    try {
      const { clubName, accepted } = await answerJoinRequest(
        user,
        companyId,
        id,
        intent === "accept-join",
      );
      return redirectWithFlash(request, here, {
        kind: "success",
        message: accepted
          ? `${company.name} est désormais membre du club « ${clubName} ».`
          : `La demande du club « ${clubName} » est refusée : il n'a aucun accès à ${company.name}.`,
      });
    } catch (error) {
      if (!(error instanceof JoinRequestError)) throw error;
      return data({ result: null, error: error.message }, { status: error.status });
    }
  }
  try {
    if (intent === "remove-member") {
      const removed = await removeTeamMember(user.id, companyId, id);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: `${removed.name} n'a plus accès à l'espace de l'entreprise.`,
      });
    }
    if (intent === "leave") {
      const { companyName } = await leaveCompany(user.id, companyId);
      return redirectWithFlash(request, "/espace", {
        kind: "success",
        message: `Vous avez quitté l'équipe de ${companyName}.`,
      });
    }
    if (intent === "revoke-invitation") {
      const invitation = await revokeCompanyInvitation(user.id, companyId, id);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: `L'invitation de ${invitation.email} est révoquée.`,
      });
    }
  } catch (error) {
    if (!(error instanceof CompanyProfileError)) throw error;
    return data({ result: null, error: error.message }, { status: 400 });
  }
  return data(
    { result: null, error: "Cette action n'existe pas sur cette page." },
    { status: 400 },
  );
}

/** The two answers to a club's request to join, one form each. */
const JOIN_ANSWERS = [
  { intent: "accept-join", label: "Accepter", className: "btn-primary" },
  { intent: "decline-join", label: "Refuser", className: "btn-secondary" },
] as const;

/** The columns of a table of people: who, their e-mail (its own column from `sm`), a date. */
function personColumns(who: string, when: string, canEdit: boolean) {
  return [
    who,
    { label: "Adresse e-mail", className: "hidden sm:table-cell" },
    when,
    ...(canEdit ? ["Action"] : []),
  ];
}

/** A person's name (then `children`, with the e-mail under it on phones) and their e-mail's cell. */
function PersonCells({
  name,
  email,
  children,
}: {
  name: string;
  email: string;
  children?: ReactNode;
}) {
  return (
    <>
      <th scope="row">
        {name}
        {children}
        <span className="block break-all text-sm text-gray-700 sm:hidden">{email}</span>
      </th>
      <td className="hidden break-all sm:table-cell">{email}</td>
    </>
  );
}

export default function TeamPage() {
  const { company, team, invitations, canEdit, joinRequests, currentUserId } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const isMember = team.some((m) => m.user.id === currentUserId);
  const alone = team.length <= 1;
  return (
    <>
      <PageHeader
        title={canEdit ? "Mon équipe" : `Équipe de ${company.name}`}
        intro={`Les personnes qui déclarent pour ${company.name}.`}
      />
      <FormErrors errors={[actionData && "error" in actionData ? actionData.error : null]} />
      {joinRequests.length > 0 ? (
        <section id="adhesions" aria-labelledby="adhesions-titre" className="card mb-6">
          <h2 id="adhesions-titre" className="mb-1 text-lg font-bold">
            Demandes d&apos;adhésion à un club
          </h2>
          <p className="mb-3 text-gray-800">
            Si vous acceptez, {company.name} devient membre du club : ses animateurs et les services
            de l&apos;État du département pourront lire vos engagements et vos réalisations. Tant
            que vous n&apos;avez pas répondu, le club n&apos;a aucun accès.
          </p>
          <ul className="space-y-3">
            {joinRequests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2">
                <span className="mr-2">
                  Club « {r.club.name} » ({r.club.departementCode}), demande du{" "}
                  {formatDate(r.createdAt)}
                </span>
                {JOIN_ANSWERS.map((answer) => (
                  <Form key={answer.intent} method="post">
                    <input type="hidden" name="intent" value={answer.intent} />
                    <input type="hidden" name="id" value={r.id} />
                    <button type="submit" className={answer.className}>
                      {answer.label}
                      <span className="sr-only"> la demande du club {r.club.name}</span>
                    </button>
                  </Form>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Section id="membres" title="Membres de l'équipe">
        <DataTable
          caption="Membres de l'équipe"
          columns={personColumns("Nom", "Dernière connexion", canEdit)}
        >
          {team.map((m) => (
            <tr key={m.id}>
              <PersonCells name={m.user.name} email={m.user.email}>
                {" "}
                {m.user.id === currentUserId ? <span className="text-gray-700">(vous)</span> : null}
              </PersonCells>
              <td>{m.user.lastLoginAt ? formatDate(m.user.lastLoginAt) : "Jamais"}</td>
              {canEdit ? (
                <td>
                  {m.user.id === currentUserId ? (
                    <span className="text-sm text-gray-700">—</span>
                  ) : (
                    <ConfirmAction
                      label="Retirer"
                      accessibleLabel={`Retirer ${m.user.name} de l'équipe`}
                      title={`Retirer ${m.user.name} de l'équipe ?`}
                      confirmLabel="Retirer de l'équipe"
                      fields={{ intent: "remove-member", id: m.id }}
                    >
                      <p className="text-gray-800">
                        {m.user.name} n&apos;aura plus accès à l&apos;espace de {company.name}. Ses
                        déclarations restent enregistrées.
                      </p>
                    </ConfirmAction>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      </Section>
      {canEdit ? (
        <Section id="inviter" title="Inviter un ou une collègue">
          <InviteForm lastResult={actionData?.result} />
        </Section>
      ) : null}
      <Section id="attente" title="Invitations en attente">
        {invitations.length === 0 ? (
          <p className="text-gray-700">Aucune invitation en attente.</p>
        ) : (
          <DataTable
            caption="Invitations en attente"
            columns={personColumns("Personne", "Valable jusqu'au", canEdit)}
          >
            {invitations.map((i) => (
              <tr key={i.id}>
                <PersonCells name={i.name} email={i.email} />
                <td>{formatDate(i.expiresAt)}</td>
                {canEdit ? (
                  <td>
                    <ConfirmAction
                      label="Révoquer"
                      accessibleLabel={`Révoquer l'invitation de ${i.email}`}
                      title={`Révoquer l'invitation de ${i.email} ?`}
                      confirmLabel="Révoquer l'invitation"
                      fields={{ intent: "revoke-invitation", id: i.id }}
                    >
                      <p>Le lien reçu par e-mail ne fonctionnera plus.</p>
                    </ConfirmAction>
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
      {canEdit && isMember ? (
        <Section id="quitter" title="Quitter l'entreprise">
          {alone ? (
            <p className="text-gray-800">
              Vous êtes la dernière personne de l&apos;équipe : vous ne pouvez pas quitter
              l&apos;entreprise. Invitez d&apos;abord un ou une collègue qui prendra le relais.
            </p>
          ) : (
            <>
              <p className="mb-3 text-gray-800">
                Vous n&apos;aurez plus accès à l&apos;espace de {company.name}. Vos déclarations
                restent enregistrées.
              </p>
              <ConfirmAction
                label="Quitter l'entreprise"
                title={`Quitter l'équipe de ${company.name} ?`}
                confirmLabel="Quitter l'entreprise"
                fields={{ intent: "leave" }}
              >
                <p className="text-gray-800">
                  Vous n&apos;aurez plus accès à cet espace. Pour y revenir, un ou une collègue
                  devra vous inviter à nouveau.
                </p>
              </ConfirmAction>
            </>
          )}
        </Section>
      ) : null}
      <Section id="voir-aussi" title="Voir aussi" className="card print:hidden">
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <Link to={`/entreprise/${company.id}/profil`}>Profil de l&apos;entreprise</Link>
          </li>
          <li>
            <Link to={`/entreprise/${company.id}/rapport`}>Rapport annuel</Link>
          </li>
          <li>
            <a href={`/entreprise/${company.id}/export.xlsx`} download>
              Télécharger toutes les données de l&apos;entreprise (XLSX)
            </a>
          </li>
        </ul>
      </Section>
    </>
  );
}

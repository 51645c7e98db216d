import type { SubmissionResult } from "~/components/use-form";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import {
  ConfirmLeave,
  EditContact,
  ProspectCard,
  type ContactState,
} from "~/components/club-membership";
import { FormErrors } from "~/components/forms";
import { ProspectForm } from "~/components/prospect-form";
import { PageHeader, Section } from "~/components/page";
import { formatDate as formatInstant } from "~/utils/format";
import { formatSiret } from "~/utils/siret";
import { zoneOfDepartement } from "~/utils/time/zones";
import {
  MembershipError,
  inviteMembershipContact,
  markAsLeft,
  markAsMember,
} from "~/models/club-members.server";
import { createProspect, prospectSchema } from "~/models/club-prospects.server";
import { listClubMemberships } from "~/models/club-member-lists.server";
import { saveContactFromForm } from "~/utils/membership-contact-form.server";
import { listClubJoinRequests } from "~/models/join-request.server";
import { requireClubPage } from "~/utils/club-route.server";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { DataTable } from "~/components/data-table";
import { SireneSearch } from "~/components/sirene-search";
import { ClosedEstablishments } from "~/components/sirene-closed-list";
import { listClosedEstablishments } from "~/models/sirene-refresh.server";
import { prospectSirene, sireneSearchFor } from "~/models/sirene-view.server";

export const meta: MetaFunction = () => [{ title: "Membres et prospects — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, clubId, club } = await requireClubPage(request, params, "club:manage");
  const [memberships, joinRequests, sirene, closed] = await Promise.all([
    listClubMemberships(clubId),
    listClubJoinRequests(clubId),
    sireneSearchFor(new URL(request.url), user.id, "prospect"),
    listClosedEstablishments(clubId),
  ]);
  return { club, ...memberships, joinRequests, closed, ...prospectSirene(sirene) };
}

type ActionResult = {
  intent: string;
  result: SubmissionResult<string[]> | null;
  error: string | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, clubId } = await requireClubPage(request, params, "club:manage");
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const here = `/club/${clubId}/membres`;
  const refuse = (error: string, status: number, result: ActionResult["result"] = null) =>
    data<ActionResult>({ intent, result, error }, { status });

  if (intent === "create-prospect") {
    const submission = parseWithZod(formData, { schema: prospectSchema });
    if (submission.status !== "success") {
      return refuse("", 400, submission.reply());
    }
    let created: Awaited<ReturnType<typeof createProspect>>;
    try {
      created = await createProspect(user.id, clubId, submission.value);
    } catch (error) {
      if (!(error instanceof MembershipError)) throw error;
      const result = submission.reply(
        error.field
          ? { fieldErrors: { [error.field]: [error.message] } }
          : { formErrors: [error.message] },
      );
      return refuse("", 400, result);
    }
    if (created.kind === "join-request") {
      return redirectWithFlash(request, here, {
        kind: "info",
        message: `Cette entreprise est déjà inscrite : une demande d'adhésion lui a été envoyée. ${created.companyName} rejoindra le club si son équipe l'accepte ; d'ici là, le club n'a pas accès à ses données.`,
      });
    }
    const added = `${created.companyName} est ajoutée aux prospects du club.`;
    if (!submission.value.invite) {
      return redirectWithFlash(request, here, { kind: "success", message: added });
    }
    try {
      const invited = await inviteMembershipContact(user, clubId, created.membershipId);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: `${added} Invitation envoyée à ${invited.email}.`,
      });
    } catch (error) {
      if (!(error instanceof MembershipError)) throw error;
      return redirectWithFlash(request, here, {
        kind: "error",
        message: `${added} L'invitation n'est pas partie : ${error.message}`,
      });
    }
  }

  if (intent === "contact") return saveContactFromForm(request, user.id, clubId, formData, here);
  const membershipId = String(formData.get("membershipId") ?? "").slice(0, 64);
  try {
    if (intent === "invite") {
      const invited = await inviteMembershipContact(user, clubId, membershipId);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: `Invitation envoyée à ${invited.email} pour ${invited.companyName}.`,
      });
    }
    if (intent === "mark-member") {
      const { companyName, joinRequested } = await markAsMember(user.id, clubId, membershipId);
      return redirectWithFlash(request, here, {
        kind: joinRequested ? "info" : "success",
        message: joinRequested
          ? `${companyName} a sa propre équipe sur Engagés : une demande d'adhésion lui a été envoyée. Elle deviendra membre du club quand son équipe l'acceptera.`
          : `${companyName} est désormais membre du club.`,
      });
    }
    if (intent === "mark-left") {
      const { companyName } = await markAsLeft(user.id, clubId, membershipId);
      return redirectWithFlash(request, here, {
        kind: "success",
        message: `${companyName} a quitté le club. Ses déclarations passées restent dans les chiffres du club.`,
      });
    }
  } catch (error) {
    if (!(error instanceof MembershipError)) throw error;
    return refuse(error.message, error.status);
  }
  return refuse("Cette action n'existe pas sur cette page.", 400);
}

export default function ClubMembers() {
  const { club, prospects, members, left, joinRequests, closed, sirene, prefill } =
    useLoaderData<typeof loader>();
  // Dates in the club's zone (decision 021).
  const zone = zoneOfDepartement(club.departementCode);
  const formatDate = (value: string | Date | null) => (value ? formatInstant(value, zone) : null);
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const contactRefusal = actionData && "contactErrors" in actionData ? actionData : null;
  const contactState = (membershipId: string): ContactState => ({
    open:
      searchParams.get("contact") === membershipId || contactRefusal?.membershipId === membershipId,
    errors: contactRefusal?.membershipId === membershipId ? contactRefusal.contactErrors : null,
  });
  return (
    <>
      <ClubNav clubId={club.id} />
      <PageHeader
        title="Membres et prospects"
        intro={`Les entreprises du club « ${club.name} » : ajoutez un prospect et invitez-le, suivez-le jusqu'à sa première déclaration, notez les adhésions et les départs.`}
      />
      {actionData && "error" in actionData && actionData.error ? (
        <FormErrors errors={[actionData.error]} />
      ) : null}

      <ClosedEstablishments companies={closed} />

      <Section id="nouveau-prospect" title="Ajouter un prospect" className="card mb-8" large>
        <SireneSearch view={sirene} />
        <ProspectForm
          key={prefill?.siret}
          prefill={prefill}
          lastResult={
            actionData && "result" in actionData && actionData.intent === "create-prospect"
              ? actionData.result
              : undefined
          }
        />
      </Section>

      {joinRequests.length > 0 ? (
        <Section
          id="demandes"
          title={<>Demandes d&apos;adhésion en attente ({joinRequests.length})</>}
          className="card mb-8"
          headingClassName="mb-1 text-xl font-bold"
        >
          <p className="mb-3 text-sm text-gray-700">
            Ces entreprises étaient déjà inscrites sur Engagés : elles rejoindront le club si leur
            équipe accepte la demande. D&apos;ici là, le club n&apos;a pas accès à leurs données.
          </p>
          <ul className="space-y-1">
            {joinRequests.map((r) => (
              <li key={r.id}>
                {r.company.name} (SIRET{" "}
                <span className="tabular-nums">{formatSiret(r.company.siret)}</span>) — demandée le{" "}
                {formatDate(r.createdAt)}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section id="prospects" title={<>Prospects ({prospects.length})</>} className="mb-8" large>
        {prospects.length === 0 ? (
          <p className="card text-gray-700">Aucun prospect en cours.</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {prospects.map((p) => (
              <ProspectCard key={p.id} prospect={p} contact={contactState(p.id)} zone={zone} />
            ))}
          </ul>
        )}
      </Section>

      <Section id="membres" title={<>Membres ({members.length})</>} className="card mb-8" large>
        <DataTable
          caption="Membres du club"
          columns={[
            "Entreprise",
            { label: "Contact", className: "hidden md:table-cell" },
            { label: "Membre depuis", className: "hidden sm:table-cell" },
            { label: "Relances", className: "hidden sm:table-cell" },
            "Action",
          ]}
        >
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link to={`/entreprise/${m.company.id}`}>{m.company.name}</Link>
                {/* On phones, the hidden columns' facts under the name. */}
                <span className="mt-1 block text-xs text-gray-800 md:hidden">
                  {m.contactName ? `Contact : ${m.contactName}` : "Pas de contact"}
                  <span className="sm:hidden">
                    {m.joinedAt ? ` · membre depuis le ${formatDate(m.joinedAt)}` : ""}
                    {m.remindersOptOut ? " · désabonnée des relances" : ""}
                  </span>
                </span>
              </th>
              <td className="hidden md:table-cell">
                {m.contactName ?? "—"}
                {m.contactEmail ? (
                  <span className="block break-all text-xs text-gray-700">{m.contactEmail}</span>
                ) : null}
              </td>
              <td className="hidden whitespace-nowrap sm:table-cell">
                {formatDate(m.joinedAt) ?? "—"}
              </td>
              <td className="hidden sm:table-cell">{m.remindersOptOut ? "Désabonnée" : "Oui"}</td>
              <td>
                <div className="flex flex-col items-start gap-2">
                  <EditContact
                    companyName={m.company.name}
                    membership={m}
                    {...contactState(m.id)}
                  />
                  <ConfirmLeave
                    membershipId={m.id}
                    companyName={m.company.name}
                    label="Marquer comme parti"
                  />
                </div>
              </td>
            </tr>
          ))}
        </DataTable>
      </Section>

      <Section
        id="partis"
        title={<>Anciens membres ({left.length})</>}
        className="card"
        headingClassName="mb-1 text-xl font-bold"
      >
        <p className="mb-3 text-sm text-gray-700">
          Leurs déclarations passées restent dans les chiffres du club ; ils ne sont plus relancés.
        </p>
        {left.length === 0 ? (
          <p className="text-gray-700">Aucun départ.</p>
        ) : (
          <DataTable
            caption="Anciens membres du club"
            columns={["Entreprise", "Membre depuis", "Parti le"]}
          >
            {left.map((m) => (
              <tr key={m.id}>
                {/* No link: a former member's space is no longer the club's to read. */}
                <th scope="row">{m.company.name}</th>
                <td>{formatDate(m.joinedAt) ?? "—"}</td>
                <td>{formatDate(m.leftAt) ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Section>
    </>
  );
}

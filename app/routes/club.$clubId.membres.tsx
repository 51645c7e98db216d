import { getFormProps, getInputProps, useForm, type SubmissionResult } from "~/components/use-form";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ClubNav } from "~/components/club-nav";
import { ContactForm, type ContactFormErrors } from "~/components/contact-form";
import { Field, FormErrors, RequiredFieldsNote } from "~/components/forms";
import { REQUIRED_FIELDS } from "~/utils/required-field-lists";
import { PageHeader } from "~/components/page";
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
import { getClub } from "~/models/club.server";
import { listClubJoinRequests } from "~/models/join-request.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithFlash } from "~/utils/session.server";
import { readForm } from "~/utils/forms.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction = () => [{ title: "Membres et prospects — Engagés" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const clubId = params.clubId ?? "";
  await requirePermission(request, { action: "club:manage", clubId });
  const club = await getClub(clubId);
  if (!club) notFound();
  const [memberships, joinRequests] = await Promise.all([
    listClubMemberships(clubId),
    listClubJoinRequests(clubId),
  ]);
  return { club, ...memberships, joinRequests };
}

type ActionResult = {
  intent: string;
  result: SubmissionResult<string[]> | null;
  error: string | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const clubId = params.clubId ?? "";
  const user = await requirePermission(request, { action: "club:manage", clubId });
  const club = await getClub(clubId);
  if (!club) notFound();
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

/** A one-button form posting an intent about one membership. */
function MembershipButton({
  intent,
  membershipId,
  className = "btn-secondary",
  children,
}: {
  intent: string;
  membershipId: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <button type="submit" className={className}>
        {children}
      </button>
    </Form>
  );
}

/** A confirmation (a disclosure, which works without JavaScript) before a member leaves. */
function ConfirmLeave({
  membershipId,
  companyName,
  label,
}: {
  membershipId: string;
  companyName: string;
  label: string;
}) {
  return (
    <details className="group">
      <summary className="btn-secondary cursor-pointer list-none sm:whitespace-nowrap">
        {label}
        <span className="sr-only"> : {companyName}</span>
      </summary>
      <div className="mt-2 max-w-sm rounded-md border border-gray-300 bg-white p-3 text-sm">
        <p className="mb-3">
          {companyName} ne sera plus membre du club ni relancée. Ses déclarations passées restent
          dans les chiffres du club, et son historique est conservé.
        </p>
        <MembershipButton intent="mark-left" membershipId={membershipId} className="btn-danger">
          Confirmer le départ de {companyName}
        </MembershipButton>
      </div>
    </details>
  );
}

/**
 * The contact the club knows a company by, changed in a disclosure (no JavaScript needed). Open
 * when the address asks for it (`?contact=<membership>`, from the meetings and reminders pages)
 * or after a refusal.
 */
function EditContact({
  membership,
  companyName,
  open,
  errors,
}: {
  membership: { id: string; contactName: string | null; contactEmail: string | null };
  companyName: string;
  open: boolean;
  errors: ContactFormErrors | null;
}) {
  return (
    <details className="group" open={open} id={`contact-${membership.id}`}>
      <summary className="btn-secondary cursor-pointer list-none sm:whitespace-nowrap">
        {membership.contactEmail ? "Modifier le contact" : "Ajouter un contact"}
        <span className="sr-only"> : {companyName}</span>
      </summary>
      <div className="mt-2 w-80 max-w-full rounded-md border border-gray-300 bg-white p-3 text-sm">
        <ContactForm
          membershipId={membership.id}
          companyName={companyName}
          contactName={membership.contactName}
          contactEmail={membership.contactEmail}
          errors={errors}
          submitLabel="Enregistrer le contact"
        />
      </div>
    </details>
  );
}

function Step({ done, children }: { done: boolean; children: ReactNode }) {
  return (
    <li className={done ? "text-gray-900" : "text-gray-700"}>
      <span aria-hidden="true" className={done ? "text-green-700" : "text-gray-500"}>
        {done ? "✓ " : "○ "}
      </span>
      {children}
    </li>
  );
}

type ProspectFields = {
  siret: string;
  name: string;
  communeCode: string;
  contactName: string;
  contactEmail: string;
  invite: boolean;
};

function ProspectForm({ lastResult }: { lastResult?: SubmissionResult<string[]> | null }) {
  const navigation = useNavigation();
  const busy =
    navigation.state === "submitting" && navigation.formData?.get("intent") === "create-prospect";
  const [form, fields] = useForm<ProspectFields>({
    id: "prospect",
    lastResult,
    defaultValue: { invite: true },
    constraint: REQUIRED_FIELDS.prospect,
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <RequiredFieldsNote />
      <input type="hidden" name="intent" value="create-prospect" />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field
          label="SIRET (14 chiffres)"
          help="Une entreprise déjà inscrite sur Engagés n'est pas reprise : elle reçoit une demande d'adhésion, que son équipe accepte ou refuse."
          errors={fields.siret.errors}
          inputProps={{
            ...getInputProps(fields.siret, { type: "text" }),
            inputMode: "numeric",
            autoComplete: "off",
          }}
        />
        <Field
          label="Nom de l'entreprise"
          help="Pour une entreprise nouvelle sur Engagés."
          errors={fields.name.errors}
          inputProps={{
            ...getInputProps(fields.name, { type: "text" }),
            autoComplete: "organization",
          }}
        />
        <Field
          label="Commune (code INSEE, facultatif)"
          help="5 caractères, par exemple 62041 pour Arras."
          errors={fields.communeCode.errors}
          inputProps={{
            ...getInputProps(fields.communeCode, { type: "text" }),
            autoComplete: "off",
          }}
        />
        <div className="hidden sm:block" />
        <Field
          label="Nom et prénom du contact"
          errors={fields.contactName.errors}
          inputProps={{
            ...getInputProps(fields.contactName, { type: "text" }),
            autoComplete: "off",
          }}
        />
        <Field
          label="Adresse e-mail du contact"
          errors={fields.contactEmail.errors}
          inputProps={{
            ...getInputProps(fields.contactEmail, { type: "email" }),
            autoComplete: "off",
          }}
        />
      </div>
      <div className="mb-4 flex items-start gap-2">
        <input {...getInputProps(fields.invite, { type: "checkbox" })} className="mt-1 h-4 w-4" />
        <label htmlFor={fields.invite.id} className="text-sm">
          Envoyer tout de suite au contact l&apos;invitation à rejoindre le club et à créer le
          compte de l&apos;entreprise
        </label>
      </div>
      <FormErrors id={form.errorId} errors={form.errors} />
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? "Ajout en cours…" : "Ajouter le prospect"}
      </button>
    </Form>
  );
}

export default function ClubMembers() {
  const { club, prospects, members, left, joinRequests } = useLoaderData<typeof loader>();
  // Dates in the club's zone (decision 021).
  const zone = zoneOfDepartement(club.departementCode);
  const formatDate = (value: string | Date | null) => (value ? formatInstant(value, zone) : null);
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const contactRefusal = actionData && "contactErrors" in actionData ? actionData : null;
  const contactProps = (m: {
    id: string;
    contactName: string | null;
    contactEmail: string | null;
  }) => ({
    membership: m,
    open: searchParams.get("contact") === m.id || contactRefusal?.membershipId === m.id,
    errors: contactRefusal?.membershipId === m.id ? contactRefusal.contactErrors : null,
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

      <section aria-labelledby="nouveau-prospect" className="card mb-8">
        <h2 id="nouveau-prospect" className="mb-3 text-xl font-bold">
          Ajouter un prospect
        </h2>
        <ProspectForm
          lastResult={
            actionData && "result" in actionData && actionData.intent === "create-prospect"
              ? actionData.result
              : undefined
          }
        />
      </section>

      {joinRequests.length > 0 ? (
        <section aria-labelledby="demandes" className="card mb-8">
          <h2 id="demandes" className="mb-1 text-xl font-bold">
            Demandes d&apos;adhésion en attente ({joinRequests.length})
          </h2>
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
        </section>
      ) : null}

      <section aria-labelledby="prospects" className="mb-8">
        <h2 id="prospects" className="mb-3 text-xl font-bold">
          Prospects ({prospects.length})
        </h2>
        {prospects.length === 0 ? (
          <p className="card text-gray-700">Aucun prospect en cours.</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {prospects.map((p) => (
              <li key={p.id} className="card" aria-labelledby={`prospect-${p.id}`}>
                <h3 id={`prospect-${p.id}`} className="text-lg font-bold">
                  {p.company.name}
                </h3>
                <p className="text-sm text-gray-700">
                  SIRET <span className="tabular-nums">{formatSiret(p.company.siret)}</span>
                  {p.company.commune ? ` · ${p.company.commune.name}` : ""}
                </p>
                <p className="mt-1 text-sm">
                  Contact : {p.contactName ?? "—"}
                  {p.contactEmail ? ` (${p.contactEmail})` : ""}
                </p>
                <h4 className="mt-3 text-sm font-semibold">Suivi</h4>
                <ul className="mt-1 space-y-1 text-sm">
                  <Step done={!!p.invitedAt}>
                    {p.invitedAt ? `Invitée le ${formatDate(p.invitedAt)}` : "Pas encore invitée"}
                  </Step>
                  <Step done={!!p.acceptedAt}>
                    {p.acceptedAt
                      ? `Invitation acceptée le ${formatDate(p.acceptedAt)}`
                      : "Invitation non acceptée"}
                  </Step>
                  <Step done={!!p.accountCreatedAt}>
                    {p.accountCreatedAt
                      ? `Compte de l'entreprise créé le ${formatDate(p.accountCreatedAt)}`
                      : "Compte de l'entreprise pas encore créé"}
                  </Step>
                  <Step done={!!p.firstDeclarationAt}>
                    {p.firstDeclarationAt
                      ? `Première déclaration le ${formatDate(p.firstDeclarationAt)}`
                      : "Aucune déclaration"}
                  </Step>
                </ul>
                <div className="mt-4 flex flex-wrap items-start gap-2">
                  {p.contactEmail && !p.acceptedAt && !p.accountCreatedAt ? (
                    <MembershipButton intent="invite" membershipId={p.id}>
                      {p.invitedAt ? "Renvoyer l'invitation" : "Inviter par e-mail"}
                      <span className="sr-only"> : {p.company.name}</span>
                    </MembershipButton>
                  ) : null}
                  <MembershipButton
                    intent="mark-member"
                    membershipId={p.id}
                    className="btn-primary"
                  >
                    Marquer comme membre<span className="sr-only"> : {p.company.name}</span>
                  </MembershipButton>
                  <EditContact companyName={p.company.name} {...contactProps(p)} />
                  <ConfirmLeave
                    membershipId={p.id}
                    companyName={p.company.name}
                    label="Ne rejoint pas le club"
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="membres" className="card mb-8">
        <h2 id="membres" className="mb-3 text-xl font-bold">
          Membres ({members.length})
        </h2>
        <TableScroll label="Membres du club">
          <table className="table-basic">
            <caption className="sr-only">Membres du club</caption>
            <thead>
              <tr>
                <th scope="col">Entreprise</th>
                <th scope="col" className="hidden md:table-cell">
                  Contact
                </th>
                <th scope="col" className="hidden sm:table-cell">
                  Membre depuis
                </th>
                <th scope="col" className="hidden sm:table-cell">
                  Relances
                </th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
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
                      <span className="block break-all text-xs text-gray-700">
                        {m.contactEmail}
                      </span>
                    ) : null}
                  </td>
                  <td className="hidden whitespace-nowrap sm:table-cell">
                    {formatDate(m.joinedAt) ?? "—"}
                  </td>
                  <td className="hidden sm:table-cell">
                    {m.remindersOptOut ? "Désabonnée" : "Oui"}
                  </td>
                  <td>
                    <div className="flex flex-col items-start gap-2">
                      <EditContact companyName={m.company.name} {...contactProps(m)} />
                      <ConfirmLeave
                        membershipId={m.id}
                        companyName={m.company.name}
                        label="Marquer comme parti"
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section aria-labelledby="partis" className="card">
        <h2 id="partis" className="mb-1 text-xl font-bold">
          Anciens membres ({left.length})
        </h2>
        <p className="mb-3 text-sm text-gray-700">
          Leurs déclarations passées restent dans les chiffres du club ; ils ne sont plus relancés.
        </p>
        {left.length === 0 ? (
          <p className="text-gray-700">Aucun départ.</p>
        ) : (
          <TableScroll label="Anciens membres du club">
            <table className="table-basic">
              <caption className="sr-only">Anciens membres du club</caption>
              <thead>
                <tr>
                  <th scope="col">Entreprise</th>
                  <th scope="col">Membre depuis</th>
                  <th scope="col">Parti le</th>
                </tr>
              </thead>
              <tbody>
                {left.map((m) => (
                  <tr key={m.id}>
                    {/* No link: a former member's space is no longer the club's to read. */}
                    <th scope="row">{m.company.name}</th>
                    <td>{formatDate(m.joinedAt) ?? "—"}</td>
                    <td>{formatDate(m.leftAt) ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ContactForm, type ContactFormErrors } from "~/components/contact-form";
import { formatDate as formatInstant } from "~/utils/format";
import { formatSiret } from "~/utils/siret";
import type { TimeZone } from "~/utils/time/zones";

// The animator's controls on one company of the club (club.$clubId.membres): invite, mark as
// member or gone, change the contact; and a prospect's card with its steps towards membership.
// Every control is a plain form or a disclosure: the page works without JavaScript.

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
export function ConfirmLeave({
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
export function EditContact({
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

/** Whether a company's contact form is open, and the refusal it shows. */
export type ContactState = { open: boolean; errors: ContactFormErrors | null };

type Prospect = {
  id: string;
  company: { name: string; siret: string; commune: { name: string } | null };
  contactName: string | null;
  contactEmail: string | null;
  invitedAt: string | Date | null;
  acceptedAt: string | Date | null;
  accountCreatedAt: string | Date | null;
  firstDeclarationAt: string | Date | null;
};

/** A prospect: who it is, its steps from the invitation to the first declaration, its actions. */
export function ProspectCard({
  prospect: p,
  contact,
  zone,
}: {
  prospect: Prospect;
  contact: ContactState;
  /** The club's time zone (decision 021): the steps' dates are its days. */
  zone: TimeZone;
}) {
  const formatDate = (value: string | Date | null) => (value ? formatInstant(value, zone) : null);
  return (
    <li className="card" aria-labelledby={`prospect-${p.id}`}>
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
        <MembershipButton intent="mark-member" membershipId={p.id} className="btn-primary">
          Marquer comme membre<span className="sr-only"> : {p.company.name}</span>
        </MembershipButton>
        <EditContact companyName={p.company.name} membership={p} {...contact} />
        <ConfirmLeave
          membershipId={p.id}
          companyName={p.company.name}
          label="Ne rejoint pas le club"
        />
      </div>
    </li>
  );
}

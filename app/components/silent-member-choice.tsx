import { Link } from "@remix-run/react";
import { formatDate } from "~/utils/format";
import type { TimeZone } from "~/utils/time/zones";

// One silent member offered to the reminder (club.$clubId.relances): its box, its last
// declaration and reminder, and why it cannot be reminded when it cannot.

type SilentMember = {
  membershipId: string;
  company: { name: string };
  email: string | null;
  hasAccount: boolean;
  lastDeclaration: string | Date | null;
  lastReminder: string | Date | null;
  cappedUntil: string | Date | null;
};

export function SilentMemberChoice({
  member: m,
  clubId,
  zone,
  checked,
}: {
  member: SilentMember;
  clubId: string;
  /** The club's zone: its dates at its own hour. */
  zone: TimeZone;
  checked: boolean;
}) {
  const id = `relance-${m.membershipId}`;
  return (
    <li className="flex items-start gap-3 p-3">
      <input
        type="checkbox"
        id={id}
        name="membershipIds"
        value={m.membershipId}
        defaultChecked={checked}
        disabled={!m.email}
        aria-describedby={`${id}-detail`}
        className="mt-1 h-4 w-4 shrink-0"
      />
      <div className="min-w-0">
        <label htmlFor={id} className="font-semibold">
          {m.company.name}
        </label>
        <p id={`${id}-detail`} className="text-sm text-gray-700">
          {m.lastDeclaration
            ? `Dernière réalisation déclarée le ${formatDate(m.lastDeclaration, zone)}`
            : "Aucune réalisation déclarée"}
          {" · "}
          {m.email ? (
            <span className="break-all">{m.email}</span>
          ) : (
            <>
              aucune adresse de contact : impossible de relancer (
              <Link
                to={`/club/${clubId}/membres?contact=${m.membershipId}#contact-${m.membershipId}`}
              >
                ajouter le contact
                <span className="sr-only"> de {m.company.name}</span>
              </Link>
              )
            </>
          )}
          {m.email && !m.hasAccount
            ? " · sans compte : l'e-mail invite le contact à créer le compte de l'entreprise"
            : null}
          {m.lastReminder ? (
            <>
              {" · "}
              <span className={m.cappedUntil ? "font-semibold text-amber-900" : ""}>
                déjà relancée le {formatDate(m.lastReminder, zone)}
                {m.cappedUntil
                  ? ` (prochaine relance possible le ${formatDate(m.cappedUntil, zone)})`
                  : ""}
              </span>
            </>
          ) : null}
        </p>
      </div>
    </li>
  );
}

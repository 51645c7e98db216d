import { ConfirmAction } from "~/components/confirm-action";
import { DataTable } from "~/components/data-table";
import type { getCompanyGroup, GroupFigures } from "~/models/company-group.server";
import { formatDay, numberFormat } from "~/utils/format";
import { formatSiret } from "~/utils/siret";

// A head office's group (entreprise.$companyId.groupe): one row per establishment with its
// clubs and its declarations of the year, the group's total last; each establishment may be
// detached (a confirmation, which works without JavaScript).

type Group = NonNullable<Awaited<ReturnType<typeof getCompanyGroup>>>;

const cells = (f: GroupFigures) =>
  [f.declarations, f.people, f.hours, f.euros].map((n, i) => (
    <td key={i} className="text-right tabular-nums">
      {numberFormat.format(n)}
    </td>
  ));

export function CompanyGroupTable({ group, year }: { group: Group; year: number }) {
  return (
    <DataTable
      caption={`Déclarations ${year} du siège et de ses établissements`}
      className="card mb-6"
      columns={["Établissement", "Club", "Déclarations", "Personnes", "Heures", "Euros", "Action"]}
    >
      {group.rows.map((r) => (
        <tr key={r.id}>
          <th scope="row">
            {r.name}
            <span className="block text-xs font-normal">
              {r.isHeadOffice ? "Siège" : "Établissement"} · SIRET{" "}
              <span className="tabular-nums">{formatSiret(r.siret)}</span>
              {r.commune ? ` · ${r.commune.name}` : ""}
            </span>
            {r.unclaimed ? (
              <span className="block text-xs font-normal">
                {r.unclaimed.invitation
                  ? `Invitation envoyée à ${r.unclaimed.invitation.email}, valable jusqu'au ${formatDay(r.unclaimed.invitation.expiresAt)}`
                  : "Personne n'y a encore de compte sur Engagés"}
              </span>
            ) : null}
          </th>
          <td>
            {r.memberships.map((m) => `${m.club.name} (${m.club.departementCode})`).join(", ") ||
              "—"}
          </td>
          {cells(r.figures)}
          <td>
            {r.isHeadOffice ? null : r.removable ? (
              <ConfirmAction
                label="Retirer"
                accessibleLabel={`Retirer ${r.name}`}
                title={`Retirer ${r.name} du groupe ?`}
                confirmLabel="Retirer l'établissement"
                fields={{ intent: "detach", establishmentId: r.id }}
              >
                <p>
                  Personne ne déclare encore pour lui : il est retiré d&apos;Engagés et son
                  invitation n&apos;est plus valable.
                </p>
              </ConfirmAction>
            ) : (
              <ConfirmAction
                label="Détacher"
                accessibleLabel={`Détacher ${r.name}`}
                title={`Détacher ${r.name} du groupe ?`}
                confirmLabel="Détacher l'établissement"
                fields={{ intent: "detach", establishmentId: r.id }}
              >
                <p>
                  Il garde son club et ses déclarations ; il n&apos;apparaît plus dans le total du
                  groupe. Son équipe pourra le rattacher de nouveau.
                </p>
              </ConfirmAction>
            )}
          </td>
        </tr>
      ))}
      <tr className="font-bold">
        <th scope="row" colSpan={2}>
          Total du groupe
        </th>
        {cells(group.total)}
        <td />
      </tr>
    </DataTable>
  );
}

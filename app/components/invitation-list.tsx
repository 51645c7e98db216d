import { formatDate } from "~/utils/format";

export function PendingInvitations({
  invitations,
}: {
  invitations: Array<{
    id: string;
    email: string;
    name: string;
    expiresAt: string | Date;
    scope?: string;
  }>;
}) {
  if (invitations.length === 0)
    return <p className="text-gray-700">Aucune invitation en attente.</p>;
  return (
    <table className="table-basic">
      <caption className="sr-only">Invitations en attente</caption>
      <thead>
        <tr>
          <th scope="col">Personne</th>
          <th scope="col">Adresse e-mail</th>
          {invitations.some((i) => i.scope) ? <th scope="col">Accès</th> : null}
          <th scope="col">Valable jusqu&apos;au</th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((i) => (
          <tr key={i.id}>
            <td>{i.name}</td>
            <td>{i.email}</td>
            {i.scope !== undefined ? <td>{i.scope}</td> : null}
            <td>{formatDate(i.expiresAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

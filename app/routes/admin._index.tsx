import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { KeyFigures } from "~/components/key-figures";
import { PageHeader } from "~/components/page";
import { keyFigures } from "~/models/figures.server";
import { prisma } from "~/utils/db.server";
import { requirePermission } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Administration — Engagés" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, { action: "admin" });
  const now = new Date();
  const period = { from: new Date(Date.UTC(now.getUTCFullYear(), 0, 1)), to: now };
  const [figures, clubs, outbox] = await Promise.all([
    keyFigures({}, period),
    prisma.club.findMany({
      orderBy: [{ departementCode: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        departementCode: true,
        departement: { select: { name: true } },
        _count: { select: { memberships: { where: { status: "MEMBER" } } } },
      },
    }),
    prisma.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return {
    year: now.getUTCFullYear(),
    figures,
    clubs,
    outbox: Object.fromEntries(outbox.map((o) => [o.status, o._count._all])) as Record<
      string,
      number
    >,
  };
}

export default function AdminHome() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Vue nationale"
        intro={`Chiffres de tous les clubs depuis le 1er janvier ${d.year}.`}
      />
      <KeyFigures figures={d.figures} className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" />
      <section aria-labelledby="clubs" className="card mb-8 overflow-x-auto">
        <h2 id="clubs" className="mb-3 text-xl font-bold">
          Clubs
        </h2>
        <table className="table-basic">
          <caption className="sr-only">Clubs par département</caption>
          <thead>
            <tr>
              <th scope="col">Département</th>
              <th scope="col">Club</th>
              <th scope="col" className="text-right">
                Membres
              </th>
            </tr>
          </thead>
          <tbody>
            {d.clubs.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.departement.name} ({c.departementCode})
                </td>
                <th scope="row" className="font-normal">
                  {c.name}
                </th>
                <td className="text-right tabular-nums">{c._count.memberships}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="emails" className="card">
        <h2 id="emails" className="mb-3 text-xl font-bold">
          File d&apos;envoi des e-mails
        </h2>
        <p>
          Envoyés : {d.outbox.SENT ?? 0} · en attente : {d.outbox.PENDING ?? 0} · en cours :{" "}
          {d.outbox.SENDING ?? 0} · en échec : {d.outbox.FAILED ?? 0}.{" "}
          <Link to="/admin/emails">Voir le détail</Link>
        </p>
      </section>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BreakdownTable } from "~/components/breakdown-table";
import { KeyFigures } from "~/components/key-figures";
import { PageHeader } from "~/components/page";
import { keyFigures, peopleByPublic, realisationsByActionType } from "~/models/figures.server";
import { prisma } from "~/utils/db.server";
import { notFound, requirePermission } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Tableau de bord ${data?.departement.name ?? ""} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const departementCode = params.departementCode ?? "";
  await requirePermission(request, { action: "departement:read", departementCode });
  const departement = await prisma.departement.findUnique({
    where: { code: departementCode },
    select: { code: true, name: true, regionName: true },
  });
  if (!departement) notFound();
  // Year to date, against the same months a year earlier.
  const now = new Date();
  const year = now.getUTCFullYear();
  const current = { from: new Date(Date.UTC(year, 0, 1)), to: now };
  const previous = {
    from: new Date(Date.UTC(year - 1, 0, 1)),
    to: new Date(Date.UTC(year - 1, now.getUTCMonth(), now.getUTCDate(), 23, 59, 59)),
  };
  const scope = { departementCode };
  const [figures, previousFigures, byPublic, byActionType, clubs] = await Promise.all([
    keyFigures(scope, current),
    keyFigures(scope, previous),
    peopleByPublic(scope, current),
    realisationsByActionType(scope, current),
    prisma.club.findMany({
      where: { departementCode },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        _count: { select: { memberships: { where: { status: "MEMBER" } } } },
      },
    }),
  ]);
  return { departement, year, figures, previousFigures, byPublic, byActionType, clubs };
}

export default function PrefectureDashboard() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={`${d.departement.name} (${d.departement.code})`}
        intro={`Chiffres du département depuis le 1er janvier ${d.year}, déclarés par les entreprises des clubs. Lecture seule.`}
      />
      <section aria-labelledby="chiffres-cles" className="mb-8">
        <h2 id="chiffres-cles" className="mb-3 text-xl font-bold">
          Chiffres clés
        </h2>
        <KeyFigures figures={d.figures} previous={d.previousFigures} />
      </section>
      <section aria-labelledby="repartitions" className="mb-8 grid gap-6 lg:grid-cols-2">
        <h2 id="repartitions" className="sr-only">
          Répartitions
        </h2>
        <div className="card">
          <BreakdownTable
            caption="Personnes accompagnées par public"
            rows={d.byPublic}
            quantityHeader="Personnes"
          />
        </div>
        <div className="card">
          <BreakdownTable
            caption="Réalisations par type d'action"
            rows={d.byActionType}
            quantityHeader="Quantité"
          />
        </div>
      </section>
      <section aria-labelledby="clubs" className="card">
        <h2 id="clubs" className="mb-3 text-xl font-bold">
          Clubs du département
        </h2>
        <ul className="list-disc pl-6">
          {d.clubs.map((c) => (
            <li key={c.id}>
              {c.name} — {c._count.memberships} membres
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

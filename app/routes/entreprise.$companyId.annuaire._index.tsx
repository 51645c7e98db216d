import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { RomeSelect } from "~/components/rome-fields";
import { parseDirectoryFilters, searchDirectory } from "~/models/directory.server";
import { networkScope, requirePermission } from "~/utils/permissions.server";
import { romeLabel } from "~/utils/rome";

export const meta: MetaFunction = () => [{ title: "Annuaire des membres — Engagés" }];

// GET: the company's own people, while it is a club member (network:use).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const companyId = params.companyId ?? "";
  await requirePermission(request, { action: "network:use", companyId });
  const filters = parseDirectoryFilters(new URL(request.url).searchParams);
  const cards = await searchDirectory(await networkScope(companyId), filters);
  return { companyId, filters, cards };
}

export default function DirectoryPage() {
  const { companyId, filters, cards } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Annuaire des membres"
        intro="Les entreprises de votre club, et celles des autres clubs du département qui ouvrent leur fiche au département : qui emploie quels métiers, qui recrute, ce que chacune propose et cherche."
        actions={
          <Link to={`/entreprise/${companyId}/annuaire/ma-fiche`} className="btn-secondary">
            Modifier ma fiche
          </Link>
        }
      />
      <Form method="get" className="card mb-6 grid gap-x-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className="mb-4">
          <label htmlFor="directory-q" className="label">
            Rechercher
          </label>
          <input
            id="directory-q"
            name="q"
            type="search"
            defaultValue={filters.q}
            maxLength={60}
            className="input"
            placeholder="Nom, secteur, commune…"
          />
        </div>
        <RomeSelect
          name="metier"
          label="Famille de métiers (ROME)"
          defaultValue={filters.trade}
          emptyLabel="Toutes les familles"
        />
        <div className="mb-4">
          <label htmlFor="directory-scope" className="label">
            Portée
          </label>
          <select
            id="directory-scope"
            name="portee"
            defaultValue={filters.scope === "CLUB" ? "club" : ""}
            className="input"
          >
            <option value="">Club et département</option>
            <option value="club">Mon club seulement</option>
          </select>
        </div>
        <div className="mb-4 flex flex-col justify-end gap-2">
          <label className="flex items-center gap-2 text-sm text-gray-900">
            <input type="checkbox" name="recrute" value="1" defaultChecked={filters.recruiting} />
            Qui recrute seulement
          </label>
          <button type="submit" className="btn-primary">
            Filtrer
          </button>
        </div>
      </Form>

      <h2 className="mb-3 text-xl font-semibold text-gray-900">
        {cards.length} entreprise{cards.length > 1 ? "s" : ""}
      </h2>
      {cards.length === 0 ? (
        <p className="text-gray-700">Aucune entreprise ne correspond à ces critères.</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {cards.map((card) => (
            <li key={card.id} className="card">
              <h3 className="text-lg font-semibold text-gray-900">{card.name}</h3>
              <p className="text-sm text-gray-700">
                {[card.sector, card.headcount, card.commune].filter(Boolean).join(" · ") ||
                  "Informations non affichées"}
              </p>
              <p className="text-sm text-gray-700">
                {card.sameClub ? "Membre de votre club" : `Club : ${card.clubs.join(", ")}`}
              </p>
              {card.tradesEmployed.length ? (
                <p className="mt-2 text-sm">
                  <strong>Métiers employés :</strong>{" "}
                  {card.tradesEmployed.map(romeLabel).join(" ; ")}
                </p>
              ) : null}
              {card.tradesRecruited.length ? (
                <p className="mt-1 text-sm">
                  <strong>Recrute :</strong> {card.tradesRecruited.map(romeLabel).join(" ; ")}
                </p>
              ) : null}
              {card.offer ? (
                <p className="mt-1 text-sm">
                  <strong>Propose :</strong> {card.offer}
                </p>
              ) : null}
              {card.seek ? (
                <p className="mt-1 text-sm">
                  <strong>Cherche :</strong> {card.seek}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

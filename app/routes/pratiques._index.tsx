import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import {
  ClubFilter,
  FilterForm,
  FilterSearch,
  FilterSelect,
  filterOptions,
} from "~/components/filter-form";
import { PageHeader, numberFormat, Section } from "~/components/page";
import { PracticeCard } from "~/components/practice-ui";
import { listFeed, parseFeedFilters } from "~/models/practice-feed.server";
import { PUBLIC_CATEGORIES, THEMES } from "~/utils/domain";
import { forbidden, requireUser } from "~/utils/permissions.server";

// The good-practice feed: what the user may read (visiblePracticesWhere), newest first, the
// featured ones on top, filters by public, theme and club, and full-text search.

export const meta: MetaFunction = () => [{ title: "Bonnes pratiques — Engagés" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.roles.length === 0) forbidden();
  const filters = parseFeedFilters(new URL(request.url));
  const feed = await listFeed(user, filters);
  const canPost = user.roles.some((r) => r.role === "COMPANY");
  const canReact = user.roles.some((r) => r.role === "COMPANY" || r.role === "ANIMATOR");
  return { ...feed, filters, canPost, canReact };
}

export default function PracticeFeed() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const filtered = Boolean(
    d.filters.q ||
    d.filters.publicCode ||
    d.filters.themeCode ||
    d.filters.clubId ||
    d.filters.mine,
  );
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next}`;
  };
  return (
    <>
      <PageHeader
        title="Bonnes pratiques"
        intro="Ce qui marche chez les autres entreprises des clubs : inspirez-vous, réagissez, partagez à votre tour."
        actions={
          d.canPost ? (
            <>
              <Link to="/pratiques/nouvelle" className="btn-primary">
                Partager une pratique
              </Link>
              <Link to="/pratiques?mes=1" className="btn-secondary">
                Mes pratiques
              </Link>
            </>
          ) : null
        }
      />

      {!filtered && d.filters.page === 1 && d.featured.length > 0 ? (
        <Section id="une" title="À la une" className="mb-8" large>
          <div className="grid gap-4 md:grid-cols-3">
            {d.featured.map((p) => (
              <PracticeCard key={p.id} practice={p} canReact={d.canReact} headingLevel={3} />
            ))}
          </div>
        </Section>
      ) : null}

      <FilterForm
        role="search"
        className="card mb-6 grid gap-4 md:grid-cols-4"
        label="Filtrer les pratiques"
        submitLabel="Filtrer"
        reset={filtered ? { to: "/pratiques", label: "Tout afficher" } : null}
      >
        {d.filters.mine ? <input type="hidden" name="mes" value="1" /> : null}
        <FilterSearch
          label="Rechercher"
          value={d.filters.q}
          className="md:col-span-4"
          inputProps={{ placeholder: "ex. : recrutement sans CV, tutorat, ESAT…" }}
        />
        <FilterSelect
          name="public"
          label="Public"
          value={d.filters.publicCode}
          options={filterOptions("Tous les publics", PUBLIC_CATEGORIES)}
        />
        <FilterSelect
          name="theme"
          label="Thème"
          value={d.filters.themeCode}
          options={filterOptions("Tous les thèmes", THEMES)}
        />
        <ClubFilter clubs={d.clubs} value={d.filters.clubId} />
      </FilterForm>

      <h2 className="mb-3 text-xl font-bold" aria-live="polite">
        {filtered
          ? `${numberFormat.format(d.total)} pratique${d.total > 1 ? "s" : ""} trouvée${d.total > 1 ? "s" : ""}`
          : "Les plus récentes"}
      </h2>
      {d.practices.length === 0 ? (
        <p className="card text-gray-700">
          {filtered
            ? "Aucune pratique ne correspond à ces critères. Essayez d'autres mots ou retirez un filtre."
            : "Aucune pratique partagée pour l'instant. Soyez la première entreprise à en partager une !"}
        </p>
      ) : (
        <div className="grid gap-4">
          {d.practices.map((p) => (
            <PracticeCard key={p.id} practice={p} canReact={d.canReact} headingLevel={3} />
          ))}
        </div>
      )}
      {d.pageCount > 1 ? (
        <nav aria-label="Pages" className="mt-6 flex items-center gap-3">
          {d.filters.page > 1 ? (
            <Link to={pageLink(d.filters.page - 1)} className="btn-secondary">
              Page précédente
            </Link>
          ) : null}
          <span className="text-sm text-gray-700">
            Page {d.filters.page} sur {d.pageCount}
          </span>
          {d.filters.page < d.pageCount ? (
            <Link to={pageLink(d.filters.page + 1)} className="btn-secondary">
              Page suivante
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

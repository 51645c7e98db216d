import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { SelectField } from "~/components/forms";
import { PageHeader, numberFormat } from "~/components/page";
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
        <section aria-labelledby="une" className="mb-8">
          <h2 id="une" className="mb-3 text-xl font-bold">
            À la une
          </h2>
          <div className="grid gap-4 md:grid-cols-3">
            {d.featured.map((p) => (
              <PracticeCard key={p.id} practice={p} canReact={d.canReact} headingLevel={3} />
            ))}
          </div>
        </section>
      ) : null}

      <Form
        method="get"
        role="search"
        className="card mb-6 grid gap-4 md:grid-cols-4"
        aria-label="Filtrer les pratiques"
      >
        {d.filters.mine ? <input type="hidden" name="mes" value="1" /> : null}
        <div className="md:col-span-4">
          <label htmlFor="q" className="label">
            Rechercher
          </label>
          <input
            id="q"
            name="q"
            type="search"
            className="input"
            defaultValue={d.filters.q}
            placeholder="ex. : recrutement sans CV, tutorat, ESAT…"
          />
        </div>
        <SelectField
          className=""
          label="Public"
          selectProps={{ id: "public", name: "public", defaultValue: d.filters.publicCode }}
          options={[{ value: "", label: "Tous les publics" }, ...codeOptions(PUBLIC_CATEGORIES)]}
        />
        <SelectField
          className=""
          label="Thème"
          selectProps={{ id: "theme", name: "theme", defaultValue: d.filters.themeCode }}
          options={[{ value: "", label: "Tous les thèmes" }, ...codeOptions(THEMES)]}
        />
        <SelectField
          className=""
          label="Club"
          selectProps={{ id: "club", name: "club", defaultValue: d.filters.clubId }}
          options={[
            { value: "", label: "Tous les clubs" },
            ...d.clubs.map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        <div className="flex items-end gap-2">
          <button type="submit" className="btn-primary">
            Filtrer
          </button>
          {filtered ? (
            <Link to="/pratiques" className="btn-secondary">
              Tout afficher
            </Link>
          ) : null}
        </div>
      </Form>

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

const codeOptions = (list: ReadonlyArray<{ code: string; label: string }>) =>
  list.map((item) => ({ value: item.code, label: item.label }));

import { countOf, formatDate } from "~/utils/format";
import type { ReactNode } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { BreakdownTable } from "~/components/breakdown-table";
import { FilterForm, FilterSelect, YearFilter } from "~/components/filter-form";
import { KeyFigures } from "~/components/key-figures";
import { PageHeader, numberFormat } from "~/components/page";
import {
  countByActivity,
  filterAndSortMembers,
  getClub,
  listMembersAtAGlance,
  parseMemberQuery,
  type MemberQuery,
  type MemberSort,
} from "~/models/club.server";
import { clubThisMonth } from "~/models/emulation.server";
import { keyFigures, peopleByPublic, yearPeriod } from "~/models/figures.server";
import { MEMBER_ACTIVITY_LABELS, type MemberActivity } from "~/utils/domain";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { yearChoices } from "~/utils/years";
import { TableScroll } from "~/components/table-scroll";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.club.name ?? "Club"} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const clubId = params.clubId ?? "";
  await requirePermission(request, { action: "club:manage", clubId });
  const club = await getClub(clubId);
  if (!club) notFound();
  const now = new Date();
  const query = parseMemberQuery(new URL(request.url), now);
  const period = yearPeriod(query.annee);
  const [members, figures, byPublic, thisMonth] = await Promise.all([
    listMembersAtAGlance(clubId, query.annee, now),
    keyFigures({ clubId }, period),
    peopleByPublic({ clubId }, period),
    clubThisMonth(clubId, now),
  ]);
  return {
    club,
    query,
    years: yearChoices(now),
    members: filterAndSortMembers(members, query),
    total: members.length,
    counts: countByActivity(members),
    figures,
    byPublic,
    thisMonth,
  };
}

/** Nothing to post here: 403 for whoever may not run the club, 405 for its animators. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, { action: "club:manage", clubId: params.clubId ?? "" });
  return new Response("Méthode non autorisée.", { status: 405, headers: { Allow: "GET" } });
}

const ACTIVITY_STYLES: Record<MemberActivity, string> = {
  ACTIVE: "bg-green-100 text-green-900",
  SILENT: "bg-amber-100 text-amber-900",
  PROSPECT: "bg-brand-100 text-brand-800",
  LEFT: "bg-gray-200 text-gray-800",
};

const STATE_OPTIONS = [
  { value: "tous", label: "Tous les états" },
  { value: "actif", label: "Actifs" },
  { value: "silencieux", label: "Silencieux" },
  { value: "prospect", label: "Prospects" },
  { value: "parti", label: "Partis" },
] as const;

const SORT_OPTIONS: Array<{ value: MemberSort; label: string }> = [
  { value: "nom", label: "Nom" },
  { value: "derniere-declaration", label: "Dernière déclaration" },
  { value: "progression", label: "Progression" },
];

/** The URL of the page with some of its query changed. */
function withQuery(query: MemberQuery, changes: Partial<MemberQuery>) {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.etat !== "tous") params.set("etat", next.etat);
  if (next.q) params.set("q", next.q);
  if (next.tri !== "nom") params.set("tri", next.tri);
  params.set("ordre", next.ordre);
  params.set("annee", String(next.annee));
  return `?${params}`;
}

function SortHeader({
  query,
  sort,
  children,
  className,
}: {
  query: MemberQuery;
  sort: MemberSort;
  children: string;
  className?: string;
}) {
  const active = query.tri === sort;
  const nextOrder = active
    ? query.ordre === "asc"
      ? "desc"
      : "asc"
    : sort === "nom"
      ? "asc"
      : "desc";
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (query.ordre === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link
        to={withQuery(query, { tri: sort, ordre: nextOrder })}
        className="text-gray-800"
        preventScrollReset
      >
        {children}
        <span className="sr-only">
          {active
            ? `, trié par ordre ${query.ordre === "asc" ? "croissant" : "décroissant"} ; cliquer pour inverser`
            : ", cliquer pour trier"}
        </span>
        <span aria-hidden="true">{active ? (query.ordre === "asc" ? " ▲" : " ▼") : ""}</span>
      </Link>
    </th>
  );
}

export default function ClubHome() {
  const d = useLoaderData<typeof loader>();
  const q = d.query;
  const filtered = q.etat !== "tous" || q.q !== "";
  return (
    <>
      <ClubNav clubId={d.club.id} />
      <PageHeader
        title={d.club.name}
        intro={`${d.club.departement.name} (${d.club.departementCode}) — ${countOf(d.counts.ACTIVE + d.counts.SILENT, "membre")}, ${countOf(d.counts.PROSPECT, "prospect")}.`}
        actions={
          <>
            <Link to="membres" className="btn-primary">
              Ajouter un prospect
            </Link>
            <Link to="invitations" className="btn-secondary">
              Inviter une entreprise
            </Link>
            <Link to="relances" className="btn-secondary">
              Relancer les silencieux
            </Link>
          </>
        }
      />
      {d.club.closedAt ? (
        <p className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-3">
          Ce club a été fermé par l&apos;administration nationale le {formatDate(d.club.closedAt)} :
          son historique et ses chiffres restent consultables, mais il n&apos;accueille plus de
          nouveaux membres, réunions, relances ni invitations.
        </p>
      ) : null}
      <section aria-labelledby="ce-mois-ci" className="card mb-8">
        <h2 id="ce-mois-ci" className="mb-3 text-xl font-bold">
          Ce mois-ci dans le club
        </h2>
        <div className="grid gap-6 md:grid-cols-3">
          <MonthList
            title="Nouveaux membres"
            items={d.thisMonth.newMembers.map((m) => ({
              key: m.id,
              content: <Link to={`/entreprise/${m.id}`}>{m.name}</Link>,
            }))}
          />
          <MonthList
            title="Objectifs atteints"
            items={d.thisMonth.targetsReached.map((t) => ({
              key: t.id,
              content: `${t.companyName} : ${t.ambition}`,
            }))}
          />
          <MonthList
            title="Pratiques à la une"
            empty={
              <>
                Aucune : <Link to="pratiques">choisissez-en une</Link>.
              </>
            }
            items={d.thisMonth.featured.map((p) => ({
              key: p.id,
              content: (
                <>
                  <Link to={`/pratiques/${p.id}`}>{p.title}</Link> ({p.companyName})
                </>
              ),
            }))}
          />
        </div>
      </section>
      <section aria-labelledby="chiffres-club" className="mb-8">
        <h2 id="chiffres-club" className="mb-3 text-xl font-bold">
          Chiffres du club en {q.annee}
        </h2>
        <KeyFigures figures={d.figures} />
        <p className="mt-3 text-sm">
          <Link to={`chiffres?annee=${q.annee}`}>
            Tous les chiffres du club : répartitions, tendance et export
          </Link>
        </p>
      </section>
      <section aria-labelledby="membres-club" className="card mb-8">
        <h2 id="membres-club" className="mb-1 text-xl font-bold">
          Membres et prospects en un coup d&apos;œil
        </h2>
        <p className="mb-4 text-sm text-gray-700">
          Actifs (une réalisation déclarée dans les 3 derniers mois) : {d.counts.ACTIVE} ·
          silencieux : {d.counts.SILENT} · prospects : {d.counts.PROSPECT} · partis :{" "}
          {d.counts.LEFT}
        </p>
        <FilterForm
          className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end"
          reset={
            filtered ? { to: withQuery(q, { etat: "tous", q: "" }), label: "Tout afficher" } : null
          }
          preventScrollReset
        >
          <div>
            <label htmlFor="q" className="label">
              Rechercher une entreprise
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={q.q}
              className="input"
              autoComplete="off"
            />
          </div>
          <FilterSelect name="etat" label="État" value={q.etat} options={STATE_OPTIONS} />
          <FilterSelect name="tri" label="Trier par" value={q.tri} options={SORT_OPTIONS} />
          <YearFilter year={q.annee} years={d.years} />
        </FilterForm>
        <p className="mb-2 text-sm text-gray-700">
          {d.members.length === d.total
            ? countOf(d.total, "entreprise")
            : `${numberFormat.format(d.members.length)} sur ${countOf(d.total, "entreprise")}`}
        </p>
        <TableScroll
          label={`Entreprises du club : état, engagements ${q.annee}, dernière déclaration et progression`}
        >
          <table className="table-basic">
            <caption className="sr-only">
              Entreprises du club : état, engagements {q.annee}, dernière déclaration et progression
            </caption>
            <thead>
              <tr>
                <SortHeader query={q} sort="nom">
                  Entreprise
                </SortHeader>
                <th scope="col" className="hidden sm:table-cell">
                  État
                </th>
                <th scope="col" className="hidden text-right md:table-cell">
                  Engagements {q.annee}
                </th>
                <SortHeader query={q} sort="derniere-declaration" className="hidden sm:table-cell">
                  Dernière déclaration
                </SortHeader>
                <SortHeader query={q} sort="progression" className="sm:min-w-40">
                  Progression
                </SortHeader>
              </tr>
            </thead>
            <tbody>
              {d.members.length === 0 ? (
                <tr>
                  <td colSpan={5} className="text-gray-700">
                    Aucune entreprise ne correspond à ces critères.
                  </td>
                </tr>
              ) : null}
              {d.members.map((m) => (
                <tr key={m.membershipId}>
                  <th scope="row">
                    {/* Only a member's space is the club's to read (decision 013). */}
                    {m.status === "MEMBER" ? (
                      <Link to={`/entreprise/${m.company.id}`}>{m.company.name}</Link>
                    ) : (
                      m.company.name
                    )}
                    {m.company.commune ? (
                      <span className="block text-xs text-gray-700">{m.company.commune.name}</span>
                    ) : null}
                    {/* On phones, the hidden columns' facts under the name. */}
                    <span className="mt-1 block text-xs text-gray-800 sm:hidden">
                      <ActivityBadge activity={m.activity} /> · {m.commitments} engagement
                      {m.commitments > 1 ? "s" : ""} · dernière déclaration :{" "}
                      {m.lastDeclaration ? formatDate(m.lastDeclaration) : "jamais"}
                    </span>
                  </th>
                  <td className="hidden sm:table-cell">
                    <ActivityBadge activity={m.activity} />
                  </td>
                  <td className="hidden text-right tabular-nums md:table-cell">{m.commitments}</td>
                  <td className="hidden whitespace-nowrap sm:table-cell">
                    {m.lastDeclaration ? formatDate(m.lastDeclaration) : "Jamais"}
                  </td>
                  <td>
                    {m.progress === null ? (
                      <span className="text-gray-700">Pas d&apos;objectif chiffré</span>
                    ) : (
                      <Progress
                        percent={m.progress}
                        label={`Progression de ${m.company.name}`}
                        detail={`${m.commitmentsWithTarget} engagement${m.commitmentsWithTarget > 1 ? "s" : ""} chiffré${m.commitmentsWithTarget > 1 ? "s" : ""}`}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <p className="mt-3 text-xs text-gray-700">
          Progression : part réalisée de l&apos;objectif de chaque engagement chiffré de
          l&apos;année (en cours ou atteint), plafonnée à 100 %, en moyenne sur ces engagements.
        </p>
      </section>
      <section className="card">
        <BreakdownTable
          caption={`Personnes accompagnées par public en ${q.annee}`}
          rows={d.byPublic}
          quantityHeader="Personnes"
        />
      </section>
    </>
  );
}

function ActivityBadge({ activity }: { activity: MemberActivity }) {
  return (
    <span
      className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold ${ACTIVITY_STYLES[activity]}`}
    >
      {MEMBER_ACTIVITY_LABELS[activity]}
    </span>
  );
}

function Progress({ percent, label, detail }: { percent: number; label: string; detail: string }) {
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent} %`}
        className="h-2 w-20 shrink-0 overflow-hidden rounded-full bg-gray-200"
      >
        <div className="h-full rounded-full bg-accent-600" style={{ width: `${percent}%` }} />
      </div>
      <span className="whitespace-nowrap text-sm tabular-nums">
        {numberFormat.format(percent)} %<span className="sr-only"> ({detail})</span>
      </span>
    </div>
  );
}

/** One column of "Ce mois-ci dans le club": a short list, or a kind word when it is empty. */
function MonthList({
  title,
  items,
  empty = "Pas encore ce mois-ci.",
}: {
  title: string;
  items: Array<{ key: string; content: ReactNode }>;
  empty?: ReactNode;
}) {
  return (
    <div>
      <h3 className="mb-1 font-semibold">{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-gray-700">{empty}</p>
      ) : (
        <ul className="list-disc pl-5">
          {items.map((item) => (
            <li key={item.key}>{item.content}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

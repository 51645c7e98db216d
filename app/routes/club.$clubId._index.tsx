import { countOf, formatDate } from "~/utils/format";
import { zoneOfDepartement } from "~/utils/time/zones";
import type { ReactNode } from "react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ClubNav } from "~/components/club-nav";
import { BreakdownTable } from "~/components/breakdown-table";
import { MembersAtAGlanceTable, withQuery } from "~/components/club-members-glance";
import { Pager } from "~/components/pager";
import { FilterForm, FilterSearch, FilterSelect, YearFilter } from "~/components/filter-form";
import { KeyFigures } from "~/components/key-figures";
import { PageHeader, numberFormat, Section } from "~/components/page";
import { AttestedShare } from "~/components/attested-share";
import { membersAtAGlancePage, parseMemberQuery, type MemberSort } from "~/models/club.server";
import { clubThisMonth } from "~/models/emulation.server";
import { yearPeriod } from "~/models/figures.server";
import { keyFigures } from "~/models/figures-key.server";
import { attestedShare } from "~/models/attestations.server";
import { peopleByPublic } from "~/models/figures-breakdowns.server";
import { refuseClubPagePost, requireClubPage } from "~/utils/club-route.server";
import { yearChoices } from "~/utils/years";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.club.name ?? "Club"} — Engagés` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { clubId, club } = await requireClubPage(request, params, "club:manage");
  const now = new Date();
  const query = parseMemberQuery(
    new URL(request.url),
    now,
    zoneOfDepartement(club.departementCode),
  );
  const period = yearPeriod(query.annee);
  const [members, figures, byPublic, thisMonth, attested] = await Promise.all([
    membersAtAGlancePage(clubId, query, now),
    // With its département: the summaries' key starts with it.
    keyFigures({ clubId, departementCode: club.departementCode }, period),
    peopleByPublic({ clubId, departementCode: club.departementCode }, period),
    clubThisMonth(clubId, now),
    attestedShare(club.departementCode, query.annee, clubId),
  ]);
  return {
    club,
    query,
    years: yearChoices(now),
    ...members,
    figures,
    byPublic,
    thisMonth,
    attested,
  };
}

export const action = refuseClubPagePost;

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

export default function ClubHome() {
  const d = useLoaderData<typeof loader>();
  const zone = zoneOfDepartement(d.club.departementCode);
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
          Ce club a été fermé par l&apos;administration nationale le{" "}
          {formatDate(d.club.closedAt, zone)} : son historique et ses chiffres restent consultables,
          mais il n&apos;accueille plus de nouveaux membres, réunions, relances ni invitations.
        </p>
      ) : null}
      <Section id="ce-mois-ci" title="Ce mois-ci dans le club" className="card mb-8" large>
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
      </Section>
      <Section
        id="chiffres-club"
        title={<>Chiffres du club en {q.annee}</>}
        className="mb-8"
        headingClassName="mb-3 text-xl font-bold"
      >
        <KeyFigures figures={d.figures} />
        <AttestedShare
          share={d.attested}
          year={q.annee}
          campaignPath={`attestations?annee=${q.annee}`}
        />
        <p className="mt-3 text-sm">
          <Link to={`chiffres?annee=${q.annee}`}>
            Tous les chiffres du club : répartitions, tendance et export
          </Link>
        </p>
      </Section>
      <Section
        id="membres-club"
        title="Membres et prospects en un coup d'œil"
        className="card mb-8"
        headingClassName="mb-1 text-xl font-bold"
      >
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
          <FilterSearch
            label="Rechercher une entreprise"
            value={q.q}
            inputProps={{ autoComplete: "off" }}
          />
          <FilterSelect name="etat" label="État" value={q.etat} options={STATE_OPTIONS} />
          <FilterSelect name="tri" label="Trier par" value={q.tri} options={SORT_OPTIONS} />
          <YearFilter year={q.annee} years={d.years} />
        </FilterForm>
        <p className="mb-2 text-sm text-gray-700">
          {d.shown === d.total
            ? countOf(d.total, "entreprise")
            : `${numberFormat.format(d.shown)} sur ${countOf(d.total, "entreprise")}`}
          {d.pages > 1 ? ` — page ${d.page} sur ${d.pages}` : ""}
        </p>
        <MembersAtAGlanceTable query={q} members={d.members} zone={zone} />
        <Pager
          page={d.page}
          pages={d.pages}
          href={(page) => withQuery(q, { page })}
          label="Pages des membres"
        />
        <p className="mt-3 text-xs text-gray-700">
          Progression : part réalisée de l&apos;objectif de chaque engagement chiffré de
          l&apos;année (en cours ou atteint), plafonnée à 100 %, en moyenne sur ces engagements.
        </p>
      </Section>
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

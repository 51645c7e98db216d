import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/table-scroll";
import { numberFormat } from "~/components/page";
import type { MemberQuery, MemberSort } from "~/models/club.server";
import { MEMBER_ACTIVITY_LABELS, type MemberActivity } from "~/utils/domain";
import { formatDate } from "~/utils/format";
import type { TimeZone } from "~/utils/time/zones";

// The club home's table of its companies at a glance (club.$clubId._index): state, commitments,
// last declaration and progress, sorted and filtered through the URL (no JavaScript needed).

type MemberRow = {
  membershipId: string;
  status: string;
  activity: MemberActivity;
  company: { id: string; name: string; commune: { name: string } | null };
  commitments: number;
  commitmentsWithTarget: number;
  lastDeclaration: string | Date | null;
  progress: number | null;
};

const ACTIVITY_STYLES: Record<MemberActivity, string> = {
  ACTIVE: "bg-green-100 text-green-900",
  SILENT: "bg-amber-100 text-amber-900",
  PROSPECT: "bg-brand-100 text-brand-800",
  LEFT: "bg-gray-200 text-gray-800",
};

export /** The URL of the page with some of its query changed (back to page 1 unless `page` is). */
function withQuery(query: MemberQuery, changes: Partial<MemberQuery>) {
  const next = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.etat !== "tous") params.set("etat", next.etat);
  if (next.q) params.set("q", next.q);
  if (next.tri !== "nom") params.set("tri", next.tri);
  params.set("ordre", next.ordre);
  params.set("annee", String(next.annee));
  if (next.page > 1) params.set("page", String(next.page));
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

export function MembersAtAGlanceTable({
  query: q,
  members,
  zone,
}: {
  query: MemberQuery;
  members: MemberRow[];
  /** The club's time zone: the last declarations' dates are its days. */
  zone: TimeZone;
}) {
  return (
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
          {members.length === 0 ? (
            <tr>
              <td colSpan={5} className="text-gray-700">
                Aucune entreprise ne correspond à ces critères.
              </td>
            </tr>
          ) : null}
          {members.map((m) => (
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
                  {m.lastDeclaration ? formatDate(m.lastDeclaration, zone) : "jamais"}
                </span>
              </th>
              <td className="hidden sm:table-cell">
                <ActivityBadge activity={m.activity} />
              </td>
              <td className="hidden text-right tabular-nums md:table-cell">{m.commitments}</td>
              <td className="hidden whitespace-nowrap sm:table-cell">
                {m.lastDeclaration ? formatDate(m.lastDeclaration, zone) : "Jamais"}
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

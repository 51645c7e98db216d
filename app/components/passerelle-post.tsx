// One Passerelles post in a list: kind, trade, headcount, period, place, arrangement; and the
// sections of the Passerelles pages that hold them.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Section } from "./page";
import { formatDay } from "~/utils/format";
import { romeLabel } from "~/utils/rome";
import {
  ARRANGEMENT_LABELS,
  NETWORK_VISIBILITY_LABELS,
  POST_KIND_LABELS,
  type Arrangement,
} from "~/utils/schemas/passerelle";

export type PostView = {
  id: string;
  kind: string;
  arrangement: string;
  romeDomain: string;
  tradeLabel: string;
  headcount: number;
  startDate: string | Date;
  endDate: string | Date;
  description: string;
  visibility: string;
  status: string;
  company: { name: string };
  club: { name: string };
  commune: { name: string };
};

const day = (value: string | Date) => formatDay(value);

export function PostSummary({
  post,
  href,
  showCompany = false,
  headingLevel = 3,
}: {
  post: PostView;
  href?: string;
  showCompany?: boolean;
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const title = `${POST_KIND_LABELS[post.kind as "NEED"]} : ${post.headcount} × ${post.tradeLabel}`;
  return (
    <div>
      <p className="mb-1 flex flex-wrap gap-2 text-xs font-semibold uppercase tracking-wide">
        <span
          className={`rounded px-2 py-0.5 ${post.kind === "NEED" ? "bg-amber-100 text-amber-900" : "bg-emerald-100 text-emerald-900"}`}
        >
          {post.kind === "NEED" ? "Besoin" : "Disponible"}
        </span>
        {post.status !== "OPEN" ? (
          <span className="rounded bg-gray-200 px-2 py-0.5 text-gray-800">Close</span>
        ) : null}
      </p>
      <Heading className="text-lg font-semibold text-gray-900">
        {href ? <Link to={href}>{title}</Link> : title}
      </Heading>
      {showCompany ? (
        <p className="text-sm font-medium text-gray-800">
          {post.company.name} — {post.club.name}
        </p>
      ) : null}
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-sm text-gray-800">
        <dt className="font-medium">Métier</dt>
        <dd>{romeLabel(post.romeDomain)}</dd>
        <dt className="font-medium">Formule</dt>
        <dd>{ARRANGEMENT_LABELS[post.arrangement as Arrangement]}</dd>
        <dt className="font-medium">Période</dt>
        <dd>
          du {day(post.startDate)} au {day(post.endDate)}
        </dd>
        <dt className="font-medium">Lieu</dt>
        <dd>{post.commune.name}</dd>
        <dt className="font-medium">Visible par</dt>
        <dd>{NETWORK_VISIBILITY_LABELS[post.visibility as "CLUB"]}</dd>
      </dl>
      {post.description ? <p className="mt-2 text-sm text-gray-800">{post.description}</p> : null}
    </div>
  );
}

/** A part of a Passerelles page: no card, a large heading (`mb-1` before an explanation). */
export function PasserelleSection({
  id,
  title,
  className = "",
  headingClassName = "mb-3 text-xl font-semibold text-gray-900",
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  headingClassName?: string;
  children: ReactNode;
}) {
  return (
    <Section id={id} title={title} className={className} headingClassName={headingClassName}>
      {children}
    </Section>
  );
}

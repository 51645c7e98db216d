import { Link } from "@remix-run/react";

// The share of member companies whose declarations of a year stand attested (decision 030), on
// the club, département and national dashboards while a campaign concerns that year.

type Share = { members: number; attested: number; percent: number } | null;

export function AttestedShare({
  share,
  year,
  campaignPath,
  className = "mt-3",
}: {
  share: Share;
  year: number;
  campaignPath: string;
  className?: string;
}) {
  if (!share) return null;
  const plural = share.attested > 1 ? "s" : "";
  return (
    <p className={className}>
      Déclarations {year} attestées : {share.attested} entreprise{plural} membre{plural} sur{" "}
      {share.members} ({share.percent} %). <Link to={campaignPath}>Suivre la campagne</Link>
    </p>
  );
}

// The draw of a verification sample (decision 032), pure and reproducible: shared by the model
// and the demo data, so that a sample's seed always replays to the same companies.
import { createHash } from "node:crypto";

/** A company's rank in a draw: the SHA-256 of the seed and its id, the same on every replay. */
const rankOf = (seed: string, companyId: string) =>
  createHash("sha256").update(`${seed}:${companyId}`).digest("hex");

/**
 * The draw itself, pure and reproducible: per club, the companies ranked by rankOf, the first
 * `rate` per cent of them (at least one when the club has any).
 */
export function drawStratified(
  seed: string,
  ratePercent: number,
  candidates: { companyId: string; clubId: string }[],
) {
  const byClub = new Map<string, string[]>();
  for (const c of candidates) byClub.set(c.clubId, [...(byClub.get(c.clubId) ?? []), c.companyId]);
  return [...byClub.entries()].flatMap(([clubId, companyIds]) => {
    const size = Math.max(1, Math.ceil((companyIds.length * ratePercent) / 100));
    return companyIds
      .map((companyId) => ({ companyId, rank: rankOf(seed, companyId) }))
      .sort((a, b) => a.rank.localeCompare(b.rank))
      .slice(0, size)
      .map(({ companyId }) => ({ companyId, clubId }));
  });
}

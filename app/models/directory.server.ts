// The members' directory: each company's card (what it shows, who sees it) and the search a
// member runs over the cards it may see.

import { audit } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { dialect } from "~/utils/sql-dialect.server";
import { HEADCOUNT_BRACKETS, labelOf } from "~/utils/domain";
import { visibleCompaniesWhere, type NetworkScope } from "~/utils/permissions.server";
import { isRomeDomaine, parseRomeList } from "~/utils/rome";
import { stemOf, wordsOf } from "~/utils/stems";
import type { CardInput } from "~/utils/schemas/passerelle";

/** A company without a card shows the defaults: listed in its club, every field shown. */
const DEFAULT_CARD = {
  listed: true,
  visibility: "CLUB",
  showSector: true,
  showHeadcount: true,
  showCommune: true,
  tradesEmployed: "",
  tradesRecruited: "",
  offer: "",
  seek: "",
  contactEmail: "",
};

export async function getCard(companyId: string) {
  const card = await prisma.directoryCard.findUnique({ where: { companyId } });
  const values = card ?? DEFAULT_CARD;
  return {
    ...values,
    tradesEmployed: parseRomeList(values.tradesEmployed),
    tradesRecruited: parseRomeList(values.tradesRecruited),
  };
}

export async function saveCard(actorId: string, companyId: string, input: CardInput) {
  const data = {
    listed: input.listed,
    visibility: input.visibility,
    showSector: input.showSector,
    showHeadcount: input.showHeadcount,
    showCommune: input.showCommune,
    tradesEmployed: input.tradesEmployed.join(","),
    tradesRecruited: input.tradesRecruited.join(","),
    offer: input.offer ?? "",
    seek: input.seek ?? "",
    contactEmail: input.contactEmail ?? "",
  };
  await prisma.$transaction(async (tx) => {
    const before = await tx.directoryCard.findUnique({ where: { companyId } });
    await tx.directoryCard.upsert({
      where: { companyId },
      create: { companyId, ...data },
      update: data,
    });
    await audit(tx, {
      actorId,
      action: before ? "UPDATE" : "CREATE",
      entityType: "DirectoryCard",
      entityId: companyId,
      companyId,
      before,
      after: data,
    });
  });
}

export type DirectoryFilters = {
  q: string;
  /** A ROME domaine professionnel: companies that employ or recruit it. */
  trade: string;
  /** "RECRUITS": only companies that recruit the trade (or, without a trade, anything). */
  recruiting: boolean;
  scope: "ALL" | "CLUB";
};

export function parseDirectoryFilters(params: URLSearchParams): DirectoryFilters {
  const trade = params.get("metier") ?? "";
  return {
    q: (params.get("q") ?? "").trim().slice(0, 60),
    trade: isRomeDomaine(trade) ? trade : "",
    recruiting: params.get("recrute") === "1",
    scope: params.get("portee") === "club" ? "CLUB" : "ALL",
  };
}

/**
 * What the directory looks for, one needle per word typed (every word must be found in one of
 * the card's texts): the part the word shares with its French stem (decision 020), so that
 * "recrutement" finds "recruter" and "apprentis" finds "apprentissage", as long as that part
 * keeps 3 letters; otherwise the word itself.
 */
export function searchNeedles(q: string): string[] {
  return wordsOf(q)
    .slice(0, 6)
    .map((word) => {
      const stem = stemOf(word);
      let common = 0;
      while (common < stem.length && stem[common] === word[common]) common++;
      return common >= 3 ? word.slice(0, common) : word;
    });
}

/** The cards a company may see, filtered; each card holds only the fields its company shows. */
export async function searchDirectory(scope: NetworkScope, filters: DirectoryFilters) {
  const tradeWhere = filters.trade
    ? {
        directoryCard: {
          is: filters.recruiting
            ? { tradesRecruited: { contains: filters.trade } }
            : {
                OR: [
                  { tradesEmployed: { contains: filters.trade } },
                  { tradesRecruited: { contains: filters.trade } },
                ],
              },
        },
      }
    : filters.recruiting
      ? { directoryCard: { is: { tradesRecruited: { not: "" } } } }
      : {};
  const companies = await prisma.company.findMany({
    where: {
      AND: [
        visibleCompaniesWhere(scope),
        tradeWhere,
        ...searchNeedles(filters.q).map((needle) => ({
          OR: [
            { name: dialect.containsAnyCase(needle) },
            { nafLabel: dialect.containsAnyCase(needle) },
            { commune: { name: dialect.containsAnyCase(needle) } },
            { directoryCard: { is: { offer: dialect.containsAnyCase(needle) } } },
            { directoryCard: { is: { seek: dialect.containsAnyCase(needle) } } },
          ],
        })),
        filters.scope === "CLUB"
          ? { memberships: { some: { clubId: { in: scope.clubIds }, status: "MEMBER" } } }
          : {},
      ],
    },
    orderBy: { name: "asc" },
    take: 200,
    select: {
      id: true,
      name: true,
      nafLabel: true,
      headcountBracket: true,
      commune: { select: { name: true } },
      directoryCard: true,
      memberships: {
        where: { status: "MEMBER" },
        select: { club: { select: { id: true, name: true } } },
      },
    },
  });
  // French order (SQLite sorts "Équipements" after "Z").
  companies.sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return companies.map((c) => {
    const card = c.directoryCard ?? DEFAULT_CARD;
    return {
      id: c.id,
      name: c.name,
      clubs: c.memberships.map((m) => m.club.name),
      sameClub: c.memberships.some((m) => scope.clubIds.includes(m.club.id)),
      sector: card.showSector ? c.nafLabel : null,
      headcount:
        card.showHeadcount && c.headcountBracket
          ? labelOf(HEADCOUNT_BRACKETS, c.headcountBracket)
          : null,
      commune: card.showCommune ? (c.commune?.name ?? null) : null,
      tradesEmployed: parseRomeList(card.tradesEmployed),
      tradesRecruited: parseRomeList(card.tradesRecruited),
      offer: card.offer,
      seek: card.seek,
    };
  });
}

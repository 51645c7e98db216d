// The national-scale generator (scripts/seed-scale.ts) at a tiny scale on this file's database:
// counts, valid SIRETs, coherent département codes, and rows that Prisma reads back.
import { describe, expect, it } from "vitest";
import { generateScaleData, BIG_DEPARTEMENT, SMALL_DEPARTEMENT } from "../scripts/seed-scale";
import { databaseFilePath } from "~/utils/database-url.js";
import { prisma } from "~/utils/db.server";
import { isValidSiret } from "~/utils/siret";

describe("seed-scale", () => {
  it("génère un petit programme national cohérent", async () => {
    const file = databaseFilePath(process.env.DATABASE_URL!)!;
    const report = await generateScaleData({ file, scale: 0.001, seed: 7 });
    expect(report).toMatchObject({
      departements: 3,
      clubs: 9,
      companies: 100,
      memberships: 100,
      commitments: 400,
      realisations: 3000,
      users: 4,
    });

    expect(await prisma.company.count()).toBe(100);
    expect(await prisma.club.count()).toBe(9);
    expect(await prisma.commitment.count()).toBe(400);
    expect(await prisma.realisation.count()).toBe(3000);
    expect(await prisma.commitmentPublic.count()).toBe(report.commitmentPublics);

    // The figure summaries are rebuilt after the bulk load and their triggers are back.
    const [summary] = await prisma.$queryRawUnsafe<{ n: bigint | number; q: bigint | number }[]>(
      `SELECT SUM(realisations) AS n, SUM(quantity) AS q FROM "RealisationMonthly"
       WHERE departementCode = '*'`,
    );
    const [direct] = await prisma.$queryRawUnsafe<{ q: bigint | number }[]>(
      `SELECT SUM(quantity) AS q FROM "Realisation"`,
    );
    expect([Number(summary.n), Number(summary.q)]).toEqual([3000, Number(direct.q)]);
    const [profile] = await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(
      `SELECT SUM(realisations) AS n FROM "RealisationMonthlyProfile"
       WHERE dimension = 'NAF' AND clubId <> '*'`,
    );
    expect(Number(profile.n)).toBe(3000);
    // The national view's summaries too (decision 035).
    const [national] = await prisma.$queryRawUnsafe<
      { d: bigint | number; dd: bigint | number; n: bigint | number }[]
    >(
      `SELECT (SELECT SUM(realisations) FROM "RealisationDepartementMonthly") AS d,
        (SELECT SUM(realisations) FROM "RealisationDepartementDaily") AS dd,
        (SELECT SUM(realisations) FROM "RealisationNationalDaily") AS n`,
    );
    expect([national.d, national.dd, national.n].map(Number)).toEqual([3000, 3000, 3000]);
    const [members] = await prisma.$queryRawUnsafe<{ s: bigint | number; c: bigint | number }[]>(
      `SELECT (SELECT SUM(members) FROM "ClubMemberCount") AS s,
        (SELECT COUNT(*) FROM "ClubMembership" WHERE status = 'MEMBER') AS c`,
    );
    expect(Number(members.s)).toBe(Number(members.c));
    const [triggers] = await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(
      `SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Realisation'`,
    );
    // The figure summaries' three, the outcome summary's two (decision 029), the attestation
    // flags' three (decision 030) and the national summaries' six (decision 035), recreated.
    expect(Number(triggers.n)).toBe(14);

    const companies = await prisma.company.findMany({
      select: { siret: true, siren: true, nafCode: true, headcountBracket: true, commune: true },
    });
    for (const c of companies) {
      expect(isValidSiret(c.siret), c.siret).toBe(true);
      expect(c.siret.slice(0, 9)).toBe(c.siren);
      expect(c.nafCode).toMatch(/^\d{2}\.\d{2}[A-Z]$/);
      expect(c.headcountBracket).toBeTruthy();
    }

    // Every realisation's (and commitment's) département is its club's; every company's commune
    // is in the département of its club.
    const [realisationMismatch] = await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(
      `SELECT COUNT(*) AS n FROM "Realisation" r JOIN "Club" c ON c.id = r.clubId
       WHERE r.departementCode IS NOT c.departementCode`,
    );
    expect(Number(realisationMismatch.n)).toBe(0);
    const [commitmentMismatch] = await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(
      `SELECT COUNT(*) AS n FROM "Commitment" m JOIN "Club" c ON c.id = m.clubId
       WHERE m.departementCode IS NOT c.departementCode`,
    );
    expect(Number(commitmentMismatch.n)).toBe(0);
    const [communeMismatch] = await prisma.$queryRawUnsafe<{ n: bigint | number }[]>(
      `SELECT COUNT(*) AS n FROM "Company" co
       JOIN "ClubMembership" m ON m.companyId = co.id JOIN "Club" c ON c.id = m.clubId
       JOIN "Commune" cm ON cm.code = co.communeCode
       WHERE cm.departementCode IS NOT c.departementCode`,
    );
    expect(Number(communeMismatch.n)).toBe(0);

    // Prisma reads the dates back, and the big département carries more than the small one.
    const first = await prisma.realisation.findFirstOrThrow({ orderBy: { date: "asc" } });
    expect(first.date).toBeInstanceOf(Date);
    const [big, small] = await Promise.all(
      [BIG_DEPARTEMENT, SMALL_DEPARTEMENT].map((departementCode) =>
        prisma.realisation.count({ where: { departementCode } }),
      ),
    );
    expect(big).toBeGreaterThan(small * 3);

    const roles = await prisma.roleAssignment.findMany({
      where: { user: { email: { endsWith: "@scale.test" } } },
      select: { role: true, departementCode: true },
    });
    expect(roles.filter((r) => r.role === "ADMIN")).toHaveLength(1);
    expect(roles.find((r) => r.departementCode === BIG_DEPARTEMENT)?.role).toBe("PREFECTURE");
  });
});

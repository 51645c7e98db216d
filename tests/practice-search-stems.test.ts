// French stemming in the practices' search (issue 18, point 8; decision 020), on real SQLite:
// a query's words find their other forms through Practice.searchStems, prefixes still work,
// unrelated words do not match, and practices written before the stems get them by the backfill.
import { beforeAll, describe, expect, test } from "vitest";
import { addMembership, insertClub, insertCompany, insertPractice } from "../prisma/factories";
import {
  backfillPracticeStems,
  ftsQuery,
  searchPracticeIds,
  tsQuery,
} from "~/models/practice-search.server";
import { prisma } from "~/utils/db.server";
import { stemOf, stemsOf } from "~/utils/stems";

const titles = new Map<string, string>();
beforeAll(async () => {
  const club = await insertClub(prisma, { name: "Club Stems", departementCode: "62" });
  const company = await insertCompany(prisma, { name: "Entreprise Stems" });
  await addMembership(prisma, { companyId: company.id, clubId: club.id });
  const texts: [string, string][] = [
    ["Recruter sans CV", "Nous avons recruté trois personnes par des mises en situation."],
    ["Deux recrutements en insertion", "Avec la mission locale du bassin."],
    ["Accueillir des apprentis", "Un tuteur pour chaque jeune, des horaires aménagés."],
    ["Apprentissage du soudage", "Un atelier école ouvert le samedi matin."],
    ["Recueil de témoignages", "Les salariés racontent leur parcours."],
    ["Éducation au numérique", "Des ateliers pour les seniors du quartier."],
    ["Nos employés parrains", "Chaque nouvel arrivant a son parrain."],
  ];
  for (const [title, body] of texts) {
    const practice = await insertPractice(prisma, {
      companyId: company.id,
      clubId: club.id,
      title,
      body,
    });
    titles.set(practice.id, title);
  }
});

const search = async (q: string) =>
  ((await searchPracticeIds(q)) ?? [])
    .map((id) => titles.get(id))
    .filter(Boolean)
    .sort();

describe("stems", () => {
  test("the Snowball French stemmer gathers a word's forms", () => {
    expect(stemOf("recrutement")).toBe("recrut");
    expect(stemOf("recrutements")).toBe(stemOf("recruter"));
    expect(stemOf("Recruté")).toBe("recrut");
    expect(stemOf("apprentis")).toBe("apprent");
    // Short words and numbers are kept as written.
    expect(stemOf("BTP")).toBe("btp");
    expect(stemOf("2025")).toBe("2025");
    expect(stemsOf("Recruter des apprentis", "recrutement")).toBe("recrut des apprent");
  });

  test("queries: each word or its stem a prefix; no syntax gets through", () => {
    expect(ftsQuery("recrutements")).toBe('("recrutements"* OR "recrut"*)');
    expect(ftsQuery('tuteur" OR body:*')).toBe('"tuteur"* AND "or"* AND "body"*');
    expect(tsQuery("apprentis BTP")).toBe("(apprentis:* | apprent:*) & btp:*");
    expect(ftsQuery("  ;  ")).toBeNull();
  });
});

describe("searching the practices", () => {
  test("recrutement finds recruter, recruté and recrutements", async () => {
    expect(await search("recrutement")).toEqual([
      "Deux recrutements en insertion",
      "Recruter sans CV",
    ]);
    expect(await search("recruter")).toEqual([
      "Deux recrutements en insertion",
      "Recruter sans CV",
    ]);
  });

  test("apprentis finds apprentissage; accents and case ignored", async () => {
    expect(await search("apprentis")).toEqual([
      "Accueillir des apprentis",
      "Apprentissage du soudage",
    ]);
    expect(await search("EDUCATION")).toEqual(["Éducation au numérique"]);
  });

  test("prefixes still work, and every word is required", async () => {
    expect(await search("recr")).toEqual(["Deux recrutements en insertion", "Recruter sans CV"]);
    expect(await search("apprenti soudage")).toEqual(["Apprentissage du soudage"]);
  });

  test("non-examples: words that only look alike are not found", async () => {
    // "recueil" is not a form of "recruter", nor "apprentissage" of "apprendre" here.
    expect(await search("recueil")).toEqual(["Recueil de témoignages"]);
    expect(await search("recrutement témoignages")).toEqual([]);
    expect(await search("apprendre")).toEqual([]);
    expect(await search("éduquer")).toEqual([]);
  });

  test("practices written before the stems get them from the backfill", async () => {
    // "emploi" finds "employés" through the stems only (their stem is "emploi").
    expect(await search("emploi")).toEqual(["Nos employés parrains"]);
    const practice = await prisma.practice.findFirstOrThrow({
      where: { title: "Nos employés parrains" },
      select: { id: true, updatedAt: true },
    });
    await prisma.$executeRaw`UPDATE "Practice" SET "searchStems" = '' WHERE "id" = ${practice.id}`;
    expect(await search("emploi")).toEqual([]);
    expect(await backfillPracticeStems()).toBeGreaterThanOrEqual(1);
    expect(await search("emploi")).toEqual(["Nos employés parrains"]);
    const after = await prisma.practice.findUniqueOrThrow({ where: { id: practice.id } });
    expect(after.updatedAt).toEqual(practice.updatedAt);
    expect(await backfillPracticeStems()).toBe(0);
  });
});

// The server's guard against double posts (issue 18, point 8): the same content sent twice by
// the same person within the window (app/utils/duplicates.server.ts) creates one row — comments,
// practices, Passerelles posts, realisations —, while different content, another person or a
// later send still create their own.
import { beforeAll, describe, expect, test, vi } from "vitest";
import {
  addMembership,
  insertClub,
  insertCompany,
  insertPractice,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { createPost } from "~/models/passerelle.server";
import { commentOn, createPracticeFor } from "~/models/practice.server";
import { createRealisation } from "~/models/realisation.server";
import { prisma } from "~/utils/db.server";
import { DUPLICATE_WINDOW_MS } from "~/utils/duplicates.server";
import { networkScope } from "~/utils/permissions.server";
import { practiceSchema } from "~/utils/schemas/practice";
import { postSchema } from "~/utils/schemas/passerelle";

let w: {
  clubId: string;
  companyId: string;
  authorId: string;
  colleagueId: string;
  practiceId: string;
};

beforeAll(async () => {
  const club = await insertClub(prisma, { name: "Club Doublons", departementCode: "62" });
  const company = await insertCompany(prisma, { name: "Doublons SA", communeCode: "62041" });
  await addMembership(prisma, { companyId: company.id, clubId: club.id });
  const author = await insertUser(prisma, { name: "Autrice" });
  const colleague = await insertUser(prisma, { name: "Collègue" });
  for (const u of [author, colleague]) {
    await grantRole(prisma, u.id, { role: "COMPANY", companyId: company.id });
  }
  const practice = await insertPractice(prisma, { companyId: company.id, clubId: club.id });
  w = {
    clubId: club.id,
    companyId: company.id,
    authorId: author.id,
    colleagueId: colleague.id,
    practiceId: practice.id,
  };
});

/** Runs `fn` as if DUPLICATE_WINDOW_MS and a second had passed. */
async function later<T>(fn: () => Promise<T>) {
  vi.useFakeTimers({ now: Date.now() + DUPLICATE_WINDOW_MS + 1000, toFake: ["Date"] });
  try {
    return await fn();
  } finally {
    vi.useRealTimers();
  }
}

describe("comments", () => {
  test("the same comment twice: one; another text or another person: their own", async () => {
    const count = () => prisma.comment.count({ where: { practiceId: w.practiceId } });
    const body = "Merci, nous allons essayer la même chose au printemps.";
    await commentOn(w.authorId, w.practiceId, body);
    await commentOn(w.authorId, w.practiceId, body);
    await Promise.all([1, 2].map(() => commentOn(w.authorId, w.practiceId, body)));
    expect(await count()).toBe(1);
    await commentOn(w.authorId, w.practiceId, `${body} Et vous ?`);
    await commentOn(w.colleagueId, w.practiceId, body);
    expect(await count()).toBe(3);
    await later(() => commentOn(w.authorId, w.practiceId, body));
    expect(await count()).toBe(4);
  });
});

describe("practices", () => {
  test("the same practice twice: the first one's id, one row", async () => {
    const values = practiceSchema.parse({
      clubId: w.clubId,
      title: "Un parrain pour chaque arrivant",
      body: "Chaque nouvel arrivant a un parrain volontaire pendant trois mois.",
      visibility: "CLUB",
    });
    const first = await createPracticeFor(w.authorId, w.companyId, values, []);
    const second = await createPracticeFor(w.authorId, w.companyId, values, []);
    expect(second).toBe(first);
    expect(await prisma.practice.count({ where: { title: values.title } })).toBe(1);
    const other = await createPracticeFor(
      w.authorId,
      w.companyId,
      { ...values, body: `${values.body} Bilan à six mois.` },
      [],
    );
    expect(other).not.toBe(first);
  });
});

describe("Passerelles posts", () => {
  test("the same post twice: one; later, a new one", async () => {
    const input = postSchema.parse({
      kind: "NEED",
      arrangement: "LOAN",
      romeDomain: "H29",
      tradeLabel: "Soudeur TIG",
      headcount: "2",
      startDate: "2027-02-01",
      endDate: "2027-05-31",
      communeCode: "62041",
      visibility: "CLUB",
    });
    const scope = await networkScope(w.companyId);
    const first = await createPost(w.authorId, scope, input);
    expect(await createPost(w.authorId, scope, input)).toBe(first);
    expect(await prisma.passerellePost.count({ where: { companyId: w.companyId } })).toBe(1);
    const headcount3 = await createPost(w.authorId, scope, { ...input, headcount: 3 });
    expect(headcount3).not.toBe(first);
    const afterWindow = await later(() => createPost(w.authorId, scope, input));
    expect(afterWindow).not.toBe(first);
    expect(await prisma.passerellePost.count({ where: { companyId: w.companyId } })).toBe(3);
  });
});

describe("realisations", () => {
  test("the same declaration twice from the form: one", async () => {
    const input = {
      date: "2026-03-02",
      actionTypeCode: "IMMERSION",
      publicCategoryCode: "DELD",
      quantity: 2,
      qpv: "UNKNOWN",
    } as const;
    const count = () => prisma.realisation.count({ where: { companyId: w.companyId } });
    const first = await createRealisation(w.authorId, w.companyId, input);
    expect(await createRealisation(w.authorId, w.companyId, input)).toBe(first);
    expect(await count()).toBe(1);
    await createRealisation(w.authorId, w.companyId, { ...input, quantity: 3 });
    await createRealisation(w.colleagueId, w.companyId, input);
    expect(await count()).toBe(3);
  });
});

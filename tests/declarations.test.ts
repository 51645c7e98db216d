// Commitments and realisations written through the models: validation in French, catalogue
// check, club attachment, audit trail, and never another company's rows.
import { beforeAll, describe, expect, test } from "vitest";
import { addMembership, insertClub, insertCompany, insertUser } from "../prisma/factories";
import {
  CommitmentError,
  createCommitment,
  getCommitment,
  setCommitmentStatus,
  updateCommitment,
} from "~/models/commitment.server";
import {
  RealisationError,
  createRealisation,
  createRealisations,
  deleteRealisation,
  updateRealisation,
} from "~/models/realisation.server";
import { historyOf } from "~/utils/audit.server";
import { prisma } from "~/utils/db.server";
import { commitmentSchema } from "~/utils/schemas/commitment";
import { realisationSchema, type RealisationInput } from "~/utils/schemas/realisation";

let companyA: { id: string };
let companyB: { id: string };
let loner: { id: string };
let clubId: string;
let actorId: string;

beforeAll(async () => {
  const club = await insertClub(prisma, { departementCode: "62" });
  clubId = club.id;
  companyA = await insertCompany(prisma, { communeCode: "62041" });
  companyB = await insertCompany(prisma, { communeCode: "62498" });
  loner = await insertCompany(prisma, { communeCode: "62498" });
  await addMembership(prisma, { companyId: companyA.id, clubId });
  await addMembership(prisma, { companyId: companyB.id, clubId });
  actorId = (await insertUser(prisma, { name: "Claire Test" })).id;
});

const year = new Date().getUTCFullYear();
const commitmentInput = () =>
  commitmentSchema.parse({
    year: String(year),
    themeCode: "INCLUSION",
    actionTypeCode: "HIRE",
    publics: ["DELD", "RSA"],
    ambition: "Recruter cinq demandeurs d'emploi de longue durée.",
    targetQuantity: "5",
    startDate: `${year}-01-01`,
    endDate: `${year}-12-31`,
  });
const hire = (overrides: Partial<RealisationInput> = {}): RealisationInput => ({
  date: `${year}-01-15`,
  actionTypeCode: "HIRE",
  publicCategoryCode: "DELD",
  contractType: "CDI",
  quantity: 1,
  qpv: "UNKNOWN",
  ...overrides,
});

describe("commitment schema", () => {
  test("explains every mistake in French", () => {
    const result = commitmentSchema.safeParse({
      year: "2026",
      themeCode: "NOPE",
      actionTypeCode: "HIRE",
      ambition: "court",
      targetQuantity: "-3",
      startDate: "2026-12-31",
      endDate: "2026-01-01",
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        "Choisissez un thème.",
        "Choisissez au moins un public.",
        "Décrivez votre engagement en quelques mots (10 caractères au moins).",
        "L'objectif doit être d'au moins 1.",
      ]),
    );
  });

  test("the end comes after the start, and « Autre » needs words", () => {
    const result = commitmentSchema.safeParse({
      ...commitmentInput(),
      publics: ["OTHER"],
      startDate: `${year}-06-01`,
      endDate: `${year}-01-01`,
    });
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain("La fin doit venir après le début.");
    expect(messages).toContain("Précisez le public « Autre ».");
  });
});

describe("commitments", () => {
  test("are created in the company's club and département, with their publics and an audit entry", async () => {
    const id = await createCommitment(actorId, companyA.id, commitmentInput());
    const commitment = await prisma.commitment.findUniqueOrThrow({
      where: { id },
      include: { publics: true },
    });
    expect(commitment.clubId).toBe(clubId);
    expect(commitment.departementCode).toBe("62");
    expect(commitment.targetUnit).toBe("PEOPLE");
    expect(commitment.publics.map((p) => p.publicCategoryCode).sort()).toEqual(["DELD", "RSA"]);
    const history = await historyOf("Commitment", id);
    expect(history.map((h) => h.action)).toEqual(["CREATE"]);
    expect(history[0].actor?.name).toBe("Claire Test");
  });

  test("outside the year's catalogue are refused", async () => {
    const error = await createCommitment(actorId, companyA.id, {
      ...commitmentInput(),
      themeCode: "INCLUSIVE_PURCHASING",
      actionTypeCode: "HIRE",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(CommitmentError);
    expect(error.field).toBe("actionTypeCode");
  });

  test("need a club", async () => {
    await expect(createCommitment(actorId, loner.id, commitmentInput())).rejects.toThrow(
      "Votre entreprise n'est membre d'aucun club",
    );
  });

  test("edits and status changes are logged with before and after; other companies cannot touch them", async () => {
    const id = await createCommitment(actorId, companyA.id, commitmentInput());
    await updateCommitment(actorId, companyA.id, id, {
      ...commitmentInput(),
      publics: ["SENIOR"],
      targetQuantity: 8,
    });
    await setCommitmentStatus(actorId, companyA.id, id, "ACHIEVED");
    const history = await historyOf("Commitment", id);
    expect(history.map((h) => h.action)).toEqual(["STATUS", "UPDATE", "CREATE"]);
    expect(JSON.parse(history[1].before!).publics).toEqual(["DELD", "RSA"]);
    expect(JSON.parse(history[1].after!).publics).toEqual(["SENIOR"]);

    await expect(setCommitmentStatus(actorId, companyB.id, id, "ABANDONED")).rejects.toThrow(
      "Cet engagement n'existe pas.",
    );
    await expect(updateCommitment(actorId, companyB.id, id, commitmentInput())).rejects.toThrow(
      CommitmentError,
    );
    expect(await getCommitment(companyB.id, id)).toBeNull();
    expect((await getCommitment(companyA.id, id))?.status).toBe("ACHIEVED");
  });
});

describe("realisations", () => {
  test("the schema asks for a contract on hires, refuses the future and oversized numbers", () => {
    const messagesOf = (input: Record<string, unknown>) =>
      realisationSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];
    // Tomorrow in La Réunion, the app's latest zone: the future for every club.
    const tomorrow = new Date(Date.now() + 4 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    expect(messagesOf({ ...hire(), contractType: undefined })).toEqual([
      "Pour un recrutement, indiquez le type de contrat.",
    ]);
    expect(messagesOf({ ...hire(), date: tomorrow })).toEqual([
      "La date ne peut pas être dans le futur.",
    ]);
    expect(messagesOf({ ...hire(), quantity: "20000" })).toEqual([
      expect.stringMatching(/^Le nombre ne peut pas dépasser 10\s000\.$/),
    ]);
    expect(messagesOf({ ...hire(), date: "2026-02-30" })).toEqual(["Cette date n'existe pas."]);
    expect(messagesOf({ ...hire(), quantity: "2,5" })).toEqual(["Indiquez un nombre."]);
  });

  test("count towards their commitment, in its club, with the action type's unit", async () => {
    const commitmentId = await createCommitment(actorId, companyA.id, commitmentInput());
    await createRealisation(actorId, companyA.id, hire({ quantity: 2, commitmentId }));
    await createRealisation(actorId, companyA.id, hire({ quantity: 1, commitmentId }));
    const purchase = await createRealisation(
      actorId,
      companyA.id,
      hire({ actionTypeCode: "INCLUSIVE_PURCHASE", contractType: undefined, quantity: 12_000 }),
    );
    expect((await getCommitment(companyA.id, commitmentId))?.progress.realised).toBe(3);
    const row = await prisma.realisation.findUniqueOrThrow({ where: { id: purchase } });
    expect(row.unit).toBe("EUROS");
    expect(row.clubId).toBe(clubId);
    expect(row.departementCode).toBe("62");
  });

  test("cannot be attached to another company's commitment, nor edited or deleted by it", async () => {
    const commitmentId = await createCommitment(actorId, companyA.id, commitmentInput());
    const before = await prisma.realisation.count();
    const error = await createRealisation(actorId, companyB.id, hire({ commitmentId })).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(RealisationError);
    expect(error.message).toBe("Cet engagement n'existe pas pour votre entreprise.");
    expect(await prisma.realisation.count()).toBe(before);

    const id = await createRealisation(actorId, companyA.id, hire());
    await expect(
      updateRealisation(actorId, companyB.id, id, hire({ quantity: 9 })),
    ).rejects.toThrow(RealisationError);
    await expect(deleteRealisation(actorId, companyB.id, id)).rejects.toThrow(RealisationError);
    expect((await prisma.realisation.findUniqueOrThrow({ where: { id } })).quantity).toBe(1);

    await updateRealisation(actorId, companyA.id, id, hire({ quantity: 4 }));
    await deleteRealisation(actorId, companyA.id, id);
    expect((await historyOf("Realisation", id)).map((h) => h.action)).toEqual([
      "DELETE",
      "UPDATE",
      "CREATE",
    ]);
  });

  test("written in bulk (imports), they read back exactly as entered", async () => {
    const before = new Date();
    await prisma.$transaction((tx) =>
      createRealisations(tx, actorId, companyA.id, [
        hire({ date: `${year}-03-04`, quantity: 3, note: "Promotion de mars" }),
        hire({
          actionTypeCode: "VOLUNTEERING",
          contractType: undefined,
          quantity: 120,
          qpv: "YES",
        }),
      ]),
    );
    const rows = await prisma.realisation.findMany({
      where: {
        companyId: companyA.id,
        OR: [{ note: "Promotion de mars" }, { actionTypeCode: "VOLUNTEERING" }],
      },
      orderBy: { quantity: "asc" },
    });
    expect(rows.map((r) => [r.quantity, r.unit, r.qpv, r.clubId, r.departementCode])).toEqual([
      [3, "PEOPLE", "UNKNOWN", clubId, "62"],
      [120, "HOURS", "YES", clubId, "62"],
    ]);
    expect(rows[0].date.toISOString()).toBe(`${year}-03-04T00:00:00.000Z`);
    expect(rows[0].createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(
      await prisma.realisation.count({
        where: {
          companyId: companyA.id,
          date: {
            gte: new Date(`${year}-03-04T00:00:00Z`),
            lt: new Date(`${year}-03-05T00:00:00Z`),
          },
        },
      }),
    ).toBe(1);
  });
});

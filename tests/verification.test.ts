// Verification of attested declarations (issue 15 point 5): a reproducible draw stratified by
// club among the attestations that still stand, the companies' answers with a file checked by its
// bytes, the prefecture's results; every refusal in French with nothing written.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import {
  addMembership,
  grantRole,
  insertClub,
  insertCompany,
  insertRealisation,
  insertUser,
} from "../prisma/factories";
import {
  VerificationError,
  answerCheck,
  drawSample,
  drawStratified,
  recordCheckResult,
} from "~/models/verification.server";
import { action as answerAction } from "~/routes/entreprise.$companyId.verification.$checkId";
import { loader as pieceLoader } from "~/routes/prefecture.$departementCode.pieces.$checkId";
import { loader as csvLoader } from "~/routes/prefecture.$departementCode.verification[.]csv";
import { prisma } from "~/utils/db.server";
import { EVIDENCE_MAX_BYTES } from "~/utils/evidence-file.server";
import { appRequest, routeOutcome, sessionCookieFor } from "./utils/session";

const refused = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof VerificationError ? error.message : error),
  );

describe("the draw", () => {
  const candidates = [
    ...Array.from({ length: 20 }, (_, i) => ({ companyId: `a${i}`, clubId: "A" })),
    ...Array.from({ length: 3 }, (_, i) => ({ companyId: `b${i}`, clubId: "B" })),
  ];

  test("is the same for the same seed, differs for another, and takes the rate per club (one at least)", () => {
    const first = drawStratified("graine", 10, candidates);
    expect(drawStratified("graine", 10, [...candidates].reverse())).toEqual(
      expect.arrayContaining(first),
    );
    expect(first.filter((d) => d.clubId === "A")).toHaveLength(2);
    expect(first.filter((d) => d.clubId === "B")).toHaveLength(1);
    const others = drawStratified("autre graine", 10, candidates);
    expect(others.map((d) => d.companyId)).not.toEqual(first.map((d) => d.companyId));
    expect(drawStratified("graine", 50, candidates).filter((d) => d.clubId === "B")).toHaveLength(
      2,
    );
  });
});

describe("a sample, its answers and results", () => {
  const companies: string[] = [];
  const clubOf: string[] = [];
  let prefectureId: string;
  let leaderId: string;
  let editedId: string;
  /** The first check of the draw (whichever companies the random seed drew), with its leader. */
  const drawnCheck = () => prisma.verificationCheck.findFirstOrThrow({ orderBy: { id: "asc" } });

  beforeAll(async () => {
    const club = await insertClub(prisma, { departementCode: "62" });
    const otherClub = await insertClub(prisma, { departementCode: "62" });
    prefectureId = (await insertUser(prisma, { name: "Préfecture" })).id;
    await grantRole(prisma, prefectureId, { role: "PREFECTURE", departementCode: "62" });
    for (const [i, clubId] of [club.id, club.id, club.id, otherClub.id].entries()) {
      const company = await insertCompany(prisma, { name: `Entreprise ${i}` });
      await addMembership(prisma, { companyId: company.id, clubId });
      await insertRealisation(prisma, {
        companyId: company.id,
        date: new Date("2025-04-01T00:00:00Z"),
        quantity: 3,
      });
      await prisma.attestation.create({
        data: { companyId: company.id, year: 2025, attestedByName: "X", attestedAt: new Date() },
      });
      companies.push(company.id);
      clubOf.push(clubId);
    }
    // An attestation changed since does not stand: never drawn.
    const edited = await insertCompany(prisma, { name: "Modifiée depuis" });
    editedId = edited.id;
    await addMembership(prisma, { companyId: edited.id, clubId: club.id });
    await prisma.attestation.create({
      data: {
        companyId: edited.id,
        year: 2025,
        attestedByName: "Y",
        attestedAt: new Date(),
        editedAt: new Date(),
      },
    });
    leaderId = (await insertUser(prisma, { name: "Dirigeant" })).id;
  });

  test("refused without a campaign for the year, or with a rate not offered; nothing written", async () => {
    expect(await refused(drawSample(prefectureId, "62", { year: 2025, ratePercent: 10 }))).toBe(
      "Aucune campagne de déclaration 2025 ne concerne ce département.",
    );
    expect(await refused(drawSample(prefectureId, "62", { year: 2025, ratePercent: 7 }))).toBe(
      "Choisissez la part de l'échantillon proposée.",
    );
    expect(await prisma.verificationSample.count()).toBe(0);
  });

  test("draws among standing attestations, club by club, with the figures declared; once a year", async () => {
    await prisma.declarationCampaign.create({
      data: { departementCode: "*", year: 2025, deadline: new Date("2027-01-31T00:00:00Z") },
    });
    const drawn = await drawSample(prefectureId, "62", { year: 2025, ratePercent: 50 });
    expect(drawn).toMatchObject({ drawn: 3, among: 4 });
    const checks = await prisma.verificationCheck.findMany();
    expect(checks.map((c) => c.companyId)).not.toContain(editedId);
    expect(checks.filter((c) => c.companyId === companies[3])).toHaveLength(1);
    expect(checks.every((c) => c.declaredRealisations === 1 && c.declaredPeople === 3)).toBe(true);
    const sample = await prisma.verificationSample.findFirstOrThrow();
    // The same seed draws the same companies again.
    const replay = drawStratified(
      sample.seed,
      50,
      companies.map((companyId, i) => ({ companyId, clubId: clubOf[i] })),
    );
    expect(replay.map((d) => d.companyId).sort()).toEqual(checks.map((c) => c.companyId).sort());
    expect(await refused(drawSample(prefectureId, "62", { year: 2025, ratePercent: 10 }))).toBe(
      "L'échantillon 2025 a déjà été tiré.",
    );
    expect(await prisma.auditLog.count({ where: { action: "DRAW_SAMPLE" } })).toBe(1);
    await grantRole(prisma, leaderId, {
      role: "COMPANY",
      companyId: (await drawnCheck()).companyId,
    });
  });

  test("an answer's file is judged by its bytes; refusals write nothing", async () => {
    const check = await drawnCheck();
    const answer = (name: string, bytes: Uint8Array) =>
      refused(
        answerCheck(leaderId, check.companyId, check.id, {
          answer: "Notre récapitulatif annuel.",
          file: { name, bytes },
        }),
      );
    const text = (s: string) => new TextEncoder().encode(s);
    const notAllowed = "Le fichier doit être un PDF, un classeur XLSX ou un fichier CSV.";
    expect(await answer("faux.pdf", text("bonjour"))).toBe(notAllowed);
    expect(await answer("archive.xlsx", text("PK\u0003\u0004pas un classeur"))).toBe(notAllowed);
    expect(await answer("binaire.csv", new Uint8Array([0x61, 0x00, 0x62]))).toBe(notAllowed);
    expect(await answer("image.csv", new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe(notAllowed);
    expect(
      (await prisma.verificationCheck.findUniqueOrThrow({ where: { id: check.id } })).answeredAt,
    ).toBeNull();

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Récapitulatif").addRow(["Recrutements", 3]);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await answer("recap.xlsx", xlsx)).toBeNull();
    expect(await answer("recap.pdf", text("%PDF-1.4\n%…"))).toBeNull();
    const saved = await prisma.verificationCheck.findUniqueOrThrow({ where: { id: check.id } });
    expect(saved).toMatchObject({ fileName: "recap.pdf", fileType: "application/pdf" });
    expect(await prisma.auditLog.count({ where: { action: "ANSWER_CHECK" } })).toBe(2);
  });

  test("the page: a phone number or an oversized file is refused in French; the prefecture downloads the file", async () => {
    const check = await drawnCheck();
    const companyId = check.companyId;
    const cookie = await sessionCookieFor(leaderId);
    const post = (form: FormData) =>
      routeOutcome(
        answerAction,
        appRequest(`/entreprise/${companyId}/verification/${check.id}`, {
          method: "POST",
          cookie,
          body: form,
        }),
        { companyId, checkId: check.id },
      );
    const before = await prisma.verificationCheck.findUniqueOrThrow({ where: { id: check.id } });
    const phone = new FormData();
    phone.set("answer", "Appelez notre salarié au 06 12 34 56 78 pour les détails.");
    const withPhone = await post(phone);
    expect(withPhone.status).toBe(400);
    expect(JSON.stringify(withPhone.body)).toContain("numéro de téléphone");
    const big = new FormData();
    big.set("answer", "Notre récapitulatif complet.");
    big.set("piece", new File([new Uint8Array(EVIDENCE_MAX_BYTES + 10)], "gros.pdf"));
    const tooBig = await post(big);
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.body)).toContain("Le fichier dépasse 5 Mo");
    expect(await prisma.verificationCheck.findUniqueOrThrow({ where: { id: check.id } })).toEqual(
      before,
    );

    const ok = new FormData();
    ok.set("answer", "Voici le tableau des recrutements 2025.");
    ok.set("piece", new File(["type;nombre\nRecrutement;3\n"], "recrutements.csv"));
    expect((await post(ok)).status).toBe(302);
    const prefectureCookie = await sessionCookieFor(prefectureId);
    const piece = await routeOutcome(
      pieceLoader,
      appRequest(`/prefecture/62/pieces/${check.id}`, { cookie: prefectureCookie }),
      { departementCode: "62", checkId: check.id },
    );
    expect(piece.response?.headers.get("Content-Type")).toBe("text/csv");
    expect(piece.response?.headers.get("Content-Disposition")).toBe(
      'attachment; filename="recrutements.csv"',
    );
    expect(await piece.response?.text()).toBe("type;nombre\nRecrutement;3\n");
  });

  test("results: a correction needs its number; another département's check is not found", async () => {
    const check = await drawnCheck();
    expect(
      await refused(
        recordCheckResult(prefectureId, "62", check.id, {
          result: "CORRECTED",
          correctedPeople: null,
          note: "",
        }),
      ),
    ).toBe("Indiquez le nombre de personnes corrigé.");
    expect(
      await refused(
        recordCheckResult(prefectureId, "59", check.id, {
          result: "CONFIRMED",
          correctedPeople: null,
          note: "",
        }),
      ),
    ).toBe("Cette vérification n'existe pas.");
    await recordCheckResult(prefectureId, "62", check.id, {
      result: "CORRECTED",
      correctedPeople: 2,
      note: "Un CDD de 3 mois compté à tort.",
    });
    expect(
      await refused(
        answerCheck(leaderId, check.companyId, check.id, {
          answer: "Encore une précision.",
          file: null,
        }),
      ),
    ).toBe("La préfecture a déjà clos cette vérification.");
    const csv = await routeOutcome(
      csvLoader,
      appRequest("/prefecture/62/verification.csv?annee=2025", {
        cookie: await sessionCookieFor(prefectureId),
      }),
      { departementCode: "62" },
    );
    const body = (await csv.response?.text()) ?? "";
    expect(body).toContain("Vérification des déclarations 2025 — département 62");
    expect(body).toContain("Corrigée;2;Un CDD de 3 mois compté à tort.");
  });
});

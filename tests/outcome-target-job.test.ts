// A training's target job (issue 15, decision 029): named with its outcome, how many reached it
// is asked, checked (French errors, nothing written) and counted in the figures' summary.
import { beforeAll, expect, test } from "vitest";
import {
  addMembership,
  grantRole,
  insertClub,
  insertCompany,
  insertRealisation,
  insertUser,
} from "../prisma/factories";
import { OutcomeError, listOutcomesToGive, recordOutcome } from "~/models/outcomes.server";
import { action, loader } from "~/routes/entreprise.$companyId.suivi";
import { prisma } from "~/utils/db.server";
import { callAs } from "./utils/session";

const NOW = new Date("2026-12-01T09:00:00Z");
let companyId: string;
let leaderId: string;
let training: { id: string };
let clubId: string;

beforeAll(async () => {
  const club = await insertClub(prisma, { departementCode: "62" });
  clubId = club.id;
  companyId = (await insertCompany(prisma, { communeCode: "62041" })).id;
  await addMembership(prisma, { companyId, clubId });
  leaderId = (await insertUser(prisma, { name: "Dirigeant Formation" })).id;
  await grantRole(prisma, leaderId, { role: "COMPANY", companyId });
  training = await insertRealisation(prisma, {
    companyId,
    date: new Date("2026-03-02T00:00:00Z"),
    actionTypeCode: "TRAINING",
    quantity: 4,
  });
});

const form = (over: Record<string, string>) => ({
  realisationId: training.id,
  months: "6",
  stillInCompany: "1",
  employedElsewhere: "2",
  inTraining: "0",
  jobSeeking: "1",
  unknown: "0",
  ...over,
});

test("the page asks for the target job of a training; wrong answers are refused in French", async () => {
  const path = `/entreprise/${companyId}/suivi`;
  const page = await callAs(loader, path, leaderId, { companyId });
  expect(page.status).toBe(200);
  const post = (body: Record<string, string>) =>
    callAs(action, path, leaderId, { companyId }, body);
  const missing = await post(form({ targetRomeCode: "H29" }));
  expect(missing.status).toBe(400);
  expect(JSON.stringify(missing.body)).toContain(
    "Indiquez combien de personnes exercent le métier visé",
  );
  const tooMany = await post(form({ targetRomeCode: "H29", reachedTarget: "4" }));
  expect(JSON.stringify(tooMany.body)).toContain(
    "Seules les personnes en emploi peuvent exercer le métier visé : 3 au plus.",
  );
  const unknownJob = await post(form({ targetRomeCode: "Z99", reachedTarget: "1" }));
  expect(JSON.stringify(unknownJob.body)).toContain("Choisissez un métier visé de la liste.");
  const hostile = await post(form({ targetRomeCode: "<script>", reachedTarget: "-3" }));
  expect(hostile.status).toBe(400);
  expect(await prisma.realisationOutcome.count()).toBe(0);
  expect(
    (await prisma.realisation.findUniqueOrThrow({ where: { id: training.id } })).targetRomeCode,
  ).toBeNull();
});

test("a right answer names the target job and counts who reached it in the summary", async () => {
  await recordOutcome(
    leaderId,
    companyId,
    {
      realisationId: training.id,
      months: 6,
      stillInCompany: 1,
      employedElsewhere: 2,
      inTraining: 0,
      jobSeeking: 1,
      unknown: 0,
      targetRomeCode: "H29",
      reachedTarget: 2,
    },
    NOW,
  );
  expect(
    (await prisma.realisation.findUniqueOrThrow({ where: { id: training.id } })).targetRomeCode,
  ).toBe("H29");
  const summary = await prisma.outcomeMonthly.findFirstOrThrow({ where: { clubId, months: 6 } });
  expect(summary).toMatchObject({ people: 4, targetPeople: 4, reachedTarget: 2, outcomes: 1 });
  // The 12-month outcome, later, keeps the target job named and asks again how many reached it.
  await expect(
    recordOutcome(
      leaderId,
      companyId,
      {
        realisationId: training.id,
        months: 12,
        stillInCompany: 4,
        employedElsewhere: 0,
        inTraining: 0,
        jobSeeking: 0,
        unknown: 0,
      },
      new Date("2027-03-03T09:00:00Z"),
    ),
  ).rejects.toThrow(OutcomeError);
  const later = await listOutcomesToGive(companyId, new Date("2027-03-03T09:00:00Z"));
  expect(later[0]).toMatchObject({ months: 12, targetRomeCode: "H29" });
});

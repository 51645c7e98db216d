// Comments hidden by the animators are deleted once hidden for HIDDEN_COMMENTS_KEPT_DAYS days
// (decision 019): on a real database, with explicit dates instead of waiting.
import { beforeAll, expect, test, vi } from "vitest";
import {
  addComment,
  addMembership,
  insertClub,
  insertCompany,
  insertPractice,
  insertUser,
  grantRole,
} from "../prisma/factories";
import { purgeHiddenComments, runHiddenCommentsPurge } from "~/models/hidden-comments.server";
import { prisma } from "~/utils/db.server";
import { HIDDEN_COMMENTS_KEPT_DAYS } from "~/utils/retention";

const DAY = 24 * 3600_000;
const NOW = new Date("2026-12-02T08:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

let practiceId: string;
let authorId: string;
let clubId: string;
let companyId: string;

beforeAll(async () => {
  const club = await insertClub(prisma, { name: "Club d'Arras", departementCode: "62" });
  const company = await insertCompany(prisma, { name: "Entreprise A", communeCode: "62041" });
  await addMembership(prisma, { companyId: company.id, clubId: club.id });
  const author = await insertUser(prisma, { name: "Autrice" });
  await grantRole(prisma, author.id, { role: "COMPANY", companyId: company.id });
  const practice = await insertPractice(prisma, {
    companyId: company.id,
    clubId: club.id,
    authorId: author.id,
    visibility: "CLUB",
    title: "Un tuteur pour chaque recrue",
    body: "Chaque personne recrutée a un tuteur pendant six mois.",
  });
  practiceId = practice.id;
  authorId = author.id;
  clubId = club.id;
  companyId = company.id;
});

const comment = async (body: string, hiddenAt: Date | null) => {
  const c = await addComment(prisma, { practiceId, authorId, body, createdAt: daysAgo(60) });
  if (hiddenAt) await prisma.comment.update({ where: { id: c.id }, data: { hiddenAt } });
  return c.id;
};

test("comments hidden for longer than the delay go, with their reports, each audited without its text", async () => {
  expect(HIDDEN_COMMENTS_KEPT_DAYS).toBe(30);
  const old = await comment("Appelez Léa au 06 12 34 56 78", daysAgo(31));
  const recent = await comment("Un commentaire masqué hier", daysAgo(29));
  const justInside = await comment("Masqué il y a 30 jours pile", daysAgo(30));
  const visible = await comment("Un commentaire visible, ancien", null);
  await prisma.practiceReport.create({
    data: { practiceId, commentId: old, reporterId: authorId, reason: "Un numéro de téléphone" },
  });
  const reportOnVisible = await prisma.practiceReport.create({
    data: { practiceId, commentId: visible, reporterId: authorId, reason: "Hors sujet" },
  });

  expect(await purgeHiddenComments(NOW)).toBe(1);
  const left = await prisma.comment.findMany({ where: { practiceId }, select: { id: true } });
  expect(left.map((c) => c.id).sort()).toEqual([recent, justInside, visible].sort());
  expect(await prisma.practiceReport.count({ where: { commentId: old } })).toBe(0);
  expect(await prisma.practiceReport.count({ where: { id: reportOnVisible.id } })).toBe(1);
  const entry = await prisma.auditLog.findFirstOrThrow({
    where: { entityType: "Comment", entityId: old, action: "PURGE_HIDDEN_COMMENT" },
  });
  expect(entry).toMatchObject({ actorId: null, clubId, companyId, after: null });
  expect(JSON.parse(entry.before!)).toEqual({
    practiceId,
    createdAt: daysAgo(60).toISOString(),
    hiddenAt: daysAgo(31).toISOString(),
  });
  expect(entry.before).not.toContain("06 12");

  // Idempotent: nothing more at the same moment; the others go once their delay is over.
  expect(await purgeHiddenComments(NOW)).toBe(0);
  expect(await purgeHiddenComments(new Date(NOW.getTime() + 2 * DAY))).toBe(2);
  expect(await prisma.comment.findMany({ where: { practiceId }, select: { id: true } })).toEqual([
    { id: visible },
  ]);
});

test("the scheduler's job purges once per Paris day, its run recorded; a restart does not redo it", async () => {
  const late = await comment("Masqué il y a longtemps", daysAgo(45));
  const day = new Date("2026-12-02T09:00:00Z");
  expect(await runHiddenCommentsPurge(day)).toBe(1);
  const run = await prisma.jobRun.findUniqueOrThrow({
    where: { key: "hidden-comments-purge:2026-12-02" },
  });
  expect(run.finishedAt).not.toBeNull();
  expect(await prisma.comment.count({ where: { id: late } })).toBe(0);

  // Hidden after today's run, due the same day: waits for tomorrow's run, as the registered job.
  const next = await comment("Masqué il y a 40 jours", daysAgo(40));
  vi.resetModules();
  const jobs = await import("~/jobs.server");
  const scheduler = await import("~/utils/scheduler.server");
  jobs.registerJobs();
  await scheduler.runDueJobs(new Date("2026-12-02T15:00:00Z"));
  expect(await prisma.comment.count({ where: { id: next } })).toBe(1);
  await scheduler.runDueJobs(new Date("2026-12-03T00:30:00Z"));
  expect(await prisma.comment.count({ where: { id: next } })).toBe(0);
  expect(
    await prisma.jobRun.count({ where: { key: { startsWith: "hidden-comments-purge:" } } }),
  ).toBe(2);
});

// The in-process scheduler: periodic jobs (meeting reminders, reminder campaigns, digests) run by
// the server itself. Each run of a job for a period has a key (e.g. "reminder-campaign:2026-Q4");
// a JobRun row records it, so a period's work is done once even across restarts. Work inside a
// run must itself be idempotent (e-mails use the outbox's dedupeKey), so a run cut short by a
// crash can safely be done again.

import { Prisma } from "~/generated/prisma/client";
import { prisma } from "./db.server";
import { env } from "./env.server";

export type ScheduledJob = {
  name: string;
  /** How often the scheduler asks the job whether something is due. */
  everyMs: number;
  /** Does what is due at `now`; uses runOnce() for work that must happen once per period. */
  run: (now: Date) => Promise<unknown>;
};

/** A run left unfinished this long (the process died) may be done again. */
const STALE_RUN_MS = 30 * 60_000;

/**
 * Claims `key` for a run at `now`, in single statements, so that of concurrent claimants (on
 * PostgreSQL, other transactions or instances; decision 018) exactly one wins: the first insert,
 * or the update of a stale unfinished run.
 */
async function claim(key: string, now: Date) {
  try {
    await prisma.jobRun.create({ data: { key, startedAt: now } });
    return true;
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002"))
      throw error;
  }
  const { count } = await prisma.jobRun.updateMany({
    where: { key, finishedAt: null, startedAt: { lte: new Date(now.getTime() - STALE_RUN_MS) } },
    data: { startedAt: now },
  });
  return count === 1;
}

/**
 * Runs `work` once for `key`: returns false (and does nothing) if a run with this key has
 * finished, or is in progress elsewhere and recent.
 */
export async function runOnce(key: string, work: () => Promise<void>, now = new Date()) {
  if (!(await claim(key, now))) return false;
  await work();
  await prisma.jobRun.update({ where: { key }, data: { finishedAt: new Date() } });
  return true;
}

/** The 50 latest runs, newest first (/admin/taches). */
export function listLatestJobRuns() {
  return prisma.jobRun.findMany({ orderBy: { startedAt: "desc" }, take: 50 });
}

const jobs: ScheduledJob[] = [];

/** Registers a job; started with the others by startScheduler(). */
export function registerJob(job: ScheduledJob) {
  if (!jobs.some((j) => j.name === job.name)) jobs.push(job);
}

/** Runs every registered job once, now (tests and the admin use it). */
export async function runDueJobs(now = new Date()) {
  for (const job of jobs) {
    try {
      await job.run(now);
    } catch (error) {
      console.error(`Tâche planifiée « ${job.name} » : erreur`, error);
    }
  }
}

type SchedulerState = { timers: NodeJS.Timeout[]; running: Set<Promise<unknown>> };

/**
 * Starts the timers once per process (not when SCHEDULER=false, e.g. in unit tests; only the
 * jobs SCHEDULER_JOBS names when it is set).
 */
export function startScheduler() {
  // On globalThis: in development the build is re-imported after each change.
  const state = globalThis as typeof globalThis & { __engagesScheduler?: SchedulerState };
  if (state.__engagesScheduler || env.SCHEDULER === "false") return;
  const running = new Set<Promise<unknown>>();
  const only = env.SCHEDULER_JOBS?.split(",").map((name) => name.trim());
  const timed = only ? jobs.filter((job) => only.includes(job.name)) : jobs;
  const timers = timed.map((job) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      const run = job
        .run(new Date())
        .catch((error) => console.error(`Tâche planifiée « ${job.name} » : erreur`, error))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  state.__engagesScheduler = { timers, running };
}

/** Graceful shutdown: starts no more job runs and waits for those under way. */
export async function stopScheduler() {
  const state = globalThis as typeof globalThis & { __engagesScheduler?: SchedulerState };
  const scheduler = state.__engagesScheduler;
  if (!scheduler) return;
  for (const timer of scheduler.timers) clearInterval(timer);
  await Promise.all(scheduler.running);
}

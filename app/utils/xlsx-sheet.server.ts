// Reads the rows of an uploaded XLSX file in a worker thread (server/xlsx-sheet.worker.mjs), so
// that a large or hostile file never blocks the event loop, with three hard limits: the bytes
// actually inflated (not the sizes the zip declares), the time, and the worker's memory. At most
// a few workers run at once; other uploads wait their turn.

import path from "node:path";
import { Worker } from "node:worker_threads";

export type SheetCell = string | number | boolean | Date;

export type SheetRows = {
  header: SheetCell[] | null;
  headerLine: number;
  rows: Array<{ line: number; cells: SheetCell[] }>;
};

export type SheetLimits = {
  /** Bytes inflated from the zip, all parts together. */
  maxInflatedBytes: number;
  /** Non-empty rows to read, header included: reading stops there. */
  maxRows: number;
  timeLimitMs: number;
  memoryMb: number;
};

export type SheetFailure = "not-xlsx" | "too-large" | "too-slow" | "unreadable";

export class SheetReadError extends Error {
  constructor(readonly reason: SheetFailure) {
    super(`Lecture du classeur refusée : ${reason}`);
  }
}

/** Resolved from the project root (the working directory, as for build/): not bundled. */
const WORKER_FILE = path.resolve("server/xlsx-sheet.worker.mjs");
const MAX_RUNNING = 2;

let running = 0;
const waiting: Array<() => void> = [];

async function slot() {
  if (running >= MAX_RUNNING) await new Promise<void>((resume) => waiting.push(resume));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

type WorkerAnswer =
  ({ ok: true } & SheetRows) | { ok: false; reason: Exclude<SheetFailure, "too-slow"> };

/** The rows of the realisations sheet; throws SheetReadError on any limit or unreadable file. */
export async function readXlsxSheet(bytes: Uint8Array, limits: SheetLimits): Promise<SheetRows> {
  const release = await slot();
  try {
    return await new Promise<SheetRows>((resolve, reject) => {
      const worker = new Worker(WORKER_FILE, {
        workerData: { bytes, maxInflatedBytes: limits.maxInflatedBytes, maxRows: limits.maxRows },
        resourceLimits: {
          maxOldGenerationSizeMb: limits.memoryMb,
          maxYoungGenerationSizeMb: 32,
          stackSizeMb: 4,
        },
      });
      let settled = false;
      const settle = (outcome: SheetRows | SheetReadError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        if (outcome instanceof SheetReadError) reject(outcome);
        else resolve(outcome);
      };
      const timer = setTimeout(() => settle(new SheetReadError("too-slow")), limits.timeLimitMs);
      worker.once("message", (answer: WorkerAnswer) =>
        settle(answer.ok ? answer : new SheetReadError(answer.reason)),
      );
      worker.once("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY")
          return settle(new SheetReadError("too-large"));
        // Not the file's fault (the worker could not start, a bug): the operator must see it.
        console.error("Lecteur de classeur XLSX en échec :", error);
        settle(new SheetReadError("unreadable"));
      });
      worker.once("exit", () => settle(new SheetReadError("unreadable")));
    });
  } finally {
    release();
  }
}

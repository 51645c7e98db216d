// Import of realisations from a file (CSV or XLSX): parse and validate every row with the shared
// realisation schema, keep the result in a draft for the preview, then — when the user confirms —
// write every row in one transaction (all or nothing). The columns, rows, file reading and
// templates live in the realisation-import-*.server.ts modules beside this one.

import { prisma, type Tx } from "~/utils/db.server";
import type { RealisationInput } from "~/utils/schemas/realisation";
import { RealisationError, createRealisations } from "./realisation.server";
import {
  IMPORT_LIMITS,
  ImportConfirmError,
  ImportFileError,
  PREVIEW_ERROR_ROWS,
  PREVIEW_READY_ROWS,
} from "./realisation-import-columns.server";
import {
  checkCommitments,
  contentHash,
  parseRealisationFile,
  rowKey,
  sha256,
} from "./realisation-import-file.server";
import { isoOf, shorten, type ParsedRow } from "./realisation-import-rows.server";
import { createImportedOutcomes, type ImportedOutcome } from "./realisation-import-outcomes.server";

// ---------------------------------------------------------------- drafts (preview)

export type DraftRow = { line: number; input: RealisationInput; outcomes?: ImportedOutcome[] };
export type DraftErrorRow = { line: number; errors: string[]; raw: Record<string, string> };

/**
 * Parses and validates the file and keeps the result as a draft for the preview (rows with
 * errors too, to show them). Nothing is imported here. Throws ImportFileError.
 */
export async function createImportDraft({
  companyId,
  userId,
  fileName,
  bytes,
}: {
  companyId: string;
  userId: string;
  fileName: string;
  bytes: Uint8Array;
}) {
  const parsed = await parseRealisationFile(fileName, bytes);
  if (parsed.columnsMissing.length > 0) {
    const list = parsed.columnsMissing.map((c) => `« ${c} »`).join(", ");
    throw new ImportFileError(
      `${parsed.columnsMissing.length > 1 ? "Il manque les colonnes" : "Il manque la colonne"} ${list} : la première ligne du fichier doit porter les titres des colonnes du modèle.`,
    );
  }
  if (parsed.rows.length === 0) {
    throw new ImportFileError(
      "Le fichier ne contient aucune ligne de réalisation sous les titres de colonnes (dans le modèle Excel, écrivez-les dans l'onglet « Réalisations » : l'onglet « Exemples » n'est jamais importé).",
    );
  }
  await checkCommitments(prisma, companyId, parsed.rows);

  const ready: DraftRow[] = [];
  const invalid: DraftErrorRow[] = [];
  for (const row of parsed.rows) {
    if (row.input) ready.push({ line: row.line, input: row.input, outcomes: row.outcomes });
    else invalid.push({ line: row.line, errors: row.errors, raw: row.raw });
  }
  const now = new Date();
  // One pending preview per person and company, and none past its expiry.
  await prisma.importDraft.deleteMany({
    where: { OR: [{ expiresAt: { lt: now } }, { companyId, createdById: userId }] },
  });
  const draft = await prisma.importDraft.create({
    data: {
      companyId,
      createdById: userId,
      fileName: shorten(fileName, 200),
      fileHash: sha256(bytes),
      rows: JSON.stringify(ready),
      rowCount: ready.length,
      errorCount: invalid.length,
      errors: JSON.stringify(invalid.slice(0, PREVIEW_ERROR_ROWS)),
      expiresAt: new Date(now.getTime() + IMPORT_LIMITS.draftTtlMs),
    },
    select: { id: true },
  });
  return { draftId: draft.id, readyCount: ready.length, errorCount: invalid.length };
}

/**
 * The last confirmed import by this company of the same file (same bytes) or of the same rows
 * (same content hash, from another file), if any. Asked at the preview, to warn, and again inside
 * the confirmation's transaction: two previews of one file confirmed one after the other, or a
 * file sent again after its preview expired, are caught there.
 */
export async function findPreviousImport(
  db: Tx | typeof prisma,
  companyId: string,
  hashes: { fileHash: string; contentHash: string },
) {
  const previous = await db.importBatch.findFirst({
    where: {
      companyId,
      OR: [{ fileHash: hashes.fileHash }, { contentHash: hashes.contentHash }],
    },
    orderBy: { createdAt: "desc" },
    select: {
      createdAt: true,
      rowCount: true,
      fileName: true,
      fileHash: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!previous) return null;
  const { fileHash, ...rest } = previous;
  return { ...rest, sameFile: fileHash === hashes.fileHash };
}

/**
 * The lines of a file already recorded by an earlier import — the trap of a cumulative file, sent
 * again each quarter with the old rows plus the new ones. Only a warning at the preview: two
 * identical realisations can be genuine (two hires of the same public on the same day), so the
 * rows cannot be refused one by one; each earlier realisation matches one line at most.
 */
async function linesAlreadyImported(companyId: string, rows: DraftRow[]) {
  if (rows.length === 0) return [];
  const dates = rows.map((r) => r.input.date).sort();
  const earlier = await prisma.realisation.findMany({
    where: {
      companyId,
      importBatchId: { not: null },
      date: {
        gte: new Date(`${dates[0]}T00:00:00Z`),
        lte: new Date(`${dates[dates.length - 1]}T00:00:00Z`),
      },
    },
    select: {
      date: true,
      actionTypeCode: true,
      publicCategoryCode: true,
      otherPublicLabel: true,
      contractType: true,
      quantity: true,
      qpv: true,
      note: true,
      commitmentId: true,
    },
  });
  const left = new Map<string, number>();
  for (const r of earlier) {
    const key = rowKey({ ...r, date: isoOf(r.date) });
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  const lines: number[] = [];
  for (const row of rows) {
    const key = rowKey(row.input);
    const n = left.get(key) ?? 0;
    if (n > 0) {
      left.set(key, n - 1);
      lines.push(row.line);
    }
  }
  return lines;
}

/** What the preview page shows of a draft of this company; null when absent or expired. */
export async function getImportPreview(companyId: string, draftId: string) {
  const draft = await prisma.importDraft.findFirst({ where: { id: draftId, companyId } });
  if (!draft || draft.expiresAt < new Date()) return null;
  const allReady = JSON.parse(draft.rows) as DraftRow[];
  const ready = allReady.slice(0, PREVIEW_READY_ROWS);
  const invalid = JSON.parse(draft.errors) as DraftErrorRow[];
  const commitmentIds = [
    ...new Set(ready.map((r) => r.input.commitmentId).filter((id): id is string => !!id)),
  ];
  const [previous, commitments, importedLines] = await Promise.all([
    findPreviousImport(prisma, companyId, {
      fileHash: draft.fileHash,
      contentHash: contentHash(allReady.map((r) => r.input)),
    }),
    prisma.commitment.findMany({
      where: { companyId, id: { in: commitmentIds } },
      select: { id: true, year: true, ambition: true },
    }),
    linesAlreadyImported(companyId, allReady),
  ]);
  const lines = [
    ...ready.map((r) => ({ line: r.line, input: r.input, errors: [] as string[], raw: {} })),
    ...invalid.map((r) => ({ line: r.line, input: null, errors: r.errors, raw: r.raw })),
  ].sort((a, b) => a.line - b.line);
  return {
    id: draft.id,
    fileName: draft.fileName,
    readyCount: draft.rowCount,
    errorCount: draft.errorCount,
    readyShown: ready.length,
    errorsShown: invalid.length,
    expiresAt: draft.expiresAt,
    lines,
    commitments: Object.fromEntries(
      commitments.map((c) => [c.id, `${shorten(c.ambition, 60)} (${c.year})`]),
    ),
    /** Lines found in earlier imports, when the file as a whole is not one of them. */
    alreadyImportedLines: previous ? [] : importedLines,
    previous: previous
      ? {
          createdAt: previous.createdAt,
          rowCount: previous.rowCount,
          fileName: previous.fileName,
          sameFile: previous.sameFile,
          byName: previous.createdBy?.name ?? null,
        }
      : null,
  };
}

/**
 * Imports a draft: an ImportBatch and all its realisations in ONE transaction, and the draft
 * deleted in it too (so a double submission imports once). Throws ImportConfirmError.
 */
export async function confirmImport({
  companyId,
  actorId,
  draftId,
  acceptDuplicate,
}: {
  companyId: string;
  actorId: string;
  draftId: string;
  acceptDuplicate: boolean;
}) {
  const draft = await prisma.importDraft.findFirst({ where: { id: draftId, companyId } });
  if (!draft) {
    throw new ImportConfirmError(
      "Cet aperçu n'existe plus (il a peut-être déjà été importé) : envoyez le fichier à nouveau.",
      404,
    );
  }
  if (draft.expiresAt < new Date()) {
    throw new ImportConfirmError("Cet aperçu a expiré : envoyez le fichier à nouveau.");
  }
  if (draft.errorCount > 0) {
    throw new ImportConfirmError(
      "Le fichier contient des lignes en erreur : corrigez-les dans le fichier, puis envoyez-le à nouveau. Rien n'a été enregistré.",
    );
  }
  const rows = JSON.parse(draft.rows) as DraftRow[];
  // The commitments were checked at the preview; one deleted since then is caught here, before
  // the transaction opens, with its line (createRealisations checks them again inside).
  const recheck: ParsedRow[] = rows.map((r) => ({ ...r, errors: [], raw: {} }));
  await checkCommitments(prisma, companyId, recheck);
  const gone = recheck.filter((r) => r.errors.length > 0).map((r) => r.line);
  if (gone.length > 0) {
    throw new ImportConfirmError(
      `Rien n'a été importé : l'engagement ${gone.length > 1 ? `des lignes ${gone.slice(0, 10).join(", ")}${gone.length > 10 ? "…" : ""}` : `de la ligne ${gone[0]}`} n'existe plus pour votre entreprise. Corrigez le fichier et envoyez-le à nouveau.`,
    );
  }
  const inputs = rows.map((row) => row.input);
  const hashes = { fileHash: draft.fileHash, contentHash: contentHash(inputs) };
  try {
    return await prisma.$transaction(
      async (tx) => {
        const deleted = await tx.importDraft.deleteMany({ where: { id: draft.id, companyId } });
        if (deleted.count !== 1) {
          throw new ImportConfirmError("Cet import a déjà été enregistré.", 409);
        }
        // Checked here, after the draft's deletion took the write lock: an import confirmed
        // meanwhile (another preview of the same file) is seen. A re-import is sometimes wanted
        // (a file deleted by mistake, the same quarter really done twice), hence the explicit
        // "Importer quand même" rather than a flat refusal.
        const previous = acceptDuplicate ? null : await findPreviousImport(tx, companyId, hashes);
        if (previous) {
          throw new ImportConfirmError(
            previous.sameFile
              ? "Ce fichier a déjà été importé : cochez « Importer quand même » pour l'importer une nouvelle fois."
              : `Les mêmes lignes ont déjà été importées depuis le fichier « ${previous.fileName} » : cochez « Importer quand même » pour les importer une nouvelle fois.`,
          );
        }
        const batch = await tx.importBatch.create({
          data: {
            companyId,
            fileName: draft.fileName,
            ...hashes,
            rowCount: inputs.length,
            createdById: actorId,
          },
          select: { id: true },
        });
        await createRealisations(tx, actorId, companyId, inputs, batch.id);
        await createImportedOutcomes(tx, actorId, companyId, batch.id, rows);
        return { importBatchId: batch.id, count: inputs.length, fileName: draft.fileName };
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  } catch (error) {
    if (error instanceof RealisationError) {
      throw new ImportConfirmError(
        `Rien n'a été importé : ${error.message} Vérifiez le fichier et envoyez-le à nouveau.`,
      );
    }
    throw error;
  }
}

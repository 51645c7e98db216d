// The downloadable templates of an import (XLSX with its lists and commitments, CSV), built from
// the import's own columns.

import ExcelJS from "exceljs";
import { spreadsheetCsv } from "~/utils/downloads.server";
import { addHeaderedSheet } from "~/utils/workbook-sheets.server";
import { prisma } from "~/utils/db.server";
import {
  ACTION_TYPES,
  CONTRACT_TYPES,
  CONTRACT_TYPE_LABELS,
  PUBLIC_CATEGORIES,
  QPV_LABELS,
} from "~/utils/domain";
import { IMPORT_COLUMNS, type Field } from "./realisation-import-columns.server";
import { OUTCOME_IMPORT_COLUMNS } from "./realisation-import-outcomes.server";
import { commitmentLabel } from "./realisation-import-file.server";
import { EXAMPLE_MARKER, frenchDateOf } from "./realisation-import-rows.server";
import { NEWEST_COMMITMENTS_FIRST } from "./commitment-selects.server";

// ---------------------------------------------------------------- templates

function exampleRows(today = new Date()) {
  const daysAgo = (n: number) => {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
    d.setUTCDate(d.getUTCDate() - n);
    return d;
  };
  const label = <T extends { code: string; label: string }>(list: readonly T[], code: string) =>
    list.find((item) => item.code === code)!.label;
  return [
    [
      daysAgo(30),
      label(ACTION_TYPES, "HIRE"),
      label(PUBLIC_CATEGORIES, "DELD"),
      "",
      CONTRACT_TYPE_LABELS.CDI,
      1,
      QPV_LABELS.NO,
      `${EXAMPLE_MARKER}`,
      "",
    ],
    [
      daysAgo(7),
      label(ACTION_TYPES, "IMMERSION"),
      label(PUBLIC_CATEGORIES, "OTHER"),
      "Parents isolés",
      "",
      3,
      QPV_LABELS.UNKNOWN,
      `${EXAMPLE_MARKER} (les personnes se comptent, jamais de nom)`,
      "",
    ],
  ] as const;
}

/** The company's commitments, newest first, for the templates' lists. */
export async function listTemplateCommitments(companyId: string) {
  return prisma.commitment.findMany({
    where: { companyId },
    orderBy: NEWEST_COMMITMENTS_FIRST,
    select: { id: true, year: true, ambition: true },
    take: 500,
  });
}

type TemplateCommitment = { id: string; year: number; ambition: string };

type WithValidations = {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
};

const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFE8EEF7" },
};

/**
 * The XLSX template: an empty "Réalisations" sheet (the one read on import) whose titles carry
 * their help as a comment, the example rows in a sheet of their own ("Exemples", never read), the
 * company's commitments ("Engagements") and the allowed values ("Listes"), offered as drop-down
 * lists in the columns.
 */
export async function buildTemplateXlsx(
  commitments: TemplateCommitment[],
): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Engagés";
  workbook.created = new Date();
  const widths: Record<Field, number> = {
    date: 14,
    actionTypeCode: 34,
    publicCategoryCode: 44,
    otherPublicLabel: 26,
    contractType: 26,
    quantity: 10,
    qpv: 13,
    note: 50,
    commitmentId: 50,
  };
  const dataSheet = (name: string) => {
    const sheet = addHeaderedSheet(workbook, name, [
      ...IMPORT_COLUMNS.map((c) => ({ header: c.label, key: c.field, width: widths[c.field] })),
      ...OUTCOME_IMPORT_COLUMNS.map((c) => ({ header: c.label, key: c.label, width: 16 })),
    ]);
    sheet.getRow(1).fill = HEADER_FILL;
    sheet.getColumn(1).numFmt = "dd/mm/yyyy";
    return sheet;
  };
  const sheet = dataSheet("Réalisations");
  IMPORT_COLUMNS.forEach((column, index) => {
    sheet.getCell(1, index + 1).note =
      `${column.required ? "Obligatoire" : "Facultatif"}. ${column.help}`;
  });
  OUTCOME_IMPORT_COLUMNS.forEach((column, index) => {
    sheet.getCell(1, IMPORT_COLUMNS.length + index + 1).note = column.help;
  });
  const examples = dataSheet("Exemples");
  for (const row of exampleRows()) examples.addRow([...row]);
  examples.addRow([]);
  examples.addRow([
    "Ces lignes montrent comment remplir l'onglet « Réalisations » : elles ne sont jamais importées. Écrivez vos réalisations dans l'onglet « Réalisations ».",
  ]);

  const engagements = workbook.addWorksheet("Engagements");
  engagements.columns = [
    { header: "Engagement (à recopier dans la colonne « Engagement »)", width: 90 },
    { header: "Identifiant (accepté aussi)", width: 30 },
  ];
  engagements.getRow(1).font = { bold: true };
  engagements.getRow(1).fill = HEADER_FILL;
  for (const c of commitments) engagements.addRow([commitmentLabel(c), c.id]);
  if (commitments.length === 0) {
    engagements.addRow(["Votre entreprise n'a pas encore d'engagement : laissez la colonne vide."]);
  }

  const lists = workbook.addWorksheet("Listes");
  const listColumns: Array<{ header: string; values: string[]; width: number }> = [
    { header: "Type d'action", values: ACTION_TYPES.map((a) => a.label), width: 36 },
    { header: "Public", values: PUBLIC_CATEGORIES.map((p) => p.label), width: 48 },
    {
      header: "Type de contrat",
      values: CONTRACT_TYPES.map((c) => CONTRACT_TYPE_LABELS[c]),
      width: 28,
    },
    { header: "QPV", values: [QPV_LABELS.YES, QPV_LABELS.NO, QPV_LABELS.UNKNOWN], width: 14 },
  ];
  lists.columns = listColumns.map((c) => ({ header: c.header, width: c.width }));
  lists.getRow(1).font = { bold: true };
  listColumns.forEach((column, index) => {
    column.values.forEach((value, i) => {
      lists.getCell(i + 2, index + 1).value = value;
    });
  });

  // Drop-down lists on the first rows (warnings only: codes and ids are accepted too).
  const lastRow = 5_001;
  const letter = (field: Field) =>
    String.fromCharCode(65 + IMPORT_COLUMNS.findIndex((c) => c.field === field));
  const validations: Array<[Field, string]> = [
    ["actionTypeCode", `Listes!$A$2:$A$${ACTION_TYPES.length + 1}`],
    ["publicCategoryCode", `Listes!$B$2:$B$${PUBLIC_CATEGORIES.length + 1}`],
    ["contractType", `Listes!$C$2:$C$${CONTRACT_TYPES.length + 1}`],
    ["qpv", "Listes!$D$2:$D$4"],
  ];
  if (commitments.length > 0) {
    validations.push(["commitmentId", `Engagements!$A$2:$A$${commitments.length + 1}`]);
  }
  for (const [field, formula] of validations) {
    // exceljs has range validations at run time, but not in its type declarations.
    (sheet as unknown as WithValidations).dataValidations.add(
      `${letter(field)}2:${letter(field)}${lastRow}`,
      {
        type: "list",
        allowBlank: true,
        formulae: [formula],
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: "Valeur hors liste",
        error:
          field === "commitmentId"
            ? "Choisissez un engagement de l'onglet « Engagements »."
            : "Choisissez une valeur de l'onglet « Listes ».",
      },
    );
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * The CSV template: UTF-8 with a BOM (so Excel reads the accents), `;` as separator. Lines
 * starting with `#` before the titles explain it and list the company's commitments (they are
 * skipped on import); the example rows are marked in their Note, and refused if left in.
 */
export function buildTemplateCsv(commitments: TemplateCommitment[]) {
  const comment = (text: string) => [`# ${text}`];
  return spreadsheetCsv([
    comment(
      "Modèle d'import Engagés : une ligne par réalisation sous la ligne des titres. Les lignes qui commencent par # sont ignorées.",
    ),
    comment(
      `Les deux lignes marquées « ${EXAMPLE_MARKER} » sont des exemples : supprimez-les, sinon le fichier est refusé.`,
    ),
    ...(commitments.length > 0
      ? [
          comment("Colonne Engagement (facultative) : recopiez l'un de vos engagements :"),
          ...commitments.map((c) => comment(`  ${commitmentLabel(c)}`)),
        ]
      : [comment("Colonne Engagement : laissez-la vide (votre entreprise n'a pas d'engagement).")]),
    [...IMPORT_COLUMNS.map((c) => c.label), ...OUTCOME_IMPORT_COLUMNS.map((c) => c.label)],
    ...exampleRows().map((row) =>
      row.map((value) => (value instanceof Date ? frenchDateOf(value) : value)),
    ),
  ]);
}

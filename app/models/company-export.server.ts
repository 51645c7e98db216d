// The export of everything a company declared and holds on Engagés as an XLSX workbook. Every
// query is filtered on the company's id: no other company's data is ever read here.

import { addCompanyOutcomeSheets } from "~/models/figures-outcomes-workbook.server";
import ExcelJS from "exceljs";
import { commitmentProgress } from "~/models/commitment-progress.server";
import { prisma } from "~/utils/db.server";
import { calendarDay, wallClockCell } from "~/utils/time/wall-clock";
import { addHeaderedSheet } from "~/utils/workbook-sheets.server";
import {
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_VISIBILITY_LABELS,
  CONTRACT_TYPE_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  QPV_LABELS,
  ROLE_LABELS,
  UNIT_LABELS,
  type Unit,
} from "~/utils/domain";
import { companyIdentity } from "./company-report.server";
import { COMMITMENT_RECORD } from "./commitment-selects.server";

// ---------------------------------------------------------------- export

const AUDIT_ACTION_LABELS: Record<string, string> = {
  CREATE: "Création",
  UPDATE: "Modification",
  DELETE: "Suppression",
  IMPORT: "Import de fichier",
  INVITE: "Invitation envoyée",
  GRANT_ROLE: "Accès accordé",
  REMOVE_MEMBER: "Personne retirée de l'équipe",
  LEAVE: "Départ de l'équipe",
  REVOKE: "Invitation révoquée",
  LINK_HEAD_OFFICE: "Rattachement à un siège",
  UNLINK_HEAD_OFFICE: "Détachement du siège",
};

const AUDIT_ENTITY_LABELS: Record<string, string> = {
  Company: "Entreprise",
  Commitment: "Engagement",
  Realisation: "Réalisation",
  ImportBatch: "Import de fichier",
  Invitation: "Invitation",
  RoleAssignment: "Accès à l'espace entreprise",
  ClubMembership: "Adhésion au club",
  Practice: "Bonne pratique",
};

/** A day stored at UTC midnight/noon, as a date-only cell. */
function dayCell(date: Date | null): Date | null {
  return date
    ? new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
    : null;
}

const yesNo = (value: boolean) => (value ? "Oui" : "Non");

type Column = { header: string; key: string; width: number; style?: Partial<ExcelJS.Style> };
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: "dd/mm/yyyy" };
const DATETIME_STYLE: Partial<ExcelJS.Style> = { numFmt: "dd/mm/yyyy hh:mm" };

function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Column[],
  rows: Array<Record<string, unknown>>,
) {
  const sheet = addHeaderedSheet(workbook, name, columns);
  for (const row of rows) sheet.addRow(row);
  if (rows.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return sheet;
}

/**
 * The workbook of everything the company declared and holds on Engagés: profile, commitments
 * (all years), realisations, team and the audit log about it. Null for an unknown company.
 */
export async function buildCompanyExport(companyId: string, now = new Date()) {
  const company = await companyIdentity(companyId);
  if (!company) return null;

  const [commitments, realisations, team, journal] = await Promise.all([
    prisma.commitment.findMany({
      where: { companyId },
      orderBy: [{ year: "asc" }, { startDate: "asc" }, { createdAt: "asc" }],
      select: {
        ...COMMITMENT_RECORD,
        actionType: { select: { label: true } },
        publics: {
          orderBy: { publicCategory: { sortOrder: "asc" } },
          select: { publicCategory: { select: { label: true } } },
        },
      },
    }),
    prisma.realisation.findMany({
      where: { companyId },
      orderBy: [{ date: "asc" }, { createdAt: "asc" }],
      select: {
        date: true,
        quantity: true,
        unit: true,
        contractType: true,
        qpv: true,
        note: true,
        otherPublicLabel: true,
        createdAt: true,
        actionType: { select: { label: true } },
        publicCategory: { select: { label: true } },
        commune: { select: { name: true, code: true } },
        commitment: { select: { year: true, ambition: true } },
        importBatch: { select: { fileName: true } },
        createdBy: { select: { name: true } },
      },
    }),
    prisma.roleAssignment.findMany({
      where: { companyId },
      orderBy: { createdAt: "asc" },
      select: {
        role: true,
        createdAt: true,
        user: { select: { name: true, email: true, lastLoginAt: true } },
      },
    }),
    prisma.auditLog.findMany({
      where: { companyId },
      orderBy: { createdAt: "asc" },
      select: {
        createdAt: true,
        action: true,
        entityType: true,
        entityId: true,
        actor: { select: { name: true } },
      },
    }),
  ]);
  const progress = await commitmentProgress(commitments);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Engagés";
  workbook.created = now;

  const about = workbook.addWorksheet("À propos");
  about.columns = [
    { key: "a", width: 22 },
    { key: "b", width: 90 },
  ];
  about.addRow({ a: `Données de ${company.name} sur Engagés` }).font = { bold: true, size: 14 };
  about.addRow({ a: "SIRET", b: company.siret });
  const extracted = about.addRow({ a: "Date d'extraction", b: wallClockCell(now) });
  extracted.getCell("b").numFmt = "dd/mm/yyyy hh:mm";
  extracted.getCell("b").alignment = { horizontal: "left" };
  about.addRow({});
  about.addRow({ a: "Feuille", b: "Contenu" }).font = { bold: true };
  for (const [sheet, content] of [
    [
      "Entreprise",
      "Le profil de l'entreprise : identité, SIRET, code NAF, effectif, commune, club.",
    ],
    [
      "Engagements",
      "Tous les engagements déclarés, toutes années confondues, avec leurs publics, objectif et réalisé.",
    ],
    [
      "Réalisations",
      "Toutes les réalisations déclarées (comptages seulement : aucune donnée sur les personnes).",
    ],
    [
      "Suivis renseignés",
      "Le devenir des personnes à 6 et 12 mois (comptages seulement), et les taux de l'année.",
    ],
    ["Équipe", "Les personnes qui ont accès à l'espace de l'entreprise."],
    ["Journal", "L'historique des modifications concernant l'entreprise : date, auteur, action."],
  ]) {
    about.addRow({ a: sheet, b: content });
  }
  about.addRow({});
  about.addRow({ a: "Les dates et heures sont à l'heure de Paris." });

  const profile = workbook.addWorksheet("Entreprise");
  profile.columns = [
    { header: "Champ", key: "field", width: 28 },
    { header: "Valeur", key: "value", width: 70 },
  ];
  profile.getRow(1).font = { bold: true };
  const profileRows: Array<[string, string | Date | null]> = [
    ["Nom", company.name],
    ["SIRET", company.siret],
    ["SIREN", company.siren],
    ["Code NAF / APE", company.nafCode],
    ["Activité (libellé NAF)", company.nafLabel],
    ["Tranche d'effectif", company.headcountLabel],
    ["Commune", company.commune?.name ?? null],
    ["Code INSEE de la commune", company.commune?.code ?? null],
    ["Code postal", company.commune?.postcodes.split(",")[0] ?? null],
    ["Département", company.commune?.departementCode ?? null],
    ["Site internet", company.website],
    ["Page publique", yesNo(company.publicPage)],
    [
      "Siège",
      company.headOffice ? `${company.headOffice.name} (SIRET ${company.headOffice.siret})` : null,
    ],
    [
      "Établissements rattachés",
      company.establishments.map((e) => `${e.name} (SIRET ${e.siret})`).join(" ; ") || null,
    ],
    [
      "Clubs",
      company.memberships
        .map(
          (m) =>
            `${m.club.name} (${MEMBERSHIP_STATUS_LABELS[m.status as keyof typeof MEMBERSHIP_STATUS_LABELS] ?? m.status})`,
        )
        .join(" ; ") || null,
    ],
    ["Inscrite le", wallClockCell(company.createdAt)],
    ["Profil mis à jour le", wallClockCell(company.updatedAt)],
  ];
  for (const [field, value] of profileRows) {
    const row = profile.addRow({ field, value: value ?? "" });
    if (value instanceof Date) {
      row.getCell("value").numFmt = "dd/mm/yyyy hh:mm";
      row.getCell("value").alignment = { horizontal: "left" };
    }
  }

  addTableSheet(
    workbook,
    "Engagements",
    [
      { header: "Année", key: "year", width: 8 },
      { header: "Thème", key: "theme", width: 34 },
      { header: "Type d'action", key: "actionType", width: 28 },
      { header: "Ambition", key: "ambition", width: 60 },
      { header: "Publics visés", key: "publics", width: 50 },
      { header: "Autre public (précision)", key: "otherPublic", width: 24 },
      { header: "Objectif chiffré", key: "target", width: 14 },
      { header: "Unité", key: "unit", width: 12 },
      { header: "Réalisé", key: "realised", width: 10 },
      { header: "Début", key: "start", width: 12, style: DATE_STYLE },
      { header: "Fin", key: "end", width: 12, style: DATE_STYLE },
      { header: "Statut", key: "status", width: 12 },
      { header: "Visibilité", key: "visibility", width: 24 },
      { header: "Club", key: "club", width: 34 },
      { header: "Déclaré par", key: "createdBy", width: 22 },
      { header: "Créé le", key: "createdAt", width: 17, style: DATETIME_STYLE },
      { header: "Modifié le", key: "updatedAt", width: 17, style: DATETIME_STYLE },
    ],
    commitments.map((c) => ({
      year: c.year,
      theme: c.theme.label,
      actionType: c.actionType.label,
      ambition: c.ambition,
      publics: c.publics.map((p) => p.publicCategory.label).join(" ; "),
      otherPublic: c.otherPublicLabel ?? "",
      target: c.targetQuantity ?? "",
      unit: c.targetUnit ? (UNIT_LABELS[c.targetUnit as Unit] ?? c.targetUnit) : "",
      realised: progress.get(c.id)!.realised,
      start: dayCell(c.startDate),
      end: dayCell(c.endDate),
      status:
        COMMITMENT_STATUS_LABELS[c.status as keyof typeof COMMITMENT_STATUS_LABELS] ?? c.status,
      visibility:
        COMMITMENT_VISIBILITY_LABELS[c.visibility as keyof typeof COMMITMENT_VISIBILITY_LABELS] ??
        c.visibility,
      club: c.club.name,
      createdBy: c.createdBy?.name ?? "",
      createdAt: wallClockCell(c.createdAt),
      updatedAt: wallClockCell(c.updatedAt),
    })),
  );

  addTableSheet(
    workbook,
    "Réalisations",
    [
      { header: "Date", key: "date", width: 12, style: DATE_STYLE },
      { header: "Type d'action", key: "actionType", width: 30 },
      { header: "Public", key: "public", width: 44 },
      { header: "Autre public (précision)", key: "otherPublic", width: 24 },
      { header: "Type de contrat", key: "contract", width: 26 },
      { header: "Quantité", key: "quantity", width: 10 },
      { header: "Unité", key: "unit", width: 11 },
      { header: "Résident d'un QPV", key: "qpv", width: 17 },
      { header: "Commune", key: "commune", width: 24 },
      { header: "Engagement", key: "commitment", width: 50 },
      { header: "Note", key: "note", width: 40 },
      { header: "Fichier importé", key: "file", width: 24 },
      { header: "Déclaré par", key: "createdBy", width: 22 },
      { header: "Déclaré le", key: "createdAt", width: 17, style: DATETIME_STYLE },
    ],
    realisations.map((r) => ({
      date: dayCell(r.date),
      actionType: r.actionType.label,
      public: r.publicCategory.label,
      otherPublic: r.otherPublicLabel ?? "",
      contract: r.contractType
        ? (CONTRACT_TYPE_LABELS[r.contractType as keyof typeof CONTRACT_TYPE_LABELS] ??
          r.contractType)
        : "",
      quantity: r.quantity,
      unit: UNIT_LABELS[r.unit as Unit] ?? r.unit,
      qpv: QPV_LABELS[r.qpv as keyof typeof QPV_LABELS] ?? r.qpv,
      commune: r.commune ? `${r.commune.name} (${r.commune.code})` : "",
      commitment: r.commitment ? `${r.commitment.year} — ${r.commitment.ambition}` : "",
      note: r.note,
      file: r.importBatch?.fileName ?? "",
      createdBy: r.createdBy?.name ?? "",
      createdAt: wallClockCell(r.createdAt),
    })),
  );

  await addCompanyOutcomeSheets(workbook, companyId, now);

  addTableSheet(
    workbook,
    "Équipe",
    [
      { header: "Nom", key: "name", width: 28 },
      { header: "Adresse e-mail", key: "email", width: 36 },
      { header: "Rôle", key: "role", width: 16 },
      { header: "Accès depuis le", key: "since", width: 17, style: DATETIME_STYLE },
      { header: "Dernière connexion", key: "lastLogin", width: 19, style: DATETIME_STYLE },
    ],
    team.map((m) => ({
      name: m.user.name,
      email: m.user.email,
      role: ROLE_LABELS[m.role as keyof typeof ROLE_LABELS] ?? m.role,
      since: wallClockCell(m.createdAt),
      lastLogin: m.user.lastLoginAt ? wallClockCell(m.user.lastLoginAt) : "Jamais",
    })),
  );

  addTableSheet(
    workbook,
    "Journal",
    [
      { header: "Date", key: "date", width: 17, style: DATETIME_STYLE },
      { header: "Auteur", key: "actor", width: 28 },
      { header: "Action", key: "action", width: 30 },
      { header: "Élément", key: "entity", width: 30 },
      { header: "Identifiant de l'élément", key: "entityId", width: 30 },
    ],
    journal.map((entry) => ({
      date: wallClockCell(entry.createdAt),
      actor: entry.actor?.name ?? "Système",
      action: AUDIT_ACTION_LABELS[entry.action] ?? entry.action,
      entity: AUDIT_ENTITY_LABELS[entry.entityType] ?? entry.entityType,
      entityId: entry.entityId,
    })),
  );

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    buffer,
    fileName: `engages-${company.siret}-${calendarDay(now)}.xlsx`,
  };
}

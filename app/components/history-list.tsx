import { AUDIT_FIELD_LABELS } from "~/utils/audit-field-labels";
import { formatDateTime } from "~/utils/format";

export type HistoryEntry = {
  id: string;
  action: string;
  createdAt: string | Date;
  before: string | null;
  after: string | null;
  actor: { name: string } | null;
};

const ACTION_LABELS: Record<string, string> = {
  CREATE: "Déclaré",
  UPDATE: "Modifié",
  STATUS: "État changé",
  DELETE: "Supprimé",
  IMPORT: "Importé",
};

/** The fields of a declaration worth naming in its history. */
const FIELD_LABELS = Object.fromEntries(
  [
    "year",
    "themeCode",
    "actionTypeCode",
    "ambition",
    "publics",
    "otherPublicLabel",
    "targetQuantity",
    "targetUnit",
    "startDate",
    "endDate",
    "status",
    "visibility",
    "date",
    "publicCategoryCode",
    "contractType",
    "quantity",
    "qpv",
    "note",
    "commitmentId",
  ].map((key) => [key, AUDIT_FIELD_LABELS[key]]),
);

function changedFields(before: string | null, after: string | null) {
  if (!before || !after) return [];
  const b = JSON.parse(before) as Record<string, unknown>;
  const a = JSON.parse(after) as Record<string, unknown>;
  return Object.keys(FIELD_LABELS).filter(
    (key) => key in a && JSON.stringify(normalise(b[key])) !== JSON.stringify(normalise(a[key])),
  );
}

function normalise(value: unknown) {
  if (Array.isArray(value)) return [...value].sort();
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
  return value ?? null;
}

/** Who changed what and when: the short history shown on a declaration. */
export function HistoryList({
  entries,
  statusLabels,
}: {
  entries: HistoryEntry[];
  statusLabels?: Record<string, string>;
}) {
  if (entries.length === 0)
    return <p className="text-gray-700">Aucune modification enregistrée.</p>;
  return (
    <ol className="space-y-2">
      {entries.map((e) => {
        const fields = changedFields(e.before, e.after).map((f) => FIELD_LABELS[f]);
        let detail = "";
        if (e.action === "STATUS" && e.before && e.after && statusLabels) {
          const b = JSON.parse(e.before) as { status: string };
          const a = JSON.parse(e.after) as { status: string };
          detail = ` : ${statusLabels[b.status] ?? b.status} → ${statusLabels[a.status] ?? a.status}`;
        } else if (fields.length) {
          detail = ` (${fields.join(", ")})`;
        }
        return (
          <li key={e.id} className="text-sm">
            <span className="font-semibold">{formatDateTime(e.createdAt)}</span> —{" "}
            {ACTION_LABELS[e.action] ?? e.action}
            {detail} par {e.actor?.name ?? "un utilisateur supprimé"}
          </li>
        );
      })}
    </ol>
  );
}

// The demo commitments: this year's and the previous year's, drawn from each company's templates.

import { insertCommitment } from "../factories";
import { at, DAY, maxDate } from "./calendar";
import { ALL_PUBLICS, roundTarget, TEMPLATES, type Template } from "./commitment-templates";
import type { Demo, SeededCompany } from "./demo-context";

export async function seedCommitments(demo: Demo, active: SeededCompany[]) {
  const { db, random, now, counts } = demo;
  const year = now.getFullYear();
  for (const c of active) {
    for (const y of [year - 1, year]) {
      if (!c.joinedAt || c.joinedAt.getFullYear() > y) continue;
      if (c.leftAt && y > c.leftAt.getFullYear()) continue;
      const count = c.key === "delattre" ? 3 : random.int(1, Math.min(3, c.templates.length));
      const keys =
        c.key === "delattre" ? c.templates.slice(0, 3) : random.sample(c.templates, count);
      for (const key of keys) {
        const t: Template = TEMPLATES[key];
        const status =
          c.status === "LEFT"
            ? random.weighted([
                ["ACHIEVED", 1],
                ["ABANDONED", 1],
              ] as const)
            : y < year
              ? random.weighted([
                  ["ACHIEVED", 60],
                  ["ACTIVE", 25],
                  ["ABANDONED", 15],
                ] as const)
              : c.key === "delattre"
                ? "ACTIVE"
                : random.weighted([
                    ["ACTIVE", 70],
                    ["DRAFT", 15],
                    ["ACHIEVED", 15],
                  ] as const);
        const withTarget = t.target && (c.key === "delattre" || random.chance(0.8));
        const targetQuantity = withTarget
          ? roundTarget(random.int(t.target![0], t.target![1]))
          : null;
        const startDate = new Date(Date.UTC(y, random.chance(0.8) ? 0 : random.int(1, 5), 1));
        const endDate = new Date(Date.UTC(y, 11, 31));
        const publics = random.chance(0.3)
          ? [...t.publics, random.pick(ALL_PUBLICS.filter((p) => !t.publics.includes(p)))]
          : t.publics;
        const row = await insertCommitment(db, {
          companyId: c.id,
          clubId: c.clubId,
          departementCode: c.departementCode,
          year: y,
          themeCode: t.theme,
          actionTypeCode: t.action,
          publics,
          otherPublicLabel: t.otherPublicLabel ?? null,
          ambition: t.ambition,
          targetQuantity,
          startDate,
          endDate,
          status,
          visibility: random.chance(0.35) ? "PUBLIC" : "CLUB",
          createdById: c.userId,
          createdAt: maxDate(
            at(new Date(startDate.getTime() - random.int(5, 40) * DAY), 10),
            c.joinedAt,
          ),
        });
        c.commitments.push({
          id: row.id,
          year: y,
          action: t.action,
          publics,
          status,
          targetQuantity,
          startDate,
          endDate,
        });
        counts.commitments++;
      }
    }
  }
}

// The demo realisations: 18 months back from the demo's "now", at each company's pace; achieved
// commitments topped up to their target, targets of this year's running ones raised above what
// is done.

import { insertRealisation } from "../factories";
import { addMonths, at, between, DAY, maxDate, minDate } from "./calendar";
import { ALL_PUBLICS, roundTarget, TEMPLATES, type Template } from "./commitment-templates";
import type { Demo, SeededCompany } from "./demo-context";
import {
  contractFor,
  HOME_COMMUNES,
  NOTES,
  quantityFor,
  RANDOM_ACTIONS,
} from "./realisations-data";

export async function seedRealisations(demo: Demo, active: SeededCompany[]) {
  const { db, random, now, counts } = demo;
  const year = now.getFullYear();
  const windowStart = at(addMonths(now, -18), 12);
  const silentCutoff = addMonths(now, -4);
  const yesterday = new Date(now.getTime() - DAY);
  async function realisation(
    c: SeededCompany,
    date: Date,
    commitment: SeededCompany["commitments"][number] | null,
    forcedQuantity?: number,
  ) {
    let action: string;
    let publicCode: string;
    if (commitment) {
      action = commitment.action;
      publicCode = random.pick(commitment.publics);
    } else if (random.chance(0.7)) {
      const t: Template = TEMPLATES[random.pick(c.templates)];
      action = t.action;
      publicCode = random.pick(t.publics);
    } else {
      action = random.weighted(RANDOM_ACTIONS);
      publicCode = random.pick(ALL_PUBLICS);
    }
    const otherPublicLabel =
      publicCode === "OTHER" ? TEMPLATES.OTHER_AIDANTS.otherPublicLabel : null;
    const qpv =
      publicCode === "QPV"
        ? "YES"
        : random.weighted([
            ["YES", 18],
            ["NO", 50],
            ["UNKNOWN", 32],
          ] as const);
    await insertRealisation(db, {
      companyId: c.id,
      clubId: c.clubId,
      departementCode: c.departementCode,
      commitmentId: commitment?.id ?? null,
      date,
      actionTypeCode: action,
      publicCategoryCode: publicCode,
      otherPublicLabel,
      contractType: contractFor(random, action, publicCode),
      quantity: forcedQuantity ?? quantityFor(random, action),
      qpv,
      communeCode: random.chance(0.5) ? random.pick(HOME_COMMUNES[c.departementCode]) : null,
      note: random.chance(0.4) ? random.pick(NOTES[action] ?? NOTES.OTHER) : "",
      createdById: c.userId,
      createdAt: minDate(new Date(date.getTime() + random.int(0, 12) * DAY + 6 * 3600 * 1000), now),
    });
    counts.realisations++;
  }

  for (const c of active) {
    const from = maxDate(windowStart, c.joinedAt ?? windowStart);
    let to = c.leftAt ? minDate(c.leftAt, yesterday) : yesterday;
    if (c.silent) to = minDate(to, silentCutoff);
    let lastDate: Date | null = null;
    for (
      let month = new Date(from.getFullYear(), from.getMonth(), 1);
      month <= to;
      month = addMonths(month, 1)
    ) {
      const monthStart = maxDate(month, from);
      const monthEnd = minDate(new Date(month.getFullYear(), month.getMonth() + 1, 0, 12), to);
      if (monthEnd < monthStart) continue;
      const p = Math.min(0.9, 0.28 * c.activity);
      let n = 0;
      for (let k = 0; k < 3; k++) if (random.chance(p)) n++;
      for (let k = 0; k < n; k++) {
        const date = between(random, monthStart, monthEnd);
        const candidates = c.commitments.filter(
          (cm) => cm.year === date.getFullYear() && cm.status !== "DRAFT" && cm.startDate <= date,
        );
        const commitment =
          candidates.length > 0 && random.chance(0.65) ? random.pick(candidates) : null;
        await realisation(c, date, commitment);
        if (!lastDate || date > lastDate) lastDate = date;
      }
    }
    // Members who are not silent have declared something in the last weeks.
    if (!c.silent && !c.leftAt && (!lastDate || lastDate < addMonths(now, -1))) {
      const date = between(random, maxDate(addMonths(now, -1), from), yesterday);
      const candidates = c.commitments.filter((cm) => cm.year === year && cm.status === "ACTIVE");
      await realisation(c, date, candidates.length > 0 ? random.pick(candidates) : null);
    }
  }

  // Achieved commitments really reached their target: top up what the random draw left.
  for (const c of active) {
    for (const cm of c.commitments) {
      if (cm.status !== "ACHIEVED" || !cm.targetQuantity) continue;
      const done = await db.realisation.aggregate({
        where: { commitmentId: cm.id },
        _sum: { quantity: true },
      });
      let missing = cm.targetQuantity - (done._sum.quantity ?? 0);
      const from = maxDate(maxDate(cm.startDate, windowStart), c.joinedAt ?? windowStart);
      const to = minDate(minDate(cm.endDate, c.leftAt ?? yesterday), yesterday);
      if (to < from) continue;
      const perRow =
        cm.action === "INCLUSIVE_PURCHASE" || cm.action === "VOLUNTEERING" ? missing : 5;
      while (missing > 0) {
        const quantity = Math.min(missing, perRow);
        await realisation(c, between(random, from, to), cm, quantity);
        missing -= quantity;
      }
    }
  }

  // Commitments of this year still under way have not all reached their target yet: raise
  // the targets the random draw already passed (always for the demo company's dashboard).
  for (const c of active) {
    for (const cm of c.commitments) {
      if (cm.year !== year || cm.status !== "ACTIVE" || !cm.targetQuantity) continue;
      const done = await db.realisation.aggregate({
        where: { commitmentId: cm.id },
        _sum: { quantity: true },
      });
      const sum = done._sum.quantity ?? 0;
      if (sum < cm.targetQuantity) continue;
      if (c.key !== "delattre" && random.chance(0.3)) continue;
      const targetQuantity = roundTarget(Math.ceil(sum * (1.2 + random.next() * 0.6)) + 1);
      await db.commitment.update({ where: { id: cm.id }, data: { targetQuantity } });
      cm.targetQuantity = targetQuantity;
    }
  }
}

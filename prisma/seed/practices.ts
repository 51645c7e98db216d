// The demo good practices, with their kudos, comments and the companies that tried them.

import { addComment, addKudos, insertPractice } from "../factories";
import { addMonths, at, DAY, minDate } from "./calendar";
import type { Demo, DemoClubs, DemoStaff, SeededCompany } from "./demo-context";
import { PRACTICES } from "./practices-data";

/** Returns the practices' ids by their key in PRACTICES. */
export async function seedPractices(
  demo: Demo,
  seeded: SeededCompany[],
  byKey: Map<string, SeededCompany>,
  { club62, club59 }: DemoClubs,
  { animator, animatorNord }: DemoStaff,
): Promise<Record<string, string>> {
  const { db, random, now, counts } = demo;
  const clubUsers62 = seeded
    .filter((c) => c.clubId === club62.id && c.userId)
    .map((c) => c.userId!);
  const clubUsers59 = seeded
    .filter((c) => c.clubId === club59.id && c.userId)
    .map((c) => c.userId!);
  const practiceIds: Record<string, string> = {};
  for (const [index, p] of PRACTICES.entries()) {
    const c = byKey.get(p.company)!;
    const createdAt = at(addMonths(now, -p.monthsAgo), 9 + (index % 8));
    const commitment = c.commitments.find((cm) => cm.action === p.linkAction);
    const row = await insertPractice(db, {
      companyId: c.id,
      clubId: c.clubId,
      authorId: c.userId,
      commitmentId: commitment?.id ?? null,
      title: p.title,
      body: p.body,
      visibility: p.visibility,
      featuredAt: p.featured ? at(addMonths(now, -1), 11) : null,
      createdAt,
      tags: p.tags,
    });
    practiceIds[p.key] = row.id;
    counts.practices++;

    const pool = (
      c.clubId === club62.id ? [...clubUsers62, animator.id] : [...clubUsers59, animatorNord.id]
    ).filter((id) => id !== c.userId);
    const kudosCount = p.featured
      ? Math.min(pool.length, 8)
      : random.int(0, Math.min(5, pool.length));
    for (const userId of random.sample(pool, kudosCount)) {
      await addKudos(db, {
        practiceId: row.id,
        userId,
        createdAt: minDate(new Date(createdAt.getTime() + random.int(1, 20) * DAY), now),
      });
    }
    for (const [i, body] of (p.comments ?? []).entries()) {
      await addComment(db, {
        practiceId: row.id,
        authorId: random.pick(pool),
        body,
        createdAt: minDate(new Date(createdAt.getTime() + (i + 1) * random.int(1, 6) * DAY), now),
      });
    }
    for (const triedBy of p.triedBy ?? []) {
      await db.practiceTried.create({
        data: {
          practiceId: row.id,
          companyId: byKey.get(triedBy)!.id,
          createdAt: minDate(new Date(createdAt.getTime() + random.int(10, 40) * DAY), now),
        },
      });
    }
  }
  return practiceIds;
}

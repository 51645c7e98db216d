// The demo meetings and their invitations: answers and attendance drawn for the past ones.

import { insertMeeting, type MeetingInvitationInput } from "../factories";
import { at, DAY, minDate } from "./calendar";
import type { Demo, DemoClubs, DemoStaff, SeededCompany } from "./demo-context";
import { meetings62 } from "./meetings-data";

export async function seedMeetings(
  demo: Demo,
  seeded: SeededCompany[],
  { club62, club59 }: DemoClubs,
  { animator, animatorNord }: DemoStaff,
  practiceIds: Record<string, string>,
) {
  const { db, random, now, counts } = demo;
  const members62 = seeded.filter((c) => c.clubId === club62.id && c.status === "MEMBER");
  const prospects62 = seeded.filter((c) => c.clubId === club62.id && c.status === "PROSPECT");
  const members59 = seeded.filter((c) => c.clubId === club59.id && c.status === "MEMBER");

  function invitations(
    companies: SeededCompany[],
    startsAt: Date,
    past: boolean,
  ): MeetingInvitationInput[] {
    const sentAt = new Date(startsAt.getTime() - 21 * DAY);
    return (
      companies
        .filter((c) => !c.joinedAt || c.joinedAt < sentAt || c.status === "PROSPECT")
        // Reachable only: a company's people, or the contact of one without an account.
        .filter((c) => c.userId || !c.noContactEmail)
        .map((c) => {
          const rsvp =
            !past && c.key === "delattre"
              ? "PENDING"
              : random.weighted(
                  past
                    ? ([
                        ["YES", 60],
                        ["NO", 20],
                        ["MAYBE", 6],
                        ["PENDING", 14],
                      ] as const)
                    : ([
                        ["YES", 35],
                        ["NO", 10],
                        ["MAYBE", 10],
                        ["PENDING", 45],
                      ] as const),
                );
          const attended = past
            ? rsvp === "YES"
              ? random.chance(0.88)
              : rsvp === "MAYBE"
                ? random.chance(0.5)
                : rsvp === "PENDING"
                  ? random.chance(0.1)
                  : false
            : null;
          return {
            email: c.email,
            userId: c.userId,
            companyId: c.id,
            name: c.userId ? null : c.contact,
            rsvp,
            rsvpAt:
              rsvp === "PENDING"
                ? null
                : minDate(new Date(sentAt.getTime() + random.int(1, 12) * DAY), now),
            attended,
            sentAt: minDate(sentAt, now),
          };
        })
    );
  }

  for (const m of meetings62(now)) {
    const past = m.startsAt < now;
    await insertMeeting(db, {
      clubId: club62.id,
      title: m.title,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      place: m.place,
      videoUrl: m.videoUrl ?? null,
      agenda: m.agenda,
      minutes: m.minutes ?? null,
      minutesPublishedAt: m.minutes ? new Date(m.endsAt.getTime() + 3 * DAY) : null,
      reminderSentAt: past ? new Date(m.startsAt.getTime() - 2 * DAY) : null,
      createdById: animator.id,
      createdAt: new Date(m.startsAt.getTime() - 30 * DAY),
      invitations: invitations(
        m.withProspects ? [...members62, ...prospects62] : members62,
        m.startsAt,
        past,
      ),
      practiceIds: (m.practices ?? []).map((key) => practiceIds[key]).filter(Boolean),
    });
    counts.meetings++;
  }
  const nordStart = at(new Date(now.getTime() + 26 * DAY), 8, 30);
  await insertMeeting(db, {
    clubId: club59.id,
    title: "Petit-déjeuner du club : l'inclusion dans les métiers du numérique",
    startsAt: nordStart,
    endsAt: new Date(nordStart.getTime() + 2 * 3600 * 1000),
    place: "Code Flandre, Lille (accès métro Gare Lille-Flandres)",
    agenda:
      "1. Tour de table des engagements de l'année\n" +
      "2. Témoignage : une promotion de développeurs en reconversion\n" +
      "3. Préparation du job dating de printemps à Roubaix",
    createdById: animatorNord.id,
    createdAt: new Date(now.getTime() - 5 * DAY),
    invitations: invitations(members59, nordStart, false),
  });
  counts.meetings++;
}

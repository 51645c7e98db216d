// Wording slips (issue 18, point 8): counts agree with their noun everywhere, through one helper
// (countOf / agreed of app/utils/format.ts), including in e-mails and Passerelles' reasons.
import { describe, expect, test } from "vitest";
import { practiceDigestEmail } from "../emails/practice-digest";
import { agreed, countOf, quantityOf } from "~/utils/format";

describe("countOf and agreed", () => {
  test("singular for 0 and 1, plural from 2, French number format", () => {
    expect(countOf(0, "personne")).toBe("0 personne");
    expect(countOf(1, "personne")).toBe("1 personne");
    expect(countOf(2, "personne")).toBe("2 personnes");
    expect(countOf(1500, "heure")).toBe("1\u202f500 heures");
    expect(countOf(1, "entreprise membre", "entreprises membres")).toBe("1 entreprise membre");
    expect(countOf(3, "engagement atteint", "engagements atteints")).toBe("3 engagements atteints");
    expect(agreed(1, "demandée")).toBe("demandée");
    expect(agreed(4, "demandée")).toBe("demandées");
    expect(quantityOf(1, "HOURS")).toBe("1 heure");
    expect(quantityOf(1, "PEOPLE")).toBe("1 personne");
  });
});

describe("the weekly digest's progress line", () => {
  const digest = (members: number, realisations: number, achievedCommitments: number) =>
    practiceDigestEmail({
      clubName: "Club Arras",
      weekLabel: "semaine du 30 novembre 2026",
      featured: [],
      appreciated: [],
      newPractices: 1,
      nextMeeting: null,
      progress: { members, realisations, achievedCommitments, year: 2026 },
      feedUrl: "http://localhost/pratiques",
      unsubscribeUrl: "http://localhost/lettre.desabonnement/x",
    }).text;

  test("one of each: singular", () => {
    const text = digest(1, 1, 1);
    expect(text).toContain(
      "1 entreprise membre, 1 réalisation déclarée en 2026, 1 engagement atteint.",
    );
    expect(text).toContain("1 nouvelle pratique partagée cette semaine.");
    expect(text).not.toMatch(/\b1 \p{L}+s\b/u);
  });

  test("several: plural", () => {
    expect(digest(12, 40, 0)).toContain(
      "12 entreprises membres, 40 réalisations déclarées en 2026, 0 engagement atteint.",
    );
  });
});

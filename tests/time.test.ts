import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { PARIS, zoneOfDepartement } from "~/utils/time/zones";
import {
  calendarDay,
  latestToday,
  parseLocal,
  startOfDay,
  startOfMonth,
  toLocalInput,
} from "~/utils/time/wall-clock";
import { formatDate, formatDateTime, formatDay, formatMonth, formatTime } from "~/utils/format";
import { formatMeetingWhen } from "~/utils/time/meeting-format.server";

const REUNION = zoneOfDepartement("974");
const GUADELOUPE = zoneOfDepartement("971");
const iso = (r: ReturnType<typeof parseLocal>) => (r.ok ? r.date.toISOString() : r.reason);

describe("the zone of a club", () => {
  test("the five overseas départements have their own, every other one is Paris", () => {
    expect(["971", "972", "973", "974", "976"].map(zoneOfDepartement)).toEqual([
      "America/Guadeloupe",
      "America/Martinique",
      "America/Cayenne",
      "Indian/Reunion",
      "Indian/Mayotte",
    ]);
    expect(["62", "2A", "2B", "75", "", null, undefined].map(zoneOfDepartement)).toEqual(
      Array(7).fill(PARIS),
    );
  });
});

describe("Paris across the daylight-saving changes", () => {
  test("winter and summer times round-trip", () => {
    expect(iso(parseLocal("2026-12-10T09:00"))).toBe("2026-12-10T08:00:00.000Z");
    expect(iso(parseLocal("2026-06-10T09:00"))).toBe("2026-06-10T07:00:00.000Z");
    expect(toLocalInput(new Date("2026-12-10T08:00:00Z"))).toBe("2026-12-10T09:00");
    expect(toLocalInput(new Date("2026-06-10T07:00:00Z"))).toBe("2026-06-10T09:00");
  });

  test("last Sunday of March: 02:30 does not exist, 01:59 and 03:00 do", () => {
    expect(parseLocal("2026-03-29T02:30")).toEqual({ ok: false, reason: "nonexistent" });
    expect(iso(parseLocal("2026-03-29T01:59"))).toBe("2026-03-29T00:59:00.000Z");
    expect(iso(parseLocal("2026-03-29T03:00"))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(parseLocal("2027-03-28T02:00"))).toBe("nonexistent");
  });

  test("last Sunday of October: 02:30 happens twice, the first (summer time) is taken", () => {
    expect(iso(parseLocal("2026-10-25T02:30"))).toBe("2026-10-25T00:30:00.000Z");
    expect(toLocalInput(new Date("2026-10-25T01:30:00Z"))).toBe("2026-10-25T02:30");
    expect(iso(parseLocal("2026-10-25T03:00"))).toBe("2026-10-25T02:00:00.000Z");
  });

  test("a day of 23 or 25 hours starts at its midnight", () => {
    expect(startOfDay(new Date("2026-03-29T20:00:00Z")).toISOString()).toBe(
      "2026-03-28T23:00:00.000Z",
    );
    expect(startOfDay(new Date("2026-10-25T20:00:00Z")).toISOString()).toBe(
      "2026-10-24T22:00:00.000Z",
    );
    expect(startOfMonth(new Date("2026-04-01T00:30:00+02:00")).toISOString()).toBe(
      "2026-03-31T22:00:00.000Z",
    );
  });

  test("bad values are refused, not guessed", () => {
    expect(parseLocal("2026-02-30T10:00")).toEqual({ ok: false, reason: "format" });
    expect(parseLocal("2026-02-10T24:00")).toEqual({ ok: false, reason: "format" });
    expect(parseLocal("demain")).toEqual({ ok: false, reason: "format" });
  });
});

describe("a Réunion club (UTC+4, no daylight saving)", () => {
  test("9:00 in Saint-Denis is 05:00 UTC, in winter and in summer, and the Paris gaps exist", () => {
    expect(iso(parseLocal("2026-12-10T09:00", REUNION))).toBe("2026-12-10T05:00:00.000Z");
    expect(iso(parseLocal("2026-06-10T09:00", REUNION))).toBe("2026-06-10T05:00:00.000Z");
    expect(iso(parseLocal("2026-03-29T02:30", REUNION))).toBe("2026-03-28T22:30:00.000Z");
    expect(toLocalInput(new Date("2026-06-10T05:00:00Z"), REUNION)).toBe("2026-06-10T09:00");
  });

  test("its meeting reads at its own hour, with the zone's name", () => {
    const start = new Date("2026-12-10T05:00:00Z");
    const end = new Date("2026-12-10T07:30:00Z");
    expect(formatMeetingWhen(start, end, REUNION)).toBe(
      "jeudi 10 décembre 2026, de 09\u00a0h\u00a000 à 11\u00a0h\u00a030, heure de La Réunion",
    );
    expect(formatTime(start, REUNION)).toBe("09\u00a0h\u00a000");
    // The same instant in Paris, without a zone name (the usual case).
    expect(formatMeetingWhen(start, end)).toBe(
      "jeudi 10 décembre 2026, de 06\u00a0h\u00a000 à 08\u00a0h\u00a030",
    );
  });

  test("its day comes first: a date is in the future only after La Réunion's today", () => {
    expect(latestToday(new Date("2026-06-30T19:59:00Z"))).toBe("2026-06-30");
    expect(latestToday(new Date("2026-06-30T20:00:00Z"))).toBe("2026-07-01");
  });

  test("its month starts at its own midnight (20:00 UTC the day before)", () => {
    expect(startOfMonth(new Date("2026-06-30T21:00:00Z"), REUNION).toISOString()).toBe(
      "2026-06-30T20:00:00.000Z",
    );
    expect(calendarDay(new Date("2026-06-30T21:00:00Z"), REUNION)).toBe("2026-07-01");
  });
});

describe("a Guadeloupe club (UTC−4)", () => {
  test("9:00 in Pointe-à-Pitre is 13:00 UTC", () => {
    expect(iso(parseLocal("2026-12-10T09:00", GUADELOUPE))).toBe("2026-12-10T13:00:00.000Z");
    expect(formatDateTime(new Date("2026-12-10T13:00:00Z"), GUADELOUPE)).toBe(
      "10 décembre 2026 à 09:00",
    );
    expect(formatDate(new Date("2026-12-11T02:00:00Z"), GUADELOUPE)).toBe("10 décembre 2026");
  });

  test("a day-only value stored at UTC midnight stays on its day", () => {
    const day = new Date("2026-03-01T00:00:00Z");
    expect(formatDay(day)).toBe("1 mars 2026");
    expect(formatDay("2026-03-01T00:00:00.000Z")).toBe("1 mars 2026");
    expect(formatMonth(day)).toBe("mars 2026");
    expect(formatMonth(new Date("2026-12-01T00:00:00Z"), "short")).toBe("déc. 2026");
    // Read as an instant in Guadeloupe it would be the day before: the reason for formatDay.
    expect(formatDate(day, GUADELOUPE)).toBe("28 février 2026");
  });
});

describe("one home for time", () => {
  test("no date formatter or zone outside app/utils/format.ts and app/utils/time/", () => {
    const homes = [path.join("app", "utils", "format.ts"), path.join("app", "utils", "time")];
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated") walk(file);
        } else if (/\.tsx?$/.test(entry.name) && !homes.some((h) => file.startsWith(h))) {
          const text = fs.readFileSync(file, "utf8");
          for (const pattern of [
            /Intl\.DateTimeFormat/,
            /toLocale(Date|Time)?String\(\)/,
            /timeZone:/,
          ]) {
            if (pattern.test(text)) found.push(`${file}: ${pattern.source}`);
          }
        }
      }
    };
    walk("app");
    expect(found).toEqual([]);
  });
});

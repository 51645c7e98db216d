// "Today" and "this year" are those of the scope's zone (decision 021): a company's in its club's
// zone, a club's figures in its zone, the country's in Paris. At 21:00 UTC it is already the next
// day in La Réunion (UTC+4); at 02:00 UTC it is still the day before in Guadeloupe (UTC−4).
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import {
  addMembership,
  grantRole,
  insertClub,
  insertCompany,
  insertUser,
} from "../prisma/factories";
import { parseFigurePeriod } from "~/models/figures-period.server";
import { companyToday } from "~/models/realisation.server";
import { loader as adminLoader } from "~/routes/admin._index";
import { loader as clubFiguresLoader } from "~/routes/club.$clubId.chiffres";
import { loader as clubHomeLoader } from "~/routes/club.$clubId._index";
import { loader as newRealisationLoader } from "~/routes/entreprise.$companyId.realisations.nouvelle";
import { prisma } from "~/utils/db.server";
import { PARIS, zoneOfDepartement } from "~/utils/time/zones";
import { callAs } from "./utils/session";

const REUNION = zoneOfDepartement("974");
const GUADELOUPE = zoneOfDepartement("971");
/** New Year's Eve, 21:00 UTC: 1 January 2027, 01:00 in La Réunion; 22:00 in Paris. */
const NEW_YEAR_EVE_21Z = new Date("2026-12-31T21:00:00Z");

let reunionCompany: string;
let guadeloupeCompany: string;
let parisCompany: string;
let lonelyCompany: string;
let reunionClub: string;
let reunionMember: string;
let reunionAnimator: string;
let admin: string;

beforeAll(async () => {
  const companyIn = async (departementCode: string, communeCode: string) => {
    const club = await insertClub(prisma, { departementCode });
    const company = await insertCompany(prisma, { communeCode });
    await addMembership(prisma, { companyId: company.id, clubId: club.id });
    return { club: club.id, company: company.id };
  };
  const reunion = await companyIn("974", "97411");
  reunionClub = reunion.club;
  reunionCompany = reunion.company;
  guadeloupeCompany = (await companyIn("971", "97101")).company;
  parisCompany = (await companyIn("62", "62041")).company;
  lonelyCompany = (await insertCompany(prisma, { communeCode: "62041" })).id;
  reunionMember = (await insertUser(prisma)).id;
  await grantRole(prisma, reunionMember, { role: "COMPANY", companyId: reunionCompany });
  reunionAnimator = (await insertUser(prisma)).id;
  await grantRole(prisma, reunionAnimator, { role: "ANIMATOR", clubId: reunionClub });
  admin = (await insertUser(prisma)).id;
  await grantRole(prisma, admin, { role: "ADMIN" });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("the new realisation form's date", () => {
  test("is today in the zone of the company's club, Paris without a club", async () => {
    expect(await companyToday(reunionCompany, NEW_YEAR_EVE_21Z)).toBe("2027-01-01");
    expect(await companyToday(parisCompany, NEW_YEAR_EVE_21Z)).toBe("2026-12-31");
    expect(await companyToday(lonelyCompany, new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(await companyToday(guadeloupeCompany, new Date("2027-01-01T02:00:00Z"))).toBe(
      "2026-12-31",
    );
  });

  test("the page's loader gives it to the form", async () => {
    // The session is made under the same clock (callAs signs in first).
    vi.useFakeTimers({ now: NEW_YEAR_EVE_21Z, toFake: ["Date"] });
    const page = await callAs(
      newRealisationLoader,
      `/entreprise/${reunionCompany}/realisations/nouvelle`,
      reunionMember,
      { companyId: reunionCompany },
    );
    expect(page.status).toBe(200);
    expect((page.body as { today: string }).today).toBe("2027-01-01");
  });
});

describe("the figures' current period", () => {
  test("a club's year and today are its zone's", () => {
    const period = parseFigurePeriod(new URL("http://x/"), NEW_YEAR_EVE_21Z, REUNION);
    expect(period.year).toBe(2027);
    expect(period.current).toEqual({
      from: new Date(Date.UTC(2027, 0, 1)),
      to: new Date(Date.UTC(2027, 0, 2)),
    });
    expect(period.partial).toBe(true);
    const guadeloupe = parseFigurePeriod(
      new URL("http://x/"),
      new Date("2027-01-01T02:00:00Z"),
      GUADELOUPE,
    );
    expect(guadeloupe.year).toBe(2026);
    expect(guadeloupe.partial).toBe(false);
  });

  test("the country's are Paris's", () => {
    const period = parseFigurePeriod(new URL("http://x/"), new Date("2026-12-31T23:30:00Z"));
    expect(period.year).toBe(2027);
    expect(period.current.to).toEqual(new Date(Date.UTC(2027, 0, 2)));
    expect(parseFigurePeriod(new URL("http://x/"), NEW_YEAR_EVE_21Z, PARIS).year).toBe(2026);
  });

  test("the club's figures page and the national view read them so", async () => {
    vi.useFakeTimers({ now: NEW_YEAR_EVE_21Z, toFake: ["Date"] });
    const club = await callAs(clubFiguresLoader, `/club/${reunionClub}/chiffres`, reunionAnimator, {
      clubId: reunionClub,
    });
    expect(club.status).toBe(200);
    expect((club.body as { period: { label: string } }).period.label).toBe(
      "L'année 2027 (du 1 janvier 2027 au 1 janvier 2027)",
    );
    vi.setSystemTime(new Date("2026-12-31T23:30:00Z"));
    const national = await callAs(adminLoader, "/admin", admin, {});
    expect(national.status).toBe(200);
    const body = national.body as { year: number; trend: Array<{ month: string }> };
    expect(body.year).toBe(2027);
    expect(body.trend.at(-1)?.month).toBe("2027-01");
  });
});

describe("the club home", () => {
  test("its members table's year is the club's", async () => {
    vi.useFakeTimers({ now: NEW_YEAR_EVE_21Z, toFake: ["Date"] });
    const home = await callAs(clubHomeLoader, `/club/${reunionClub}`, reunionAnimator, {
      clubId: reunionClub,
    });
    expect(home.status).toBe(200);
    expect((home.body as { query: { annee: number } }).query.annee).toBe(2027);
  });
});

// Hostile input on every action and every loader's query string, found automatically: each route
// module exporting `action` gets random, oversized, wrongly typed, duplicated and
// injection-shaped form fields (named after the fields its source and form components mention),
// posted by an actor the authorisation matrix allows; each loader gets such query strings.
// Whatever comes in: never a 5xx; a refused request (4xx) writes nothing at all; and no request
// of a side-A person ever changes a row of side B (ids of side B are among the values sent).
// fast-check runs with a fixed seed and a bounded number of runs per route.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { appRequest, sessionCookieFor } from "./utils/session";
import { prisma } from "~/utils/db.server";
import { readJournalFilters } from "~/models/audit-journal.server";
import { parseMemberQuery } from "~/models/club.server";
import { ROUTE_MATRIX, type Expectation } from "./security/route-matrix";
import { databaseFingerprint, type Fingerprint } from "./security/database-fingerprint";
import { callRoute, importRoute, listRouteFiles, urlOf, type RouteFile } from "./security/routes";
import { buildWorld, paramsFor, type Actor, type World } from "./security/world";

const SEED = 20261124;
const ACTION_RUNS = 12;
const QUERY_RUNS = 6;

let world: World;
let sideBIds: string[];
/** The database as the previous request (or sign-in) left it. */
let current: Fingerprint;
beforeAll(async () => {
  world = await buildWorld();
  const b = world.b;
  sideBIds = [
    ...Object.values(b.params).filter((v) => v !== b.departementCode),
    b.membership.id,
    b.leader.id,
    b.animator.id,
    b.prefecture.id,
    // Rows a hidden field may name: invitations, roles, meeting invitations of side B.
    ...(await prisma.invitation.findMany({ where: { companyId: b.company.id } })).map((r) => r.id),
    ...(
      await prisma.roleAssignment.findMany({
        where: { userId: { in: [b.leader.id, b.animator.id, b.prefecture.id] } },
      })
    ).map((r) => r.id),
    ...b.meeting.invitations.map((r) => r.id),
  ];
});

/** The first actor allowed past authorisation on side A (per the matrix), or null. */
function allowedActor(expectation: Expectation): Actor | null {
  const order: Actor[] = ["company", "animator", "prefecture", "admin", "anonymous"];
  for (const actor of order) {
    const cell = expectation[actor];
    const own = typeof cell === "object" ? cell.own : cell;
    if (own !== "login" && own !== 401 && own !== 403 && own !== 404 && own !== 405) return actor;
  }
  return null;
}

const APP_DIR = path.resolve("app");

/** The route's source and the client-side modules it imports (schemas, form components). */
function sourcesOf(route: RouteFile): string {
  const source = fs.readFileSync(route.file, "utf8");
  const imported = [
    ...source.matchAll(/from "~\/((?:utils\/schemas|components)\/[\w-]+|utils\/validation)"/g),
  ]
    .map((m) => ["ts", "tsx"].map((ext) => path.join(APP_DIR, `${m[1]}.${ext}`)))
    .flat()
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, "utf8"));
  return [source, ...imported].join("\n");
}

/** Field names and literal values the forms of a route use. */
function vocabularyOf(source: string) {
  const names = new Set<string>(["intent"]);
  const patterns = [
    /name="([\w.[\]-]+)"/g,
    /name: "([\w.[\]-]+)"/g,
    /\.get(?:All)?\("([\w.[\]-]+)"\)/g,
    /fields\.(\w+)/g,
    /^\s*(\w+): z\b/gm,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) names.add(m[1]);
  const literals = new Set<string>();
  for (const m of source.matchAll(/(?:value|case|===) ?=? ?"([\w-]{1,40})"/g)) literals.add(m[1]);
  const intents = new Set<string>();
  for (const m of source.matchAll(/intent\S*\s*[!=]==\s*"([\w-]+)"|case "([\w-]+)"/g)) {
    intents.add(m[1] ?? m[2]);
  }
  for (const m of source.matchAll(/name="intent"[\s\S]{0,80}?value="([\w-]+)"/g)) intents.add(m[1]);
  return { names: [...names], literals: [...literals], intents: [...intents] };
}

const INJECTIONS = [
  "' OR '1'='1' --",
  "'); DROP TABLE User; --",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  '=HYPERLINK("http://attaquant.example")',
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "__proto__",
  "constructor",
  "\u0000",
  "\u202e\u200b",
  "%00%0d%0a",
  // Markdown nested deeper than marked's recursion can go (a stored denial of service).
  `${"> ".repeat(3000)}a`,
  `${"1. ".repeat(1800)}a`,
  `${"*a ".repeat(700)}x`,
];
const WRONG_TYPES = [
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "99999999999999999999",
  "1.5",
  "true",
  "null",
  "[]",
  "{}",
];
/** A very long value, shown shortened in fast-check's counterexamples. */
class LongText {
  constructor(readonly length: number) {}
  toString() {
    return "é".repeat(this.length);
  }
  [fc.toStringMethod]() {
    return `"é"×${this.length}`;
  }
}
type Text = string | LongText;

const ODD_DATES = [
  "2026-02-30",
  "0000-00-00",
  "9999-12-31",
  "2026-13-01",
  "31/12/2026",
  "2026-06-15T25:61",
];

function valueArbitrary(literals: string[]) {
  const ids = [...Object.values(world.a.params), ...Object.values(world.b.params), ...sideBIds];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...INJECTIONS), weight: 2 },
    { arbitrary: fc.constantFrom(...WRONG_TYPES), weight: 2 },
    { arbitrary: fc.constantFrom(...ODD_DATES), weight: 1 },
    { arbitrary: fc.constantFrom(...ids), weight: 2 },
    { arbitrary: literals.length ? fc.constantFrom(...literals) : fc.constant(""), weight: 2 },
    { arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }), weight: 2 },
    {
      arbitrary: fc.integer({ min: 2_000, max: 200_000 }).map((n): Text => new LongText(n)),
      weight: 1,
    },
    { arbitrary: fc.constant(""), weight: 1 },
  );
}

/** A form: some known fields (each once, or duplicated), sometimes unknown ones. */
function formArbitrary(names: string[], literals: string[]) {
  const value = valueArbitrary(literals);
  const entry = fc.tuple(
    fc.oneof({ arbitrary: fc.constantFrom(...names), weight: 5 }, fc.string({ maxLength: 20 })),
    fc.array(value, { minLength: 1, maxLength: 3 }),
  );
  return fc.record({
    entries: fc.array(entry, { minLength: 0, maxLength: 12 }),
    multipart: fc.boolean(),
  });
}

function encode(entries: [string, Text[]][], multipart: boolean): RequestInit {
  if (multipart) {
    const form = new FormData();
    for (const [name, values] of entries) for (const v of values) form.append(name, String(v));
    return { body: form };
  }
  const params = new URLSearchParams();
  for (const [name, values] of entries) for (const v of values) params.append(name, String(v));
  return { body: params };
}

const routes = listRouteFiles().filter((route) => ROUTE_MATRIX[route.id]);

/** Signs of an internal error leaking out: stack frames, exception names, the ORM, SQL. */
const INTERNALS = /\bat .+:\d+:\d+|TypeError|ReferenceError|Prisma|SQLITE|node_modules/;

/** The text a refusal sends: a Response's body, or the data of `data(…, { status })`. */
async function bodyText(value: unknown): Promise<string> {
  if (value instanceof Response) return value.clone().text();
  const data = (value as { data?: unknown } | null)?.data;
  return JSON.stringify(data ?? value);
}

/** Signs the actor in, then notes the database as it stands (signing in stamps lastLoginAt). */
async function signInAs(actor: Actor) {
  const cookie = actor === "anonymous" ? undefined : await sessionCookieFor(world.actorIds[actor]);
  current = await databaseFingerprint(sideBIds);
  return cookie;
}

async function checkOne(
  route: RouteFile,
  method: "GET" | "POST",
  actor: Actor,
  cookie: string | undefined,
  entries: [string, Text[]][],
  multipart: boolean,
  /** A body sent as is, instead of a form made of `entries`. */
  rawBody?: { init: RequestInit; label: string },
) {
  const module = await importRoute(route);
  const row = ROUTE_MATRIX[route.id];
  const params = paramsFor(world, route.params, "own", row.token);
  const before = current;
  let url = urlOf(route.id, params);
  let init: RequestInit = {};
  if (method === "GET") {
    const query = new URLSearchParams();
    for (const [name, values] of entries)
      for (const v of values) query.append(name, String(v).slice(0, 2_000));
    url += `?${query}`;
  } else {
    init = rawBody?.init ?? encode(entries, multipart);
  }
  const call = await callRoute(
    module,
    method,
    appRequest(url, { method, cookie, ...init }),
    params,
  );
  const sent = rawBody?.label ?? fc.stringify(entries);
  if (call.outcome === 500) {
    throw new Error(`${method} ${route.id} en ${actor} : erreur 500 pour ${sent}`, {
      cause: call.error,
    });
  }
  current = await databaseFingerprint(sideBIds);
  const refused = call.outcome !== "login" && call.outcome >= 400;
  if (refused || method === "GET") {
    expect(current.all, `${method} ${route.id} refusé (${call.outcome}) mais écrit : ${sent}`).toBe(
      before.all,
    );
  }
  if (refused) {
    const body = await bodyText(call.value);
    expect(body, `${method} ${route.id} : réponse ${call.outcome} sans message`).toMatch(
      /[a-zà-ü]{3}/i,
    );
    expect(body, `${method} ${route.id} : détail interne dans la réponse`).not.toMatch(INTERNALS);
  }
  // The national admin may act on any scope; everyone else must never reach side B.
  if (actor !== "admin") {
    expect(current.mentioning, `${route.id} a touché l'autre périmètre : ${sent}`).toBe(
      before.mentioning,
    );
  }
}

describe("hostile input", { timeout: 60_000 }, () => {
  for (const route of routes) {
    const row = ROUTE_MATRIX[route.id];
    const source = sourcesOf(route);
    const { names, literals } = vocabularyOf(source);
    const postActor = allowedActor(row.post);
    const getActor = allowedActor(row.get);

    if (postActor) {
      test(`POST ${route.id}`, async () => {
        const cookie = await signInAs(postActor);
        await fc.assert(
          fc.asyncProperty(formArbitrary(names, literals), async ({ entries, multipart }) => {
            await checkOne(route, "POST", postActor, cookie, entries, multipart);
          }),
          { seed: SEED, numRuns: ACTION_RUNS, endOnFailure: true },
        );
      });
    }
    if (getActor && /searchParams|request\.url/.test(source)) {
      test(`GET ${route.id}?…`, async () => {
        const cookie = await signInAs(getActor);
        await fc.assert(
          fc.asyncProperty(formArbitrary(names, literals), async ({ entries }) => {
            await checkOne(route, "GET", getActor, cookie, entries, false);
          }),
          { seed: SEED, numRuns: QUERY_RUNS, endOnFailure: true },
        );
      });
    }
  }
});

// Changing a hidden id is the classic way to reach another company's data: every action that
// names a row in a field (`id`, `membershipId`…) gets every intent it knows with each of side
// B's ids in that field. Nothing of side B may change, whatever the answer.
// A page's own subject may be deleted or closed by one of its intents (a practice's "delete"):
// such intents run last, and pages under a subject (`….modifier`) before the subject's page
// (`…._index`, sorted first), so every other request still finds side A's row.
const DESTRUCTIVE = /^(delete|close|remove)/;
// Every intent × every id of side B: the busiest routes take ~15 s on a loaded 2-core machine.
describe("another scope's ids in hidden fields", { timeout: 60_000 }, () => {
  for (const route of [...routes].reverse()) {
    const row = ROUTE_MATRIX[route.id];
    const actor = allowedActor(row.post);
    const { names, intents } = vocabularyOf(sourcesOf(route));
    const idFields = names.filter((name) => /(^id|Id)$/.test(name));
    if (!actor || actor === "admin" || idFields.length === 0) continue;
    test(`POST ${route.id} (${idFields.join(", ")})`, async () => {
      const cookie = await signInAs(actor);
      const ordered = [
        ...intents.filter((i) => !DESTRUCTIVE.test(i)),
        ...intents.filter((i) => DESTRUCTIVE.test(i)),
      ];
      for (const intent of ["", ...ordered]) {
        for (const field of idFields) {
          for (const id of sideBIds) {
            const entries: [string, Text[]][] = [[field, [id]]];
            if (intent) entries.push(["intent", [intent]]);
            await checkOne(route, "POST", actor, cookie, entries, false);
          }
        }
      }
    });
  }
});

// Bodies that are not forms (issue 12, finding 8): no body at all, other content types, a broken
// multipart. Express lets a body-less POST through, so every action meets these: a French 4xx
// (or its usual answer), never a 500, and nothing written.
const ODD_BODIES: { label: string; init: RequestInit }[] = [
  { label: "aucun corps", init: {} },
  { label: "corps vide sans type", init: { body: "" } },
  { label: "text/plain", init: { body: "x=1", headers: { "Content-Type": "text/plain" } } },
  { label: "JSON", init: { body: '{"a":1}', headers: { "Content-Type": "application/json" } } },
  {
    label: "multipart sans frontière",
    init: { body: "x", headers: { "Content-Type": "multipart/form-data" } },
  },
  {
    label: "multipart tronqué",
    init: {
      body: '--b\r\nContent-Disposition: form-data; name="intent"\r\n\r\nx',
      headers: { "Content-Type": "multipart/form-data; boundary=b" },
    },
  },
];
describe("bodies that are not forms", () => {
  for (const route of routes) {
    const actor = allowedActor(ROUTE_MATRIX[route.id].post);
    if (!actor) continue;
    test(`POST ${route.id}`, async () => {
      const cookie = await signInAs(actor);
      for (const body of ODD_BODIES) {
        await checkOne(route, "POST", actor, cookie, [], false, body);
      }
    });
  }
});

// Keys that every object inherits, used as query values: a lookup in a map of allowed values
// (`?tri=__proto__`) must find nothing. Every query parameter the app reads gets each of them.
const INHERITED_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];
const QUERY_NAMES = [
  ...new Set(
    fs
      .readdirSync(APP_DIR, { recursive: true, encoding: "utf8" })
      .filter((file) => /\.tsx?$/.test(file))
      .map((file) => fs.readFileSync(path.join(APP_DIR, file), "utf8"))
      .filter((source) => source.includes("searchParams"))
      .flatMap((source) => [
        ...source.matchAll(/(?:searchParams\.get|\b(?:get|text|day))\("(\w+)"/g),
      ])
      .map((m) => m[1]),
  ),
];
describe("inherited object keys in query strings", () => {
  test("the app reads query parameters (the list below is found, not empty)", () => {
    expect(QUERY_NAMES).toEqual(expect.arrayContaining(["tri", "etat", "objet", "ordre"]));
  });
  // A loader may pass such a choice on and only the page break (`/admin?tri=__proto__` was a 500
  // while rendering its headers): the choices themselves fall back to their defaults.
  test("a choice among allowed values falls back to its default", async () => {
    const admin = await importRoute(routes.find((r) => r.id === "admin._index")!);
    const cookie = await signInAs("admin");
    for (const key of INHERITED_KEYS) {
      const url = `http://x/?tri=${key}&etat=${key}&objet=${key}`;
      const call = await callRoute(admin, "GET", appRequest(`/admin?tri=${key}`, { cookie }), {});
      expect((call.value as { sort: string }).sort, key).toBe("code");
      expect(parseMemberQuery(new URL(url)).etat, key).toBe("tous");
      expect(readJournalFilters(new URL(url)).filters.entityType, key).toBe("");
    }
  });
  for (const route of routes) {
    const actor = allowedActor(ROUTE_MATRIX[route.id].get);
    if (!actor) continue;
    test(`GET ${route.id}?…=__proto__`, async () => {
      const cookie = await signInAs(actor);
      for (const key of INHERITED_KEYS) {
        const entries = QUERY_NAMES.map((name): [string, Text[]] => [name, [key]]);
        await checkOne(route, "GET", actor, cookie, entries, false);
      }
    });
  }
});

// Every route × every actor × own/other/mixed scope, for GET and POST, against the declarative
// matrix of tests/security/route-matrix.ts (read it to add a route). Loaders and actions are
// called in-process, each on its own: Remix runs a page's loaders in parallel (and a client may
// ask for one route's data alone), so each must check access by itself.
import { beforeAll, describe, expect, test } from "vitest";
import { appRequest, sessionCookieFor } from "./utils/session";
import { ROUTE_MATRIX, type Expectation } from "./security/route-matrix";
import { callRoute, importRoute, listRouteFiles, urlOf, type Outcome } from "./security/routes";
import { ACTORS, SCOPES, buildWorld, paramsFor, type Actor, type World } from "./security/world";

let world: World;
const readerCookies = new Map<Actor, string>();
beforeAll(async () => {
  world = await buildWorld();
});

/** Loaders share one session per actor; each action gets a fresh one (it may sign out). */
async function cookieFor(actor: Actor, method: "GET" | "POST") {
  if (actor === "anonymous") return undefined;
  if (method === "POST") return sessionCookieFor(world.actorIds[actor]);
  const cached = readerCookies.get(actor) ?? (await sessionCookieFor(world.actorIds[actor]));
  readerCookies.set(actor, cached);
  return cached;
}

const routes = listRouteFiles();

function expected(expectation: Expectation, actor: Actor, scope: (typeof SCOPES)[number]): Outcome {
  const cell = expectation[actor];
  return typeof cell === "object" ? cell[scope] : cell;
}

describe("authorisation matrix", () => {
  test("every route file has a row, and every row a route file", () => {
    const files = routes.map((r) => r.id);
    expect(
      files.filter((id) => !(id in ROUTE_MATRIX)),
      "routes sans ligne dans la matrice",
    ).toEqual([]);
    expect(
      Object.keys(ROUTE_MATRIX).filter((id) => !files.includes(id)),
      "lignes sans route",
    ).toEqual([]);
  });

  for (const route of routes) {
    const row = ROUTE_MATRIX[route.id];
    if (!row) continue;
    test(`${route.id}`, async () => {
      const module = await importRoute(route);
      // Scopes only differ for routes with params; "mixed" needs two params to mix.
      const scopes = SCOPES.filter(
        (s) =>
          (s !== "other" || route.params.length > 0) && (s !== "mixed" || route.params.length > 1),
      );
      const actual: string[] = [];
      const wanted: string[] = [];
      for (const method of ["GET", "POST"] as const) {
        const expectation = method === "GET" ? row.get : row.post;
        const handler = method === "GET" ? module.loader : module.action;
        for (const actor of ACTORS) {
          for (const scope of scopes) {
            const params = paramsFor(world, route.params, scope, row.token);
            const cookie = handler ? await cookieFor(actor, method) : undefined;
            const request = appRequest(urlOf(route.id, params), {
              method,
              cookie,
              ...(method === "POST" ? { body: new URLSearchParams() } : {}),
            });
            const call = await callRoute(module, method, request, params);
            if (call.outcome === 500) throw call.error;
            const label = `${method} ${actor} ${scope}`;
            actual.push(`${label} → ${call.outcome}`);
            wanted.push(`${label} → ${expected(expectation, actor, scope)}`);
          }
        }
      }
      expect(actual).toEqual(wanted);
    });
  }
});

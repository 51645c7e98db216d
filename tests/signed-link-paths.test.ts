// server/security.mjs names the signed-link paths by hand (CSRF exemption, tokens masked in
// logs), before Remix routes anything. These tests tie those names to the route files, so that
// renaming a `$token` route fails here instead of silently losing its exemption or its masking.
import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { SIGNED_LINK_PREFIXES, maskUrlForLogs } from "../server/security.mjs";

/** Every route file whose URL carries a secret token, as its URL pattern ("/a/b/$token"). */
const tokenRoutes = fs
  .readdirSync("app/routes")
  .map((file) => file.replace(/\.(tsx|ts)$/, ""))
  .filter((route) => route.includes("$token"))
  .map(
    (route) =>
      `/${route
        .replace(/\[\.\]/g, ".")
        .split(".")
        .join("/")}`,
  );

/** $token routes posted by the app's own pages (same-origin): not exempt from the CSRF check. */
const SAME_ORIGIN_TOKEN_ROUTES = ["/invitation/$token", "/reinitialiser-mot-de-passe/$token"];

describe("signed-link paths in server/security.mjs match the route files", () => {
  test("the route files with a token are the ones expected", () => {
    expect(tokenRoutes.sort()).toEqual(
      [
        ...SAME_ORIGIN_TOKEN_ROUTES,
        ...SIGNED_LINK_PREFIXES.map((prefix: string) => `/${prefix}/$token`),
        "/club/$clubId/calendrier/$token",
      ].sort(),
    );
  });

  test.each(tokenRoutes)("%s has its token masked in the logs", (route) => {
    const url = route.replace("$clubId", "c1").replace("$token", "s3cr3t.sig");
    expect(maskUrlForLogs(url)).not.toContain("s3cr3t");
  });
});

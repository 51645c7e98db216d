// The layering rule of eslint.config.js (README, "Layering") must keep biting: a route that
// imports the database client, or a model that imports Remix's HTTP helpers, fails `npm run lint`.
import { ESLint } from "eslint";
import { describe, expect, test } from "vitest";

const eslint = new ESLint();

/** The messages of the layering rule for `code` linted as if it were the file at `filePath`. */
async function layeringErrors(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports");
}

describe("layering rule (eslint.config.js)", () => {
  test("a route importing the database client fails", async () => {
    const errors = await layeringErrors(
      `import { prisma } from "~/utils/db.server";\nexport const loader = () => prisma.club.count();\n`,
      "app/routes/fixture.tsx",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0].severity).toBe(2);
    expect(errors[0].message).toContain("go through a model");
  });

  test("a route importing it by a relative path fails too", async () => {
    const errors = await layeringErrors(
      `import { prisma } from "../utils/db.server";\nexport const loader = () => prisma.club.count();\n`,
      "app/routes/fixture.tsx",
    );
    expect(errors).toHaveLength(1);
  });

  test("a route importing the generated client's runtime values fails; its types are allowed", async () => {
    const runtime = await layeringErrors(
      `import { Prisma } from "~/generated/prisma/client";\nexport const s = Prisma.sql\`SELECT 1\`;\n`,
      "app/routes/fixture.tsx",
    );
    expect(runtime).toHaveLength(1);
    const types = await layeringErrors(
      `import type { Prisma } from "~/generated/prisma/client";\nexport type S = Prisma.Sql;\n`,
      "app/routes/fixture.tsx",
    );
    expect(types).toEqual([]);
  });

  test("a model importing Remix's response helpers fails; a model may query the database", async () => {
    const errors = await layeringErrors(
      `import { data } from "@remix-run/node";\nexport const answer = () => data({ ok: true });\n`,
      "app/models/fixture.server.ts",
    );
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain("A model does no HTTP");
    const query = await layeringErrors(
      `import { prisma } from "~/utils/db.server";\nexport const count = () => prisma.club.count();\n`,
      "app/models/fixture.server.ts",
    );
    expect(query).toEqual([]);
  });

  test("a utils helper may read the request and answer (the HTTP side of a model)", async () => {
    const errors = await layeringErrors(
      `import { data } from "@remix-run/node";\nexport const answer = () => data({ ok: true });\n`,
      "app/utils/fixture.server.ts",
    );
    expect(errors).toEqual([]);
  });
});

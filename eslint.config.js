import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "node_modules",
      "build",
      "public/build",
      "app/generated",
      "data",
      "test-results",
      "playwright-report",
      "tests/.tmp",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // Layering (README, "Layering"): routes → models → utils → db. A route reads and writes through
    // the models, never the database client; type imports of the generated client stay allowed.
    files: ["app/routes/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^~|/utils)/db\\.server$",
              message: "A route does not query the database: go through a model (app/models).",
            },
            {
              regex: "^(@prisma/client|~/generated/prisma(-pg)?/.*)$",
              allowTypeImports: true,
              message: "A route does not use the Prisma client: go through a model (app/models).",
            },
          ],
        },
      ],
    },
  },
  {
    // Layering: a model neither reads a Request nor answers with a Remix response; the HTTP part
    // lives in the route or in an app/utils/*.server.ts helper.
    files: ["app/models/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^@remix-run/",
              allowTypeImports: true,
              message:
                "A model does no HTTP: read the request and answer in the route or in an app/utils/*.server.ts helper.",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures must destructure their dependencies, even none, and call `use`.
    files: ["tests/e2e/**"],
    rules: { "no-empty-pattern": "off", "react-hooks/rules-of-hooks": "off" },
  },
);

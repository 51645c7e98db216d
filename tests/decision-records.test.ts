// Decision records follow docs/decisions/README.md's template and are all in its index.
import fs from "node:fs";
import { expect, test } from "vitest";

const DIR = "docs/decisions";
const records = fs.readdirSync(DIR).filter((file) => /^\d{3}-.+\.md$/.test(file));
const index = fs.readFileSync(`${DIR}/README.md`, "utf8");

test.each(records)("%s has a date, a status and a row in the index", (file) => {
  const text = fs.readFileSync(`${DIR}/${file}`, "utf8");
  expect(text).toMatch(/^# \d{3} — .+\n\nDate: \d{4}-\d{2}-\d{2}\n\nStatus: \S/);
  expect(index).toContain(`](${file})`);
});

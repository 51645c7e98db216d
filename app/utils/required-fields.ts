// Which fields of a form are required, read from its zod schema, for conform's `constraint`
// option: each control then carries `required` (announced by screen readers), and the shared
// field components show a visible asterisk (RGAA 11.10). Only `required` is kept: the other
// constraints (maxLength…) would have the browser cut or refuse input before the French errors
// of the schema could say why. Client-safe.
import { getZodConstraint } from "@conform-to/zod/v4";

type Schema = Parameters<typeof getZodConstraint>[0];

export function requiredConstraint(schema: Schema): Record<string, { required?: boolean }> {
  return Object.fromEntries(
    Object.entries(getZodConstraint(schema)).map(([name, c]) => [name, { required: c.required }]),
  );
}

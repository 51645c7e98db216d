// Any address no other route answers: the French 404 page inside the site's layout (header with
// the signed-in person, footer), with its own title. Without this route Remix rendered the root
// error boundary for an unmatched address, and React Router warned that no route matched.
import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { notFound } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Page introuvable — Engagés" }];

export function loader(): never {
  notFound();
}

export default function UnknownPage() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { ROLE_LABELS } from "~/utils/domain";
import { homeOf, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Mes espaces — Engagés" }];

/** After sign-in: straight to the home of one's only space, or a choice among several. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.roles.length === 1) throw redirect(homeOf(user.roles[0]));
  return {
    name: user.name,
    spaces: user.roles.map((r) => ({
      href: homeOf(r),
      role: ROLE_LABELS[r.role],
      scopeName: r.scopeName,
    })),
  };
}

export default function SpacesPage() {
  const { name, spaces } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={`Bonjour ${name}`}
        intro="Choisissez l'espace dans lequel vous voulez travailler."
      />
      {spaces.length === 0 ? (
        <p className="card">
          Votre compte n&apos;a encore accès à aucun espace. Demandez une invitation à
          l&apos;animateur de votre club.
        </p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {spaces.map((s) => (
            <li key={s.href}>
              <Link to={s.href} className="card block no-underline hover:border-brand-600">
                <span className="block text-sm text-gray-700">{s.role}</span>
                <span className="block text-lg font-semibold text-brand-700">{s.scopeName}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

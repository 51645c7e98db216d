import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page";
import { PasserelleSection, PostSummary } from "~/components/passerelle-post";
import { listPostsOf, listVisiblePosts } from "~/models/passerelle.server";
import { networkScope } from "~/utils/permissions.server";
import { requireCompanyPage } from "~/utils/company-route.server";

export const meta: MetaFunction = () => [{ title: "Passerelles — Engagés" }];

// GET: the company's own people, while it is a club member (network:use).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyPage(request, params, "network:use");
  const scope = await networkScope(companyId);
  const [own, others] = await Promise.all([listPostsOf({ companyId }), listVisiblePosts(scope)]);
  return { companyId, own, others };
}

export default function PasserellesBoard() {
  const { companyId, own, others } = useLoaderData<typeof loader>();
  const base = `/entreprise/${companyId}/passerelles`;
  return (
    <>
      <PageHeader
        title="Passerelles"
        intro="Prêtez du personnel à une entreprise voisine (prêt de main-d'œuvre à but non lucratif) ou proposez vos salariés menacés de licenciement à une entreprise qui recrute. Les annonces indiquent des nombres et des métiers, jamais de noms."
        actions={
          <Link to={`${base}/nouvelle`} className="btn-primary">
            Publier une annonce
          </Link>
        }
      />
      <PasserelleSection id="own-posts" title="Mes annonces" className="mb-8">
        {own.length === 0 ? (
          <p className="text-gray-700">
            Vous n’avez pas encore publié d’annonce. Publiez un besoin ou une disponibilité pour
            recevoir des propositions.
          </p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {own.map((post) => (
              <li key={post.id} className="card">
                <PostSummary post={post} href={`${base}/${post.id}`} />
              </li>
            ))}
          </ul>
        )}
      </PasserelleSection>
      <PasserelleSection id="other-posts" title="Annonces des autres membres">
        {others.length === 0 ? (
          <p className="text-gray-700">Aucune annonce ouverte pour le moment.</p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {others.map((post) => (
              <li key={post.id} className="card">
                <PostSummary post={post} href={`${base}/${post.id}`} showCompany />
              </li>
            ))}
          </ul>
        )}
      </PasserelleSection>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { KeyFigures, publicPeriodLabel } from "~/components/key-figures";
import { publicStats } from "~/models/public-stats.server";
import { getUserId } from "~/utils/auth.server";
import { Section } from "~/components/page";

export const meta: MetaFunction = () => [
  { title: "Engagés — Les entreprises s'engagent pour l'inclusion" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [stats, userId] = await Promise.all([publicStats(null), getUserId(request)]);
  return { stats, signedIn: userId !== null };
}

export default function Home() {
  const { stats, signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="mb-10 grid items-center gap-8 lg:grid-cols-2">
        <div>
          <h1 className="text-3xl font-bold sm:text-4xl">
            Les entreprises s&apos;engagent pour l&apos;inclusion
          </h1>
          <p className="mt-4 text-lg text-gray-800">
            Dans chaque département, le club « Les entreprises s&apos;engagent » réunit des
            entreprises qui recrutent, forment et accueillent des personnes éloignées de
            l&apos;emploi : demandeurs d&apos;emploi de longue durée, bénéficiaires du RSA, jeunes
            sans qualification, personnes en situation de handicap, seniors, réfugiés…
          </p>
          <p className="mt-4 text-gray-800">
            Engagés est l&apos;espace du club : les entreprises y déclarent leurs engagements et ce
            qu&apos;elles ont réalisé, les animateurs font vivre le club et ses réunions, la
            préfecture suit les chiffres du département.
          </p>
          <p className="mt-6 flex flex-wrap gap-3">
            <Link to={signedIn ? "/espace" : "/login"} className="btn-primary">
              {signedIn ? "Accéder à mon espace" : "Se connecter"}
            </Link>
            <Link to="/stats" className="btn-secondary">
              Voir les chiffres
            </Link>
          </p>
        </div>
        <div className="card">
          <h2 className="mb-4 text-lg font-bold">En France, {publicPeriodLabel(stats.period)}</h2>
          <KeyFigures
            figures={{ ...stats, activeCommitments: stats.commitments }}
            className="grid grid-cols-2 gap-4"
          />
        </div>
      </section>
      <Section
        id="principes"
        title="Les quatre principes du club"
        className="grid gap-4 md:grid-cols-4"
        headingClassName="sr-only"
      >
        {[
          ["Liberté", "Chaque entreprise choisit ses actions et ses publics."],
          ["Volontariat", "Les engagements sont déclarés librement, datés et signés."],
          ["Priorité aux plus éloignés", "Chaque chiffre se lit par public éloigné de l'emploi."],
          ["Émulation", "Les membres partagent leurs bonnes pratiques et progressent ensemble."],
        ].map(([title, text]) => (
          <div key={title} className="card">
            <h3 className="font-bold text-brand-700">{title}</h3>
            <p className="mt-1 text-gray-800">{text}</p>
          </div>
        ))}
      </Section>
    </>
  );
}

import { Link } from "@remix-run/react";

// The club's prospects and members whose establishment the SIRENE register says is closed
// (found by the refresh job, decision 028): a notice for the animators, nothing changed by itself.

export function ClosedEstablishments({ companies }: { companies: { id: string; name: string }[] }) {
  if (!companies.length) return null;
  return (
    <section
      aria-labelledby="fermes"
      className="mb-8 rounded border border-amber-400 bg-amber-50 p-4"
    >
      <h2 id="fermes" className="mb-1 text-lg font-bold">
        Établissements fermés selon le répertoire SIRENE ({companies.length})
      </h2>
      <p className="mb-2 text-sm">
        Vérifiez auprès de ces entreprises, puis notez leur départ du club si c&apos;est le cas.
      </p>
      <ul className="list-disc pl-5">
        {companies.map((c) => (
          <li key={c.id}>
            <Link to={`/entreprise/${c.id}`}>{c.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

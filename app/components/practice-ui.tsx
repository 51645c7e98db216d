import { Link, useFetcher } from "@remix-run/react";
import { PRACTICE_VISIBILITY_LABELS, PUBLIC_CATEGORIES, THEMES, labelOf } from "~/utils/domain";
import { numberFormat, formatDate } from "~/utils/format";

type Visibility = keyof typeof PRACTICE_VISIBILITY_LABELS;

/** The tags of a practice: publics then themes. */
export function PracticeTags({ publics, themes }: { publics: string[]; themes: string[] }) {
  if (publics.length === 0 && themes.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Publics et thèmes">
      {publics.map((code) => (
        <li key={`p-${code}`} className="rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-800">
          {labelOf(PUBLIC_CATEGORIES, code)}
        </li>
      ))}
      {themes.map((code) => (
        <li key={`t-${code}`} className="rounded bg-gray-100 px-2 py-0.5 text-xs text-gray-800">
          {labelOf(THEMES, code)}
        </li>
      ))}
    </ul>
  );
}

/**
 * The "Inspirant" toggle (kudos): one per person, undoable. Works without JavaScript (a plain
 * post); with it, answers at once while the server confirms.
 */
export function KudosButton({
  practiceId,
  given,
  count,
  disabled = false,
}: {
  practiceId: string;
  given: boolean;
  count: number;
  disabled?: boolean;
}) {
  const fetcher = useFetcher();
  const pending = fetcher.formData?.get("intent") === "kudos";
  const shownGiven = pending ? !given : given;
  const shownCount = pending ? count + (given ? -1 : 1) : count;
  const label = `${shownGiven ? "Inspirant ✓" : "Inspirant"} (${numberFormat.format(shownCount)})`;
  if (disabled)
    return <p className="text-sm text-gray-700">{numberFormat.format(count)} « inspirant »</p>;
  return (
    <fetcher.Form method="post" action={`/pratiques/${practiceId}?index`}>
      <input type="hidden" name="intent" value="kudos" />
      <button
        type="submit"
        aria-pressed={shownGiven}
        className={shownGiven ? "btn-primary" : "btn-secondary"}
      >
        {label}
      </button>
    </fetcher.Form>
  );
}

export type PracticeCardData = {
  id: string;
  title: string;
  excerpt: string;
  visibility: string;
  featured: boolean;
  hidden: boolean;
  createdAt: string;
  company: { id: string; name: string };
  club: { id: string; name: string };
  publics: string[];
  themes: string[];
  kudos: number;
  kudosGiven: boolean;
  comments: number;
  tried: number;
  images: number;
};

/** A practice in a list: title, who and when, the first words, tags and reactions. */
export function PracticeCard({
  practice,
  canReact,
  headingLevel = 2,
}: {
  practice: PracticeCardData;
  canReact: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card">
      <div className="mb-1 flex flex-wrap items-center gap-2 text-xs font-semibold">
        {practice.featured ? (
          <span className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">À la une</span>
        ) : null}
        {practice.hidden ? (
          <span className="rounded bg-red-100 px-2 py-0.5 text-red-900">Masquée</span>
        ) : null}
        <span className="text-gray-700">
          {PRACTICE_VISIBILITY_LABELS[practice.visibility as Visibility] ?? practice.visibility}
        </span>
      </div>
      <Heading className="text-lg font-bold">
        <Link to={`/pratiques/${practice.id}`}>{practice.title}</Link>
      </Heading>
      <p className="mb-2 text-sm text-gray-700">
        {practice.company.name} · {practice.club.name} · {formatDate(practice.createdAt)}
      </p>
      <p className="mb-3 text-gray-900">{practice.excerpt}</p>
      <PracticeTags publics={practice.publics} themes={practice.themes} />
      <div className="mt-3 flex flex-wrap items-center gap-3 text-sm text-gray-700">
        <KudosButton
          practiceId={practice.id}
          given={practice.kudosGiven}
          count={practice.kudos}
          disabled={!canReact}
        />
        <span>
          {numberFormat.format(practice.comments)} commentaire{practice.comments > 1 ? "s" : ""}
        </span>
        <span>
          {numberFormat.format(practice.tried)} entreprise{practice.tried > 1 ? "s l'ont" : " l'a"}{" "}
          essayée
        </span>
        {practice.images > 0 ? (
          <span>
            {numberFormat.format(practice.images)} image{practice.images > 1 ? "s" : ""}
          </span>
        ) : null}
      </div>
    </article>
  );
}

import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { PageHeader } from "~/components/page";

// The two one-click unsubscribe pages (reminders, weekly digest): a confirmation button, since
// mail scanners follow links, then what stops and what goes on.

/** The answer to a token that is not valid (a 404 of the page). */
export const INVALID_UNSUBSCRIBE_LINK =
  "Ce lien de désabonnement n'est pas valable. Vérifiez qu'il est complet, ou copiez-le à nouveau depuis l'e-mail.";

/** The page's title, kept out of search engines (its address holds a personal token). */
export function unsubscribeMeta(title: string) {
  return [{ title: `${title} — Engagés` }, { name: "robots", content: "noindex" }];
}

export function UnsubscribePage({
  done,
  title,
  intro,
  question,
  doneTitle,
  doneText,
}: {
  /** Unsubscribed now, or before. */
  done: boolean;
  title: string;
  intro: string;
  question: ReactNode;
  doneTitle: string;
  doneText: ReactNode;
}) {
  if (done) {
    return (
      <div className="mx-auto max-w-2xl">
        <PageHeader title={doneTitle} />
        <div role="status" className="card">
          {doneText}
        </div>
        <p className="mt-6">
          <Link to="/">Revenir à l&apos;accueil</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={title} intro={intro} />
      <div className="card">
        <p className="mb-4">{question}</p>
        <Form method="post">
          <button type="submit" className="btn-primary">
            Confirmer le désabonnement
          </button>
        </Form>
      </div>
    </div>
  );
}

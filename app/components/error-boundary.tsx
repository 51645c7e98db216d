import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";

const STATUS_MESSAGES: Record<number, { title: string; body: string }> = {
  400: {
    title: "Demande incorrecte",
    body: "Les informations envoyées ne sont pas valides. Vérifiez-les et réessayez.",
  },
  403: {
    title: "Accès refusé",
    body: "Vous n'avez pas accès à cette page avec votre compte. Si vous pensez que c'est une erreur, contactez l'animateur de votre club.",
  },
  404: {
    title: "Page introuvable",
    body: "Cette page n'existe pas ou plus. Vérifiez l'adresse, ou revenez à l'accueil.",
  },
  429: {
    title: "Trop de demandes",
    body: "Vous avez fait trop de demandes en peu de temps. Patientez quelques minutes puis réessayez.",
  },
};

const UNEXPECTED = {
  title: "Une erreur est survenue",
  body: "Nous n'avons pas pu afficher cette page. L'erreur a été enregistrée ; réessayez dans un instant.",
};

const statusOf = (error: unknown) => (isRouteErrorResponse(error) ? error.status : 500);
const messageOf = (status: number) => STATUS_MESSAGES[status] ?? UNEXPECTED;

/**
 * The page title of an error page, saying which error it is (RGAA 8.6), e.g.
 * "Page introuvable — Engagés". The root route's `meta` uses it when it shows the error boundary.
 */
export const errorPageTitle = (error: unknown) => `${messageOf(statusOf(error)).title} — Engagés`;

/** The one error display of the app, in French, for every status. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = statusOf(error);
  const message = messageOf(status);
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <div className="mx-auto max-w-2xl py-12">
      <p className="text-sm font-semibold text-gray-600">Erreur {status}</p>
      <h1 className="mt-1 text-3xl font-bold">{message.title}</h1>
      <p className="mt-4 text-gray-700">{message.body}</p>
      <p className="mt-6 flex gap-4">
        <Link to="/" className="btn-primary">
          Revenir à l&apos;accueil
        </Link>
        {status === 403 || status === 401 ? (
          <Link to="/espace" className="btn-secondary">
            Mes espaces
          </Link>
        ) : null}
      </p>
    </div>
  );
}

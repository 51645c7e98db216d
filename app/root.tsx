import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary, errorPageTitle } from "~/components/error-boundary";
import { FlashMessage } from "~/components/flash-message";
import { RouteAnnouncer } from "~/components/route-announcer";
import { useNonce } from "~/components/nonce";
import { SiteHeader, type HeaderUser } from "~/components/site-header";
import { getSignedInUser } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { homeOf } from "~/utils/permissions.server";
import { readFlash } from "~/utils/session.server";
import tailwindHref from "./tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: tailwindHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ error }) => [
  // An error page says which error in its title (the error boundary below is the root's).
  { title: error ? errorPageTitle(error) : "Engagés — Les entreprises s'engagent" },
  {
    name: "description",
    content:
      "Suivi des engagements des entreprises pour l'inclusion et l'insertion professionnelle, club par club.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const current = await getSignedInUser(request);
  const user: HeaderUser | null = current
    ? {
        name: current.name,
        email: current.email,
        isAdmin: current.roles.some((r) => r.role === "ADMIN"),
        spaces: current.roles.map((r) => ({
          href: homeOf(r),
          role: r.role,
          scopeName: r.scopeName,
        })),
      }
    : null;
  const { flash, headers } = await readFlash(request);
  // The dev mailbox is for admins only (it holds sign-in links): only they see its link.
  const showDevMailbox = env.NODE_ENV !== "production" && !env.SMTP_URL && !!user?.isAdmin;
  return data({ user, flash, showDevMailbox }, { headers });
}

export function Layout({ children }: { children: ReactNode }) {
  const rootData = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang="fr" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* React Aria reads the nonce here for the one <style> element it adds (usePress). */}
        {/* The browser hides a nonce once read: no hydration warning for the one it held. */}
        <meta name="csp-nonce" nonce={nonce} suppressHydrationWarning />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col">
        <SiteHeader user={rootData?.user ?? null} />
        <RouteAnnouncer />
        <main id="contenu" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
          <FlashMessage flash={rootData?.flash ?? null} />
          {children}
        </main>
        <footer className="no-print border-t border-gray-200 bg-white print:hidden">
          <div className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-2 px-4 py-6 text-sm text-gray-700">
            <p>Engagés — plateforme des clubs « Les entreprises s&apos;engagent »</p>
            <a href="/stats">Chiffres publics</a>
            <a href="/donnees-personnelles">Données personnelles</a>
            <a href="/accessibilite">Accessibilité : non conforme</a>
            {rootData?.showDevMailbox ? (
              <a href="/dev/boite-mail">Boîte mail de développement</a>
            ) : null}
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

// « S'identifier avec ProConnect » (decision 027): a plain link, so the browser leaves for the
// provider with a full GET (no client-side navigation, no form posted to another site). Its
// wording and the « Qu'est-ce que ProConnect ? » link follow ProConnect's button guidelines.
import { Section } from "./page";
export function ProConnectButton({ href, intro }: { href: string; intro: string }) {
  return (
    <Section
      id="proconnect-title"
      title="ProConnect"
      className="card mt-6"
      headingClassName="text-lg font-semibold"
    >
      <p className="mb-4 text-sm text-gray-700">{intro}</p>
      <a href={href} className="btn-primary inline-block w-full text-center">
        S&apos;identifier avec ProConnect
      </a>
      <p className="mt-2 text-sm">
        <a href="https://www.proconnect.gouv.fr/" target="_blank" rel="noopener noreferrer">
          Qu&apos;est-ce que ProConnect ? (nouvelle fenêtre)
        </a>
      </p>
    </Section>
  );
}

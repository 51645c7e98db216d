import type { MetaFunction } from "@remix-run/node";
import { PageHeader } from "~/components/page";

export const meta: MetaFunction = () => [{ title: "Données personnelles — Engagés" }];

export default function PersonalDataPage() {
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title="Données personnelles" />
      <p>
        Engagés ne conserve{" "}
        <strong>
          aucun nom ni aucune donnée personnelle des personnes recrutées ou accompagnées
        </strong>{" "}
        : les entreprises déclarent des nombres et des catégories de public (minimisation des
        données, RGPD).
      </p>
      <p>
        Pour les utilisateurs, nous conservons le nom, l&apos;adresse e-mail professionnelle, les
        rôles et un journal des modifications (qui a déclaré quoi et quand), nécessaires au
        fonctionnement du club. Les mots de passe sont stockés sous forme d&apos;empreinte
        (argon2id) et ne sont jamais lisibles.
      </p>
      <p>
        Les chiffres publics sont agrégés et ne nomment aucune entreprise. Pour exercer vos droits
        (accès, rectification, effacement), écrivez à l&apos;animateur de votre club ou à
        l&apos;opérateur national.
      </p>
    </div>
  );
}

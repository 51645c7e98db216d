import type { MetaFunction } from "@remix-run/node";
import { PageHeader } from "~/components/page";
import { HIDDEN_COMMENTS_KEPT_DAYS } from "~/utils/retention";

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
        Les textes libres (notes des réalisations, ambitions des engagements, bonnes pratiques et
        commentaires, comptes rendus de réunion, annonces Passerelles, fiches de l&apos;annuaire)
        sont vérifiés avant d&apos;être enregistrés : un numéro de téléphone, une date de naissance,
        un numéro de sécurité sociale ou une adresse e-mail nominative y sont refusés. Un nom de
        personne repéré est signalé à l&apos;auteur, qui ne peut l&apos;envoyer qu&apos;en
        confirmant qu&apos;il s&apos;agit d&apos;un contact professionnel ou d&apos;un lieu. Cette
        vérification repère les formes courantes ; elle ne dispense pas chacun de la règle.
      </p>
      <p>
        Un commentaire masqué par les animateurs d&apos;un club est supprimé définitivement{" "}
        {HIDDEN_COMMENTS_KEPT_DAYS} jours après son masquage. Une bonne pratique masquée reste
        visible de son entreprise, qui peut la corriger ou la supprimer.
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

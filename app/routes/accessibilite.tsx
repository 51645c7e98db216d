import type { MetaFunction } from "@remix-run/node";
import { PageHeader } from "~/components/page";

export const meta: MetaFunction = () => [{ title: "Accessibilité — Engagés" }];

export default function AccessibilityPage() {
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title="Accessibilité" />
      <p>
        Engagés est conçu pour être utilisable au clavier, avec un lecteur d&apos;écran et sur
        téléphone : chaque champ a son étiquette, chaque graphique a ses chiffres dans un tableau,
        les contrastes respectent le niveau AA des WCAG 2.1. Les pages sont vérifiées
        automatiquement (axe) à chaque modification.
      </p>
      <p>
        Si un contenu ou une fonction ne vous est pas accessible, écrivez à l&apos;animateur de
        votre club : nous vous apporterons une réponse et corrigerons le problème.
      </p>
    </div>
  );
}

import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageHeader, Section } from "~/components/page";
import { env } from "~/utils/env.server";

// The accessibility statement (déclaration d'accessibilité) in the form the RGAA asks for. Keep
// it true: when a non-conformity below is fixed, remove it here and say so in the commit.

export const meta: MetaFunction = () => [{ title: "Déclaration d'accessibilité — Engagés" }];

/** The operator's address for accessibility problems (CONTACT_EMAIL). */
export function loader() {
  return { contactEmail: env.CONTACT_EMAIL };
}

const STATEMENT_DATE = "1er décembre 2026";

/** What the audit found and is not yet fixed (RGAA 4.1.2 criteria). */
const NON_CONFORMITIES: string[] = [];

/** What the audit found and was fixed since, with the date of the check (kept for the record). */
const FIXED = [
  "Les champs obligatoires de chaque formulaire sont marqués d'un astérisque, expliqué en tête du formulaire, et annoncés comme obligatoires par les lecteurs d'écran : connexion et comptes, engagements, réalisations, réunions, bonnes pratiques et commentaires, clubs, invitations, profil de l'entreprise, annonces et réponses Passerelles, annuaire, prospects et contacts des membres, présences, relances, administration des entreprises (critère 11.10).",
  "Aucune page ne fait plus défiler horizontalement à 320 pixels de large : chaque page atteinte par chacun des rôles a été mesurée (critère 10.11).",
  "Les suppressions et les retraits (réalisation, pratique, membre de l'équipe, invitation, rattachement au siège, annonce Passerelles, départ d'un membre, annulation d'une réunion, fermeture d'un club) demandent une confirmation, avec ou sans JavaScript (critère 11.12).",
  "Les titres saisis dans les comptes rendus, ordres du jour, bonnes pratiques et commentaires prennent le niveau qui suit le titre de la page ou de la section où ils s'affichent (critère 9.1).",
  "Le titre des pages d'erreur dit de quelle erreur il s'agit, par exemple « Page introuvable » ou « Accès refusé » (critère 8.6).",
  "La liste de choix des communes ne se rouvre plus après qu'une commune a été choisie (critère 7.1).",
];

export default function AccessibilityPage() {
  const { contactEmail } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title="Déclaration d'accessibilité" />
      <p>
        L&apos;opérateur national d&apos;Engagés s&apos;engage à rendre la plateforme accessible à
        toutes et à tous, conformément à l&apos;article 47 de la loi n° 2005-102 du 11 février 2005.
        Cette déclaration s&apos;applique à l&apos;ensemble d&apos;Engagés : pages publiques,
        espaces des entreprises, des clubs, des préfectures et de l&apos;administration.
      </p>

      <Section
        id="etat"
        title="État de conformité"
        className="space-y-2"
        headingClassName="text-xl font-bold"
      >
        {/* The RGAA's rule: without an audit measuring the rate of criteria met, the status is
            "non conforme", whatever the internal checks found (and "partiellement" needs ≥ 50 %). */}
        <p>
          Engagés est <strong>non conforme</strong> avec le référentiel général d&apos;amélioration
          de l&apos;accessibilité (RGAA), version 4.1.2 : aucun audit de conformité mesurant le taux
          de critères respectés n&apos;a encore été réalisé, et le RGAA réserve les mentions «
          partiellement conforme » et « totalement conforme » aux sites qui en ont un.
        </p>
        <p>
          {NON_CONFORMITIES.length === 0
            ? "L'audit interne décrit ci-dessous n'a relevé aucune non-conformité qui ne soit aujourd'hui corrigée."
            : "L'audit interne décrit ci-dessous a relevé des non-conformités qui restent à corriger : elles sont énumérées plus bas."}
        </p>
      </Section>

      <Section
        id="resultats"
        title="Résultats des tests"
        className="space-y-2"
        headingClassName="text-xl font-bold"
      >
        <p>
          Un audit interne mené en novembre 2026 a parcouru 57 pages avec chacun des rôles
          (entreprise, animateur, préfecture, administration) : contrôle automatique (axe-core,
          aucune violation ; Lighthouse, score d&apos;accessibilité de 100), puis vérification
          manuelle selon les critères du RGAA (clavier, contrastes, affichage à 320 pixels de large,
          titres, formulaires). Il n&apos;a pas encore été suivi d&apos;un audit complet par un
          organisme indépendant : le taux de conformité au sens du RGAA n&apos;est donc pas encore
          calculé.
        </p>
        <p>
          Le 1er décembre 2026, chacune des non-conformités relevées a été reprise ; celles-ci sont
          corrigées et vérifiées par des tests automatiques :
        </p>
        <ul className="list-disc space-y-1 pl-6">
          {FIXED.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p>
          Chaque modification de la plateforme est vérifiée automatiquement par axe-core sur les
          parcours principaux, à 1 280 et à 320 pixels de large, et la largeur de chaque page à 320
          pixels est mesurée pour chacun des rôles.
        </p>
      </Section>

      <Section
        id="non-accessible"
        title="Contenus non accessibles"
        className="space-y-2"
        headingClassName="text-xl font-bold"
      >
        <h3 className="text-lg font-semibold">Non-conformités</h3>
        {NON_CONFORMITIES.length === 0 ? (
          <p>
            Aucune non-conformité relevée par l&apos;audit interne ne reste à corriger. Un audit
            complet pourra en relever d&apos;autres : elles seront alors énumérées ici.
          </p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {NON_CONFORMITIES.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        )}
        <h3 className="text-lg font-semibold">Dérogations pour charge disproportionnée</h3>
        <p>Aucune.</p>
        <h3 className="text-lg font-semibold">Contenus non soumis à l&apos;obligation</h3>
        <p>
          Les textes et images publiés par les membres (bonnes pratiques, commentaires, comptes
          rendus) relèvent de leurs auteurs ; la plateforme leur demande un texte alternatif pour
          chaque image.
        </p>
      </Section>

      <Section
        id="etablissement"
        title="Établissement de cette déclaration"
        className="space-y-2"
        headingClassName="text-xl font-bold"
      >
        <p>Cette déclaration a été établie le {STATEMENT_DATE}.</p>
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Technologies utilisées</dt>
          <dd>
            HTML5, CSS, JavaScript (React), WAI-ARIA. Les pages fonctionnent aussi sans JavaScript.
          </dd>
          <dt className="font-semibold">Environnement de test</dt>
          <dd>
            Chromium (version 156) sous Linux, au clavier et à la souris, à 1 280, 390 et 320 pixels
            de large.
          </dd>
          <dt className="font-semibold">Outils</dt>
          <dd>axe-core (par Playwright), Lighthouse, inspecteur de contrastes.</dd>
          <dt className="font-semibold">Pages vérifiées</dt>
          <dd>
            Accueil, chiffres publics, connexion, tableau de bord d&apos;une entreprise et ses
            formulaires (engagements, réalisations, import, profil, équipe, rapport annuel), espace
            d&apos;un club (membres, réunions, relances, chiffres, modération), tableau de bord
            départemental et son détail par club, administration, bonnes pratiques, annuaire et
            Passerelles, pages d&apos;erreur.
          </dd>
        </dl>
      </Section>

      <Section
        id="contact"
        title="Retour d'information et contact"
        className="space-y-2"
        headingClassName="text-xl font-bold"
      >
        <p>
          Si vous n&apos;arrivez pas à accéder à un contenu ou à un service, ou si vous relevez un
          défaut d&apos;accessibilité, contactez l&apos;opérateur national de la plateforme : nous
          vous orienterons vers une autre façon d&apos;y accéder, vous transmettrons le contenu sous
          une autre forme, et corrigerons le problème.
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            par courriel : <a href={`mailto:${contactEmail}`}>{contactEmail}</a> ;
          </li>
          <li>
            ou auprès de l&apos;animateur de votre club, qui transmet à l&apos;opérateur national.
          </li>
        </ul>
        <p>
          Dites-nous la page concernée (son adresse), ce que vous cherchiez à faire et, si vous le
          souhaitez, le navigateur et les aides techniques que vous utilisez.
        </p>
      </Section>

      <Section
        id="recours"
        title="Voies de recours"
        className="space-y-2"
        headingClassName="text-xl font-bold"
      >
        <p>
          Si vous nous avez signalé un défaut d&apos;accessibilité qui vous empêche d&apos;accéder à
          un contenu ou à un service et que vous n&apos;avez pas obtenu de réponse satisfaisante,
          vous pouvez saisir le Défenseur des droits :
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            par le <a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne</a> ;
          </li>
          <li>
            en contactant{" "}
            <a href="https://www.defenseurdesdroits.fr/saisir/delegues">
              le délégué du Défenseur des droits de votre région
            </a>{" "}
            ;
          </li>
          <li>par téléphone au 09 69 39 00 00 ;</li>
          <li>
            par courrier, gratuitement, sans timbre : Défenseur des droits, Libre réponse 71120,
            75342 Paris CEDEX 07.
          </li>
        </ul>
      </Section>
    </div>
  );
}

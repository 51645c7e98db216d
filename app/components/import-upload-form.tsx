// The upload form of the realisation import. Without JavaScript it is a plain multipart form post
// (the server answers with a redirect to the preview, or the page with an error). With
// JavaScript, the file goes up with XMLHttpRequest so that an accessible <progress> shows the
// upload of a large file, then the browser navigates to the preview.

import { useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";

type Phase =
  | { name: "idle" }
  | { name: "uploading"; percent: number }
  | { name: "processing" }
  | { name: "error"; message: string };

const ACCEPT =
  ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function ImportUploadForm({
  action,
  uploadUrl,
  maxBytes,
  serverError,
  label = "Fichier à importer",
  submitLabel = "Envoyer et prévisualiser",
}: {
  /** Where the plain form posts (the import page). */
  action: string;
  /** Where the script posts, answering JSON `{ location }` or `{ error }`. */
  uploadUrl: string;
  maxBytes: number;
  /** An error of a plain (no-JavaScript) post, rendered by the server. */
  serverError?: string | null;
  label?: string;
  submitLabel?: string;
}) {
  const navigate = useNavigate();
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const request = useRef<XMLHttpRequest | null>(null);
  useEffect(() => () => request.current?.abort(), []);

  const error = phase.name === "error" ? phase.message : phase.name === "idle" ? serverError : null;
  const busy = phase.name === "uploading" || phase.name === "processing";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const file = (form.elements.namedItem("fichier") as HTMLInputElement | null)?.files?.[0];
    // No file chosen or an old browser: let the plain post (and the server) answer.
    if (!file || typeof XMLHttpRequest === "undefined" || typeof FormData === "undefined") return;
    event.preventDefault();
    if (busy) return;
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setPhase({ name: "error", message: "Seuls les fichiers .csv et .xlsx sont acceptés." });
      return;
    }
    if (file.size > maxBytes) {
      setPhase({
        name: "error",
        message: "Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.",
      });
      return;
    }
    const xhr = new XMLHttpRequest();
    request.current = xhr;
    xhr.open("POST", uploadUrl);
    xhr.responseType = "json";
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) {
        setPhase({
          name: "uploading",
          percent: Math.min(100, Math.round((e.loaded / e.total) * 100)),
        });
      }
    };
    xhr.upload.onload = () => setPhase({ name: "processing" });
    xhr.onload = () => {
      request.current = null;
      const body = xhr.response as { location?: string; error?: string } | null;
      if (xhr.status === 200 && body?.location) {
        navigate(body.location);
        return;
      }
      setPhase({
        name: "error",
        message:
          body?.error ??
          (xhr.status === 403
            ? "Vous n'avez pas le droit d'importer des réalisations pour cette entreprise."
            : `L'envoi a échoué (erreur ${xhr.status}). Rechargez la page et réessayez.`),
      });
    };
    xhr.onerror = () => {
      request.current = null;
      setPhase({
        name: "error",
        message: "L'envoi a été interrompu : vérifiez votre connexion et réessayez.",
      });
    };
    xhr.onabort = () => {
      request.current = null;
      setPhase({ name: "idle" });
    };
    setPhase({ name: "uploading", percent: 0 });
    xhr.send(new FormData(form));
  }

  const inputId = `${id}-fichier`;
  const helpId = `${id}-aide`;
  const errorId = `${id}-erreur`;
  return (
    <form
      method="post"
      action={action}
      encType="multipart/form-data"
      onSubmit={onSubmit}
      aria-busy={busy || undefined}
    >
      <div className="mb-4">
        <label htmlFor={inputId} className="label">
          {label}
        </label>
        <p id={helpId} className="mb-1 text-sm text-gray-600">
          Un fichier .csv ou .xlsx de 10 Mo et 20 000 lignes au plus.
        </p>
        <input
          id={inputId}
          name="fichier"
          type="file"
          accept={ACCEPT}
          required
          disabled={busy}
          className="input"
          aria-invalid={error ? true : undefined}
          aria-describedby={[helpId, error ? errorId : null].filter(Boolean).join(" ")}
          onChange={() => phase.name === "error" && setPhase({ name: "idle" })}
        />
      </div>
      {error ? (
        <div
          id={errorId}
          role="alert"
          className="mb-4 rounded-md border border-red-300 bg-red-50 p-3 text-sm font-medium text-red-800"
        >
          {error}
        </div>
      ) : null}
      <div aria-live="polite" className="mb-4 text-sm text-gray-800">
        {phase.name === "uploading" ? <p>Envoi du fichier en cours…</p> : null}
        {phase.name === "processing" ? (
          <p>Fichier envoyé : lecture et vérification des lignes…</p>
        ) : null}
      </div>
      {phase.name === "uploading" ? (
        <div className="mb-4">
          <label htmlFor={`${id}-progression`} className="label">
            Envoi du fichier : {phase.percent} %
          </label>
          <progress
            id={`${id}-progression`}
            max={100}
            value={phase.percent}
            className="h-3 w-full max-w-md"
          >
            {phase.percent} %
          </progress>
        </div>
      ) : null}
      {phase.name === "processing" ? (
        <div className="mb-4">
          <progress aria-label="Vérification du fichier" className="h-3 w-full max-w-md" />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? "Envoi en cours…" : submitLabel}
        </button>
        {phase.name === "uploading" ? (
          <button type="button" className="btn-secondary" onClick={() => request.current?.abort()}>
            Annuler l&apos;envoi
          </button>
        ) : null}
      </div>
    </form>
  );
}

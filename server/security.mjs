// Web security defaults applied by the Express server to every response (see
// docs/decisions/010-csp-and-csrf.md): a per-request CSP nonce, security headers, a same-origin
// check on every state-changing request, and a cap on request bodies.
import crypto from "node:crypto";

/** Largest request body accepted (forms; the import routes cap their uploads themselves). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The realisation import streams its multipart upload and refuses files over 10 Mo in French. */
const OWN_UPLOAD_LIMIT_PATHS = [/^\/entreprise\/[^/]+\/import(\/envoi)?$/];

/**
 * Routes authorised by an HMAC-signed token in their URL, not by the session cookie, so a forged
 * cross-site request gains nothing: mail providers post RFC 8058 one-click unsubscribes from
 * their own servers or webmail pages, and RSVP buttons may be pressed from a webmail.
 */
const SIGNED_LINK_PREFIXES = ["desabonnement", "lettre/desabonnement", "reunion/reponse"];
const SIGNED_LINK_PATH = new RegExp(`^/(?:${SIGNED_LINK_PREFIXES.join("|")})/[^/]+$`);

const isSignedLinkPath = (path) => SIGNED_LINK_PATH.test(path);

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function contentSecurityPolicy(nonce, { development = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Stylesheets from the app, plus React Aria's one <style> element (it reads the nonce from
    // <meta name="csp-nonce">); inline `style` attributes (React style props for chart heights
    // and progress bars, React Aria's visually-hidden) are allowed: they cannot run script.
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // `remix dev` reloads the page over a websocket.
    development ? "connect-src 'self' ws:" : "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Headers of every response; HSTS only when the site is served over HTTPS. */
export function securityHeaders({ nonce, https, development = false }) {
  const headers = {
    "Content-Security-Policy": contentSecurityPolicy(nonce, { development }),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // Invitation and reset links carry their token in the path: never send it to another site.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/**
 * Why a request must be refused as cross-site, or null. Browsers send `Sec-Fetch-Site` and
 * `Origin` on every POST; a request with neither comes from a program (curl, a mail provider,
 * the test suite), which cannot carry the victim's cookie, so it is not a CSRF risk.
 * @param {{ method: string, path: string, origin?: string, secFetchSite?: string, allowedOrigins: string[] }} request
 */
export function crossSiteRejection({ method, path, origin, secFetchSite, allowedOrigins }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (isSignedLinkPath(path)) return null;
  if (secFetchSite && secFetchSite !== "same-origin" && secFetchSite !== "none") {
    return `Sec-Fetch-Site: ${secFetchSite}`;
  }
  if (origin !== undefined && !allowedOrigins.includes(origin)) return `Origin: ${origin}`;
  return null;
}

export const CROSS_SITE_MESSAGE =
  "Demande refusée : elle ne vient pas d'une page d'Engagés. Rechargez la page et réessayez.";
export const TOO_LARGE_MESSAGE =
  "Demande refusée : les données envoyées sont trop volumineuses (1 Mo au plus).";
export const UNSUPPORTED_TYPE_MESSAGE =
  "Demande refusée : seuls les formulaires (application/x-www-form-urlencoded ou multipart/form-data) sont acceptés.";
export const LENGTH_REQUIRED_MESSAGE =
  "Demande refusée : la taille des données envoyées doit être annoncée (en-tête Content-Length).";

/** True for a form body, or no body at all. */
export function isFormBody(contentType, contentLength) {
  if (!contentType) return !contentLength || contentLength === "0";
  return /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(contentType);
}

/** Express middleware: nonce and headers on every response, CSRF and size checks on writes. */
export function securityMiddleware({ appUrl, https, development }) {
  const appOrigin = appUrl ? new URL(appUrl).origin : null;
  return (req, res, next) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.set(securityHeaders({ nonce, https, development }));

    const ownOrigin = `${req.protocol}://${req.get("host")}`;
    const rejection = crossSiteRejection({
      method: req.method,
      path: req.path,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      allowedOrigins: appOrigin ? [ownOrigin, appOrigin] : [ownOrigin],
    });
    // Remix refuses (with a 500) any action whose Origin differs from Host: signed links are
    // meant to be posted from elsewhere, so their Origin is dropped once accepted here.
    if (!rejection && isSignedLinkPath(req.path)) delete req.headers.origin;
    if (rejection) {
      console.warn(`Requête inter-sites refusée (${req.method} ${req.path}, ${rejection})`);
      res.status(403).type("text/plain; charset=utf-8").send(CROSS_SITE_MESSAGE);
      return;
    }
    // Remix reads whole bodies into memory: cap them, and refuse unannounced (chunked) ones.
    const ownLimit = OWN_UPLOAD_LIMIT_PATHS.some((pattern) => pattern.test(req.path));
    if (!ownLimit && Number(req.get("content-length") ?? 0) > MAX_BODY_BYTES) {
      res.status(413).type("text/plain; charset=utf-8").send(TOO_LARGE_MESSAGE);
      return;
    }
    if (req.get("transfer-encoding") && req.get("content-length") === undefined) {
      res.status(411).type("text/plain; charset=utf-8").send(LENGTH_REQUIRED_MESSAGE);
      return;
    }
    // Every action reads a form: any other body would make request.formData() throw (a 500).
    if (
      !SAFE_METHODS.has(req.method) &&
      !isFormBody(req.get("content-type"), req.get("content-length"))
    ) {
      res.status(415).type("text/plain; charset=utf-8").send(UNSUPPORTED_TYPE_MESSAGE);
      return;
    }
    next();
  };
}

/** Secret tokens travel in these paths' last segment (invitations, resets, signed links, feeds). */
const TOKEN_PATHS = new RegExp(
  `^(/(?:${["invitation", "reinitialiser-mot-de-passe", ...SIGNED_LINK_PREFIXES].join("|")})/|/club/[^/]+/calendrier/)[^/?]+`,
);

/** The URL as it may be written to logs: tokens masked. */
export function maskUrlForLogs(url) {
  return url.replace(TOKEN_PATHS, "$1[jeton]");
}

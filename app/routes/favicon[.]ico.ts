// Browsers and tools ask for /favicon.ico whatever the page links: send them to the site's icon
// (public/favicon.svg, linked by every page from root.tsx) instead of a 404 page.
export function loader() {
  return new Response(null, {
    status: 301,
    headers: { Location: "/favicon.svg", "Cache-Control": "public, max-age=86400" },
  });
}

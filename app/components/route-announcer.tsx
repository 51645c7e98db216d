import { useLocation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";

/**
 * After a client-side navigation, moves the focus to the new page's main heading and has screen
 * readers announce its title, as a full page load would (RGAA 12.x, WCAG 2.4.3). The first render
 * and changes of the query string or hash alone (filters, anchors) leave the focus where it is.
 */
export function RouteAnnouncer() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  const [message, setMessage] = useState("");

  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const heading =
      document.querySelector<HTMLElement>("main h1") ?? document.querySelector("main");
    if (heading) {
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
    setMessage(document.title);
  }, [pathname]);

  return (
    <p aria-live="polite" aria-atomic="true" className="sr-only">
      {message}
    </p>
  );
}

import type { ReactNode } from "react";

/**
 * A table that may scroll sideways on a narrow screen. The scroll box is a labelled region that
 * takes the keyboard focus, so it can be scrolled with the arrow keys (RGAA 7.3, WCAG 2.1.1).
 * It is positioned, so that visually hidden text (`sr-only`, absolutely positioned) inside the
 * table stays in the box instead of widening the whole page at 320 px (RGAA 10.11).
 */
export function TableScroll({
  label,
  className = "",
  children,
}: {
  /** What the table holds, e.g. "Membres du club". */
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      className={`relative overflow-x-auto ${className}`.trim()}
      role="region"
      aria-label={label}
      // Focusable only so that the keyboard can scroll it.
      tabIndex={0}
    >
      {children}
    </div>
  );
}

import { useEffect, useRef } from "react";

/**
 * A horizontal bar chart. It is a picture for sighted readers only (aria-hidden): every chart
 * of the app sits next to a table holding the same numbers. chart.js is loaded after the page
 * is hydrated (decision 017); until then, and without JavaScript, the box stays empty.
 */
export function BarChart({
  rows,
  seriesLabel,
  color = "#1f4e8c",
}: {
  rows: Array<{ label: string; value: number }>;
  seriesLabel: string;
  color?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const data = JSON.stringify(rows);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    const parsed = JSON.parse(data) as typeof rows;
    if (parsed.length === 0) return;
    void import("./chart-drawing").then(({ drawBarChart }) => {
      if (!cancelled && canvas.current) {
        chart = drawBarChart(canvas.current, parsed, seriesLabel, color);
      }
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [data, seriesLabel, color]);
  if (rows.length === 0) return null;
  return (
    <div aria-hidden="true" style={{ height: Math.max(160, rows.length * 34 + 40) }}>
      <canvas ref={canvas} className="max-w-full" />
    </div>
  );
}

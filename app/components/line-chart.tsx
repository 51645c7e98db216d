import { useEffect, useRef } from "react";

/**
 * A line chart of one or more series over the same labels (months). Like BarChart, it is a
 * picture for sighted readers only (aria-hidden): a table beside it holds the same numbers.
 * chart.js is loaded after the page is hydrated (decision 017).
 */
export function LineChart({
  labels,
  series,
  height = 280,
}: {
  labels: string[];
  series: Array<{ label: string; values: number[]; color: string }>;
  height?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const data = JSON.stringify({ labels, series });
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    const parsed = JSON.parse(data) as { labels: typeof labels; series: typeof series };
    if (parsed.labels.length === 0) return;
    void import("./chart-drawing").then(({ drawLineChart }) => {
      if (!cancelled && canvas.current) {
        chart = drawLineChart(canvas.current, parsed.labels, parsed.series);
      }
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [data]);
  if (labels.length === 0) return null;
  return (
    <div aria-hidden="true" style={{ height }}>
      <canvas ref={canvas} className="max-w-full" />
    </div>
  );
}

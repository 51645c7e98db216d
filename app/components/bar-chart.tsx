import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  Tooltip,
} from "chart.js";
import { Bar } from "react-chartjs-2";

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

/**
 * A horizontal bar chart. It is a picture for sighted readers only (aria-hidden): every chart
 * of the app sits next to a table holding the same numbers.
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
  if (rows.length === 0) return null;
  return (
    <div aria-hidden="true" style={{ height: Math.max(160, rows.length * 34 + 40) }}>
      <Bar
        data={{
          labels: rows.map((r) => r.label),
          datasets: [
            { label: seriesLabel, data: rows.map((r) => r.value), backgroundColor: color },
          ],
        }}
        options={{
          indexAxis: "y",
          maintainAspectRatio: false,
          responsive: true,
          animation: false,
          plugins: { legend: { display: false } },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        }}
      />
    </div>
  );
}

import {
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from "chart.js";
import { Line } from "react-chartjs-2";

ChartJS.register(CategoryScale, LinearScale, PointElement, LineElement, Tooltip, Legend);

/**
 * A line chart of one or more series over the same labels (months). Like BarChart, it is a
 * picture for sighted readers only (aria-hidden): a table beside it holds the same numbers.
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
  if (labels.length === 0) return null;
  return (
    <div aria-hidden="true" style={{ height }}>
      <Line
        data={{
          labels,
          datasets: series.map((s) => ({
            label: s.label,
            data: s.values,
            borderColor: s.color,
            backgroundColor: s.color,
            tension: 0.25,
            pointRadius: 2,
          })),
        }}
        options={{
          maintainAspectRatio: false,
          responsive: true,
          animation: false,
          plugins: { legend: { display: series.length > 1, position: "bottom" } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        }}
      />
    </div>
  );
}

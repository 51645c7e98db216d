// chart.js, loaded by BarChart and LineChart through a dynamic import() once the page is
// hydrated: it is not part of any page's first-load JavaScript (decision 017). Only the pieces the
// two charts use are registered, so the chunk carries only them.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

export function drawBarChart(
  canvas: HTMLCanvasElement,
  rows: Array<{ label: string; value: number }>,
  seriesLabel: string,
  color: string,
) {
  return new Chart(canvas, {
    type: "bar",
    data: {
      labels: rows.map((r) => r.label),
      datasets: [{ label: seriesLabel, data: rows.map((r) => r.value), backgroundColor: color }],
    },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      responsive: true,
      animation: false,
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
}

export function drawLineChart(
  canvas: HTMLCanvasElement,
  labels: string[],
  series: Array<{ label: string; values: number[]; color: string }>,
) {
  return new Chart(canvas, {
    type: "line",
    data: {
      labels,
      datasets: series.map((s) => ({
        label: s.label,
        data: s.values,
        borderColor: s.color,
        backgroundColor: s.color,
        tension: 0.25,
        pointRadius: 2,
      })),
    },
    options: {
      maintainAspectRatio: false,
      responsive: true,
      animation: false,
      plugins: { legend: { display: series.length > 1, position: "bottom" } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
}

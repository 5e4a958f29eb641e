// The Search page's coverage chart: matching articles per month, stacked by the claim statuses
// they carry when any do. The server renders the same figures as a list, which stays for screen
// readers and for browsers without script; the chart only draws over it.
import uPlot from "uplot";

const statusColours = {
  verified: "#1b7f4b",
  false: "#b3261e",
  disputed: "#b86e00",
  in_review: "#2f5f9e",
  pending_signoff: "#6b4fa0",
  inconclusive: "#6b6b6b",
  unverified: "#9aa7b8",
};

export function drawTimeline() {
  const figure = document.querySelector("figure.timeline[data-series]");
  if (!figure) return;
  const buckets = JSON.parse(figure.dataset.series);
  if (buckets.length < 2) return;
  const months = buckets.map((b) => Date.UTC(+b.date.slice(0, 4), +b.date.slice(5, 7) - 1, 1) / 1000);
  const statuses = Object.keys(statusColours).filter((s) => buckets.some((b) => (b.byClaimStatus ?? {})[s] > 0));
  const series = [{}, { label: "Articles", stroke: "#2f5f9e", fill: "rgba(47, 95, 158, 0.25)", paths: uPlot.paths.bars({ size: [0.8, 40] }) }];
  const data = [months, buckets.map((b) => b.count)];
  for (const s of statuses) {
    series.push({ label: `With ${s.replace("_", " ")} claims`, stroke: statusColours[s], width: 2, points: { show: true, size: 5 } });
    data.push(buckets.map((b) => (b.byClaimStatus ?? {})[s] ?? 0));
  }
  const holder = document.createElement("div");
  holder.className = "timeline-chart";
  holder.setAttribute("aria-hidden", "true"); // the list below says the same in words
  figure.insertBefore(holder, figure.querySelector("ol"));
  const width = Math.max(280, figure.clientWidth);
  new uPlot({
    width,
    height: 160,
    series,
    legend: { show: statuses.length > 0 },
    cursor: { show: false },
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    axes: [{ stroke: "#555", grid: { show: false } }, { stroke: "#555", size: 40 }],
  }, data, holder);
  figure.classList.add("has-chart");
}

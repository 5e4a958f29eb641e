// Entry point for every page: live status, notifications of new articles, small UI helpers.
import { LiveConnection } from "./live.js";
import { showNotice } from "./notices.js";
import { showEvidence } from "./evidence.js";
import { enableShortcuts } from "./keys.js";
import { showClaims } from "./claims.js";
import "./annotations.js";
import { watchSavedSearches } from "./alerts.js";
import { drawTimeline } from "./timeline-chart.js";

function startLive() {
  const body = document.body;
  if (body.dataset.signedIn !== "true") return null;
  const live = new LiveConnection();
  const status = document.getElementById("live-status");
  live.on("status", (s) => {
    if (!status) return;
    status.dataset.state = s;
    status.textContent = s === "live" ? "Live" : s === "reconnecting" ? "Reconnecting…" : "Offline";
  });
  live.on("articleIngested", (e) => {
    const title = e.data?.title ?? "New article";
    showNotice(`New article: ${title}`, `/articles/${e.articleId}`);
  });
  live.start().catch(() => live.handlers.get("status")?.forEach((h) => h("offline")));
  return live;
}

window.policyTracker = { live: startLive() };
watchSavedSearches(window.policyTracker.live);
showEvidence();
enableShortcuts();
showClaims(window.policyTracker.live);
drawTimeline();

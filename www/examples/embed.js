// Listens for the element's report event (a page under a strict CSP keeps its scripts in files).
const log = document.getElementById("event-log");
document.querySelector("claim-diff").addEventListener("report", (event) => {
  const r = event.detail;
  log.textContent = `report event: ${r.discrepancies.length} discrepancies, ${r.alignment.groups.length} aligned rows (${r.alignment.mode} mode).`;
});

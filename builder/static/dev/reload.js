// Dev-server only (never in a built site): reload when a rebuild lands, show build errors on top.
(() => {
  const base = document.currentScript.src.replace(/reload\.js.*$/, "");
  let seen = null;
  const overlay = document.createElement("div");
  overlay.className = "koers-dev-errors";
  overlay.setAttribute("role", "alert");
  Object.assign(overlay.style, { position: "fixed", inset: "auto 0 0 0", maxHeight: "50vh", overflow: "auto",
    background: "#7a0000", color: "#fff", padding: "1rem", font: "14px/1.4 monospace", zIndex: 9999 });
  async function poll() {
    try {
      const state = await (await fetch(base + "state", { cache: "no-store" })).json();
      if (seen !== null && state.version !== seen && state.errors.length === 0) location.reload();
      seen = state.version;
      overlay.replaceChildren();
      if (state.errors.length) {
        const title = document.createElement("strong");
        title.textContent = "Build failed — still showing the last good build:";
        overlay.append(title);
        for (const line of state.errors) {
          const row = document.createElement("pre");
          row.textContent = line;
          overlay.append(row);
        }
        document.body.append(overlay);
      } else overlay.remove();
    } catch (e) { /* server restarting: try again */ }
    setTimeout(poll, 600);
  }
  poll();
})();

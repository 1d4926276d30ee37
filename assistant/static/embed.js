/* article-assistant widget: adds a floating chat button and an iframe panel to the host page.
 *
 *   <script src="https://assistant.example/embed.js" defer
 *           data-label="Ask the article" data-position="right" data-width="380" data-height="560"></script>
 *
 * The panel loads <this script's origin and path>/widget. Everything is built with DOM calls and
 * textContent, so no attribute value can inject markup into the host page.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__articleAssistantEmbedded) { return; }
  window.__articleAssistantEmbedded = true;

  var base = script.src.replace(/\/embed\.js(\?.*)?$/, "");
  var data = script.dataset || {};
  var lang = (data.lang || navigator.language || "en").slice(0, 2).toLowerCase();
  var label = data.label || (lang === "pt" ? "Pergunte ao artigo" : "Ask the article");
  var closeLabel = lang === "pt" ? "Fechar" : "Close";
  var side = data.position === "left" ? "left" : "right";
  var width = Math.min(parseInt(data.width, 10) || 380, 800);
  var height = Math.min(parseInt(data.height, 10) || 560, 1000);

  function style(el, rules) { for (var k in rules) { el.style[k] = rules[k]; } }

  var button = document.createElement("button");
  button.type = "button";
  button.id = "article-assistant-button";
  button.textContent = label;
  button.setAttribute("aria-expanded", "false");
  style(button, { position: "fixed", bottom: "20px", zIndex: "2147483000", padding: "12px 18px",
                  borderRadius: "24px", border: "0", background: "#1d4ed8", color: "#fff",
                  font: "15px system-ui, sans-serif", cursor: "pointer", boxShadow: "0 2px 10px rgba(0,0,0,.25)" });
  button.style[side] = "20px";

  var panel = document.createElement("div");
  panel.id = "article-assistant-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", label);
  style(panel, { position: "fixed", bottom: "76px", width: width + "px", height: height + "px",
                 maxWidth: "calc(100vw - 40px)", maxHeight: "calc(100vh - 100px)", zIndex: "2147483000",
                 display: "none", flexDirection: "column", background: "#fff", borderRadius: "10px",
                 overflow: "hidden", boxShadow: "0 4px 24px rgba(0,0,0,.3)" });
  panel.style[side] = "20px";

  var close = document.createElement("button");
  close.type = "button";
  close.textContent = "× " + closeLabel;
  style(close, { alignSelf: "flex-end", border: "0", background: "transparent", padding: "6px 10px",
                 font: "13px system-ui, sans-serif", cursor: "pointer" });

  var frame = null;
  function open() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.id = "article-assistant-frame";
      frame.title = label;
      frame.src = base + "/widget/";
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      style(frame, { border: "0", width: "100%", flex: "1" });
      panel.appendChild(frame);
    }
    panel.style.display = "flex";
    button.setAttribute("aria-expanded", "true");
  }
  function hide() {
    panel.style.display = "none";
    button.setAttribute("aria-expanded", "false");
  }
  button.addEventListener("click", function () { panel.style.display === "none" ? open() : hide(); });
  close.addEventListener("click", hide);

  panel.appendChild(close);
  function mount() { document.body.appendChild(panel); document.body.appendChild(button); }
  if (document.body) { mount(); } else { document.addEventListener("DOMContentLoaded", mount); }
})();

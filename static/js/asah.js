// Small progressive enhancements; every page works without this script.
document.addEventListener("DOMContentLoaded", () => {
  // On a phone the menu folds behind one button, so the page starts on the first screen.
  const nav = document.querySelector(".main-nav");
  const toggle = nav && nav.querySelector(".nav-toggle");
  if (toggle) {
    nav.classList.add("js-collapsible");
    toggle.hidden = false;
    toggle.addEventListener("click", () => {
      const open = nav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.submit());
  }
  for (const button of document.querySelectorAll(".js-hide")) {
    button.hidden = true;
  }
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
  // A person field suggests people from the whole directory as one types (the page's own
  // datalist holds only a short list, and the server resolves a typed name without this).
  for (const input of document.querySelectorAll("input[data-suggest]")) {
    const list = input.list;
    if (!list) continue;
    const initial = Array.from(list.options, (option) => [option.value, option.textContent]);
    let timer;
    let asked = "";
    const fill = (options) => {
      list.replaceChildren(...options.map(([value, label]) => {
        const option = document.createElement("option");
        option.value = value;
        option.textContent = label;
        return option;
      }));
    };
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const typed = input.value.trim();
      if (typed.length < 2 || /^\d{18}$/.test(typed.replace(/\s/g, ""))) {
        if (typed.length < 2) fill(initial);
        return;
      }
      timer = setTimeout(async () => {
        if (typed === asked) return;
        asked = typed;
        try {
          const answer = await fetch(input.dataset.suggest + "?q=" + encodeURIComponent(typed),
                                     { credentials: "same-origin", headers: { Accept: "application/json" } });
          if (!answer.ok || input.value.trim() !== typed) return;
          fill((await answer.json()).map((person) => [person.value, person.label]));
        } catch (error) {
          // Offline or signed out: the field still works as a plain text box.
        }
      }, 200);
    });
  }
  // A long table filters as one types in the box above it (the box is hidden without script).
  for (const box of document.querySelectorAll("input[data-filter-rows]")) {
    const rows = document.querySelectorAll(box.dataset.filterRows);
    box.closest("[hidden]")?.removeAttribute("hidden");
    box.addEventListener("input", () => {
      const words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
      for (const row of rows) {
        const text = row.textContent.toLowerCase();
        row.hidden = !words.every((word) => text.includes(word));
      }
    });
  }
  // A second click on a form being sent does not send it twice (a double-clicked submission).
  for (const form of document.querySelectorAll("form[method=post]")) {
    form.addEventListener("submit", (event) => {
      if (event.defaultPrevented) return;
      if (form.dataset.sending) { event.preventDefault(); return; }
      form.dataset.sending = "1";
      form.setAttribute("aria-busy", "true");
    });
  }
});
// Coming back to the page from the history lets its forms be sent again.
window.addEventListener("pageshow", () => {
  for (const form of document.querySelectorAll("form[data-sending]")) {
    delete form.dataset.sending;
    form.removeAttribute("aria-busy");
  }
});
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

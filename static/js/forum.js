// The new-thread form: similar suggestions while typing a suggestion's title, and the
// pseudonym choice only where the chosen category allows it (the form works without this;
// the server refuses a pseudonym where it is not allowed).
document.addEventListener("DOMContentLoaded", () => {
  const category = document.getElementById("thread-category");
  const pseudonymous = document.getElementById("thread-pseudonymous");
  if (category && pseudonymous) {
    const choice = pseudonymous.closest("label");
    const hint = choice && choice.nextElementSibling;
    const update = () => {
      const allowed = category.selectedOptions[0] && category.selectedOptions[0].hasAttribute("data-pseudonyms");
      if (!allowed) pseudonymous.checked = false;
      for (const element of [choice, hint]) if (element) element.hidden = !allowed;
    };
    category.addEventListener("change", update);
    update();
  }

  const input = document.querySelector("input[data-similar]");
  const box = document.getElementById("similar-suggestions");
  if (!input || !box) return;
  let timer = null;
  let latest = 0;

  const render = (items) => {
    box.replaceChildren();
    if (items.length === 0) return;
    const heading = document.createElement("p");
    const strong = document.createElement("strong");
    strong.textContent = box.dataset.heading;
    heading.append(strong);
    const list = document.createElement("ul");
    for (const item of items) {
      const entry = document.createElement("li");
      const link = document.createElement("a");
      link.href = "/forums/threads/" + encodeURIComponent(item.id);
      link.textContent = item.title;
      const badge = document.createElement("span");
      badge.className = "badge";
      badge.textContent = item.status_name;
      const count = document.createElement("span");
      count.className = "hint";
      count.textContent = item.support_count + " " + box.dataset.supports;
      entry.append(link, " ", badge, " ", count);
      list.append(entry);
    }
    box.append(heading, list);
  };

  const lookUp = async () => {
    const title = input.value.trim();
    const ticket = ++latest;
    if (title.length < 3) { render([]); return; }
    try {
      const answer = await fetch(input.dataset.similar + "?title=" + encodeURIComponent(title), {
        headers: { "Accept": "application/json" }, credentials: "same-origin",
      });
      if (!answer.ok || ticket !== latest) return;
      render(await answer.json());
    } catch (_) {
      // Offline or signed out: the form still works without hints.
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 250);
  });
});

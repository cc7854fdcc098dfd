// The review card of timeline.review_widget: one candidate, its passage, its fields, the actions.
// The kernel holds the queue and does every write; this view shows the `card` it sends and sends
// back {action, key, fields, target}. Shortcuts (focus on the card, not in a field): A accept,
// M merge, R reject, S skip, U or Ctrl+Z undo; inside a field Ctrl+Enter accepts, Escape leaves.

const FIELDS = [
  ["kind", "Kind", "select"],
  ["category", "Category", "text"],
  ["title", "Title", "text"],
  ["actor", "Actor", "text"],
  ["date_start", "Start", "date"],
  ["date_end", "End", "date"],
  ["date_precision", "Precision", "select"],
  ["date_text", "Date as written", "text"],
  ["responds_to", "Responds to", "search"],
  ["notes", "Notes", "text"],
];
const KEYS = { a: "accept", m: "merge", r: "reject", s: "skip", u: "undo" };

function make(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.appendChild(child);
  return node;
}

function render({ model, el }) {
  const uid = `tlr-${Math.random().toString(36).slice(2, 10)}`;
  el.classList.add("timeline-review");
  const root = make("div", { class: "tlr-card", tabindex: "0", role: "group",
    "aria-label": "Candidate under review" });
  const progress = make("div", { class: "tlr-progress", role: "status" });
  const message = make("div", { class: "tlr-message", "aria-live": "polite" });
  const heading = make("div", { class: "tlr-heading" });
  const meta = make("div", { class: "tlr-meta" });
  const passage = make("div", { class: "tlr-passage" });
  const form = make("div", { class: "tlr-fields" });
  const inputs = {};
  const rowsList = make("datalist", { id: `${uid}-rows` });
  const tableList = make("datalist", { id: `${uid}-table` });
  for (const [name, label, type] of FIELDS) {
    let input;
    if (type === "select") {
      input = make("select", { name });
    } else {
      input = make("input", { name, type: "text", placeholder: type === "date" ? "YYYY-MM-DD" : "" });
      if (type === "search") input.setAttribute("list", `${uid}-rows`);
    }
    input.classList.add(`tlr-field-${name}`);
    inputs[name] = input;
    form.appendChild(make("label", {}, [make("span", { text: label }), input]));
  }
  const target = make("input", { name: "merge_target", list: `${uid}-table`,
    class: "tlr-merge-target", placeholder: "row of the table" });
  const buttons = make("div", { class: "tlr-actions" });
  for (const [key, action, label] of [["A", "accept", "Accept"], ["M", "merge", "Merge into"],
    ["R", "reject", "Reject"], ["S", "skip", "Skip"], ["U", "undo", "Undo"]]) {
    const button = make("button", { type: "button", class: `tlr-${action}`,
      title: `${label} (${key})`, "data-action": action }, [make("span", { text: label }),
      make("kbd", { text: key })]);
    button.addEventListener("click", () => act(action));
    buttons.appendChild(button);
    if (action === "merge") buttons.appendChild(target);
  }
  root.append(progress, heading, meta, passage, form, buttons, message, rowsList, tableList);
  el.appendChild(root);

  function options(select, values, current) {
    select.replaceChildren(...values.map((v) => make("option", { value: v, text: v })));
    select.value = current;
  }
  function list(node, rows) {
    node.replaceChildren(...rows.map((r) => make("option", { value: r.id, label: r.label })));
  }
  function fields() {
    const out = {};
    for (const name of Object.keys(inputs)) out[name] = inputs[name].value;
    return out;
  }
  // Optimistic display: accept, reject and skip show the next candidate (sent ahead by the
  // kernel as `card.next`) at once; the kernel's answer then confirms it, or brings the
  // candidate back with the reason and the fields as they were sent. Every message names the
  // candidate it acts on, and the kernel refuses one that is not its current candidate.
  let inflight = null;
  const edited = new Set();
  for (const input of Object.values(inputs)) {
    input.addEventListener("input", () => edited.add(input.name));
    input.addEventListener("change", () => edited.add(input.name));
  }
  function act(action) {
    const card = model.get("card") || {};
    const key = root.dataset.key;
    inflight = { key, fields: fields() };
    model.send({ action, key, fields: inflight.fields, target: target.value });
    const next = card.next;
    const ahead = action === "accept" || action === "reject" || action === "skip";
    if (ahead && next && next.event_id && key === card.event_id) {
      display(next);
      message.textContent = `${key}: ${action}…`;
      message.classList.remove("tlr-error");
    }
  }
  function display(card) {
    if (!card || !card.event_id) {
      root.dataset.key = "";
      heading.textContent = "Nothing left to review.";
      meta.textContent = "";
      passage.replaceChildren();
      form.hidden = true;
      return;
    }
    const same = root.dataset.key === card.event_id;
    form.hidden = false;
    root.dataset.key = card.event_id;
    heading.textContent = `${card.event_id} · ${card.doubt}`;
    meta.textContent = card.meta;
    if (!same) {
      edited.clear();
      passage.innerHTML = card.passage_html; // built and escaped by timeline.highlight
      const evidence = passage.querySelector("mark.event-evidence");
      passage.scrollTop = evidence ? Math.max(0, evidence.offsetTop - passage.offsetTop - 48) : 0;
    }
    const kept = inflight && inflight.key === card.event_id && !same ? inflight.fields : {};
    for (const [name, , type] of FIELDS) {
      if (same && edited.has(name)) continue;
      const value = name in kept ? kept[name] : card.fields[name];
      if (type === "select") options(inputs[name], card.choices[name], value);
      else inputs[name].value = value;
    }
    if (!same || !target.value) target.value = card.merge_target || "";
  }
  function show() {
    progress.textContent = model.get("progress");
    list(rowsList, model.get("rows"));
    list(tableList, model.get("table_rows"));
    display(model.get("card"));
    inflight = null;
    root.dataset.serial = String(model.get("serial"));
  }
  function note() {
    message.textContent = model.get("message");
    message.classList.toggle("tlr-error", model.get("message_is_error"));
  }

  root.addEventListener("keydown", (event) => {
    const inField = event.target !== root && event.target.matches("input, select, textarea");
    if (inField) {
      if (event.key === "Escape") {
        event.preventDefault();
        root.focus();
      } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        event.stopPropagation();
        act("accept");
      }
      event.stopPropagation(); // typing in a field never reaches JupyterLab's shortcuts
      return;
    }
    const key = event.key.toLowerCase();
    let action = event.altKey || event.metaKey ? undefined : KEYS[key];
    if (event.ctrlKey) action = key === "z" ? "undo" : undefined;
    if (action === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    act(action);
  });
  model.on("change:card", show);
  model.on("change:serial", show);
  model.on("change:message", note);
  model.on("change:message_is_error", note);
  show();
  note();
}

export default { render };

// Building DOM nodes from data without innerHTML: text always goes in as text.

/** h("div.card", {onclick}, child, "text", [children]) → Element */
export function h(tag, attributes, ...children) {
  const [name, ...classes] = tag.split(".");
  const element = document.createElement(name);
  if (classes.length) element.className = classes.join(" ");
  if (attributes && (typeof attributes !== "object" || attributes instanceof Node || Array.isArray(attributes))) {
    children.unshift(attributes);
    attributes = null;
  }
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else if (key === "class") element.className += (element.className ? " " : "") + value;
    else if (key in element && key !== "list" && key !== "form") element[key] = value;
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the content of `element` with `children`. */
export function mount(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** Shows a short message in the live region. */
export function toast(message) {
  const box = document.getElementById("toast");
  box.textContent = message;
  box.classList.add("shown");
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => box.classList.remove("shown"), 3500);
}

/** A button that copies `text` to the clipboard. */
export function copyButton(text, label = "Copy") {
  return h("button.small", {
    type: "button",
    "aria-label": `${label}: ${text}`,
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(text);
        toast(`Copied ${text}`);
      } catch {
        toast("Copy failed: select the text and copy it by hand");
      }
    },
  }, label);
}

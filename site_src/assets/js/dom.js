// Building the page's own elements: attributes set as given (true gives an empty attribute; false, null and
// undefined leave it out), children appended as nodes or text, never as HTML.

export const element = (name, attributes = {}, ...children) => {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
};

/** Saves `text` as a file called `name` on this device (nothing is sent anywhere). */
export function saveFile(text, name, type) {
  const link = element("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** `text` with its ranges and tempos (10-15, 3-1-1; not dates) joined by no-break hyphens and each percent sign
 * kept to its number, so that a phone never shows "20-" on one line and "30 s" on the next. */
export const together = (text) => text
  .replace(/(?<![\w-])(?!\d{4}-\d\d-\d\d\b)\d+(?:-\d+)+\b/g, (range) => range.replaceAll("-", "\u2011"))
  .replace(/(?<=\d) (?=%)/g, "\u00a0");

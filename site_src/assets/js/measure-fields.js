// The fields of "My log" that record one measure each: a 0-10 slider, yes/no, a choice of values or a number,
// each with the value it holds (or null when nothing is recorded) and a way to clear it.

import { element } from "./dom.js";
import { NUMERIC_KINDS } from "./log.js";

const NOT_RECORDED = "not recorded";

/** The input for one measure: a 0-10 slider, yes/no, a choice of its values, or a number. */
export function measureField(measure) {
  const id = `hb-measure-${measure.id}`;
  const hint = element("span", { class: "hb-log__unit" }, measure.unit ? ` (${measure.unit.trim()})` : "");
  if (measure.kind === "boolean") {
    const choice = (value, text) => element("label", {}, element("input", { type: "radio", name: `m:${measure.id}`, value }), ` ${text}`);
    return element("fieldset", { class: "hb-log__field", "data-measure": measure.id },
      element("legend", {}, measure.name), choice("yes", "Yes"), choice("no", "No"), clearButton(measure));
  }
  if (measure.kind === "categorical") {
    return element("div", { class: "hb-log__field", "data-measure": measure.id },
      element("label", { for: id }, measure.name),
      element("select", { id, name: `m:${measure.id}` }, element("option", { value: "" }, NOT_RECORDED),
        ...measure.values.map((value) => element("option", { value }, value))));
  }
  if (measure.kind === "scale") return scaleField(measure, id, hint);
  return element("div", { class: "hb-log__field", "data-measure": measure.id },
    element("label", { for: id }, measure.name, hint),
    element("input", { type: "number", id, name: `m:${measure.id}`, inputmode: "decimal", min: measure.min ?? 0,
                       max: measure.max, step: measure.kind === "count" ? 1 : "any" }));
}

/** A slider that records its value once touched: dragged, tapped (a tap on 0 records 0, the value it starts at,
 * though the browser reports no change) or moved with the keyboard. */
function scaleField(measure, id, hint) {
  const [low, high] = [measure.min ?? 0, measure.max ?? 10];
  const output = element("output", { for: id, class: "hb-log__output" }, NOT_RECORDED);
  const slider = element("input", { type: "range", id, name: `m:${measure.id}`, min: low, max: high, step: 1, value: low,
                                    "aria-valuetext": NOT_RECORDED });
  const record = () => {
    const first = !slider.dataset.set;
    slider.dataset.set = "yes";
    output.textContent = `${slider.value}/${high}`;
    slider.setAttribute("aria-valuetext", `${slider.value} out of ${high}`);
    return first;
  };
  slider.addEventListener("input", record);
  // a tap or a key that leaves the value where it was fires no input event: record it and tell the form
  const touched = () => { if (record()) slider.dispatchEvent(new Event("input", { bubbles: true })); };
  slider.addEventListener("pointerup", touched);
  slider.addEventListener("click", touched);
  slider.addEventListener("keyup", (event) => {
    if (/^(Arrow|Home|End|Page)/.test(event.key)) touched();
  });
  return element("div", { class: "hb-log__field hb-log__field--scale", "data-measure": measure.id },
    element("label", { for: id }, measure.name, hint), element("div", { class: "hb-log__slider" }, slider, output),
    clearButton(measure));
}

function clearButton(measure) {
  const button = element("button", { type: "button", class: "hb-log__clear", "aria-label": `Clear ${measure.name}` }, "Clear");
  button.addEventListener("click", () => {
    clearField(button.parentElement);
    button.form.dispatchEvent(new Event("input"));
  });
  return button;
}

/** Leaves a measure's field unrecorded. */
export function clearField(field) {
  for (const input of field.querySelectorAll("input, select")) {
    if (input.type === "radio") input.checked = false;
    else if (input.type === "range") {
      delete input.dataset.set;
      input.value = input.min;
      input.setAttribute("aria-valuetext", NOT_RECORDED);
      field.querySelector("output").textContent = NOT_RECORDED;
    } else input.value = "";
  }
}

/** The value a measure's field holds, or null when it is not recorded. */
export function fieldValue(field, measure) {
  if (measure.kind === "boolean") {
    const checked = field.querySelector("input:checked");
    return checked ? checked.value === "yes" : null;
  }
  const input = field.querySelector("input, select");
  if (measure.kind === "scale") return input.dataset.set ? Number(input.value) : null;
  if (input.value === "") return null;
  return NUMERIC_KINDS.has(measure.kind) ? Number(input.value) : input.value;
}

/** A value with its measure's unit: "3/10", "20 min", "yes". */
export const shown = (value, measure) => (typeof value === "boolean" ? (value ? "yes" : "no")
  : `${value}${measure && measure.unit ? (measure.unit.startsWith("/") ? "" : " ") + measure.unit.trim() : ""}`);

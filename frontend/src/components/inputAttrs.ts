import type { Directive } from 'vue';

type Attrs = Record<string, string>;

function applyTo(selector: string) {
  return (el: HTMLElement, attrs: Attrs) => {
    const target = el.querySelector<HTMLElement>(selector);
    if (!target) return;
    for (const [name, value] of Object.entries(attrs)) {
      if (target.getAttribute(name) !== value) target.setAttribute(name, value);
    }
  };
}

function innerAttrs(selector: string): Directive<HTMLElement, Attrs> {
  const apply = applyTo(selector);
  return {
    mounted: (el, binding) => apply(el, binding.value),
    updated: (el, binding) => apply(el, binding.value),
  };
}

/**
 * Puts attributes (id, name) on the first <input> inside a component that does not pass them on
 * itself (NDatePicker), so that its <label for> and tests can find it.
 */
export const vInputAttrs = innerAttrs('input');

/**
 * Names the focusable box of a non-filterable NSelect, which has no input to label: a button that
 * opens a list, read as "<what it sets>: <current value>".
 */
export const vSelectLabel: Directive<HTMLElement, string> = {
  mounted: (el, binding) => applyTo('.n-base-selection')(el, { role: 'button', 'aria-haspopup': 'listbox', 'aria-label': binding.value }),
  updated: (el, binding) => applyTo('.n-base-selection')(el, { role: 'button', 'aria-haspopup': 'listbox', 'aria-label': binding.value }),
};

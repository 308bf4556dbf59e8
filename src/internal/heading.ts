import { html, nothing, type TemplateResult } from 'lit';

/**
 * A heading at a level the page chooses (`heading-level`), so an element fits the
 * host page's outline. role/aria-level avoids a static-html dependency. With an `id`
 * it can take focus, for when a view changes and focus moves to its title.
 */
export function headingTag(level: number, content: unknown, id?: string): TemplateResult {
  const l = Math.max(1, Math.min(6, level));
  return html`<div role="heading" aria-level=${l} class="heading h${l}" id=${id ?? nothing} tabindex=${id ? '-1' : nothing}>${content}</div>`;
}

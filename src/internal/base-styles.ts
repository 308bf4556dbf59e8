import { css } from 'lit';

/**
 * What every element's shadow root starts from. Every token is a --shg-* custom
 * property with a fallback, so a page needs no theme CSS. Surfaces use the
 * system colours Canvas/CanvasText under `color-scheme: light dark`, which gives
 * dark mode from prefers-color-scheme and readable pairs in forced-colours mode;
 * a page that sets --shg-color-* (or --shg-color-scheme: light) decides instead.
 * Themed text colours (muted, accent) appear only on our own surfaces; text on the
 * host page's background inherits the page's colour, so contrast holds either way.
 */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color-scheme: var(--shg-color-scheme, light dark);
    font-family: var(--shg-font-family, inherit);
    font-size: var(--shg-font-size, 1rem);
    line-height: 1.5;
    color: var(--shg-color-text, inherit);
    background: var(--shg-color-background, transparent);
    --_surface: var(--shg-color-surface, Canvas);
    --_on-surface: var(--shg-color-on-surface, CanvasText);
    --_muted: var(--shg-color-muted, light-dark(#4a4a4a, #c8c8c8));
    --_border: var(--shg-color-border, light-dark(#767676, #9a9a9a));
    --_accent: var(--shg-color-accent, light-dark(#0b5cad, #8cc4ff));
    --_on-accent: var(--shg-color-accent-contrast, light-dark(#ffffff, #0b1a2b));
    --_mark: var(--shg-color-highlight, light-dark(#fff3a3, #5c4d00));
    --_radius: var(--shg-radius, 0.5rem);
    --_space: var(--shg-space, 1rem);
    --_focus: var(--shg-color-focus, light-dark(#0b5cad, #8cc4ff));
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  .base {
    max-inline-size: 100%;
    overflow-wrap: anywhere;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  /*
   * A phone number inside a sentence is read as one: never "+49 30 / 23125 100" across two
   * lines. Not a "Call" button or the office card's number: at 200 % text on a phone they
   * must still wrap to fit (test/a11y/presentation.test.ts).
   */
  p > a[href^='tel:'] {
    white-space: nowrap;
  }
  /* Where focus is moved to (a view's title, a count, a notice): visible also after a click or touch. */
  [tabindex='-1']:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [tabindex='-1']:focus:not(:focus-visible) {
    outline-style: dotted;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .heading {
    font-weight: 700;
    line-height: 1.25;
    margin-block: var(--_space) calc(var(--_space) * 0.5);
  }
  .h2 { font-size: 1.5em; }
  .h3 { font-size: 1.2em; }
  .h4, .h5, .h6 { font-size: 1.05em; }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-block-size: 2.75rem;
    padding-block: 0.45em;
    padding-inline: 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    font: inherit;
    font-weight: 600;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .button.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }
  .button:hover {
    text-decoration: underline;
  }
  .button[disabled],
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.75;
  }
  .link-button {
    background: none;
    border: none;
    padding: 0.25em 0;
    font: inherit;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
    min-block-size: 2.75rem;
  }
  .badge {
    display: inline-block;
    padding-inline: 0.5em;
    border-radius: 999px;
    border: 1px solid var(--_border);
    font-size: 0.875em;
    color: var(--_on-surface);
    background: var(--_surface);
  }
  mark {
    background: var(--_mark);
    color: inherit;
    border-radius: 2px;
  }
  .muted {
    color: var(--_muted);
  }
  .status {
    margin-block: var(--_space);
  }
  /* A panel of our own: the surface that themed colours (muted, accent) are drawn on. */
  .card {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_on-surface);
  }
  .error {
    padding: var(--_space);
    border: 2px solid var(--_border);
    border-inline-start: 6px solid light-dark(#a4262c, #ff9b9b);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_on-surface);
  }
  .skeleton {
    display: grid;
    gap: 0.75rem;
    padding-block: var(--_space);
  }
  .skeleton-bar {
    block-size: 1.25rem;
    border-radius: var(--_radius);
    background: light-dark(#e6e6e6, #3a3a3a);
    animation: shg-pulse 1.5s ease-in-out infinite;
  }
  .skeleton-bar.short {
    inline-size: 60%;
  }
  @keyframes shg-pulse {
    50% {
      opacity: 0.5;
    }
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_on-surface);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-block-size: 2.75rem;
    padding-block: 0.4em;
    padding-inline: 0.6em;
    max-inline-size: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    min-block-size: auto;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
  }
  [dir='rtl'] .icon-back {
    display: inline-block;
    transform: scaleX(-1);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    .button,
    .badge,
    .card,
    .error {
      border: 1px solid CanvasText;
    }
    /* .secondary too: its themed colour would otherwise win over the visitor's palette. */
    .button,
    .button.secondary {
      forced-color-adjust: none;
      background: ButtonFace;
      color: ButtonText;
    }
    mark {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

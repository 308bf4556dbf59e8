import { css } from 'lit';
import { baseStyles } from '../../internal/base-styles.js';

export const finderStyles = [
  baseStyles,
  css`
    :host {
      container-type: inline-size;
    }
    .search {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      margin-block-end: var(--_space);
    }
    .label {
      display: block;
      font-weight: 600;
    }
    #shg-q {
      inline-size: 100%;
      font-size: 1.1em;
    }
    /* On the host page's own background: inherit its colour, never a themed one. */
    .hint {
      margin: 0;
      font-size: 0.9em;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: calc(var(--_space) * 0.75);
    }
    .row .field {
      flex: 1 1 12rem;
      min-inline-size: 0;
    }
    .row select {
      inline-size: 100%;
    }
    .filters {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
      gap: var(--_space);
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_on-surface);
    }
    .filter {
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    .filter legend {
      font-weight: 600;
      padding: 0;
      margin-block-end: 0.25em;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 0.5em;
      min-block-size: 2.25rem;
    }
    /* A box keeps its size when its label wraps to two lines. */
    .choice input {
      flex-shrink: 0;
    }
    /* The panel's last row: its buttons at a button's height, side by side, across the grid. */
    .panel-end {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5);
      align-items: start;
    }
    .near {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      align-items: end;
    }
    .near-problem {
      flex-basis: 100%;
    }
    .results {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: var(--_space);
    }
    /*
     * No content-visibility on the cards: Chromium leaves skipped cards out of the
     * accessibility tree, so a screen reader would get only the cards on screen (tested in
     * test/a11y/presentation.test.ts). A page has 20 cards; their layout is affordable.
     */
    .card p {
      margin-block: 0.35em;
    }
    .card .heading {
      margin-block-start: 0;
      /* The same size at every heading-level: the level is for the outline, not the look. */
      font-size: 1.2em;
    }
    .card-title {
      font-size: 1.15em;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35em;
    }
    .status-open {
      border-color: light-dark(#1e7a3a, #7fd89a);
    }
    .status-founding {
      border-style: dashed;
    }
    .meta,
    .where,
    .excerpt {
      color: var(--_muted);
    }
    .more {
      margin-block-start: var(--_space);
    }
    .detail {
      padding: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_on-surface);
    }
    .detail .description {
      white-space: pre-line;
    }
    .meeting {
      border-block-start: 1px solid var(--_border);
      padding-block-start: 0.5em;
    }
    .dates {
      margin-block: 0.25em;
      padding-inline-start: 1.25em;
    }
    .place {
      font-style: normal;
      margin-block: 0.5em;
    }
    .access {
      color: var(--_muted);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      margin-block: var(--_space);
    }
    .no-results {
      padding: var(--_space);
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_on-surface);
    }
    .loosen {
      margin: 0;
      padding-inline-start: 1.25em;
    }
    @container (max-width: 30rem) {
      .row .field {
        flex-basis: 100%;
      }
      .actions .button {
        flex: 1 1 100%;
        justify-content: center;
      }
    }
  `,
];

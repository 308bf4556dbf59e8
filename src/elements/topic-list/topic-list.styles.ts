import { css } from 'lit';
import { baseStyles } from '../../internal/base-styles.js';

export const topicListStyles = [
  baseStyles,
  css`
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .link {
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
      padding-block: 0.35em;
      min-block-size: 2.75rem;
      text-decoration: none;
    }
    /* Only the name is underlined: a count is not part of what the link says it is. */
    .link .name {
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    .link:hover .name {
      text-decoration-thickness: 2px;
    }
    .link.empty {
      color: var(--_muted);
    }
    .link[aria-current='true'] {
      font-weight: 700;
    }
    .count {
      display: inline-block;
      flex: none;
      white-space: nowrap;
      overflow-wrap: normal;
      min-inline-size: 1.75em;
      padding-inline: 0.45em;
      border-radius: 999px;
      border: 1px solid var(--_border);
      background: var(--_surface);
      color: var(--_on-surface);
      font-size: 0.85em;
      font-weight: 600;
      text-align: center;
      text-decoration: none;
      line-height: 1.5;
    }
    .heading .count {
      font-size: 0.7em;
    }
    .count.empty {
      color: var(--_muted);
      font-weight: normal;
    }
    [aria-current='true'] .count {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_on-accent);
    }

    /* grid */
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--shg-topic-tile-min, 15rem)), 1fr));
      gap: var(--_space);
    }
    .tile .heading {
      margin-block: 0 0.25em;
    }
    .tile .area-link {
      color: var(--_accent);
    }
    .tile .topics .link {
      min-block-size: 2.25rem;
    }

    /* list */
    .list .area + .area {
      margin-block-start: 0.5em;
    }
    .list .area-link {
      font-weight: 600;
    }
    .list .topics {
      padding-inline-start: 1em;
      border-inline-start: 2px solid var(--_border);
      margin-inline-start: 0.25em;
    }
    .list .link {
      min-block-size: 2.25rem;
      padding-block: 0.2em;
    }

    /* accordion */
    .accordion .area {
      border-block-end: 1px solid var(--_border);
    }
    .accordion .area:first-child {
      border-block-start: 1px solid var(--_border);
    }
    .accordion .heading {
      margin: 0;
      font-size: 1.1em;
    }
    .accordion .heading > .link {
      padding-inline-start: calc(1.5em + 0.5em);
      inline-size: 100%;
    }
    .area-button {
      display: flex;
      align-items: center;
      gap: 0.5em;
      inline-size: 100%;
      min-block-size: 2.75rem;
      padding-block: 0.5em;
      padding-inline: 0;
      border: 0;
      background: none;
      font: inherit;
      font-weight: 700;
      color: inherit;
      text-align: start;
      cursor: pointer;
    }
    .area-button:hover .name {
      text-decoration: underline;
    }
    .chevron {
      flex: none;
      inline-size: 1.5em;
      text-align: center;
    }
    .chevron::before {
      content: '▸';
      display: inline-block;
    }
    [dir='rtl'] .chevron::before {
      content: '◂';
    }
    .area-button[aria-expanded='true'] .chevron::before {
      content: '▾';
    }
    .accordion .panel {
      padding-block-end: 0.5em;
      padding-inline-start: 2em;
    }
    .accordion .all .link {
      font-style: italic;
    }
    @media (forced-colors: active) {
      .count {
        border: 1px solid CanvasText;
      }
      [aria-current='true'] .count {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }
    }
  `,
];

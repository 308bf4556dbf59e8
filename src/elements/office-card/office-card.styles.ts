import { css } from 'lit';
import { baseStyles } from '../../internal/base-styles.js';

export const officeCardStyles = [
  baseStyles,
  css`
    .card > .heading:first-child {
      margin-block-start: 0;
    }
    .card p {
      margin-block: 0.5em;
    }
    .description {
      white-space: pre-line;
    }
    .free {
      font-weight: 600;
    }
    .open-state {
      display: flex;
      align-items: flex-start;
      gap: 0.5em;
      font-weight: 600;
    }
    .dot {
      flex: none;
      margin-block-start: 0.4em;
      inline-size: 0.7em;
      block-size: 0.7em;
      border-radius: 50%;
      background: var(--shg-color-closed, light-dark(#8a8a8a, #9a9a9a));
    }
    .is-open .dot {
      background: var(--shg-color-open, light-dark(#1e7a3a, #7fd89a));
    }
    .hours {
      border-collapse: collapse;
      margin-block: 0.5em;
    }
    .hours th,
    .hours td {
      text-align: start;
      vertical-align: top;
      padding-block: 0.2em;
      padding-inline: 0 1.25em;
      font-weight: normal;
    }
    .hours .today th,
    .hours .today td {
      font-weight: 700;
    }
    /* No nowrap on the times: the table sizes "9:00–13:00" to one line where it fits, and at 200 % text on a phone it may break after the dash rather than stick out. */
    .hours-text {
      white-space: pre-line;
    }
    .zone-note {
      font-size: 0.9em;
    }
    .details {
      margin-block: var(--_space) 0;
      display: grid;
      gap: 0.5em;
    }
    .details .row {
      display: grid;
      grid-template-columns: minmax(7rem, max-content) minmax(0, 1fr);
      gap: 0.75em;
    }
    .details dt {
      font-weight: 600;
    }
    .details dd {
      margin: 0;
    }
    address {
      font-style: normal;
    }
    .compact .details .row {
      grid-template-columns: minmax(0, 1fr);
      gap: 0;
    }
    .compact .details dt {
      font-size: 0.9em;
      color: var(--_muted);
      font-weight: normal;
    }
    .label {
      font-weight: 600;
    }
    @media (forced-colors: active) {
      .dot {
        forced-color-adjust: none;
        background: CanvasText;
      }
      .is-open .dot {
        background: Highlight;
      }
    }
  `,
];

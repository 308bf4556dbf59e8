import { css } from 'lit';
import { baseStyles } from '../../internal/base-styles.js';

/** Logical properties only, so right-to-left needs nothing extra; one column that holds at 320 px and 200% zoom. */
export const contactFormStyles = [
  baseStyles,
  css`
    :host {
      --_error: var(--shg-color-error, light-dark(#a4262c, #ff9b9b));
      max-inline-size: 40rem;
    }
    form,
    .fields {
      display: grid;
      gap: calc(var(--_space) * 1.25);
    }
    .fields {
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    .intro {
      margin-block: 0 var(--_space);
    }
    .field {
      display: grid;
      gap: 0.25rem;
      min-inline-size: 0;
      margin: 0;
    }
    fieldset.field {
      padding: 0;
      border: 0;
    }
    fieldset.reach {
      gap: calc(var(--_space) * 0.75);
    }
    .label,
    legend {
      font-weight: 600;
      padding: 0;
    }
    legend {
      margin-block-end: 0.25rem;
    }
    .optional {
      font-weight: 400;
      color: var(--_muted);
    }
    .hint {
      margin: 0;
      color: var(--_muted);
      font-size: 0.95em;
    }
    input[type='text'],
    input[type='email'],
    input[type='tel'],
    select,
    textarea {
      inline-size: 100%;
    }
    textarea {
      resize: vertical;
      min-block-size: 8rem;
    }
    .options {
      display: grid;
      gap: 0.5rem;
    }
    .check {
      display: flex;
      align-items: flex-start;
      gap: 0.6rem;
    }
    .check input {
      flex: none;
      margin-block-start: 0.2em;
    }
    .has-error > input,
    .has-error > select,
    .has-error > textarea,
    .has-error .check input {
      border-color: var(--_error);
      border-width: 2px;
    }
    .has-error {
      border-inline-start: 4px solid var(--_error);
      padding-inline-start: calc(var(--_space) * 0.75);
    }
    fieldset.reach .has-error {
      padding-inline-start: calc(var(--_space) * 0.5);
    }
    .field-error {
      margin: 0;
      color: var(--_error);
      font-weight: 600;
    }
    .consent label {
      cursor: pointer;
    }
    .required {
      font-weight: 600;
    }
    .privacy {
      margin: 0;
      padding-inline-start: calc(1.25em + 0.6rem);
    }
    /* Clipped in place: an off-screen offset would widen the page in right-to-left. */
    .trap {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      opacity: 0;
      pointer-events: none;
    }
    .summary,
    .notice {
      padding: var(--_space);
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_on-surface);
    }
    .summary {
      border-color: var(--_error);
      border-width: 3px;
      margin-block-end: var(--_space);
    }
    .summary .heading {
      margin-block-start: 0;
    }
    .summary ul {
      margin: 0;
      padding-inline-start: 1.25em;
    }
    .summary a {
      color: var(--_error);
      font-weight: 600;
    }
    .notice p {
      margin-block: 0 0.5em;
    }
    .notice p:last-child {
      margin-block-end: 0;
    }
    .notice.failed {
      border-inline-start: 6px solid var(--_error);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }
    @media (forced-colors: active) {
      .has-error,
      .summary,
      .notice {
        border-color: CanvasText;
      }
      .field-error {
        color: CanvasText;
      }
    }
  `,
];

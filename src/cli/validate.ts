/**
 * `validate`: a feed checked for shape (feed.schema.json, when the package has it), for what
 * the widgets would drop or question (normaliseFeed) and for meaning (checks.ts). One list
 * of problems, each with its path, and a summary; errors make the exit code 1.
 */
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import type { FeedProblem } from '../feed/types.js';
import { FeedError } from '../feed/errors.js';
import { normaliseFeed } from '../feed/normalise.js';
import type { Lang } from './args.js';
import { meaningChecks } from './checks.js';
import { messages, type Messages } from './messages.js';
import { checkSchema } from './schema-check.js';

export interface ValidationProblem extends FeedProblem {
  /** Who found it: the JSON Schema, the feed reader (normaliseFeed), or the meaning checks. */
  source: 'schema' | 'feed' | 'check';
  /** A text missing in a language the office serves (a warning, listed apart). */
  translation?: true;
}

export interface ValidationReport {
  ok: boolean;
  errors: number;
  /** Warnings, missing translations included. */
  warnings: number;
  /** Of the warnings, how many are missing translations. */
  translations: number;
  counts: { groups: number; topics: number; places: number; meetings: number };
  schema: 'checked' | 'missing';
  problems: ValidationProblem[];
}

export interface ValidateOptions {
  lang: Lang;
  /** "Now", epoch ms (default: the clock). */
  now?: number;
  /** Languages texts should have (default: the feed's language and the office's). */
  languages?: string[];
  /** The feed's URL, for relative links. */
  baseUrl?: string;
  /** The schema to check against; null for none; default: the package's feed.schema.json. */
  schema?: Record<string, unknown> | null;
}

/** The package's feed.schema.json (dist/cli/ → package root), or null when it is not there. */
export function loadFeedSchema(): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(new URL('../../feed.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

export function validateFeed(data: unknown, options: ValidateOptions): ValidationReport {
  const t = messages(options.lang);
  const schema = options.schema === undefined ? loadFeedSchema() : options.schema;
  const report: ValidationReport = { ok: true, errors: 0, warnings: 0, translations: 0, counts: { groups: 0, topics: 0, places: 0, meetings: 0 }, schema: schema ? 'checked' : 'missing', problems: [] };
  let fromFeed: FeedProblem[];
  try {
    fromFeed = normaliseFeed(data, { maxProblems: 100_000, ...(options.baseUrl && { baseUrl: options.baseUrl }) }).problems;
  } catch (e) {
    if (!(e instanceof FeedError)) throw e;
    const hint = Array.isArray(data) ? ` (${t.hintConvert})` : '';
    report.problems.push({ path: '', message: e.message + hint, severity: 'error', source: 'feed' });
    return finish(report);
  }
  const feed = data as Record<string, unknown>;
  const groups = Array.isArray(feed.groups) ? feed.groups : [];
  report.counts = {
    groups: groups.length,
    topics: count(feed.topics),
    places: count(feed.places),
    meetings: groups.reduce((n: number, g) => n + (isRec(g) ? count(g.meetings) : 0), 0),
  };

  const checks = meaningChecks(feed, { t, lang: options.lang, now: options.now ?? Date.now(), ...(options.languages && { languages: options.languages }) });
  const replaced = new Set(checks.filter((c) => c.replaces).map((c) => c.path));
  const problems: ValidationProblem[] = [
    ...fromFeed.filter((p) => !replaced.has(p.path)).map((p) => ({ ...p, source: 'feed' as const })),
    ...checks.map(({ replaces: _, ...p }) => ({ ...p, source: 'check' as const })),
  ];
  if (schema) {
    // The schema often says what normaliseFeed says at the same place; keep the clearer one,
    // unless only a warning says it there where the schema says error.
    const covered = (p: FeedProblem): boolean =>
      problems.some((q) => (q.path === p.path || q.path.startsWith(`${p.path}.`) || q.path.startsWith(`${p.path}[`)) && (q.severity === 'error' || p.severity === 'warning'));
    for (const p of checkSchema(schema, data, t.unknownField)) if (!covered(p)) problems.push({ ...p, source: 'schema' });
  }
  report.problems = problems.sort(byPath);
  return finish(report);
}

function finish(report: ValidationReport): ValidationReport {
  report.errors = report.problems.filter((p) => p.severity === 'error').length;
  report.warnings = report.problems.length - report.errors;
  report.translations = report.problems.filter((p) => p.translation).length;
  report.ok = report.errors === 0;
  return report;
}

const collator = new Intl.Collator('en', { numeric: true });
function byPath(a: FeedProblem, b: FeedProblem): number {
  return collator.compare(a.path, b.path) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);
}

/** The report as text: what was checked, a summary, then every problem with its path. */
export function formatReport(source: string, report: ValidationReport, t: Messages): string {
  const lines = [t.validating(source), `${t.counts(report.counts.groups, report.counts.topics, report.counts.places, report.counts.meetings)} · ${report.schema === 'checked' ? t.schemaChecked : t.schemaMissing}`];
  lines.push(...formatProblems(report.problems, t, (p) => p.path || '(feed)'));
  return lines.join('\n') + '\n';
}

/** A summary line, then errors, warnings and missing translations under their headings. */
export function formatProblems<P extends { severity: 'error' | 'warning'; message: string; translation?: true }>(problems: P[], t: Messages, where: (p: P) => string): string[] {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning' && !p.translation);
  const translations = problems.filter((p) => p.translation);
  const counts = [t.errors(errors.length), t.warnings(warnings.length), ...(translations.length ? [t.translations(translations.length)] : [])];
  const lines = [problems.length === 0 ? `✔ ${t.noProblems}` : `${errors.length ? '✖' : '⚠'} ${counts.join(', ')}`];
  for (const [heading, group] of [[t.errorsHeading, errors], [t.warningsHeading, warnings], [t.translationsHeading, translations]] as const) {
    if (!group.length) continue;
    lines.push('', `${heading}:`);
    for (const p of group) lines.push(`  ${where(p)}: ${p.message}`);
  }
  return lines;
}

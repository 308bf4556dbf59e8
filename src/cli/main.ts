/**
 * `npx selbsthilfe-widgets <command>`: validate, import, convert, stats. Exit codes: 0 done
 * (warnings allowed), 1 errors in the data or an input that cannot be read, 2 a wrong
 * command line. Messages in German or English (`--lang`).
 */
/// <reference types="node" />
import type { FeedOffice } from '../feed/types.js';
import { FeedError } from '../feed/errors.js';
import { normaliseFeed } from '../feed/normalise.js';
import { slugify } from '../feed/adapters/common.js';
import { isValidTimeZone } from '../schedule/timezone.js';
import { flag, parseArgs, pickLang, stringOption, UsageError, type Lang, type OptionSpec, type ParsedArgs } from './args.js';
import { convertData, CONVERT_FORMATS, type ConvertFormat } from './convert.js';
import { readDate } from './columns.js';
import type { CsvDelimiter, CsvEncoding } from './csv.js';
import { helpText, type HelpTopic } from './help.js';
import { importCsv } from './import-csv.js';
import { InputError, isUrl, progress, readBytes, readJson, writeOutput } from './io.js';
import { messages, type Messages } from './messages.js';
import { feedStats, formatStats } from './stats.js';
import { formatProblems, formatReport, validateFeed } from './validate.js';

interface Context {
  lang: Lang;
  t: Messages;
  args: ParsedArgs;
  progress: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
}

interface Command {
  options: OptionSpec[];
  run: (ctx: Context) => Promise<number>;
}

const JSON_OPTION: OptionSpec = { name: 'json' };
const OUTPUT_OPTION: OptionSpec = { name: 'output', short: 'o', value: true };
const TODAY_OPTION: OptionSpec = { name: 'today', value: true };
const LANGUAGES_OPTION: OptionSpec = { name: 'languages', value: true };

const COMMANDS: Record<Exclude<HelpTopic, 'main'>, Command> = {
  validate: { options: [JSON_OPTION, LANGUAGES_OPTION, TODAY_OPTION, { name: 'base-url', value: true }], run: runValidate },
  import: {
    options: [JSON_OPTION, OUTPUT_OPTION, TODAY_OPTION, { name: 'office', value: true }, { name: 'encoding', value: true }, { name: 'delimiter', value: true }],
    run: runImport,
  },
  convert: {
    options: [JSON_OPTION, OUTPUT_OPTION, { name: 'from', value: true }, { name: 'language', value: true }, { name: 'timezone', value: true }, { name: 'topic', value: true }, { name: 'anchor', value: true }],
    run: runConvert,
  },
  stats: { options: [JSON_OPTION, LANGUAGES_OPTION], run: runStats },
};

/** Runs the CLI; resolves to the exit code. Output goes through `io` (stdout/stderr by default). */
export async function main(argv: readonly string[], io: { out?: (s: string) => void; err?: (s: string) => void; env?: Record<string, string | undefined>; isTTY?: boolean } = {}): Promise<number> {
  const out = io.out ?? ((s: string) => void process.stdout.write(s));
  const err = io.err ?? ((s: string) => void process.stderr.write(s));
  const picked = pickLang(argv, io.env ?? process.env);
  const lang = picked ?? 'de';
  const t = messages(lang);
  const name = argv[0] !== undefined && !argv[0].startsWith('-') ? argv[0] : undefined;
  const usage = (message: string, topic: string): number => {
    err(`selbsthilfe-widgets${topic === 'main' ? '' : ` ${topic}`}: ${message}\n${t.seeHelp(topic === 'main' ? '' : topic)}\n`);
    return 2;
  };
  if (picked === undefined) return usage(t.badChoice('--lang', stringLang(argv), 'de, en'), name ?? 'main');
  if (name === undefined) {
    if (argv.includes('--help') || argv.includes('-h')) {
      out(helpText('main', lang));
      return 0;
    }
    err(helpText('main', lang));
    return 2;
  }
  if (!(name in COMMANDS)) return usage(t.unknownCommand(name), 'main');
  const topic = name as keyof typeof COMMANDS;
  const command = COMMANDS[topic];
  let args: ParsedArgs;
  try {
    args = parseArgs(argv.slice(1), command.options, { unknown: t.unknownOption, needsValue: t.needsValue, noValue: t.noValue });
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message, topic);
    throw e;
  }
  if (flag(args, 'help')) {
    out(helpText(topic, lang));
    return 0;
  }
  const ctx: Context = { lang, t, args, progress: flag(args, 'progress') || (io.isTTY ?? process.stderr.isTTY === true), out, err };
  try {
    return await command.run(ctx);
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message, topic);
    if (e instanceof InputError) {
      err(`selbsthilfe-widgets ${topic}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

function stringLang(argv: readonly string[]): string {
  const i = argv.indexOf('--lang');
  return i >= 0 ? (argv[i + 1] ?? '') : (argv.find((a) => a.startsWith('--lang='))?.slice(7) ?? '');
}

/** The single input argument of a command. */
function input(ctx: Context, what: string): string {
  const [source, extra] = ctx.args.positional;
  if (source === undefined) throw new UsageError(ctx.t.missingInput(what));
  if (extra !== undefined) throw new UsageError(ctx.t.tooMany(extra));
  return source;
}

function dateOption(ctx: Context, name: string): string | undefined {
  const value = stringOption(ctx.args, name);
  if (value === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? readDate(value) : undefined;
  if (!date) throw new UsageError(ctx.t.badDateOption(`--${name}`, value));
  return date;
}

function listOption(ctx: Context, name: string): string[] | undefined {
  const value = stringOption(ctx.args, name);
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function runValidate(ctx: Context): Promise<number> {
  const source = input(ctx, '<feed.json|URL>');
  const today = dateOption(ctx, 'today');
  const languages = listOption(ctx, 'languages');
  const data = await readJson(source, ctx.t);
  const report = validateFeed(data, {
    lang: ctx.lang,
    now: today ? Date.parse(`${today}T00:00:00Z`) : Date.now(),
    ...(languages && { languages }),
    ...((stringOption(ctx.args, 'base-url') ?? (isUrl(source) ? source : undefined)) && { baseUrl: stringOption(ctx.args, 'base-url') ?? source }),
  });
  ctx.out(flag(ctx.args, 'json') ? JSON.stringify({ source, ...report }, null, 2) + '\n' : formatReport(source, report, ctx.t));
  return report.ok ? 0 : 1;
}

/** `--office`: a JSON file holding an office object, or a whole feed whose office is taken. */
async function readOffice(ctx: Context): Promise<Record<string, unknown> | undefined> {
  const path = stringOption(ctx.args, 'office');
  if (path === undefined) return undefined;
  const data = await readJson(path, ctx.t);
  const office = typeof data === 'object' && data !== null && 'office' in data ? (data as { office: unknown }).office : data;
  if (typeof office !== 'object' || office === null || Array.isArray(office)) throw new InputError(ctx.t.cannotRead(path, 'no "office" object'));
  return office as Record<string, unknown>;
}

async function runImport(ctx: Context): Promise<number> {
  const { t, args } = ctx;
  const source = input(ctx, '<groups.csv>');
  const encoding = stringOption(args, 'encoding');
  if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'windows-1252') throw new UsageError(t.badChoice('--encoding', encoding, 'utf-8, windows-1252'));
  const delimiterText = stringOption(args, 'delimiter');
  const delimiter = delimiterText === 'tab' ? '\t' : delimiterText;
  if (delimiter !== undefined && delimiter !== ';' && delimiter !== ',' && delimiter !== '\t') throw new UsageError(t.badChoice('--delimiter', delimiterText as string, '";", ",", tab'));
  const today = dateOption(ctx, 'today') ?? localToday();
  const office = await readOffice(ctx);
  const bytes = await readBytes(source, t);
  const result = importCsv(bytes, {
    lang: ctx.lang,
    today,
    ...(office && { office: office as unknown as FeedOffice }),
    ...(encoding && { encoding: encoding as CsvEncoding }),
    ...(delimiter && { delimiter: delimiter as CsvDelimiter }),
    onProgress: progress(ctx.progress, t.rowsRead),
  });
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const output = stringOption(args, 'output');
  const feedJson = JSON.stringify(result.feed, null, 2) + '\n';
  if (!result.fatal && !(flag(args, 'json') && output === undefined)) writeOutput(output, feedJson, t);
  const summary = t.imported(result.rows, result.feed.groups.length, result.feed.topics?.length ?? 0, result.feed.places?.length ?? 0);
  if (flag(args, 'json')) {
    const report = { source, ok: errors === 0 && !result.fatal, encoding: result.encoding, delimiter: result.delimiter, rows: result.rows, groups: result.feed.groups.length, problems: result.problems };
    ctx.out(JSON.stringify(output === undefined && !result.fatal ? { ...report, feed: result.feed } : report, null, 2) + '\n');
  } else {
    const lines = [t.importing(source, result.encoding, result.delimiter), ...(result.fatal ? [] : [summary, ...(output && output !== '-' ? [t.written(output)] : [])])];
    lines.push(...formatProblems(result.problems, t, (p) => (p.line ? t.line(p.line) : source)));
    ctx.err(lines.join('\n') + '\n');
  }
  return errors || result.fatal ? 1 : 0;
}

async function runConvert(ctx: Context): Promise<number> {
  const { t, args } = ctx;
  const from = stringOption(args, 'from');
  if (from === undefined) throw new UsageError(t.missingInput('--from meeting-guide|hsds'));
  if (!(CONVERT_FORMATS as readonly string[]).includes(from)) throw new UsageError(t.badChoice('--from', from, CONVERT_FORMATS.join(', ')));
  const source = input(ctx, '<in.json|URL>');
  const timezone = stringOption(args, 'timezone');
  if (timezone !== undefined && !isValidTimeZone(timezone)) throw new UsageError(t.badChoice('--timezone', timezone, 'Europe/Berlin, …'));
  const topicName = stringOption(args, 'topic');
  const language = stringOption(args, 'language');
  const anchor = dateOption(ctx, 'anchor');
  const data = await readJson(source, t);
  let result;
  try {
    result = convertData(from as ConvertFormat, data, {
      ...(language && { language }),
      ...(timezone && { timezone }),
      ...(anchor && { anchorDate: anchor }),
      ...(topicName && { topic: { id: slugify(topicName, 'topic'), name: topicName } }),
    });
  } catch (e) {
    if (e instanceof FeedError) throw new InputError(`${source}: ${e.message}`);
    throw e;
  }
  const output = stringOption(args, 'output');
  if (!(flag(args, 'json') && output === undefined)) writeOutput(output, JSON.stringify(result.feed, null, 2) + '\n', t);
  if (flag(args, 'json')) {
    const report = { source, from, ok: result.errors === 0, groups: result.feed.groups.length, problems: result.problems };
    ctx.out(JSON.stringify(output === undefined ? { ...report, feed: result.feed } : report, null, 2) + '\n');
  } else {
    const lines = [t.converted(from, result.feed.groups.length), ...(output && output !== '-' ? [t.written(output)] : [])];
    lines.push(...formatProblems(result.problems, t, (p) => `${p.in === 'feed' ? 'feed ' : ''}${p.path || '(root)'}`));
    ctx.err(lines.join('\n') + '\n');
  }
  return result.errors ? 1 : 0;
}

async function runStats(ctx: Context): Promise<number> {
  const source = input(ctx, '<feed.json|URL>');
  const languages = listOption(ctx, 'languages');
  const data = await readJson(source, ctx.t);
  let directory;
  try {
    directory = normaliseFeed(data, isUrl(source) ? { baseUrl: source } : {});
  } catch (e) {
    if (e instanceof FeedError) throw new InputError(`${source}: ${e.message}`);
    throw e;
  }
  const stats = feedStats(directory, ctx.lang, languages);
  ctx.out(flag(ctx.args, 'json') ? JSON.stringify({ source, ...stats }, null, 2) + '\n' : formatStats(source, stats, ctx.t, ctx.lang));
  return 0;
}

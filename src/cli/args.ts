/**
 * Command-line arguments, parsed by hand: `--name value`, `--name=value`, `-o value`,
 * flags, and `--` to end options. Unknown options are usage errors (exit code 2), so
 * a typo never runs a command with a default the user did not choose.
 */

export type Lang = 'de' | 'en';

export interface OptionSpec {
  /** Long name without dashes. */
  name: string;
  /** One-letter alias without the dash. */
  short?: string;
  /** Takes a value (otherwise a flag). */
  value?: boolean;
}

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Options every command understands. */
export const GLOBAL_OPTIONS: OptionSpec[] = [
  { name: 'help', short: 'h' },
  { name: 'lang', value: true },
  { name: 'progress' },
];

/** Parses `argv` (without node and script) against `specs`; throws UsageError with `message(option)` texts. */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], texts: { unknown: (o: string) => string; needsValue: (o: string) => string; noValue: (o: string) => string }): ParsedArgs {
  const all = [...GLOBAL_OPTIONS, ...specs];
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const key = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = key.startsWith('--') ? all.find((s) => s.name === key.slice(2)) : all.find((s) => s.short !== undefined && s.short === key.slice(1));
    if (!spec) throw new UsageError(texts.unknown(key));
    if (!spec.value) {
      if (eq > 0) throw new UsageError(texts.noValue(key));
      options.set(spec.name, true);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || (value.startsWith('-') && value !== '-')) throw new UsageError(texts.needsValue(key));
      i++;
    }
    options.set(spec.name, value);
  }
  return { positional, options };
}

/** The language for messages: `--lang`, else the environment (LC_ALL, LC_MESSAGES, LANG), else German. */
export function pickLang(argv: readonly string[], env: Record<string, string | undefined>): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value !== undefined) return value === 'de' || value === 'en' ? value : undefined;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en/i.test(locale) ? 'en' : 'de';
}

/** A string option, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options.get(name) === true;
}

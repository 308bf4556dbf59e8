import type { Arbitrary } from 'fast-check';

export const NASTY_STRINGS: string[];
export const anyString: Arbitrary<string>;
export const anyJson: Arbitrary<unknown>;
export const rruleArb: Arbitrary<string>;
export const feedArb: Arbitrary<Record<string, unknown>>;
export const anyInput: Arbitrary<unknown>;

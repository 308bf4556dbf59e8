/**
 * The unsent message survives a reload of the tab, and nothing longer: sessionStorage only
 * (never localStorage, which would keep health data on a shared computer). The consent box
 * and the honeypot are never stored.
 */
import type { ContactValues } from './values.js';

export interface Draft {
  values: Omit<ContactValues, 'website'>;
  /** When the visitor started filling in the form (epoch ms), for the minimum fill time. */
  startedAt: number;
  /** The `?shg-group=` the page had when the draft was saved. */
  urlGroup?: string;
  /** The key of a message that was sent but not confirmed, so a retry after a reload reuses it. */
  pending?: { key: string; fingerprint: string };
}

const PREFIX = 'shg-contact-draft:';

/** One draft per page and form (the element's id), so two forms on one page keep apart. */
export function draftKey(formId: string): string {
  return `${PREFIX}${location.pathname}#${formId}`;
}

export function loadDraft(key: string): Draft | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return undefined;
    const data = JSON.parse(raw) as Partial<Draft> & { v?: number };
    if (data.v !== 1 || !data.values || typeof data.values !== 'object') return undefined;
    const v = data.values as unknown as Record<string, unknown>;
    const text = (name: string) => (typeof v[name] === 'string' ? (v[name] as string) : '');
    const forWhom = v.forWhom === 'myself' || v.forWhom === 'relative' ? v.forWhom : '';
    const draft: Draft = {
      values: { group: text('group'), forWhom, name: text('name'), email: text('email'), phone: text('phone'), language: text('language'), message: text('message') },
      startedAt: typeof data.startedAt === 'number' ? data.startedAt : Date.now(),
    };
    if (typeof data.urlGroup === 'string') draft.urlGroup = data.urlGroup;
    if (data.pending && typeof data.pending.key === 'string' && typeof data.pending.fingerprint === 'string') draft.pending = { key: data.pending.key, fingerprint: data.pending.fingerprint };
    return draft;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, values: ContactValues, meta: Omit<Draft, 'values'>): void {
  const { website: _trap, ...kept } = values;
  try {
    sessionStorage.setItem(key, JSON.stringify({ v: 1, values: kept, ...meta }));
  } catch {
    // Storage full or disabled (some private modes): the form still works, only without a draft.
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/**
 * Form drafts: what a user typed survives a failed request, a reload or a
 * detour to another page, until the form is sent successfully. Kept per
 * browser tab (sessionStorage), like the login.
 */
export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'duban.draft.';

function store(): DraftStore | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** Values worth keeping: drops empty strings, empty lists and undefined, so an untouched form leaves no draft. */
export function meaningful(values: Record<string, unknown>): Record<string, unknown> | null {
  const kept = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)));
  return Object.keys(kept).length > 0 ? kept : null;
}

export function loadDraft<T extends object>(key: string, storage: DraftStore | null = store()): Partial<T> | undefined {
  const raw = storage?.getItem(PREFIX + key);
  if (!raw) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(key: string, values: Record<string, unknown>, storage: DraftStore | null = store()): void {
  if (!storage) return;
  const kept = meaningful(values);
  if (kept) storage.setItem(PREFIX + key, JSON.stringify(kept));
  else storage.removeItem(PREFIX + key);
}

export function clearDraft(key: string, storage: DraftStore | null = store()): void {
  storage?.removeItem(PREFIX + key);
}

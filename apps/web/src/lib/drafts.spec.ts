import { clearDraft, type DraftStore, loadDraft, meaningful, saveDraft } from './drafts';

function memory(): DraftStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('form drafts', () => {
  it('keeps what was typed until cleared', () => {
    const store = memory();
    saveDraft('progress:1', { note: '已完成资金测算', percent: 40 }, store);
    expect(loadDraft('progress:1', store)).toEqual({ note: '已完成资金测算', percent: 40 });
    expect(loadDraft('progress:2', store)).toBeUndefined();
    clearDraft('progress:1', store);
    expect(loadDraft('progress:1', store)).toBeUndefined();
  });

  it('leaves no draft for an untouched form, and removes one emptied again', () => {
    const store = memory();
    saveDraft('task:new', { title: '', coDepartments: [], dueDate: undefined }, store);
    expect(store.data.size).toBe(0);
    saveDraft('task:new', { title: '落实经费' }, store);
    saveDraft('task:new', { title: '' }, store);
    expect(store.data.size).toBe(0);
  });

  it('keeps zero and false, which are answers', () => {
    expect(meaningful({ percent: 0, flag: false, note: '' })).toEqual({ percent: 0, flag: false });
  });

  it('ignores a damaged or foreign value', () => {
    const store = memory();
    store.setItem('duban.draft.a', '{not json');
    store.setItem('duban.draft.b', '[1,2]');
    expect(loadDraft('a', store)).toBeUndefined();
    expect(loadDraft('b', store)).toBeUndefined();
  });

  it('does nothing without storage', () => {
    expect(() => saveDraft('x', { a: 1 }, null)).not.toThrow();
    expect(loadDraft('x', null)).toBeUndefined();
  });
});

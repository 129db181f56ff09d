import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useSyncExternalStore } from 'react';
import { get } from './lib/api';
import type { SessionUser } from './lib/session';
import type { Department, Plan } from './lib/types';

export interface Auth {
  user: SessionUser;
  signOut: () => void;
  /** The signed-in user as the API now has it after one of its own changes (kept in this tab's session). */
  updateUser: (patch: Partial<SessionUser>) => void;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthContext');
  return auth;
}

/** Departments by code (names for codes everywhere). */
export function useDepartments() {
  const query = useQuery({ queryKey: ['departments'], queryFn: () => get<Department[]>('/departments'), staleTime: 10 * 60_000 });
  const byCode = new Map((query.data ?? []).map((d) => [d.code, d]));
  const name = (code: string | null | undefined) => (code ? (byCode.get(code)?.name ?? code) : '');
  return { ...query, departments: query.data ?? [], name };
}

/** The plan switcher's choice, kept in this browser (localStorage) across sign-ins and tabs. */
const PLAN_KEY = 'duban.plan';
const planListeners = new Set<() => void>();
const subscribePlan = (listener: () => void) => {
  planListeners.add(listener);
  return () => void planListeners.delete(listener);
};

export function choosePlan(id: string): void {
  localStorage.setItem(PLAN_KEY, id);
  for (const listener of planListeners) listener();
}

/**
 * The plan the console shows (the header's switcher): the one chosen in this browser, else the API's current plan.
 * `plan` (the code) is what lists, the dashboard and the 通报 take as `?plan=`; undefined until the plans are loaded.
 */
export function usePlan() {
  const stored = useSyncExternalStore(subscribePlan, () => localStorage.getItem(PLAN_KEY));
  const query = useQuery({ queryKey: ['plans'], queryFn: () => get<Plan[]>('/plans'), staleTime: 10 * 60_000 });
  const plans = query.data ?? [];
  const plan = plans.find((p) => p.id === stored) ?? plans.find((p) => p.current) ?? plans.at(0);
  return { ...query, plans, plan, choose: choosePlan };
}

/** `path` with `plan=<code>` added when a plan is chosen (several plans live side by side). */
export function withPlan(path: string, plan: Plan | undefined): string {
  if (!plan) return path;
  return `${path}${path.includes('?') ? '&' : '?'}plan=${encodeURIComponent(plan.code)}`;
}

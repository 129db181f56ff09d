import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { get } from './lib/api';
import type { SessionUser } from './lib/session';
import type { Department } from './lib/types';

export interface Auth {
  user: SessionUser;
  signOut: () => void;
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

import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { post } from '../lib/api';
import { errorText } from '../lib/errors';
import type { SessionUser } from '../lib/session';

type Field = 'email' | 'password';
const REQUIRED: Record<Field, string> = { email: '请输入邮箱', password: '请输入密码' };

/**
 * The sign-in page, in plain HTML (styles in console.css): the first thing a township office loads on a weak line,
 * so it carries no antd (the budget: ≤ 150 KB of gzipped script, test/web-budget.e2e.ts). A missing field is
 * named beside it (aria-describedby), and the server's refusal is announced (role="alert").
 */
export function LoginPage({ onSignedIn }: { onSignedIn: (token: string, user: SessionUser) => void }) {
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(params.get('expired') ? '登录已失效，请重新登录' : null);
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: Field) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const values = { email: text('email').trim(), password: text('password') };
    const empty = Object.fromEntries((Object.keys(REQUIRED) as Field[]).filter((f) => !values[f]).map((f) => [f, REQUIRED[f]]));
    setMissing(empty);
    if (Object.keys(empty).length > 0) {
      document.getElementById(`login-${Object.keys(empty)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await post<{ accessToken: string; user: SessionUser }>('/auth/login', values);
      onSignedIn(result.accessToken, result.user);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: Field, label: string, props: { type: string; autoComplete: string; inputMode?: 'email' }) => (
    <div className="login-field">
      <label htmlFor={`login-${name}`}>{label}</label>
      <input
        id={`login-${name}`}
        name={name}
        {...props}
        aria-required="true"
        aria-invalid={missing[name] ? true : undefined}
        aria-describedby={missing[name] ? `login-${name}-hint` : undefined}
        onChange={() => missing[name] && setMissing({ ...missing, [name]: undefined })}
      />
      {missing[name] && (
        <div id={`login-${name}-hint`} className="login-hint" role="alert">
          {missing[name]}
        </div>
      )}
    </div>
  );
  return (
    <main className="login">
      <div className="login-card">
        <h1>泰兴市教育“十四五”规划督办平台</h1>
        {error && (
          <div className="login-alert" role="alert">
            {error}
          </div>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          {field('email', '邮箱', { type: 'email', autoComplete: 'username', inputMode: 'email' })}
          {field('password', '密码', { type: 'password', autoComplete: 'current-password' })}
          <button type="submit" disabled={busy} aria-busy={busy || undefined}>
            {busy ? '登录中…' : '登录'}
          </button>
        </form>
      </div>
    </main>
  );
}

import { ApiError, type ApiErrorBody } from './errors';
import { followReportJob, jobPath, type ReportJob, type ReportStep } from './reports';
import { clearSession, token } from './session';

/** Called when the API says the login is no longer valid (401 anywhere but the login). */
let onUnauthorized: () => void = () => undefined;
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { message: text };
  }
}

function fail(status: number, body: unknown, path: string): never {
  if (status === 401 && !path.endsWith('/auth/login')) {
    clearSession();
    onUnauthorized();
  }
  throw new ApiError(status, (body as ApiErrorBody | null) ?? null, path);
}

/** One JSON request to `/api/v1{path}` with the session's token. */
export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, null, path);
  }
  const data = await readBody(response);
  if (!response.ok) fail(response.status, data, path);
  return data as T;
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}) => api<T>('POST', path, body);
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const patch = <T>(path: string, body: unknown) => api<T>('PATCH', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/**
 * Uploads one file as multipart field `file` with XMLHttpRequest, whose upload
 * events give a progress bar for large files (fetch has none).
 */
export function uploadFile<T>(path: string, file: File, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    const bearer = token();
    if (bearer) xhr.setRequestHeader('Authorization', `Bearer ${bearer}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.min(99, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = { message: xhr.responseText };
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(body as T);
      } else {
        try {
          fail(xhr.status, body, path);
        } catch (error) {
          reject(error);
        }
      }
    };
    xhr.onerror = () => reject(new ApiError(0, null, path));
    xhr.onabort = () => reject(new ApiError(0, { message: '上传已取消' }, path));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Fetches `/api/v1{path}` with the token (a refusal is thrown as an ApiError). */
async function fetchFile(path: string): Promise<Response> {
  const headers: Record<string, string> = {};
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { headers });
  } catch {
    throw new ApiError(0, null, path);
  }
  if (!response.ok) fail(response.status, await readBody(response), path);
  return response;
}

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads `/api/v1{path}` with the token and hands it to the browser as `filename`.
 * A large report is built by a job (202 with the job): it is polled, `onStep`
 * telling its progress, and the finished file is saved.
 */
export async function download(path: string, filename: string, onStep?: (step: ReportStep) => void): Promise<void> {
  const response = await fetchFile(path);
  if (response.status !== 202) return save(await response.blob(), filename);
  const job = (await readBody(response)) as ReportJob;
  const statusPath = jobPath(path, job, response.headers.get('location'));
  const filePath = await followReportJob(job, statusPath, {
    status: (p) => get<ReportJob>(p),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    onStep: onStep ?? (() => undefined),
  });
  save(await (await fetchFile(filePath)).blob(), filename);
}

/** Opens a page the API renders (a printable notice) in a new tab: fetched with the token, shown from a blob. */
export async function openPage(path: string): Promise<void> {
  const page = window.open('', '_blank');
  const blob = await (await fetchFile(path)).blob();
  const url = URL.createObjectURL(new Blob([blob], { type: 'text/html' }));
  if (page) page.location.href = url;
  else window.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Every page of a list (`{items, total}`), `limit` 200 at a time. */
export async function getAll<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  const join = path.includes('?') ? '&' : '?';
  for (let page = 1; ; page++) {
    const result = await get<{ items: T[]; total: number }>(`${path}${join}page=${page}&limit=200`);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0 || page >= 50) return items;
  }
}

import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useAuth } from '../hooks';
import { put } from '../lib/api';
import { LargeTextContext } from '../lib/large-text';
import { AppLayout } from './AppLayout';

dayjs.locale('zh-cn');

/** The system asks for less motion: no zooming dialogs or sliding menus (and screenshots catch the settled screen). */
const REDUCED_MOTION = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * antd's greys and link blue fall under WCAG AA's 4.5:1 on white (placeholder #bfbfbf 1.8:1, secondary text #8c8c8c
 * 3.4:1, links #1677ff 4.1:1); these pass on white and on a table's hovered row (#fafafa).
 */
const BASE: ThemeConfig['token'] = {
  colorPrimary: '#b71c1c',
  borderRadius: 4,
  motion: !REDUCED_MOTION,
  colorTextPlaceholder: '#6b6b6b',
  colorTextDescription: '#595959',
  colorTextSecondary: '#595959',
  colorTextTertiary: '#5f5f5f',
  colorLink: '#0958d9',
  // Danger buttons and error text: antd's #ff4d4f is 3.3:1 on white.
  colorError: '#cf1322',
  colorLinkHover: '#1d39c4',
};

/**
 * 大字模式 (适老化): text from 14 to 18 px and controls from 32 to 44 px high (antd's own tokens, so every component
 * follows, dialogs and pickers included); WCAG's 44 px touch target for the hands of older staff.
 */
const LARGE: ThemeConfig['token'] = {
  ...BASE,
  fontSize: 18,
  fontSizeSM: 16,
  fontSizeLG: 20,
  fontSizeHeading2: 28,
  fontSizeHeading3: 24,
  fontSizeHeading4: 22,
  controlHeight: 44,
  controlHeightSM: 36,
  controlHeightLG: 52,
  lineHeight: 1.6,
};

/**
 * This browser's copy of the account's 大字模式 (localStorage, keyed by the user's id): the first paint of a session
 * saved before the account kept it, until GET /me answers. The account's value (PUT /me/preferences) is the one that
 * counts: it follows the user to another computer or phone.
 */
export const largeTextKey = (userId: string) => `duban.large-text.${userId}`;

function remembered(userId: string): boolean {
  try {
    return localStorage.getItem(largeTextKey(userId)) === '1';
  } catch {
    return false;
  }
}

function remember(userId: string, on: boolean): void {
  try {
    if (on) localStorage.setItem(largeTextKey(userId), '1');
    else localStorage.removeItem(largeTextKey(userId));
  } catch {
    // Private mode without storage: the account still keeps it.
  }
}

/**
 * The signed-in console: antd's theme and locale around the menu and every page. Kept out of the sign-in page's
 * chunks, which use no antd (the login budget: test/web-budget.e2e.ts).
 */
export function ConsoleShell() {
  const { user, updateUser } = useAuth();
  const large = user.largeText ?? remembered(user.id);
  useEffect(() => remember(user.id, large), [user.id, large]);
  // One save at a time, in the order switched: two quick clicks must not reach the API the other way round.
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const setLarge = useCallback(
    async (on: boolean) => {
      updateUser({ largeText: on });
      const saved = saving.current.then(() => put<{ largeText: boolean }>('/me/preferences', { largeText: on }));
      saving.current = saved.catch(() => undefined);
      await saved;
    },
    [updateUser],
  );
  const value = useMemo(() => ({ large, setLarge }), [large, setLarge]);
  return (
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ token: large ? LARGE : BASE }}>
      <AntApp>
        <LargeTextContext.Provider value={value}>
          <div data-large-text={large || undefined} className={large ? 'large-text' : undefined}>
            <AppLayout />
          </div>
        </LargeTextContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}

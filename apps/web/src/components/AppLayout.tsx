import { useQuery } from '@tanstack/react-query';
import { App, Button, Grid, Layout, Menu, Select, Space, Switch } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth, useDepartments, usePlan } from '../hooks';
import { useLargeText } from '../lib/large-text';
import { Loading } from './Loading';
import { get } from '../lib/api';
import { can, type Grantee } from '../lib/permissions';
import { ROLE_LABELS, type Role } from '../lib/tasks';

type Label = string | (Partial<Record<Role, string>> & { other: string });

/**
 * The menu, in order; each entry names the roles that see it, or the permission they need (from the API's table,
 * which SEPARATION_OF_DUTIES changes), and, where it differs, its label per role.
 */
const MENU: { key: string; label: Label; roles?: Role[]; permission?: string }[] = [
  { key: '/users', label: '用户管理', permission: 'user.list' },
  { key: '/audit', label: '审计日志', permission: 'audit.read' },
  { key: '/board', label: '督办台', roles: ['supervisor', 'admin'] },
  { key: '/department', label: '本部门', roles: ['leader'] },
  { key: '/assessment', label: '年度考核', roles: ['reviewer', 'admin'] },
  { key: '/tasks', label: { liaison: '我的任务', leader: '部门任务', reviewer: '任务查询', other: '全部任务' }, permission: 'task.list' },
  { key: '/tasks/new', label: '新建任务', roles: ['supervisor'] },
  { key: '/tasks/import', label: '导入分工表', roles: ['supervisor'] },
  { key: '/indicators', label: { liaison: '指标填报', other: '目标指标' }, permission: 'indicator.list' },
  { key: '/notifications', label: { leader: '升级提醒', other: '消息提醒' } },
  { key: '/plan', label: '规划文本', permission: 'plan.read' },
  { key: '/evaluation', label: '规划评估', permission: 'evaluation.read' },
  { key: '/calendar', label: '日历订阅', permission: 'calendar-feed.manage' },
  { key: '/deliveries', label: '投递失败', roles: ['admin'] },
];

export function menuFor(user: Grantee): { key: string; label: string }[] {
  const role = user.role;
  return MENU.filter((m) => (!m.roles || m.roles.includes(role)) && (!m.permission || can(user, m.permission))).map((m) => ({
    key: m.key,
    label: typeof m.label === 'string' ? m.label : (m.label[role] ?? m.label.other),
  }));
}

/**
 * An unread count: a red pill with the number, and the words for a screen reader. Plain markup rather than antd's
 * Badge, which with Typography would cost every page's first load about 10 KB (test/web-budget.e2e.ts).
 */
function Count({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span className="unread-count" data-testid="unread-badge">
      <span aria-hidden>{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden">{`${count} 条未读`}</span>
    </span>
  );
}

export function AppLayout() {
  const { user, signOut } = useAuth();
  const { name } = useDepartments();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  // Between a tablet's 768 px and the desktop's 1200 px the sider leaves the header too little room for the plan
  // switcher, the name and five controls in one row (least of all in 大字模式): the name, 大字模式 and 修改密码 go
  // under 账户, below the header, as on a phone they go under 菜单.
  const compact = !narrow && !screens.xl;
  const [collapsed, setCollapsed] = useState(true);
  // The panel under 菜单 or 账户 closes on every page change and when the window crosses into another layout (one
  // open state serves both: a 账户 panel left open at a tablet's width must not reopen as a phone's menu).
  const layout = narrow ? 'phone' : compact ? 'tablet' : 'desktop';
  useEffect(() => setCollapsed(true), [location.pathname, layout]);
  const { plans, plan, choose } = usePlan();
  const { large, setLarge } = useLargeText();
  const { message } = App.useApp();
  // The unread badge: refreshed on every page change and once a minute.
  const unread = useQuery({
    queryKey: ['notifications', 'unread-count', location.pathname],
    queryFn: () => get<{ count: number }>('/notifications/unread-count'),
    refetchInterval: 60_000,
  });
  const unreadCount = unread.data?.count ?? 0;
  const items = menuFor(user).map((i) =>
    i.key === '/notifications' && unreadCount > 0
      ? {
          key: i.key,
          label: (
            <Space size={6}>
              {i.label}
              <Count count={unreadCount} />
            </Space>
          ),
        }
      : i,
  );
  const selected =
    items.map((i) => i.key).filter((k) => location.pathname === k || (k !== '/tasks' && location.pathname.startsWith(`${k}/`)))[0] ??
    (location.pathname.startsWith('/tasks/') && location.pathname !== '/tasks/new' && location.pathname !== '/tasks/import' ? '/tasks' : location.pathname);
  const menu = (
    <Menu
      mode={narrow ? 'vertical' : 'inline'}
      theme="dark"
      selectedKeys={[selected]}
      items={items}
      onClick={({ key }) => {
        void navigate(key);
        if (narrow) setCollapsed(true);
      }}
    />
  );
  const planSwitcher = plans.length > 1 && plan && (
    <Select
      aria-label="当前规划"
      data-testid="plan-switcher"
      size="small"
      value={plan.id}
      onChange={(id: string) => {
        choose(id);
        if (narrow) setCollapsed(true);
      }}
      options={plans.map((p) => ({ value: p.id, label: `${p.title}（${p.startYear}–${p.endYear}）` }))}
      // Beside the title it gives up width (its label then ends in …) before the header's row would overflow.
      style={narrow ? { width: '100%' } : { width: 340, minWidth: 140, flex: '0 1 auto' }}
      popupMatchSelectWidth={false}
    />
  );
  const largeTextSwitch = (
    <label className="large-text-switch">
      <Switch
        size="small"
        checked={large}
        onChange={(on) =>
          // Switched either way; only keeping it with the account (for other computers and phones) may fail.
          void setLarge(on).catch((error: Error) => message.warning(`大字模式的设置未能保存到账户，换一台电脑或手机登录时不会保留：${error.message}`))
        }
      />
      大字模式
    </label>
  );
  const who = (
    <>
      {user.name}（{ROLE_LABELS[user.role]}
      {user.departmentCode ? `·${name(user.departmentCode)}` : ''}）
    </>
  );
  return (
    <Layout className="app">
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      {!narrow && (
        <Layout.Sider width={large ? 232 : 200} theme="dark">
          <div className="sider-title" style={{ fontSize: large ? 20 : 16 }}>
            督办平台
          </div>
          <nav aria-label="主菜单">{menu}</nav>
        </Layout.Sider>
      )}
      <Layout>
        {/* One row at every width: what does not fit goes under 菜单 (a phone) or 账户 (up to a desktop's width). */}
        <Layout.Header className="app-header" style={{ padding: narrow ? '0 12px' : '0 24px' }}>
          <div className="app-header-group">
            {narrow && (
              <Button aria-expanded={!collapsed} aria-controls="narrow-menu" onClick={() => setCollapsed(!collapsed)}>
                菜单
                <Count count={unreadCount} />
              </Button>
            )}
            <span className="app-header-title">{narrow ? '督办平台' : plans.length > 1 ? '规划督办' : '泰兴市教育“十四五”规划督办'}</span>
            {!narrow && planSwitcher}
          </div>
          {narrow ? (
            <Button size="small" onClick={signOut}>
              退出
            </Button>
          ) : (
            // The buttons keep their width (console.css); on a desktop the name may end in … should the row run short.
            <div className="app-header-group" style={compact ? { flex: 'none' } : undefined}>
              {compact ? (
                <Button size="small" aria-expanded={!collapsed} aria-controls="account-panel" onClick={() => setCollapsed(!collapsed)}>
                  账户
                </Button>
              ) : (
                <>
                  <span data-testid="header-who" className="app-header-who">
                    {who}
                  </span>
                  {largeTextSwitch}
                </>
              )}
              <Button size="small" onClick={() => void navigate('/notifications')}>
                消息
                <Count count={unreadCount} />
              </Button>
              {!compact && (
                <Button size="small" onClick={() => void navigate('/password')}>
                  修改密码
                </Button>
              )}
              <Button size="small" onClick={signOut}>
                退出
              </Button>
            </div>
          )}
        </Layout.Header>
        {(narrow || compact) && !collapsed && (
          // On a phone (and at 200 % zoom) 菜单 opens the account's controls and the main menu, below the header; on a
          // tablet or a small laptop 账户 opens the account's controls alone (the sider keeps the menu).
          <div id={narrow ? 'narrow-menu' : 'account-panel'} style={{ background: '#001529' }}>
            <div className="account-panel" style={{ padding: narrow ? '8px 12px' : '8px 24px' }}>
              <span style={{ color: '#595959', width: '100%' }}>{who}</span>
              {narrow && planSwitcher}
              {largeTextSwitch}
              <Button size="small" onClick={() => void navigate('/password')}>
                修改密码
              </Button>
            </div>
            {narrow && <nav aria-label="主菜单">{menu}</nav>}
          </div>
        )}
        <Layout.Content id="main" tabIndex={-1} style={{ padding: narrow ? 12 : 24 }}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

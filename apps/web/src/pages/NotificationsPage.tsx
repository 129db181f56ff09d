import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Checkbox, Space } from 'antd';
import { NotificationList } from '../components/NotificationList';
import { PageTitle, QueryError } from '../components/bits';
import { get, put } from '../lib/api';
import { errorText } from '../lib/errors';

interface Preferences {
  kinds: { kind: string; label: string; mail: boolean }[];
}

export function NotificationsPage() {
  return (
    <>
      <PageTitle>消息提醒</PageTitle>
      <Card size="small">
        <NotificationList />
      </Card>
      <MailPreferences />
    </>
  );
}

/** Which kinds also come by mail; in-app they always come. The caller's own choice. */
function MailPreferences() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const prefs = useQuery({ queryKey: ['notification-preferences'], queryFn: () => get<Preferences>('/notifications/preferences') });
  const save = useMutation({
    mutationFn: (mailOff: string[]) => put<Preferences>('/notifications/preferences', { mailOff }),
    onSuccess: (data) => {
      client.setQueryData(['notification-preferences'], data);
      message.success('邮件设置已保存');
    },
    onError: (error) => message.error(errorText(error)),
  });
  const kinds = prefs.data?.kinds ?? [];
  return (
    <Card size="small" title="邮件通知设置（站内消息始终保留）" style={{ marginTop: 16 }} data-testid="mail-preferences" loading={prefs.isLoading}>
      {prefs.error && <QueryError error={prefs.error} />}
      <Space wrap>
        {kinds.map((k) => (
          <Checkbox
            key={k.kind}
            checked={k.mail}
            disabled={save.isPending}
            onChange={(e) => save.mutate(kinds.filter((x) => (x.kind === k.kind ? !e.target.checked : !x.mail)).map((x) => x.kind))}
          >
            {k.label}
          </Checkbox>
        ))}
      </Space>
    </Card>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { PageTitle, QueryError } from '../components/bits';
import { del, get, post } from '../lib/api';
import { errorText } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import type { CalendarFeedCreated, CalendarFeedStatus } from '../lib/types';

/** The private calendar-feed link: subscribe to one's deadlines in a calendar app. */
export function CalendarFeedPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [fresh, setFresh] = useState<string | null>(null);
  const status = useQuery({ queryKey: ['calendar-feed'], queryFn: () => get<CalendarFeedStatus>('/me/calendar-feed') });
  const create = useMutation({
    mutationFn: () => post<CalendarFeedCreated>('/me/calendar-feed'),
    onSuccess: (feed) => {
      setFresh(feed.url);
      void client.invalidateQueries({ queryKey: ['calendar-feed'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const revoke = useMutation({
    mutationFn: () => del('/me/calendar-feed'),
    onSuccess: () => {
      setFresh(null);
      message.success('订阅链接已停用');
      void client.invalidateQueries({ queryKey: ['calendar-feed'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  // The URL is shown once, when made; afterwards the server only says that one works.
  const url = fresh;
  const active = Boolean(url) || Boolean(status.data?.active);
  return (
    <>
      <PageTitle>日历订阅</PageTitle>
      <Card style={{ maxWidth: 760 }}>
        <Typography.Paragraph>
          生成专属订阅链接后，可在手机或电脑日历（如 Outlook、苹果日历）中“订阅日历”，自动显示本人负责任务的截止日期。链接等同于密码，请勿转发。
        </Typography.Paragraph>
        {status.error && <QueryError error={status.error} retry={() => status.refetch()} />}
        {url && (
          <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
            <Input readOnly value={url} aria-label="订阅链接" data-testid="feed-url" />
            <Button
              onClick={() =>
                navigator.clipboard?.writeText(url).then(
                  () => message.success('已复制'),
                  () => message.info('请手动复制链接'),
                )
              }
            >
              复制
            </Button>
          </Space.Compact>
        )}
        {!url && status.data?.active && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`已有订阅链接（生成于 ${formatDateTime(status.data.createdAt)}），出于安全只在生成时显示一次；如遗失请重新生成。`}
          />
        )}
        <Space wrap>
          <Button type="primary" loading={create.isPending} onClick={() => create.mutate()}>
            {active ? '重新生成链接' : '生成订阅链接'}
          </Button>
          {active && (
            <Popconfirm title="停用后原链接立即失效，确定吗？" okText="停用" cancelText="取消" onConfirm={() => revoke.mutate()}>
              <Button danger loading={revoke.isPending}>
                停用链接
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Card>
    </>
  );
}

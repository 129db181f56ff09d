import { useQuery } from '@tanstack/react-query';
import { List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { QueryError } from './bits';
import { get } from '../lib/api';
import { formatDate, formatDateTime } from '../lib/format';
import type { Notification, Page } from '../lib/types';

export const TEMPLATE_LABELS: Record<string, { label: string; color: string }> = {
  reminder: { label: '到期提醒', color: 'blue' },
  overdue: { label: '逾期预警', color: 'red' },
  escalation: { label: '督办升级', color: 'volcano' },
};

/** The caller's notifications (the in-app copy of every mail), newest first; `only` keeps one template. */
export function NotificationList({ only }: { only?: string }) {
  const [page, setPage] = useState(1);
  const query = useQuery({ queryKey: ['notifications', page], queryFn: () => get<Page<Notification>>(`/notifications?page=${page}&limit=20`) });
  const items = (query.data?.items ?? []).filter((n) => !only || n.template === only);
  return (
    <>
      {query.error && <QueryError error={query.error} retry={() => query.refetch()} />}
      <List
        loading={query.isLoading}
        dataSource={items}
        locale={{ emptyText: only ? '暂无升级提醒' : '暂无消息' }}
        pagination={only ? false : { current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        renderItem={(n) => (
          <List.Item data-testid="notification" data-template={n.template}>
            <List.Item.Meta
              title={<>{TEMPLATE_LABELS[n.template] && <Tag color={TEMPLATE_LABELS[n.template].color}>{TEMPLATE_LABELS[n.template].label}</Tag>}
                {n.taskId ? <Link to={`/tasks/${n.taskId}`}>{n.subject}</Link> : n.subject}</>}
              description={<>
                <div>{formatDateTime(n.createdAt)}{n.dueDate ? ` · 截止 ${formatDate(n.dueDate)}` : ''}</div>
                <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{n.body}</Typography.Paragraph>
              </>}
            />
          </List.Item>
        )}
      />
    </>
  );
}

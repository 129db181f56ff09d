import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { QueryError } from './bits';
import { get, post } from '../lib/api';
import { formatDate, formatDateTime } from '../lib/format';
import type { Notification, Page } from '../lib/types';

export const TEMPLATE_LABELS: Record<string, { label: string; color: string }> = {
  reminder: { label: '到期提醒', color: 'blue' },
  overdue: { label: '逾期预警', color: 'red' },
  escalation: { label: '督办升级', color: 'volcano' },
  review: { label: '待审核', color: 'purple' },
  report_due: { label: '定期报送', color: 'gold' },
  'task.assigned': { label: '新任务', color: 'blue' },
  'task.signoff_needed': { label: '待审签', color: 'purple' },
  'task.submitted': { label: '待审核', color: 'purple' },
  'task.returned': { label: '退回', color: 'orange' },
  'task.approved': { label: '已办结', color: 'green' },
  'task.cancelled': { label: '已撤销', color: 'default' },
  'task.reopened': { label: '重新打开', color: 'blue' },
  'extension.requested': { label: '延期申请', color: 'gold' },
  'extension.decided': { label: '延期结果', color: 'gold' },
  comment: { label: '评论', color: 'cyan' },
};

/** The caller's notifications (the in-app copy of every mail), newest first; `only` keeps one template. */
export function NotificationList({ only }: { only?: string }) {
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['notifications', page, unreadOnly],
    queryFn: () => get<Page<Notification>>(`/notifications?page=${page}&limit=20${unreadOnly ? '&unread=true' : ''}`),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({ mutationFn: (id: string) => post(`/notifications/${id}/read`), onSuccess: refresh });
  const markAll = useMutation({ mutationFn: () => post('/notifications/read-all'), onSuccess: refresh });
  const items = (query.data?.items ?? []).filter((n) => !only || n.template === only);
  return (
    <>
      {query.error && <QueryError error={query.error} retry={() => query.refetch()} />}
      {!only && (
        <Space style={{ marginBottom: 8 }} wrap>
          <Segmented<string>
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => {
              setUnreadOnly(v === 'unread');
              setPage(1);
            }}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unread', label: '未读' },
            ]}
          />
          <Button size="small" loading={markAll.isPending} onClick={() => markAll.mutate()}>
            全部标为已读
          </Button>
        </Space>
      )}
      <List
        loading={query.isLoading}
        dataSource={items}
        locale={{ emptyText: only ? '暂无升级提醒' : '暂无消息' }}
        pagination={only ? false : { current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        renderItem={(n) => (
          <List.Item
            data-testid="notification"
            data-template={n.template}
            data-read={n.readAt ? 'true' : 'false'}
            actions={
              n.readAt
                ? []
                : [
                    <Button key="read" size="small" type="link" onClick={() => markRead.mutate(n.id)}>
                      标为已读
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              title={
                <>
                  {!n.readAt && <Tag color="gold">未读</Tag>}
                  {TEMPLATE_LABELS[n.template] && <Tag color={TEMPLATE_LABELS[n.template].color}>{TEMPLATE_LABELS[n.template].label}</Tag>}
                  {n.taskId ? (
                    <Link
                      to={`/tasks/${n.taskId}`}
                      onClick={() => {
                        if (!n.readAt) markRead.mutate(n.id);
                      }}
                    >
                      {n.subject}
                    </Link>
                  ) : (
                    n.subject
                  )}
                </>
              }
              description={
                <>
                  <div>
                    {formatDateTime(n.createdAt)}
                    {n.dueDate ? ` · 截止 ${formatDate(n.dueDate)}` : ''}
                  </div>
                  <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {n.body}
                  </Typography.Paragraph>
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Tag } from 'antd';
import { ScrollTable } from '../components/ScrollTable';
import { PageTitle, QueryError } from '../components/bits';
import { useDepartments } from '../hooks';
import { get, post } from '../lib/api';
import { errorText } from '../lib/errors';
import { formatDateTime } from '../lib/format';

interface Delivery {
  id: string;
  channel: string;
  departmentCode: string | null;
  target: string;
  subject: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

const CHANNEL_LABELS: Record<string, string> = { mail: '邮件', webhook: '群机器人' };

/**
 * 投递失败 (administrator): the mails and robot messages given up after their retries; and the way into the queue
 * dashboard, by a single-use link (no token ever sits in its address).
 */
export function DeliveriesPage() {
  const { message } = App.useApp();
  const { name } = useDepartments();
  const openQueues = async () => {
    try {
      const { url } = await post<{ url: string }>('/queue-dashboard/ticket', {});
      window.open(url, '_blank', 'noopener');
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const failed = useQuery({
    queryKey: ['deliveries', 'failed'],
    queryFn: () => get<{ items: Delivery[]; total: number }>('/deliveries?status=failed&page=1&limit=100'),
  });
  return (
    <>
      <PageTitle extra={<Button onClick={() => void openQueues()}>队列看板</Button>}>投递失败</PageTitle>
      {failed.error && <QueryError error={failed.error} retry={() => failed.refetch()} />}
      {failed.data && (
        <Alert
          type={failed.data.total ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          title={failed.data.total ? `共 ${failed.data.total} 条消息多次重试后仍未送达，请核对收件地址或机器人配置` : '没有投递失败的消息'}
        />
      )}
      <ScrollTable<Delivery>
        rowKey="id"
        size="small"
        loading={failed.isLoading}
        dataSource={failed.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: '渠道', dataIndex: 'channel', width: 90, render: (c: string) => <Tag>{CHANNEL_LABELS[c] ?? c}</Tag> },
          { title: '收件', width: 220, render: (_, d) => (d.departmentCode ? `${name(d.departmentCode)}（${d.target}）` : d.target) },
          { title: '主题', dataIndex: 'subject' },
          { title: '尝试次数', dataIndex: 'attempts', width: 80 },
          { title: '最后错误', dataIndex: 'lastError', width: 220, render: (e: string | null) => e ?? '—' },
          { title: '创建时间', dataIndex: 'createdAt', width: 160, render: (t: string) => formatDateTime(t) },
        ]}
      />
    </>
  );
}

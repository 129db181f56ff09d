import { useQuery } from '@tanstack/react-query';
import { Card, List, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { get } from '../lib/api';
import { formatDate } from '../lib/format';
import { periodLabel, SLOT_STATUS } from '../lib/tasks';
import type { OwedReport } from '../lib/types';

/**
 * 本月待报: the periodic reports (定期报送) a department owes — never filed, due by the end of this month or
 * already missed — each linked to its task, where the report is filed. Nothing owed: nothing shown.
 */
export function ReportsOwedCard({ department }: { department?: string }) {
  const query = useQuery({
    queryKey: ['reports-owed', department ?? ''],
    queryFn: () => get<OwedReport[]>(`/report-slots/owed${department ? `?department=${encodeURIComponent(department)}` : ''}`),
  });
  const owed = query.data ?? [];
  if (owed.length === 0) return null;
  const missed = owed.filter((o) => o.status === 'missed').length;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={`本月待报（${owed.length} 期${missed ? `，其中逾期未报 ${missed} 期` : ''}）`}
      data-testid="reports-owed"
    >
      <List
        size="small"
        dataSource={owed}
        rowKey={(o) => `${o.taskId}|${o.departmentCode}|${o.period}`}
        renderItem={(o) => (
          <List.Item>
            <Space wrap>
              <Tag color={SLOT_STATUS[o.status].color}>{SLOT_STATUS[o.status].label}</Tag>
              <Link to={`/tasks/${o.taskId}`}>{o.taskTitle}</Link>
              {o.departmentCode !== o.leadDepartmentCode && <Tag data-testid="co-department-owed">配合单位反馈</Tag>}
              <span>
                {periodLabel(o.period)}，{formatDate(o.dueDate)}前报送
              </span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

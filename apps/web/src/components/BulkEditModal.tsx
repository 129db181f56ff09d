import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useDepartments } from '../hooks';
import { get, post } from '../lib/api';
import { errorText } from '../lib/errors';
import type { TaskSummary } from '../lib/types';

/**
 * 批量修改: one due date, owning supervisor, set of co-departments — or, when the tasks share one lead
 * department, one assignee — for the selected tasks, all or nothing (each with the version shown).
 */
export function BulkEditModal({ tasks, open, onClose }: { tasks: TaskSummary[]; open: boolean; onClose: (changed: boolean) => void }) {
  const { message } = App.useApp();
  const { departments } = useDepartments();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ dueDate?: Dayjs; coDepartments?: string[]; supervisorId?: string; assigneeId?: string }>();
  const people = useQuery({
    queryKey: ['directory'],
    queryFn: () => get<Array<{ id: string; name: string; role: string; departmentCode: string | null }>>('/users/directory'),
    enabled: open,
    staleTime: 60_000,
  });
  const leads = [...new Set(tasks.map((t) => t.leadDepartmentCode))];
  const oneLead = leads.length === 1 ? leads[0] : null;
  const [saving, setSaving] = useState(false);

  async function save() {
    const values = await form.validateFields();
    const set: Record<string, unknown> = {};
    if (values.dueDate) set.dueDate = values.dueDate.format('YYYY-MM-DD');
    if (values.coDepartments) set.coDepartments = values.coDepartments;
    if (values.supervisorId) set.supervisorId = values.supervisorId;
    if (values.assigneeId) set.assigneeId = values.assigneeId;
    if (Object.keys(set).length === 0) {
      message.warning('请至少填写一项要修改的内容');
      return;
    }
    setSaving(true);
    try {
      const { updated } = await post<{ updated: number }>('/tasks/bulk', { ids: tasks.map((t) => ({ id: t.id, version: t.version })), set });
      message.success(`已修改 ${updated} 项任务`);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      onClose(true);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`批量修改（已选 ${tasks.length} 项）`}
      open={open}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={save}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      <p style={{ color: '#666' }}>只修改填写的项；任一任务已被他人修改时全部不改，请刷新后重试。</p>
      <Form form={form} layout="vertical">
        <Form.Item name="dueDate" label="完成时限">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="supervisorId" label="督办责任人">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(people.data ?? []).filter((u) => u.role === 'supervisor').map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="assigneeId" label="承办人" extra={oneLead ? undefined : '所选任务的牵头单位不同，不能统一指定承办人'}>
          <Select
            allowClear
            disabled={!oneLead}
            showSearch={{ optionFilterProp: 'label' }}
            options={(people.data ?? [])
              .filter((u) => u.departmentCode === oneLead && (u.role === 'liaison' || u.role === 'leader'))
              .map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="coDepartments" label="配合单位（替换原有配合单位）">
          <Select mode="multiple" allowClear options={departments.map((d) => ({ value: d.code, label: d.name }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

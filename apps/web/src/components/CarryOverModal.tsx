import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { getAll, post } from '../lib/api';
import { errorText } from '../lib/errors';
import { isOpen } from '../lib/tasks';
import type { CarryOverResult, Plan, TaskSummary } from '../lib/types';

/**
 * 结转: the open tasks of `from` (all, or those chosen) move into another plan with their history, progress and
 * evidence; named tasks take their open sub-tasks along. The old plan's evaluation up to the move stays as it was.
 */
export function CarryOverModal({ from, plans, open, onClose }: { from: Plan; plans: Plan[]; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ toPlanId?: string; scope: 'all' | 'chosen'; taskIds?: string[] }>();
  const scope = Form.useWatch('scope', form) ?? 'all';
  const tasks = useQuery({
    queryKey: ['tasks', 'carry-over', from.code],
    queryFn: () => getAll<TaskSummary>(`/tasks?plan=${encodeURIComponent(from.code)}`),
    enabled: open,
  });
  const openTasks = (tasks.data ?? []).filter((t) => isOpen(t.status));
  const targets = plans.filter((p) => p.id !== from.id).sort((a, b) => b.startYear - a.startYear);
  const [saving, setSaving] = useState(false);

  async function save() {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const body = { toPlanId: values.toPlanId, ...(values.scope === 'chosen' ? { taskIds: values.taskIds } : {}) };
      const result = await post<CarryOverResult>(`/plans/${from.id}/carry-over`, body);
      const cleared = result.clausesCleared > 0 ? `，其中 ${result.clausesCleared} 项在新规划中没有对应条文，已取消条文关联` : '';
      message.success(result.moved === 0 ? '没有需要结转的未完成任务' : `已结转 ${result.moved} 项任务${cleared}`);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      await queryClient.invalidateQueries({ queryKey: ['carry-overs'] });
      onClose();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`结转《${from.title}》的未完成任务`}
      open={open}
      okText="结转"
      cancelText="取消"
      confirmLoading={saving}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <p style={{ color: '#595959' }}>
        任务连同办理记录、进展、佐证材料和提醒进度一并转入新规划；选中任务的未完成子任务随之结转，已办结、已撤销的任务留在原规划。原规划结转前各日的评估不变，结转后显示为“结转”。
      </p>
      <Form form={form} layout="vertical" initialValues={{ scope: 'all' }}>
        <Form.Item name="toPlanId" label="结转到" rules={[{ required: true, message: '请选择目标规划' }]}>
          <Select aria-label="结转到" options={targets.map((p) => ({ value: p.id, label: `${p.title}（${p.startYear}–${p.endYear}）` }))} />
        </Form.Item>
        <Form.Item name="scope" label="结转范围">
          <Radio.Group
            options={[
              { value: 'all', label: `全部未完成任务（${tasks.isLoading ? '…' : openTasks.length} 项）` },
              { value: 'chosen', label: '选定的任务' },
            ]}
          />
        </Form.Item>
        {scope === 'chosen' && (
          <Form.Item name="taskIds" label="任务" rules={[{ required: true, message: '请选择要结转的任务' }]}>
            <Select
              aria-label="要结转的任务"
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              loading={tasks.isLoading}
              options={openTasks.map((t) => ({ value: t.id, label: t.code ? `${t.title}（${t.code}）` : t.title }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { ScrollTable } from '../components/ScrollTable';
import { useState } from 'react';
import { PageTitle, QueryError } from '../components/bits';
import { ImportUsersModal } from '../components/ImportUsersModal';
import { useDepartments } from '../hooks';
import { getAll, patch, post } from '../lib/api';
import { errorText } from '../lib/errors';
import { ROLE_LABELS, type Role } from '../lib/tasks';
import { needsDepartment, PASSWORD_MIN, ROLE_ORDER, userBody, userFormErrors, type UserForm, type UserRow } from '../lib/users';

/** A rule for one field from `userFormErrors`, so the form and its unit tests share one set of rules. */
const ruleFor =
  (field: keyof UserForm) =>
  ({ getFieldsValue }: { getFieldsValue: () => Partial<UserForm> }) => ({
    validator: async () => {
      const problem = userFormErrors(getFieldsValue())[field];
      if (problem) throw new Error(problem);
    },
  });

/** 用户管理 (the security administrator, or the admin unless duties are separated): every account, a new one, many from a workbook. */
export function UsersPage() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const { departments, name } = useDepartments();
  const users = useQuery({ queryKey: ['users'], queryFn: () => getAll<UserRow>('/users') });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<UserForm>();
  const role = Form.useWatch('role', form) as Role | undefined;
  const [temporary, setTemporary] = useState<{ name: string; password: string; created?: boolean } | null>(null);
  const [importing, setImporting] = useState(false);
  const refresh = () => void client.invalidateQueries({ queryKey: ['users'] });
  // 停用/启用 with the version read; a deactivated user's sessions end at once.
  const toggle = useMutation({
    mutationFn: (u: UserRow) => patch<UserRow>(`/users/${u.id}`, { active: !(u.active ?? true), version: u.version }),
    onSuccess: (u) => {
      message.success(u.active ? `已启用：${u.name}` : `已停用：${u.name}（已登录的会话立即失效）`);
      refresh();
    },
    onError: (error) => message.error(errorText(error)),
  });
  const reset = useMutation({
    mutationFn: (u: UserRow) =>
      post<{ temporaryPassword: string }>(`/users/${u.id}/reset-password`, {}).then((r) => ({ name: u.name, password: r.temporaryPassword })),
    onSuccess: (shown) => setTemporary(shown),
    onError: (error) => message.error(errorText(error)),
  });
  const create = useMutation({
    mutationFn: (values: UserForm) => post<UserRow & { temporaryPassword?: string }>('/users', userBody(values)),
    onSuccess: (user) => {
      message.success(`已创建用户：${user.name}`);
      if (user.temporaryPassword) setTemporary({ name: user.name, password: user.temporaryPassword, created: true });
      setCreating(false);
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
  return (
    <>
      <PageTitle
        extra={
          <Space wrap>
            <Button onClick={() => setImporting(true)}>批量导入</Button>
            <Button
              type="primary"
              onClick={() => {
                create.reset();
                setCreating(true);
              }}
            >
              新建用户
            </Button>
          </Space>
        }
      >
        用户管理
      </PageTitle>
      {users.error && <QueryError error={users.error} retry={() => users.refetch()} />}
      <ScrollTable<UserRow>
        rowKey="id"
        size="small"
        loading={users.isLoading}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 140 },
          { title: '邮箱（登录名）', dataIndex: 'email', width: 240 },
          { title: '角色', dataIndex: 'role', width: 110, render: (r: Role) => <Tag>{ROLE_LABELS[r] ?? r}</Tag> },
          { title: '所属部门', dataIndex: 'departmentCode', render: (code: string | null) => (code ? name(code) : '—') },
          {
            title: '状态',
            dataIndex: 'active',
            width: 80,
            render: (active: boolean | undefined) => (active === false ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>),
          },
          {
            title: '操作',
            key: 'actions',
            width: 170,
            render: (_, u) => (
              <Space>
                <Button size="small" onClick={() => toggle.mutate(u)} loading={toggle.isPending}>
                  {u.active === false ? '启用' : '停用'}
                </Button>
                <Button size="small" onClick={() => reset.mutate(u)} loading={reset.isPending}>
                  重置密码
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title="临时密码（仅显示一次）"
        open={temporary !== null}
        onOk={() => setTemporary(null)}
        onCancel={() => setTemporary(null)}
        okText="我已记下"
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <p>
          {temporary?.created ? `已为 ${temporary.name} 开户。` : `${temporary?.name} 的密码已重置，原有登录会话已全部失效。`}
          请将以下临时密码告知本人，其登录后须先修改密码：
        </p>
        <Typography.Text copyable code data-testid="temporary-password">
          {temporary?.password}
        </Typography.Text>
      </Modal>
      <ImportUsersModal
        open={importing}
        onClose={() => {
          setImporting(false);
          refresh();
        }}
      />
      <Modal
        title="新建用户"
        open={creating}
        okText="创建"
        cancelText="取消"
        confirmLoading={create.isPending}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        forceRender
      >
        {create.error && <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 12 }} />}
        <Form<UserForm>
          form={form}
          layout="vertical"
          initialValues={{ role: 'liaison', mustChangePassword: true }}
          onFinish={(v) => create.mutate(v)}
          onValuesChange={(changed: Partial<UserForm>) => {
            if ('role' in changed && !needsDepartment(changed.role)) form.setFieldValue('departmentCode', undefined);
          }}
        >
          <Form.Item label="姓名" name="name" required rules={[ruleFor('name')]}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
          <Form.Item label="邮箱（登录名）" name="email" required rules={[ruleFor('email')]}>
            <Input maxLength={320} autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="初始密码"
            name="password"
            rules={[ruleFor('password')]}
            extra={`留空则由系统生成临时密码（仅显示一次）；自行设置须至少 ${PASSWORD_MIN} 位`}
          >
            <Input.Password maxLength={200} autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="mustChangePassword" valuePropName="checked">
            <Checkbox>首次登录须修改密码</Checkbox>
          </Form.Item>
          <Form.Item label="角色" name="role" required rules={[ruleFor('role')]}>
            <Select options={ROLE_ORDER.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
          </Form.Item>
          {needsDepartment(role) && (
            <Form.Item label="所属部门" name="departmentCode" required rules={[ruleFor('departmentCode')]}>
              <Select showSearch optionFilterProp="label" placeholder="请选择部门" options={departments.map((d) => ({ value: d.code, label: d.name }))} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

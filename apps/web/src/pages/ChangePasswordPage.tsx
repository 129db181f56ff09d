import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { PageTitle } from '../components/bits';
import { useAuth } from '../hooks';
import { post } from '../lib/api';
import { errorText } from '../lib/errors';
import { clearSession } from '../lib/session';

/**
 * 修改密码: the current password and a new one by the rule (the API names a broken rule). Every
 * session of the user ends with it, this one included, so the user signs in again afterwards.
 * With a temporary password (after a reset) it is the only screen offered.
 */
export function ChangePasswordPage() {
  const { user, signOut } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; again: string }>();
  const change = useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) => post('/me/password', v),
    onSuccess: () => {
      message.success('密码已修改，请用新密码重新登录');
      clearSession(); // the change already ended this session: no logout to send
      signOut();
    },
  });
  return (
    <>
      <PageTitle>修改密码</PageTitle>
      <Card style={{ maxWidth: 480 }}>
        {user.mustChangePassword && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="您正在使用管理员重置的临时密码，请先设置新密码" data-testid="must-change" />
        )}
        {change.error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(change.error)} data-testid="form-error" />}
        <Form
          form={form}
          name="changePassword"
          layout="vertical"
          onFinish={(v) => change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword })}
        >
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            rules={[{ required: true, message: '请输入新密码' }]}
            extra="至少 10 位，包含小写字母、大写字母、数字、符号中的三类，不能是常用密码，不能包含邮箱用户名"
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="再次输入新密码"
            name="again"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: async (_, value) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            修改密码
          </Button>
        </Form>
      </Card>
    </>
  );
}

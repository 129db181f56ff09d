import { Card } from 'antd';
import { NotificationList } from '../components/NotificationList';
import { PageTitle } from '../components/bits';

export function NotificationsPage() {
  return (
    <>
      <PageTitle>消息提醒</PageTitle>
      <Card size="small">
        <NotificationList />
      </Card>
    </>
  );
}

import { App, Button } from 'antd';
import { openPage } from '../lib/api';
import { errorText } from '../lib/errors';

/** 打印督办单 / 打印催办单: the numbered notice opens in a new tab, ready for the browser's print. */
export function NoticeButtons({ taskId }: { taskId: string }) {
  const { message } = App.useApp();
  const open = (kind: 'supervise' | 'urge') => openPage(`/tasks/${taskId}/notice.html?kind=${kind}`).catch((error: unknown) => message.error(errorText(error)));
  return (
    <>
      <Button onClick={() => open('supervise')}>打印督办单</Button>
      <Button onClick={() => open('urge')}>打印催办单</Button>
    </>
  );
}

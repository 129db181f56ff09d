import { PageQuery, QueryBoolean } from './common.dto.js';

export class NotificationQuery extends PageQuery {
  @QueryBoolean('unread', 'only notifications not yet read')
  unread?: boolean;
}

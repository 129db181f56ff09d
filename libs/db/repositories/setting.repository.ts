import { Injectable } from '@nestjs/common';
import { Transactions } from '../transaction.js';

@Injectable()
export class SettingRepository {
  constructor(private readonly tx: Transactions) {}

  /** The stored value of `key`; the first caller's `initial` wins when many processes race. */
  async getOrInit(key: string, initial: string): Promise<string> {
    const manager = this.tx.manager();
    await manager.query('INSERT INTO system_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, initial]);
    const rows: Array<{ value: string }> = await manager.query('SELECT value FROM system_setting WHERE key = $1', [key]);
    return rows[0].value;
  }
}

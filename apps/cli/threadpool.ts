/**
 * Imported first by `npm run backup` and `npm run restore`, before anything uses libuv's thread pool (which reads
 * UV_THREADPOOL_SIZE once, when it starts). Its default four threads were all held by the evidence copies (copyFile,
 * fsync), and the tables' file writes and reads waited behind them: on the bench, backups of 3.8–3.9 s with eight
 * threads against 3.9–5.6 s with four. An operator's own setting is kept.
 */
process.env.UV_THREADPOOL_SIZE ??= '8';

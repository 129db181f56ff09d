/**
 * The child processes of processes.ts (not run by hand):
 *   s3-child.js server <dir>                        s3rver on a free port of 127.0.0.1 with the bucket S3_BUCKET; prints {"port":…}.
 *   s3-child.js upload <endpoint> <file> <warm-up>  a bare SDK Upload of <file> for every "go" line on stdin; prints "done" after each
 *                                                   (the objects stay: the bench empties the bucket between rounds).
 * Either exits when its stdin closes, so a bench that dies leaves neither behind.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import S3rver from 's3rver';
import { S3_BUCKET, S3_CREDENTIALS } from './processes.js';

const MiB = 1024 * 1024;
const [mode, ...args] = process.argv.slice(2);
const input = createInterface({ input: process.stdin });
input.on('close', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));

if (mode === 'server') {
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory: args[0], silent: true, configureBuckets: [{ name: S3_BUCKET }] });
  const { port } = await server.run();
  console.log(JSON.stringify({ port }));
} else if (mode === 'upload') {
  const [endpoint, file, warmUp] = args;
  // The client duban's S3 store makes (s3-evidence-storage.ts), with its part size and parts in flight.
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: S3_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const send = async (path: string) => {
    const Key = `bare/${Date.now()}`;
    await new Upload({
      client,
      params: { Bucket: S3_BUCKET, Key, Body: createReadStream(path) },
      partSize: 5 * MiB,
      queueSize: 2,
      leavePartsOnError: false,
    }).done();
    return Key;
  };
  await client.send(new DeleteObjectCommand({ Bucket: S3_BUCKET, Key: await send(warmUp) }));
  console.log('ready');
  for await (const line of input) {
    if (line !== 'go') continue;
    await send(file);
    console.log('done');
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}

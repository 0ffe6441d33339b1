import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

export const bin = fileURLToPath(new URL('../../cli/dist/bin.js', import.meta.url));
export const acme = fileURLToPath(new URL('../../../examples/acme', import.meta.url));

/** The real `switchyard mcp` process on stdio, with the SDK's own client talking to it. */
export async function stdioClient(args: string[] = []): Promise<{ client: Client; stderr: () => string }> {
  let stderr = '';
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, 'mcp', acme, ...args],
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const client = new Client({ name: 'switchyard-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

/** `switchyard mcp --http` on a free port; resolves with its URL once it says it listens. */
export function httpServer(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [bin, 'mcp', acme, '--http', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
      const url = /at (http:\/\/\S+\/mcp)/.exec(stderr)?.[1];
      if (url) resolve({ url, child });
    });
    child.on('exit', (code) => reject(new Error(`mcp --http exited with ${code}: ${stderr}`)));
  });
}

type Text = { type: string; text: string }[];
export const textOf = (result: { content?: unknown }) =>
  ((result.content ?? []) as Text).map((c) => c.text).join('\n');

// cellhub as real processes, for tests that kill, restart or split them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { until } from './wait.ts';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export type ServerProcess = ChildProcess & {
  /** What the server wrote to stderr so far: its start-up steps and banner. */
  stderrText(): string;
};

/** Starts `cellhub serve` and waits until /health answers. */
export async function startServer(env: Record<string, string>, args: string[] = []): Promise<ServerProcess> {
  const spawned = spawn(process.execPath, ['bin/cellhub.js', 'serve', ...args], {
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  spawned.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const child = Object.assign(spawned, { stderrText: () => stderr });
  try {
    await until(
      'cellhub serve does not answer /health',
      async () => {
        if (child.exitCode !== null) throw new Error(`cellhub serve exited with ${child.exitCode}`);
        return fetch(`http://127.0.0.1:${env.PORT}/health`).then(
          (r) => r.ok,
          () => false,
        );
      },
      100,
    );
    return child;
  } catch (error) {
    child.kill('SIGKILL');
    // Where it stopped: its last start-up steps.
    throw new Error(`${(error as Error).message}; its stderr ended with: ${stderr.slice(-600)}`, { cause: error });
  }
}

export async function stopServer(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

/** An enterprise access token from a running server. */
export async function tokenFrom(base: string, clientId: string, secret: string): Promise<string> {
  const res = await fetch(`${base}/auth/realms/enterprise-apis/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  return (await res.json()).access_token;
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { detectDocker, dockerEndpoints, parseDockerHost, pingDocker } from './docker.ts';

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-docker-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A fake Docker engine on a unix socket path or 127.0.0.1:0, closed when the test ends. */
async function fakeEngine(at: string | 0, answer: 'ok' | 'error') {
  const server: Server = createServer((req, res) => {
    if (answer === 'ok' && req.url === '/_ping') res.end('OK');
    else res.writeHead(500).end('no');
  });
  await new Promise<void>((resolve) =>
    at === 0 ? server.listen(0, '127.0.0.1', resolve) : server.listen(at, resolve),
  );
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return server;
}

/** A socket that accepts connections and never answers. */
async function silentEngine(path: string) {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(path, resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
}

describe('Docker detection', () => {
  it('says yes when the engine answers GET /_ping on a unix socket', async () => {
    const socketPath = join(await tempDir(), 'docker.sock');
    await fakeEngine(socketPath, 'ok');
    expect(await pingDocker({ socketPath })).toBe(true);
  });

  it('says no when the socket does not answer in time, answers an error, or does not exist', async () => {
    const dir = await tempDir();
    await silentEngine(join(dir, 'silent.sock'));
    await fakeEngine(join(dir, 'error.sock'), 'error');
    expect(await pingDocker({ socketPath: join(dir, 'silent.sock') }, 200)).toBe(false);
    expect(await pingDocker({ socketPath: join(dir, 'error.sock') })).toBe(false);
    expect(await pingDocker({ socketPath: join(dir, 'missing.sock') })).toBe(false);
  });

  it('uses DOCKER_HOST, over TCP too, and nothing else when it is set', async () => {
    const server = await fakeEngine(0, 'ok');
    const { port } = server.address() as AddressInfo;
    const env = { DOCKER_HOST: `tcp://127.0.0.1:${port}` };
    expect(await detectDocker({ env, home: await tempDir() })).toEqual({
      available: true,
      tried: [`tcp://127.0.0.1:${port}`],
    });
    expect(await detectDocker({ env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' } })).toEqual(
      { available: false, tried: ['unix:///nonexistent/docker.sock'] },
    );
  });

  it('tries the usual sockets that exist, e.g. Docker Desktop under the home folder', async () => {
    const home = await tempDir();
    await mkdir(join(home, '.docker/run'), { recursive: true });
    const socketPath = join(home, '.docker/run/docker.sock');
    await fakeEngine(socketPath, 'ok');
    const endpoints = dockerEndpoints({ XDG_RUNTIME_DIR: join(home, 'run') }, home);
    expect(endpoints).toContainEqual({ socketPath });
    expect(endpoints).not.toContainEqual({ socketPath: join(home, '.colima/default/docker.sock') });
    const detected = await detectDocker({ env: { XDG_RUNTIME_DIR: join(home, 'run') }, home });
    expect(detected.available).toBe(true);
  });

  it('reads docker.host from ~/.testcontainers.properties', async () => {
    const home = await tempDir();
    await writeFile(join(home, '.testcontainers.properties'), 'docker.host=tcp://10.0.0.5:2375\n');
    expect(dockerEndpoints({}, home)).toEqual([{ host: '10.0.0.5', port: 2375 }]);
  });

  it('parses DOCKER_HOST forms', () => {
    expect(parseDockerHost('unix:///var/run/docker.sock')).toEqual({
      socketPath: '/var/run/docker.sock',
    });
    expect(parseDockerHost('tcp://localhost:2375')).toEqual({ host: 'localhost', port: 2375 });
    expect(parseDockerHost('tcp://[::1]:2375/')).toEqual({ host: '::1', port: 2375 });
    expect(parseDockerHost('npipe:////./pipe/docker_engine')).toBeUndefined();
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** A Docker engine API address: a unix socket, or a TCP host and port. */
export type DockerEndpoint = { socketPath: string } | { host: string; port: number };

/**
 * The Docker engine addresses to try, in order: DOCKER_HOST when set (the only one then), the
 * `docker.host` of ~/.testcontainers.properties, then the usual sockets that exist (Linux,
 * rootless, Docker Desktop, Colima, Rancher Desktop, Podman). Windows named pipes are not tried.
 */
export function dockerEndpoints(
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): DockerEndpoint[] {
  const configured = env.DOCKER_HOST || testcontainersHost(home);
  if (configured) {
    const endpoint = parseDockerHost(configured);
    return endpoint ? [endpoint] : [];
  }
  const runtime = env.XDG_RUNTIME_DIR || `/run/user/${process.getuid?.() ?? 0}`;
  return [
    '/var/run/docker.sock',
    join(runtime, 'docker.sock'),
    join(home, '.docker/run/docker.sock'),
    join(home, '.docker/desktop/docker.sock'),
    join(home, '.colima/default/docker.sock'),
    join(home, '.rd/docker.sock'),
    join(runtime, 'podman/podman.sock'),
  ]
    .filter((path, i, all) => all.indexOf(path) === i && existsSync(path))
    .map((socketPath) => ({ socketPath }));
}

/** `unix:///path`, `tcp://host:port` or `http://host:port`; undefined for other forms. */
export function parseDockerHost(value: string): DockerEndpoint | undefined {
  if (value.startsWith('unix://')) return { socketPath: value.slice('unix://'.length) };
  const match = /^(?:tcp|http):\/\/([^/:]+|\[[^\]]+\]):(\d+)\/?$/.exec(value);
  if (!match) return undefined;
  return { host: (match[1] as string).replace(/^\[|\]$/g, ''), port: Number(match[2]) };
}

/** Whether a Docker engine answers `GET /_ping` with 200 within `timeoutMs`. */
export function pingDocker(endpoint: DockerEndpoint, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ ...endpoint, path: '/_ping', method: 'GET', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
      res.on('error', () => resolve(false));
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(false);
    }, timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** Whether any Docker engine answers, and the addresses that were tried. */
export async function detectDocker(
  options: { env?: NodeJS.ProcessEnv; home?: string; timeoutMs?: number } = {},
): Promise<{ available: boolean; tried: string[] }> {
  const endpoints = dockerEndpoints(options.env, options.home);
  const tried = endpoints.map(describeEndpoint);
  for (const endpoint of endpoints)
    if (await pingDocker(endpoint, options.timeoutMs)) return { available: true, tried };
  return { available: false, tried };
}

export function describeEndpoint(endpoint: DockerEndpoint): string {
  return 'socketPath' in endpoint
    ? `unix://${endpoint.socketPath}`
    : `tcp://${endpoint.host}:${endpoint.port}`;
}

function testcontainersHost(home: string): string | undefined {
  try {
    const text = readFileSync(join(home, '.testcontainers.properties'), 'utf8');
    return /^\s*docker\.host\s*=\s*(\S+)/m.exec(text)?.[1];
  } catch {
    return undefined;
  }
}

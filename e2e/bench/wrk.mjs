// Runs wrk and reads its report: requests/s, p50 and p99 latency, and the answers that were
// not 2xx (a benchmark of errors would flatter the server).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authorization, scratchDir } from './servers.mjs';

export const threads = 2;
export const connections = 32;

const unit = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const millis = (text) => {
  const [, value, suffix] = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  return Number(value) * unit[suffix];
};

export function parse(report) {
  const number = (pattern) => {
    const match = pattern.exec(report);
    if (!match) throw new Error(`wrk printed no ${pattern}:\n${report}`);
    return match[1];
  };
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(report);
  const socketErrors = /Socket errors: (.*)/.exec(report);
  return {
    requestsPerSecond: Number(number(/Requests\/sec:\s+([\d.]+)/)),
    requests: Number(number(/(\d+) requests in/)),
    p50: millis(number(/^\s+50%\s+(\S+)\s*$/m)),
    p99: millis(number(/^\s+99%\s+(\S+)\s*$/m)),
    failed: errors ? Number(errors[1]) : 0,
    socketErrors: socketErrors ? socketErrors[1] : null,
  };
}

/// A GET of `url` at `connections` connections for `seconds`.
export function get(url, seconds) {
  return run(['-H', `Authorization: ${authorization()}`, url], seconds);
}

/// Requests that a Lua script makes, one different request each time.
export function scripted(base, lua, seconds) {
  const script = join(scratchDir('wrk'), 'requests.lua');
  writeFileSync(script, lua);
  return run(['-s', script, base], seconds);
}

function run(args, seconds) {
  const report = execFileSync('wrk', [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '--latency', ...args], {
    encoding: 'utf8',
  });
  return parse(report);
}

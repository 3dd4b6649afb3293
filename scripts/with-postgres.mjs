#!/usr/bin/env node
// Runs a command with TEST_DATABASE_URL pointing at a real PostgreSQL server:
// the one given, the local one (trust auth, as on the dev machines), or a local
// cluster this script starts. .ci/run installs the Debian package when missing.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

const CANDIDATES = [
  process.env.TEST_DATABASE_URL,
  'postgres://postgres@127.0.0.1:5432/postgres',
  'postgres://postgres:baqylau-ci@127.0.0.1:5432/postgres',
].filter(Boolean);

async function reachable(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function find() {
  for (const url of CANDIDATES) if (await reachable(url)) return url;
  return undefined;
}

function startLocalCluster() {
  if (!fs.existsSync('/etc/postgresql')) return false;
  for (const version of fs.readdirSync('/etc/postgresql')) {
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  }
  return true;
}

let url = await find();
if (!url && startLocalCluster()) {
  for (let i = 0; i < 20 && !url; i++) {
    await new Promise((r) => setTimeout(r, 500));
    url = await find();
  }
  if (!url && process.getuid?.() === 0) {
    // A freshly installed Debian cluster has no password for postgres over TCP: give it one for the tests.
    execFileSync('su', ['postgres', '-c', `psql -qc "ALTER ROLE postgres PASSWORD 'baqylau-ci'"`], { stdio: 'inherit' });
    url = await find();
  }
}
if (!url) {
  console.error('No PostgreSQL server reachable. Install it (apt-get install postgresql) or set TEST_DATABASE_URL.');
  process.exit(2);
}
const [cmd, ...args] = process.argv.slice(2);
const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url }, shell: false });
process.exit(r.status ?? 1);

#!/usr/bin/env node
// Runs a command with S3_TEST_ENDPOINT (and S3_TEST_ACCESS_KEY / S3_TEST_SECRET_KEY) pointing at a real
// S3 server: the one given, or a throwaway Ceph cluster this script starts and removes afterwards —
// one monitor, one OSD on memstore (data in RAM: keep test objects small), radosgw on 127.0.0.1.
// scripts/system-deps.sh installs Debian's ceph-mon, ceph-osd, radosgw and ceph-common.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ACCESS_KEY = 'baqylau-test';
const SECRET_KEY = 'baqylau-test-secret';

async function freePort() {
  const s = net.createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * Without cephx (auth none) radosgw only reaches the monitor with `auth_client_required = none` and
 * `ms_mon_client_mode = crc` in [global] and in its own section. The paxos settings cut start-up from
 * ~13 s to ~2 s. No manager daemon: placement groups and pools work without one.
 */
function cephConf(dir, fsid, monPort, rgwPort) {
  return `[global]
fsid = ${fsid}
mon_host = v2:127.0.0.1:${monPort}
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
ms_mon_client_mode = crc
run_dir = ${dir}/run
admin_socket = ${dir}/run/$name.asok
log_file = ${dir}/$name.log
pid_file = ${dir}/run/$name.pid
osd_objectstore = memstore
memstore_device_bytes = ${Number(process.env.CEPH_MEMSTORE_BYTES ?? 8 * 2 ** 30)}
osd_pool_default_size = 1
osd_pool_default_min_size = 1
mon_allow_pool_size_one = true
mon_warn_on_pool_no_redundancy = false
osd_pool_default_pg_autoscale_mode = off
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
mon_max_pg_per_osd = 1000
osd_crush_chooseleaf_type = 0
paxos_propose_interval = 0.01
paxos_min_wait = 0.001
mon_data_avail_warn = 1
[mon.a]
mon_data = ${dir}/mon
public_addr = v2:127.0.0.1:${monPort}
[osd.0]
osd_data = ${dir}/osd0
[client.rgw.a]
rgw_frontends = beast endpoint=127.0.0.1:${rgwPort}
rgw_data = ${dir}/rgw
auth_client_required = none
ms_mon_client_mode = crc
`;
}

async function startCeph() {
  for (const tool of ['ceph-mon', 'ceph-osd', 'radosgw', 'radosgw-admin', 'monmaptool', 'ceph']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      console.error(
        `${tool} not found. Install Debian's ceph-mon ceph-osd radosgw ceph-common (scripts/system-deps.sh does) or set S3_TEST_ENDPOINT.`,
      );
      process.exit(2);
    }
  }
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-ceph-'));
  for (const d of ['mon', 'osd0', 'run', 'rgw']) fs.mkdirSync(path.join(dir, d));
  const fsid = fs.readFileSync('/proc/sys/kernel/random/uuid', 'utf8').trim();
  const [monPort, rgwPort] = [await freePort(), await freePort()];
  const conf = path.join(dir, 'ceph.conf');
  fs.writeFileSync(conf, cephConf(dir, fsid, monPort, rgwPort));
  const run = (cmd, args) => execFileSync(cmd, ['-c', conf, ...args], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
  const stop = () => {
    const runDir = path.join(dir, 'run');
    for (const f of fs.existsSync(runDir) ? fs.readdirSync(runDir).filter((n) => n.endsWith('.pid')) : []) {
      try {
        // SIGKILL: a throwaway cluster has nothing to flush, and memstore would write its RAM to disk on a clean stop.
        process.kill(Number(fs.readFileSync(path.join(runDir, f), 'utf8')), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (!process.env.CEPH_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    execFileSync('monmaptool', ['--create', '--addv', 'a', `[v2:127.0.0.1:${monPort}]`, '--fsid', fsid, path.join(dir, 'monmap')], {
      stdio: 'ignore',
    });
    run('ceph-mon', ['--mkfs', '-i', 'a', '--monmap', path.join(dir, 'monmap')]);
    run('ceph-mon', ['-i', 'a']);
    run('ceph', ['--connect-timeout', '20', 'osd', 'create']);
    run('ceph-osd', ['-i', '0', '--mkfs']);
    run('ceph-osd', ['-i', '0']);
    run('radosgw', ['-n', 'client.rgw.a']);
    const endpoint = `http://127.0.0.1:${rgwPort}`;
    for (let i = 0; ; i++) {
      try {
        await fetch(endpoint);
        break;
      } catch {
        if (i > 300) throw new Error(`radosgw did not listen on ${endpoint}; logs in ${dir}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    run('radosgw-admin', [
      'user',
      'create',
      '--uid=baqylau',
      '--display-name=baqylau',
      `--access-key=${ACCESS_KEY}`,
      `--secret-key=${SECRET_KEY}`,
    ]);
    console.log(`Ceph RGW ${endpoint} ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${dir})`);
    return { endpoint, stop };
  } catch (e) {
    console.error(`Ceph did not start: ${e.stderr?.toString() ?? e.message}`);
    process.env.CEPH_KEEP = '1';
    stop();
    console.error(`Logs kept in ${dir}`);
    process.exit(2);
  }
}

const given = process.env.S3_TEST_ENDPOINT;
const ceph = given ? { endpoint: given, stop() {} } : await startCeph();
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => (ceph.stop(), process.exit(1)));
const [cmd, ...args] = process.argv.slice(2);
const r = spawnSync(cmd, args, {
  stdio: 'inherit',
  env: {
    ...process.env,
    S3_TEST_ENDPOINT: ceph.endpoint,
    S3_TEST_ACCESS_KEY: process.env.S3_TEST_ACCESS_KEY ?? ACCESS_KEY,
    S3_TEST_SECRET_KEY: process.env.S3_TEST_SECRET_KEY ?? SECRET_KEY,
    // The SDK warns on every start that releases after January 2027 need Node 22; the engines field still says 20.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  },
});
ceph.stop();
process.exit(r.status ?? 1);

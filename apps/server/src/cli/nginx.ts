import { Option, type Command } from 'commander';
import { renderNginxSite } from '../platform/http/nginx-config.ts';
import { configFrom } from './options.ts';

export function registerNginxCommand(program: Command) {
  program
    .command('nginx-site')
    .description('Print an nginx site that sends stored media for this server (set MEDIA_OFFLOAD=x-accel on the server)')
    .addOption(new Option('--listen <what>', 'nginx listen directive').default('80'))
    .addOption(new Option('--upstream <host:port...>', 'Baqylau server(s)'))
    .addOption(new Option('--data-dir <dir>', 'data folder (DATA_DIR) the servers share'))
    .action((o: { listen: string; upstream?: string[]; dataDir?: string }) => {
      const config = configFrom({ dataDir: o.dataDir });
      const upstreams = o.upstream ?? [`${config.host}:${config.port}`];
      console.log(renderNginxSite({ listen: o.listen, upstreams, dataDir: config.dataDir, offloadPrefix: config.mediaOffloadPrefix }));
    });
}

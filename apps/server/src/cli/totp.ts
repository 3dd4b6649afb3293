import type { Command } from 'commander';
import { currentTotp } from '../platform/auth/totp.ts';

export function registerTotpCommand(program: Command) {
  program
    .command('totp <secret>')
    .description('Print the current one-time code for a TOTP secret (for demo accounts and scripts)')
    .action((secret: string) => console.log(currentTotp(secret)));
}

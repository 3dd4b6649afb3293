import type { FastifyPluginAsync } from 'fastify';
import type { OrganisationType } from '@baqylau/contracts';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../platform/deps.ts';
import type { Recurring } from '../platform/jobs/scheduler.ts';
import type { JobHandler } from '../platform/jobs/worker.ts';
import type { RuleSetRecordsPart } from '../platform/records.ts';
import type { RuleSetDemo } from './demo/demo.types.ts';

export interface Logger {
  error(o: unknown, m?: string): void;
}

/**
 * One rule set (an act and what Baqylau keeps for it), as the composition sees it:
 * app.ts registers its routes, the worker its jobs, `baqylau demo` its demo data.
 * The kernel never imports a rule set; a rule set imports only the kernel and platform.
 */
export interface RuleSet {
  /** Its folder name, e.g. 'video-evidence'. */
  id: string;
  /** The act's key in docs/requirements.json, e.g. 'order-444'. */
  act: string;
  /** The organisation type whose people work in it. */
  organisationType: OrganisationType;
  /** Its HTTP routes, as one Fastify plugin. */
  routes?(deps: AppDeps): FastifyPluginAsync;
  /** Its background jobs: handlers by job kind, and what recurs. */
  jobs?(deps: AppDeps, log?: Logger): { handlers: Record<string, JobHandler>; recurring: Recurring[] };
  /** Work after migrations and before the server takes requests. */
  prepare?(db: Db, config: Config): Promise<unknown>;
  /** What it keeps, for ledger verification, backup and restore. */
  records?: RuleSetRecordsPart;
  /** Its demo organisation, people and records. */
  demo?: RuleSetDemo;
}

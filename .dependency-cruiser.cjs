/* global module */
// The layout's boundaries (README → Architecture): the platform knows no domain, the kernel knows
// no rule set, and a rule set knows no other rule set; only the composition names them all.
// Runs in `npm test` (lint tier) as `npm run deps`.
const RULE_SETS = '(video-evidence|production-control|medical-cctv|ohs-competition)';
const SERVER = '^apps/server/src/';
const WEB = '^apps/web/src/';

module.exports = {
  forbidden: [
    {
      name: 'platform-knows-no-domain',
      comment:
        'platform/ is technical (http, ledger, storage, jobs, pdf, i18n, media): it imports no kernel part, rule set or composition.',
      severity: 'error',
      from: { path: `${SERVER}(platform|db|config)/` },
      to: { path: `${SERVER}(kernel|composition|${RULE_SETS.slice(1, -1)})/` },
    },
    {
      name: 'kernel-knows-no-rule-set',
      comment: 'The kernel serves every rule set and imports none: a rule set contributes through kernel/rule-set.ts.',
      severity: 'error',
      from: { path: `${SERVER}kernel/` },
      to: { path: `${SERVER}(composition|${RULE_SETS.slice(1, -1)})/` },
    },
    {
      name: 'rule-set-knows-no-other-rule-set',
      comment: 'What two rule sets need belongs in the kernel.',
      severity: 'error',
      from: { path: `${SERVER}${RULE_SETS}/` },
      to: { path: `${SERVER}${RULE_SETS}/`, pathNot: `${SERVER}$1/` },
    },
    {
      name: 'rule-set-knows-no-composition',
      comment: 'The composition names the rule sets, never the other way round.',
      severity: 'error',
      from: { path: `${SERVER}${RULE_SETS}/` },
      to: { path: `${SERVER}(composition/|app\\.ts|main\\.ts|cli/)` },
    },
    {
      name: 'web-kernel-knows-no-rule-set',
      comment: 'The web shell and kernel pages import no rule set; apps/web/src/app/ composes them.',
      severity: 'error',
      from: { path: WEB, pathNot: [`${WEB}app/`, `${WEB}${RULE_SETS}/`] },
      to: { path: `${WEB}${RULE_SETS}/` },
    },
    {
      name: 'web-rule-set-knows-no-other-rule-set',
      severity: 'error',
      from: { path: `${WEB}${RULE_SETS}/` },
      to: { path: `${WEB}${RULE_SETS}/`, pathNot: `${WEB}$1/` },
    },
    {
      name: 'web-rule-set-knows-no-composition',
      severity: 'error',
      from: { path: `${WEB}${RULE_SETS}/` },
      to: { path: `${WEB}app/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '(^|/)dist/', '\\.test\\.tsx?$', '(^|/)test/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};

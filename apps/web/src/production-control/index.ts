import { comingSoon } from '../kernel/shell/comingSoon.tsx';

/** Order 315: production control at hazardous production facilities. Announced, not built yet. */
export const productionControl = comingSoon({
  id: 'production-control',
  nav: { path: '/app/production-control', label: 'nav.productionControl', tag: '№ 315' },
  serves: (org) => org?.type === 'hpf_operator',
});

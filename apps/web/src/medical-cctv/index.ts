import { comingSoon } from '../kernel/shell/comingSoon.tsx';

/** Order ҚР ДСМ-335/2020: CCTV in medical organisations. Announced, not built yet. */
export const medicalCctv = comingSoon({
  id: 'medical-cctv',
  nav: { path: '/app/medical-cctv', label: 'nav.medicalCctv', tag: 'ДСМ-335' },
  serves: (org) => org?.type === 'medical_organisation',
});

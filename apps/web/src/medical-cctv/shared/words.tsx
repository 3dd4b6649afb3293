import { Badge, List, Text } from '@mantine/core';
import { citeText, type CctvCite, type PlacementVerdict } from '@baqylau/contracts';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../kernel/i18n/i18n.ts';
import type { ComplianceRow } from './cctv.types.ts';

/** A point of the Rules as a person writes it in the interface language ("12-тармақ", "пункт 12", "point 12"). */
export function useCite() {
  const { i18n } = useTranslation();
  const lang = currentLanguage(i18n);
  return (cites: readonly CctvCite[]) => cites.map((c) => citeText(c, lang)).join(', ');
}

/** Badges show their whole text (in a narrow table column Mantine would cut it short with an ellipsis). */
export const WHOLE = { label: { overflow: 'visible' } } as const;

export const VERDICT_COLOR: Record<PlacementVerdict, string> = {
  allowed: 'green',
  consent_required: 'blue',
  not_provided: 'orange',
  prohibited: 'red',
};

/** Green when the camera meets the Rules today, red when it does not (the floor plan's colours too). */
export const PIN_COLOR = { compliant: '#2f9e44', nonCompliant: '#e03131' } as const;

export function VerdictBadge({ verdict }: { verdict: PlacementVerdict }) {
  const { t } = useTranslation();
  return (
    <Badge styles={WHOLE} variant="light" color={VERDICT_COLOR[verdict]} tt="none">
      {t(`common:cctv.verdict.${verdict}`)}
    </Badge>
  );
}

export function ComplianceBadge({ compliant }: { compliant: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge styles={WHOLE} variant="filled" color={compliant ? 'green.8' : 'red.8'} tt="none">
      {compliant ? t('cctv.compliance.compliant') : t('cctv.compliance.nonCompliant')}
    </Badge>
  );
}

/** What is wrong with a camera, each finding with the point it breaks. */
export function Findings({ row, size = 'sm' }: { row: ComplianceRow; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const cite = useCite();
  if (row.findings.length === 0)
    return (
      <Text size={size} c="dimmed">
        {t('cctv.compliance.noFindings')}
      </Text>
    );
  return (
    <List size={size} spacing={2}>
      {row.findings.map((f) => (
        <List.Item key={f.finding}>
          {t(`common:cctv.finding.${f.finding}`)}
          {f.cites.length > 0 && ` (${cite(f.cites)})`}
        </List.Item>
      ))}
    </List>
  );
}

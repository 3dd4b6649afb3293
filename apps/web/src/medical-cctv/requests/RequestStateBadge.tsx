import { Badge } from '@mantine/core';
import type { AccessRequestState } from '@baqylau/contracts';
import { useTranslation } from 'react-i18next';
import { WHOLE } from '../shared/words.tsx';

const COLOR: Record<AccessRequestState, string> = {
  received: 'orange',
  hold_confirmed: 'blue',
  granted: 'teal',
  refused: 'red',
  provided: 'green',
};

export function RequestStateBadge({ state }: { state: AccessRequestState }) {
  const { t } = useTranslation();
  return (
    <Badge styles={WHOLE} variant="light" color={COLOR[state]} tt="none" data-testid="request-state">
      {t(`common:cctv.requestState.${state}`)}
    </Badge>
  );
}

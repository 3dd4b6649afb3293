import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Verification } from './audit.queries.ts';

/** A clear pass, or the first bad entry and what is wrong with it. */
export function VerificationResult({ result }: { result: Verification }) {
  const { t } = useTranslation();
  if (result.ok) {
    return (
      <Alert color="teal" variant="light" title={t('audit.verify.passTitle')} role="status" data-testid="verify-result" data-ok="true">
        <Text size="sm">
          {t('audit.verify.passEntries', { count: result.entries })} {t('audit.verify.passCheckpoints', { count: result.checkpoints })}
        </Text>
      </Alert>
    );
  }
  const bad = result.firstBad;
  return (
    <Alert color="red" variant="filled" title={t('audit.verify.failTitle')} role="alert" data-testid="verify-result" data-ok="false">
      {bad ? (
        <Text size="sm">
          {t('audit.verify.failAt', { seq: bad.seq })} {t(`common:fault.${bad.fault}`, { defaultValue: bad.fault })}
        </Text>
      ) : (
        <Text size="sm">{t('audit.verify.failUnknown')}</Text>
      )}
      <Text size="sm" mt={4}>
        {t('audit.verify.failAdvice')}
      </Text>
    </Alert>
  );
}

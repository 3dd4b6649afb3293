import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordCheck, Verification } from './audit.queries.ts';

/** "Journal entry № 2: the field inspectorName differs from the ledger", or a removed / unknown row. */
function RecordFault({ check }: { check: RecordCheck }) {
  const { t, i18n } = useTranslation();
  const bad = check.firstBad;
  const table = i18n.exists(`audit.records.table.${check.table}`) ? t(`audit.records.table.${check.table}`) : check.table;
  if (!bad) return <Text size="sm">{t('audit.records.failUnknown', { table })}</Text>;
  const row = bad.number === null ? table : t('audit.records.row', { table, number: bad.number });
  if (bad.field === '(not in ledger)') return <Text size="sm">{t('audit.records.notInLedger', { row })}</Text>;
  if (bad.field === '(row removed)') return <Text size="sm">{t('audit.records.removed', { row })}</Text>;
  const field = i18n.exists(`audit.records.field.${bad.field}`) ? t(`audit.records.field.${bad.field}`) : bad.field;
  return <Text size="sm">{t('audit.records.fieldDiffers', { row, field, code: bad.field })}</Text>;
}

/** A clear pass, or the first bad entry and what is wrong with it; a record edited behind the application's back is named. */
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
  const chainOk = result.chainOk ?? false;
  const badRecords = (result.records ?? []).filter((r) => !r.ok);
  const bad = result.firstBad;
  return (
    <Alert
      color="red"
      variant="filled"
      title={chainOk ? t('audit.records.failTitle') : t('audit.verify.failTitle')}
      role="alert"
      data-testid="verify-result"
      data-ok="false"
      data-chain-ok={String(chainOk)}
    >
      {chainOk ? (
        <>
          <Text size="sm">{t('audit.records.chainIntact', { count: result.entries })}</Text>
          {badRecords.map((r) => (
            <RecordFault key={r.table} check={r} />
          ))}
        </>
      ) : bad ? (
        <Text size="sm">
          {t('audit.verify.failAt', { seq: bad.seq })} {t(`common:fault.${bad.fault}`, { defaultValue: bad.fault })}
        </Text>
      ) : (
        <Text size="sm">{t('audit.verify.failUnknown')}</Text>
      )}
      {!chainOk && badRecords.map((r) => <RecordFault key={r.table} check={r} />)}
      <Text size="sm" mt={4}>
        {t('audit.verify.failAdvice')}
      </Text>
    </Alert>
  );
}

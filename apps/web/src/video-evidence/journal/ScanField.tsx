import { Loader, TextInput } from '@mantine/core';
import { forwardRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../kernel/shell/SessionContext.tsx';
import { useLookupRecorder, type Recorder } from '../recorders/recorders.queries.ts';

interface Props {
  value: string;
  onChange: (v: string) => void;
  /** Called with the recorder found under the typed number, or null when there is none. */
  onFound: (r: Recorder | null) => void;
  description?: ReactNode;
  error?: ReactNode;
}

/**
 * The inventory number field a barcode scanner types into: Enter (which scanners send) or leaving the field
 * looks the recorder up; Enter never submits the form from here.
 */
export const ScanField = forwardRef<HTMLInputElement, Props>(function ScanField({ value, onChange, onFound, description, error }, ref) {
  const { t } = useTranslation();
  const { org } = useSession();
  const lookup = useLookupRecorder(org!.id);
  const [busy, setBusy] = useState(false);
  const [looked, setLooked] = useState('');
  const find = async (again = false) => {
    const wanted = value.trim();
    if (!wanted || (!again && wanted === looked)) return;
    setBusy(true);
    try {
      setLooked(wanted);
      onFound(await lookup(wanted));
    } catch {
      onFound(null);
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void find(true);
  };
  return (
    <TextInput
      ref={ref}
      data-autofocus
      label={t('journal.scan.label')}
      placeholder={t('journal.scan.placeholder')}
      autoComplete="off"
      required
      size="md"
      value={value}
      onChange={(e) => {
        onChange(e.currentTarget.value);
        setLooked('');
      }}
      onKeyDown={onKeyDown}
      onBlur={() => void find()}
      rightSection={busy ? <Loader size="xs" /> : null}
      description={description}
      error={error}
    />
  );
});

import { Button, Checkbox, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldError } from '../../kernel/api/errors.ts';
import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { useRegisterRecorder } from './recorders.queries.ts';

const EMPTY = { inventoryNumber: '', serialNumber: '', model: '', notes: '' };

/** R444-7: a recorder gets its inventory number; "register another" keeps the dialog open for a batch. */
export function RegisterRecorderForm({ orgId, onDone }: { orgId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const register = useRegisterRecorder(orgId);
  const [form, setForm] = useState(EMPTY);
  const [another, setAnother] = useState(true);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<string[]>([]);
  const first = useRef<HTMLInputElement>(null);
  const err = register.error;
  const taken = err instanceof ApiError && err.code === 'recorder.inventory_taken' ? err.message : undefined;
  const need = (v: string) => (tried && !v.trim() ? t('form.required') : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!form.inventoryNumber.trim() || !form.serialNumber.trim() || !form.model.trim()) return;
    try {
      const r = await register.mutateAsync({
        inventoryNumber: form.inventoryNumber.trim(),
        serialNumber: form.serialNumber.trim(),
        model: form.model.trim(),
        notes: form.notes.trim() || undefined,
      });
      if (!another) return onDone();
      setSaved((s) => [...s, r.inventoryNumber]);
      // The model is usually the same for a delivered batch: keep it.
      setForm({ ...EMPTY, model: form.model });
      setTried(false);
      first.current?.focus();
    } catch {
      // shown in the form
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {saved.length > 0 && (
          <Text size="sm" c="teal.8" role="status">
            {t('recorders.registered', { list: saved.join(', ') })}
          </Text>
        )}
        {!taken && <ErrorAlert error={err} shownFields={['inventoryNumber', 'serialNumber', 'model', 'notes']} />}
        <TextInput
          ref={first}
          data-autofocus
          label={t('recorders.inventoryNumber')}
          description={t('recorders.inventoryHint')}
          required
          maxLength={50}
          value={form.inventoryNumber}
          onChange={(e) => setForm({ ...form, inventoryNumber: e.currentTarget.value })}
          error={need(form.inventoryNumber) ?? taken ?? fieldError(err, 'inventoryNumber')}
        />
        <TextInput
          label={t('recorders.serialNumber')}
          required
          maxLength={100}
          value={form.serialNumber}
          onChange={(e) => setForm({ ...form, serialNumber: e.currentTarget.value })}
          error={need(form.serialNumber) ?? fieldError(err, 'serialNumber')}
        />
        <TextInput
          label={t('recorders.model')}
          required
          maxLength={200}
          value={form.model}
          onChange={(e) => setForm({ ...form, model: e.currentTarget.value })}
          error={need(form.model) ?? fieldError(err, 'model')}
        />
        <Textarea
          label={t('recorders.notes')}
          autosize
          minRows={1}
          maxLength={2000}
          value={form.notes}
          onChange={(e) => setForm({ ...form, notes: e.currentTarget.value })}
        />
        <Checkbox label={t('recorders.registerAnother')} checked={another} onChange={(e) => setAnother(e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {saved.length > 0 ? t('action.close') : t('action.cancel')}
          </Button>
          <Button type="submit" loading={register.isPending}>
            {t('recorders.registerSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

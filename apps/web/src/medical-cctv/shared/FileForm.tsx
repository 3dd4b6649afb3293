import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fileType } from './cctv.api.ts';
import { FormAlert } from './FormAlert.tsx';
import { serverError } from './formErrors.ts';

interface Props {
  label: string;
  description?: ReactNode;
  /** Extension → media type the server takes (the file goes as the raw body with that type). */
  types: Record<string, string>;
  submitLabel: string;
  error: unknown;
  pending: boolean;
  onSubmit: (file: File, type: string) => Promise<unknown>;
  onCancel?: () => void;
  /** Called when another file is picked (to forget the last refusal). */
  onPick?: () => void;
  done?: ReactNode;
  testId?: string;
}

/** One file to upload: picked, checked for its type here, sent as the raw body; the server's refusal shows under the field. */
export function FileForm({ label, description, types, submitLabel, error, pending, onSubmit, onCancel, onPick, done, testId }: Props) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const type = file ? fileType(file, types) : null;
  const extensions = Object.keys(types).map((e) => `.${e}`);
  const problem = !file ? t('form.required') : !type ? t('cctv.file.wrongType', { list: extensions.join(', ') }) : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem || !file || !type) return;
    try {
      await onSubmit(file, type);
      setFile(null);
      setTried(false);
    } catch {
      // shown below the field
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid={testId}>
      <Stack gap="sm">
        <FormAlert error={error} fields={['file']} />
        {done && !file && (
          <Text size="sm" c="teal.8" role="status">
            {done}
          </Text>
        )}
        <FileInput
          label={label}
          description={description}
          placeholder={t('cctv.file.pick')}
          accept={[...new Set(Object.values(types)), ...extensions].join(',')}
          clearable
          required
          value={file}
          onChange={(f) => {
            setFile(f);
            onPick?.();
          }}
          error={(tried ? problem : undefined) ?? serverError(error, 'file')}
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('action.close')}
            </Button>
          )}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

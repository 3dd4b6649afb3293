import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldProblems, NETWORK_ERROR } from '../api/errors.ts';

/** The server's message (already in the user's language), or our own text when there was no answer. */
export function errorMessage(error: unknown, t: (k: string) => string): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('error.network');
    return error.message || t(`errors:${error.code}`);
  }
  return t('error.unexpected');
}

interface Props {
  error: unknown;
  /** Field problems already shown next to their inputs are not repeated in the list. */
  shownFields?: string[];
  title?: string;
}

export function ErrorAlert({ error, shownFields = [], title }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const problems = fieldProblems(error).filter((p) => !shownFields.some((f) => p.field === f || p.field.endsWith(`.${f}`)));
  const isValidation = error instanceof ApiError && error.code === 'validation.failed';
  return (
    <Alert color="red" variant="light" title={title ?? t('error.title')} role="alert">
      {isValidation ? t('error.checkFields') : errorMessage(error, t)}
      {isValidation && problems.length > 0 && (
        <List size="sm" mt="xs">
          {problems.map((p) => (
            <List.Item key={p.field}>{p.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

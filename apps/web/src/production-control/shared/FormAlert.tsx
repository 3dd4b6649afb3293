import { ErrorAlert } from '../../kernel/components/ErrorAlert.tsx';
import { needsAlert } from './formErrors.ts';

/** The error above a form, unless each field it concerns already shows the server's message under itself. */
export function FormAlert({ error, fields }: { error: unknown; fields: readonly string[] }) {
  return needsAlert(error, fields) ? <ErrorAlert error={error} shownFields={[...fields]} /> : null;
}

/** A unique index refused the row (PostgreSQL 23505), as the driver or Drizzle wraps it. */
export const isUniqueViolation = (e: unknown) =>
  (e as { code?: string; cause?: { code?: string } }).code === '23505' || (e as { cause?: { code?: string } }).cause?.code === '23505';

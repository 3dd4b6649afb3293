import { HOME } from '../shell/paths.ts';

export type LoginStatus = 'ok' | 'totp_required' | 'totp_enrolment_required';
export type SecondFactorState = 'done' | 'required' | 'enrolment_required' | 'optional';

export interface MyOrganisation {
  id: string;
  type: string;
  nameKk: string;
  nameRu: string;
  roles: string[];
}

export interface Me {
  id: string;
  login: string;
  fullName: string;
  locale: 'kk' | 'ru' | 'en' | null;
  isPlatformAdmin: boolean;
  totpEnabled: boolean;
  secondFactor: SecondFactorState;
  csrfToken: string;
  currentOrganisationId: string | null;
  organisations: MyOrganisation[];
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

/** Where a session in this state belongs. */
export function homeFor(me: Me | null | undefined): string {
  if (!me) return '/app/login';
  if (me.secondFactor === 'required') return '/app/login/totp';
  if (me.secondFactor === 'enrolment_required') return '/app/login/enrol';
  return HOME;
}

export const isFullySignedIn = (me: Me | null | undefined): me is Me =>
  !!me && (me.secondFactor === 'done' || me.secondFactor === 'optional');

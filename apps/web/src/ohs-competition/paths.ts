/** Client paths of the competition's screens. */
export const competitionPath = '/app/competition';
export const yearPath = (yearId: string) => `/app/competition/years/${yearId}`;
export const resultsPath = (yearId: string) => `/app/competition/years/${yearId}/results`;
export const applicationPath = (applicationId: string) => `/app/competition/applications/${applicationId}`;
/** The public results page, for anyone without signing in (RC-24). */
export const publicResultsPath = (orgId: string, year?: number) => `/app/public/competition/${orgId}${year ? `/${year}` : ''}`;
/** The API base of the competition in an organisation. */
export const apiBase = (orgId: string) => `/api/v1/organisations/${orgId}/competition`;

/**
 * The home of the signed-in app. The server answers `/app/*` (which includes `/app/`) with
 * index.html, but not a bare `/app`, so links use the trailing slash to survive a reload.
 */
export const HOME = '/app/';
export const isHome = (pathname: string) => pathname === '/app' || pathname === '/app/';

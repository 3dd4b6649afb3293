import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** Powerful browser features the product never uses: no page of it may ask for them. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'interest-cohort=()',
].join(', ');

/**
 * Security headers on every answer (issue 13): a strict Content-Security-Policy — scripts only from
 * the server's own files, never inline, no eval; no framing by anyone (clickjacking); nosniff; no
 * Referer leaving with ids in the URL; no camera, microphone or location; and HSTS only when the
 * public URL is https (on plain http it would lock a test or LAN install out).
 * The web app (Vite emits module scripts only), the API docs (Swagger UI loads its initialiser as a
 * file) and the data: QR codes and favicon work under it; inline styles stay allowed, since the UI
 * kit writes its CSS variables into <style> elements, and styles cannot run code.
 */
export async function installSecurityHeaders(app: FastifyInstance, publicUrl: string | undefined) {
  const https = publicUrl?.startsWith('https:') ?? false;
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Downloads (PDFs, ZIPs) are opened by the browser's own viewers and saved: no need to isolate further.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
}

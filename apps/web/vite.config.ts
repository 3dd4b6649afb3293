import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The server serves `/` and `/app/*` with index.html and `/assets/*` from dist/assets.
export default defineConfig({
  base: '/',
  plugins: [
    react(),
    // Installable app with a service worker (issue 18: offline field inspections). Workbox precaches the
    // whole build (every page chunk and every language's words), so a page taken for the field opens
    // with no network; the API is never cached — records made offline live in IndexedDB until synced.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Baqylau',
        short_name: 'Baqylau',
        description: 'Тексерулер мен өндірістік бақылау есебі',
        lang: 'kk',
        start_url: '/app/',
        scope: '/',
        display: 'standalone',
        theme_color: '#087f5b',
        background_color: '#ffffff',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        maximumFileSizeToCacheInBytes: 8 * 2 ** 20,
        navigateFallback: '/index.html',
        navigateFallbackAllowlist: [/^\/app(\/|$)/],
        navigateFallbackDenylist: [/^\/api\//],
        inlineWorkboxRuntime: true,
        cleanupOutdatedCaches: true,
        // The page that registered the worker is controlled at once: it can be taken to the field without a reload.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  // Vite's default chunk-size warning (500 kB) again, now that pages load per rule set (bench/bundle.bench.ts).
  build: { outDir: 'dist', assetsDir: 'assets', emptyOutDir: true },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
    },
  },
});

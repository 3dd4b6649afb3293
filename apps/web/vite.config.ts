import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves `/` and `/app/*` with index.html and `/assets/*` from dist/assets.
export default defineConfig({
  base: '/',
  plugins: [react()],
  // Vite's default chunk-size warning (500 kB) again, now that pages load per rule set (bench/bundle.bench.ts).
  build: { outDir: 'dist', assetsDir: 'assets', emptyOutDir: true },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
    },
  },
});

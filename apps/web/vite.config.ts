import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves `/` and `/app/*` with index.html and `/assets/*` from dist/assets.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', assetsDir: 'assets', emptyOutDir: true, chunkSizeWarningLimit: 1200 },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/healthz': 'http://127.0.0.1:8080',
    },
  },
});

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './build/precompress';

const API = process.env.TOUMING_API_URL ?? 'http://localhost:4000';

// The API serves the built console at `/`; during development Vite serves it and proxies the API paths.
export default defineConfig({
  plugins: [react(), precompress()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1600,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/graphql', '/healthz', '/readyz', '/download'].map((p) => [p, { target: API, changeOrigin: true }])),
  },
  preview: { port: 4173 },
});

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `pnpm dev` proxies /graphql to a running API (API_URL, default http://127.0.0.1:4000).
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  server: { port: 5180, strictPort: false, proxy: { '/graphql': apiUrl, '/health': apiUrl } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
  },
});

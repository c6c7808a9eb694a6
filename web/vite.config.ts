// The console's build: served by cellhub at /console from web/dist (src/console/static.routes.ts).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 600 },
  // `npm run dev` in web/: the API calls go to a cellhub started beside it.
  server: { proxy: { '^/(console/api|enterprise|connect-api|operator|auth)': 'http://127.0.0.1:3000' } },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react-swc';
import { defineConfig, type ProxyOptions } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../..', import.meta.url));
const api = process.env.HUB_API_URL ?? 'http://localhost:3000';

const proxy: Record<string, ProxyOptions> = {
  '/api': { target: api, changeOrigin: true },
  '/health': { target: api, changeOrigin: true },
  '/socket.io': { target: api, changeOrigin: true, ws: true },
};

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // The vocabulary and view types the server compiles against too (libs/contracts: no imports, safe in a browser).
  resolve: { alias: { '@hub/contracts': `${repo}libs/contracts/src/index.ts` } },
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1400,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|rc-[^\\/]+|@rc-component)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy, fs: { allow: [repo] } },
  preview: { port: 4173, proxy },
});

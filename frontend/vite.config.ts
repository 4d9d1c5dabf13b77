import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';

const distDir = fileURLToPath(new URL('./dist', import.meta.url));

// Vite empties dist/ before each build, which deletes dist/.gitkeep (tracked by git so that
// `go build` works before the frontend is built). Put it back once the bundle is written.
function keepDistGitkeep(): Plugin {
  return {
    name: 'civisphere-keep-dist-gitkeep',
    apply: 'build',
    closeBundle() {
      mkdirSync(distDir, { recursive: true });
      writeFileSync(`${distDir}/.gitkeep`, '');
    },
  };
}

// Where `npm run dev:browser` sends /api: a `civisphere serve --addr 127.0.0.1:8090` beside Vite.
// Under `wails dev` it is unset: the window's requests reach Vite first and Wails hands those Vite
// answers 404 to the Go handler, so /api must get a plain 404 here (not the SPA fallback).
const apiTarget = process.env.CIVISPHERE_API_URL;

function apiFallsThroughToWails(): Plugin {
  return {
    name: 'civisphere-api-falls-through-to-wails',
    apply: 'serve',
    configureServer(server) {
      if (apiTarget) return;
      server.middlewares.use((req, res, next) => {
        if (req.url?.startsWith('/api/')) {
          res.statusCode = 404;
          res.end();
          return;
        }
        next();
      });
    },
  };
}

// Same policy as the Go server, so `npm run preview` catches CSP mistakes (inline scripts, eval).
const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'";

export default defineConfig({
  plugins: [vue(), keepDistGitkeep(), apiFallsThroughToWails()],
  define: {
    // vue-i18n feature flags: composition API only, JIT message compilation (no eval), no devtools.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: distDir,
    emptyOutDir: true,
    // The app is loaded from the local binary, never over a slow network: a few hundred kB
    // chunks are fine. naive-ui gets its own chunk so that app changes do not bust its cache.
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(naive-ui|vueuc|vooks|css-render|@css-render|seemly|treemate|vdirs|evtd|date-fns|date-fns-tz|lodash-es|async-validator)\//.test(id)) {
            return 'naive-ui';
          }
          // Only the diagnostic's result page draws charts: ECharts loads with it, not at start.
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          return 'vendor';
        },
      },
    },
  },
  server: {
    proxy: apiTarget ? { '/api': apiProxy(apiTarget) } : undefined,
  },
  preview: {
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
    proxy: { '/api': apiProxy('http://127.0.0.1:8090') },
  },
});

/**
 * The proxy to a `civisphere serve` during development. The server answers only its own Host
 * name and refuses writes whose Origin is another site, so the proxy presents the request as
 * coming from the server's own address (the browser still talks to Vite only).
 */
function apiProxy(target: string) {
  return {
    target,
    changeOrigin: true,
    configure(proxy: { on(event: 'proxyReq', listener: (req: { getHeader(name: string): unknown; setHeader(name: string, value: string): void }) => void): void }) {
      proxy.on('proxyReq', (req) => {
        if (req.getHeader('origin')) req.setHeader('origin', new URL(target).origin);
      });
    },
  };
}

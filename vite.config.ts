import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));

/**
 * Mantine's styles per component, in the chunk that uses the component (decision 105): each component of
 * @mantine/core imports its class names from `X.module.mjs`; the build adds, to that module, the import of the
 * component's own stylesheet (`@mantine/core/styles/X.layer.css`, the same rules as in the whole `styles.css`), so a
 * page gets the styles of the components it shows, in their dependency order, and nothing else. The `.layer`
 * files put Mantine's rules in the `mantine` CSS layer, so the app's own rules win whatever order the chunks'
 * stylesheets arrive in. The development server (whose dependencies are pre-bundled) takes the whole stylesheet
 * (`src/web/app/providers.tsx`).
 *
 * Leaflet's stylesheet names five images (markers, layer switcher) the app never shows; the build would inline them
 * in the first map's styles (~4 kB): their rules are dropped.
 */
function lighterStyles(): Plugin {
  const mantineModule = /[\\/]@mantine[\\/]core[\\/]esm[\\/].*[\\/](\w+)\.module\.mjs$/;
  return {
    name: 'smart-rural:lighter-styles',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      const component = mantineModule.exec(id)?.[1];
      if (component) return { code: `import '@mantine/core/styles/${component}.layer.css';\n${code}`, map: null };
      if (/[\\/]leaflet[\\/]dist[\\/]leaflet\.css$/.test(id)) {
        return { code: code.replace(/[^{}]*\{[^{}]*url\(images\/[^{}]*\}/g, ''), map: null };
      }
      return null;
    },
  };
}

/** The web app: built into dist/web, which the Fastify server serves; in development /api goes to that server. */
export default defineConfig({
  root: webRoot,
  plugins: [
    react(),
    lighterStyles(),
    // Each file also as .br and .gz, written once at build time; the server sends the one the browser accepts
    // (@fastify/static `preCompressed`), so no request pays for compression.
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      include: /\.(js|css|html|json|svg|txt)$/,
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|use-sync-external-store)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});

/**
 * Vite configuration of the members' web app. The root is `app/`; the SDK (`../sdk`) is bundled from
 * its TypeScript sources. `base: "./"` makes the static build work from any path (hash routing).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const appDir = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: appDir,
  base: "./",
  plugins: [react()],
  // Only VITE_CONCORD_* variables reach the browser bundle (see app/README.md).
  envPrefix: "VITE_CONCORD_",
  server: {
    host: "127.0.0.1",
    port: 5173,
    // The SDK lives outside app/.
    fs: { allow: [path.resolve(appDir, "..")] },
  },
  preview: { host: "127.0.0.1", port: 5173 },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
});

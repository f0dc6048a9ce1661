/**
 * Vite configuration of the members' web app. The root is `app/`; the SDK (`../sdk`) is bundled from
 * its TypeScript sources. `base: "./"` makes the static build work from any path (hash routing).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const appDir = path.dirname(fileURLToPath(import.meta.url));

/** The SDK's governance module, but its error messages (every refusal is decoded with them) and its stage rules (the dashboard shows stages). */
const governanceSdk = /[\\/]sdk[\\/]governance[\\/](?!errors\.ts|stage\.ts)/;

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
    rolldownOptions: {
      // Their top-level code only computes constants (role hashes, merged ABIs): nothing to run unless used.
      treeshake: { moduleSideEffects: (id: string) => (governanceSdk.test(id) ? false : undefined) },
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          // The SDK's governance module (but its error messages, which every refusal decodes with) goes
          // with the governance pages: the SDK client imports it, so it would otherwise land in a chunk of
          // the first load.
          groups: [{ name: "governance-sdk", test: governanceSdk }],
        },
      },
    },
  },
});

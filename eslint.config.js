import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "artifacts/",
      "cache/",
      "types/",
      "coverage/",
      "sdk/generated/",
      ".tmp/",
      "app/dist/",
      "sdk/dist/",
      // The API reference npm run sdk:docs writes.
      "sdk/docs/",
      // Written by Ponder (its codegen), kept as it writes it.
      "indexer/ponder-env.d.ts",
      "indexer/.ponder/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // The members' web app runs in the browser and takes ABIs and addresses through the SDK.
    files: ["app/src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*"], message: "app/src runs in the browser: no Node.js modules." },
            {
              group: ["**/sdk/generated/*"],
              message: "Import ABIs and deployments through the SDK (sdk/index.ts, getDeployment).",
            },
          ],
        },
      ],
    },
  },
);

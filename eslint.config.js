// ESLint 9 flat config. `npm run lint` runs it with `prettier --check`; formatting is
// Prettier's job, so eslint-config-prettier (last) turns off every rule that would fight it.
// The layers' import boundaries (docs/architecture.md) are the `import-x/no-restricted-paths`
// zones below.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const ROOT = import.meta.dirname;

/** A zone of `import-x/no-restricted-paths`: files under `target` may not import from `from`. */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "node_modules/**",
      ".cache/**",
      "test-results/**",
      "bench/results/**",
      "db/data/**",
      "db/backups/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{js,mjs,cjs,jsx,ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ["**/*.{jsx,tsx}"],
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    languageOptions: { ...react.configs.flat.recommended.languageOptions, globals: { ...globals.browser } },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      // Props are typed by TypeScript.
      "react/prop-types": "off",
      // Apostrophes and quotes in English text are fine in JSX; only the characters that are typos are errors.
      "react/no-unescaped-entities": ["error", { forbid: [">", "}"] }],
    },
  },
  {
    // The two long-standing hook rules; v7's React Compiler rules (set-state-in-effect, refs,
    // purity...) ask for rewrites of working components, not a lint pass: left off for now.
    files: ["**/*.{jsx,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  { files: ["**/*.{jsx,tsx}"], ...jsxA11y.flatConfigs.recommended },
  {
    files: ["**/*.{jsx,tsx}"],
    rules: {
      // A scrolling table sits in a focusable role="region" so keyboard users can scroll it (axe: scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["tabpanel", "region"] }],
      // Radio labels wrap the input and a <span><strong>text</strong></span>: look three levels deep for the text.
      "jsx-a11y/label-has-associated-control": ["error", { assert: "either", depth: 3 }],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Migrations are typed with Kysely<any> on purpose: frozen, they must not follow the current schema.
    files: ["db/migrations/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  // --- Layers: which code may import which (docs/architecture.md, "Layers") ---
  {
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs", ".json", ".d.ts"] })],
    },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          basePath: ROOT,
          zones: [
            zone("app/domain", "app", "app/domain is plain TypeScript: it imports only app/domain.", ["./domain"]),
            zone("app/domain", "db", "app/domain does not know the database."),
            zone(
              "app/models",
              "app",
              "app/models may import app/domain, app/db.server.ts, app/crypto.server.ts, app/change-feed.server.ts and other models only.",
              ["./domain", "./models", "./db.server.ts", "./crypto.server.ts", "./change-feed.server.ts"],
            ),
            zone("app/components", "app/models", "Components render data they are given; queries belong in loaders."),
            zone(
              "app/components",
              `${ROOT}/app/**/*.server.{ts,tsx}`,
              "Server-only code (*.server) is not for components.",
            ),
            zone(
              "app/routes",
              "app/routes",
              "A route does not import another route: move what they share out of app/routes.",
            ),
            zone("db/migrations", "app", "Migrations are frozen and never import app code."),
          ],
        },
      ],
    },
  },
  {
    // The domain has no framework, UI or database: data in, data out.
    files: ["app/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@remix-run/*",
                "react",
                "react-dom",
                "react/*",
                "react-dom/*",
                "recharts",
                "survey-react-ui",
                "kysely",
                "better-sqlite3",
                "pg",
              ],
              message: "app/domain is plain TypeScript: no framework, UI or database imports.",
            },
          ],
        },
      ],
    },
  },
  prettier,
);

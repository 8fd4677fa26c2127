// The build keeps src/ and migrations/ side by side under dist/ (migrations are
// imported by the app); this writes the contract's entry point, dist/main.js.
import { writeFileSync } from 'node:fs';

writeFileSync(new URL('../dist/main.js', import.meta.url), "import './src/main.js';\n");

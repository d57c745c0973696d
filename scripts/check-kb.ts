/** Build step: every built-in knowledge-base file must satisfy the schema (the runtime trusts them). */
import { BUILTIN_FILES, KbError, validateKbFile } from '../src/core/kb';

let failed = false;
for (const [name, data] of Object.entries(BUILTIN_FILES)) {
  try {
    validateKbFile(name, data);
  } catch (e) {
    if (!(e instanceof KbError)) throw e;
    console.error(`knowledge base: ${e.message}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);

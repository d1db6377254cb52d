// Checks a Dataspace Protocol message or answer as a connector receives it: {document, schema, jsonLd} on stdin. A
// JSON-LD document (jsonLd true) is compacted with the DSP context first (its own contexts processed, remote ones only
// from standards/); the version metadata is plain JSON. Prints {compacted, errors} (errors empty when it validates).
import { compact, validate, readStdin } from './dsp.mjs';

const { document, schema, jsonLd } = await readStdin();
try {
  const compacted = jsonLd ? await compact(document) : document;
  process.stdout.write(JSON.stringify({ compacted, errors: validate(compacted, schema) }));
} catch (e) {
  process.stdout.write(JSON.stringify({ compacted: null, errors: [`JSON-LD processing failed: ${e.message}`] }));
}

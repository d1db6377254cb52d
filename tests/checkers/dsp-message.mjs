// Checks Dataspace Protocol messages or answers as a connector receives them, one per line for as long as stdin stays
// open (a test process keeps one checker running: starting node and compiling the schemas per message took seconds on
// a busy machine): {document, schema, jsonLd} in, {compacted, errors} out (errors empty when it validates). A JSON-LD
// document (jsonLd true) is compacted with the DSP context first (its own contexts processed, remote ones only from
// standards/); the version metadata is plain JSON.
import { createInterface } from 'node:readline';
import { compact, validate } from './dsp.mjs';

async function check({ document, schema, jsonLd }) {
  try {
    const compacted = jsonLd ? await compact(document) : document;
    return { compacted, errors: validate(compacted, schema) };
  } catch (e) {
    return { compacted: null, errors: [`JSON-LD processing failed: ${e.message}`] };
  }
}

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  process.stdout.write(JSON.stringify(await check(JSON.parse(line))) + '\n');
}

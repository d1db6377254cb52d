// Dataspace Protocol 2025-1 checks shared by the scripts here: JSON-LD processing with the DSP contexts read from
// standards/ (never fetched; any other remote context is refused), compaction with the DSP context as DSP messages
// are sent, and ajv against the DSP JSON schemas.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import ContextResolver from 'jsonld/lib/ContextResolver.js';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const dsp = '../../standards/dsp-2025-1';
export const DSPACE = 'https://w3id.org/dspace/2025/1/';
const contexts = {
  [`${DSPACE}context.jsonld`]: join(dsp, 'context/dspace.jsonld'),
  [`${DSPACE}odrl-profile.jsonld`]: join(dsp, 'context/odrl.jsonld'),
};
export const documentLoader = async (url) => {
  if (!contexts[url]) throw new Error(`remote context not allowed: ${url}`);
  return { contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(contexts[url], 'utf8')) };
};

/**
 * The document expanded and compacted with the DSP context alone, its context written as DSP messages carry it (an
 * array). Each document gets contexts resolved afresh: jsonld's process-wide cache, reused across documents in one
 * process, expanded the DSP terms of a message with an inline @vocab context as ODRL terms after a dataset had been
 * processed (jsonld 9.0.0).
 */
export async function compact(document) {
  const contextResolver = new ContextResolver({ sharedCache: new Map() });
  const expanded = await jsonld.expand(document, { documentLoader, contextResolver });
  const message = await jsonld.compact(expanded, [`${DSPACE}context.jsonld`], { documentLoader, contextResolver });
  message['@context'] = [`${DSPACE}context.jsonld`];
  return message;
}

const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
for (const folder of ['common', 'catalog', 'negotiation']) {
  for (const file of readdirSync(join(dsp, folder)).filter(f => f.endsWith('.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(dsp, folder, file), 'utf8')));
  }
}

/** The schema's complaints about the document (empty when it validates); schema is a path under the DSP $id, e.g. catalog/catalog-schema.json. */
export function validate(document, schema) {
  const check = ajv.getSchema(`${DSPACE}${schema}`);
  if (!check) throw new Error(`no schema ${schema}`);
  return check(document) ? [] : check.errors.map(e => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

export async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

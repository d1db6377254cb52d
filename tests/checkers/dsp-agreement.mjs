// Wraps an ODRL agreement (JSON-LD with its own inline context) in a Dataspace Protocol 2025-1
// ContractAgreementMessage, compacts the message with the DSP context (read from standards/, never fetched), and
// validates it with ajv against the DSP JSON schemas. Reads {agreement, providerPid, consumerPid} on stdin; prints
// {message, errors} (errors empty when it validates).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const dsp = '../../standards/dsp-2025-1';
const DSPACE = 'https://w3id.org/dspace/2025/1/';
const contexts = {
  [`${DSPACE}context.jsonld`]: join(dsp, 'context/dspace.jsonld'),
  [`${DSPACE}odrl-profile.jsonld`]: join(dsp, 'context/odrl.jsonld'),
};
const documentLoader = async (url) => {
  if (!contexts[url]) throw new Error(`remote context not allowed: ${url}`);
  return { contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(contexts[url], 'utf8')) };
};

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { agreement, providerPid, consumerPid } = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const [policy] = await jsonld.expand(JSON.parse(agreement), { documentLoader });
const expanded = [{
  '@type': [`${DSPACE}ContractAgreementMessage`],
  [`${DSPACE}providerPid`]: [{ '@id': providerPid }],
  [`${DSPACE}consumerPid`]: [{ '@id': consumerPid }],
  [`${DSPACE}agreement`]: [policy],
}];
const message = await jsonld.compact(expanded, [`${DSPACE}context.jsonld`], { documentLoader });
// jsonld.js writes a one-element context array as a string; DSP messages carry it as an array (same meaning).
message['@context'] = [`${DSPACE}context.jsonld`];

const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
for (const folder of ['common', 'negotiation']) {
  for (const file of readdirSync(join(dsp, folder)).filter(f => f.endsWith('.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(dsp, folder, file), 'utf8')));
  }
}
const validate = ajv.getSchema(`${DSPACE}negotiation/contract-agreement-message-schema.json`);
const errors = validate(message) ? [] : validate.errors.map(e => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
process.stdout.write(JSON.stringify({ message, errors }));

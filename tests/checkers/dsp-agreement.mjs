// Wraps an ODRL agreement (JSON-LD with its own inline context) in a Dataspace Protocol 2025-1
// ContractAgreementMessage, compacts the message with the DSP context (read from standards/, never fetched), and
// validates it with ajv against the DSP JSON schemas. Reads {agreement, providerPid, consumerPid} on stdin; prints
// {message, errors} (errors empty when it validates).
import jsonld from 'jsonld';
import { DSPACE, documentLoader, compact, validate, readStdin } from './dsp.mjs';

const { agreement, providerPid, consumerPid } = await readStdin();
const [policy] = await jsonld.expand(JSON.parse(agreement), { documentLoader });
const message = await compact([{
  '@type': [`${DSPACE}ContractAgreementMessage`],
  [`${DSPACE}providerPid`]: [{ '@id': providerPid }],
  [`${DSPACE}consumerPid`]: [{ '@id': consumerPid }],
  [`${DSPACE}agreement`]: [policy],
}]);
process.stdout.write(JSON.stringify({ message, errors: validate(message, 'negotiation/contract-agreement-message-schema.json') }));

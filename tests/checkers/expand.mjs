// Reads a JSON-LD document on stdin and prints its expanded form (JSON-LD 1.1 expansion algorithm).
// Remote contexts are refused: the marketplace's documents must expand from their inline context alone.
import jsonld from 'jsonld';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const document = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const documentLoader = async (url) => { throw new Error(`remote context not allowed: ${url}`); };
const expanded = await jsonld.expand(document, { documentLoader, safe: true });
process.stdout.write(JSON.stringify(expanded));

// SHACL validation of a JSON-LD document: reads {document, shapes: [paths of Turtle files]} on stdin, converts the
// document to RDF with the JSON-LD processor (no remote contexts), validates it with rdf-validate-shacl against the
// shapes, and prints a JSON array of the results: [{severity, focusNode, path, message}] (empty when it conforms).
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { document, shapes } = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const documentLoader = async (url) => { throw new Error(`remote context not allowed: ${url}`); };
const nquads = await jsonld.toRDF(JSON.parse(document), { format: 'application/n-quads', documentLoader, safe: true });
const data = rdf.dataset(new Parser({ format: 'N-Quads' }).parse(nquads));
const shapeQuads = shapes.flatMap(file => new Parser({ format: 'Turtle' }).parse(readFileSync(file, 'utf8')));
const validator = new SHACLValidator(rdf.dataset(shapeQuads), { factory: rdf });
const report = await validator.validate(data);
process.stdout.write(JSON.stringify(report.results.map(r => ({
  severity: r.severity?.value.split('#')[1],
  focusNode: r.focusNode?.value,
  path: r.path?.value,
  message: r.message.map(m => m.value).join('; '),
}))));

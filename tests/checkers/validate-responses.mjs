// An OpenAPI 3.1 response validator: reads {documents: folder, exchanges: [{method, path, status, mediaType, body}]}
// on stdin and prints a JSON array of what the documents do not describe — an undocumented status, an undocumented
// media type, or a body that does not match its schema (ajv, JSON Schema 2020-12, as OpenAPI 3.1 uses).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { documents, exchanges } = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
for (const format of ['int32', 'int64', 'double', 'float']) ajv.addFormat(format, true);

const modules = {};
for (const file of readdirSync(documents).filter(f => f.endsWith('.json'))) {
  const module = file.replace('.json', '');
  const document = JSON.parse(readFileSync(join(documents, file), 'utf8'));
  const id = `https://openapi.marketplace.test/${module}.json`;
  ajv.addSchema({ ...document, $id: id });
  const operations = Object.entries(document.paths).map(([template, item]) => ({
    template, item, pattern: new RegExp('^' + template.replace(/\{[^}]+\}/g, '[^/]+') + '$'),
  }));
  modules[module] = { id, operations };
}

const pointer = (...parts) => parts.map(p => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
const failures = [];
for (const x of exchanges) {
  const name = `${x.method} ${x.path} → ${x.status}`;
  const module = modules[x.path.split('/')[2]];
  const operation = module?.operations.find(o => o.pattern.test(x.path));
  const method = x.method.toLowerCase();
  if (!operation || !operation.item[method]) { failures.push(`${name}: no such operation documented`); continue; }
  const responses = operation.item[method].responses ?? {};
  const key = [String(x.status), `${String(x.status)[0]}XX`, 'default'].find(k => responses[k]);
  if (!key) { failures.push(`${name}: status not documented for ${method.toUpperCase()} ${operation.template}`); continue; }
  const content = responses[key].content ?? {};
  if (x.body.length === 0) continue;
  const media = x.mediaType && content[x.mediaType];
  if (!media) { failures.push(`${name}: ${x.mediaType} not documented (documented: ${Object.keys(content).join(', ') || 'no body'})`); continue; }
  if (!media.schema || !/json/.test(x.mediaType)) continue;
  const validate = ajv.getSchema(`${module.id}#/${pointer('paths', operation.template, method, 'responses', key, 'content', x.mediaType, 'schema')}`);
  if (!validate(JSON.parse(x.body))) {
    failures.push(`${name}: body does not match its schema: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
  }
}
process.stdout.write(JSON.stringify(failures));

// Validates rendered Kubernetes manifests (multi-document YAML on stdin, e.g. `kubectl kustomize` output): built-in
// kinds against the Kubernetes API schemas of kubernetes-models (types, enums, required; not unknown fields), the
// operators' custom resources against the CRD schemas vendored in deploy/k8s/crds. An object with no schema is an error.
//   node validate-k8s.mjs CRD_FOLDER [JSON_OUT] < rendered.yaml
//   prints one line per object and "all valid" or "N invalid"; exit 1 on any error; JSON_OUT: the objects as a JSON array
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const [crdFolder, jsonOut] = process.argv.slice(2);
const ajv = new Ajv({ allErrors: true, strict: false });
// Kubernetes' integer formats: the type is what is checked.
ajv.addFormat("int32", true);
ajv.addFormat("int64", true);
const custom = new Map();
for (const name of readdirSync(crdFolder).filter((n) => n.endsWith(".json"))) {
  const crd = JSON.parse(readFileSync(join(crdFolder, name), "utf8"));
  custom.set(`${crd.apiVersion}/${crd.kind}`, ajv.compile(crd.schema));
}

let failed = 0;
const objects = parseAllDocuments(readFileSync(0, "utf8")).map((d) => d.toJS()).filter(Boolean);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(objects));
for (const object of objects) {
  const id = `${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
  const errors = await validate(object);
  if (errors.length) failed++;
  console.log(errors.length ? `INVALID ${id}\n  ${errors.join("\n  ")}` : `valid ${id}`);
}
console.log(failed ? `${failed} invalid` : "all valid");
process.exit(failed ? 1 : 0);

async function validate(object) {
  const check = custom.get(`${object.apiVersion}/${object.kind}`);
  if (check) {
    return check(object) ? [] : check.errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  }
  const module = `kubernetes-models/${object.apiVersion}/${object.kind}`;
  let model;
  try {
    model = (await import(module))[object.kind];
  } catch {
    return [`no schema: neither a Kubernetes kind (${module}) nor a vendored CRD`];
  }
  try {
    new model(object).validate();
    return [];
  } catch (error) {
    return (error.errors ?? [error]).map((e) => `${e.instancePath ?? ""} ${e.message} ${e.params ? JSON.stringify(e.params) : ""}`);
  }
}

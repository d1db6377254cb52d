// Turns a rendered overlay (`kubectl kustomize deploy/k8s/overlays/dev`) into what podman 4.3's `kube play` runs on
// one machine, changing only what a cluster provides and podman does not:
//  - the Deployments and their ConfigMap are kept; Services, Ingress, NetworkPolicies, PodDisruptionBudgets and the
//    operators' resources are dropped (listed on stderr): host networking stands in for the Services, the given
//    PostgreSQL and RabbitMQ for the operators' clusters;
//  - every pod on the host's network, each target on its own port (a Service's name becomes 127.0.0.1:port), no
//    declared container ports (podman would map them, which host networking refuses);
//  - the operators' database and broker addresses become the given ones (podman 4.3 does not expand "$(VAR)" in env
//    values, so the credentials are written in; they also go into podman secrets of the operators' names, which the
//    Deployments' secretKeyRef entries read);
//  - Secret volumes (podman 4.3 crashes on them) become hostPath folders holding the same items, copied from
//    SECRETS/<secret name>/<key>.
//   node kube-play.mjs PLAN.json < rendered.yaml > play.yaml
//   PLAN: { "ports": { "<target>": port }, "postgres": { "host", "port", "username", "password" },
//           "rabbitmq": { "host", "port", "username", "password" }, "image", "secrets", "volumes" }
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments, stringify } from "yaml";

const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
const objects = parseAllDocuments(readFileSync(0, "utf8")).map((d) => d.toJS()).filter(Boolean);
const address = (target) => {
  const port = plan.ports[target];
  if (!port) throw new Error(`no port planned for ${target}`);
  return `http://127.0.0.1:${port}`;
};
// A Service's address inside the cluster ("http://catalog-service:8080") becomes the target's own port.
const local = (value) => value.replace(/http:\/\/([a-z]+)-service:8080/g, (_, target) => address(target));
const expand = { PG_USER: plan.postgres.username, PG_PASSWORD: plan.postgres.password,
  RMQ_USER: plan.rabbitmq.username, RMQ_PASSWORD: plan.rabbitmq.password };

const kept = [];
for (const object of objects) {
  if (object.kind === "ConfigMap") {
    object.data = Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, local(v)]));
    object.data.Marketplace__PublicBaseUrl = address("gateway");
    kept.push(object);
  } else if (object.kind === "Deployment") {
    kept.push(deployment(object));
  } else {
    console.error(`[kube-play] not played (the cluster's part): ${object.kind} ${object.metadata.name}`);
  }
}
process.stdout.write(kept.map((o) => stringify(o)).join("---\n"));

function deployment(object) {
  const pod = object.spec.template.spec;
  const container = pod.containers[0];
  const target = container.args[container.args.indexOf("--target") + 1];
  const port = plan.ports[target];
  pod.hostNetwork = true;
  container.image = plan.image;
  delete container.ports; // podman 4.3 maps declared ports, which host networking refuses; the probes name the port
  for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
    if (container[probe]?.httpGet) container[probe].httpGet.port = port;
  }
  container.env = container.env.map((variable) => {
    if (variable.value === undefined) return variable;
    let value = variable.value.replace(/\$\(([A-Z_]+)\)/g, (_, name) => expand[name] ?? `$(${name})`);
    if (variable.name === "Marketplace__Database__Postgres") {
      value = value.replace("Host=marketplace-db-rw;Port=5432", `Host=${plan.postgres.host};Port=${plan.postgres.port}`)
        .replace("SSL Mode=Require", "SSL Mode=Disable");
    }
    if (variable.name === "Marketplace__Bus__RabbitMqUri") {
      value = value.replace("@marketplace-mq:5672/", `@${plan.rabbitmq.host}:${plan.rabbitmq.port}/`);
    }
    return { name: variable.name, value };
  });
  container.env.push({ name: "ASPNETCORE_URLS", value: `http://127.0.0.1:${port}` });
  pod.volumes = pod.volumes.map((volume) => {
    if (!volume.secret) return volume;
    const folder = join(plan.volumes, object.metadata.name, volume.name);
    mkdirSync(folder, { recursive: true });
    for (const item of volume.secret.items) {
      copyFileSync(join(plan.secrets, volume.secret.secretName, item.key), join(folder, item.path));
    }
    return { name: volume.name, hostPath: { path: folder, type: "Directory" } };
  });
  return object;
}

// Validates Kubernetes objects against the published schemas of their kinds, strictly.
//
// Usage: node validate.mjs OBJECTS.json   (a JSON array of objects, as kubectl kustomize renders them)
// Prints {"problems": [...], "unvalidated": [...]}: schema violations, and objects whose kind no package here models.
//
// The schemas are the kubernetes-models packages from the npm registry (pinned in package-lock.json): core kinds
// generated from the Kubernetes OpenAPI, custom resources from the operators' CRDs. Their validators check types,
// enums, patterns and required fields but, like the API server's schemas, accept unknown fields (the server prunes
// them silently, which is how a typo in a manifest gets lost). So every object is validated through a proxy that
// records which fields the validator looked at: a compiled validator reads every declared property of an object it
// knows, present or not, and enumerates free-form maps. A field of a typed object that the validator never read is
// not in the schema, and is reported. Objects the validator neither read nor enumerated are free-form
// (x-kubernetes-preserve-unknown-fields) and are accepted as the API server would.
import { readFileSync } from "node:fs";

const PACKAGES = ["kubernetes-models", "@kubernetes-models/gateway-api", "@kubernetes-models/strimzi-kafka-operator",
  "@kubernetes-models/cloudnative-pg", "@kubernetes-models/keda", "@kubernetes-models/prometheus-operator"];

const models = new Map();
function collect(namespace, seen) {
  if (!namespace || seen.has(namespace)) return;
  seen.add(namespace);
  for (const value of Object.values(namespace)) {
    if (typeof value === "function" && value.apiVersion && value.kind && typeof value.prototype.validate === "function") {
      models.set(`${value.apiVersion}/${value.kind}`, value);
    } else if (value && typeof value === "object") {
      collect(value, seen);
    }
  }
}
const seen = new Set();
for (const name of PACKAGES) collect(await import(name), seen);

function tracked(value, path, log) {
  if (Array.isArray(value)) {
    return new Proxy(value, {
      get(target, key, receiver) {
        const item = Reflect.get(target, key, receiver);
        return typeof key === "string" && /^\d+$/.test(key) ? tracked(item, `${path}/${key}`, log) : item;
      },
    });
  }
  if (!value || typeof value !== "object") return value;
  const entry = log.get(path) ?? { object: value, read: new Set(), enumerated: false };
  log.set(path, entry);
  return new Proxy(value, {
    get(target, key, receiver) {
      const field = Reflect.get(target, key, receiver);
      if (typeof key !== "string") return field;
      entry.read.add(key);
      return tracked(field, `${path}/${key}`, log);
    },
    has(target, key) {
      if (typeof key === "string") entry.read.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      entry.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
const problems = [];
const unvalidated = [];
for (const object of objects) {
  const id = `${object.kind}/${object.metadata?.name}`;
  const model = models.get(`${object.apiVersion}/${object.kind}`);
  if (!model) {
    unvalidated.push(`${object.apiVersion}/${object.kind}/${object.metadata?.name}`);
    continue;
  }
  const log = new Map();
  try {
    model.prototype.validate.call(tracked(object, "", log));
  } catch (error) {
    for (const e of error.errors ?? [{ instancePath: "", message: String(error) }]) {
      problems.push(`${id}: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params ?? {})}`);
    }
  }
  for (const [path, { object: node, read, enumerated }] of log) {
    if (enumerated || read.size === 0 || Array.isArray(node)) continue;
    for (const key of Object.keys(node)) {
      if (!read.has(key)) problems.push(`${id}: ${path}/${key} is not a field of ${object.apiVersion} ${object.kind}`);
    }
  }
}
console.log(JSON.stringify({ problems: [...new Set(problems)], unvalidated, kinds: models.size }));

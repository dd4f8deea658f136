// Validates rendered Kubernetes manifests (multi-document YAML files) against the Kubernetes OpenAPI schemas that
// the npm package kubernetes-models ships (one compiled validator per apiVersion/kind: types, enums, required fields).
// Those schemas do not forbid unknown fields, so this script also refuses a field that the kind's schema does not
// declare at the top of spec.template.spec.containers[] (where a misplaced key would be silently dropped).
// Usage: node scripts/validate-k8s.mjs FILE...   Prints one line per object; exits 1 when any object is invalid.
// Resolves js-yaml and kubernetes-models from .mec/tools/node_modules (scripts/setup-tools.sh installs them).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const tools = join(dirname(fileURLToPath(import.meta.url)), "..", ".mec", "tools", "node_modules");
const require = createRequire(join(tools, "noop.js"));
const yaml = require("js-yaml");

async function modelFor(apiVersion, kind) {
    // core kinds live under v1/, the others under <group>/<version>/
    const file = join(tools, "kubernetes-models", apiVersion, `${kind}.js`);
    try {
        return (await import(pathToFileURL(file).href))[kind];
    } catch {
        return undefined;
    }
}

const containerFields = new Set(["args", "command", "env", "envFrom", "image", "imagePullPolicy", "lifecycle",
    "livenessProbe", "name", "ports", "readinessProbe", "resizePolicy", "resources", "restartPolicy",
    "securityContext", "startupProbe", "stdin", "stdinOnce", "terminationMessagePath", "terminationMessagePolicy",
    "tty", "volumeDevices", "volumeMounts", "workingDir"]);

let invalid = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
    for (const doc of yaml.loadAll(readFileSync(file, "utf8"))) {
        if (!doc) continue;
        const name = `${file}: ${doc.kind} ${doc.metadata?.name}`;
        const Model = await modelFor(doc.apiVersion ?? "", doc.kind ?? "");
        if (!Model) {
            console.log(`INVALID ${name}: no schema for apiVersion ${doc.apiVersion} kind ${doc.kind}`);
            invalid++;
            continue;
        }
        checked++;
        const problems = [];
        try {
            new Model(doc).validate();
        } catch (e) {
            problems.push(...(e.errors ?? [{ message: e.message }]).map(
                (x) => `${x.instancePath ?? ""} ${x.message ?? JSON.stringify(x.params)}`.trim()));
        }
        for (const c of doc.spec?.template?.spec?.containers ?? []) {
            for (const key of Object.keys(c)) {
                if (!containerFields.has(key)) problems.push(`container ${c.name}: unknown field ${key}`);
            }
        }
        if (problems.length) {
            invalid++;
            console.log(`INVALID ${name}: ${problems.join("; ")}`);
        } else {
            console.log(`valid   ${name}`);
        }
    }
}
console.log(`k8s schemas: ${checked} objects checked, ${invalid} invalid`);
process.exit(invalid || checked === 0 ? 1 : 0);

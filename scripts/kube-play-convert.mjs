// Turns the rendered chart (helm template) into what `podman kube play` of Podman 4.3 runs on one machine without a
// cluster, keeping every object it can take as it is. What it changes, and why (each read in Podman v4.3.1's
// pkg/domain/infra/abi/play.go and pkg/specgen/generate/kube/{kube,volume}.go):
//   - Service: kube play has no Services (logged "Kube kind Service not supported" and skipped). Dropped; every pod
//     runs on the host network instead (check-kube-play.sh also passes `--network host`, so kube play creates no
//     network of its own), and OUT_DIR/hosts names every Service (<name>, <name>.<namespace>, <name>.<namespace>.svc,
//     <name>.<namespace>.svc.cluster.local) as 127.0.0.1: check-kube-play.sh makes it the base hosts file of the
//     containers (containers.conf base_hosts_file), so the addresses the chart renders between pods resolve.
//     hostAliases would not do: in a host-network pod they reach only the infra container's /etc/hosts, not the
//     other containers' (libpod/container_internal_common.go: a container joins the infra's hosts file only when it
//     shares its network namespace). Nor would kube play's default network: its DNS needs the dnsname CNI plugin or
//     aardvark-dns, neither installed here.
//   - containers[].ports: kube play publishes every container port as the same host port, and a pod on the host
//     network refuses port mappings ("cannot set host network if network-related configuration is specified").
//     Dropped; the containers listen on the host's ports directly, so the chart's ports must be free there.
//   - livenessProbe: made a Podman healthcheck `curl -f http://localhost:<port><path> || exit 1` that restarts the
//     container when it fails, with the named port `http` read as 0, and the images have no curl: it could only
//     fail. (Its systemd timer needs systemd over D-Bus; without it the timer is not made and an error logged.)
//     readinessProbe and startupProbe are not read by kube play. All three are dropped;
//     scripts/check-kube-play.sh polls /q/health/ready itself.
//   - Secret: kube play stores the whole object (YAML) in Podman's secret store, but envFrom.secretRef and
//     env.valueFrom.secretKeyRef read that store as a JSON map of base64 values, which the stored YAML is not
//     (fixed in Podman 4.4, containers/podman#16269); a secret volume dereferences its unset `optional` and mounts
//     the base64 text instead of the data. So each Secret is written to OUT_DIR/secrets/<name>.json as that JSON
//     map (scripts/check-kube-play.sh creates it with `podman secret create`), and each Secret a pod mounts also
//     becomes a ConfigMap of its decoded data, mounted as a configMap volume instead.
// ConfigMaps, Deployments (one pod per replica) and the PersistentVolumeClaim (a named volume) pass unchanged.
// Usage: node scripts/kube-play-convert.mjs RENDERED.yaml OUT_DIR
//   writes OUT_DIR/kube-play.yaml, OUT_DIR/hosts, OUT_DIR/secrets/<name>.json, OUT_DIR/volumes (the named volumes kube play will
//   make: one per PersistentVolumeClaim and per ConfigMap a pod mounts; `kube down` leaves them), and prints one
//   line per object: what became of it.
// Resolves js-yaml from .mec/tools/node_modules (scripts/setup-tools.sh installs it).
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const tools = join(dirname(fileURLToPath(import.meta.url)), "..", ".mec", "tools", "node_modules");
const require = createRequire(join(tools, "noop.js"));
const yaml = require("js-yaml");

const [input, outDir] = process.argv.slice(2);
if (!input || !outDir) {
    console.error("usage: node scripts/kube-play-convert.mjs RENDERED.yaml OUT_DIR");
    process.exit(2);
}
const namespace = process.env.KUBE_NAMESPACE || "default";
const docs = yaml.loadAll(readFileSync(input, "utf8")).filter(Boolean);

const serviceNames = docs.filter((d) => d.kind === "Service").map((d) => d.metadata.name);
const hostnames = serviceNames.flatMap((n) => [n, `${n}.${namespace}`, `${n}.${namespace}.svc`,
    `${n}.${namespace}.svc.cluster.local`]);
const secrets = new Map(docs.filter((d) => d.kind === "Secret").map((d) => [d.metadata.name, d]));
const mountedSecrets = new Set();
const volumes = new Set();

function podSpecOf(doc) {
    return doc.kind === "Deployment" ? doc.spec.template.spec : doc.kind === "Pod" ? doc.spec : undefined;
}

const out = [];
mkdirSync(join(outDir, "secrets"), { recursive: true });
for (const doc of docs) {
    const what = `${doc.kind} ${doc.metadata?.name}`;
    if (doc.kind === "Service") {
        console.log(`dropped    ${what}: no Services in kube play; its names are 127.0.0.1 in the hosts file`);
        continue;
    }
    if (doc.kind === "Secret") {
        writeFileSync(join(outDir, "secrets", `${doc.metadata.name}.json`), JSON.stringify(doc.data ?? {}));
        console.log(`secret     ${what}: secrets/${doc.metadata.name}.json for podman secret create`);
        continue;
    }
    const spec = podSpecOf(doc);
    if (spec) {
        spec.hostNetwork = true;
        for (const c of spec.containers ?? []) {
            delete c.ports;
            delete c.livenessProbe;
            delete c.readinessProbe;
            delete c.startupProbe;
        }
        for (const v of spec.volumes ?? []) {
            if (v.persistentVolumeClaim) volumes.add(v.persistentVolumeClaim.claimName);
            if (v.configMap) volumes.add(v.configMap.name);
            if (v.secret) {
                const name = v.secret.secretName;
                if (!secrets.has(name)) throw new Error(`${what} mounts Secret ${name}, which the chart did not render`);
                mountedSecrets.add(name);
                volumes.add(name);
                v.configMap = { name };
                delete v.secret;
            }
        }
        console.log(`changed    ${what}: host network, no container ports, no probes`);
    } else if (doc.kind === "ConfigMap" || doc.kind === "PersistentVolumeClaim") {
        console.log(`kept       ${what}`);
    } else {
        throw new Error(`${what}: not a kind this conversion knows what Podman 4.3 does with`);
    }
    out.push(doc);
}
for (const name of mountedSecrets) {
    const data = Object.fromEntries(Object.entries(secrets.get(name).data ?? {})
        .map(([k, v]) => [k, Buffer.from(v, "base64").toString("utf8")]));
    out.unshift({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data });
    console.log(`added      ConfigMap ${name}: the decoded data of Secret ${name}, for the pods that mount it`);
}
writeFileSync(join(outDir, "hosts"), `127.0.0.1 localhost\n::1 localhost\n127.0.0.1 ${hostnames.join(" ")}\n`);
writeFileSync(join(outDir, "volumes"), [...volumes].map((v) => `${v}\n`).join(""));
writeFileSync(join(outDir, "kube-play.yaml"), out.map((d) => yaml.dump(d, { lineWidth: -1 })).join("---\n"));

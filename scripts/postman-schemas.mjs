#!/usr/bin/env node
// Turns components.schemas of the shipped ETSI OpenAPI files (mp1-api/src/main/resources/etsi-openapi/) into JSON
// Schemas that the Postman sandbox validates with (pm.response.to.have.jsonSchema: Ajv 6, JSON Schema draft-07), and
// writes them as a newman globals file. The Postman collections' shared helper (etsi.body in each collection's test
// script) reads them from the global variable "etsiSchemas".
//
// Usage: node scripts/postman-schemas.mjs <out.globals.json> [<served openapi.json> ...]
//
// "etsiSchemas" is a JSON object keyed by the first segment of each file's servers URL (the API name of its paths,
// e.g. "mec_app_support"): { file, etsi: true, version, definitions } where definitions holds every
// components.schemas entry of that file, its "#/components/schemas/X" refs rewritten to "#/definitions/X" so that a
// schema { definitions, $ref-ing one of them } is self-contained.
//
// The EdgeMEC extensions (relocation API, edge proxy control, provisioning, app_moves, mec hosts) are no ETSI
// resources. Each <served openapi.json> (a service's GET /q/openapi?format=json, fetched by scripts/run-newman.sh)
// adds the first path segments it serves that no ETSI file claims (e.g. "app_lcm_ext"), with that document's
// components.schemas, converted the same way but without artefact fixes: { file: "/q/openapi of <title>", etsi: false,
// definitions }.
//
// The files are OpenAPI 3.1 (JSON Schema 2020-12). The schemas use only keywords that mean the same in draft-07
// except one: beside a $ref, draft-07 ignores every other keyword, so a $ref with siblings becomes
// { allOf: [{ $ref }], ...siblings }. Annotations (description, example, title, x-*) are dropped: they do not
// validate and they would make the globals file several times larger.
//
// The V3 files are generated from the specification text and carry generator artefacts. ARTEFACT_FIXES below
// corrects them before conversion; it is the table of mp1-api's ArtefactFixes (src/test/java/org/edgemec/mp1api/
// spec/ArtefactFixes.java), whose tests show the evidence for each fix, plus fixes found by the Postman checks
// (marked "found by newman"). A fix that matches nothing in any file fails this script: a stale table must not pass
// silently.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SPEC_DIR = join(ROOT, 'mp1-api/src/main/resources/etsi-openapi');
const [out, ...served] = process.argv.slice(2);
if (!out) {
    console.error('usage: postman-schemas.mjs <out.globals.json> [<served openapi.json> ...]');
    process.exit(2);
}
// js-yaml is installed with newman by scripts/setup-tools.sh, into .mec/tools.
const yaml = createRequire(join(ROOT, '.mec/tools/node_modules/'))('js-yaml');

const AS = 'MecAppSupportApi.yaml';
const SM = 'MecServiceMgmtApi.yaml';
const AMS = 'MEC021_AppMobilityService.yaml';
const PKGM = 'MEC01002_AppPkgMgmt.yaml';
const LCM = 'MEC01002_AppLcm.yaml';
const GR = 'MEC01002_AppGrant.yaml';
const ALL = '*';

const GRANT_TYPES = ['OAUTH2_AUTHORIZATION_CODE', 'OAUTH2_IMPLICIT_GRANT', 'OAUTH2_RESOURCE_OWNER',
    'OAUTH2_CLIENT_CREDENTIALS'];
const ACTIONS = ['DROP', 'FORWARD_DECAPSULATED', 'FORWARD_ENCAPSULATED', 'PASSTHROUGH', 'DUPLICATE_DECAPSULATED',
    'DUPLICATE_ENCAPSULATED'];
const OP_STATES = ['STARTING', 'PROCESSING', 'COMPLETED', 'FAILED', 'FAILED_TEMP'];
const LCM_OPS = ['INSTANTIATE', 'OPERATE', 'TERMINATE'];
const ACTIVE = ['ACTIVE', 'INACTIVE'];
const ENABLED = ['ENABLED', 'DISABLED'];
const INST_STATES = ['NOT_INSTANTIATED', 'STARTED', 'STOPPED'];
const UINT32 = { type: 'integer', format: 'uint32' };
const STRINGS = { type: 'array', items: { type: 'string' } };

// [file, path (schema name + "/"-separated path inside it), op, value, why]. ops: enum = replace the enum of the
// node at path; set = replace (or add) the node at path; remove = remove the node at path.
const ARTEFACT_FIXES = [
    // placeholder enums: [SEE_DESCRIPTION] or a single value; the real values are in the description and in V2.x
    [ALL, 'OAuth2Info/properties/grantTypes/items', 'enum', GRANT_TYPES, '[SEE_DESCRIPTION]'],
    [ALL, 'TrafficRule/properties/filterType', 'enum', ['FLOW', 'PACKET'], '[SEE_DESCRIPTION]'],
    [ALL, 'TrafficRule/properties/action', 'enum', ACTIONS, 'only DUPLICATE_ENCAPSULATED'],
    [ALL, 'TrafficRule/properties/state', 'enum', ACTIVE, '[SEE_DESCRIPTION]'],
    [ALL, 'DnsRule/properties/ipAddressType', 'enum', ['IP_V6', 'IP_V4'], '[SEE_DESCRIPTION]'],
    [ALL, 'DnsRule/properties/state', 'enum', ACTIVE, '[SEE_DESCRIPTION]'],
    [ALL, 'CurrentTime/properties/timeSourceStatus', 'enum', ['TRACEABLE', 'NONTRACEABLE'], 'enum is [source]'],
    [ALL, 'AppTerminationNotification/properties/operationAction', 'enum', ['STOPPING', 'TERMINATING'],
        'only TERMINATING'],
    [ALL, 'AppTerminationConfirmation/properties/operationAction', 'enum', ['STOPPING', 'TERMINATING'],
        '[SEE_DESCRIPTION]; the description has the typo STOPPPING'],
    [ALL, 'DestinationInterface/properties/interfaceType', 'enum', ['TUNNEL', 'MAC', 'IP'], '[SEE_DESCRIPTION]'],
    [ALL, 'TunnelInfo/properties/tunnelType', 'enum', ['GTP_U', 'GRE'],
        '[SEE_DESCRIPTION]; MEC 010-2 text says GTP-U, MEC 011 and its V2.1.1 say GTP_U: GTP_U kept'],
    [ALL, 'ServiceReferences/properties/changeType', 'enum',
        ['ADDED', 'REMOVED', 'STATE_CHANGED', 'ATTRIBUTES_CHANGED'], '[SEE_DESCRIPTION]'],
    [ALL, 'TrafficRuleDescriptor/properties/filterType', 'enum', ['FLOW', 'PACKET'], '[SEE_DESCRIPTION]'],
    [ALL, 'TrafficRuleDescriptor/properties/action', 'enum', ACTIONS, '[SEE_DESCRIPTION]'],
    [ALL, 'InterfaceDescriptor/properties/interfaceType', 'enum', ['TUNNEL', 'MAC', 'IP'], '[SEE_DESCRIPTION]'],
    [ALL, 'DNSRuleDescriptor/properties/ipAddressType', 'enum', ['IP_V6', 'IP_V4'], 'only IP_V4'],
    [ALL, 'ConnectivityType/properties/layerProtocol/items', 'enum',
        ['Ethernet', 'MPLS', 'ODU2', 'IPV4', 'IPV6', 'Pseudo-Wire'],
        "'Etc.'/'Etc' copied from 'etc.' of the text is not a protocol"],
    [ALL, 'AppPkgInfo/properties/onboardingState', 'enum', ['CREATED', 'UPLOADING', 'PROCESSING', 'ONBOARDED'],
        '[SEE_DESCRIPTION]'],
    [ALL, 'AppPkgInfo/properties/operationalState', 'enum', ENABLED, '[SEE_DESCRIPTION]'],
    [ALL, 'AppPkgInfo/properties/usageState', 'enum', ['IN_USE', 'NOT_IN_USE'], '[SEE_DESCRIPTION]'],
    [ALL, 'AppPkgNotification/properties/operationalState', 'enum', ENABLED, '[SEE_DESCRIPTION]'],
    [ALL, 'AppPkgInfoModifications/properties/operationalState', 'enum', ENABLED, '[SEE_DESCRIPTION]'],
    [ALL, 'AppPkgFilter/properties/operationalState', 'enum', ENABLED, '[SEE_DESCRIPTION]'],
    [ALL, 'AppPkgFilter/properties/usageState', 'enum', ['IN_USE', 'NOT_IN_USE'], '[SEE_DESCRIPTION]'],
    [ALL, 'AppInstanceInfo/properties/instantiationState', 'enum', ['NOT_INSTANTIATED', 'INSTANTIATED'],
        '[SEE_DESCRIPTION]'],
    [ALL, 'AppLcmOpOccSubscriptionFilter/properties/operationTypes', 'enum', LCM_OPS, '[SEE_DESCRIPTION]'],
    [ALL, 'AppLcmOpOccSubscriptionFilter/properties/operationStates', 'enum', OP_STATES, '[SEE_DESCRIPTION]'],
    [ALL, 'OperateAppRequest/properties/changeStateTo', 'enum', ['STARTED', 'STOPPED'], '[SEE_DESCRIPTION]'],
    [ALL, 'OperateAppRequest/properties/stopType', 'enum', ['FORCEFUL', 'GRACEFUL'], '[SEE_DESCRIPTION]'],
    [ALL, 'TerminateAppRequest/properties/terminationType', 'enum', ['FORCEFUL', 'GRACEFUL'], '[SEE_DESCRIPTION]'],
    [ALL, 'AppInstSubscriptionInfo/properties/appInstanceState', 'enum', INST_STATES, '[SEE_DESCRIPTION]'],
    [ALL, 'AppInstNotification/properties/appInstanceState', 'enum', INST_STATES, '[SEE_DESCRIPTION]'],
    [ALL, 'AppInstSubscriptionRequest/properties/appInstanceState', 'enum', INST_STATES, '[SEE_DESCRIPTION]'],
    [ALL, 'AppLcmOpOcc/properties/operationState', 'enum', OP_STATES, '[SEE_DESCRIPTION]'],
    [ALL, 'AppLcmOpOcc/properties/lcmOperation', 'enum', LCM_OPS, '[SEE_DESCRIPTION]'],
    [ALL, 'AppLcmOpOccNotification/properties/operationType', 'enum', LCM_OPS, '[SEE_DESCRIPTION]'],
    [ALL, 'AppLcmOpOccNotification/properties/operationState', 'enum', OP_STATES, '[SEE_DESCRIPTION]'],
    [ALL, 'CancelMode/properties/CancelMode', 'enum', ['GRACEFUL', 'FORCED'], '[SEE_DESCRIPTION]'],
    [ALL, 'InstantiatedAppState/properties/operationalState', 'enum', ['STARTED', 'STOPPED'], '[SEE_DESCRIPTION]'],
    [ALL, 'GrantRequest/properties/operation', 'enum', LCM_OPS, '[SEE_DESCRIPTION]'],
    [ALL, 'ResourceDefinition/properties/type', 'enum', ['COMPUTE', 'STORAGE', 'LINKPORT', 'OSCONTAINER'],
        '[SEE_DESCRIPTION]'],
    [ALL, 'CpProtocolData/properties/layerProtocol', 'enum', ['IP_OVER_ETHERNET'], '[SEE_DESCRIPTION]'],
    [AMS, 'FilterCriteria/properties/mobilityStatus/items', 'set', { type: 'integer', enum: [1, 2, 3] },
        'plain integer; values 1..3 in the description'],
    [GR, 'IpAddresses/properties/type', 'enum', ['IPV4', 'IPV6'], '[SEE_DESCRIPTION]'],

    // structural artefacts
    [SM, 'OAuth2Info/properties/grantTypes', 'set', { type: 'array', items: { type: 'string', enum: GRANT_TYPES } },
        'single string in Service Mgmt only; a list in AppSupport, AppD and V2.1.1'],
    [ALL, 'SecurityInfo/properties/(extensions)', 'remove', null,
        "'(extensions)' is the spec table's placeholder row, not a property name"],
    [AS, 'TimeStamp', 'set', { type: 'object', required: ['seconds', 'nanoSeconds'],
        properties: { seconds: UINT32, nanoSeconds: UINT32 } },
    'AppSupport makes seconds/nanoSeconds arrays of Uint32; every other file and V2.1.1: scalars'],
    [AS, 'NtpServers', 'set', { type: 'object',
        required: ['ntpServerAddrType', 'ntpServerAddr', 'minPollingInterval', 'maxPollingInterval', 'localPriority',
            'authenticationOption', 'authenticationKeyNum'],
        properties: {
            ntpServerAddrType: { type: 'string', enum: ['IP_ADDRESS', 'DNS_NAME'] },
            ntpServerAddr: { type: 'string' }, minPollingInterval: UINT32, maxPollingInterval: UINT32,
            localPriority: UINT32,
            authenticationOption: { type: 'string', enum: ['NONE', 'SYMMETRIC_KEY', 'AUTO_KEY'] },
            authenticationKeyNum: UINT32 } },
    'every scalar generated as an array; V2.1.1 has scalars and enums'],
    [AS, 'PtpMasters', 'set', { type: 'object', required: ['ptpMasterIpAddress', 'ptpMasterLocalPriority',
        'delayReqMaxRate'],
    properties: { ptpMasterIpAddress: { type: 'string' }, ptpMasterLocalPriority: UINT32, delayReqMaxRate: UINT32 } },
    'every scalar generated as an array'],
    [AS, 'TimingCaps/properties/timeStamp', 'set', { $ref: '#/components/schemas/TimeStamp' },
        'generated as an array; one TimeStamp (0..1) in the spec table and V2.1.1'],
    [AS, 'TimingCaps/required', 'set', [], '0..1 / 0..N in the spec table and V2.1.1'],
    [AS, 'TrafficFilter/properties/uri', 'set', STRINGS,
        "one TrafficFilter type: MEC 010-2 V3.1.1 uses MEC 011's TrafficFilter with uri/packetLabel"],
    [AS, 'TrafficFilter/properties/packetLabel', 'set', STRINGS, 'same as uri'],
    [AS, 'TunnelInfo/properties/tunnelSpecificData', 'set', { type: 'object' },
        'one TunnelInfo type: the MEC 010-2 copy adds this optional attribute'],
    [AMS, 'AssociateId', 'set', { type: 'object', required: ['type', 'value'], properties: {
        type: { type: 'string', enum: ['UE_IPv4_ADDRESS', 'UE_IPV6_ADDRESS', 'NATED_IP_ADDRESS', 'GTP_TEID'] },
        value: { type: 'string' } } },
    "V3 declares a bare string 'defined in MEC 012'; MEC 012 and V2.1.1 define {type, value}"],
    [PKGM, 'OsContainerDescriptor/properties/additionalProperties', 'remove', null,
        'misplaced keyword listed as a property; absent in the LCM copy'],
    [ALL, 'SwImageDesc/required', 'set', ['id', 'name', 'version', 'containerFormat'],
        'swImage refers to SwImageDesc itself; required would make every instance infinite'],
    [LCM, 'NfviMaintenanceInfo/properties/maxNumberOfImpactedInstances', 'set',
        { type: 'array', items: { $ref: '#/components/schemas/MaxNumberOfImpactedInstances' } },
        'single object in the LCM copy; a list (0..N) in IFA 011 and the package-management copy'],
    [LCM, 'NfviMaintenanceInfo/properties/minNumberOfPreservedInstances', 'set',
        { type: 'array', items: { $ref: '#/components/schemas/MinNumberOfPreservedInstances' } },
        'as maxNumberOfImpactedInstances'],

    // found by newman
    [LCM, 'AppLcmOpOcc/properties/operationParams', 'set', { type: 'object' },
        'generated as a $ref to InstantiateAppRequest only; its description maps each lcmOperation to its request type '
        + '(INSTANTIATE: InstantiateAppRequest, OPERATE: OperateAppRequest, TERMINATE: TerminateAppRequest): the next '
        + 'fix says that'],
    [LCM, 'AppLcmOpOcc/allOf', 'set', ['INSTANTIATE', 'OPERATE', 'TERMINATE'].map((op) => ({
        if: { required: ['lcmOperation'], properties: { lcmOperation: { const: op } } },
        then: { properties: { operationParams: {
            $ref: `#/components/schemas/${op.charAt(0) + op.slice(1).toLowerCase()}AppRequest` } } },
    })), 'operationParams of each lcmOperation, as its description says'],
];

/** Applies the fixes meant for file to its components.schemas; returns the indexes of the fixes applied. */
function applyFixes(file, schemas) {
    const applied = [];
    ARTEFACT_FIXES.forEach(([target, path, op, value], index) => {
        if (target !== ALL && target !== file) {
            return;
        }
        const parts = path.split('/');
        const last = parts.pop();
        const parent = parts.reduce((node, part) => (node && typeof node === 'object' ? node[part] : undefined),
            schemas);
        if (!parent || typeof parent !== 'object' || Array.isArray(parent)) {
            return;
        }
        const exists = Object.hasOwn(parent, last);
        if (op === 'enum' && exists) {
            parent[last].enum = structuredClone(value);
        } else if (op === 'set') {
            parent[last] = structuredClone(value);
        } else if (op === 'remove' && exists) {
            delete parent[last];
        } else {
            return;
        }
        applied.push(index);
    });
    return applied;
}

// "description'" (with the quote) is a generator typo for description in four MecAppSupportApi properties.
const ANNOTATIONS = new Set(['description', "description'", 'example', 'examples', 'title']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_ONE = new Set(['items', 'not', 'additionalProperties', 'if', 'then', 'else', 'contains',
    'propertyNames']);

/** One schema in draft-07 form: refs into #/definitions, $ref siblings under allOf, no annotations. */
function convert(schema, where) {
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
        return schema; // boolean schema, or additionalProperties: false
    }
    const result = {};
    for (const [key, value] of Object.entries(schema)) {
        if (ANNOTATIONS.has(key) || key.startsWith('x-')) {
            continue;
        }
        if (key === '$ref') {
            const match = /^#\/components\/schemas\/([^/]+)$/.exec(value);
            if (!match) {
                throw new Error(`${where}: $ref ${value} is not a components.schemas entry`);
            }
            result.$ref = `#/definitions/${match[1]}`;
        } else if (SCHEMA_MAPS.has(key)) {
            result[key] = Object.fromEntries(Object.entries(value)
                .map(([name, sub]) => [name, convert(sub, `${where}/${key}/${name}`)]));
        } else if (SCHEMA_LISTS.has(key)) {
            result[key] = value.map((sub, i) => convert(sub, `${where}/${key}/${i}`));
        } else if (SCHEMA_ONE.has(key)) {
            result[key] = convert(value, `${where}/${key}`);
        } else {
            result[key] = value;
        }
    }
    if (result.$ref && Object.keys(result).length > 1) {
        const { $ref, ...siblings } = result;
        return { ...siblings, allOf: [{ $ref }, ...(siblings.allOf || [])] };
    }
    return result;
}

const apis = {};
const usedFixes = new Set();
const files = readdirSync(SPEC_DIR).filter((f) => f.endsWith('.yaml')).sort();
for (const file of files) {
    const doc = yaml.load(readFileSync(join(SPEC_DIR, file), 'utf8'));
    const server = doc.servers && doc.servers[0] && doc.servers[0].url;
    const api = server && new URL(server).pathname.split('/').filter(Boolean)[0];
    if (!api || !doc.components || !doc.components.schemas) {
        throw new Error(`${file}: no servers URL or no components.schemas`);
    }
    if (apis[api]) {
        throw new Error(`${file}: API ${api} also in ${apis[api].file}`);
    }
    const schemas = structuredClone(doc.components.schemas);
    const applied = applyFixes(file, schemas);
    applied.forEach((i) => usedFixes.add(i));
    const definitions = Object.fromEntries(Object.entries(schemas)
        .map(([name, schema]) => [name, convert(schema, `${file}#/components/schemas/${name}`)]));
    apis[api] = { file, etsi: true, version: doc.info.version, definitions };
    console.log(`[postman-schemas] ${file}: API ${api}, ${Object.keys(definitions).length} schemas, `
        + `${applied.length} artefact fixes`);
}
const stale = ARTEFACT_FIXES.filter((_, i) => !usedFixes.has(i));
if (stale.length) {
    throw new Error(`artefact fixes that match no file: ${stale.map((f) => `${f[0]} ${f[1]}`).join(', ')}`);
}

for (const path of served) {
    const doc = JSON.parse(readFileSync(path, 'utf8'));
    const file = `/q/openapi of ${doc.info.title}`;
    const segments = [...new Set(Object.keys(doc.paths || {}).map((p) => p.split('/').filter(Boolean)[0]))]
        .filter((segment) => segment && !apis[segment]);
    const definitions = Object.fromEntries(Object.entries((doc.components && doc.components.schemas) || {})
        .map(([name, schema]) => [name, convert(schema, `${file}#/components/schemas/${name}`)]));
    segments.forEach((segment) => { apis[segment] = { file, etsi: false, definitions }; });
    console.log(`[postman-schemas] ${file}: APIs ${segments.join(', ')}, ${Object.keys(definitions).length} schemas`);
}

const globals = {
    id: 'edgemec-etsi-schemas',
    name: 'EdgeMEC ETSI schemas',
    _postman_variable_scope: 'globals',
    values: [{ key: 'etsiSchemas', value: JSON.stringify(apis), type: 'default', enabled: true }],
};
mkdirSync(dirname(resolve(out)), { recursive: true });
writeFileSync(out, JSON.stringify(globals));
console.log(`[postman-schemas] wrote ${basename(out)}: ${Object.keys(apis).join(', ')}`);

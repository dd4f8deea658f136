package org.edgemec.mp1api.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * THE table of generator artefacts of the V3 ETSI files that the Java model corrects (README "Known
 * artefacts" 3 and the ones found while writing the types). Each fix is applied to the loaded spec tree
 * before validation, so the validator checks the real wire format. A fix whose path does not exist in any
 * file fails the test run (a stale table must not pass silently).
 */
final class ArtefactFixes {

    /** "*" = every served file that has the path. path = schema name + "/"-separated path inside it. */
    record Fix(String file, String path, Op op, String json, String why) {
    }

    enum Op {
        ENUM,    // replace the "enum" array of the node at path with json
        SET,     // replace (or add) the node at path with json
        REMOVE   // remove the node at path
    }

    private static final String ALL = "*";
    private static final String AS = SchemaMappings.APP_SUPPORT;
    private static final String SM = SchemaMappings.SERVICE_MGMT;
    private static final String AMS = SchemaMappings.AMS;
    private static final String PKGM = SchemaMappings.PKGM;
    private static final String LCM = SchemaMappings.LCM;
    private static final String GR = SchemaMappings.GRANT;

    private static final String GRANT_TYPES =
            "[\"OAUTH2_AUTHORIZATION_CODE\",\"OAUTH2_IMPLICIT_GRANT\",\"OAUTH2_RESOURCE_OWNER\",\"OAUTH2_CLIENT_CREDENTIALS\"]";
    private static final String ACTIONS = "[\"DROP\",\"FORWARD_DECAPSULATED\",\"FORWARD_ENCAPSULATED\",\"PASSTHROUGH\","
            + "\"DUPLICATE_DECAPSULATED\",\"DUPLICATE_ENCAPSULATED\"]";
    private static final String UINT32 = "{\"type\":\"integer\",\"format\":\"uint32\"}";

    static final List<Fix> FIXES = List.of(
            // --- placeholder enums: [SEE_DESCRIPTION] or a single value; real values from description / V2.x
            new Fix(ALL, "OAuth2Info/properties/grantTypes/items", Op.ENUM, GRANT_TYPES, "[SEE_DESCRIPTION]"),
            new Fix(ALL, "TrafficRule/properties/filterType", Op.ENUM, "[\"FLOW\",\"PACKET\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "TrafficRule/properties/action", Op.ENUM, ACTIONS, "only DUPLICATE_ENCAPSULATED"),
            new Fix(ALL, "TrafficRule/properties/state", Op.ENUM, "[\"ACTIVE\",\"INACTIVE\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "DnsRule/properties/ipAddressType", Op.ENUM, "[\"IP_V6\",\"IP_V4\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "DnsRule/properties/state", Op.ENUM, "[\"ACTIVE\",\"INACTIVE\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "CurrentTime/properties/timeSourceStatus", Op.ENUM, "[\"TRACEABLE\",\"NONTRACEABLE\"]",
                    "enum is [source]"),
            new Fix(ALL, "AppTerminationNotification/properties/operationAction", Op.ENUM,
                    "[\"STOPPING\",\"TERMINATING\"]", "only TERMINATING"),
            new Fix(ALL, "AppTerminationConfirmation/properties/operationAction", Op.ENUM,
                    "[\"STOPPING\",\"TERMINATING\"]", "[SEE_DESCRIPTION]; description has typo STOPPPING"),
            new Fix(ALL, "DestinationInterface/properties/interfaceType", Op.ENUM, "[\"TUNNEL\",\"MAC\",\"IP\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "TunnelInfo/properties/tunnelType", Op.ENUM, "[\"GTP_U\",\"GRE\"]",
                    "[SEE_DESCRIPTION]; MEC 010-2 text says GTP-U, MEC 011 and its V2.1.1 say GTP_U: GTP_U kept"),
            new Fix(ALL, "ServiceReferences/properties/changeType", Op.ENUM,
                    "[\"ADDED\",\"REMOVED\",\"STATE_CHANGED\",\"ATTRIBUTES_CHANGED\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "TrafficRuleDescriptor/properties/filterType", Op.ENUM, "[\"FLOW\",\"PACKET\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "TrafficRuleDescriptor/properties/action", Op.ENUM, ACTIONS, "[SEE_DESCRIPTION]"),
            new Fix(ALL, "InterfaceDescriptor/properties/interfaceType", Op.ENUM, "[\"TUNNEL\",\"MAC\",\"IP\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "DNSRuleDescriptor/properties/ipAddressType", Op.ENUM, "[\"IP_V6\",\"IP_V4\"]",
                    "only IP_V4"),
            new Fix(ALL, "ConnectivityType/properties/layerProtocol/items", Op.ENUM,
                    "[\"Ethernet\",\"MPLS\",\"ODU2\",\"IPV4\",\"IPV6\",\"Pseudo-Wire\"]",
                    "'Etc.'/'Etc' copied from 'etc.' of the text is not a protocol"),
            new Fix(ALL, "AppPkgInfo/properties/onboardingState", Op.ENUM,
                    "[\"CREATED\",\"UPLOADING\",\"PROCESSING\",\"ONBOARDED\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppPkgInfo/properties/operationalState", Op.ENUM, "[\"ENABLED\",\"DISABLED\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppPkgInfo/properties/usageState", Op.ENUM, "[\"IN_USE\",\"NOT_IN_USE\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppPkgNotification/properties/operationalState", Op.ENUM, "[\"ENABLED\",\"DISABLED\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppPkgInfoModifications/properties/operationalState", Op.ENUM,
                    "[\"ENABLED\",\"DISABLED\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppPkgFilter/properties/operationalState", Op.ENUM, "[\"ENABLED\",\"DISABLED\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppPkgFilter/properties/usageState", Op.ENUM, "[\"IN_USE\",\"NOT_IN_USE\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppInstanceInfo/properties/instantiationState", Op.ENUM,
                    "[\"NOT_INSTANTIATED\",\"INSTANTIATED\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppLcmOpOccSubscriptionFilter/properties/operationTypes", Op.ENUM,
                    "[\"INSTANTIATE\",\"OPERATE\",\"TERMINATE\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppLcmOpOccSubscriptionFilter/properties/operationStates", Op.ENUM,
                    "[\"STARTING\",\"PROCESSING\",\"COMPLETED\",\"FAILED\",\"FAILED_TEMP\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "OperateAppRequest/properties/changeStateTo", Op.ENUM, "[\"STARTED\",\"STOPPED\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "OperateAppRequest/properties/stopType", Op.ENUM, "[\"FORCEFUL\",\"GRACEFUL\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "TerminateAppRequest/properties/terminationType", Op.ENUM, "[\"FORCEFUL\",\"GRACEFUL\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppInstSubscriptionInfo/properties/appInstanceState", Op.ENUM,
                    "[\"NOT_INSTANTIATED\",\"STARTED\",\"STOPPED\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppInstNotification/properties/appInstanceState", Op.ENUM,
                    "[\"NOT_INSTANTIATED\",\"STARTED\",\"STOPPED\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppInstSubscriptionRequest/properties/appInstanceState", Op.ENUM,
                    "[\"NOT_INSTANTIATED\",\"STARTED\",\"STOPPED\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppLcmOpOcc/properties/operationState", Op.ENUM,
                    "[\"STARTING\",\"PROCESSING\",\"COMPLETED\",\"FAILED\",\"FAILED_TEMP\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppLcmOpOcc/properties/lcmOperation", Op.ENUM, "[\"INSTANTIATE\",\"OPERATE\",\"TERMINATE\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppLcmOpOccNotification/properties/operationType", Op.ENUM,
                    "[\"INSTANTIATE\",\"OPERATE\",\"TERMINATE\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "AppLcmOpOccNotification/properties/operationState", Op.ENUM,
                    "[\"STARTING\",\"PROCESSING\",\"COMPLETED\",\"FAILED\",\"FAILED_TEMP\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "CancelMode/properties/CancelMode", Op.ENUM, "[\"GRACEFUL\",\"FORCED\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "InstantiatedAppState/properties/operationalState", Op.ENUM, "[\"STARTED\",\"STOPPED\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "GrantRequest/properties/operation", Op.ENUM, "[\"INSTANTIATE\",\"OPERATE\",\"TERMINATE\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(ALL, "ResourceDefinition/properties/type", Op.ENUM,
                    "[\"COMPUTE\",\"STORAGE\",\"LINKPORT\",\"OSCONTAINER\"]", "[SEE_DESCRIPTION]"),
            new Fix(ALL, "CpProtocolData/properties/layerProtocol", Op.ENUM, "[\"IP_OVER_ETHERNET\"]",
                    "[SEE_DESCRIPTION]"),
            new Fix(AMS, "FilterCriteria/properties/mobilityStatus/items", Op.SET,
                    "{\"type\":\"integer\",\"enum\":[1,2,3]}", "plain integer; values 1..3 in the description"),
            new Fix(GR, "IpAddresses/properties/type", Op.ENUM, "[\"IPV4\",\"IPV6\"]", "[SEE_DESCRIPTION]"),

            // --- structural artefacts
            new Fix(SM, "OAuth2Info/properties/grantTypes", Op.SET,
                    "{\"type\":\"array\",\"items\":{\"type\":\"string\",\"enum\":" + GRANT_TYPES + "}}",
                    "single string in Service Mgmt only; a list in AppSupport, AppD and V2.1.1"),
            new Fix(ALL, "SecurityInfo/properties/(extensions)", Op.REMOVE, null,
                    "'(extensions)' is the spec table's placeholder row, not a property name"),
            new Fix(AS, "TimeStamp", Op.SET, "{\"type\":\"object\",\"required\":[\"seconds\",\"nanoSeconds\"],"
                    + "\"properties\":{\"seconds\":" + UINT32 + ",\"nanoSeconds\":" + UINT32 + "}}",
                    "AppSupport makes seconds/nanoSeconds arrays of Uint32; every other file and V2.1.1: scalars"),
            new Fix(AS, "NtpServers", Op.SET, "{\"type\":\"object\",\"required\":[\"ntpServerAddrType\","
                    + "\"ntpServerAddr\",\"minPollingInterval\",\"maxPollingInterval\",\"localPriority\","
                    + "\"authenticationOption\",\"authenticationKeyNum\"],\"properties\":{"
                    + "\"ntpServerAddrType\":{\"type\":\"string\",\"enum\":[\"IP_ADDRESS\",\"DNS_NAME\"]},"
                    + "\"ntpServerAddr\":{\"type\":\"string\"},\"minPollingInterval\":" + UINT32
                    + ",\"maxPollingInterval\":" + UINT32 + ",\"localPriority\":" + UINT32
                    + ",\"authenticationOption\":{\"type\":\"string\",\"enum\":[\"NONE\",\"SYMMETRIC_KEY\",\"AUTO_KEY\"]},"
                    + "\"authenticationKeyNum\":" + UINT32 + "}}",
                    "every scalar generated as an array; V2.1.1 has scalars and enums"),
            new Fix(AS, "PtpMasters", Op.SET, "{\"type\":\"object\",\"required\":[\"ptpMasterIpAddress\","
                    + "\"ptpMasterLocalPriority\",\"delayReqMaxRate\"],\"properties\":{"
                    + "\"ptpMasterIpAddress\":{\"type\":\"string\"},\"ptpMasterLocalPriority\":" + UINT32
                    + ",\"delayReqMaxRate\":" + UINT32 + "}}", "every scalar generated as an array"),
            new Fix(AS, "TimingCaps/properties/timeStamp", Op.SET, "{\"$ref\":\"#/components/schemas/TimeStamp\"}",
                    "generated as an array; one TimeStamp (0..1) in the spec table and V2.1.1"),
            new Fix(AS, "TimingCaps/required", Op.SET, "[]", "0..1 / 0..N in the spec table and V2.1.1"),
            new Fix(AS, "TrafficFilter/properties/uri", Op.SET, "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}",
                    "one TrafficFilter type: MEC 010-2 V3.1.1 uses MEC 011's TrafficFilter with uri/packetLabel"),
            new Fix(AS, "TrafficFilter/properties/packetLabel", Op.SET,
                    "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}", "same as uri"),
            new Fix(AS, "TunnelInfo/properties/tunnelSpecificData", Op.SET, "{\"type\":\"object\"}",
                    "one TunnelInfo type: the MEC 010-2 copy adds this optional attribute"),
            new Fix(AMS, "AssociateId", Op.SET, "{\"type\":\"object\",\"required\":[\"type\",\"value\"],"
                    + "\"properties\":{\"type\":{\"type\":\"string\",\"enum\":[\"UE_IPv4_ADDRESS\",\"UE_IPV6_ADDRESS\","
                    + "\"NATED_IP_ADDRESS\",\"GTP_TEID\"]},\"value\":{\"type\":\"string\"}}}",
                    "V3 declares a bare string 'defined in MEC 012'; MEC 012 and V2.1.1 define {type, value}"),
            new Fix(PKGM, "OsContainerDescriptor/properties/additionalProperties", Op.REMOVE, null,
                    "misplaced keyword listed as a property; absent in the LCM copy"),
            new Fix(ALL, "SwImageDesc/required", Op.SET, "[\"id\",\"name\",\"version\",\"containerFormat\"]",
                    "swImage refers to SwImageDesc itself; required would make every instance infinite"),
            new Fix(LCM, "NfviMaintenanceInfo/properties/maxNumberOfImpactedInstances", Op.SET,
                    "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/MaxNumberOfImpactedInstances\"}}",
                    "single object in the LCM copy; a list (0..N) in IFA 011 and the package-management copy"),
            new Fix(LCM, "NfviMaintenanceInfo/properties/minNumberOfPreservedInstances", Op.SET,
                    "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/MinNumberOfPreservedInstances\"}}",
                    "as maxNumberOfImpactedInstances"));

    private ArtefactFixes() {
    }

    /** Applies every fix meant for file to its components.schemas; returns how many were applied. */
    static int apply(String file, ObjectNode schemas, ObjectMapper mapper) {
        int applied = 0;
        for (Fix fix : FIXES) {
            if (!fix.file().equals(ALL) && !fix.file().equals(file)) {
                continue;
            }
            String[] parts = fix.path().split("/");
            JsonNode parent = schemas;
            for (int i = 0; i < parts.length - 1 && parent != null; i++) {
                parent = parent.get(parts[i]);
            }
            String last = parts[parts.length - 1];
            if (!(parent instanceof ObjectNode p)) {
                continue;
            }
            boolean exists = p.has(last);
            try {
                switch (fix.op()) {
                    case ENUM -> {
                        if (exists) {
                            ((ObjectNode) p.get(last)).set("enum", mapper.readTree(fix.json()));
                            applied++;
                        }
                    }
                    case SET -> {
                        p.set(last, mapper.readTree(fix.json()));
                        applied++;
                    }
                    case REMOVE -> {
                        if (exists) {
                            p.remove(last);
                            applied++;
                        }
                    }
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException("bad fix " + fix, e);
            }
        }
        return applied;
    }

    static boolean isArray(JsonNode n) {
        return n instanceof ArrayNode;
    }
}

package org.edgemec.mp1api.spec;

import static java.util.Map.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edgemec.mp1api.common.*;
import org.edgemec.mp1api.mec011.appsupport.*;
import org.edgemec.mp1api.mec011.servicemgmt.*;
import org.edgemec.mp1api.mec0102.appd.*;
import org.edgemec.mp1api.mec0102.grant.*;
import org.edgemec.mp1api.mec0102.lcm.*;
import org.edgemec.mp1api.mec0102.pkgm.*;
import org.edgemec.mp1api.mec021.*;

/**
 * The explicit table "schema name -> Java type", one per served ETSI file. JsonNode/String/Long stand for
 * schemas without structure (placeholders, plain strings, Uint32).
 */
final class SchemaMappings {

    static final String APP_SUPPORT = "MecAppSupportApi.yaml";
    static final String SERVICE_MGMT = "MecServiceMgmtApi.yaml";
    static final String AMS = "MEC021_AppMobilityService.yaml";
    static final String PKGM = "MEC01002_AppPkgMgmt.yaml";
    static final String LCM = "MEC01002_AppLcm.yaml";
    static final String GRANT = "MEC01002_AppGrant.yaml";

    private SchemaMappings() {
    }

    static Map<String, Map<String, Class<?>>> all() {
        Map<String, Map<String, Class<?>>> m = new LinkedHashMap<>();
        m.put(APP_SUPPORT, appSupport());
        m.put(SERVICE_MGMT, serviceMgmt());
        m.put(AMS, ams());
        m.put(PKGM, pkgm());
        m.put(LCM, lcm());
        m.put(GRANT, grant());
        return m;
    }

    static Map<String, Class<?>> appSupport() {
        return Map.ofEntries(
                entry("ProblemDetails", ProblemDetails.class),
                entry("TransportDescriptor", TransportDescriptor.class),
                entry("SecurityInfo", SecurityInfo.class),
                entry("SerializerType", SerializerType.class),
                entry("OAuth2Info", OAuth2Info.class),
                entry("TransportTypes", TransportType.class),
                entry("AppProfile", JsonNode.class),
                entry("TransportDependency", TransportDependency.class),
                entry("ServiceDependency", ServiceDependency.class),
                entry("Uint32", Long.class),
                entry("FeatureDependency", FeatureDependency.class),
                entry("SubscriptionLinkList", org.edgemec.mp1api.common.SubscriptionLinkList.class),
                entry("LinkType", LinkType.class),
                entry("TrafficRule", TrafficRule.class),
                entry("DnsRule", DnsRule.class),
                entry("TimingCaps", TimingCaps.class),
                entry("CurrentTime", CurrentTime.class),
                entry("AppInfo", AppInfo.class),
                entry("AppTerminationNotificationSubscription", AppTerminationNotificationSubscription.class),
                entry("AppTerminationNotification", AppTerminationNotification.class),
                entry("AppTerminationConfirmation", AppTerminationConfirmation.class),
                entry("AppReadyConfirmation", AppReadyConfirmation.class),
                entry("TrafficFilter", TrafficFilter.class),
                entry("DestinationInterface", DestinationInterface.class),
                entry("TunnelInfo", TunnelInfo.class),
                entry("CategoryRef", CategoryRef.class),
                entry("EndPointInfo", EndPointInfo.class),
                entry("Subscriptions", org.edgemec.mp1api.common.SubscriptionLinkList.Subscription.class),
                entry("_links", org.edgemec.mp1api.common.SubscriptionLinkList.Links.class),
                entry("TimeStamp", TimeStamp.class),
                entry("NtpServers", TimingCaps.NtpServer.class),
                entry("PtpMasters", TimingCaps.PtpMaster.class),
                entry("_links1", SelfLinks.class),
                entry("_links2", AppTerminationNotification.Links.class),
                entry("Addresses", Addresses.class));
    }

    static Map<String, Class<?>> serviceMgmt() {
        return Map.ofEntries(
                entry("ProblemDetails", ProblemDetails.class),
                entry("LocalityType", LocalityType.class),
                entry("SerializerType", SerializerType.class),
                entry("Not_specified", JsonNode.class),
                entry("TransportType", TransportType.class),
                entry("ServiceState", ServiceState.class),
                entry("SerInstanceId", String.class),
                entry("SerName", String.class),
                entry("SubscriptionLinkList", org.edgemec.mp1api.common.SubscriptionLinkList.class),
                entry("LinkType", LinkType.class),
                entry("ServiceInfo", ServiceInfo.class),
                entry("TransportInfo", TransportInfo.class),
                entry("ServiceLivenessInfo", ServiceLivenessInfo.class),
                entry("ServiceLivenessUpdate", ServiceLivenessUpdate.class),
                entry("SerAvailabilityNotificationSubscription", SerAvailabilityNotificationSubscription.class),
                entry("ServiceAvailabilityNotification", ServiceAvailabilityNotification.class),
                entry("CategoryRef", CategoryRef.class),
                entry("EndPointInfo", EndPointInfo.class),
                entry("SecurityInfo", SecurityInfo.class),
                entry("Subscriptions", org.edgemec.mp1api.common.SubscriptionLinkList.Subscription.class),
                entry("_links", org.edgemec.mp1api.common.SubscriptionLinkList.Links.class),
                entry("_links1", ServiceInfo.Links.class),
                entry("TimeStamp", TimeStamp.class),
                entry("_links2", SelfLinks.class),
                entry("FilteringCriteria", FilteringCriteria.class),
                entry("ServiceReferences", ServiceReferences.class),
                entry("_links3", SubscriptionLinks.class),
                entry("Addresses", Addresses.class),
                entry("OAuth2Info", OAuth2Info.class));
    }

    static Map<String, Class<?>> ams() {
        return Map.ofEntries(
                entry("MobilityStatus1_", GeneratorLeftovers.MobilityStatusHolder.class),
                entry("AssociateId", AssociateId.class),
                entry("AppMobilityServiceLevel1_", GeneratorLeftovers.ServiceLevelHolder.class),
                entry("contextTransferState1_", GeneratorLeftovers.ContextTransferStateName.class),
                entry("subscriptionType1_", GeneratorLeftovers.SubscriptionTypeHolder.class),
                entry("ProblemDetails", ProblemDetails.class),
                entry("RegistrationInfo", RegistrationInfo.class),
                entry("AdjacentAppInstanceInfo", AdjacentAppInstanceInfo.class),
                entry("MobilityProcedureSubscription", MobilityProcedureSubscription.class),
                entry("AdjacentAppInfoSubscription", AdjacentAppInfoSubscription.class),
                entry("SubscriptionLinkList", org.edgemec.mp1api.mec021.SubscriptionLinkList.class),
                entry("MobilityProcedureNotification", MobilityProcedureNotification.class),
                entry("ExpiryNotification", ExpiryNotification.class),
                entry("AppMobilityServiceLevel", AppMobilityServiceLevel.class),
                entry("TestNotification", TestNotification.class),
                entry("CommunicationInterface", CommunicationInterface.class),
                entry("TimeStamp", TimeStamp.class),
                entry("LinkType", LinkType.class),
                entry("MECHostInformation", MecHostInformation.class),
                entry("WebsockNotifConfig", WebsockNotifConfig.class),
                entry("ServiceConsumerId", ServiceConsumerId.class),
                entry("DeviceInformation", DeviceInformation.class),
                entry("_links", SelfLinks.class),
                entry("FilterCriteria", MobilityProcedureSubscription.FilterCriteria.class),
                entry("FilterCriteria1", AdjacentAppInfoSubscription.FilterCriteria.class),
                entry("Subscription", org.edgemec.mp1api.mec021.SubscriptionLinkList.Subscription.class),
                entry("_links1", org.edgemec.mp1api.mec021.SubscriptionLinkList.Links.class),
                entry("TargetAppInfo", TargetAppInfo.class),
                entry("_links2", SubscriptionLinks.class),
                entry("_links3", SubscriptionLinks.class),
                entry("_links4", SubscriptionLinks.class),
                entry("IpAddresses", Addresses.class));
    }

    /** AppD types, identical in name and shape in the package-management and LCM files. */
    private static Map<String, Class<?>> appd() {
        return Map.ofEntries(
                entry("Not_specified", JsonNode.class),
                entry("ProblemDetails", ProblemDetails.class),
                entry("VirtualStorageDescriptor", VirtualStorageDescriptor.class),
                entry("OsContainerDescriptor", OsContainerDescriptor.class),
                entry("VirtualCpuPinningData", VirtualCpuPinningData.class),
                entry("AppInstanceSubscriptionType", AppInstanceSubscriptionType.class),
                entry("MonitoringParameter", MonitoringParameter.class),
                entry("VirtualComputeDescriptor", VirtualComputeDescriptor.class),
                entry("KeyValuePairs", KeyValuePairs.class),
                entry("ObjectStorageData", ObjectStorageData.class),
                entry("FileStorageData", FileStorageData.class),
                entry("VnfVirtualLinkDesc", VnfVirtualLinkDesc.class),
                entry("ConnectivityType", ConnectivityType.class),
                entry("QoS", QoS.class),
                entry("VirtualLinkDescFlavour", VirtualLinkDescFlavour.class),
                entry("NfviMaintenanceInfo", NfviMaintenanceInfo.class),
                entry("MaxNumberOfImpactedInstances", MaxNumberOfImpactedInstances.class),
                entry("MinNumberOfPreservedInstances", MinNumberOfPreservedInstances.class),
                entry("CategoryRef", CategoryRef.class),
                entry("SerializerType", SerializerType.class),
                entry("TransportTypes", TransportType.class),
                entry("LogicalNodeRequirements", LogicalNodeRequirements.class),
                entry("BlockStorageData", BlockStorageData.class),
                entry("Version", org.edgemec.mp1api.mec0102.appd.Version.class),
                entry("SwImageDesc", SwImageDesc.class),
                entry("ChecksumData", Checksum.class),
                entry("VirtualCpuData", VirtualCpuData.class),
                entry("VirtualMemoryData", VirtualMemoryData.class),
                entry("RequestedAdditionalCapabilityData", RequestedAdditionalCapabilityData.class),
                entry("OAuth2Info", OAuth2Info.class),
                entry("SecurityInfo", SecurityInfo.class),
                entry("ServiceDescriptor", ServiceDescriptor.class),
                entry("FeatureDependency", FeatureDependency.class),
                entry("TrafficRuleDescriptor", TrafficRuleDescriptor.class),
                entry("TrafficFilter", TrafficFilter.class),
                entry("InterfaceDescriptor", InterfaceDescriptor.class),
                entry("TunnelInfo", TunnelInfo.class),
                entry("DNSRuleDescriptor", DNSRuleDescriptor.class),
                entry("LatencyDescriptor", LatencyDescriptor.class),
                entry("ServiceDependency", ServiceDependency.class),
                entry("TransportDependency", TransportDependency.class),
                entry("TransportDescriptor", TransportDescriptor.class),
                entry("UserContextTransferCapability", UserContextTransferCapability.class),
                entry("AppNetworkPolicy", AppNetworkPolicy.class),
                entry("LinkType", LinkType.class),
                entry("TimeStamp", TimeStamp.class),
                entry("Checksum", Checksum.class),
                entry("TransportsSupported", TransportsSupported.class),
                entry("SteeredNetwork", SteeredNetwork.class));
    }

    static Map<String, Class<?>> pkgm() {
        Map<String, Class<?>> m = new LinkedHashMap<>(appd());
        m.putAll(Map.ofEntries(
                entry("AppPkgSWImageInfo", JsonNode.class),
                entry("AppPkgArtifactInfo", JsonNode.class),
                entry("McioIdentificationData", McioIdentificationData.class),
                entry("ServicePortData", ServicePortData.class),
                entry("AdditionalServiceData", AdditionalServiceData.class),
                entry("ChangeAppInstanceStateOpConfig", ChangeAppInstanceStateOpConfig.class),
                entry("SwImageDescriptor", SwImageDescriptor.class),
                entry("TerminateAppInstanceOpConfig", TerminateAppInstanceOpConfig.class),
                entry("VirtualNetworkInterfaceRequirements", VirtualNetworkInterfaceRequirements.class),
                entry("AppPkgSubscriptionType", AppPkgSubscriptionType.class),
                entry("AppD", AppD.class),
                entry("AppExternalCpd", AppExternalCpd.class),
                entry("CreateAppPkg", CreateAppPkg.class),
                entry("AppPkgInfo", AppPkgInfo.class),
                entry("AppPkgSubscriptionInfo", AppPkgSubscriptionInfo.class),
                entry("AppPkgSubscriptionLinkList", AppPkgSubscriptionLinkList.class),
                entry("AppPkgNotification", AppPkgNotification.class),
                entry("AppPkgSubscription", AppPkgSubscription.class),
                entry("AppPkgInfoModifications", AppPkgInfoModifications.class),
                entry("AppPkgFilter", AppPkgFilter.class),
                entry("_links", AppPkgInfo.Links.class),
                entry("_links1", SelfLinks.class),
                entry("Subscriptions", AppPkgSubscriptionLinkList.Subscription.class),
                entry("_links2", AppPkgSubscriptionLinkList.Links.class),
                entry("_links3", SubscriptionLinks.class)));
        return m;
    }

    static Map<String, Class<?>> lcm() {
        Map<String, Class<?>> m = new LinkedHashMap<>(appd());
        m.putAll(Map.ofEntries(
                entry("McioInfo", McioInfo.class),
                entry("CommunicationInterface", CommunicationInterface.class),
                entry("ipAddresses", Addresses.class),
                entry("Polygon", String.class),
                entry("LocationConstraints", LocationConstraints.class),
                entry("CreateAppInstanceRequest", CreateAppInstanceRequest.class),
                entry("AppInstanceInfo", AppInstanceInfo.class),
                entry("AppInstanceSubscriptionFilter", AppInstanceSubscriptionFilter.class),
                entry("AppLcmOpOccSubscriptionFilter", AppLcmOpOccSubscriptionFilter.class),
                entry("InstantiateAppRequest", InstantiateAppRequest.class),
                entry("OperateAppRequest", OperateAppRequest.class),
                entry("TerminateAppRequest", TerminateAppRequest.class),
                entry("AppInstSubscriptionInfo", AppInstSubscriptionInfo.class),
                entry("AppInstNotification", AppInstNotification.class),
                entry("AppInstSubscriptionRequest", AppInstSubscriptionRequest.class),
                entry("AppLcmOpOcc", AppLcmOpOcc.class),
                entry("AppLcmOpOccSubscriptionRequest", AppLcmOpOccSubscriptionRequest.class),
                entry("AppLcmOpOccSubscriptionInfo", AppLcmOpOccSubscriptionInfo.class),
                entry("AppLcmOpOccNotification", AppLcmOpOccNotification.class),
                entry("MECHostInformation", MecHostInformation.class),
                entry("VimConnectionInfo", VimConnectionInfo.class),
                entry("AppInstanceSubscriptionLinkList", AppInstanceSubscriptionLinkList.class),
                entry("ConfigPlatformForAppRequest", ConfigPlatformForAppRequest.class),
                entry("MepInformation", MepInformation.class),
                entry("AppTermCandsForCoord", AppTermCandsForCoord.class),
                entry("AppInstIdCreationSubscriptionRequest", AppInstIdCreationSubscriptionRequest.class),
                entry("AppInstIdCreationSubscriptionInfo", AppInstIdCreationSubscriptionInfo.class),
                entry("AppInstanceIdentifierCreationNotification", AppInstanceIdentifierCreationNotification.class),
                entry("AppInstIdDeletionSubscriptionRequest", AppInstIdDeletionSubscriptionRequest.class),
                entry("AppInstIdDeletionSubscriptionInfo", AppInstIdDeletionSubscriptionInfo.class),
                entry("AppInstanceIdentifierDeletionNotification", AppInstanceIdentifierDeletionNotification.class),
                entry("LocationInformation", LocationInformation.class),
                entry("CancelMode", CancelMode.class),
                entry("CivicAddressElement", CivicAddressElement.class),
                entry("CivicAddressElement1", CivicAddressElement.class),
                entry("CivicAddress", CivicAddress.class),
                entry("InstantiatedAppState", InstantiatedAppState.class),
                entry("Versions", Versions.class),
                entry("AppProducts", AppProducts.class),
                entry("AppsFromProviders", AppsFromProviders.class),
                entry("TerminationOptions", TerminationOptions.class),
                entry("VimConnectionInfoMap", VimConnectionInfoMap.class),
                entry("_links", AppInstanceInfo.Links.class),
                entry("_links1", SelfLinks.class),
                entry("_links2", SubscriptionLinks.class),
                entry("_links3", AppLcmOpOcc.Links.class),
                entry("_links4", AppLcmOpOccNotification.Links.class),
                entry("Subscriptions", AppInstanceSubscriptionLinkList.Subscription.class),
                entry("_links5", AppInstanceSubscriptionLinkList.Links.class),
                entry("_links6", AppInstanceIdentifierCreationNotification.Links.class),
                entry("_links7", AppInstanceIdentifierCreationNotification.Links.class)));
        return m;
    }

    static Map<String, Class<?>> grant() {
        return Map.ofEntries(
                entry("ProblemDetails", ProblemDetails.class),
                entry("LinkType", LinkType.class),
                entry("KeyValuePairs", KeyValuePair.class),
                entry("KeyValuePair", KeyValuePair.class),
                entry("GrantRequest", GrantRequest.class),
                entry("ResourceDefinition", ResourceDefinition.class),
                entry("Grant", Grant.class),
                entry("GrantInfo", GrantInfo.class),
                entry("ZoneInfo", ZoneInfo.class),
                entry("ZoneGroupInfo", ZoneGroupInfo.class),
                entry("ExtVirtualLinkData", ExtVirtualLinkData.class),
                entry("ExtLinkPortData", ExtLinkPortData.class),
                entry("ResourceHandle", ResourceHandle.class),
                entry("VimSoftwareImage", VimSoftwareImage.class),
                entry("AppExtCpData", AppExtCpData.class),
                entry("AppExtCpConfig", AppExtCpConfig.class),
                entry("CpProtocolData", CpProtocolData.class),
                entry("IpOverEthernetAddressData", IpOverEthernetAddressData.class),
                entry("VimConnectionInfo", VimConnectionInfo.class),
                entry("_links", GrantRequest.Links.class),
                entry("Resource", Resource.class),
                entry("VimAssets", VimAssets.class),
                entry("AddressRange", AddressRange.class),
                entry("IpAddresses", org.edgemec.mp1api.mec0102.grant.IpAddresses.class),
                entry("AppExtCpConfigMap", AppExtCpConfigMap.class),
                entry("VimConnectionInfoMap", VimConnectionInfoMap.class));
    }
}

/**
 * The platform provisioning contract (docs/provisioning-api.md): not an ETSI API, the Mm5-like interface between
 * mec-app-lcm (MEPM role) and the mec-platform of one MEC host. Both sides use these types.
 */
package org.edgemec.mp1api.provisioning;

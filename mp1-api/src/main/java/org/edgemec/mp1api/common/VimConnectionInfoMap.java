package org.edgemec.mp1api.common;

import java.util.LinkedHashMap;

/** MEC 010-2 VimConnectionInfoMap: an object whose values are VimConnectionInfo, keyed by connection id. */
public class VimConnectionInfoMap extends LinkedHashMap<String, VimConnectionInfo> {
}

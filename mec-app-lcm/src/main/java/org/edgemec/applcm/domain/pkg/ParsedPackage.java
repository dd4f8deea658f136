package org.edgemec.applcm.domain.pkg;

import org.edgemec.mp1api.mec0102.appd.AppD;

/** What onboarding learnt from a package zip: the AppD and where its image archive is. */
public record ParsedPackage(AppD appD, String appDJson, String imageName, String imageEntry, ImageKind imageKind) {
}

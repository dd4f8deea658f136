package org.edgemec.platform.appsupport;

import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.mp1api.common.TimeStamp;
import org.edgemec.mp1api.mec011.appsupport.CurrentTime;
import org.edgemec.mp1api.mec011.appsupport.TimingCaps;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Platform time (MEC 011 timing). The clock is the host's real clock. TRACEABLE is claimed only when the host says
 * its clock is NTP-synchronised ({@code timedatectl show -p NTPSynchronized}); otherwise NONTRACEABLE. NTP servers
 * and PTP masters are not reported: the platform does not manage them, so it does not know them reliably.
 */
@ApplicationScoped
public class TimingService {

    private static final Logger LOG = Logger.getLogger(TimingService.class);
    private static final Duration RECHECK = Duration.ofMinutes(1);

    private volatile CurrentTime.TimeSourceStatus status;
    private volatile Instant checkedAt = Instant.EPOCH;

    public CurrentTime currentTime() {
        Instant now = Instant.now();
        return new CurrentTime(now.getEpochSecond(), (long) now.getNano(), timeSourceStatus(now));
    }

    public TimingCaps timingCaps() {
        return new TimingCaps(TimeStamp.now(), null, null);
    }

    private CurrentTime.TimeSourceStatus timeSourceStatus(Instant now) {
        if (status == null || checkedAt.plus(RECHECK).isBefore(now)) {
            status = ntpSynchronised() ? CurrentTime.TimeSourceStatus.TRACEABLE
                    : CurrentTime.TimeSourceStatus.NONTRACEABLE;
            checkedAt = now;
        }
        return status;
    }

    private static boolean ntpSynchronised() {
        try {
            Process process = new ProcessBuilder("timedatectl", "show", "-p", "NTPSynchronized", "--value")
                    .redirectErrorStream(true).start();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.exitValue() == 0 && out.equals("yes");
        } catch (IOException e) {
            LOG.debugf("timedatectl unavailable: %s", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

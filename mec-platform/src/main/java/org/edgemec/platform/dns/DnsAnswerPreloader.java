package org.edgemec.platform.dns;

import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

/**
 * Keeps {@link DnsAnswerCache} filled with every name that has records: preloads it on a worker thread at start and
 * after each change of the tables the answers are made of, so that a query meets a name in memory instead of reading
 * it from the database first (which made a DNS server with many names slow until each had been asked once). At most
 * one preload runs; changes during it are folded into one more after it.
 */
final class DnsAnswerPreloader {

    private static final Logger LOG = Logger.getLogger(DnsAnswerPreloader.class);

    private final Vertx vertx;
    private final DnsAnswerCache cache;
    private boolean running;
    private boolean again;

    DnsAnswerPreloader(Vertx vertx, DnsAnswerCache cache) {
        this.vertx = vertx;
        this.cache = cache;
    }

    /** Non-blocking: asks for a preload. */
    synchronized void request() {
        if (running) {
            again = true;
            return;
        }
        running = true;
        start();
    }

    private void start() {
        vertx.executeBlocking(() -> {
            long started = System.nanoTime();
            int names = cache.preload();
            LOG.debugf("DNS answers of %d names preloaded in %d ms", names, (System.nanoTime() - started) / 1_000_000);
            return names;
        }, false).onComplete(done -> {
            if (done.failed()) {
                // the names are still read one by one when queried
                LOG.warnf("DNS answers not preloaded: %s", done.cause().getMessage());
            }
            finished();
        });
    }

    private synchronized void finished() {
        if (again) {
            again = false;
            start();
        } else {
            running = false;
        }
    }
}

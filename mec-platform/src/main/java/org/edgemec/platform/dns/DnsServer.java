package org.edgemec.platform.dns;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.parsetools.RecordParser;
import org.jboss.logging.Logger;

/**
 * UDP and TCP listeners of the DNS server on one address and port. A query whose answer the rule source holds in
 * memory is answered on the event loop; any other one on a worker thread, because the rule source may block (database)
 * and the upstream is asked synchronously. TCP uses the two-byte length framing of RFC 1035
 * 4.2.2, several queries per connection.
 */
public final class DnsServer {

    private static final Logger LOG = Logger.getLogger(DnsServer.class);
    private static final int BIND_ATTEMPTS = 5;
    private static final int UDP_RECEIVE_BUFFER = 1 << 20;
    private static final int TCP_IDLE_TIMEOUT_SECONDS = 30;

    private final Vertx vertx;
    private final String host;
    private final int requestedPort;
    private final DnsPacketHandler handler;
    private volatile DatagramSocket udp;
    private volatile NetServer tcp;
    private volatile int port = -1;

    /** @param port 0 picks a port that is free for both UDP and TCP */
    public DnsServer(Vertx vertx, String host, int port, DnsPacketHandler handler) {
        this.vertx = vertx;
        this.host = host;
        this.requestedPort = port;
        this.handler = handler;
    }

    /** Binds UDP, then TCP on the same port; completes with that port. */
    public Future<Integer> start() {
        return bind(BIND_ATTEMPTS).onSuccess(p -> LOG.infof("DNS server listening on %s:%d (UDP and TCP)", host, p));
    }

    public Future<Void> stop() {
        DatagramSocket u = udp;
        NetServer t = tcp;
        udp = null;
        tcp = null;
        port = -1;
        Future<Void> udpClosed = u == null ? Future.succeededFuture() : u.close();
        Future<Void> tcpClosed = t == null ? Future.succeededFuture() : t.close();
        return Future.join(udpClosed, tcpClosed).mapEmpty();
    }

    public boolean listening() {
        return udp != null && tcp != null;
    }

    /** The bound port, -1 when not listening. */
    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    private Future<Integer> bind(int attemptsLeft) {
        DatagramSocket socket = vertx.createDatagramSocket(
                new DatagramSocketOptions().setReceiveBufferSize(UDP_RECEIVE_BUFFER));
        socket.handler(packet -> serveUdp(socket, packet));
        return socket.listen(requestedPort, host).onFailure(failure -> socket.close()).compose(bound -> {
            int boundPort = bound.localAddress().port();
            NetServer server = vertx.createNetServer(new NetServerOptions().setIdleTimeout(TCP_IDLE_TIMEOUT_SECONDS));
            server.connectHandler(this::serveTcp);
            return server.listen(boundPort, host).map(listening -> {
                udp = bound;
                tcp = listening;
                port = boundPort;
                return boundPort;
            }).recover(failure -> {
                bound.close();
                // with port 0 another process may hold the TCP side of the chosen UDP port: try another one
                return requestedPort == 0 && attemptsLeft > 1 ? bind(attemptsLeft - 1) : Future.failedFuture(failure);
            });
        });
    }

    private void serveUdp(DatagramSocket socket, DatagramPacket packet) {
        byte[] query = packet.data().getBytes();
        SocketAddress sender = packet.sender();
        byte[] inMemory = handler.handleInMemory(query, false, sender);
        if (inMemory != DnsPacketHandler.NEEDS_WORKER) {
            if (inMemory != null) {
                socket.send(Buffer.buffer(inMemory), sender.port(), sender.host());
            }
            return;
        }
        vertx.executeBlocking(() -> handler.handle(query, false, sender), false).onComplete(done -> {
            if (done.failed()) {
                LOG.warnf(done.cause(), "DNS query from %s failed", sender);
            } else if (done.result() != null) {
                socket.send(Buffer.buffer(done.result()), sender.port(), sender.host());
            }
        });
    }

    private void serveTcp(NetSocket socket) {
        RecordParser parser = RecordParser.newFixed(2);
        boolean[] readingLength = {true};
        parser.handler(chunk -> {
            if (readingLength[0]) {
                int length = chunk.getUnsignedShort(0);
                if (length == 0) {
                    socket.close();
                    return;
                }
                readingLength[0] = false;
                parser.fixedSizeMode(length);
            } else {
                readingLength[0] = true;
                parser.fixedSizeMode(2);
                answerTcp(socket, chunk.getBytes());
            }
        });
        socket.handler(parser);
        socket.exceptionHandler(e -> LOG.debugf("DNS TCP connection from %s: %s", socket.remoteAddress(), e));
    }

    private void answerTcp(NetSocket socket, byte[] query) {
        SocketAddress client = socket.remoteAddress();
        byte[] inMemory = handler.handleInMemory(query, true, client);
        if (inMemory != DnsPacketHandler.NEEDS_WORKER) {
            writeTcp(socket, inMemory);
            return;
        }
        vertx.executeBlocking(() -> handler.handle(query, true, client), false).onComplete(done -> {
            if (done.failed()) {
                LOG.warnf(done.cause(), "DNS query from %s failed", client);
                socket.close();
            } else {
                writeTcp(socket, done.result());
            }
        });
    }

    /** RFC 1035 4.2.2 framing; null (nothing to answer) closes the connection. */
    private static void writeTcp(NetSocket socket, byte[] response) {
        if (response == null) {
            socket.close();
        } else {
            socket.write(Buffer.buffer(response.length + 2).appendUnsignedShort(response.length).appendBytes(response));
        }
    }
}

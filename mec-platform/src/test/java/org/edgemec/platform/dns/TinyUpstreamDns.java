package org.edgemec.platform.dns;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * A second, independent DNS server used as the upstream in tests: blocking dnsjava loops on UDP and TCP of one
 * loopback port. It knows one name, {@value #NAME}, and answers NXDOMAIN for every other.
 */
final class TinyUpstreamDns implements AutoCloseable {

    static final String NAME = "upstream.example.";
    static final String ADDRESS = "192.0.2.53";
    static final long TTL = 42;

    private final DatagramSocket udp;
    private final ServerSocket tcp;

    private TinyUpstreamDns(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        daemon("tiny-dns-udp", this::serveUdp);
        daemon("tiny-dns-tcp", this::serveTcp);
    }

    static TinyUpstreamDns start() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
                try {
                    return new TinyUpstreamDns(udp, new ServerSocket(udp.getLocalPort(), 50, loopback));
                } catch (IOException tcpPortTaken) {
                    udp.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free UDP+TCP port for the test upstream");
    }

    int port() {
        return udp.getLocalPort();
    }

    static byte[] answer(byte[] packet) throws IOException {
        Message query = new Message(packet);
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        response.addRecord(query.getQuestion(), Section.QUESTION);
        Name name = query.getQuestion().getName();
        if (name.equals(Name.fromString(NAME))) {
            if (query.getQuestion().getType() == Type.A) {
                response.addRecord(new ARecord(name, DClass.IN, TTL, InetAddress.getByName(ADDRESS)), Section.ANSWER);
            }
        } else {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        return response.toWire();
    }

    private void serveUdp() {
        byte[] buffer = new byte[4096];
        while (!udp.isClosed()) {
            try {
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                udp.receive(in);
                byte[] out = answer(Arrays.copyOf(in.getData(), in.getLength()));
                udp.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a packet it cannot read: the test upstream ignores it
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket socket = tcp.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                byte[] query = new byte[in.readUnsignedShort()];
                in.readFully(query);
                byte[] response = answer(query);
                out.writeShort(response.length);
                out.write(response);
                out.flush();
            } catch (IOException e) {
                // closed, or a client that went away
            }
        }
    }

    private static void daemon(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // already closed
        }
    }
}

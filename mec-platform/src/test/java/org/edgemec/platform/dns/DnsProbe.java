package org.edgemec.platform.dns;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** Real DNS clients for the tests: dnsjava over UDP or TCP, raw datagrams, and the dig command line tool. */
final class DnsProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final int port;

    DnsProbe(int port) {
        this.port = port;
    }

    Message udp(String name, int type) {
        return send(Message.newQuery(Record.newRecord(name(name), type, DClass.IN)), false);
    }

    Message tcp(String name, int type) {
        return send(Message.newQuery(Record.newRecord(name(name), type, DClass.IN)), true);
    }

    /** Sends over one transport only: a truncated UDP answer is returned as it is, not retried over TCP. */
    Message send(Message query, boolean tcp) {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        resolver.setTCP(tcp);
        resolver.setIgnoreTruncation(true);
        resolver.setTimeout(TIMEOUT);
        try {
            return resolver.send(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends raw datagrams from one socket and returns the first datagram that comes back. */
    byte[] rawUdp(byte[]... packets) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            for (byte[] packet : packets) {
                socket.send(new DatagramPacket(packet, packet.length, server));
            }
            byte[] buffer = new byte[65535];
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            socket.receive(in);
            return Arrays.copyOf(in.getData(), in.getLength());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code dig @127.0.0.1 -p PORT args...} and returns its standard output. */
    String dig(String... args) {
        Path dig = Arrays.stream(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .map(dir -> Path.of(dir, "dig")).filter(Files::isExecutable).findFirst().orElse(null);
        if (dig == null) {
            fail("the dig command is missing: install the apt package bind9-dnsutils");
        }
        List<String> command = new ArrayList<>(List.of(dig.toString(), "@127.0.0.1", "-p", String.valueOf(port),
                "+time=3", "+tries=1"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("dig did not finish: " + command);
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Name name(String name) {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

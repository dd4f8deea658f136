package org.edgemec.platform.proxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The real curl (7.88) as the client: an Alt-Svc cache file and a cookie jar per client, the origin host name resolved
 * to the origin proxy with --resolve (curl ignores Alt-Svc when --connect-to matches).
 */
final class Curl {

    record Response(int status, int remotePort, String httpVersion, String headers, String body) {

        String header(String name) {
            return headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).reduce((a, b) -> b).orElse(null);
        }
    }

    private final Path dir;
    private final Path ca;
    private final String originHost;
    private final int originPort;
    private final boolean altSvc;

    Curl(Path dir, Path ca, String originHost, int originPort, boolean altSvc) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.ca = ca;
        this.originHost = originHost;
        this.originPort = originPort;
        this.altSvc = altSvc;
        Files.deleteIfExists(dir.resolve("alt-svc.txt"));
        Files.deleteIfExists(dir.resolve("cookies.txt"));
    }

    String origin() {
        return "https://" + originHost + ":" + originPort;
    }

    Response get(String path) throws Exception {
        return run(List.of(origin() + path));
    }

    Response post(String path, String json) throws Exception {
        return run(List.of("-X", "POST", "-H", "Content-Type: application/json", "--data-binary", json, origin() + path));
    }

    Response withCookie(String cookie, String path) throws Exception {
        return run(List.of("-H", "Cookie: " + cookie, origin() + path));
    }

    /** curl over plain HTTP (no Alt-Svc, no cookie jar), for the data plane's answers to odd requests. */
    static Response plain(Path dir, List<String> args) throws Exception {
        Files.createDirectories(dir);
        Path headers = dir.resolve("plain-headers.txt");
        Path body = dir.resolve("plain-body.txt");
        Files.deleteIfExists(body);
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20", "-D", headers.toString(),
                "-o", body.toString(), "-w", "%{http_code} %{remote_port} %{http_version}"));
        cmd.addAll(args);
        return exec(cmd, headers, body);
    }

    Path altSvcFile() {
        return dir.resolve("alt-svc.txt");
    }

    private Response run(List<String> extra) throws Exception {
        Path headers = dir.resolve("headers.txt");
        Path body = dir.resolve("body.txt");
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--http2", "--max-time", "20",
                "--cacert", ca.toString(),
                "--resolve", originHost + ":" + originPort + ":127.0.0.1",
                "-c", dir.resolve("cookies.txt").toString(), "-b", dir.resolve("cookies.txt").toString(),
                "-D", headers.toString(), "-o", body.toString(),
                "-w", "%{http_code} %{remote_port} %{http_version}"));
        if (altSvc) {
            cmd.addAll(List.of("--alt-svc", altSvcFile().toString()));
        }
        cmd.addAll(extra);
        return exec(cmd, headers, body);
    }

    private static Response exec(List<String> cmd, Path headers, Path body) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("curl failed (" + p.exitValue() + "): " + err + " " + cmd);
        }
        String[] w = out.split(" ");
        return new Response(Integer.parseInt(w[0]), Integer.parseInt(w[1]), w[2],
                Files.readString(headers), Files.exists(body) ? Files.readString(body) : "");
    }
}

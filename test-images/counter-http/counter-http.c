/*
 * EdgeMEC test app: a stateful HTTP counter whose state lives ONLY in this process's memory.
 *   GET /        count + 1, answers {"count":N,"token":"...","pid":P,"started":S}
 *   GET /peek    the same without counting
 *   GET /healthz "ok"
 * The token is random per process start: after a checkpoint/restore count and token continue, after a restart the
 * token differs and the count begins again at 1, so a client tells a state-keeping relocation from a fresh start.
 * One request per connection (Connection: close), one connection at a time: nothing is left open between requests,
 * so a checkpoint between two requests finds no established TCP connection to carry.
 * Built static (gcc -static) into a busybox rootfs by test-images/build.sh. COUNTER_PORT changes the port (8080).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stopping = 0;

static void on_term(int sig) { (void)sig; stopping = 1; }

static void random_token(char *out, size_t hexlen) {
    unsigned char buf[32];
    size_t n = hexlen / 2 > sizeof buf ? sizeof buf : hexlen / 2;
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd < 0 || read(fd, buf, n) != (ssize_t)n) {
        srand((unsigned)time(NULL) ^ (unsigned)getpid());
        for (size_t i = 0; i < n; i++) buf[i] = (unsigned char)rand();
    }
    if (fd >= 0) close(fd);
    for (size_t i = 0; i < n; i++) sprintf(out + 2 * i, "%02x", buf[i]);
    out[2 * n] = '\0';
}

static void answer(int fd, int status, const char *reason, const char *type, const char *body) {
    char head[256];
    int len = snprintf(head, sizeof head,
                       "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\nCache-Control: no-store\r\n"
                       "Connection: close\r\n\r\n", status, reason, type, strlen(body));
    if (write(fd, head, (size_t)len) < 0 || write(fd, body, strlen(body)) < 0) {
        /* the client went away: nothing to do */
    }
}

int main(void) {
    const char *port_env = getenv("COUNTER_PORT");
    int port = port_env ? atoi(port_env) : 8080;
    char token[33];
    long count = 0;
    long started = (long)time(NULL);
    random_token(token, 32);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    int srv = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    addr.sin_port = htons((unsigned short)port);
    if (bind(srv, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(srv, 64) < 0) {
        perror("counter-http: bind/listen");
        return 1;
    }
    printf("counter-http: listening on %d, token %s\n", port, token);
    fflush(stdout);

    while (!stopping) {
        int c = accept(srv, NULL, NULL);
        if (c < 0) {
            if (errno == EINTR) continue;
            perror("counter-http: accept");
            continue;
        }
        struct timeval tv = {2, 0}; /* a silent client must not stall the others */
        setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        char req[4096];
        size_t got = 0;
        while (got < sizeof req - 1) {
            ssize_t n = read(c, req + got, sizeof req - 1 - got);
            if (n <= 0) break;
            got += (size_t)n;
            req[got] = '\0';
            if (strstr(req, "\r\n\r\n")) break;
        }
        req[got] = '\0';
        char method[8] = "", path[256] = "";
        if (sscanf(req, "%7s %255s", method, path) != 2) {
            answer(c, 400, "Bad Request", "text/plain", "bad request\n");
        } else if (strcmp(method, "GET") != 0) {
            answer(c, 405, "Method Not Allowed", "text/plain", "GET only\n");
        } else if (strcmp(path, "/healthz") == 0) {
            answer(c, 200, "OK", "text/plain", "ok\n");
        } else if (strcmp(path, "/") == 0 || strcmp(path, "/peek") == 0) {
            if (strcmp(path, "/") == 0) count++;
            char body[256];
            snprintf(body, sizeof body, "{\"count\":%ld,\"token\":\"%s\",\"pid\":%d,\"started\":%ld}\n", count,
                     token, (int)getpid(), started);
            answer(c, 200, "OK", "application/json", body);
        } else {
            answer(c, 404, "Not Found", "text/plain", "not found\n");
        }
        shutdown(c, SHUT_WR);
        close(c);
    }
    printf("counter-http: stopping at count=%ld\n", count);
    return 0;
}

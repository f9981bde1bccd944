/*
 * mgchat — an independent chat load client in C, to compare Mangonel's chat client against.
 *
 * Single thread, one epoll instance, one timerfd. N clients connect to HOST:PORT, each sends a
 * join line ("NICK user{client}"), then every client sends message lines in Mangonel's format
 * (see engine/.../protocol/chat/ChatLines.java) on Mangonel's schedule (open model):
 *
 *   client g's k-th message is due at  epoch + g*interval/clients + k*interval
 *
 * where epoch is the instant every client has connected (the warm-up starts there), and
 * interval = 1 s / rate. Merged over all clients these due times form one non-decreasing
 * sequence (the m-th send is client m mod N, message m / N), so the next send is found in O(1).
 * The timerfd is armed (absolute, CLOCK_MONOTONIC) at the next due time and epoll_wait sleeps
 * with no timeout until it or a socket is ready: the process never spins between sends. A
 * message is sent when it is due even if the server is slow (open model).
 *
 * Every client reads and checks every line it receives: "#mg " is looked for anywhere in the
 * line and the fixed-width fields after it are checked byte by byte (ChatLineDecoder's rules).
 * A message from another client that was due inside the measured window and read before the
 * drain period ends is a delivery; its latency runs from its DUE time to the moment the
 * recipient's read() returned (one clock reading per read call). Latencies go into a log-linear
 * histogram: 1 µs buckets below 16.384 ms, then 1024 buckets per power of two (< 0.1% wide).
 *
 * Output: one line of key=value. user_s/sys_s are getrusage(RUSAGE_SELF) taken at the start and
 * the end of the measured window (drain excluded).
 *
 * Build: cc -O2 -Wall -Wextra -o mgchat mgchat.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

/* ---- message line layout (ChatLines.java) ---- */
#define HEADER_BYTES 47
#define SENDER_AT 4
#define SEQ_AT 11
#define DUE_AT 21
#define SENT_AT 34
#define PAD_AT 47
#define MAX_LINE_BYTES (1 << 20)
#define MAX_CLIENTS_TRACKED 4096 /* as ChatLoadSpec: duplicate detection up to this many */
#define READ_BUF_BYTES (64 * 1024)

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void die(const char *what) {
    fprintf(stderr, "mgchat: %s: %s\n", what, strerror(errno));
    exit(2);
}

/* ---- histogram: microseconds ---- */
#define LINEAR_BITS 14                     /* 1 µs buckets for [0, 16384) µs */
#define LINEAR (1 << LINEAR_BITS)
#define SUB_BITS 10                        /* then 1024 buckets per power of two */
#define SUB (1 << SUB_BITS)
#define MAX_EXP 40                         /* values up to 2^40 µs (~12 days) */
#define NBUCKETS (LINEAR + (MAX_EXP - LINEAR_BITS) * SUB)

static uint64_t hist[NBUCKETS];
static uint64_t hist_count;
static uint64_t hist_max;

static int bucket_of(uint64_t v) {
    if (v < LINEAR) {
        return (int)v;
    }
    int e = 63 - __builtin_clzll(v);       /* LINEAR_BITS <= e */
    if (e >= MAX_EXP) {
        return NBUCKETS - 1;
    }
    int sub = (int)(v >> (e - SUB_BITS)) - SUB;
    return LINEAR + (e - LINEAR_BITS) * SUB + sub;
}

/* The highest value that falls into bucket b (as HdrHistogram reports percentiles). */
static uint64_t bucket_high(int b) {
    if (b < LINEAR) {
        return (uint64_t)b;
    }
    int e = (b - LINEAR) / SUB + LINEAR_BITS;
    uint64_t sub = (uint64_t)((b - LINEAR) % SUB) + SUB;
    return ((sub + 1) << (e - SUB_BITS)) - 1;
}

static void hist_record(uint64_t us) {
    hist[bucket_of(us)]++;
    hist_count++;
    if (us > hist_max) {
        hist_max = us;
    }
}

/* The value at percentile p: the smallest recorded bucket covering ceil-ish p% of the count. */
static uint64_t hist_percentile(double p) {
    if (hist_count == 0) {
        return 0;
    }
    uint64_t target = (uint64_t)(p / 100.0 * (double)hist_count + 0.5);
    if (target < 1) {
        target = 1;
    }
    uint64_t seen = 0;
    for (int b = 0; b < NBUCKETS; b++) {
        seen += hist[b];
        if (seen >= target) {
            uint64_t v = bucket_high(b);
            return v < hist_max ? v : hist_max;
        }
    }
    return hist_max;
}

/* ---- clients ---- */
enum { CONNECTING, JOINED, DEAD };

struct client {
    int fd;
    int id;
    int state;
    /* decoder (ChatLineDecoder) */
    int line_bytes;
    int marker;
    int at;                 /* -1: looking for the marker; else offset in the message */
    bool damaged;
    bool pending_cr;
    int64_t f_sender, f_seq, f_due, f_sent;
    /* unsent bytes, kept until the socket drains */
    char *out;
    size_t out_len, out_cap;
    int32_t *last_seq;      /* per sender, or NULL when there are too many clients */
};

static struct client *clients;
static int nclients;
static int epfd;
static int message_size = 64;

/* run window, CLOCK_MONOTONIC ns */
static int64_t epoch_ns, mstart_ns, mend_ns, end_ns;
static int64_t interval_ns;
static int64_t *phase_ns;
static uint64_t send_index;

/* counters (measured window) */
static uint64_t sent, expected, delivered, duplicated, corrupted, errors;
static int joined_count;

static struct rusage ru_start, ru_end;
static bool have_ru_start, have_ru_end;

static const char MARKER[4] = {'#', 'm', 'g', ' '};

static bool in_window(int64_t due, int64_t now) {
    return due >= mstart_ns && due < mend_ns && now <= end_ns;
}

static void fail(struct client *c, const char *why, int64_t now) {
    if (c->state == DEAD) {
        return;
    }
    if (c->state == JOINED) {
        joined_count--;
    }
    c->state = DEAD;
    epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
    close(c->fd);
    (void)now;
    errors++; /* any failure, warm-up included: there is no reconnecting */
    fprintf(stderr, "mgchat: client %d: %s\n", c->id, why);
}

static void want_write(struct client *c, bool on) {
    struct epoll_event ev = {.events = EPOLLIN | (on ? EPOLLOUT : 0), .data.ptr = c};
    if (epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev) < 0) {
        die("epoll_ctl");
    }
}

/* Writes, keeping whatever the socket does not take now; false when the connection failed. */
static bool client_write(struct client *c, const char *p, size_t n, int64_t now) {
    if (c->out_len == 0) {
        ssize_t w = write(c->fd, p, n);
        if (w < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                fail(c, strerror(errno), now);
                return false;
            }
            w = 0;
        }
        p += w;
        n -= (size_t)w;
        if (n == 0) {
            return true;
        }
        want_write(c, true);
    }
    if (c->out_len + n > c->out_cap) {
        c->out_cap = (c->out_len + n) * 2;
        c->out = realloc(c->out, c->out_cap);
        if (!c->out) {
            die("realloc");
        }
    }
    memcpy(c->out + c->out_len, p, n);
    c->out_len += n;
    return true;
}

static void flush(struct client *c, int64_t now) {
    while (c->out_len > 0) {
        ssize_t w = write(c->fd, c->out, c->out_len);
        if (w < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                return;
            }
            fail(c, strerror(errno), now);
            return;
        }
        memmove(c->out, c->out + w, c->out_len - (size_t)w);
        c->out_len -= (size_t)w;
    }
    want_write(c, false);
}

static void put_digits(char *p, int64_t v, int width) {
    static const int64_t pow10[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
                                    1000000000LL, 10000000000LL, 100000000000LL, 1000000000000LL};
    int64_t m = v % pow10[width];
    if (m < 0) {
        m += pow10[width];
    }
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + m % 10);
        m /= 10;
    }
}

static char *line_template;   /* "#mg ...... ......... ............ ............ xxxx\n" */

static void send_message(struct client *c, uint64_t seq, int64_t due, int64_t now) {
    if (c->state != JOINED) {
        return;
    }
    char *line = line_template;
    int64_t sent_at = now_ns();
    put_digits(line + SENDER_AT, c->id, 6);
    put_digits(line + SEQ_AT, (int64_t)seq, 9);
    put_digits(line + DUE_AT, (due - epoch_ns) / 1000, 12);
    put_digits(line + SENT_AT, (sent_at - epoch_ns) / 1000, 12);
    if (!client_write(c, line, (size_t)message_size + 1, now)) {
        return;
    }
    if (in_window(due, now)) {
        sent++;
        expected += (uint64_t)(joined_count - 1);
    }
}

/* A complete MESSAGE line was decoded on c, read at `now`. */
static void on_message(struct client *c, int64_t now) {
    int64_t sender = c->f_sender;
    if (sender == c->id) {
        return; /* our own line echoed back */
    }
    int64_t due = epoch_ns + c->f_due * 1000;
    bool recorded = in_window(due, now);
    if (sender >= nclients) {
        if (recorded) {
            corrupted++;
        }
        return;
    }
    if (c->last_seq) {
        int32_t seq = (int32_t)c->f_seq;
        if (seq <= c->last_seq[sender]) {
            if (recorded) {
                duplicated++;
            }
            return;
        }
        c->last_seq[sender] = seq;
    }
    if (recorded) {
        delivered++;
        int64_t lat = now - due;
        hist_record(lat > 0 ? (uint64_t)lat / 1000 : 0);
    }
}

static inline void field_digit(struct client *c, int64_t *acc, char b) {
    if (b < '0' || b > '9') {
        c->damaged = true;
    } else {
        *acc = *acc * 10 + (b - '0');
    }
}

static inline void field_space(struct client *c, char b) {
    if (b != ' ') {
        c->damaged = true;
    }
}

static inline void content(struct client *c, char b) {
    c->line_bytes++;
    if (c->at < 0) {
        if (b == MARKER[c->marker]) {
            if (++c->marker == 4) {
                c->at = 4;
                c->damaged = false;
                c->f_sender = c->f_seq = c->f_due = c->f_sent = 0;
            }
        } else {
            c->marker = b == MARKER[0] ? 1 : 0;
        }
        return;
    }
    int i = c->at++;
    if (i >= message_size) {
        c->damaged = true;
    } else if (i < SEQ_AT - 1) {
        field_digit(c, &c->f_sender, b);
    } else if (i == SEQ_AT - 1 || i == DUE_AT - 1 || i == SENT_AT - 1 || i == PAD_AT - 1) {
        field_space(c, b);
    } else if (i < DUE_AT - 1) {
        field_digit(c, &c->f_seq, b);
    } else if (i < SENT_AT - 1) {
        field_digit(c, &c->f_due, b);
    } else if (i < PAD_AT - 1) {
        field_digit(c, &c->f_sent, b);
    } else if (b != 'x') {
        c->damaged = true;
    }
}

static void reset_line(struct client *c) {
    c->line_bytes = 0;
    c->marker = 0;
    c->at = -1;
    c->pending_cr = false;
}

/* Feeds received bytes to c's decoder; false when the connection had to be dropped. */
static bool decode(struct client *c, const char *p, size_t n, int64_t now) {
    bool measuring = now >= mstart_ns && now <= end_ns;
    for (size_t k = 0; k < n; k++) {
        char b = p[k];
        if (b == '\n') {
            if (c->at >= 0) {
                if (!c->damaged && c->at == message_size) {
                    on_message(c, now);
                } else if (measuring) {
                    corrupted++;
                }
            }
            reset_line(c);
            continue;
        }
        if (c->pending_cr) {
            c->pending_cr = false;
            content(c, '\r');
        }
        if (b == '\r') {
            c->pending_cr = true;
        } else {
            content(c, b);
        }
        if (c->line_bytes > MAX_LINE_BYTES) {
            fail(c, "line too long", now);
            return false;
        }
    }
    return true;
}

static char read_buf[READ_BUF_BYTES];

static void on_readable(struct client *c) {
    for (int i = 0; i < 16 && c->state == JOINED; i++) {
        ssize_t n = read(c->fd, read_buf, sizeof read_buf);
        int64_t now = now_ns();
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK) {
                fail(c, strerror(errno), now);
            }
            return;
        }
        if (n == 0) {
            fail(c, "closed by the server", now);
            return;
        }
        if (!decode(c, read_buf, (size_t)n, now) || (size_t)n < sizeof read_buf) {
            return;
        }
    }
}

static void on_connected(struct client *c, int64_t now) {
    int err = 0;
    socklen_t len = sizeof err;
    if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err != 0) {
        errno = err;
        fail(c, "connect failed", now);
        return;
    }
    c->state = JOINED;
    joined_count++;
    want_write(c, false);
    char join[64];
    int n = snprintf(join, sizeof join, "NICK user%d\n", c->id);
    client_write(c, join, (size_t)n, now);
}

static int64_t due_of(uint64_t index) {
    return epoch_ns + phase_ns[index % (uint64_t)nclients] + (int64_t)(index / (uint64_t)nclients) * interval_ns;
}

static void arm(int tfd, int64_t at) {
    struct itimerspec its = {0};
    its.it_value.tv_sec = at / 1000000000LL;
    its.it_value.tv_nsec = at % 1000000000LL;
    if (its.it_value.tv_sec == 0 && its.it_value.tv_nsec == 0) {
        its.it_value.tv_nsec = 1;
    }
    if (timerfd_settime(tfd, TFD_TIMER_ABSTIME, &its, NULL) < 0) {
        die("timerfd_settime");
    }
}

static double seconds(struct timeval tv) {
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static void usage(void) {
    fprintf(stderr,
            "usage: mgchat [--host H] [--port P] [--clients N] [--rate R] [--size B]\n"
            "              [--warmup S] [--duration S] [--drain S] [--timer-slack-ns NS]\n"
            "  rate: messages per second per client; size: bytes per message before the LF (>= 48)\n");
    exit(2);
}

int main(int argc, char **argv) {
    const char *host = "127.0.0.1";
    const char *port = "9000";
    double rate = 1, warmup = 2, duration = 10, drain = 1;
    long slack_ns = -1;
    nclients = 100;
    static const struct option opts[] = {
        {"host", required_argument, 0, 'h'},     {"port", required_argument, 0, 'p'},
        {"clients", required_argument, 0, 'c'},  {"rate", required_argument, 0, 'r'},
        {"size", required_argument, 0, 's'},     {"warmup", required_argument, 0, 'w'},
        {"duration", required_argument, 0, 'd'}, {"drain", required_argument, 0, 'D'},
        {"timer-slack-ns", required_argument, 0, 'S'}, {0, 0, 0, 0}};
    int opt;
    while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (opt) {
        case 'h': host = optarg; break;
        case 'p': port = optarg; break;
        case 'c': nclients = atoi(optarg); break;
        case 'r': rate = atof(optarg); break;
        case 's': message_size = atoi(optarg); break;
        case 'w': warmup = atof(optarg); break;
        case 'd': duration = atof(optarg); break;
        case 'D': drain = atof(optarg); break;
        case 'S': slack_ns = atol(optarg); break;
        default: usage();
        }
    }
    if (optind != argc || nclients < 1 || nclients > 999999 || rate <= 0 || message_size < HEADER_BYTES + 1
        || message_size > 65536 || warmup < 0 || duration <= 0 || drain < 0) {
        usage();
    }
    if (slack_ns > 0 && prctl(PR_SET_TIMERSLACK, (unsigned long)slack_ns) < 0) {
        die("prctl(PR_SET_TIMERSLACK)");
    }
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t)nclients + 16) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_NOFILE, &rl);
    }

    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM}, *ai;
    int gai = getaddrinfo(host, port, &hints, &ai);
    if (gai != 0) {
        fprintf(stderr, "mgchat: %s:%s: %s\n", host, port, gai_strerror(gai));
        return 2;
    }

    line_template = malloc((size_t)message_size + 1);
    memset(line_template, 'x', (size_t)message_size);
    memcpy(line_template, "#mg 000000 000000000 000000000000 000000000000 ", HEADER_BYTES);
    line_template[message_size] = '\n';

    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
        die("epoll_create1");
    }
    int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (tfd < 0) {
        die("timerfd_create");
    }
    struct epoll_event tev = {.events = EPOLLIN, .data.ptr = NULL};
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, tfd, &tev) < 0) {
        die("epoll_ctl");
    }

    /* connect everyone */
    clients = calloc((size_t)nclients, sizeof *clients);
    int64_t t0 = now_ns();
    for (int g = 0; g < nclients; g++) {
        struct client *c = &clients[g];
        c->id = g;
        c->state = CONNECTING;
        reset_line(c);
        if (nclients <= MAX_CLIENTS_TRACKED) {
            c->last_seq = malloc(sizeof(int32_t) * (size_t)nclients);
            for (int i = 0; i < nclients; i++) {
                c->last_seq[i] = -1;
            }
        }
        c->fd = socket(ai->ai_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (c->fd < 0) {
            die("socket");
        }
        int one = 1;
        setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (connect(c->fd, ai->ai_addr, ai->ai_addrlen) < 0 && errno != EINPROGRESS) {
            die("connect");
        }
        struct epoll_event ev = {.events = EPOLLOUT, .data.ptr = c};
        if (epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &ev) < 0) {
            die("epoll_ctl");
        }
    }
    freeaddrinfo(ai);

    struct epoll_event events[256];
    int settled = 0;
    while (settled < nclients) {
        int64_t left_ms = (t0 + 10000000000LL - now_ns()) / 1000000;
        if (left_ms <= 0) {
            fprintf(stderr, "mgchat: %d of %d clients could not connect within 10 s\n", nclients - settled, nclients);
            return 1;
        }
        int n = epoll_wait(epfd, events, 256, (int)left_ms);
        if (n < 0 && errno != EINTR) {
            die("epoll_wait");
        }
        for (int i = 0; i < n; i++) {
            struct client *c = events[i].data.ptr;
            if (!c) {
                continue;
            }
            if (c->state == CONNECTING) {
                on_connected(c, now_ns());
                settled++;
            } else if (c->state == JOINED) {
                if (events[i].events & EPOLLOUT) {
                    flush(c, now_ns());
                }
                if (c->state == JOINED && (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))) {
                    on_readable(c);
                }
            }
        }
    }
    if (joined_count < 2) {
        fprintf(stderr, "mgchat: only %d clients connected; nothing to relay\n", joined_count);
        return 1;
    }

    /* the schedule */
    interval_ns = (int64_t)(1e9 / rate + 0.5);
    phase_ns = malloc(sizeof(int64_t) * (size_t)nclients);
    for (int g = 0; g < nclients; g++) {
        phase_ns[g] = (int64_t)((__int128)g * interval_ns / nclients);
    }
    epoch_ns = now_ns();
    mstart_ns = epoch_ns + (int64_t)(warmup * 1e6 + 0.5) * 1000; /* whole µs, as the fields */
    mend_ns = mstart_ns + (int64_t)(duration * 1e6 + 0.5) * 1000;
    end_ns = mend_ns + (int64_t)(drain * 1e6 + 0.5) * 1000;

    int64_t armed_at = -1;
    for (;;) {
        /* what is due now: milestones, then sends */
        int64_t now = now_ns();
        if (!have_ru_start && now >= mstart_ns) {
            getrusage(RUSAGE_SELF, &ru_start);
            have_ru_start = true;
        }
        int64_t due = due_of(send_index);
        while (due <= now && due < mend_ns) {
            send_message(&clients[send_index % (uint64_t)nclients], send_index / (uint64_t)nclients, due, now);
            send_index++;
            due = due_of(send_index);
        }
        if (!have_ru_end && now >= mend_ns) {
            getrusage(RUSAGE_SELF, &ru_end);
            have_ru_end = true;
        }
        if (now >= end_ns) {
            break;
        }
        int64_t next = end_ns;
        if (due < mend_ns && due < next) {
            next = due;
        }
        if (!have_ru_start && mstart_ns < next) {
            next = mstart_ns;
        }
        if (!have_ru_end && mend_ns < next) {
            next = mend_ns;
        }
        if (next != armed_at) { /* re-arm only when the deadline moved or the timer fired */
            arm(tfd, next);
            armed_at = next;
        }

        /* sleep until the timer or a socket */
        int n = epoll_wait(epfd, events, 256, -1);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            die("epoll_wait");
        }
        for (int i = 0; i < n; i++) {
            struct client *c = events[i].data.ptr;
            if (!c) {
                uint64_t expirations;
                if (read(tfd, &expirations, sizeof expirations) < 0 && errno != EAGAIN) {
                    die("read timerfd");
                }
                armed_at = -1;
                continue;
            }
            if (c->state != JOINED) {
                continue;
            }
            if (events[i].events & EPOLLOUT) {
                flush(c, now_ns());
            }
            if (c->state == JOINED && (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))) {
                on_readable(c);
            }
        }
    }

    double user = seconds(ru_end.ru_utime) - seconds(ru_start.ru_utime);
    double sys = seconds(ru_end.ru_stime) - seconds(ru_start.ru_stime);
    uint64_t lost = expected > delivered ? expected - delivered : 0;
    printf("clients=%d rate=%g size=%d duration_s=%g sent=%llu expected=%llu delivered=%llu lost=%llu "
           "duplicated=%llu corrupted=%llu errors=%llu deliveries_per_s=%.1f "
           "p50_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f user_s=%.3f sys_s=%.3f cpu_us_per_delivery=%.3f\n",
           nclients, rate, message_size, duration, (unsigned long long)sent, (unsigned long long)expected,
           (unsigned long long)delivered, (unsigned long long)lost, (unsigned long long)duplicated,
           (unsigned long long)corrupted, (unsigned long long)errors, (double)delivered / duration,
           hist_percentile(50) / 1000.0, hist_percentile(99) / 1000.0, hist_percentile(99.9) / 1000.0,
           hist_max / 1000.0, user, sys, delivered ? (user + sys) * 1e6 / (double)delivered : 0.0);
    return lost == 0 && errors == 0 ? 0 : 1;
}

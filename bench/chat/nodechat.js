#!/usr/bin/env node
'use strict';
/*
 * nodechat — a second independent chat load client, in plain Node.js (no modules beyond `net`),
 * to compare Mangonel's chat client against. It does mgchat's work (bench/chat/mgchat.c) the way a
 * Node program would: one thread, libuv's event loop, `setTimeout` for the schedule.
 *
 *   node bench/chat/nodechat.js --port 19400 --clients 100 --rate 10 --warmup 2 --duration 10
 *
 * The load is mgchat's, byte for byte and instant for instant:
 *   - N clients connect to HOST:PORT (TCP_NODELAY); each sends "NICK user{client}\n".
 *   - epoch = the moment every client is connected; client g's k-th message is due at
 *     epoch + g*interval/N + k*interval (interval = 1 s / rate). The merged sequence of due times
 *     is non-decreasing (send m is client m mod N, message m / N), so the next one is O(1).
 *   - Each message is a SIZE-byte line in Mangonel's format (ChatLines.java): "#mg " then sender
 *     (6 digits), sequence (9), due and sent times in µs since the epoch (12 each), space-separated,
 *     padded with 'x', then LF.
 *   - Every line received is checked field by field (ChatLineDecoder's rules): a damaged line is
 *     corrupted; a line from another client whose due time is inside the measured window and that
 *     arrives before the drain ends is a delivery; its latency runs from its DUE time to the read.
 *   - expected = Σ over messages sent in the window of (connected clients − 1); lost = expected −
 *     delivered.
 *
 * The one difference is the clock: libuv's timers have millisecond resolution, so a message is
 * sent at the first loop pass at or after its due time (up to ~1 ms late); its latency still runs
 * from the due time, so that lateness is in nodechat's figures. The CPU comparison is unaffected.
 *
 * Output: one line of key=value with mgchat's keys (user_s/sys_s: process.cpuUsage() over the
 * measured window, drain excluded). Exit status 0 when nothing was lost and nothing failed.
 */
const net = require('net');

// ---- options ----
const opts = { host: '127.0.0.1', port: 9000, clients: 100, rate: 1, size: 64, warmup: 2, duration: 10, drain: 1 };
const argv = process.argv.slice(2);
function usage() {
  process.stderr.write('usage: nodechat.js [--host H] [--port P] [--clients N] [--rate R] [--size B]\n' +
    '                   [--warmup S] [--duration S] [--drain S]\n');
  process.exit(2);
}
for (let i = 0; i < argv.length; i += 2) {
  const key = argv[i].replace(/^--/, '');
  if (!(key in opts) || i + 1 >= argv.length) usage();
  opts[key] = key === 'host' ? argv[i + 1] : Number(argv[i + 1]);
  if (key !== 'host' && !Number.isFinite(opts[key])) usage();
}
const HEADER_BYTES = 47;
const SENDER_AT = 4, SEQ_AT = 11, DUE_AT = 21, SENT_AT = 34, PAD_AT = 47;
const MAX_LINE_BYTES = 1 << 20;
const MAX_CLIENTS_TRACKED = 4096;
const N = opts.clients, SIZE = opts.size;
if (N < 2 || N > 999999 || opts.rate <= 0 || SIZE < HEADER_BYTES + 1 || SIZE > 65536 || opts.warmup < 0 ||
    opts.duration <= 0 || opts.drain < 0) usage();

// ---- clock: nanoseconds as a double (exact to well below a microsecond for days) ----
const nowNs = () => performance.now() * 1e6;

// ---- histogram in µs: 1 µs buckets below 16384 µs, then 1024 per power of two (as mgchat) ----
const LINEAR_BITS = 14, LINEAR = 1 << LINEAR_BITS, SUB_BITS = 10, SUB = 1 << SUB_BITS, MAX_EXP = 40;
const NBUCKETS = LINEAR + (MAX_EXP - LINEAR_BITS) * SUB;
const hist = new Float64Array(NBUCKETS);
let histCount = 0, histMax = 0;
function bucketOf(v) {
  if (v < LINEAR) return v;
  let e = Math.floor(Math.log2(v));
  if (2 ** e > v) e--;
  if (e >= MAX_EXP) return NBUCKETS - 1;
  const sub = Math.floor(v / 2 ** (e - SUB_BITS)) - SUB;
  return LINEAR + (e - LINEAR_BITS) * SUB + sub;
}
function bucketHigh(b) {
  if (b < LINEAR) return b;
  const e = Math.floor((b - LINEAR) / SUB) + LINEAR_BITS;
  const sub = ((b - LINEAR) % SUB) + SUB;
  return (sub + 1) * 2 ** (e - SUB_BITS) - 1;
}
function record(us) {
  hist[bucketOf(us)]++;
  histCount++;
  if (us > histMax) histMax = us;
}
function percentile(p) {
  if (histCount === 0) return 0;
  const target = Math.max(1, Math.floor(p / 100 * histCount + 0.5));
  let seen = 0;
  for (let b = 0; b < NBUCKETS; b++) {
    seen += hist[b];
    if (seen >= target) return Math.min(bucketHigh(b), histMax);
  }
  return histMax;
}

// ---- run state ----
let epochNs = 0, mstartNs = Infinity, mendNs = Infinity, endNs = Infinity, intervalNs = 0;
let sent = 0, expected = 0, delivered = 0, duplicated = 0, corrupted = 0, errors = 0;
let joinedCount = 0;
let cpuStart = null, cpuEnd = null;
const inWindow = (dueNs, now) => dueNs >= mstartNs && dueNs < mendNs && now <= endNs;

const MARKER = [0x23, 0x6d, 0x67, 0x20]; // "#mg "
const template = Buffer.alloc(SIZE + 1, 'x');
template.write('#mg 000000 000000000 000000000000 000000000000 ', 0, 'latin1');
template[SIZE] = 0x0a;

function putDigits(buf, at, value, width) {
  let m = value % 10 ** width;
  for (let i = width - 1; i >= 0; i--) {
    buf[at + i] = 0x30 + (m % 10);
    m = Math.floor(m / 10);
  }
}

class Client {
  constructor(id) {
    this.id = id;
    this.joined = false;
    this.dead = false;
    this.lastSeq = N <= MAX_CLIENTS_TRACKED ? new Int32Array(N).fill(-1) : null;
    this.resetLine();
    this.socket = null;
  }

  resetLine() {
    this.lineBytes = 0;
    this.marker = 0;
    this.at = -1;
    this.pendingCr = false;
    this.damaged = false;
    this.fSender = 0; this.fSeq = 0; this.fDue = 0; this.fSent = 0;
  }

  fail(why) {
    if (this.dead) return;
    if (this.joined) joinedCount--;
    this.joined = false;
    this.dead = true;
    errors++;
    process.stderr.write(`nodechat: client ${this.id}: ${why}\n`);
    this.socket.destroy();
  }

  send(seq, dueNs) {
    if (!this.joined) return;
    const line = Buffer.allocUnsafe(SIZE + 1);
    template.copy(line);
    putDigits(line, SENDER_AT, this.id, 6);
    putDigits(line, SEQ_AT, seq, 9);
    putDigits(line, DUE_AT, Math.floor((dueNs - epochNs) / 1000), 12);
    putDigits(line, SENT_AT, Math.floor((nowNs() - epochNs) / 1000), 12);
    this.socket.write(line);
    const now = nowNs();
    if (inWindow(dueNs, now)) {
      sent++;
      expected += joinedCount - 1;
    }
  }

  onMessage(now) {
    const sender = this.fSender;
    if (sender === this.id) return; // our own line echoed back
    const dueNs = epochNs + this.fDue * 1000;
    const recorded = inWindow(dueNs, now);
    if (sender >= N) {
      if (recorded) corrupted++;
      return;
    }
    if (this.lastSeq) {
      if (this.fSeq <= this.lastSeq[sender]) {
        if (recorded) duplicated++;
        return;
      }
      this.lastSeq[sender] = this.fSeq;
    }
    if (recorded) {
      delivered++;
      const lat = now - dueNs;
      record(lat > 0 ? Math.floor(lat / 1000) : 0);
    }
  }

  digit(b) {
    if (b < 0x30 || b > 0x39) {
      this.damaged = true;
      return 0;
    }
    return b - 0x30;
  }

  content(b) {
    this.lineBytes++;
    if (this.at < 0) {
      if (b === MARKER[this.marker]) {
        if (++this.marker === 4) {
          this.at = 4;
          this.damaged = false;
          this.fSender = 0; this.fSeq = 0; this.fDue = 0; this.fSent = 0;
        }
      } else {
        this.marker = b === MARKER[0] ? 1 : 0;
      }
      return;
    }
    const i = this.at++;
    if (i >= SIZE) this.damaged = true;
    else if (i < SEQ_AT - 1) this.fSender = this.fSender * 10 + this.digit(b);
    else if (i === SEQ_AT - 1 || i === DUE_AT - 1 || i === SENT_AT - 1 || i === PAD_AT - 1) {
      if (b !== 0x20) this.damaged = true;
    } else if (i < DUE_AT - 1) this.fSeq = this.fSeq * 10 + this.digit(b);
    else if (i < SENT_AT - 1) this.fDue = this.fDue * 10 + this.digit(b);
    else if (i < PAD_AT - 1) this.fSent = this.fSent * 10 + this.digit(b);
    else if (b !== 0x78) this.damaged = true;
  }

  onData(chunk) {
    const now = nowNs();
    const measuring = now >= mstartNs && now <= endNs;
    for (let k = 0; k < chunk.length; k++) {
      const b = chunk[k];
      if (b === 0x0a) {
        if (this.at >= 0) {
          if (!this.damaged && this.at === SIZE) this.onMessage(now);
          else if (measuring) corrupted++;
        }
        this.resetLine();
        continue;
      }
      if (this.pendingCr) {
        this.pendingCr = false;
        this.content(0x0d);
      }
      if (b === 0x0d) this.pendingCr = true;
      else this.content(b);
      if (this.lineBytes > MAX_LINE_BYTES) {
        this.fail('line too long');
        return;
      }
    }
  }
}

// ---- connect everyone, then run the schedule ----
const clients = [];
let settled = 0;
const connectDeadline = setTimeout(() => {
  process.stderr.write(`nodechat: ${N - settled} of ${N} clients could not connect within 10 s\n`);
  process.exit(1);
}, 10000);

for (let g = 0; g < N; g++) {
  const c = new Client(g);
  clients.push(c);
  const s = net.connect({ host: opts.host, port: opts.port, noDelay: true });
  c.socket = s;
  s.on('connect', () => {
    c.joined = true;
    joinedCount++;
    s.write(`NICK user${g}\n`);
    if (++settled === N) start();
  });
  s.on('data', (chunk) => { if (!c.dead) c.onData(chunk); });
  s.on('error', (e) => {
    if (!c.joined && !c.dead) {
      c.dead = true;
      errors++;
      if (++settled === N) start();
    } else {
      c.fail(e.message);
    }
  });
  s.on('end', () => c.fail('closed by the server'));
}

let sendIndex = 0;
let phaseNs = null;
const dueOf = (index) => epochNs + phaseNs[index % N] + Math.floor(index / N) * intervalNs;

function start() {
  clearTimeout(connectDeadline);
  if (joinedCount < 2) {
    process.stderr.write(`nodechat: only ${joinedCount} clients connected; nothing to relay\n`);
    process.exit(1);
  }
  intervalNs = Math.round(1e9 / opts.rate);
  phaseNs = new Float64Array(N);
  for (let g = 0; g < N; g++) phaseNs[g] = Math.floor(g * intervalNs / N);
  epochNs = nowNs();
  mstartNs = epochNs + Math.round(opts.warmup * 1e6) * 1000; // whole µs, as the fields
  mendNs = mstartNs + Math.round(opts.duration * 1e6) * 1000;
  endNs = mendNs + Math.round(opts.drain * 1e6) * 1000;
  tick();
}

function tick() {
  const now = nowNs();
  if (cpuStart === null && now >= mstartNs) cpuStart = process.cpuUsage();
  let due = dueOf(sendIndex);
  while (due <= now && due < mendNs) {
    clients[sendIndex % N].send(Math.floor(sendIndex / N), due);
    sendIndex++;
    due = dueOf(sendIndex);
  }
  if (cpuEnd === null && now >= mendNs) cpuEnd = process.cpuUsage(cpuStart || undefined);
  if (now >= endNs) {
    finish();
    return;
  }
  let next = endNs;
  if (due < mendNs && due < next) next = due;
  if (cpuStart === null && mstartNs < next) next = mstartNs;
  if (cpuEnd === null && mendNs < next) next = mendNs;
  // libuv rounds timers to whole milliseconds; waking at the first pass at or after `next`.
  setTimeout(tick, Math.max(0, Math.ceil((next - now) / 1e6)));
}

function finish() {
  const cpu = cpuEnd || { user: 0, system: 0 };
  const user = cpu.user / 1e6, sys = cpu.system / 1e6;
  const lost = Math.max(0, expected - delivered);
  const ms = (us) => (us / 1000).toFixed(3);
  process.stdout.write(`clients=${N} rate=${opts.rate} size=${SIZE} duration_s=${opts.duration} sent=${sent} ` +
    `expected=${expected} delivered=${delivered} lost=${lost} duplicated=${duplicated} corrupted=${corrupted} ` +
    `errors=${errors} deliveries_per_s=${(delivered / opts.duration).toFixed(1)} p50_ms=${ms(percentile(50))} ` +
    `p99_ms=${ms(percentile(99))} p999_ms=${ms(percentile(99.9))} max_ms=${ms(histMax)} user_s=${user.toFixed(3)} ` +
    `sys_s=${sys.toFixed(3)} cpu_us_per_delivery=${delivered ? ((user + sys) * 1e6 / delivered).toFixed(3) : '0.000'}\n`);
  for (const c of clients) c.socket.destroy();
  process.exitCode = lost === 0 && errors === 0 ? 0 : 1;
}

#!/usr/bin/env python3
"""Capture real Linux TCP traces for scenario files (see docs/scenario-format.md).

Standard library only. Needs root, iproute2 (ip, nstat), tcpdump and nft.

Subcommands (see README.md beside this file):
  run SCENARIO.json -o OUT.json [--pcap OUT.pcap] [--duration S | --until-closed] ...
  convert PCAP --scenario SCENARIO.json        (pcap -> segments only; for checking)
  compare A.json B.json                         (compare expect.segments of two files)
  summary FILE.json "text"                     (replace the Summary part of expect.notes)
  delaycheck [--delay S]                        (measure the delay relay: latency, accuracy)
Internal (run inside a namespace by `run`): app, poll, relay.
network.delay and delay faults go through a userspace relay (no netem in this kernel).
Extensions to the scenario format: calls "crash" and "reboot" on a host, option
"userTimeout" (TCP_USER_TIMEOUT, ms) on connect/accept.
"""
import argparse
import errno
import json
import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.abspath(__file__)
SERVER_PORT = 5000
SUBNET = "10.200.0"
SERVER_IP = SUBNET + ".1"
ATTACKER_IP = SUBNET + ".100"
SPOOF_NET = "10.201.0.0/16"
SPOOF_IP = "10.201.0.1"
FLOOD_BASE_PORT = 20000
NFLOG_GROUP = 7

KNOWN_SYSCTLS = {
    # name: (prefix, per-netns?)
    "tcp_syn_retries": "net.ipv4", "tcp_synack_retries": "net.ipv4",
    "tcp_syn_linear_timeouts": "net.ipv4", "tcp_fin_timeout": "net.ipv4",
    "tcp_max_tw_buckets": "net.ipv4", "tcp_tw_reuse": "net.ipv4",
    "tcp_tw_reuse_delay": "net.ipv4",
    "tcp_syncookies": "net.ipv4", "tcp_max_syn_backlog": "net.ipv4",
    "somaxconn": "net.core", "tcp_abort_on_overflow": "net.ipv4",
    "tcp_retries1": "net.ipv4", "tcp_retries2": "net.ipv4",
    "tcp_orphan_retries": "net.ipv4",
    "tcp_keepalive_time": "net.ipv4", "tcp_keepalive_intvl": "net.ipv4",
    "tcp_keepalive_probes": "net.ipv4", "ip_local_port_range": "net.ipv4",
    "tcp_timestamps": "net.ipv4", "tcp_sack": "net.ipv4",
    "tcp_window_scaling": "net.ipv4", "tcp_rfc1337": "net.ipv4",
}

TCP_STATES = {
    0x01: "ESTABLISHED", 0x02: "SYN-SENT", 0x03: "SYN-RECV", 0x04: "FIN-WAIT-1",
    0x05: "FIN-WAIT-2", 0x06: "TIME-WAIT", 0x07: "UNCONN", 0x08: "CLOSE-WAIT",
    0x09: "LAST-ACK", 0x0A: "LISTEN", 0x0B: "CLOSING", 0x0C: "SYN-RECV",
}


def log(*a):
    print("[capture]", *a, file=sys.stderr, flush=True)


def sh(cmd, check=True, quiet=False, input=None):
    r = subprocess.run(cmd, shell=isinstance(cmd, str), capture_output=True, text=True, input=input)
    if check and r.returncode != 0:
        raise RuntimeError("command failed (%d): %s\n%s%s" % (r.returncode, cmd, r.stdout, r.stderr))
    return r


# ---------------------------------------------------------------------------
# pcap reading
# ---------------------------------------------------------------------------

def read_pcap(path):
    """Yield (ts, ip_packet_bytes) for every IPv4 packet. Handles Ethernet (1),
    raw IP (101/228), Linux cooked (113, 276) and NFLOG (239)."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 24:
        return
    magic = data[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1"):
        end = "<"
    elif magic in (b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        end = ">"
    else:
        raise ValueError("not a pcap file (pcapng is not supported): %s" % path)
    nano = magic in (b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d")
    linktype = struct.unpack(end + "I", data[20:24])[0] & 0x0FFFFFFF
    off = 24
    while off + 16 <= len(data):
        sec, frac, incl, _orig = struct.unpack(end + "IIII", data[off:off + 16])
        off += 16
        pkt = data[off:off + incl]
        off += incl
        ts = sec + frac / (1e9 if nano else 1e6)
        ip = None
        if linktype == 1:
            et = struct.unpack(">H", pkt[12:14])[0]
            p = 14
            while et == 0x8100 and len(pkt) >= p + 4:
                et = struct.unpack(">H", pkt[p + 2:p + 4])[0]
                p += 4
            if et == 0x0800:
                ip = pkt[p:]
        elif linktype in (101, 228, 12, 14):
            ip = pkt
        elif linktype == 113:
            if struct.unpack(">H", pkt[14:16])[0] == 0x0800:
                ip = pkt[16:]
        elif linktype == 276:
            if struct.unpack(">H", pkt[0:2])[0] == 0x0800:
                ip = pkt[20:]
        elif linktype == 239:
            p = 4
            while p + 4 <= len(pkt):
                tlen, ttype = struct.unpack("<HH", pkt[p:p + 4])
                if tlen < 4:
                    break
                if ttype == 9:
                    ip = pkt[p + 4:p + tlen]
                    break
                p += (tlen + 3) & ~3
        if ip and len(ip) >= 20 and ip[0] >> 4 == 4:
            yield ts, ip


def parse_tcp(ip):
    """Return a dict for an IPv4/TCP packet, or None."""
    ihl = (ip[0] & 15) * 4
    if ip[9] != 6:
        return None
    total = struct.unpack(">H", ip[2:4])[0]
    ipid = struct.unpack(">H", ip[4:6])[0]
    src = socket.inet_ntoa(ip[12:16])
    dst = socket.inet_ntoa(ip[16:20])
    t = ip[ihl:]
    if len(t) < 20:
        return None
    sport, dport, seq, ack, offfl, win = struct.unpack(">HHIIHH", t[:16])
    doff = (offfl >> 12) * 4
    fl = offfl & 0x1FF
    plen = total - ihl - doff
    opts = parse_tcp_options(t[20:doff])
    return dict(src=src, dst=dst, sport=sport, dport=dport, seq=seq, ack=ack,
                fl=fl, len=max(plen, 0), win=win, ipid=ipid, opts=opts)


def parse_tcp_options(b):
    out = []
    i = 0
    while i < len(b):
        k = b[i]
        if k == 0:
            break
        if k == 1:
            i += 1
            continue
        if i + 1 >= len(b):
            break
        ln = b[i + 1]
        if ln < 2:
            break
        v = b[i + 2:i + ln]
        if k == 2 and len(v) == 2:
            out.append("mss %d" % struct.unpack(">H", v)[0])
        elif k == 3 and len(v) == 1:
            out.append("wscale %d" % v[0])
        elif k == 4:
            out.append("sackOK")
        elif k == 5:
            out.append("sack")
        elif k == 8:
            out.append("TS")
        else:
            out.append("opt%d" % k)
        i += ln
    return out


def opt_rank(o):
    for i, k in enumerate(("mss", "wscale", "sackOK", "TS")):
        if o.startswith(k):
            return i
    return 9


def flag_str(fl):
    s = ""
    for bit, ch in ((0x01, "F"), (0x02, "S"), (0x04, "R"), (0x08, "P"), (0x10, "."),
                    (0x20, "U"), (0x40, "E"), (0x80, "W")):
        if fl & bit:
            s += ch
    return s


# ---------------------------------------------------------------------------
# pcap -> trace segments
# ---------------------------------------------------------------------------

class Conn:
    def __init__(self, label, cip, cport, start):
        self.label = label
        self.cip, self.cport = cip, cport
        self.start = start
        self.isn = {}  # side ('c' or 's') -> ISN


def convert_segments(pcap, t0, ip2host, drops=None):
    """Turn the wire capture into FORMAT.md segments.
    ip2host: address -> host name; anything unknown in SPOOF range is 'attacker'.
    drops: list of (ts, key) from the NFLOG captures of the fault rules.
    Returns (segments, conns, raw) where raw keeps per-segment parsed info."""
    pkts = []
    for ts, ip in read_pcap(pcap):
        p = parse_tcp(ip)
        if p:
            p["ts"] = ts
            pkts.append(p)
    server_ip = None
    for h_ip, h in ip2host.items():
        if h == "server":
            server_ip = h_ip
    if server_ip is None:  # foreign pcap: server is whoever receives the first SYN
        for p in pkts:
            if p["fl"] & 0x12 == 0x02:
                server_ip = p["dst"]
                ip2host.setdefault(p["dst"], "server")
                ip2host.setdefault(p["src"], "client")
                break
    # connections keyed by the client end (ip, port); epochs when a new SYN appears
    conns = {}     # (cip, cport) -> [Conn...]
    order = []
    flood_n = 0
    per_host_count = {}
    segs = []
    raw = []
    drop_pool = list(drops or [])
    for p in pkts:
        if p["src"] == server_ip:
            side, cip, cport, sname = "s", p["dst"], p["dport"], "server"
        elif p["dst"] == server_ip:
            side, cip, cport = "c", p["src"], p["sport"]
            sname = None
        else:
            continue
        chost = ip2host.get(cip, "attacker" if cip.startswith("10.201.") else cip)
        if sname is None:
            sname = chost
        key = (cip, cport)
        lst = conns.get(key)
        cur = lst[-1] if lst else None
        is_syn = p["fl"] & 0x12 == 0x02
        if side == "c" and is_syn and (cur is None or ("c" in cur.isn and cur.isn["c"] != p["seq"])):
            if chost == "attacker":
                flood_n += 1
                label = "flood-%d" % flood_n
            else:
                n = per_host_count.get(chost, 0) + 1
                per_host_count[chost] = n
                label = chost if n == 1 else "%s#%d" % (chost, n)
            cur = Conn(label, cip, cport, p["ts"])
            conns.setdefault(key, []).append(cur)
            order.append(cur)
        if cur is None:
            label = chost if chost != "attacker" else "flood-?"
            cur = Conn(label, cip, cport, p["ts"])
            conns.setdefault(key, []).append(cur)
            order.append(cur)
        if p["fl"] & 0x02 and side not in cur.isn:
            cur.isn[side] = p["seq"]
        peer = "s" if side == "c" else "c"
        if side in cur.isn:
            seq = (p["seq"] - cur.isn[side]) & 0xFFFFFFFF
        else:
            seq = p["seq"]
        if p["fl"] & 0x10:
            ack = (p["ack"] - cur.isn[peer]) & 0xFFFFFFFF if peer in cur.isn else p["ack"]
        else:
            ack = None
        seg = {"t": round(p["ts"] - t0, 4), "from": sname, "flags": flag_str(p["fl"]),
               "seq": seq, "ack": ack, "len": p["len"]}
        seg["_conn"] = cur.label
        # dropped?
        for i, (dts, dkey) in enumerate(drop_pool):
            # NFLOG batches its messages (flush timer ~1 s) and tcpdump stamps them on
            # arrival, so a drop record may come up to ~1 s after the wire copy
            if dkey == drop_key(p) and p["ts"] - 0.01 <= dts <= p["ts"] + 2.5:
                seg["dropped"] = True
                del drop_pool[i]
                break
        segs.append(seg)
        raw.append((p, cur))
    multi = len(order) > 1
    for s in segs:
        c = s.pop("_conn")
        if multi:
            s["conn"] = c
    return segs, order, raw, drop_pool


def drop_key(p):
    return (p["src"], p["sport"], p["dst"], p["dport"], p["seq"], p["ack"], p["fl"], p["len"], p["ipid"])


def read_drops(paths):
    out = []
    for path in paths:
        if not os.path.exists(path):
            continue
        for ts, ip in read_pcap(path):
            p = parse_tcp(ip)
            if p:
                out.append((ts, drop_key(p)))
    out.sort()
    return out


# ---------------------------------------------------------------------------
# namespace topology
# ---------------------------------------------------------------------------

def default_table_sysctls():
    """tcp_max_syn_backlog and tcp_max_tw_buckets of a plain new namespace (which
    shares the global TCP hash table and sizes these from it)."""
    name = "capprobe%d" % os.getpid()
    sh(["ip", "netns", "add", name])
    try:
        out = {}
        for k in ("tcp_max_syn_backlog", "tcp_max_tw_buckets"):
            out[k] = sh(["ip", "netns", "exec", name, "sysctl", "-n", "net.ipv4." + k]).stdout.strip()
        return out
    finally:
        sh(["ip", "netns", "del", name], check=False)


class Topology:
    def __init__(self, hosts, tag, relayed=()):
        self.hosts = hosts  # ordered list of host names
        self.relayed = set(relayed)  # hosts whose port goes through a delay relay
        self.relay_ifs = {}          # host -> (host-side port, bridge-side end) in the switch
        self.tag = tag
        self.ns = {h: "%s-%s" % (tag, h) for h in hosts}
        self.sw = "%s-sw" % tag
        self.ip = {}
        n = 2
        for h in hosts:
            if h == "server":
                self.ip[h] = SERVER_IP
            elif h == "attacker":
                self.ip[h] = ATTACKER_IP
            else:
                self.ip[h] = "%s.%d" % (SUBNET, n)
                n += 1
        self.created = []
        self.table_defaults = default_table_sysctls()

    def nsx(self, host, cmd):
        return sh(["ip", "netns", "exec", self.ns[host]] + cmd)

    def up(self):
        # Host namespaces are created from inside a parent namespace whose
        # tcp_child_ehash_entries is small, so each gets its own 1024-bucket TCP hash
        # table: reading /proc/net/tcp every 10 ms from a namespace that shares the
        # global table (262144 buckets here) costs ~3.5 ms of CPU per read and made the
        # app timing jitter by several ms. The sysctl defaults that depend on the table
        # size (tcp_max_syn_backlog, tcp_max_tw_buckets) are then set back to what a
        # namespace sharing the global table gets (see default_table_sysctls).
        parent = "%s-p" % self.tag
        sh(["ip", "netns", "add", parent])
        self.created.append(parent)
        sh(["ip", "netns", "exec", parent, "sysctl", "-qw", "net.ipv4.tcp_child_ehash_entries=1024"])
        for name in [self.sw] + [self.ns[h] for h in self.hosts]:
            if name == self.sw:
                sh(["ip", "netns", "add", name])
            else:
                os.makedirs("/run/netns", exist_ok=True)
                open("/run/netns/" + name, "w").close()
                self.created.append(name)
                sh(["nsenter", "--net=/run/netns/" + parent, "unshare", "--net=/run/netns/" + name, "true"])
                for k, v in self.table_defaults.items():
                    sh(["ip", "netns", "exec", name, "sysctl", "-qw", "net.ipv4.%s=%s" % (k, v)])
            if name not in self.created:
                self.created.append(name)
            sh(["ip", "netns", "exec", name, "sysctl", "-qw",
                "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"], check=False)
            sh(["ip", "-n", name, "link", "set", "lo", "up"])
        sh(["ip", "-n", self.sw, "link", "add", "br0", "type", "bridge", "stp_state", "0"])
        sh(["ip", "-n", self.sw, "link", "set", "br0", "type", "bridge", "mcast_snooping", "0"], check=False)
        sh(["ip", "-n", self.sw, "link", "set", "br0", "up"])
        macs = {}
        for i, h in enumerate(self.hosts):
            a, b = "p%d" % i, "h%d" % i
            sh(["ip", "-n", self.sw, "link", "add", a, "type", "veth", "peer", "name", b,
                "netns", self.ns[h]])
            sh(["ip", "-n", self.ns[h], "link", "set", b, "name", "eth0"])
            if h in self.relayed:
                # p<i> stays out of the bridge; r<i>/b<i> joins the relay to it (b<i> in br0)
                r, q = "r%d" % i, "b%d" % i
                sh(["ip", "-n", self.sw, "link", "add", r, "type", "veth", "peer", "name", q])
                sh(["ip", "-n", self.sw, "link", "set", q, "master", "br0"])
                for dev in (q, r, a):
                    sh(["ip", "-n", self.sw, "link", "set", dev, "up"])
                self.relay_ifs[h] = (a, r)
            else:
                sh(["ip", "-n", self.sw, "link", "set", a, "master", "br0"])
                sh(["ip", "-n", self.sw, "link", "set", a, "up"])
            sh(["ip", "-n", self.ns[h], "addr", "add", self.ip[h] + "/24", "dev", "eth0"])
            sh(["ip", "-n", self.ns[h], "link", "set", "eth0", "up"])
            out = sh(["ip", "-n", self.ns[h], "-o", "link", "show", "eth0"]).stdout
            macs[h] = out.split("link/ether")[1].split()[0]
        # static neighbours: no ARP on the wire, no first-packet ARP latency
        for h in self.hosts:
            for o in self.hosts:
                if o != h:
                    sh(["ip", "-n", self.ns[h], "neigh", "replace", self.ip[o], "lladdr", macs[o],
                        "dev", "eth0", "nud", "permanent"])
        for h in self.hosts:
            sh(["ip", "netns", "exec", self.ns[h], "sysctl", "-qw",
                "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.eth0.rp_filter=0",
                "net.ipv4.conf.default.rp_filter=0", "net.ipv4.ip_forward=0"], check=False)
        if "attacker" in self.hosts:
            # replies to spoofed sources are routed to the attacker and silently dropped there
            sh(["ip", "-n", self.ns["server"], "route", "add", SPOOF_NET, "via", self.ip["attacker"]])
            sh(["ip", "netns", "exec", self.ns["attacker"], "nft", "-f", "-"], input=(
                "table inet blackhole {\n chain pre { type filter hook prerouting priority -300; policy accept;\n"
                "  ip daddr %s drop\n }\n}\n" % SPOOF_NET))

    def down(self):
        for name in reversed(self.created):
            sh(["ip", "netns", "del", name], check=False)
        self.created = []


# ---------------------------------------------------------------------------
# faults
# ---------------------------------------------------------------------------

def fault_match_rules(kind):
    if kind == "all":
        return ["meta l4proto tcp"]
    if kind == "syn":
        return ["tcp flags & syn == syn"]
    if kind == "rst":
        return ["tcp flags & rst == rst"]
    if kind == "ack":
        # pure ACK: only ACK among FIN/SYN/RST/PSH/ACK and no payload
        return ["tcp flags & (fin|syn|rst|psh|ack) == ack tcp doff %d ip length %d" % (d, 20 + 4 * d)
                for d in range(5, 16)]
    raise ValueError("unknown drop kind %r" % kind)


def fault_rules(topo, faults):
    """-> {receiver_host: {'sets': [...], 'rules': [...], 'gates': [(fault index, t_on, t_off)]}}
    A fault with a time window gets a gate set g<i> (type inet_proto): its rules match
    only while the set holds `tcp`; FaultTimer adds/deletes that element on time."""
    per = {}
    for fi, f in enumerate(faults):
        if "delay" in f:
            continue  # delay faults: see delay_plan (the relay)
        src = f["from"]
        src_match = "ip saddr %s" % topo.ip[src]
        if src == "attacker":
            src_match = "ip saddr { %s, %s }" % (topo.ip[src], SPOOF_NET)
        receivers = [h for h in topo.hosts if h != src and h != "attacker"]
        after = f.get("after")
        until = f.get("until")
        timed = isinstance(after, (int, float)) or until is not None
        for r in receivers:
            d = per.setdefault(r, {"sets": [], "rules": [], "gates": []})
            pre = ""
            if after == "first-syn":
                d["sets"].append("set seen%d { type ipv4_addr; flags dynamic; }" % fi)
                pre += "ip saddr @seen%d " % fi
            if timed:
                d["sets"].append("set g%d { type inet_proto; }" % fi)
                pre += "meta l4proto @g%d " % fi
                d["gates"].append((fi, after if isinstance(after, (int, float)) else 0.0, until))
            d["rules"] += ["%s %s%s counter log group %d snaplen 256 queue-threshold 1 drop" % (src_match, pre, m, NFLOG_GROUP)
                           for m in fault_match_rules(f["drop"])]
            if after == "first-syn":
                d["rules"].append("%s tcp flags & syn == syn update @seen%d { ip saddr }" % (src_match, fi))
    return per


def install_faults(topo, per):
    for r, d in per.items():
        txt = "table inet capfault {\n"
        for s in d["sets"]:
            txt += " %s\n" % s
        txt += " chain input { type filter hook input priority 0; policy accept;\n"
        for l in d["rules"]:
            txt += "  %s\n" % l
        txt += " }\n}\n"
        sh(["ip", "netns", "exec", topo.ns[r], "nft", "-f", "-"], input=txt)


def install_crash_tables(topo, hosts):
    """For hosts with crash/reboot steps: a table whose gate set `down` (empty until the app
    adds `tcp` to it at the crash) drops every TCP segment the host receives (logged through
    NFLOG, so the wire copy is marked dropped) and every one it would send (never on the wire)."""
    for h in hosts:
        txt = ("table inet capcrash {\n set down { type inet_proto; }\n"
               " chain input { type filter hook input priority -10; policy accept;\n"
               "  meta l4proto @down counter log group %d snaplen 256 queue-threshold 1 drop\n }\n"
               " chain output { type filter hook output priority -10; policy accept;\n"
               "  meta l4proto @down drop\n }\n}\n" % NFLOG_GROUP)
        sh(["ip", "netns", "exec", topo.ns[h], "nft", "-f", "-"], input=txt)


class FaultTimer(threading.Thread):
    """Opens and closes the gates of timed faults at their scenario times through a
    persistent `nft -i` in each receiving namespace (sub-millisecond switching)."""

    def __init__(self, topo, per, t0):
        super().__init__(daemon=True)
        self.events = []
        for r, d in per.items():
            for (fi, t_on, t_off) in d["gates"]:
                self.events.append((t_on, "on", r, fi))
                if t_off is not None:
                    self.events.append((t_off, "off", r, fi))
        self.events.sort(key=lambda e: e[0])
        self.topo, self.t0 = topo, t0
        self.stop = False
        self.done_log = []
        self.nft = {}
        for r in set(e[2] for e in self.events):
            self.nft[r] = subprocess.Popen(["ip", "netns", "exec", topo.ns[r], "nft", "-i"],
                                           stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                           stderr=subprocess.DEVNULL, text=True)

    def prearm(self):
        rest = []
        for e in self.events:
            if e[0] <= 0 and e[1] == "on":
                sh(["ip", "netns", "exec", self.topo.ns[e[2]], "nft", "add", "element", "inet", "capfault",
                    "g%d" % e[3], "{ tcp }"])
                self.done_log.append((0.0, "on", e[2], e[3]))
            else:
                rest.append(e)
        self.events = rest

    def run(self):
        for (t, what, r, fi) in self.events:
            when = self.t0 + t
            while not self.stop and time.time() < when - 0.005:
                time.sleep(0.002)
            while not self.stop and time.time() < when:
                pass
            if self.stop:
                return
            p = self.nft[r]
            p.stdin.write("%s element inet capfault g%d { tcp }\n" % ("add" if what == "on" else "delete", fi))
            p.stdin.flush()
            self.done_log.append((round(time.time() - self.t0, 4), what, r, fi))

    def close(self):
        self.stop = True
        for p in self.nft.values():
            try:
                p.stdin.close()
                p.wait(timeout=3)
            except Exception:
                p.kill()


# ---------------------------------------------------------------------------
# delay (network.delay, fault delay) without netem: a userspace relay
# ---------------------------------------------------------------------------
#
# This kernel has no sch_netem. A host whose sending must be delayed is not plugged
# into the bridge directly: its switch-side veth end p<i> stays out of br0, a second
# veth pair r<i>/b<i> is created in the switch namespace (b<i> in br0), and a relay
# process in the switch namespace copies frames between p<i> and r<i> with AF_PACKET
# sockets: host -> bridge after the host's delay (FIFO, never reordered), bridge ->
# host at once. One-way delay between two hosts is then the sender's delay.

ETH_P_ALL = 0x0003
SOL_PACKET = 263
PACKET_VNET_HDR = 15
PACKET_OUTGOING = 4
VNET_HDR_LEN = 10
SO_TIMESTAMPNS = 35


def delay_plan(sc, hosts):
    """-> {host: [(after, until, delay)]}: the delay windows of every host's sending
    (network.delay on every host, always; a delay fault on its `from` host, during
    [after, until) if given). Hosts with no positive delay are left out, so their
    port stays on the bridge exactly as without this feature."""
    plan = {}
    nd = float((sc.get("network") or {}).get("delay", 0) or 0)
    if nd < 0:
        raise SystemExit("network.delay must be >= 0")
    if nd > 0:
        for h in hosts:
            plan.setdefault(h, []).append((None, None, nd))
    for f in sc.get("faults", []):
        if "delay" not in f:
            continue
        if "drop" in f:
            raise SystemExit("a fault is either drop or delay, not both (split it in two)")
        d = float(f["delay"])
        after, until = f.get("after"), f.get("until")
        if d < 0:
            raise SystemExit("fault delay must be >= 0")
        if after is not None and not isinstance(after, (int, float)):
            raise SystemExit("fault delay: after must be a number of seconds (got %r)" % (after,))
        if d > 0:
            plan.setdefault(f["from"], []).append((after, until, d))
    return plan


def delay_at(windows, t):
    """Delay of a frame the host sent at scenario time t (None: before t0 is known).
    A window applies to frames sent during [after, until); a frame keeps the delay it
    was sent with, so one sent just before `until` still arrives late."""
    d = 0.0
    for (after, until, dl) in windows:
        if after is not None and (t is None or t < after):
            continue
        if until is not None and (t is None or t >= until):
            continue
        d += dl
    return d


def open_packet_socket(ifname):
    # protocol 0 at creation, ETH_P_ALL at bind: the socket never sees frames of other
    # interfaces. PACKET_VNET_HDR passes the skb's checksum/GSO state through: veth frames
    # carry a partial TCP checksum (CHECKSUM_PARTIAL), and a GSO frame can be larger than
    # the MTU; both would be broken by a plain raw copy.
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0)
    s.setsockopt(SOL_PACKET, PACKET_VNET_HDR, 1)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 << 20)
    s.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
    s.bind((ifname, ETH_P_ALL))
    s.setblocking(False)
    return s


def set_timer_slack_ns(ns):
    # select() timeouts get the default 50 us timer slack added; 1 ns keeps the relay's
    # send times within the wake-up latency
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(29, ctypes.c_ulong(ns), 0, 0, 0)  # PR_SET_TIMERSLACK
    except Exception:
        pass


def relay_loop(hs, bs, windows, get_t0, stop, logrec=None):
    """Copy frames host socket hs -> bridge socket bs after the delay of `windows`
    (FIFO), bs -> hs at once, until stop() is true. get_t0() gives the scenario start
    (or None before it is known). logrec(dir, rx, due, tx, frame) records each frame."""
    import collections
    q = collections.deque()   # (due, rx, frame): due times never decrease, so FIFO = due order
    last_due = 0.0
    spin = 0.0005             # wake this much before a due time, then poll: select() wake-ups
    next_stop_check = 0.0     # are ~0.1 ms late and, on a busy machine, sometimes a few ms

    def flush():
        while q and q[0][0] <= time.time():
            due, rx, frame = q.popleft()
            bs.send(frame)
            if logrec:
                logrec("out", rx, due, time.time(), frame)

    while True:
        now = time.time()
        if now >= next_stop_check:
            if stop():
                return
            next_stop_check = now + 0.1
        timeout = 0.1 if not q else max(0.0, q[0][0] - now - spin)
        r, _, _ = select.select([hs, bs], [], [], timeout)
        for s in r:
            while True:
                try:
                    frame, anc, _fl, addr = s.recvmsg(65536 + VNET_HDR_LEN, 64)
                except BlockingIOError:
                    break
                if addr[2] == PACKET_OUTGOING:   # our own sends, seen on the other socket's device
                    continue
                # the kernel's receive stamp (when the sender's veth handed the frame over),
                # not when this process got round to reading it
                rx = time.time()
                for lvl, typ, val in anc:
                    if lvl == socket.SOL_SOCKET and typ == SO_TIMESTAMPNS:
                        sec, nsec = struct.unpack("qq", val[:16])
                        rx = sec + nsec / 1e9
                if s is bs:
                    hs.send(frame)
                    if logrec:
                        logrec("in", rx, rx, time.time(), frame)
                else:
                    t0 = get_t0()
                    due = max(rx + delay_at(windows, None if t0 is None else rx - t0), last_due)
                    last_due = due
                    q.append((due, rx, frame))
                flush()
        flush()


def cmd_relay(args):
    """Runs in the switch namespace: relay one delayed host's port (see Topology.up)."""
    set_timer_slack_ns(1)
    # real-time priority: the relay's only job is to send on time, and the apps, pollers
    # and tcpdumps share 2 cores with it; it never busy-loops for more than `spin`
    try:
        os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(50))
    except (OSError, AttributeError):
        pass
    windows = [tuple(w) for w in json.loads(args.windows)]
    hs = open_packet_socket(args.host_if)
    bs = open_packet_socket(args.bridge_if)
    t0 = [None]

    def get_t0():
        if t0[0] is None and os.path.exists(args.t0_file):
            s = open(args.t0_file).read().strip()
            if s:
                t0[0] = float(s)
        return t0[0]

    recs = []

    def logrec(d, rx, due, tx, frame):
        recs.append((d, rx, due, tx, frame[VNET_HDR_LEN:VNET_HDR_LEN + 14 + 60]))

    open(args.ready, "w").close()
    try:
        relay_loop(hs, bs, windows, get_t0, lambda: os.path.exists(args.stop), logrec)
    finally:
        with open(args.log, "w") as f:
            for (d, rx, due, tx, fr) in recs:
                f.write("%s %.6f %.6f %.6f %s\n" % (d, rx, due, tx, fr.hex()))


def cmd_delaycheck(args):
    """Measure the delay relay with UDP probes between two namespaces (same clock on both
    ends, so one-way times are measurable): straight through the bridge, through the relay
    at delay 0 and at --delay. Prints one-way latencies and checks a burst stays in order."""
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)

    def enter(path):
        fd = os.open(path, os.O_RDONLY)
        try:
            if libc.setns(fd, 0x40000000) != 0:   # CLONE_NEWNET
                raise OSError(ctypes.get_errno(), "setns " + path)
        finally:
            os.close(fd)

    def stats(v):
        v = sorted(x * 1000 for x in v)
        return "min %.3f  median %.3f  p99 %.3f  max %.3f ms" % (
            v[0], v[len(v) // 2], v[min(len(v) - 1, int(len(v) * 0.99))], v[-1])

    home = "/proc/%d/task/%d/ns/net" % (os.getpid(), threading.get_native_id())
    home_fd = os.open(home, os.O_RDONLY)
    for label, delay in (("bridge (no relay)", None), ("relay, delay 0", 0.0),
                         ("relay, delay %g" % args.delay, args.delay)):
        topo = Topology(["server", "client"], "capchk%d" % os.getpid(),
                        relayed=["client"] if delay is not None else [])
        work = tempfile.mkdtemp(prefix="capture-chk-")
        relay = None
        try:
            topo.up()
            if delay is not None:
                hif, bif = topo.relay_ifs["client"]
                ready = os.path.join(work, "ready")
                relay = subprocess.Popen(["ip", "netns", "exec", topo.sw, sys.executable, HERE, "relay",
                                          "--host-if", hif, "--bridge-if", bif,
                                          "--windows", json.dumps([[None, None, delay]]),
                                          "--t0-file", os.path.join(work, "t0"), "--ready", ready,
                                          "--stop", os.path.join(work, "stop"),
                                          "--log", os.path.join(work, "relay.txt")])
                while not os.path.exists(ready):
                    time.sleep(0.05)
            enter("/run/netns/" + topo.ns["server"])
            ss = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            ss.bind((topo.ip["server"], 7000))
            enter("/run/netns/" + topo.ns["client"])
            cs = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            cs.bind((topo.ip["client"], 7001))
            if libc.setns(home_fd, 0x40000000) != 0:
                raise OSError(ctypes.get_errno(), "setns back")
            cs.settimeout(2 + (delay or 0))
            ss.settimeout(2 + (delay or 0))
            # arrival = the kernel's receive timestamp, so the measuring process's own
            # wake-up latency (ms on a busy 2-core machine) is not counted
            for x in (cs, ss):
                x.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)

            def rx(sock):
                data, anc, _f, _a = sock.recvmsg(64, 64)
                for lvl, typ, val in anc:
                    if lvl == socket.SOL_SOCKET and typ == SO_TIMESTAMPNS:
                        sec, nsec = struct.unpack("qq", val[:16])
                        return data, sec + nsec / 1e9
                return data, time.time()
            srv = (topo.ip["server"], 7000)
            cli = (topo.ip["client"], 7001)
            time.sleep(0.5)
            up, down = [], []
            for k in range(args.count):
                a = time.time()
                cs.sendto(struct.pack("!I", k), srv)
                b = rx(ss)[1]
                a2 = time.time()
                ss.sendto(struct.pack("!I", k), cli)
                c = rx(cs)[1]
                up.append(b - a - (delay or 0))
                down.append(c - a2)
                time.sleep(0.01)
            # burst: back-to-back datagrams must arrive in order, each `delay` after it was sent
            sent = []
            for k in range(200):
                sent.append(time.time())
                cs.sendto(struct.pack("!I", k), srv)
            got, late = [], []
            for k in range(200):
                data, tr = rx(ss)
                n = struct.unpack("!I", data)[0]
                late.append(tr - sent[n] - (delay or 0))
                got.append(n)
            print("%-20s client->server minus delay: %s" % (label, stats(up)))
            print("%-20s server->client:             %s" % ("", stats(down)))
            print("%-20s burst of 200 back to back: %s; arrival minus send minus delay: %s" % (
                "", "in order" if got == sorted(got) else "REORDERED", stats(late)))
            cs.close()
            ss.close()
        finally:
            if relay is not None:
                open(os.path.join(work, "stop"), "w").close()
                try:
                    relay.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    relay.kill()
                recs = read_relay_log(os.path.join(work, "relay.txt"))
                outs = [r for r in recs if r[0] == "out"]
                if outs:
                    print("%-20s relay: %d frames out; send minus due time: %s" % ("", len(outs), stats([r[3] - r[2] for r in outs])))
            topo.down()
            shutil.rmtree(work, ignore_errors=True)
    os.close(home_fd)


def read_relay_log(path):
    out = []
    if not os.path.exists(path):
        return out
    for ln in open(path):
        d, rx, due, tx, hx = ln.split()
        fr = bytes.fromhex(hx)
        p = None
        if len(fr) > 14 and fr[12:14] == b"\x08\x00":
            p = parse_tcp_prefix(fr[14:])
        out.append((d, float(rx), float(due), float(tx), p))
    return out


def parse_tcp_prefix(ip):
    """parse_tcp for a header-only copy (the relay logs the first 60 bytes of IP)."""
    try:
        return parse_tcp(ip)
    except (struct.error, IndexError):
        return None


# ---------------------------------------------------------------------------
# in-namespace helpers: state poller and app runner
# ---------------------------------------------------------------------------

def hexaddr(s):
    a, p = s.split(":")
    ip = socket.inet_ntoa(struct.pack("<I", int(a, 16)))
    return "%s:%d" % (ip, int(p, 16))


def wait_t0(path):
    while not os.path.exists(path):
        time.sleep(0.01)
    while True:
        s = open(path).read().strip()
        if s:
            return float(s)
        time.sleep(0.01)


def cmd_poll(args):
    """Poll /proc/net/tcp every 10 ms; print 't state local remote' on every change."""
    t0 = wait_t0(args.t0_file)
    out = open(args.out, "w", buffering=1)
    prev = {}
    period = 0.01
    nxt = time.time()
    while not os.path.exists(args.stop):
        now = time.time()
        cur = {}
        try:
            with open("/proc/net/tcp") as f:
                lines = f.read().splitlines()[1:]
        except OSError:
            lines = []
        for ln in lines:
            parts = ln.split()
            if len(parts) < 4:
                continue
            st = TCP_STATES.get(int(parts[3], 16), parts[3])
            cur[(hexaddr(parts[1]), hexaddr(parts[2]))] = st
        # stamp with the time after the read: a state is never reported before it existed
        t = time.time() - t0
        for k, st in cur.items():
            if prev.get(k) != st:
                out.write("%.4f %s %s %s\n" % (t, st, k[0], k[1]))
        for k in prev:
            if k not in cur:
                out.write("%.4f CLOSED %s %s\n" % (t, k[0], k[1]))
        prev = cur
        nxt += period
        d = nxt - time.time()
        if d > 0:
            time.sleep(d)
        else:
            nxt = time.time()
    out.close()


def ipsum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def craft_syn(src, dst, sport, dport, seq):
    opts = struct.pack(">BBH", 2, 4, 1460)  # MSS 1460 only
    doff = (20 + len(opts)) // 4
    tcp = struct.pack(">HHIIBBHHH", sport, dport, seq, 0, doff << 4, 0x02, 64240, 0, 0) + opts
    ps = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack(">BBH", 0, 6, len(tcp))
    c = ipsum(ps + tcp)
    tcp = tcp[:16] + struct.pack(">H", c) + tcp[18:]
    tot = 20 + len(tcp)
    iph = struct.pack(">BBHHHBBH4s4s", 0x45, 0, tot, (sport * 7) & 0xFFFF, 0x4000, 64, 6, 0,
                      socket.inet_aton(src), socket.inet_aton(dst))
    iph = iph[:10] + struct.pack(">H", ipsum(iph)) + iph[12:]
    return iph + tcp


def errname(e):
    if isinstance(e, OSError) and e.errno:
        return errno.errorcode.get(e.errno, str(e.errno))
    return str(e)


def cmd_app(args):
    spec = json.load(open(args.spec))
    host = args.host
    t0 = wait_t0(args.t0_file)
    server_ip = spec["server_ip"]
    my_ip = spec["ip"][host]
    all_steps = spec["steps"]
    for k, s0 in enumerate(all_steps):
        s0["_order"] = k
    steps = [s for s in all_steps if s["host"] == host]
    steps.sort(key=lambda s: s["t"])
    out = open(args.log, "w", buffering=1)

    def now():
        return time.time() - t0

    def record(step, result, extra=None):
        r = {"t": step["t"], "host": host, "call": step["call"], "result": result,
             "started": step.get("_started"), "returned": round(now(), 4)}
        if extra:
            r.update(extra)
        out.write(json.dumps(r) + "\n")

    # crash / reboot (extension): the controller installed table inet capcrash in this
    # namespace; a persistent `nft -i` switches its gate so the switch takes well under 1 ms
    crash_nft = None
    if any(s["call"] in ("crash", "reboot") for s in steps):
        crash_nft = subprocess.Popen(["nft", "-i"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, text=True)
    down = False

    listener = None
    accepted = []          # list of [sock, conn_label, open?]
    client_sock = None
    pending_connect = {}   # fd -> (sock, step)
    pending_accept = []    # steps waiting for a connection
    i = 0

    def targets(step):
        if host == "server" or host.startswith("server"):
            live = [a for a in accepted if a[2]]
            if "conn" in step:
                live = [a for a in live if a[1] == step["conn"]]
            return live
        return [[client_sock, host, True]] if client_sock is not None else []

    def do_accept(step):
        nonlocal accepted
        s, addr = listener.accept()
        s.setblocking(False)
        ka = step.get("keepalive")
        if ka:
            set_keepalive(s, ka)
        if "userTimeout" in step:
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT, int(step["userTimeout"]))
        label = spec["ip2host"].get(addr[0], addr[0])
        accepted.append([s, label, True])
        record(step, "ok", {"peer": "%s:%d" % addr, "peer_host": label})

    while True:
        # timeouts
        next_t = steps[i]["t"] if i < len(steps) else None
        if next_t is None and not pending_connect and not pending_accept:
            break
        timeout = None if next_t is None else max(0.0, next_t - now())
        pl = select.poll()
        for fd in pending_connect:
            pl.register(fd, select.POLLOUT | select.POLLERR | select.POLLHUP)
        if pending_accept and listener is not None:
            pl.register(listener.fileno(), select.POLLIN)
        # sleep/poll until ~3 ms before the next step, then spin so that steps start on time
        # (two hosts' calls at the same t start within a few microseconds of each other)
        if timeout is not None:
            timeout = max(0.0, timeout - 0.003)
        ev = pl.poll(None if timeout is None else timeout * 1000) if (pending_connect or pending_accept) \
            else (time.sleep(timeout) or [])
        if next_t is not None and not ev:
            while now() < next_t:
                pass
        for fd, e in ev:
            if fd in pending_connect:
                s, step = pending_connect.pop(fd)
                err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if err == 0:
                    la = s.getsockname()
                    record(step, "ok", {"local": "%s:%d" % la})
                else:
                    record(step, "error " + errno.errorcode.get(err, str(err)))
            elif listener is not None and fd == listener.fileno() and pending_accept:
                try:
                    do_accept(pending_accept[0])
                    pending_accept.pop(0)
                except BlockingIOError:
                    pass
        while i < len(steps) and now() >= steps[i]["t"]:
            step = steps[i]
            i += 1
            step["_started"] = round(now(), 6)
            c = step["call"]
            # A host's calls run one after another: a send on a socket whose connect() is still
            # in SYN-SENT waits for it, as a blocking send() waits in sk_stream_wait_connect(),
            # and holds back the host's later calls (scenario-format.md)
            if c == "send" and client_sock is not None and client_sock.fileno() in pending_connect:
                fd = client_sock.fileno()
                s0, cstep = pending_connect.pop(fd)
                s0.setblocking(True)   # the send itself blocks (sk_write_pending is set meanwhile)
                try:
                    n0 = s0.send(b"x" * step["bytes"], socket.MSG_NOSIGNAL)
                    sres = "ok %d" % n0
                except OSError as e:
                    sres = "error " + errname(e)
                s0.setblocking(False)
                err0 = s0.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if err0 == 0:
                    record(cstep, "ok", {"local": "%s:%d" % s0.getsockname()})
                else:
                    record(cstep, "error " + errno.errorcode.get(err0, str(err0)))
                record(step, sres)
                continue
            # calls at the same t run in the order listed: a recv listed after another host's
            # call at the same t waits (up to 50 ms) for what that call sent to arrive
            if c == "recv" and any(o is not step and o["t"] == step["t"] and o["host"] != host
                                   and o.get("_order", 0) < step.get("_order", 0) for o in all_steps):
                for a in targets(step):
                    wp = select.poll()
                    wp.register(a[0].fileno(), select.POLLIN | select.POLLERR | select.POLLHUP | select.POLLRDHUP)
                    wp.poll(50)
            try:
                if c == "listen":
                    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                    listener.bind((my_ip, step.get("port", SERVER_PORT)))
                    listener.listen(step.get("backlog", 128))
                    listener.setblocking(False)
                    record(step, "ok")
                elif c == "connect":
                    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                    if step.get("keepalive"):
                        set_keepalive(s, step["keepalive"])
                    if "userTimeout" in step:  # TCP_USER_TIMEOUT, milliseconds
                        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT, int(step["userTimeout"]))
                    if "port" in step:  # extension: bind the client port first
                        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                        s.bind((my_ip, step["port"]))
                    if "localPort" in step:  # FORMAT.md: bind() this local port first, without SO_REUSEADDR
                        s.bind((my_ip, step["localPort"]))
                    s.setblocking(False)
                    client_sock = s
                    rc = s.connect_ex((server_ip, step.get("dport", SERVER_PORT)))
                    if rc == 0:
                        record(step, "ok", {"local": "%s:%d" % s.getsockname()})
                    elif rc == errno.EINPROGRESS:
                        pending_connect[s.fileno()] = (s, step)
                    else:
                        record(step, "error " + errno.errorcode.get(rc, str(rc)))
                elif c == "accept":
                    if listener is None:
                        record(step, "error no listener")
                    else:
                        try:
                            if pending_accept:
                                raise BlockingIOError()
                            do_accept(step)
                        except BlockingIOError:
                            pending_accept.append(step)
                elif c == "send":
                    ts = targets(step)
                    if not ts:
                        record(step, "error no socket")
                    for a in ts:
                        try:
                            n = a[0].send(b"x" * step["bytes"], socket.MSG_NOSIGNAL)
                            record(step, "ok %d" % n, {"conn": a[1]} if len(ts) > 1 else None)
                        except OSError as e:
                            record(step, "error " + errname(e), {"conn": a[1]} if len(ts) > 1 else None)
                elif c == "recv":
                    ts = targets(step)
                    if not ts:
                        record(step, "error no socket")
                    for a in ts:
                        total, eof, err = 0, False, None
                        while True:
                            try:
                                d = a[0].recv(65536)
                            except BlockingIOError:
                                break
                            except OSError as e:
                                err = errname(e)
                                break
                            if not d:
                                eof = True
                                break
                            total += len(d)
                        res = "%d bytes%s" % (total, " +EOF" if eof else "")
                        if err:
                            res += " then error " + err if total else ""
                            res = res if total else "error " + err
                        record(step, res, {"conn": a[1]} if len(ts) > 1 else None)
                elif c == "shutdown":
                    for a in targets(step):
                        a[0].shutdown(socket.SHUT_WR)
                    record(step, "ok")
                elif c in ("close", "abort"):
                    ts = targets(step)
                    if not ts and host == "server" and listener is not None:
                        # server with no accepted socket: close the listener
                        if c == "abort":
                            listener.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                        listener.close()
                        listener = None
                        record(step, "ok (listener)")
                        continue
                    for a in ts:
                        if c == "abort":
                            a[0].setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                        fd = a[0].fileno()
                        pending_connect.pop(fd, None)
                        a[0].close()
                        a[2] = False
                        if a[0] is client_sock:
                            client_sock = None
                    record(step, "ok" if ts else "error no socket")
                elif c == "crash":
                    # the host stops: nothing it sends reaches the wire, everything sent to it is
                    # dropped on arrival (logged through NFLOG to mark it dropped)
                    crash_nft.stdin.write("add element inet capcrash down { tcp }\n")
                    crash_nft.stdin.flush()
                    down = True
                    record(step, "ok")
                elif c == "reboot":
                    # the host comes back with no sockets: destroy every TCP socket of this
                    # namespace (SOCK_DESTROY; the RSTs tcp_abort() sends are still dropped by the
                    # output rule), then let traffic through again
                    if not down:
                        crash_nft.stdin.write("add element inet capcrash down { tcp }\n")
                        crash_nft.stdin.flush()
                        time.sleep(0.002)
                    r = subprocess.run(["ss", "-K", "-t", "-a"], capture_output=True, text=True)
                    crash_nft.stdin.write("delete element inet capcrash down { tcp }\n")
                    crash_nft.stdin.flush()
                    down = False
                    listener = None
                    for a in accepted:
                        a[2] = False
                    client_sock = None
                    pending_connect.clear()
                    pending_accept.clear()
                    record(step, "ok" if r.returncode == 0 else "error ss -K: " + r.stderr.strip())
                elif c == "syn-flood":
                    rs = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
                    cnt = step.get("count", 100)
                    dur = step.get("duration", 0.1)
                    base = step["t"]
                    for k in range(cnt):
                        when = base + (dur * k / cnt)
                        d = when - now()
                        if d > 0:
                            time.sleep(d)
                        sport = FLOOD_BASE_PORT + k + 1
                        pkt = craft_syn(SPOOF_IP, server_ip, sport, SERVER_PORT,
                                        (0x10000000 + k * 7919) & 0xFFFFFFFF)
                        rs.sendto(pkt, (server_ip, 0))
                    rs.close()
                    record(step, "ok %d SYNs" % cnt)
                else:
                    record(step, "error unknown call")
            except OSError as e:
                record(step, "error " + errname(e))
    out.write(json.dumps({"done": round(now(), 4)}) + "\n")
    # keep sockets alive until told to stop
    while not os.path.exists(args.stop):
        time.sleep(0.05)
    if crash_nft is not None:
        crash_nft.stdin.close()
        crash_nft.wait(timeout=3)


def set_keepalive(s, ka):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    if "idle" in ka:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, int(ka["idle"]))
    if "intvl" in ka:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, int(ka["intvl"]))
    if "cnt" in ka:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, int(ka["cnt"]))


# ---------------------------------------------------------------------------
# run
# ---------------------------------------------------------------------------

def sysctl_value(v):
    if isinstance(v, (list, tuple)):
        return " ".join(str(x) for x in v)
    return str(v)


def read_polls(path, t_shift=0.0):
    ev = []
    if not os.path.exists(path):
        return ev
    for ln in open(path):
        p = ln.split()
        if len(p) == 4:
            ev.append((float(p[0]) + t_shift, p[1], p[2], p[3]))
    return ev


def build_states(topo, polls, conns_order, multi):
    """polls: host -> [(t, state, local, remote)] -> FORMAT.md states list."""
    # map (client ip, port) -> list of (start_ts_rel, label)
    by_tuple = {}
    for c in conns_order:
        by_tuple.setdefault((c.cip, c.cport), []).append((c.start_rel, c.label))
    states = []
    for host, evs in polls.items():
        cur_label = {}  # sock tuple -> label
        last = {}       # label -> state
        for (t, st, local, remote) in evs:
            rip, rport = remote.rsplit(":", 1)
            lip, lport = local.rsplit(":", 1)
            if st == "LISTEN" or (st == "CLOSED" and rip == "0.0.0.0"):
                if rip == "0.0.0.0":
                    label = "__listen__"
                else:
                    continue
            else:
                if host == "server":
                    key = (rip, int(rport))
                else:
                    key = (lip, int(lport))
                cands = by_tuple.get(key, [])
                label = None
                for (st_t, lab) in cands:
                    if st_t <= t + 0.002:
                        label = lab
                if label is None:
                    label = cands[0][1] if cands else (host if host != "server" else "?%s" % remote)
            if st == "UNCONN":
                continue
            k = (local, remote)
            old = cur_label.get(k)
            if old is not None and old != label and last.get(old) not in (None, "CLOSED"):
                states.append({"t": round(t, 3), "host": host, "state": "CLOSED", "_conn": old})
                last[old] = "CLOSED"
            cur_label[k] = label
            if label == "__listen__":
                if st == "CLOSED" and last.get(label) is None:
                    continue
            if last.get(label) == st:
                continue
            if st == "CLOSED" and last.get(label) is None:
                continue
            last[label] = st
            states.append({"t": round(t, 3), "host": host, "state": st, "_conn": label})
    states.sort(key=lambda s: s["t"])
    out = []
    for s in states:
        c = s.pop("_conn")
        if multi and c != "__listen__":
            s["conn"] = c
        out.append(s)
    return out


def default_hosts(sc):
    hosts = ["server"]
    for s in sc["steps"]:
        if s["host"] not in hosts:
            hosts.append(s["host"])
    for f in sc.get("faults", []):
        if f["from"] not in hosts:
            hosts.append(f["from"])
    if len([h for h in hosts if h != "server"]) == 0:
        hosts.append("client")
    return hosts


def cmd_run(args):
    sc = json.load(open(args.scenario))
    for k in ("expect", "kernel"):
        sc.pop(k, None)
    for k in sc.get("sysctl", {}):
        if k not in KNOWN_SYSCTLS:
            raise SystemExit("unknown sysctl %s" % k)
    hosts = default_hosts(sc)
    plan = delay_plan(sc, hosts)   # {} without delay: every port on the bridge, as before
    tag = "cap%d" % os.getpid()
    topo = Topology(hosts, tag, relayed=plan.keys())
    work = tempfile.mkdtemp(prefix="capture-")
    procs = []
    stopfile = os.path.join(work, "stop")
    stop_poll = os.path.join(work, "stop-poll")
    stop_relay = os.path.join(work, "stop-relay")
    tcpdumps, pollers, relays = [], [], []
    relaylogs = {}
    ft = None
    try:
        topo.up()
        # delay relays first: they must forward before any helper sends anything
        t0file = os.path.join(work, "t0")
        for h, windows in plan.items():
            hif, bif = topo.relay_ifs[h]
            rl = os.path.join(work, "relay-%s.txt" % h)
            relaylogs[h] = rl
            p = subprocess.Popen(["ip", "netns", "exec", topo.sw, sys.executable, HERE, "relay",
                                  "--host-if", hif, "--bridge-if", bif, "--windows", json.dumps(windows),
                                  "--t0-file", t0file, "--ready", rl + ".ready", "--stop", stop_relay,
                                  "--log", rl])
            procs.append(p)
            relays.append(p)
        for (h, rl), rp in zip(relaylogs.items(), relays):
            deadline = time.time() + 15
            while not os.path.exists(rl + ".ready"):
                if time.time() > deadline or rp.poll() is not None:
                    raise RuntimeError("delay relay for %s did not start" % h)
                time.sleep(0.05)
        eff_sysctl = {}
        for h in hosts:
            for k, v in sc.get("sysctl", {}).items():
                full = "%s.%s" % (KNOWN_SYSCTLS[k], k)
                sh(["ip", "netns", "exec", topo.ns[h], "sysctl", "-qw", "%s=%s" % (full, sysctl_value(v))])
        for k in sorted(set(list(sc.get("sysctl", {}).keys()) + args.report_sysctl)):
            full = "%s.%s" % (KNOWN_SYSCTLS.get(k, "net.ipv4"), k)
            r = sh(["ip", "netns", "exec", topo.ns["server"], "sysctl", "-n", full], check=False)
            eff_sysctl[k] = r.stdout.strip().replace("\t", " ")
        per = fault_rules(topo, sc.get("faults", []))
        install_faults(topo, per)
        crash_hosts = sorted(set(s["host"] for s in sc["steps"] if s["call"] in ("crash", "reboot")))
        install_crash_tables(topo, crash_hosts)
        ip2host = {topo.ip[h]: h for h in hosts}
        spec = {"server_ip": topo.ip["server"], "ip": topo.ip, "ip2host": ip2host, "steps": sc["steps"]}
        specf = os.path.join(work, "spec.json")
        json.dump(spec, open(specf, "w"))
        pcap = os.path.join(work, "wire.pcap")
        # tcpdump on the server's veth: sees everything any host sends to or gets from the server
        td = subprocess.Popen(["ip", "netns", "exec", topo.ns["server"], "tcpdump", "-i", "eth0", "-n", "-U",
                               "-s", "256", "-w", pcap, "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        procs.append(td)
        tcpdumps.append(td)
        droppcaps = []
        for r in sorted(set(per) | set(crash_hosts)):
            dp = os.path.join(work, "drops-%s.pcap" % r)
            droppcaps.append(dp)
            p = subprocess.Popen(["ip", "netns", "exec", topo.ns[r], "tcpdump", "-i",
                                  "nflog:%d" % NFLOG_GROUP, "-n", "-U", "-s", "256", "-w", dp],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            procs.append(p)
            tcpdumps.append(p)
        pollfiles = {}
        for h in hosts:
            if h == "attacker":
                continue
            pf = os.path.join(work, "poll-%s.txt" % h)
            pollfiles[h] = pf
            p = subprocess.Popen(["ip", "netns", "exec", topo.ns[h], sys.executable, HERE, "poll",
                                  "--t0-file", t0file, "--out", pf, "--stop", stop_poll])
            procs.append(p)
            pollers.append(p)
        applogs = {}
        app_procs = []
        for h in hosts:
            if not any(s["host"] == h for s in sc["steps"]):
                continue
            lf = os.path.join(work, "app-%s.jsonl" % h)
            applogs[h] = lf
            p = subprocess.Popen(["ip", "netns", "exec", topo.ns[h], sys.executable, HERE, "app",
                                  "--spec", specf, "--host", h, "--t0-file", t0file, "--log", lf,
                                  "--stop", stopfile])
            procs.append(p)
            app_procs.append(p)
        # let every helper start (python start-up of a few processes on 2 cores takes a
        # while; also lets the kernel finish tearing down earlier namespaces), then fix t0
        time.sleep(2.0 + 0.1 * len(procs))
        if td.poll() is not None:
            raise RuntimeError("tcpdump died: %s" % td.stderr.read().decode())
        t0 = time.time() + 1.0
        with open(t0file + ".tmp", "w") as f:
            f.write(repr(t0))
        os.rename(t0file + ".tmp", t0file)
        ft = FaultTimer(topo, per, t0)
        ft.prearm()
        ft.start()
        last_step = max([s["t"] + (s.get("duration", 0) if s["call"] == "syn-flood" else 0)
                         for s in sc["steps"]] + [0])
        end_at = t0 + (args.duration if args.duration else last_step + args.tail)
        max_at = t0 + args.max_duration
        log("t0 in %.1fs; running until t=%.1f (max %.1f)" % (t0 - time.time(), end_at - t0, args.max_duration))
        while True:
            tnow = time.time()
            if tnow >= max_at:
                break
            if tnow >= end_at:
                if not args.until_closed:
                    break
                # also wait for pending app calls and non-listening sockets to go away
                apps_done = all(os.path.exists(f) and '"done"' in open(f).read() for f in applogs.values())
                socks = {}
                for h, pf in pollfiles.items():
                    for (t, st, l, r) in read_polls(pf):
                        socks[(h, l, r)] = st
                live = [k for k, st in socks.items() if st not in ("CLOSED", "LISTEN")
                        and not (st == "TIME-WAIT" and not args.wait_tw)]
                if apps_done and not live:
                    if not hasattr(cmd_run, "_quiet_since"):
                        cmd_run._quiet_since = tnow
                    if tnow - cmd_run._quiet_since >= args.tail:
                        break
                elif hasattr(cmd_run, "_quiet_since"):
                    del cmd_run._quiet_since
            time.sleep(0.1)
        t_end = time.time() - t0
        ft.close()
        time.sleep(0.2)
        # packets the fault rules dropped, by the rules' own counters
        nft_dropped = 0
        tables = [(r, "capfault") for r in per] + [(r, "capcrash") for r in crash_hosts]
        for r, table in tables:
            out = sh(["ip", "netns", "exec", topo.ns[r], "nft", "list", "table", "inet", table],
                     check=False).stdout
            for ln in out.splitlines():
                if " drop" in ln and "counter packets" in ln:
                    nft_dropped += int(ln.split("counter packets")[1].split()[0])
        # nstat per host, before anything is torn down
        nstat = {}
        for h in hosts:
            if h == "attacker":
                continue
            r = sh(["ip", "netns", "exec", topo.ns[h], "nstat", "-as"], check=False)
            vals = {}
            for ln in r.stdout.splitlines():
                p = ln.split()
                if len(p) >= 2 and p[1].isdigit() and int(p[1]):
                    vals[p[0]] = int(p[1])
            nstat[h] = vals
        # stop the captures first (so that nothing the apps do on exit is recorded), then the
        # pollers, then the apps (their exit closes any socket still open)
        for p in tcpdumps:
            if p.poll() is None:
                p.send_signal(signal.SIGINT)
        for p in tcpdumps:
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        open(stop_poll, "w").close()
        for p in pollers:
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        open(stopfile, "w").close()
        for p in app_procs:
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        open(stop_relay, "w").close()
        for p in relays:
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        # ---------------- convert
        drops = read_drops(droppcaps)
        segs, order, raw, unmatched = convert_segments(pcap, t0, dict(ip2host), drops)
        for c in order:
            c.start_rel = c.start - t0
        multi = len(order) > 1
        polls = {h: read_polls(pf) for h, pf in pollfiles.items()}
        calls = []
        for h, lf in applogs.items():
            if os.path.exists(lf):
                for ln in open(lf):
                    d = json.loads(ln)
                    if "call" in d:
                        calls.append(d)
        calls.sort(key=lambda d: (d["t"], d["returned"]))
        # a crashed host has no socket table anyone could read: drop its polled states from
        # the crash until it reboots (the sockets the reboot destroys then show up as CLOSED)
        for h in crash_hosts:
            windows, start = [], None
            for d in calls:
                if d["host"] != h:
                    continue
                if d["call"] == "crash" and start is None:
                    start = d["started"]
                elif d["call"] == "reboot":
                    windows.append((d["started"] if start is None else start, d["started"]))
                    start = None
            if start is not None:
                windows.append((start, float("inf")))
            polls[h] = [e for e in polls.get(h, []) if not any(a <= e[0] < b for a, b in windows)]
        states = build_states(topo, polls, order, multi)
        details = make_details(segs, raw, states, calls, nstat, eff_sysctl, ft.done_log,
                               [f for f in sc.get("faults", []) if "delay" not in f], unmatched, t_end, multi,
                               nft_dropped, delay_details(plan, relaylogs, raw, t0))
        nmark = sum(1 for s in segs if s.get("dropped"))
        if per and nmark != nft_dropped:
            log("WARNING: %d segments marked dropped but the nft counters say %d" % (nmark, nft_dropped))
        sc["kernel"] = os.uname().release
        sc["expect"] = {"segments": segs, "states": states,
                        "notes": "Summary: (to be written) Details: " + details}
        with open(args.output, "w") as f:
            json.dump(sc, f, indent=1)
            f.write("\n")
        if args.pcap:
            shutil.copy(pcap, args.pcap)
            if os.path.getsize(args.pcap) > args.max_pcap:
                os.unlink(args.pcap)
                log("pcap larger than %d bytes: not kept" % args.max_pcap)
        if args.keep_work:
            log("work dir kept: %s" % work)
        log("wrote %s: %d segments, %d states" % (args.output, len(segs), len(states)))
    finally:
        if ft is not None:
            ft.close()
        if not os.path.exists(stopfile):
            try:
                open(stopfile, "w").close()
            except OSError:
                pass
        for p in procs:
            if p.poll() is None:
                try:
                    p.kill()
                    p.wait(timeout=3)
                except Exception:
                    pass
        topo.down()
        if not args.keep_work:
            shutil.rmtree(work, ignore_errors=True)


def delay_details(plan, relaylogs, raw, t0):
    """Notes on the delay relays: the windows, how many frames each relayed, how late the
    relay sent them (send time minus due time), and for a client, each TCP segment's
    measured delay from the relay taking it off the host's veth to tcpdump seeing it on
    the server's interface."""
    if not plan:
        return ""
    wire = {}
    for p, _c in raw:
        wire.setdefault(drop_key(p), []).append(p["ts"])
    parts = []
    for h, windows in plan.items():
        recs = read_relay_log(relaylogs.get(h, ""))
        outs = [r for r in recs if r[0] == "out"]
        ins = [r for r in recs if r[0] == "in"]
        ws = []
        for (after, until, d) in windows:
            w = "%.3f s" % d
            if after is not None or until is not None:
                w += " for segments sent in [%s, %s)" % ("%.3f" % after if after is not None else "start",
                                                           "%.3f" % until if until is not None else "end")
            ws.append(w)
        txt = "%s: %s; relayed %d frames out (delayed side), %d in" % (h, " + ".join(ws), len(outs), len(ins))
        late = sorted((r[3] - r[2]) * 1000 for r in outs)
        if late:
            txt += "; relay send minus due time: median %.3f ms, max %.3f ms" % (late[len(late) // 2], late[-1])
        late = sorted((r[3] - r[1]) * 1000 for r in ins)
        if late:
            txt += "; frames to %s passed on after median %.3f ms, max %.3f ms" % (h, late[len(late) // 2], late[-1])
        if h != "server":
            err = []
            for (_d, rx, due, tx, p) in outs:
                if p is None:
                    continue
                ts = wire.get(drop_key(p))
                if ts:
                    err.append(((ts.pop(0) - rx) - (due - rx)) * 1000)
            if err:
                err.sort()
                txt += ("; %d TCP segments reached the server's interface %.3f to %.3f ms (median %.3f) "
                        "after their due time" % (len(err), err[0], err[-1], err[len(err) // 2]))
        parts.append(txt)
    return ("Delay (userspace relay in the switch namespace, no netem here; a segment's delay is fixed "
            "when the relay takes it from the sender's veth): " + "; ".join(parts) + ".")


def make_details(segs, raw, states, calls, nstat, eff_sysctl, fault_log, faults, unmatched, t_end, multi,
                 nft_dropped=None, delay_note=""):
    parts = []
    if eff_sysctl:
        parts.append("Effective sysctls (server namespace): " +
                     ", ".join("%s=%s" % (k, v) for k, v in sorted(eff_sysctl.items())) + ".")
    # SYN options
    seen = {}
    for s, (p, c) in zip(segs, raw):
        if s["flags"] in ("S", "S.") and (s["from"], s["flags"]) not in seen and not s["from"] == "attacker" \
                and not str(s.get("conn", "")).startswith("flood-"):
            seen[(s["from"], s["flags"])] = "%s %s->%s: %s" % (
                s["flags"], s["from"], "server" if s["from"] != "server" else "client",
                ", ".join(sorted(p["opts"], key=opt_rank)) or "no options")
    if seen:
        parts.append("SYN options (first of each kind): " + "; ".join(seen.values()) + ".")
    if calls:
        cl = []
        for d in calls:
            extra = ""
            if d.get("peer"):
                extra = " peer %s" % d["peer"]
            if d.get("local"):
                extra = " local %s" % d["local"]
            if d.get("conn"):
                extra += " [%s]" % d["conn"]
            cl.append("%s %s@%.3f -> %s%s (returned @%.3f)" % (d["host"], d["call"], d["t"], d["result"],
                                                             extra, d["returned"]))
        parts.append("App call results: " + "; ".join(cl) + ".")
    # retransmissions: same conn/from/seq/len/SYN-FIN flags as an earlier segment carrying SYN/FIN/data
    groups = {}
    for s in segs:
        fl = s["flags"]
        if not (s["len"] or "S" in fl or "F" in fl):
            continue
        k = (s.get("conn"), s["from"], s["seq"], s["len"], "S" in fl, "F" in fl)
        groups.setdefault(k, []).append(s["t"])
    rl = []
    flood_rt = 0
    for k, ts in groups.items():
        if len(ts) < 2:
            continue
        if k[0] and str(k[0]).startswith("flood-"):
            flood_rt += len(ts) - 1
            if len(rl) > 6:
                continue
        g = ["%.3f" % ts[0]] + ["%.3f (+%.3f)" % (ts[i], ts[i] - ts[i - 1]) for i in range(1, len(ts))]
        what = ("S." if k[4] and k[1] == "server" else "S") if k[4] else ("F" if k[5] else "data")
        rl.append("%s%s %s seq %d len %d sent at t=%s" % (k[1], (" [%s]" % k[0]) if k[0] else "", what,
                                                         k[2], k[3], ", ".join(g)))
    if rl:
        parts.append("Retransmissions (same seq/len/SYN-FIN flags as an earlier segment; gaps in brackets): "
                     + "; ".join(rl) + (" (flood total %d retransmitted SYN-ACKs)" % flood_rt if flood_rt else "") + ".")
    nd = sum(1 for s in segs if s.get("dropped"))
    if faults:
        fl = "; ".join("%s at t=%.3f (fault %d, receiver %s)" % (w, t, fi, r) for (t, w, r, fi) in fault_log)
        parts.append("Faults: %d segments dropped by the receiver's nft input rules (marked dropped; nft counters: %s)%s%s." % (
            nd, nft_dropped, ("; timed rules switched " + fl) if fl else "",
            ("; %d drop-log entries unmatched" % len(unmatched)) if unmatched else ""))
    if delay_note:
        parts.append(delay_note)
    # state durations
    dl = []
    seq_by = {}
    for s in states:
        seq_by.setdefault((s["host"], s.get("conn")), []).append(s)
    for (h, c), lst in seq_by.items():
        if c and str(c).startswith("flood-") and len(dl) > 12:
            continue
        for a, b in zip(lst, lst[1:]):
            if a["state"] in ("LISTEN", "ESTABLISHED"):
                continue
            dl.append("%s%s %s from t=%.3f to %s at t=%.3f (%.2f s)" % (
                h, (" [%s]" % c) if c else "", a["state"], a["t"], b["state"], b["t"], b["t"] - a["t"]))
    if dl:
        parts.append("State durations as polled (10 ms resolution): " + "; ".join(dl[:40]) +
                     ("; ..." if len(dl) > 40 else "") + ".")
    skip = {"TcpInSegs", "TcpOutSegs", "TcpCurrEstab", "TcpExtTCPHPHits", "TcpExtTCPPureAcks",
            "TcpExtTCPHPAcks", "TcpExtTCPRcvCoalesce", "TcpExtTCPAutoCorking", "TcpExtTCPWantZeroWindowAdv",
            "TcpExtTCPToZeroWindowAdv", "TcpExtTCPFromZeroWindowAdv", "TcpExtTCPBacklogCoalesce",
            "TcpExtTCPOFOQueue"}
    ns = []
    for h, vals in nstat.items():
        v = {k: n for k, n in vals.items() if (k.startswith("Tcp") and k not in skip)}
        if v:
            ns.append("%s %s" % (h, ", ".join("%s=%d" % kv for kv in sorted(v.items()))))
    if ns:
        parts.append("nstat counters at end (fresh namespaces): " + "; ".join(ns) + ".")
    parts.append("Capture ended at t=%.3f." % t_end)
    return " ".join(parts)


# ---------------------------------------------------------------------------
# convert / compare / summary
# ---------------------------------------------------------------------------

def cmd_convert(args):
    sc = json.load(open(args.scenario)) if args.scenario else {}
    ts0 = None
    for ts, ip in read_pcap(args.pcap):
        ts0 = ts
        break
    # t0: align the first segment with the scenario's first expected segment if known
    t0 = ts0
    exp = (sc.get("expect") or {}).get("segments") or []
    if exp and ts0 is not None:
        t0 = ts0 - exp[0]["t"]
    segs, order, raw, _ = convert_segments(args.pcap, t0, {})
    json.dump({"segments": segs}, sys.stdout, indent=1)
    print()


def seg_key(s):
    return (s.get("conn"), s["from"], s["flags"], s["seq"], s["ack"], s["len"])


def cmd_compare(args):
    a = json.load(open(args.a))
    b = json.load(open(args.b))
    sa = a["expect"]["segments"] if "expect" in a else a["segments"]
    sb = b["expect"]["segments"] if "expect" in b else b["segments"]
    ka = [seg_key(s)[1:] for s in sa]
    kb = [seg_key(s)[1:] for s in sb]
    ok = ka == kb
    print("%s: %d vs %d segments, %s" % (os.path.basename(args.a), len(ka), len(kb),
                                         "IDENTICAL (from, flags, seq, ack, len)" if ok else "DIFFERENT"))
    n = max(len(sa), len(sb))
    for i in range(n):
        x = sa[i] if i < len(sa) else None
        y = sb[i] if i < len(sb) else None
        mark = "  " if (x and y and seg_key(x)[1:] == seg_key(y)[1:]) else "!!"
        fx = "%8.4f %-7s %-4s %6s %6s %4s" % (x["t"], x["from"], x["flags"], x["seq"], x["ack"], x["len"]) if x else ""
        fy = "%8.4f %-7s %-4s %6s %6s %4s%s" % (y["t"], y["from"], y["flags"], y["seq"], y["ack"], y["len"],
                                                " D" if y.get("dropped") else "") if y else ""
        if args.verbose or mark == "!!":
            print("%s %-45s | %s" % (mark, fx, fy))
    # gaps
    if ok and args.verbose:
        for i in range(1, n):
            ga = sa[i]["t"] - sa[i - 1]["t"]
            gb = sb[i]["t"] - sb[i - 1]["t"]
            if abs(ga - gb) > max(0.03, 0.13 * max(ga, gb)):
                print("   gap %d differs: %.4f vs %.4f" % (i, ga, gb))
    return 0 if ok else 1


def cmd_summary(args):
    d = json.load(open(args.file))
    n = d["expect"]["notes"]
    det = n.split(" Details: ", 1)[1] if " Details: " in n else n
    d["expect"]["notes"] = "Summary: " + args.text.strip() + " Details: " + det
    with open(args.file, "w") as f:
        json.dump(d, f, indent=1)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="run a scenario in fresh namespaces and write the capture")
    r.add_argument("scenario")
    r.add_argument("-o", "--output", required=True)
    r.add_argument("--pcap")
    r.add_argument("--duration", type=float, help="fixed capture length in seconds from t0")
    r.add_argument("--tail", type=float, default=2.0, help="seconds after the last step (default 2)")
    r.add_argument("--until-closed", action="store_true",
                   help="after the last step, also wait until apps are done and only LISTEN "
                        "(and TIME-WAIT unless --wait-tw) sockets are left")
    r.add_argument("--wait-tw", action="store_true")
    r.add_argument("--max-duration", type=float, default=300.0)
    r.add_argument("--max-pcap", type=int, default=200 * 1024)
    r.add_argument("--report-sysctl", action="append", default=[],
                   help="also report this sysctl's effective value in the notes")
    r.add_argument("--keep-work", action="store_true")
    c = sub.add_parser("convert")
    c.add_argument("pcap")
    c.add_argument("--scenario")
    m = sub.add_parser("compare")
    m.add_argument("a")
    m.add_argument("b")
    m.add_argument("-v", "--verbose", action="store_true")
    s = sub.add_parser("summary")
    s.add_argument("file")
    s.add_argument("text")
    a = sub.add_parser("app")
    a.add_argument("--spec")
    a.add_argument("--host")
    a.add_argument("--t0-file")
    a.add_argument("--log")
    a.add_argument("--stop")
    p = sub.add_parser("poll")
    p.add_argument("--t0-file")
    p.add_argument("--out")
    p.add_argument("--stop")
    k = sub.add_parser("delaycheck", help="measure the delay relay (latency at delay 0, accuracy)")
    k.add_argument("--delay", type=float, default=0.1)
    k.add_argument("--count", type=int, default=200)
    y = sub.add_parser("relay")
    for k in ("--host-if", "--bridge-if", "--windows", "--t0-file", "--ready", "--stop", "--log"):
        y.add_argument(k)
    args = ap.parse_args()
    if args.cmd == "run":
        signal.signal(signal.SIGTERM, lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
        cmd_run(args)
    elif args.cmd == "convert":
        cmd_convert(args)
    elif args.cmd == "compare":
        sys.exit(cmd_compare(args))
    elif args.cmd == "summary":
        cmd_summary(args)
    elif args.cmd == "app":
        cmd_app(args)
    elif args.cmd == "poll":
        cmd_poll(args)
    elif args.cmd == "relay":
        cmd_relay(args)
    elif args.cmd == "delaycheck":
        cmd_delaycheck(args)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Drives an echo server through many TCP connections in a row, over loopback only.

usage: echo_client.py [--connections N] -- SERVER_COMMAND...
Runs SERVER_COMMAND PORT N on a free port, waits for its "listening" line, then opens N connections
one after another. Each sends a payload (sizes from 0 bytes to 200 KB), half-closes, and must read
back exactly the same bytes; one connection in the middle hangs up without reading its echo, which
the server must survive. Every wait is bounded; the server must then exit 0 by itself.
"""
import argparse
import os
import random
import select
import socket
import subprocess
import sys
import threading
import time

DEADLINE_SECONDS = 120


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(command, connections):
    """Starts the server on a free port; retries if another process took the port first."""
    for _ in range(5):
        port = free_port()
        proc = subprocess.Popen(command + [str(port), str(connections)], stdout=subprocess.PIPE)
        ready, _, _ = select.select([proc.stdout], [], [], 30)
        line = proc.stdout.readline() if ready else b""
        if b"listening on port %d" % port in line:
            return proc, port
        proc.kill()
        proc.wait()
    sys.exit("echo_client: the server never listened")


def echo_once(port, payload, read_back=True):
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        # Send from a thread: the server echoes while it reads, so both directions flow at once.
        sender = threading.Thread(target=lambda: (s.sendall(payload), s.shutdown(socket.SHUT_WR)))
        sender.start()
        if not read_back:
            sender.join()
            return None
        received = bytearray()
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            received += chunk
        sender.join()
        return bytes(received)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("command", nargs="+")
    args = parser.parse_args()

    rng = random.Random(4)  # fixed seed: the same payloads on every run
    proc, port = start_server(args.command, args.connections)
    start = time.monotonic()
    total = 0
    try:
        for i in range(args.connections):
            if time.monotonic() - start > DEADLINE_SECONDS:
                sys.exit("echo_client: over %d s" % DEADLINE_SECONDS)
            size = [0, 1, 4095, 4096, 4097, 200000][i % 6] if i % 3 else rng.randrange(1, 20000)
            payload = bytes(rng.getrandbits(8) for _ in range(size))
            if i == args.connections // 2:
                # A client that hangs up without reading: the server gets EPIPE or ECONNRESET.
                echo_once(port, payload + bytes(300000), read_back=False)
                continue
            got = echo_once(port, payload)
            if got != payload:
                sys.exit("echo_client: connection %d: sent %d bytes, got %d back (%s)" %
                         (i, len(payload), len(got), "prefix ok" if payload.startswith(got) else "differs"))
            total += len(payload)
        rc = proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    print("echoed %d connections, %d bytes, server exit %d" % (args.connections, total, rc))
    return 0 if rc == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

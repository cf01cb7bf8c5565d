"""Load on `gxlint serve`: the server started on 127.0.0.1, 500 checks sent 16 at a time
(corpus reports as uploads, one hostile file among them), with throughput, p50/p95 latency and
the peak memory of the server and its workers; then the command line's batch rate on the same
files, so that the service's rate is given as a ratio to it (these machines are noisy).

    python bench/serve_load.py [--checks 500] [--concurrency 16] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORTS = sorted((ROOT / "tests" / "corpus").glob("*.txt"))
HOSTILE = "<html><body><p>某局2023年政府信息公开工作年度报告</p>" + "<p>正文" * 100_000


def _multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    return head + data + f"\r\n--{boundary}--\r\n".encode(), boundary


def _check(url: str, name: str, data: bytes) -> tuple[float, int, int]:
    body, boundary = _multipart(name, data)
    request = urllib.request.Request(
        url + "/api/v1/check",
        data=body,
        headers={"content-type": f"multipart/form-data; boundary={boundary}"},
    )
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            findings = len(json.load(response)["findings"])
            return time.perf_counter() - start, response.status, findings
    except urllib.error.HTTPError as error:
        return time.perf_counter() - start, error.code, 0


def _peak_kib(pid: int) -> int:
    """VmHWM of the server and its live children (workers), summed."""
    total = 0
    for candidate in [pid, *_children(pid)]:
        try:
            status = Path(f"/proc/{candidate}/status").read_text()
        except OSError:
            continue
        total += next(int(ln.split()[1]) for ln in status.splitlines() if ln.startswith("VmHWM"))
    return total


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == pid:
                found += [int(entry.name), *_children(int(entry.name))]
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--checks", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    options = parser.parse_args()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "gxlint", "serve", "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", str(options.workers)], stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    jobs = [(p.name, p.read_bytes()) for p in REPORTS]
    jobs = [jobs[i % len(jobs)] for i in range(options.checks - 1)] + [
        ("hostile.html", HOSTILE.encode())
    ]
    peak = 0
    start = time.perf_counter()
    with ThreadPoolExecutor(options.concurrency) as pool:
        futures = [pool.submit(_check, url, name, data) for name, data in jobs]
        while not all(f.done() for f in futures):
            peak = max(peak, _peak_kib(server.pid))
            time.sleep(0.2)
        results = [f.result() for f in futures]
    wall = time.perf_counter() - start
    peak = max(peak, _peak_kib(server.pid))
    server.terminate()
    server.wait(timeout=30)
    latencies = sorted(seconds for seconds, _, _ in results)
    failed = [status for _, status, _ in results if status != 200]
    rate = len(results) / wall
    with tempfile.TemporaryDirectory() as folder:
        for i, (name, data) in enumerate(jobs[:-1]):
            Path(folder, f"{i:04d}-{name}").write_bytes(data)
        cli_start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "gxlint",
                "--format",
                "json",
                "--fail-on",
                "never",
                "--jobs",
                str(options.workers),
                folder,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        cli_rate = (len(jobs) - 1) / (time.perf_counter() - cli_start)
    print(f"{len(results)} checks, {options.concurrency} at a time, {options.workers} workers")
    print(f"failed or lost: {len(failed)} {failed}")
    print(
        f"throughput {rate:.1f} checks/s; the command line's batch {cli_rate:.1f} reports/s "
        f"on the same files: {rate / cli_rate:.2f}×"
    )
    print(
        f"latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
        f"p95 {latencies[int(0.95 * len(latencies))] * 1000:.0f} ms"
    )
    print(f"peak memory, server and workers: {peak / 1024:.0f} MiB")
    return 0 if not failed else 1


if __name__ == "__main__":
    raise SystemExit(main())

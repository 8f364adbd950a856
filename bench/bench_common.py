"""What bench/compare.py and bench/large_inputs.py share: the Release build and timed runs."""
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(build_dir: Path, targets=("hanmark", "hanmark_parse_only")) -> None:
    subprocess.run(["cmake", "-S", ROOT, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
                    "-DHANMARK_BUILD_TESTS=OFF", "-DHANMARK_BUILD_BENCH=ON"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", build_dir, "-j", str(os.cpu_count() or 2),
                    "--target", *targets],
                   check=True, stdout=subprocess.DEVNULL)


def run_once(argv, cwd=None, timeout=None):
    """Wall seconds and peak RSS (MB) of one run; output is discarded.

    A run still going after `timeout` seconds is killed, and its wall time is None.
    """
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    timer = threading.Timer(timeout, process.kill) if timeout else None
    if timer:
        timer.start()
    # wait4, not Popen.wait: it gives this child's own peak RSS.
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if timer:
        timer.cancel()
        if process.returncode == -9 and wall >= timeout:
            return None, usage.ru_maxrss / 1024
    if process.returncode not in (0, 1):  # linters exit 1 when they find something
        sys.exit(f"{argv[0]} failed with exit code {process.returncode}")
    return wall, usage.ru_maxrss / 1024


def measure(commands, runs, timeout=None):
    """Median wall time (None if any run timed out) and largest peak RSS of each named command.

    The commands run interleaved, round by round, so that machine noise hits every one alike.
    """
    samples = {name: [] for name, _, _ in commands}
    for _ in range(runs):
        for name, argv, cwd in commands:
            samples[name].append(run_once(argv, cwd, timeout))
    results = {}
    for name, s in samples.items():
        walls = [w for w, _ in s]
        wall = None if None in walls else statistics.median(walls)
        results[name] = (wall, max(r for _, r in s))
    return results

"""What bench/compare.py and bench/large_inputs.py share: the Release build and timed runs."""
import os
import signal
import statistics
import subprocess
import sys
import tempfile
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


GNU_TIME = Path("/usr/bin/time")


def run_once(argv, cwd=None, timeout=None):
    """Wall seconds and peak RSS (MB) of one run; output is discarded.

    A run still going after `timeout` seconds is killed, and its wall time is None.

    The peak RSS comes from GNU time when it is installed: wait4's ru_maxrss of a child counts
    the high-water mark of the process it was forked from (Linux carries it across exec), and
    this script can be large (large_inputs.py builds its inputs in memory), so every child would
    report at least the script's own size.
    """
    with tempfile.NamedTemporaryFile(prefix="hanmark-rss-") as rss_file:
        wrapper = [str(GNU_TIME), "-f", "%M", "-o", rss_file.name] if GNU_TIME.exists() else []
        start = time.perf_counter()
        # A session of its own: a timeout kills the command under GNU time too.
        process = subprocess.Popen(wrapper + list(map(str, argv)), cwd=cwd,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        timer = (threading.Timer(timeout, os.killpg, (process.pid, signal.SIGKILL))
                 if timeout else None)
        if timer:
            timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        peak_mb = usage.ru_maxrss / 1024
        # GNU time writes "Command exited with non-zero status N" before the number.
        lines = Path(rss_file.name).read_text().split()
        if wrapper and lines and lines[-1].isdigit():
            peak_mb = int(lines[-1]) / 1024
    if timer:
        timer.cancel()
        if process.returncode == -9 and wall >= timeout:
            return None, peak_mb
    if process.returncode not in (0, 1):  # linters exit 1 when they find something
        sys.exit(f"{argv[0]} failed with exit code {process.returncode}")
    return wall, peak_mb


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

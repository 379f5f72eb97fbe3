"""The long run of the route fuzzer: `python3 fuzz_routes.py REQUESTS WORKERS` against the
binary in ASAH_BIN over a fresh demo database, WORKERS fuzzers at once (each its own seed and
accounts' sessions), a health check after every burst. Prints the totals and every finding;
exits 1 when there is one."""
import multiprocessing
import sys
import time

from asah_server import PASSWORD, AsahServer
from route_fuzzer import Finding, RouteFuzzer


def work(arguments):
    base, db, binary, seed, budget = arguments
    fuzzer = RouteFuzzer(base, db, binary, seed=seed, password=PASSWORD, write_check_rate=0)
    stopped = None
    try:
        fuzzer.run(budget)
    except Finding as finding:
        stopped = str(finding)
    return fuzzer.requests, fuzzer.statuses, fuzzer.findings + ([stopped] if stopped else []), len(fuzzer.per_route)


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    server = AsahServer().start()
    try:
        started = time.time()
        jobs = [(server.base, server.db, server.binary, 1000 + number, total // workers) for number in range(workers)]
        with multiprocessing.Pool(workers) as pool:
            results = pool.map(work, jobs)
        seconds = time.time() - started
        requests = sum(result[0] for result in results)
        statuses = {}
        for result in results:
            for status, count in result[1].items():
                statuses[status] = statuses.get(status, 0) + count
        findings = [finding for result in results for finding in result[2]]
        alive = server.process.poll() is None
        print(f"{requests} requests in {seconds:.0f} s ({requests / seconds:.0f} req/s) by {workers} workers, "
              f"routes covered per worker {[result[3] for result in results]}, statuses {dict(sorted(statuses.items(), key=str))}, "
              f"server {'still running' if alive else 'STOPPED'}")
        for finding in findings:
            print("finding:", finding)
        if findings or not alive:
            print(server.log()[-4000:])
            sys.exit(1)
    finally:
        server.remove()


if __name__ == "__main__":
    main()

"""Benchmarks at archive scale: a generator of synthetic archives and a runner.

    python -m benchmarks.generate --count 1000 --out /tmp/archive
    python -m benchmarks.run --sizes 1000,10000 --json results.json

See benchmarks/README.md.
"""

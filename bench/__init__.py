"""Benchmark harness for xiezhi (see bench/README.md).

`bench.generate` fills PostgreSQL with synthetic courts, staff and cases through COPY;
`bench.run` (``python -m bench.run``) generates a dataset and measures the staff
workbench, the case page and concurrent registrations against it. Nothing here is
imported by the product."""

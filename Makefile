# Civisphère — the two commands a newcomer needs are `make run` and `make test`; both install
# whatever is missing first (.ci/install-deps).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

# Never ./... : it would walk into frontend/node_modules if a package there ships .go files.
GO_PACKAGES := . ./app/... ./backend/...
GOBIN := $(shell go env GOPATH)/bin
WAILS := $(GOBIN)/wails
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)
# Recursive (=): evaluated when a recipe runs, after deps has installed WebKitGTK. The tag also
# makes WebKitGTK pass request bodies to the Wails asset server.
WEBKIT_TAG = $(shell pkg-config --exists webkit2gtk-4.1 && echo webkit2_41 || echo webkit2_40)
BIN := build/bin/civisphere

.PHONY: run test build deps frontend api dev serve lint test-go test-frontend test-browser test-desktop bench clean

## run: install what is missing, build, and open the window (or `serve` when there is no display)
run: build
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
		exec $(BIN) $(ARGS); \
	else \
		echo "No display found: starting the server instead of the window."; \
		exec $(BIN) serve $(ARGS); \
	fi

## test: install what is missing, build, and run every test (Go, frontend, browser, desktop)
test: build lint test-go test-frontend test-browser test-desktop
	@echo "make test: all suites passed"

deps:
	@.ci/install-deps

frontend: deps
	cd frontend && npm run build

## build: the desktop binary with the UI embedded, in build/bin/civisphere
build: frontend
	$(WAILS) build -s -skipbindings -tags "$(WEBKIT_TAG)" -ldflags "$(LDFLAGS)" -o civisphere

lint: deps
	@unformatted=$$(gofmt -l main.go main_test.go app backend frontend/embed.go); \
	if [ -n "$$unformatted" ]; then echo "not gofmt-formatted: $$unformatted"; exit 1; fi
	go vet $(GO_PACKAGES)
	cd frontend && npm run typecheck

test-go: deps
	go test -race -count=1 $(GO_PACKAGES)

test-frontend: deps
	cd frontend && npm test

## test-browser: Playwright + Debian's Chromium against `civisphere serve` on a temp data folder
test-browser: build
	cd frontend && CIVISPHERE_BIN="$(CURDIR)/$(BIN)" npm run test:e2e

## test-desktop: the real window under Xvfb, a write through the asset server, a screenshot
test-desktop: build
	.ci/desktop-smoke $(BIN) test-results/desktop-window.png

## bench: benchmarks, 100,000 generated volunteers (search, import, start-up); writes bench-results.json
bench: build
	.ci/bench bench-results.json

## api: regenerate the OpenAPI document and the frontend's typed client after an API change
api: deps
	go test ./backend/httpapi -run TestOpenAPIDocumentIsUpToDate -update -count=1
	cd frontend && npm run api:generate

## dev: the Wails development window with live reload of the frontend
dev: deps
	$(WAILS) dev -tags "$(WEBKIT_TAG)" -skipbindings

## serve: build and serve over HTTP on 127.0.0.1:8080 (ARGS="--addr ... --data ...")
serve: build
	$(BIN) serve $(ARGS)

clean:
	rm -rf build/bin test-results frontend/dist/assets frontend/dist/index.html

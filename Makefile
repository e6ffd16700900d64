# SeaIceKit: the two commands of the README are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
JOBS ?= $(shell nproc)

.PHONY: setup build release test demo bench fixtures clean

## Install Debian packages and libtorch into .deps (idempotent).
setup:
	@bash scripts/setup.sh

## Debug build of everything.
build: setup
	$(SWIFT) build -j $(JOBS)

## Optimised build of the seaice tool.
release: setup
	$(SWIFT) build -c release -j $(JOBS) --product seaice

## Run the test suite.
test: setup
	$(SWIFT) build --build-tests -j $(JOBS)
	$(SWIFT) test --skip-build

## The main job on built-in sample data.
demo: release
	bash scripts/demo.sh

## Benchmarks (long; figures go to BENCHMARKS.md).
bench: release
	$$($(SWIFT) build -c release --show-bin-path)/seaice bench unet
	test -d .build/demo/ready || bash scripts/demo.sh
	$$($(SWIFT) build -c release --show-bin-path)/seaice bench train --seeds 1 2 3 4 5 6 7 8
	$$($(SWIFT) build -c release --show-bin-path)/seaice bench preprocess
	$$($(SWIFT) build -c release --show-bin-path)/seaice bench sampler

## Regenerate the PyTorch expected-value fixtures (needs setup; commit the result).
## python/evaluation_fixtures.py needs scikit-learn: see its header.
fixtures: setup
	scripts/python python/tensor_fixtures.py
	scripts/python python/nn_fixtures.py

clean:
	rm -rf .build

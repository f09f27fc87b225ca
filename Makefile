# gopar: a Jupyter kernel for Go, for teaching parallel programming.
#
#   make lab     build, install the kernelspec and open JupyterLab/Notebook on lessons/
#   make test    install what the tests need (Debian packages, as root) and run them all
#   make bench   run the side-by-side benchmarks and write BENCHMARKS.md
#   make release build the archives for learners (five systems) into dist/

GO ?= go

.PHONY: build lab test bench release clean

build:
	$(GO) build -o bin/gopar .

lab:
	./scripts/lab.sh

test:
	./scripts/test.sh

bench:
	./scripts/bench.sh

release:
	./scripts/release.sh

clean:
	rm -rf bin dist

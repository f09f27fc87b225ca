#!/usr/bin/env bash
# Installs the Debian packages gopar's notebook tools and tests use, when
# they are missing. Root installs them; anyone else is told what to install.
set -euo pipefail

packages=(python3-jupyter-client python3-nbclient python3-nbformat python3-jupyter-kernel-test
	jupyter-notebook python3-ipykernel gcc)
# The browser test (tests/browser) also needs Chromium and Node.js; Node.js
# may come from elsewhere than Debian, so only a missing one is installed.
browser=
if [ "${GOPAR_BROWSER_TESTS:-}" = 1 ]; then
	browser=1
	packages+=(chromium python3-jupyterlab-server)
	command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
fi

# The benchmarks' Python side (bench/kernel's workloads) uses NumPy and
# Matplotlib, as the lessons' Python does.
if [ "${GOPAR_BENCH:-}" = 1 ]; then
	packages+=(python3-numpy python3-matplotlib)
fi

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "gopar needs these Debian packages: ${missing[*]}" >&2
		echo "install them with: sudo apt-get install ${missing[*]}" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# playwright-core, at the version package-lock.json pins; it drives the
# Chromium above and downloads no browser of its own.
if [ -n "$browser" ]; then
	(cd "$(dirname "$0")/../tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
	# JupyterLab 4 for the debugger's browser test: its npm packages, at the
	# versions lab/package-lock.json pins, bundled with webpack (about a
	# minute) as JupyterLab's examples/app does; Debian's jupyterlab_server
	# serves it.
	(cd "$(dirname "$0")/../tests/browser/lab" && npm ci --no-audit --no-fund --loglevel=error &&
		npx --no-install webpack --no-stats >/dev/null)
fi

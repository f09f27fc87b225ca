// Package tests drives a built gopar through real Jupyter clients: the
// Jupyter project's conformance suite, fault tests with jupyter_client and
// notebooks executed by nbclient. They need Debian's python3-jupyter-client,
// python3-jupyter-kernel-test and python3-nbclient; without them the tests
// skip, unless GOPAR_REQUIRE_JUPYTER is set (as in CI), when they fail.
package tests

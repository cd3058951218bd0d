#!/bin/sh
# Prints the path of a kubectl with built-in kustomize, for the offline validation of k8s/:
# the one on PATH if any, else Debian's `kubernetes-client` package extracted into .tools/
# (fetched once with `apt-get download` and `dpkg-deb -x`, never installed over the system).
# APT_UPDATE=1 allows an `apt-get update` first when the package lists are missing (fresh CI).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/.tools/kubernetes-client"
bin="$dest/usr/bin/kubectl"
if command -v kubectl >/dev/null 2>&1 && kubectl kustomize --help >/dev/null 2>&1; then
  command -v kubectl
  exit 0
fi
if [ -x "$bin" ]; then
  echo "$bin"
  exit 0
fi
command -v apt-get >/dev/null 2>&1 && command -v dpkg-deb >/dev/null 2>&1 || {
  echo "kubectl-tool: no kubectl on PATH and no apt-get/dpkg-deb to fetch one" >&2
  exit 1
}
mkdir -p "$root/.tools/deb"
cd "$root/.tools/deb"
if ! apt-get download kubernetes-client >/dev/null 2>&1; then
  if [ "${APT_UPDATE:-0}" = 1 ] && [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >/dev/null 2>&1 || true
    apt-get download kubernetes-client >/dev/null 2>&1 || { echo "kubectl-tool: apt-get download kubernetes-client failed" >&2; exit 1; }
  else
    echo "kubectl-tool: apt-get download kubernetes-client failed (try APT_UPDATE=1 as root)" >&2
    exit 1
  fi
fi
dpkg-deb -x "$(ls -t kubernetes-client_*.deb | head -1)" "$dest"
"$bin" kustomize --help >/dev/null 2>&1 || { echo "kubectl-tool: extracted kubectl has no kustomize" >&2; exit 1; }
echo "$bin"

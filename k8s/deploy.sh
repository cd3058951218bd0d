#!/bin/sh
# Rolls out an overlay in the right order: namespace, config and datastores first, then the
# migrations Job to completion, then the apps (which never migrate on boot).
#   k8s/deploy.sh k8s/overlays/prod        (KUBECTL=... to use another kubectl)
set -eu
overlay="${1:?usage: k8s/deploy.sh k8s/overlays/<dev|prod>}"
kubectl="${KUBECTL:-kubectl}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
"$kubectl" kustomize "$overlay" > "$out"
ns="$(sed -n 's/^  namespace: //p' "$out" | head -1)"

echo "1/4 namespace, config, policies and datastores"
"$kubectl" apply -f "$out" -l 'app.kubernetes.io/component!=app,app.kubernetes.io/component!=migrations'
if ! "$kubectl" -n "$ns" get secret clipyard-secrets >/dev/null 2>&1 \
   && ! grep -q '^  name: clipyard-secrets' "$out"; then
  echo "missing Secret clipyard-secrets in namespace $ns: see k8s/base/secret.template.yaml" >&2
  exit 1
fi
# in-cluster datastores (dev overlay) must be up before migrating
"$kubectl" -n "$ns" rollout status statefulset -l app.kubernetes.io/component=datastore --timeout=5m 2>/dev/null || true

echo "2/4 migrations"
"$kubectl" -n "$ns" delete job clipyard-migrate --ignore-not-found --wait=true
"$kubectl" apply -f "$out" -l app.kubernetes.io/component=migrations
if ! "$kubectl" -n "$ns" wait --for=condition=complete --timeout=15m job/clipyard-migrate; then
  "$kubectl" -n "$ns" logs job/clipyard-migrate --tail=100 >&2 || true
  echo "migrations failed: the apps were not rolled out" >&2
  exit 1
fi

echo "3/4 apps"
"$kubectl" apply -f "$out"

echo "4/4 waiting for the rollout"
for d in auth billing media-worker gateway; do
  "$kubectl" -n "$ns" rollout status "deployment/$d" --timeout=10m
done

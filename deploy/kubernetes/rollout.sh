#!/usr/bin/env bash
# Deploy a release with an overlay, in the order a release needs:
#   1. the release's migration Job (the previous run deleted first: a Job's pod template
#      cannot change), 2. wait until it completes, and stop if it fails, 3. the application,
#   4. wait until its Deployments have rolled out.
# kustomize renders objects but cannot wait between them, hence this script (or the same
# steps in CD). The previous release serves throughout: migrations keep it working.
#
# Usage: deploy/kubernetes/rollout.sh OVERLAY_DIR [NAMESPACE]
#   e.g. deploy/kubernetes/rollout.sh deploy/kubernetes/overlays/production inkslot
# OVERLAY_DIR has a migrate/ kustomization inside. kubectl's current context is used;
# MIGRATE_TIMEOUT (seconds, 900) bounds step 2.
set -euo pipefail

overlay=${1:?usage: rollout.sh OVERLAY_DIR [NAMESPACE]}
namespace=${2:-inkslot}
timeout=${MIGRATE_TIMEOUT:-900}
k() { kubectl --namespace "$namespace" "$@"; }

migration_failed() {
    echo "rollout.sh: $1; the Job's log:" >&2
    k logs job/inkslot-migrate --tail=100 >&2 || true
    exit 1
}

echo "== migrations"
k delete job/inkslot-migrate --ignore-not-found --wait=true
k apply -k "$overlay/migrate"
deadline=$((SECONDS + timeout))
while :; do
    conditions=$(k get job/inkslot-migrate \
        -o jsonpath='{range .status.conditions[?(@.status=="True")]}{.type}{" "}{end}')
    case " $conditions " in
        *" Complete "*) break ;;
        *" Failed "*) migration_failed "the migration Job failed" ;;
    esac
    if ((SECONDS >= deadline)); then
        migration_failed "the migration Job did not finish within ${timeout}s"
    fi
    sleep 5
done
k logs job/inkslot-migrate --tail=20

echo "== application"
k apply -k "$overlay"
for deployment in inkslot-api inkslot-worker inkslot-payment-edge; do
    k rollout status "deployment/$deployment" --timeout=10m
done

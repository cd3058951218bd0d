#!/bin/sh
# Container entry point: starts one Clipyard app chosen by the first argument or by $APP.
#   clipyard gateway|auth|billing|media-worker   the app (node dist/apps/<app>/src/main.js)
#   clipyard migrate [run|revert|status]         database migrations (default: run)
#   clipyard repl [app]                          the admin REPL (default: gateway)
#   clipyard bootstrap-admin                     first admin + API key, printed once (run it interactively)
#   clipyard <any other command>                 runs it as is (e.g. sh for debugging)
set -eu
cmd="${1:-${APP:-}}"
[ $# -gt 0 ] && shift
case "$cmd" in
  gateway|auth|billing|media-worker)
    exec node "dist/apps/$cmd/src/main.js" "$@" ;;
  migrate)
    [ $# -eq 0 ] && set -- run
    exec node dist/libs/database/src/migrate.js "$@" ;;
  repl)
    exec node "dist/apps/${1:-gateway}/src/repl.js" ;;
  bootstrap-admin)
    exec node dist/apps/auth/src/cli/bootstrap-admin.js "$@" ;;
  "")
    echo "usage: clipyard <gateway|auth|billing|media-worker|migrate|repl|bootstrap-admin> (or set APP)" >&2
    exit 64 ;;
  *)
    exec "$cmd" "$@" ;;
esac

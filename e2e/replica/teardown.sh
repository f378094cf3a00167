#!/usr/bin/env bash
# Stops the two servers started by setup.sh (by their pid files) and removes the directory.
set -uo pipefail
DIR=${REPLICA_TEST_DIR:?set REPLICA_TEST_DIR to the directory setup.sh printed}
for name in replica primary; do
  pidfile="$DIR/$name/pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null
done
case "$DIR" in /tmp/touming-replica-*) rm -rf "$DIR" ;; esac

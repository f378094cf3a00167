#!/usr/bin/env bash
# Two private MariaDB servers for the read-replica test: a primary with the binary log on
# REPLICA_TEST_PRIMARY_PORT (3407) and a binlog (GTID) replica of it on REPLICA_TEST_REPLICA_PORT (3408),
# in a temporary directory. The machine's shared MariaDB (3306) runs without the binary log and is
# used by everyone else, so it is not restarted to become a primary.
#   e2e/replica/setup.sh   → prints the directory; REPLICA_TEST_DIR=<dir> e2e/replica/teardown.sh stops and removes it
set -euo pipefail
PRIMARY_PORT=${REPLICA_TEST_PRIMARY_PORT:-3407}
REPLICA_PORT=${REPLICA_TEST_REPLICA_PORT:-3408}
DIR=${REPLICA_TEST_DIR:-$(mktemp -d /tmp/touming-replica-XXXXXX)}
USER_FLAG=()
[ "$(id -u)" = 0 ] && USER_FLAG=(--user=root)

start() { # name port server-id extra…
  local name=$1 port=$2 id=$3; shift 3
  mkdir -p "$DIR/$name"
  mariadb-install-db --no-defaults "${USER_FLAG[@]}" --datadir="$DIR/$name/data" --auth-root-authentication-method=normal \
    --skip-test-db >"$DIR/$name/install.log" 2>&1
  mariadbd --no-defaults "${USER_FLAG[@]}" --datadir="$DIR/$name/data" --port="$port" --bind-address=127.0.0.1 \
    --socket="$DIR/$name/sock" --pid-file="$DIR/$name/pid" --server-id="$id" --skip-name-resolve \
    --innodb-buffer-pool-size=64M --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci "$@" \
    >"$DIR/$name/server.log" 2>&1 &
  for _ in $(seq 1 100); do
    mariadb --no-defaults -h127.0.0.1 -P"$port" -uroot -e 'SELECT 1' >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "MariaDB $name did not start on $port; see $DIR/$name/server.log" >&2
  return 1
}

start primary "$PRIMARY_PORT" 101 --log-bin=mysql-bin --binlog-format=ROW
start replica "$REPLICA_PORT" 102 --read-only --relay-log=relay-bin

mariadb --no-defaults -h127.0.0.1 -P"$PRIMARY_PORT" -uroot -e \
  "CREATE USER 'repl'@'%' IDENTIFIED BY 'repl'; GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%';"
mariadb --no-defaults -h127.0.0.1 -P"$REPLICA_PORT" -uroot -e \
  "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$PRIMARY_PORT, MASTER_USER='repl', MASTER_PASSWORD='repl', MASTER_USE_GTID=slave_pos; START SLAVE;"
for _ in $(seq 1 50); do
  state=$(mariadb --no-defaults -h127.0.0.1 -P"$REPLICA_PORT" -uroot -e 'SHOW SLAVE STATUS\G' | awk '/Slave_IO_Running:|Slave_SQL_Running:/ {print $2}' | tr '\n' ' ')
  [ "$state" = "Yes Yes " ] && { echo "$DIR"; exit 0; }
  sleep 0.2
done
echo "replication did not start: $state" >&2
exit 1

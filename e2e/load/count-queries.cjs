// Preloaded (node -r) into both benchmarked servers: counts the SQL statements sent through mysql2
// (TypeORM's driver and the baseline's alike: every query/execute, BEGIN and COMMIT included).
// SIGUSR2 writes the count so far to /tmp/touming-bench-queries-<pid>; nothing else changes.
'use strict';
const fs = require('node:fs');
const { Connection } = require('mysql2');
let count = 0;
for (const method of ['query', 'execute']) {
  const original = Connection.prototype[method];
  Connection.prototype[method] = function counted(...args) {
    count++;
    return original.apply(this, args);
  };
}
process.on('SIGUSR2', () => fs.writeFileSync(`/tmp/touming-bench-queries-${process.pid}`, String(count)));

#!/usr/bin/env node
'use strict';
// a closed pipe (touming … | head) is not an error worth a stack trace
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(0);
  throw error;
});
require('../dist/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });

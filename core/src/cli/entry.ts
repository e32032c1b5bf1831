import { main } from './main.js';

const code = await main(process.argv.slice(2));
process.exitCode = code;
if (code !== 0) {
  // A failed command has reported its error and closed what it opened, so the process normally
  // ends now. Should something still hold it open (a bug), exit anyway: a failure that hangs
  // looks to a supervisor or a script like a platform that is running.
  setTimeout(() => {
    process.stderr.write(`lifelong: exiting ${code} with resources still open (a bug: please report it)\n`);
    process.exit(code);
  }, 3000).unref();
}

// The cellhub binary: the command line over this process's own streams.
import { runCli } from './cli/program.ts';
import { processIo } from './cli/io.ts';

// Files this process makes (the embedded database, generated keys) are its owner's alone.
process.umask(0o077);
// Output piped into a reader that stops early (`| head`) ends the command quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
const code = await runCli(process.argv.slice(2), processIo);
// A failed command may leave handles open (a half-opened database); don't wait on them.
if (code !== 0) process.exit(code);

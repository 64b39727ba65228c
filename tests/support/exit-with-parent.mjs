// Preloaded (`node --import`) into every server a test starts. The server is a child of the test
// worker, and a worker that ends (or is killed) does not take its children with it; the pipe on
// the server's standard input closes when the worker goes, whatever way it goes, and so does the
// server. The kiosk itself never reads standard input.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

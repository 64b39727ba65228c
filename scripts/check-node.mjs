// Run first by `npm start` and `npm test`: Kerro runs and is tested on Node 24 LTS only. Kept to
// syntax any old Node can parse, so the refusal itself works there.
const major = Number(process.versions.node.split('.')[0]);
if (!(major >= 24)) {
  process.stderr.write(`Kerro needs Node 24 or newer, and this is Node ${process.version}: run \`. scripts/node-24.sh\` first (it brings Node 24 from the npm registry).\n`);
  process.exit(1);
}

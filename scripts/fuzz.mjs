// Long fuzzing runs of the property tests (test/unit/fuzz*.test.ts), for as long
// as you like, with a new seed each time (printed, so a failure can be replayed).
//
//   npm run fuzz                          60 s
//   FUZZ_SECONDS=600 npm run fuzz         10 minutes
//   npm run fuzz -- --seconds 600 --seed 12345
//
// The figures of the run (cases generated, edits replayed, crashes) are printed
// and kept in test-results/fuzz-figures.json; docs/reliability.md quotes them.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const seconds = Number(arg('seconds') ?? process.env.FUZZ_SECONDS ?? 60);
if (!(seconds > 0)) {
  console.error('The fuzzing time must be a positive number of seconds (FUZZ_SECONDS=600 or --seconds 600).');
  process.exit(2);
}
const seed = arg('seed') ?? process.env.FUZZ_SEED ?? String(Date.now() % 2 ** 31);

console.log(`Fuzzing for ${seconds} s with seed ${seed} (replay: FUZZ_SEED=${seed} FUZZ_SECONDS=${seconds} npm run fuzz)`);
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-b'], { stdio: 'inherit' });
if (tsc.status !== 0) {
  console.log('The type-check failed: the fuzz tests cannot run.');
  process.exit(1);
}

const files = ['out/test/unit/fuzz.test.js', 'out/test/unit/fuzz-config.test.js'].filter((f) => existsSync(f));
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SECONDS: String(seconds), FUZZ_SEED: seed },
});

const figuresFile = 'test-results/fuzz-figures.json';
if (existsSync(figuresFile)) {
  const f = JSON.parse(readFileSync(figuresFile, 'utf8'));
  console.log('\nFigures of this run:');
  console.log(`  seed                     ${f.seed}`);
  console.log(`  corpora generated        ${f.corporaGenerated}`);
  console.log(`  characters parsed        ${f.charactersParsed}`);
  console.log(`  diagnostics checked      ${f.diagnosticsChecked}`);
  console.log(`  hostile positions tried  ${f.hostilePositionsTried}`);
  console.log(`  edits replayed           ${f.editsReplayed} (in ${f.editSequences} sequences)`);
  console.log(`  crashes                  ${f.crashes}`);
  console.log(`  seconds                  ${f.seconds}`);
}
process.exit(r.status ?? 1);

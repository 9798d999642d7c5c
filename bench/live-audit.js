// Benchmark: a live audit of 100,000 resources (100 Resource Graph pages) against the local ARM
// stand-in (test/live/fake-arm-server.js), with the baseline profile and the ARM GETs its rules
// need. The estate (syntheticRows) is storage, Key Vault, Event Hubs and Log Analytics in equal
// shares plus one Synapse workspace per thousand. Server and audit run in their own processes,
// so the figures are the audit's alone.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Starts the server and the measured audit; prints the figures and returns them. */
export async function benchLiveAudit(count = Number(process.env.AZREADY_BENCH_LIVE_RESOURCES ?? 100_000)) {
  const server = spawn(process.execPath, [path.join(here, '..', 'test', 'live', 'fake-arm-server.js'), '--synthetic', String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const { url } = await firstLine(server.stdout);
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--measure', url], { stdio: ['ignore', 'pipe', 'inherit'] });
    const figures = await firstLine(child.stdout);
    const s = figures.stats;
    console.log(`live audit: ${s.resources} resources from ${s.pages} Resource Graph pages + ${s.armRequests} ARM GETs (concurrency 8) → ${figures.results} results, score ${figures.score}`);
    console.log(`  wall ${figures.wall.toFixed(2)} s (Resource Graph ${s.querySeconds.toFixed(2)} s, ARM GETs ${s.armSeconds.toFixed(2)} s), cpu ${figures.cpu.toFixed(2)} s, ${Math.round(s.resources / figures.wall)} resources/s, peak memory ${figures.peakMb.toFixed(0)} MB`);
    return figures;
  } finally {
    server.kill();
  }
}

function firstLine(stream) {
  return new Promise((resolve, reject) => {
    let buf = '';
    stream.setEncoding('utf8');
    stream.on('data', (c) => {
      buf += c;
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)));
    });
    stream.on('end', () => reject(new Error('the benchmark child ended without output')));
  });
}

async function measure(url) {
  const { audit } = await import('../dist/audit.js');
  const { staticTokenCredential } = await import('../dist/live/credential.js');
  const subscriptions = [0, 1, 2, 3].map((i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const outcome = await audit({
    subscriptions,
    armEndpoint: url,
    credential: staticTokenCredential('bench-token'),
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.diagnostics));
  const report = {
    stats: outcome.stats,
    results: outcome.report.results.length,
    score: outcome.report.summary.score,
    wall,
    cpu: (cpu.user + cpu.system) / 1e6,
    peakMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(report) + '\n');
}

if (process.argv[2] === '--measure') await measure(process.argv[3]);
else if (process.argv[1] === fileURLToPath(import.meta.url)) await benchLiveAudit();

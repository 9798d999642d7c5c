// Benchmarks (npm run bench): the ARM corpus expansion and the Bicep corpus (files/s, ratios to
// JSON.parse, per stage), a longer Bicep fuzz run, rule evaluation over 100,000 synthetic
// resources with every bundled rule (resources/second, CPU time and the process's peak memory
// against the targets: 10 s CPU, 1 GB), then a live audit of 100,000 resources against the local
// ARM stand-in (bench/live-audit.js).
import { performance } from 'node:perf_hooks';
import { benchCorpusExpansion } from './corpus-expansion.js';
import { benchLiveAudit } from './live-audit.js';
import { benchBicepCorpus } from './bicep-corpus.js';
import { benchBicepFuzz } from './bicep-fuzz.js';
import { ResourceSet, computeScore, evaluateRules, loadProfile, loadRulePacks, builtinRulesDir } from '../dist/index.js';

const COUNT = Number(process.env.AZREADY_BENCH_RESOURCES ?? 100_000);
const TYPES = [
  ['Microsoft.Storage/storageAccounts', (i) => ({ sku: { name: i % 3 ? 'Standard_LRS' : 'Standard_GZRS' }, kind: 'StorageV2', properties: { minimumTlsVersion: i % 2 ? 'TLS1_2' : 'TLS1_0', allowBlobPublicAccess: i % 5 === 0, networkAcls: { defaultAction: i % 2 ? 'Deny' : 'Allow', ipRules: [{ value: '10.0.0.0/24' }, { value: i % 7 ? '20.1.2.3' : '0.0.0.0/0' }] } } })],
  ['Microsoft.KeyVault/vaults', (i) => ({ properties: { enableSoftDelete: true, enablePurgeProtection: i % 2 === 0, enableRbacAuthorization: true, softDeleteRetentionInDays: 90 } })],
  ['Microsoft.EventHub/namespaces', (i) => ({ sku: { name: i % 4 ? 'Standard' : 'Basic', capacity: 1 }, properties: { zoneRedundant: true, disableLocalAuth: i % 2 === 0 } })],
  ['Microsoft.Synapse/workspaces', (i) => ({ properties: { managedVirtualNetwork: i % 2 ? 'default' : '', publicNetworkAccess: 'Disabled' } })],
  ['Microsoft.OperationalInsights/workspaces', () => ({ properties: { retentionInDays: 90, workspaceCapping: { dailyQuotaGb: 10 } } })],
];

function synthesize(n) {
  const resources = [];
  for (let i = 0; i < n; i++) {
    const [type, make] = TYPES[i % TYPES.length];
    const name = `r${i}`;
    const id = `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg${i % 50}/providers/${type}/${name}`;
    resources.push({ id, type, name, location: 'westeurope', dependsOn: [], origin: 'snapshot', ...make(i) });
    if (i % 10 === 0) {
      resources.push({ id: `${id}/providers/Microsoft.Insights/diagnosticSettings/diag`, type: 'Microsoft.Insights/diagnosticSettings', name: 'diag', scope: id, dependsOn: [], origin: 'snapshot', properties: { workspaceId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law' } });
    }
  }
  return resources;
}

// Rule evaluation runs after the corpus benchmarks: its 1.3 M results would otherwise stay on the
// heap and slow every later measurement through garbage collection.
function benchRules() {
  const { rules } = loadRulePacks([builtinRulesDir()]);
  const { profile } = loadProfile('baseline');
  const set = new ResourceSet(synthesize(COUNT));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const results = evaluateRules(rules, set);
  const score = computeScore(results, profile);
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMb = process.resourceUsage().maxRSS / 1024;

  console.log(`rule evaluation: ${set.resources.length} resources × ${rules.length} rules → ${results.length} results, score ${score.score}`);
  console.log(`  wall ${wall.toFixed(2)} s, cpu ${cpuSeconds.toFixed(2)} s, ${Math.round(set.resources.length / wall)} resources/s`);
  console.log(`  peak memory ${peakMb.toFixed(0)} MB (target: cpu < 10 s, memory < 1024 MB) ${cpuSeconds < 10 && peakMb < 1024 ? 'OK' : 'OVER TARGET'}`);
}

benchCorpusExpansion();
benchBicepCorpus();
benchBicepFuzz();
benchRules();
await benchLiveAudit();

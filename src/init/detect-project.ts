// What `azready init` detects in a repository: the folders that hold templates, and the scenario
// profile their resource types suggest (baseline unless a scenario's signature types appear).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { walkPaths } from '../discover/walk-paths.js';
import { listProfileFiles } from '../profiles/load-profile.js';

export interface DetectedProject {
  /** Top-level folders (relative, `/`) holding Bicep files or ARM templates; `.` for the root. */
  folders: string[];
  templates: number;
  profile: string;
  /** The resource type that chose the profile, when one did. */
  profileReason?: string;
}

/** Resource type prefixes that suggest a scenario profile, checked in this order. */
const SIGNATURES: [profile: string, types: RegExp][] = [
  ['ml-scoring', /Microsoft\.MachineLearningServices\//i],
  ['data-lakehouse', /Microsoft\.(Synapse|Databricks|DataFactory|Purview)\//i],
  ['hybrid', /Microsoft\.(HybridCompute|Kubernetes\/connectedClusters|AzureArcData)/i],
  ['cross-region', /Microsoft\.Network\/(trafficManagerProfiles|frontDoors)|Microsoft\.Cdn\/profiles/i],
];

export function detectProject(dir: string): DetectedProject {
  const walked = walkPaths([dir]);
  const folders = new Set<string>();
  let templates = 0;
  let text = '';
  for (const { path: file } of walked.files) {
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const isTemplate = /\.bicep$/i.test(file) || (/\.jsonc?$/i.test(file) && /deploymentTemplate\.json#/.test(content.slice(0, 2000)));
    if (!isTemplate) continue;
    templates++;
    const rel = path.relative(dir, file).split(path.sep);
    folders.add(rel.length > 1 ? rel[0] : '.');
    text += content + '\n';
  }
  const available = new Set(listProfileFiles().map((f) => path.basename(f).replace(/\.ya?ml$/, '')));
  for (const [profile, types] of SIGNATURES) {
    const m = types.exec(text);
    if (m && available.has(profile)) return { folders: [...folders].sort(), templates, profile, profileReason: m[0].replace(/\/$/, '') };
  }
  return { folders: [...folders].sort(), templates, profile: 'baseline' };
}

// `azready init`: a commented azready.yaml with the detected profile and folders, a GitHub Actions
// workflow (SARIF to code scanning, Markdown to the job summary) and an Azure Pipelines file
// (JUnit to the Tests tab). Existing files are kept unless `force`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { detectProject, type DetectedProject } from './detect-project.js';

export interface InitFile {
  /** Relative to the project folder, with `/`. */
  path: string;
  status: 'written' | 'replaced' | 'kept';
}

export interface InitResult {
  detected: DetectedProject;
  files: InitFile[];
}

export function initProject(dir: string, options: { force?: boolean } = {}): InitResult {
  const detected = detectProject(dir);
  const planned: [string, string][] = [
    ['azready.yaml', configFile(detected)],
    ['.github/workflows/azready.yml', GITHUB_WORKFLOW],
    ['azure-pipelines.yml', AZURE_PIPELINES],
  ];
  const files: InitFile[] = [];
  for (const [rel, content] of planned) {
    const file = path.join(dir, ...rel.split('/'));
    const exists = existsSync(file);
    if (exists && !options.force) {
      files.push({ path: rel, status: 'kept' });
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    files.push({ path: rel, status: exists ? 'replaced' : 'written' });
  }
  return { detected, files };
}

function configFile(d: DetectedProject): string {
  const why = d.profileReason ? `chosen because the templates declare ${d.profileReason} resources` : 'no scenario-specific resource types were found';
  const folders = d.folders.filter((f) => f !== '.');
  const include = folders.length && !d.folders.includes('.')
    ? ['# Folders a folder scan reads (globs); templates were found in these.', 'include:', ...folders.map((f) => `  - ${quote(`${f}/**`)}`)]
    : ['# Folders a folder scan reads (globs); without it, every template under this folder is read.', '# include:', "#   - 'infra/**'"];
  return [
    '# azready configuration (README "Configuration"). Paths are relative to this file; flags given to',
    '# `azready scan` win over these settings. Written by `azready init`.',
    '',
    '# Profile: a bundled name (baseline, data-lakehouse, ml-scoring, cross-region, hybrid) or a YAML file;',
    `# ${why}.`,
    `profile: ${d.profile}`,
    '',
    ...include,
    '# exclude:',
    "#   - '**/legacy/**'",
    '',
    '# A parameters file per template (path or glob → file); otherwise x.json picks up x.parameters.json.',
    '# parameters:',
    '#   infra/main.json: infra/main.prod.parameters.json',
    '',
    '# Extra rule folders of <service>/<name>.yaml rules.',
    '# rules:',
    '#   - azready-rules',
    '',
    '# Per-rule settings: turn a rule off, or change its severity.',
    '# overrides:',
    '#   storage/lifecycle-management: { disabled: true }',
    '#   storage/geo-redundant: { severity: high }',
    '',
    '# Accepted findings. Each needs a reason; after `expires` (YYYY-MM-DD) the finding counts again.',
    '# In the sources: `// azready-disable-next-line <rule-id> <reason>` in Bicep, and',
    '# "metadata": { "azready": { "suppress": [{ "rule": "…", "reason": "…" }] } } on an ARM resource.',
    '# suppressions:',
    '#   - rule: storage/no-public-blob-access',
    '#     resource: publicassets*      # glob on the resource name or id',
    '#     reason: serves public product images (ticket WEB-7)',
    '#     expires: 2027-06-30',
    '',
    '# The CI gate: exit 1 when a rule of this severity or higher fails, or the score is below minScore.',
    '# The CI files azready init writes leave the gate to this setting (no --fail-on flag).',
    'failOn: high',
    '# minScore: 70',
    '',
  ].join('\n');
}

function quote(s: string): string {
  return /^[\w./-]+$/.test(s) && !s.startsWith('*') ? s : `'${s.replace(/'/g, "''")}'`;
}

const GITHUB_WORKFLOW = `# azready: Azure readiness checks on pushes and pull requests (written by \`azready init\`).
# Findings appear in code scanning (SARIF) and in the job summary (Markdown).
name: azready

on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read
  security-events: write # upload SARIF to code scanning

jobs:
  azready:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - name: Scan
        run: npx azready scan . --format sarif,markdown --output-dir azready-results
      - name: Job summary
        if: always() && hashFiles('azready-results/azready.md') != ''
        run: cat azready-results/azready.md >> "$GITHUB_STEP_SUMMARY"
      - name: Upload SARIF
        if: always() && hashFiles('azready-results/azready.sarif') != ''
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: azready-results/azready.sarif
          category: azready
`;

const AZURE_PIPELINES = `# azready: Azure readiness checks (written by \`azready init\`).
# Results appear in the run's Tests tab (JUnit); the SARIF goes to the CodeAnalysisLogs artifact,
# which the SARIF SAST Scans Tab extension shows.
trigger:
  - main

pool:
  vmImage: ubuntu-latest

steps:
  - task: NodeTool@0
    inputs:
      versionSpec: '22.x'
  - script: npx azready scan . --format junit,sarif --output-dir azready-results
    displayName: azready scan
  - task: PublishTestResults@2
    displayName: Publish azready results
    condition: succeededOrFailed()
    inputs:
      testResultsFormat: JUnit
      testResultsFiles: azready-results/azready.xml
      testRunTitle: azready
  - task: PublishBuildArtifacts@1
    displayName: Publish SARIF
    condition: succeededOrFailed()
    inputs:
      PathtoPublish: azready-results/azready.sarif
      ArtifactName: CodeAnalysisLogs
`;

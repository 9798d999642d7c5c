// A small deployed estate for the live tests: Resource Graph rows as the service returns them
// (lower-cased types, empty columns), over three subscriptions.
export const SUBS = ['11111111-0000-0000-0000-000000000001', '11111111-0000-0000-0000-000000000002', '11111111-0000-0000-0000-000000000003'];

export function storageRow(sub: string, name: string, props: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `/subscriptions/${sub}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/${name}`,
    name,
    type: 'microsoft.storage/storageaccounts',
    tenantId: 'tenant',
    kind: 'StorageV2',
    location: 'westeurope',
    resourceGroup: 'rg-data',
    subscriptionId: sub,
    managedBy: '',
    sku: { name: 'Standard_ZRS', tier: 'Standard' },
    plan: null,
    properties: { minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true, allowBlobPublicAccess: false, ...props },
    tags: {},
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

export function vaultRow(sub: string, name: string, props: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `/subscriptions/${sub}/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/${name}`,
    name,
    type: 'microsoft.keyvault/vaults',
    tenantId: 'tenant',
    kind: '',
    location: 'westeurope',
    resourceGroup: 'rg-sec',
    subscriptionId: sub,
    managedBy: '',
    sku: null,
    plan: null,
    properties: { enableSoftDelete: true, enablePurgeProtection: true, enableRbacAuthorization: true, softDeleteRetentionInDays: 90, ...props },
    tags: {},
    identity: null,
    zones: null,
    extendedLocation: null,
  };
}

export function diagnosticsRow(targetId: string, name: string, workspace = true): Record<string, unknown> {
  return {
    id: `${targetId}/providers/Microsoft.Insights/diagnosticSettings/${name}`,
    name,
    type: 'Microsoft.Insights/diagnosticSettings',
    properties: { ...(workspace ? { workspaceId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law' } : {}), logs: [{ categoryGroup: 'allLogs', enabled: true }] },
  };
}

export function blobServicesRow(accountId: string, softDelete: boolean): Record<string, unknown> {
  return {
    id: `${accountId}/blobServices/default`,
    name: 'default',
    type: 'Microsoft.Storage/storageAccounts/blobServices',
    properties: { deleteRetentionPolicy: { enabled: softDelete, days: 14 }, containerDeleteRetentionPolicy: { enabled: softDelete, days: 14 } },
  };
}

/** Storage accounts and vaults spread over the subscriptions, with some extras. */
export function estate(perSub = 3): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  SUBS.forEach((sub, s) => {
    for (let i = 0; i < perSub; i++) {
      const st = storageRow(sub, `st${s}${i}`, i === 0 ? { minimumTlsVersion: 'TLS1_0' } : {});
      rows.push(st, blobServicesRow(st.id as string, i % 2 === 0));
      const kv = vaultRow(sub, `kv${s}${i}`);
      rows.push(kv);
      if (i !== 1) rows.push(diagnosticsRow(kv.id as string, 'to-law'));
    }
  });
  return rows;
}

// Scope functions: resourceGroup(), subscription(), managementGroup(), tenant(). Ids come from the
// deployment context (or the arguments); properties only Azure knows are Unknown.
import { Unknown, isUnknown } from '../../../core/unknown.js';
import { idSegment, unknownId } from '../../deployment-context.js';
import { arity, str } from './arg-checks.js';
import type { FunctionTable } from './function-def.js';

export const scopeFunctions: FunctionTable = {
  resourcegroup: {
    evaluate(args, ctx) {
      arity('resourceGroup', args, 0, 2);
      const d = ctx.deployment;
      const sub = args.length === 2 ? str('resourceGroup', args[0]) : d.subscriptionId;
      const name = args.length > 0 ? str('resourceGroup', args[args.length - 1]) : d.resourceGroup;
      const own = args.length === 0;
      // A nested deployment into a group or subscription named only at deployment: its id is unknown.
      const unknown = isUnknown(sub) ? sub : isUnknown(name) ? name : undefined;
      return {
        id: unknown ? unknownId(unknown, `/subscriptions/${idSegment(sub, 'subscription')}/resourceGroups/${idSegment(name, 'resource group')}`) : `/subscriptions/${sub as string}/resourceGroups/${name as string}`,
        name,
        type: 'Microsoft.Resources/resourceGroups',
        location: own ? d.location : new Unknown(`the location of the resource group '${name as string}' is only known in Azure`, 'resourceGroup'),
        managedBy: own ? null : new Unknown('resource group details are only known in Azure', 'resourceGroup'),
        tags: new Unknown('the resource group tags are only known in Azure', 'resourceGroup'),
        properties: { provisioningState: 'Succeeded' },
      };
    },
  },
  subscription: {
    evaluate(args, ctx) {
      arity('subscription', args, 0, 1);
      const d = ctx.deployment;
      const sub = args.length ? str('subscription', args[0]) : d.subscriptionId;
      return {
        id: isUnknown(sub) ? unknownId(sub, `/subscriptions/${idSegment(sub, 'subscription')}`) : `/subscriptions/${sub}`,
        subscriptionId: sub,
        tenantId: args.length ? new Unknown('the tenant of another subscription is only known in Azure', 'subscription') : d.tenantId,
        displayName: new Unknown('the subscription display name is only known in Azure', 'subscription'),
      };
    },
  },
  managementgroup: {
    evaluate(args, ctx) {
      arity('managementGroup', args, 0, 1);
      const name = args.length ? str('managementGroup', args[0]) : ctx.deployment.managementGroup;
      return {
        id: `/providers/Microsoft.Management/managementGroups/${name}`,
        name,
        type: 'Microsoft.Management/managementGroups',
        properties: new Unknown('management group details are only known in Azure', 'managementGroup'),
      };
    },
  },
  tenant: {
    evaluate(args, ctx) {
      arity('tenant', args, 0);
      return { tenantId: ctx.deployment.tenantId, countryCode: new Unknown('tenant details are only known in Azure', 'tenant') };
    },
  },
};

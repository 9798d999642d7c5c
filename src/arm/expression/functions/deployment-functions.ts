// parameters(), variables(), resourceGroup(), subscription(), deployment(), tenant(), copyIndex().
import { Unknown, type Value } from '../../../core/unknown.js';
import { resourceGroupId } from '../../deployment-context.js';
import { EvaluationError } from '../eval-context.js';
import { arity, num, str } from './arg-checks.js';
import type { FunctionTable } from './function-def.js';

export const deploymentFunctions: FunctionTable = {
  parameters: {
    evaluate(args, ctx) {
      arity('parameters', args, 1);
      const name = str('parameters', args[0]);
      const v = ctx.parameter(name);
      if (v === undefined) throw new EvaluationError(`the parameter '${name}' is not declared`);
      return v;
    },
  },
  variables: {
    evaluate(args, ctx) {
      arity('variables', args, 1);
      const name = str('variables', args[0]);
      const v = ctx.variable(name);
      if (v === undefined) throw new EvaluationError(`the variable '${name}' is not declared`);
      return v;
    },
  },
  resourcegroup: {
    evaluate(args, ctx) {
      arity('resourceGroup', args, 0);
      const d = ctx.deployment;
      return {
        id: resourceGroupId(d),
        name: d.resourceGroup,
        type: 'Microsoft.Resources/resourceGroups',
        location: d.location,
        managedBy: null,
        tags: new Unknown('the resource group tags are only known in Azure'),
        properties: { provisioningState: 'Succeeded' },
      };
    },
  },
  subscription: {
    evaluate(args, ctx) {
      arity('subscription', args, 0);
      const d = ctx.deployment;
      return {
        id: `/subscriptions/${d.subscriptionId}`,
        subscriptionId: d.subscriptionId,
        tenantId: d.tenantId,
        displayName: new Unknown('the subscription display name is only known in Azure'),
      };
    },
  },
  tenant: {
    evaluate(args, ctx) {
      arity('tenant', args, 0);
      return { tenantId: ctx.deployment.tenantId, countryCode: new Unknown('tenant details are only known in Azure') };
    },
  },
  deployment: {
    evaluate(args, ctx) {
      arity('deployment', args, 0);
      return { name: ctx.deployment.deploymentName, location: ctx.deployment.location, properties: new Unknown('deployment properties are only known in Azure') };
    },
  },
  copyindex: {
    evaluate(args, ctx) {
      arity('copyIndex', args, 0, 2);
      let loop: string | undefined;
      let offset = 0;
      if (typeof args[0] === 'string') {
        loop = args[0];
        if (args.length > 1) offset = num('copyIndex', args[1]);
      } else if (args.length > 0) offset = num('copyIndex', args[0]);
      const i = ctx.copyIndex(loop);
      if (i === undefined) throw new EvaluationError(loop ? `copyIndex('${loop}') is used outside that copy loop` : 'copyIndex() is used outside a copy loop');
      return i + offset;
    },
  },
};

/** The functions whose results only exist at deployment time. */
export function runtimeOnly(name: string, reason: string): FunctionTable {
  return { [name]: { acceptsUnknown: true, evaluate: (): Value => new Unknown(reason, name) } };
}

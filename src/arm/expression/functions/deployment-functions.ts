// Deployment functions: parameters(), variables(), deployment(), deployer(), copyIndex(). The
// deployment's own values come from the DeploymentContext; what only Azure knows is Unknown.
import { Unknown } from '../../../core/unknown.js';
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
  deployment: {
    evaluate(args, ctx) {
      arity('deployment', args, 0);
      return { name: ctx.deployment.deploymentName, location: ctx.deployment.location, properties: new Unknown('deployment properties are only known in Azure') };
    },
  },
  deployer: {
    evaluate(args, ctx) {
      arity('deployer', args, 0);
      return {
        objectId: new Unknown('deployer() is the identity that runs the deployment', 'deployer'),
        tenantId: ctx.deployment.tenantId,
        userPrincipalName: new Unknown('deployer() is the identity that runs the deployment', 'deployer'),
      };
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

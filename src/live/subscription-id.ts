// Subscription ids as Azure's APIs take them: a name ("Contoso Prod") is the usual slip, and ARM
// would answer it with a 404 or an authorization error that does not say so.
const SUBSCRIPTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What is wrong with the given --subscription values, or undefined when all are ids. */
export function subscriptionIdProblem(values: readonly string[]): string | undefined {
  const notIds = values.filter((s) => !SUBSCRIPTION_ID.test(s));
  if (!notIds.length) return undefined;
  return `--subscription takes a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000), not ${notIds.map((s) => `'${s}'`).join(', ')}; find it with az account list --query "[].{name:name, id:id}" -o table`;
}

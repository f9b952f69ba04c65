// A module resolve hook that adds the `@ferry/source` export condition, so that workspace
// packages resolve to their TypeScript sources when the CLI runs from the repository.
export async function resolve(specifier, context, next) {
  const conditions = context.conditions.includes('@ferry/source')
    ? context.conditions
    : ['@ferry/source', ...context.conditions];
  return next(specifier, { ...context, conditions });
}

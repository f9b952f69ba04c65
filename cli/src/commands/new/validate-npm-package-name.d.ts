// validate-npm-package-name 6 ships no types.
declare module 'validate-npm-package-name' {
  interface Validation {
    validForNewPackages: boolean;
    validForOldPackages: boolean;
    warnings?: string[];
    errors?: string[];
  }
  function validate(name: string): Validation;
  export default validate;
}

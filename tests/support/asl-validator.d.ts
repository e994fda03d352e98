// asl-validator ships no types; only what the tests call is declared.
declare module 'asl-validator' {
  function validator(
    definition: unknown,
    options?: { checkPaths?: boolean; checkArn?: boolean },
  ): { isValid: boolean; errorsText: (separator?: string) => string };
  export default validator;
}

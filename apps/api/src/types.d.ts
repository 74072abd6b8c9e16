declare module 'fxa-common-password-list' {
  export function test(password: string): boolean;
}

// negotiator (Apollo Server's own dependency for choosing a response type) ships no types; the
// prepared path uses its one call, as Apollo does
declare module 'negotiator' {
  class Negotiator {
    constructor(request: { headers: { accept?: string } });
    mediaType(available?: string[]): string | undefined;
  }
  export = Negotiator;
}

// opencc-js ships each dictionary as its own module ("source target|source target|…") under
// its "./*" export, without type declarations.
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}

/** Vite turns an imported picture into its URL (small ones into a data: URL inside the bundle). */
declare module '*.svg' {
  const url: string;
  export default url;
}
